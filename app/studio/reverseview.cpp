#include "reverseview.h"

#include "imageio.h"
#include "imageview.h"

#include "hatlabel.h"
#include "imagestrip.h"
#include "timestepscrubber.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace ddpm;

namespace {
constexpr int kStripColumns = 10;
} // namespace

ReverseView::ReverseView(QWidget* parent)
    : QWidget(parent)
{
    m_sampler = new QComboBox(this);
    m_sampler->addItem(tr("DDPM, σ² = β̃ (posterior)"), QStringLiteral("ddpm:beta-tilde"));
    m_sampler->addItem(tr("DDPM, σ² = β"), QStringLiteral("ddpm:beta"));
    m_sampler->addItem(tr("DDIM"), QStringLiteral("ddim"));
    m_steps = new QSpinBox(this);
    m_steps->setRange(1, 10000);
    m_steps->setValue(50);
    m_eta = new QDoubleSpinBox(this);
    m_eta->setRange(0, 1);
    m_eta->setSingleStep(0.1);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 2147483647);
    m_count = new QSpinBox(this);
    m_count->setRange(1, 64);
    m_count->setValue(16);
    m_weights = new QComboBox(this);
    m_weights->addItem(tr("EMA weights"), true);
    m_weights->addItem(tr("Raw weights"), false);
    m_clip = new QCheckBox(tr("Clip the predicted x₀ to [−1, 1]"), this);
    m_clip->setChecked(true);
    m_run = new QPushButton(tr("Sample"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_forkImage = new QSpinBox(this);
    m_forkImage->setRange(1, 64);
    m_forkImage->setToolTip(tr("Which image of the grid to fork, counted row by row from the top left"));
    m_forkCount = new QSpinBox(this);
    m_forkCount->setRange(2, 64);
    m_forkCount->setValue(8);
    m_fork = new QPushButton(tr("Fork here"), this);
    m_fork->setToolTip(tr("Continue this image's x_t several times, each with fresh noise, side by side: what "
                          "they share is already decided at this t, what differs is still open (Ho et al. "
                          "2020, Figure 7)"));

    auto* settings = new QGroupBox(tr("Sampler"), this);
    auto* fl = new QFormLayout(settings);
    fl->addRow(tr("Method"), m_sampler);
    fl->addRow(tr("DDIM steps"), m_steps);
    fl->addRow(tr("DDIM η"), m_eta);
    fl->addRow(tr("Seed"), m_seed);
    fl->addRow(tr("Images"), m_count);
    fl->addRow(tr("Weights"), m_weights);
    fl->addRow(m_clip);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    fl->addRow(buttons);
    auto* forkBox = new QGroupBox(tr("Fork at the shown step"), this);
    auto* ffl = new QFormLayout(forkBox);
    ffl->addRow(tr("Image"), m_forkImage);
    ffl->addRow(tr("Continuations"), m_forkCount);
    ffl->addRow(m_fork);
    fl->addRow(forkBox);

    m_title = new QLabel(tr("Press Sample to run the reverse process."), this);
    m_strip = new ImageStrip(this);
    m_strip->setMinimumHeight(150);
    m_scrubber = new TimestepScrubber(this);
    m_scrubber->setFps(12);
    m_scrubber->setLabelFunction([this](int i) {
        if (i < 0 || i >= m_frames.size())
            return tr("step –");
        // Counted as the line under the scrubber counts: frame i is step i + 1 of the run's steps.
        if (m_frames[i].t == 0)
            return tr("done · x_0");
        return tr("step %1 of %2 · t = %3").arg(i + 1).arg(stepCount()).arg(m_frames[i].t);
    });
    m_xt = new ImageView(this);
    m_x0 = new ImageView(this);
    m_eps = new ImageView(this);
    m_stepInfo = new HatLabel(QString(), this); // "predicts x̂₀": drawn with its hat in any font
    auto* grids = new QGridLayout;
    grids->addWidget(new QLabel(tr("x_t"), this), 0, 0, Qt::AlignHCenter);
    // x̂₀: x, a combining circumflex (U+0302) and a subscript zero; HatLabel draws the hat itself, as
    // some fonts (DejaVu Sans) drop it from an x or put it under the letter.
    grids->addWidget(new HatLabel(tr("predicted clean image x̂₀"), this), 0, 1, Qt::AlignHCenter);
    grids->addWidget(new HatLabel(tr("predicted noise ε̂"), this), 0, 2, Qt::AlignHCenter);
    grids->addWidget(m_xt, 1, 0);
    grids->addWidget(m_x0, 1, 1);
    grids->addWidget(m_eps, 1, 2);
    grids->setRowStretch(1, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(m_title);
    right->addWidget(m_strip);
    right->addWidget(m_scrubber);
    right->addWidget(m_stepInfo);
    right->addLayout(grids, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(settings);
    layout->addLayout(right, 1);

    connect(m_run, &QPushButton::clicked, this, &ReverseView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ReverseView::cancelRequested);
    connect(m_fork, &QPushButton::clicked, this, &ReverseView::requestFork);
    connect(m_scrubber, &TimestepScrubber::valueChanged, this, &ReverseView::showFrame);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, &ReverseView::updateControls);
    connect(m_strip, &ImageStrip::columnClicked, this, [this](int c) {
        if (c >= 0 && c < m_stripSteps.size())
            m_scrubber->setValue(m_stripSteps[c]);
    });
    m_scrubber->setRange(0, 0);
    updateControls();
}

SamplerOptions ReverseView::samplerOptions() const
{
    SamplerOptions o;
    const QString s = m_sampler->currentData().toString();
    o.kind = s == QLatin1String("ddim") ? SamplerKind::Ddim : SamplerKind::Ddpm;
    o.variance = s == QLatin1String("ddpm:beta") ? VarianceKind::Beta : VarianceKind::BetaTilde;
    o.ddimSteps = m_steps->value();
    o.eta = m_eta->value();
    o.seed = static_cast<uint64_t>(m_seed->value());
    o.count = m_count->value();
    o.clipX0 = m_clip->isChecked();
    return o;
}

void ReverseView::setSamplerOptions(const SamplerOptions& o)
{
    const QString key =
        o.kind == SamplerKind::Ddim
            ? QStringLiteral("ddim")
            : (o.variance == VarianceKind::Beta ? QStringLiteral("ddpm:beta") : QStringLiteral("ddpm:beta-tilde"));
    m_sampler->setCurrentIndex(std::max(0, m_sampler->findData(key)));
    m_steps->setValue(o.ddimSteps);
    m_eta->setValue(o.eta);
    m_seed->setValue(static_cast<int>(o.seed));
    m_count->setValue(o.count);
    m_clip->setChecked(o.clipX0);
}

bool ReverseView::useEma() const
{
    return m_weights->currentData().toBool();
}

void ReverseView::setModelAvailable(bool available)
{
    m_hasModel = available;
    updateControls();
}

void ReverseView::updateControls()
{
    const bool ddim = m_sampler->currentData().toString() == QLatin1String("ddim");
    m_steps->setEnabled(ddim && !m_running);
    m_eta->setEnabled(ddim && !m_running);
    m_run->setEnabled(m_hasModel);
    // While a run goes on, Sample with other settings replaces it; with the same settings the run goes on
    // (the window says so), so the button does not promise a restart.
    m_run->setToolTip(m_running ? tr("Sample with the settings shown: a run with other settings replaces the one "
                                     "going on")
                                : QString());
    m_cancel->setEnabled(m_running);
    const int shown = m_scrubber->value();
    const bool forkable =
        shown >= 0 && shown < m_frames.size() && m_frames[shown].t > 0 && m_frames[shown].xtState.defined();
    m_fork->setEnabled(m_hasModel && forkable);
    if (forkable)
        m_forkImage->setMaximum(static_cast<int>(m_frames[shown].xtState.size(0)));
}

QString ReverseView::title() const
{
    return m_title->text();
}

void ReverseView::setForkChoice(int image, int forks)
{
    m_forkImage->setValue(image + 1);
    m_forkCount->setValue(forks);
}

void ReverseView::requestFork()
{
    const int shown = m_scrubber->value();
    if (shown < 0 || shown >= m_frames.size())
        return;
    const auto& f = m_frames[shown];
    if (f.t <= 0 || !f.xtState.defined())
        return;
    const int image = std::clamp(m_forkImage->value() - 1, 0, static_cast<int>(f.xtState.size(0)) - 1);
    Q_EMIT forkRequested(f.xtState.narrow(0, image, 1).to(torch::kFloat32), f.t, m_forkCount->value(), image);
}

void ReverseView::begin(const SamplingRequest& request, int totalFrames, const QString& title)
{
    begin(totalFrames, title);
    if (!request.model)
        return;
    const auto& schedule = request.model->config.schedule;
    m_schedule.emplace(schedule);
    m_runOptions = request.options;
    const int startT = request.start.defined() ? std::clamp(request.startT, 1, schedule.steps) : schedule.steps;
    if (request.options.kind == SamplerKind::Ddim) {
        m_runTimesteps = ddimTimesteps(startT, request.options.ddimSteps);
    } else {
        for (int t = startT; t >= 1; --t)
            m_runTimesteps.push_back(t);
    }
}

double ReverseView::samplingSigma(const NoiseSchedule& s, const SamplerOptions& o, int t, int tNext)
{
    if (t < 1 || t > s.steps())
        return 0.0;
    const auto i = static_cast<size_t>(t - 1);
    if (o.kind == SamplerKind::Ddpm) {
        if (t == 1)
            return 0.0; // z = 0 at t = 1
        return std::sqrt(o.variance == VarianceKind::Beta ? s.beta()[i] : s.posteriorVariance()[i]);
    }
    const double abar = s.alphaBar()[i];
    const double abarNext = tNext > 0 ? s.alphaBar()[static_cast<size_t>(tNext - 1)] : 1.0;
    return o.eta * std::sqrt((1.0 - abarNext) / (1.0 - abar)) * std::sqrt(std::max(0.0, 1.0 - abar / abarNext));
}

void ReverseView::begin(int totalFrames, const QString& title)
{
    m_frames.clear();
    m_total = totalFrames;
    m_schedule.reset();
    m_runTimesteps.clear();
    m_running = true;
    m_stripSteps.clear();
    m_strip->clear();
    m_scrubber->pause();
    m_scrubber->setRange(0, 0);
    m_title->setText(title);
    updateControls();
}

void ReverseView::addFrames(const QList<SampleFrame>& frames)
{
    if (frames.isEmpty())
        return;
    const bool follow = m_frames.isEmpty() || m_scrubber->value() == m_scrubber->maximum();
    for (const auto& f : frames) {
        m_frames.append(f);
        const int i = static_cast<int>(m_frames.size()) - 1;
        // The strip keeps evenly spaced steps (x_T … x_0), at most 4 images a column.
        const int every = std::max(1, (m_total + kStripColumns - 1) / kStripColumns);
        if (i % every == 0 || f.t == 0) {
            m_stripSteps.append(i);
            m_strip->appendColumn(f.xt.mid(0, 4), f.t == 0 ? tr("x_0") : tr("t=%1").arg(f.t));
        }
    }
    m_scrubber->setRange(0, static_cast<int>(m_frames.size()) - 1);
    if (follow && !m_scrubber->isPlaying())
        m_scrubber->setValue(m_scrubber->maximum());
    else
        showFrame(m_scrubber->value());
}

void ReverseView::end(bool completed)
{
    m_running = false;
    if (!completed)
        m_title->setText(m_title->text() + tr(" — cancelled"));
    updateControls();
}

QImage ReverseView::gridAt(int frame, int kind, int scale) const
{
    if (frame < 0 || frame >= m_frames.size())
        return {};
    const auto& f = m_frames[frame];
    const QList<QImage>& images = kind == 0 ? f.xt : (kind == 1 ? f.x0Hat : f.epsHat);
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(images.size()))));
    return makeGrid(images, columns, 2, scale);
}

QList<QImage> ReverseView::animationFrames(int scale, int maxFrames) const
{
    QList<QImage> out;
    const int n = static_cast<int>(m_frames.size());
    if (n == 0)
        return out;
    const int count = std::min(n, maxFrames);
    for (int k = 0; k < count; ++k) {
        const int i = count == 1 ? n - 1 : static_cast<int>(std::lround(static_cast<double>(n - 1) * k / (count - 1)));
        out << gridAt(i, 0, scale);
    }
    return out;
}

QString ReverseView::stepText() const
{
    return m_stepInfo->text();
}

QImage ReverseView::stripImage() const
{
    return m_strip->renderToImage(4);
}

void ReverseView::showFrame(int index)
{
    if (index < 0 || index >= m_frames.size())
        return;
    const auto& f = m_frames[index];
    auto show = [&](ImageView* view, int kind) { view->setImage(gridAt(index, kind, 1)); };
    show(m_xt, 0);
    show(m_x0, 1);
    show(m_eps, 2);
    const int col = static_cast<int>(m_stripSteps.indexOf(index));
    m_strip->setCurrentIndex(col);
    m_stepInfo->setText(f.t > 0 ? tr("Step %1 of %2: the model sees x_t at t = %3 and predicts x̂₀ and the noise ε̂.")
                                      .arg(index + 1)
                                      .arg(stepCount())
                                      .arg(f.t)
                                : tr("Done: x_0 after %1 steps.").arg(stepCount()));
    QMap<QString, QString> live;
    live[QStringLiteral("t")] = QString::number(f.t);
    live[QStringLiteral("step")] = QStringLiteral("%1 / %2").arg(f.t > 0 ? index + 1 : stepCount()).arg(stepCount());
    if (m_schedule && f.t >= 1 && f.t <= m_schedule->steps()) {
        const auto i = static_cast<size_t>(f.t - 1);
        // The step from t goes to the next timestep the run visits (0 after the last).
        const auto at = std::find(m_runTimesteps.begin(), m_runTimesteps.end(), f.t);
        const int tNext = at != m_runTimesteps.end() && at + 1 != m_runTimesteps.end() ? *(at + 1) : 0;
        live[QStringLiteral("sigma")] = QString::number(samplingSigma(*m_schedule, m_runOptions, f.t, tNext), 'g', 4);
        live[QStringLiteral("log_snr")] = QString::number(std::log(m_schedule->snr()[i]), 'g', 4);
        if (m_runOptions.kind == SamplerKind::Ddim)
            live[QStringLiteral("eta")] = QString::number(m_runOptions.eta, 'g', 3);
    }
    updateControls(); // Fork here needs a step with t > 0
    Q_EMIT liveValuesChanged(live);
}
