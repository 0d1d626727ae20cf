// Data & forward process: choose a data set, pick an image, and watch q(x_t | x0) noise it.
#pragma once

#include "dataloader.h"

#include "diffusion.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class HistogramView;
class ImageGrid;
class ImageStrip;
class TimestepScrubber;
class ImageView;

class DataView : public QWidget {
    Q_OBJECT
public:
    explicit DataView(QWidget* parent = nullptr);

    void setDataset(DatasetPtr data, const QString& spec);
    void setLoading(const QString& message);
    void setSchedule(const ddpm::ScheduleOptions& options);
    ddpm::ScheduleOptions schedule() const;
    int selectedImage() const { return m_selected; }
    void selectImage(int index);
    // The chosen image in [−1, 1], [C, H, W]; undefined without data.
    torch::Tensor currentImage() const;
    int currentT() const;
    void setT(int t);
    QImage forwardStripImage() const;
    QList<QImage> forwardFrames() const;
    // Data set choices: spec strings of the combo (for tests and settings).
    void setSourceSpec(const QString& spec);

Q_SIGNALS:
    void sourceRequested(const QString& spec);
    void denoiseFromHere(const torch::Tensor& xt, int t);
    void liveValuesChanged(const QMap<QString, QString>& values);
    void imageSelected(int index);

private:
    void onSourceActivated(int index);
    void rerollNoise();
    void updateStrip();
    void updateScrub();

    QComboBox* m_source;
    QLabel* m_status;
    ImageGrid* m_thumbs;
    QComboBox* m_scheduleKind;
    QPushButton* m_reroll;
    ImageStrip* m_strip;
    TimestepScrubber* m_scrubber;
    ImageView* m_large;
    QLabel* m_values;
    HistogramView* m_histogram;
    QPushButton* m_denoise;

    DatasetPtr m_data;
    QString m_spec;
    int m_selected = 0;
    ddpm::ScheduleOptions m_options;
    std::optional<ddpm::Diffusion> m_diffusion;
    torch::Tensor m_eps;
    uint64_t m_noiseSeed = 1;
};
