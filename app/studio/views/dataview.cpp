#include "dataview.h"

#include "elidingcombobox.h"
#include "dataset.h"
#include "dialogs.h"

#include "pixels.h"
#include "settings.h"

#include "imageio.h"
#include "imageview.h"
#include "interpolatedialog.h"

#include "histogramview.h"
#include "imagegrid.h"
#include "imagestrip.h"
#include "timestepscrubber.h"

#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

using namespace ddpm;

DataView::DataView(QWidget* parent)
    : QWidget(parent)
{
    QWidget* left = buildDataSetPanel();
    QGroupBox* forward = buildForwardPanel();

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(forward);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connectSignals();
    setSchedule(m_options);
}

// The data set on the left: the source, its status and the thumbnails to pick an image from.
QWidget* DataView::buildDataSetPanel()
{
    m_source = new ElidingComboBox(this);
    if (fashionMnistAvailable())
        m_source->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
    m_source->addItem(tr("Synthetic shapes"), QStringLiteral("synthetic"));
    m_source->addItem(tr("MNIST-style IDX folder…"), QStringLiteral("mnist:"));
    m_source->addItem(tr("IDX image file…"), QStringLiteral("idx:"));
    m_source->addItem(tr("CIFAR-10 binary folder…"), QStringLiteral("cifar10:"));
    m_source->addItem(tr("Folder of PNG/JPEG images…"), QStringLiteral("folder:"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // data set names and errors come from files
    m_status->setWordWrap(true);
    m_thumbs = new ImageGrid(this);
    m_thumbs->setThumbnailSize(44);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(tr("Data set:"), left));
    sourceRow->addWidget(m_source, 1);
    leftLayout->addLayout(sourceRow);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_thumbs, 1);
    return left;
}

// The forward process on the right: the schedule and denoise controls, the strip, the scrubber, and the
// large x_t beside its histogram.
QGroupBox* DataView::buildForwardPanel()
{
    createForwardControls();

    auto* forward = new QGroupBox(tr("Forward process q(xₜ | x₀)"), this);
    auto* f = new QVBoxLayout(forward);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Schedule:"), forward));
    controls->addWidget(m_scheduleKind);
    controls->addWidget(m_reroll);
    controls->addStretch(1);
    controls->addWidget(m_denoise);
    controls->addWidget(m_denoiseCount);
    controls->addWidget(m_interpolate);
    f->addLayout(controls);
    f->addWidget(m_strip);
    f->addWidget(m_scrubber);
    auto* detail = new QHBoxLayout;
    auto* largeBox = new QVBoxLayout;
    largeBox->addWidget(m_large, 1);
    largeBox->addWidget(m_tileCaption);
    auto* histogramBox = new QVBoxLayout;
    histogramBox->addWidget(m_histogram, 1);
    histogramBox->addWidget(m_values);
    detail->addLayout(largeBox, 1);
    detail->addLayout(histogramBox, 1);
    f->addLayout(detail, 1);
    return forward;
}

void DataView::createForwardControls()
{
    m_scheduleKind = new ElidingComboBox(this);
    for (const QString& k : Settings::choices(setting::Schedule))
        m_scheduleKind->addItem(Settings::choiceText(k), k);
    m_reroll = new QPushButton(tr("Re-roll noise"), this);
    m_strip = new ImageStrip(this);
    m_strip->setMinimumHeight(60); // its height for the width it has decides; no empty band under it
    m_strip->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_scrubber = new TimestepScrubber(this);
    m_scrubber->setLabelFunction([](int t) { return tr("t = %1").arg(QLocale().toString(t)); });
    // The x_t worth looking at: as large as the space beside the histogram allows, never under 256 px.
    m_large = new ImageView(this);
    m_large->setMinimumSize(256, 256);
    m_large->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_tileCaption = new QLabel(this);
    m_tileCaption->setAlignment(Qt::AlignHCenter);
    m_values = new QLabel(this);
    m_values->setTextFormat(Qt::RichText);
    m_values->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_histogram = new HistogramView(this);
    m_histogram->setTitle(tr("Pixel values of xₜ against N(0, 1)"));
    m_histogram->setMinimumSize(260, 180);
    m_denoise = new QPushButton(tr("Denoise from here"), this);
    m_denoise->setToolTip(tr("Run the reverse process from this xₜ with the current model. The xₜ is made "
                             "with the model's own schedule, the one it was trained on."));
    m_denoise->setEnabled(false);
    m_interpolate = new QPushButton(tr("Interpolate with…"), this);
    m_interpolate->setToolTip(
        tr("Walk from this image to another one: both noised to this t with the same noise, mixed in steps of λ "
           "from 0 to 1, and each mixture denoised with the same reverse noise (Ho et al. 2020, Fig. 8), or both "
           "inverted with DDIM to the noise at t = T and mixed there. At a small t the walk mixes the pixels; at a "
           "large t it "
           "passes through new images."));
    m_interpolate->setEnabled(false);
    m_denoiseCount = new QSpinBox(this);
    m_denoiseCount->setRange(1, 16);
    m_denoiseCount->setValue(4);
    m_denoiseCount->setSuffix(tr(" images"));
    m_denoiseCount->setToolTip(tr("Continue this one xₜ as several images side by side; each draws its own "
                                  "noise on the way down (DDIM with η = 0 draws none, so its images agree)."));
}

void DataView::connectSignals()
{
    connect(m_source, &QComboBox::activated, this, &DataView::onSourceActivated);
    connect(m_thumbs, &ImageGrid::imageSelected, this, &DataView::selectImage);
    connect(m_scheduleKind, &QComboBox::activated, this, [this] {
        m_options.kind = parseScheduleKind(m_scheduleKind->currentData().toString().toStdString()).value();
        setSchedule(m_options);
    });
    connect(m_reroll, &QPushButton::clicked, this, &DataView::rerollNoise);
    connect(m_scrubber, &TimestepScrubber::valueChanged, this, &DataView::updateScrub);
    connect(m_strip, &ImageStrip::columnClicked, this, [this](int c) {
        const auto ts = forwardStripTimesteps(m_options.steps);
        if (c >= 0 && c < static_cast<int>(ts.size()))
            m_scrubber->setValue(ts[static_cast<size_t>(c)]);
    });
    connect(m_denoise, &QPushButton::clicked, this, &DataView::onDenoiseClicked);
    connect(m_interpolate, &QPushButton::clicked, this, &DataView::onInterpolateClicked);
}

void DataView::setSourceSpec(const QString& spec)
{
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    for (int i = 0; i < m_source->count(); ++i) {
        if (m_source->itemData(i).toString().section(QLatin1Char(':'), 0, 0) == kind) {
            m_source->setCurrentIndex(i);
            return;
        }
    }
}

void DataView::onSourceActivated(int index)
{
    QString spec = m_source->itemData(index).toString();
    if (spec.endsWith(QLatin1Char(':'))) {
        QString path;
        if (spec == QLatin1String("idx:"))
            path = Dialogs::openPath(this, tr("Open an IDX image file"), QStringLiteral("data"), QDir::homePath(),
                                     tr("IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)"));
        else
            path = Dialogs::folderPath(this, tr("Choose a folder"), QStringLiteral("data"), QDir::homePath());
        if (path.isEmpty()) {
            setSourceSpec(m_spec);
            return;
        }
        spec = spec == QLatin1String("mnist:") || spec == QLatin1String("cifar10:")
                   ? QString::fromStdString(ddpm::folderDataSpec(spec.chopped(1).toStdString(), path.toStdString()))
                   : spec + path;
    }
    Q_EMIT sourceRequested(spec);
}

void DataView::setLoading(const QString& message)
{
    m_status->setText(message);
}

void DataView::setLoadFailed(const QString& message)
{
    m_status->setText(m_description.isEmpty() ? message : m_description);
}

QString DataView::statusText() const
{
    return m_status->text();
}

namespace {
bool sameSchedule(const ScheduleOptions& a, const ScheduleOptions& b)
{
    return a.kind == b.kind && a.steps == b.steps && a.betaStart == b.betaStart && a.betaEnd == b.betaEnd &&
           a.cosineOffset == b.cosineOffset && a.maxBeta == b.maxBeta;
}
} // namespace

void DataView::setModelSchedule(const ScheduleOptions& options)
{
    m_modelOptions = options;
    m_modelDiffusion.emplace(NoiseSchedule(options), Prediction::Epsilon);
    updateScrub();
}

int DataView::denoiseCount() const
{
    return m_denoiseCount->value();
}
void DataView::setDenoiseCount(int count)
{
    m_denoiseCount->setValue(count);
}

torch::Tensor DataView::denoiseStart() const
{
    const auto x0 = currentImage();
    const int t = currentT();
    if (!m_modelDiffusion || !x0.defined() || !m_eps.defined() || m_eps.sizes() != x0.sizes() || t < 1 ||
        t > m_modelDiffusion->steps())
        return {};
    const auto xt = m_modelDiffusion->forwardStrip(x0, {t}, m_eps).front();
    return xt.unsqueeze(0).repeat({denoiseCount(), 1, 1, 1});
}

void DataView::onDenoiseClicked()
{
    if (!m_modelOptions)
        return;
    // Show what is denoised: the x_t of the model's schedule, not of another one picked to look at.
    QString note;
    if (!sameSchedule(m_options, *m_modelOptions)) {
        const auto describe = [](const ScheduleOptions& o) {
            return tr("%1, T = %L2")
                .arg(Settings::choiceText(QString::fromStdString(scheduleKindName(o.kind))))
                .arg(o.steps);
        };
        note = tr("Noised and denoised with the model's schedule (%1): the Data view showed another one (%2) and "
                  "now shows the model's.")
                   .arg(describe(*m_modelOptions), describe(m_options));
        setSchedule(*m_modelOptions);
    }
    const auto xt = denoiseStart();
    const bool labelled = m_data && m_data->labels.defined() && m_selected >= 0 && m_selected < m_data->size();
    if (xt.defined())
        Q_EMIT denoiseFromHere(xt, currentT(), note,
                               labelled ? static_cast<int>(m_data->labels[m_selected].item<int64_t>()) : -1);
}

void DataView::onInterpolateClicked()
{
    if (!m_data || m_data->size() < 2 || !m_modelDiffusion)
        return;
    // Numbered from 1, as the thumbnails are. The images of the data set the dialog offered, which another
    // may replace while it is open (a data set that finished loading).
    const auto data = m_data;
    InterpolateDialog dialog(1, static_cast<int>(data->size()), m_selected + 1, currentT(), m_modelDiffusion->steps(),
                             this);
    if (dialog.exec() != QDialog::Accepted || dialog.from() == dialog.to())
        return;
    const auto image = [&data](int i) { return pixelsToModel(data->images[i - 1]); };
    const auto label = [&data](int i) {
        return data->labels.defined() ? static_cast<int>(data->labels[i - 1].item<int64_t>()) : -1;
    };
    Q_EMIT interpolateRequested(image(dialog.from()), image(dialog.to()), dialog.options(),
                                QStringLiteral("%1 → %2").arg(dialog.from()).arg(dialog.to()), label(dialog.from()),
                                label(dialog.to()));
}

QSize DataView::sourceImageSize(const QString& spec)
{
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    if (kind == QLatin1String("fashion-mnist") || kind == QLatin1String("mnist"))
        return {28, 28};
    if (kind == QLatin1String("cifar10"))
        return {32, 32};
    return {};
}

QString DataView::sizeCaption() const
{
    return m_sizeCaption;
}

QString DataView::computeSizeCaption() const
{
    if (!m_data || m_data->size() == 0)
        return {};
    const auto w = m_data->width(), h = m_data->height();
    const QSize source = sourceImageSize(m_spec);
    if (source.isValid() && source.width() <= w && source.height() <= h && source != QSize(int(w), int(h))) {
        // Centre padding with zeros (core's fitToModel): the border must be black in every image.
        const auto top = (h - source.height()) / 2, left = (w - source.width()) / 2;
        const auto& im = m_data->images;
        const auto blackBand = [&](int64_t dim, int64_t start, int64_t length) {
            return length <= 0 || im.narrow(dim, start, length).max().item<int>() == 0;
        };
        const bool black = blackBand(2, 0, top) && blackBand(3, 0, left) &&
                           blackBand(2, top + source.height(), h - top - source.height()) &&
                           blackBand(3, left + source.width(), w - left - source.width());
        if (black)
            return tr("%1×%2, padded to %3×%4").arg(source.width()).arg(source.height()).arg(w).arg(h);
    } else if (source.isValid() && (source.width() > w || source.height() > h)) {
        return tr("%1×%2, scaled to %3×%4").arg(source.width()).arg(source.height()).arg(w).arg(h);
    }
    return tr("%1×%2").arg(w).arg(h);
}

void DataView::setDataset(DatasetPtr data, const QString& spec)
{
    m_data = std::move(data);
    m_spec = spec;
    m_sizeCaption = computeSizeCaption();
    setSourceSpec(spec);
    m_description.clear();
    if (!m_data) {
        m_thumbs->clear();
        return;
    }
    const QString colours = m_data->channels() == 1 ? tr("grey") : tr("colour");
    m_description =
        (m_data->size() == 1 ? tr("%1: one image, %2, %3").arg(DataLoader::displayName(spec), sizeCaption(), colours)
                             : tr("%1: %L2 images, %3, %4")
                                   .arg(DataLoader::displayName(spec))
                                   .arg(m_data->size())
                                   .arg(sizeCaption(), colours)) +
        (m_data->note.empty() ? QString() : QStringLiteral("; ") + QString::fromStdString(m_data->note));
    m_status->setText(m_description);
    const int n = static_cast<int>(std::min<int64_t>(m_data->size(), 60));
    auto images = pixelsToModel(m_data->images.narrow(0, 0, n));
    QStringList captions;
    for (int i = 0; i < n; ++i)
        captions << QString::number(i + 1);
    m_thumbs->setImages(batchToImages(images), captions);
    m_selected = std::min<int>(m_selected, n - 1);
    m_thumbs->setSelectedIndex(m_selected);
    rerollNoise();
}

void DataView::selectImage(int index)
{
    if (!m_data || index < 0 || index >= m_data->size())
        return;
    m_selected = index;
    m_thumbs->setSelectedIndex(index);
    updateStrip();
    Q_EMIT imageSelected(index);
}

torch::Tensor DataView::currentImage() const
{
    if (!m_data || m_data->size() == 0)
        return {};
    return pixelsToModel(m_data->images[m_selected]);
}

int DataView::currentT() const
{
    return m_scrubber->value();
}
void DataView::setT(int t)
{
    m_scrubber->setValue(t);
}

ScheduleOptions DataView::schedule() const
{
    return m_options;
}

void DataView::setSchedule(const ScheduleOptions& options)
{
    m_options = options;
    m_diffusion.emplace(NoiseSchedule(options), Prediction::Epsilon);
    const int k = m_scheduleKind->findData(QString::fromStdString(scheduleKindName(options.kind)));
    m_scheduleKind->setCurrentIndex(k);
    const int t = m_scrubber->value();
    m_scrubber->setRange(0, options.steps);
    m_scrubber->setPlaybackStride(std::max(1, options.steps / 200)); // T = 1000 plays in 200 frames, 20 s at 10 fps
    m_scrubber->setValue(std::min(t == 0 ? options.steps / 4 : t, options.steps));
    updateStrip();
}

void DataView::rerollNoise()
{
    auto x0 = currentImage();
    if (!x0.defined())
        return;
    m_epsSeed = m_noiseSeed++;
    auto gen = at::detail::createCPUGenerator(m_epsSeed);
    m_eps = torch::randn(x0.sizes(), gen, torch::dtype(torch::kFloat32));
    updateStrip();
}

bool DataView::hasForwardFrames() const
{
    const auto x0 = currentImage();
    return x0.defined() && m_diffusion && m_eps.defined() && m_eps.sizes() == x0.sizes();
}

QList<QImage> DataView::forwardFrames() const
{
    auto x0 = currentImage();
    if (!x0.defined() || !m_diffusion || !m_eps.defined() || m_eps.sizes() != x0.sizes())
        return {};
    QList<QImage> frames;
    for (const auto& x : m_diffusion->forwardStrip(x0, forwardStripTimesteps(m_options.steps), m_eps))
        frames << tensorToImage(x);
    return frames;
}

QStringList DataView::forwardLabels() const
{
    QStringList labels;
    for (int t : forwardStripTimesteps(m_options.steps))
        labels << tr("t = %1").arg(QLocale().toString(t));
    return labels;
}

void DataView::updateStrip()
{
    auto x0 = currentImage();
    if (x0.defined() && (!m_eps.defined() || m_eps.sizes() != x0.sizes())) {
        m_epsSeed = m_noiseSeed++;
        auto gen = at::detail::createCPUGenerator(m_epsSeed);
        m_eps = torch::randn(x0.sizes(), gen, torch::dtype(torch::kFloat32));
    }
    const auto frames = forwardFrames();
    if (frames.isEmpty())
        return;
    m_strip->setFrames({frames}, forwardLabels());
    updateScrub();
}

void DataView::updateScrub()
{
    if (!m_diffusion)
        return;
    const int t = m_scrubber->value();
    const auto& s = m_diffusion->schedule();
    QMap<QString, QString> live;
    live[QStringLiteral("t")] = QString::number(t);
    QString text;
    if (t >= 1) {
        const auto i = static_cast<size_t>(t - 1);
        auto row = [](const QString& name, double v) {
            return QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                .arg(name, QLocale().toString(v, 'g', 6));
        };
        text = QStringLiteral("<table cellspacing='4'>") + row(tr("βₜ"), s.beta()[i]) + row(tr("ᾱₜ"), s.alphaBar()[i]) +
               row(tr("√ᾱₜ"), s.sqrtAlphaBar()[i]) + row(tr("√(1−ᾱₜ)"), s.sqrtOneMinusAlphaBar()[i]) +
               row(tr("SNRₜ"), s.snr()[i]) + QStringLiteral("</table>");
        live[QStringLiteral("beta")] = QString::number(s.beta()[i], 'g', 6);
        live[QStringLiteral("alpha_bar")] = QString::number(s.alphaBar()[i], 'g', 6);
        live[QStringLiteral("snr")] = QString::number(s.snr()[i], 'g', 6);
        live[QStringLiteral("log_snr")] = QString::number(std::log(s.snr()[i]), 'g', 4);
    } else {
        text = tr("t = 0: the clean image x₀");
    }
    m_values->setText(text);
    m_denoise->setEnabled(m_modelDiffusion && m_data && t >= 1);
    m_interpolate->setEnabled(m_modelDiffusion && m_data && m_data->size() > 1 && t >= 1);
    auto x0 = currentImage();
    if (x0.defined() && m_eps.defined() && m_eps.sizes() == x0.sizes()) {
        auto xt = m_diffusion->forwardStrip(x0, {t}, m_eps).front();
        m_large->setImage(tensorToImage(xt));
        m_tileCaption->setText(tr("xₜ at t = %1 · %2").arg(QLocale().toString(t)).arg(sizeCaption()));
        auto flat = xt.flatten().contiguous();
        m_histogram->setValues(QVector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()), 40);
        const int col = static_cast<int>(std::lround((kForwardStripFrames - 1.0) * t / std::max(1, m_options.steps)));
        m_strip->setCurrentIndex(forwardStripTimesteps(m_options.steps)[static_cast<size_t>(col)] == t ? col : -1);
    }
    Q_EMIT liveValuesChanged(live);
}
