// A timeline control for stepping through frames: slider, play/pause button, playback speed in frames
// per second and a label for the current value.
//
// Keys (on the scrubber or its slider): Left/Right step by one, PageUp/PageDown by a page,
// Home/End jump to the ends, Space toggles playback. Playback advances by one value per frame and
// stops at the maximum.
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

class TimestepScrubber : public QWidget {
    Q_OBJECT

public:
    static constexpr int MinimumFps = 1;
    static constexpr int MaximumFps = 60;

    explicit TimestepScrubber(QWidget* parent = nullptr);
    ~TimestepScrubber() override;

    void setRange(int minimum, int maximum);
    int minimum() const;
    int maximum() const;
    int value() const;

    // Text shown for a value, e.g. [](int i) { return QStringLiteral("t = %1").arg(1000 - i); }.
    // The default shows the number.
    void setLabelFunction(std::function<QString(int)> function);
    QString labelText() const;

    bool isPlaying() const;
    int fps() const;
    void setFps(int fps); // clamped to MinimumFps..MaximumFps
    // Values a frame of playback moves on (1: every value). The arrow keys and the slider still reach each.
    void setPlaybackStride(int stride);
    int playbackStride() const;

public Q_SLOTS:
    void setValue(int value); // clamped to the range
    void play();              // from the minimum when already at the maximum
    void pause();
    void togglePlaying();

Q_SIGNALS:
    void valueChanged(int value);
    void playingChanged(bool playing);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(QKeyEvent* event);
    void advance();
    void updateLabel();
    void updateLabelWidth();
    void updatePlayButton();
    void updateTimerInterval();

    QSlider* m_slider = nullptr;
    QToolButton* m_playButton = nullptr;
    QSpinBox* m_fpsSpinBox = nullptr;
    QLabel* m_label = nullptr;
    QTimer* m_timer = nullptr;
    std::function<QString(int)> m_labelFunction;
    int m_stride = 1;
};
