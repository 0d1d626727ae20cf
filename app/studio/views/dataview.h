// Data & forward process: choose a data set, pick an image, and watch q(x_t | x0) noise it.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "interpolation.h"

#include "dataloader.h"

#include "diffusion.h"
#endif

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
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
    // A data set that could not be loaded (the message was shown): the line under the picker says again
    // what is loaded, or the message where nothing is.
    void setLoadFailed(const QString& message);
    QString statusText() const; // the line under the picker
    // The schedule the view noises with (its combo shows the kind; the user may pick another).
    void setSchedule(const ddpm::ScheduleOptions& options);
    ddpm::ScheduleOptions schedule() const;
    // The open model's schedule. "Denoise from here" noises with it, not with the combo's: the model
    // only knows the x_t of its own schedule. Until it is set the button is off.
    void setModelSchedule(const ddpm::ScheduleOptions& options);
    // The x_t "Denoise from here" hands on: √ᾱ_t x0 + √(1−ᾱ_t) ε (eq. 4) under the model's schedule,
    // with the noise ε shown, repeated denoiseCount() times [N, C, H, W]; undefined without an image,
    // a model or t ≥ 1.
    torch::Tensor denoiseStart() const;
    int denoiseCount() const;
    void setDenoiseCount(int count);
    QPushButton* denoiseButton() const { return m_denoise; }
    torch::Tensor noise() const { return m_eps; } // ε of the forward strip, [C, H, W]
    ImageView* tile() const { return m_large; }   // the large x_t
    // "28×28, padded to 32×32" (or "32×32", or "32×32, scaled to 16×16"): what became of the data
    // set's images on the way to the model's size.
    QString sizeCaption() const;
    // The image size of a data set as its files hold it, where the format fixes it (Fashion-MNIST and
    // MNIST-style folders 28×28, CIFAR-10 32×32); invalid otherwise.
    static QSize sourceImageSize(const QString& spec);
    int selectedImage() const { return m_selected; } // from 0; the thumbnails number them from 1
    QString spec() const { return m_spec; }
    uint64_t noiseSeed() const { return m_epsSeed; } // the forward strip's ε
    void selectImage(int index);
    // The chosen image in [−1, 1], [C, H, W]; undefined without data.
    torch::Tensor currentImage() const;
    int currentT() const;
    void setT(int t);
    QList<QImage> forwardFrames() const;
    QStringList forwardLabels() const; // the frames' timesteps
    bool hasForwardFrames() const;     // without computing them
    // Data set choices: spec strings of the combo (for tests and settings).
    void setSourceSpec(const QString& spec);

Q_SIGNALS:
    void sourceRequested(const QString& spec);
    // `scheduleNote`: empty, or what the user should know when the view showed another schedule than the
    // model's (the x_t is the model's; the view switches to it).
    // label: the chosen image's class in its data set, or −1 where the set has no labels.
    void denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote, int label);
    // Walk from image a to image b ([C, H, W] in [−1, 1]) at t; `which` names them ("12 → 40").
    // Walk between two data-set images ([C, H, W] in [−1, 1]) with the dialog's settings; labelA, labelB:
    // their classes in the data set, or −1 where it has no labels.
    void interpolateRequested(const torch::Tensor& a, const torch::Tensor& b, const ddpm::InterpolationOptions& walk,
                              const QString& which, int labelA, int labelB);
    void liveValuesChanged(const QMap<QString, QString>& values);
    void imageSelected(int index);

private:
    QWidget* buildDataSetPanel();
    QGroupBox* buildForwardPanel();
    void createForwardControls();
    void connectSignals();
    void onSourceActivated(int index);
    void onDenoiseClicked();
    void onInterpolateClicked();
    QString computeSizeCaption() const;
    void rerollNoise();
    void updateStrip();
    void updateScrub();

    QComboBox* m_source;
    QLabel* m_status;
    QString m_description; // of the data set shown, as m_status says it once loaded
    ImageGrid* m_thumbs;
    QComboBox* m_scheduleKind;
    QPushButton* m_reroll;
    ImageStrip* m_strip;
    TimestepScrubber* m_scrubber;
    ImageView* m_large;
    QLabel* m_tileCaption;
    QLabel* m_values;
    HistogramView* m_histogram;
    QPushButton* m_denoise;
    QSpinBox* m_denoiseCount;
    QPushButton* m_interpolate;

    DatasetPtr m_data;
    QString m_spec;
    QString m_sizeCaption;
    int m_selected = 0;
    ddpm::ScheduleOptions m_options;
    std::optional<ddpm::Diffusion> m_diffusion;
    std::optional<ddpm::ScheduleOptions> m_modelOptions;
    std::optional<ddpm::Diffusion> m_modelDiffusion;
    torch::Tensor m_eps;
    uint64_t m_noiseSeed = 1; // the next ε's
    uint64_t m_epsSeed = 0;   // m_eps's
};
