#include "reverseview.h"

#include "imageio.h"
#include "imageview.h"
#include "settingeditors.h"

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
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace ddpm;

namespace {
constexpr int kStripColumns = 10;
} // namespace

ReverseView::ReverseView(QWidget* parent)
    : QWidget(parent)
{
    createSamplerControls();
    QGroupBox* settings = buildSamplerForm();

    m_runs.append(Run{}); // an empty run to show until the first one: m_runs is never empty
    createRunWidgets();
    QVBoxLayout* right = buildRunPanel();
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(settings);
    layout->addLayout(right, 1);

    connectSignals();
    startTimingTick();
    m_scrubber->setRange(0, 0);
    updateControls();
}

void ReverseView::createSamplerControls()
{
    m_sampler = new QComboBox(this);
    m_sampler->addItem(tr("DDPM, σ² = β̃ (posterior)"), QStringLiteral("ddpm:beta-tilde"));
    m_sampler->addItem(tr("DDPM, σ² = β"), QStringLiteral("ddpm:beta"));
    m_sampler->addItem(tr("DDIM"), QStringLiteral("ddim"));
    m_steps = new QSpinBox(this);
    setRange(m_steps, setting::SamplerSteps);
    m_steps->setValue(setting::SamplerSteps.fallback);
    m_eta = new QDoubleSpinBox(this);
    setRange(m_eta, setting::Eta);
    m_eta->setSingleStep(0.1);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_count = new QSpinBox(this);
    setRange(m_count, setting::SampleCount);
    m_count->setValue(setting::SampleCount.fallback);
    m_weights = new QComboBox(this);
    m_weights->addItem(tr("EMA weights"), true);
    m_weights->addItem(tr("Raw weights"), false);
    m_clip = new QCheckBox(tr("Clip the predicted x₀ to [−1, 1]"), this);
    m_clip->setChecked(true);
    m_run = new QPushButton(tr("Sample"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_forkImage = new QSpinBox(this);
    setRange(m_forkImage, setting::SampleCount);
    m_forkImage->setToolTip(tr("Which image of the grid to fork, counted row by row from the top left"));
    m_forkCount = new QSpinBox(this);
    m_forkCount->setRange(2, setting::SampleCount.max);
    m_forkCount->setValue(8);
    m_fork = new QPushButton(tr("Fork here"), this);
    m_fork->setToolTip(tr("Continue this image's x_t several times, each with fresh noise, side by side: what "
                          "they share is already decided at this t, what differs is still open (Ho et al. "
                          "2020, Figure 7)"));
}

// The settings on the left: the sampler's form, its buttons, and the fork box under them.
QGroupBox* ReverseView::buildSamplerForm()
{
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
    return settings;
}

void ReverseView::createRunWidgets()
{
    m_title = new QLabel(tr("Press Sample to run the reverse process."), this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_timing = new QLabel(this);
    m_timing->setTextFormat(Qt::PlainText);
    m_note = new QLabel(this);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->hide();
    m_runList = new QComboBox(this);
    m_runList->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runList->setMinimumContentsLength(24);
    m_runList->setToolTip(tr("The run shown and the earlier ones kept: Fork here and Denoise from here do not "
                             "lose the run they start from"));
    m_strip = new ImageStrip(this);
    m_strip->setMinimumHeight(150);
    m_strip->setReservedColumns(kStripColumns + 1); // x_T … x_0: the scale holds while the strip fills
    m_scrubber = new TimestepScrubber(this);
    m_scrubber->setFps(12);
    m_scrubber->setLabelFunction([this](int i) {
        const auto& frames = run().frames;
        if (i < 0 || i >= frames.size())
            return tr("step –");
        // Counted as the line under the scrubber counts: a frame's step is 0-based.
        if (frames[i].t == 0)
            return tr("done · x_0");
        return tr("step %1 of %2 · t = %3").arg(frames[i].step + 1).arg(stepCount()).arg(frames[i].t);
    });
    m_xt = new ImageView(this);
    m_x0 = new ImageView(this);
    m_eps = new ImageView(this);
    m_stepInfo = new HatLabel(QString(), this); // "predicts x̂₀": drawn with its hat in any font
}

// The run on the right: the run list and its timing, the title, the strip, the scrubber, and the images of
// the step shown.
QVBoxLayout* ReverseView::buildRunPanel()
{
    QGridLayout* grids = buildImageGrids();

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Run"), this));
    runRow->addWidget(m_runList, 1);
    runRow->addWidget(m_timing);
    auto* right = new QVBoxLayout;
    right->addLayout(runRow);
    right->addWidget(m_title);
    right->addWidget(m_note);
    right->addWidget(m_strip);
    right->addWidget(m_scrubber);
    right->addWidget(m_stepInfo);
    right->addLayout(grids, 1);
    return right;
}

// x_t, x̂₀ and ε̂ of the step shown, side by side under their captions.
QGridLayout* ReverseView::buildImageGrids()
{
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
    return grids;
}

void ReverseView::connectSignals()
{
    connect(m_run, &QPushButton::clicked, this, &ReverseView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ReverseView::cancelRequested);
    connect(m_fork, &QPushButton::clicked, this, &ReverseView::requestFork);
    connect(m_scrubber, &TimestepScrubber::valueChanged, this, &ReverseView::showFrame);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, &ReverseView::updateControls);
    connect(m_strip, &ImageStrip::columnClicked, this, [this](int c) {
        if (c >= 0 && c < run().stripSteps.size())
            m_scrubber->setValue(run().stripSteps[c]);
    });
    connect(m_runList, &QComboBox::activated, this, &ReverseView::showRun);
}

// The live run's clock: speed and time left tick on between frames.
void ReverseView::startTimingTick()
{
    auto* tick = new QTimer(this);
    tick->setInterval(500);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_runs.front().running)
            updateTiming();
    });
    tick->start();
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
    const bool running = m_runs.front().running;
    m_steps->setEnabled(ddim && !running);
    m_eta->setEnabled(ddim && !running);
    m_run->setEnabled(m_hasModel);
    // While a run goes on, Sample with other settings replaces it; with the same settings the run goes on
    // (the window says so), so the button does not promise a restart.
    m_run->setToolTip(running ? tr("Sample with the settings shown: a run with other settings replaces the one "
                                   "going on")
                              : QString());
    m_cancel->setEnabled(running);
    const auto& frames = run().frames;
    const int shown = m_scrubber->value();
    const bool forkable = shown >= 0 && shown < frames.size() && frames[shown].t > 0 &&
                          frames[shown].xtState.defined() && run().origin.request.model;
    m_fork->setEnabled(m_hasModel && forkable);
    if (forkable)
        m_forkImage->setMaximum(static_cast<int>(frames[shown].xtState.size(0)));
    m_runList->setEnabled(m_runs.size() > 1);
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
    if (shown < 0 || shown >= run().frames.size())
        return;
    const auto& f = run().frames[shown];
    if (f.t <= 0 || !f.xtState.defined())
        return;
    const int image = std::clamp(m_forkImage->value() - 1, 0, static_cast<int>(f.xtState.size(0)) - 1);
    Q_EMIT forkRequested(f.xtState.narrow(0, image, 1).to(torch::kFloat32), f.t, m_forkCount->value(), image);
}

void ReverseView::begin(const RunOrigin& origin, const QString& title, const QString& note)
{
    begin(0, title);
    Run& r = m_runs.front();
    r.origin = origin;
    r.note = note;
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (origin.request.model)
        r.schedule.emplace(origin.request.model->config.schedule);
}

void ReverseView::setTimesteps(const std::vector<int>& timesteps)
{
    Run& r = m_runs.front();
    r.timesteps = timesteps;
    r.total = static_cast<int>(timesteps.size()) + 1;
    r.clock.start(static_cast<int>(timesteps.size()));
    enforceBudget(r);
    rebuildStrip();
    updateControls();
    updateTiming();
}

void ReverseView::begin(int totalFrames, const QString& title)
{
    // The run shown so far stays in the Runs list (a fork or a denoising does not lose it); a run still
    // going was superseded by this one.
    if (!m_runs.front().frames.isEmpty()) {
        Run& previous = m_runs.front();
        if (previous.running) {
            previous.running = false;
            previous.clock.stop();
            previous.title += tr(" — replaced");
        }
        m_runs.prepend(Run{});
    }
    Run fresh;
    fresh.title = title;
    fresh.total = totalFrames;
    fresh.running = true;
    fresh.clock.start(std::max(0, totalFrames - 1));
    m_runs.front() = std::move(fresh);
    while (m_runs.size() > kMaxRuns)
        m_runs.removeLast();
    enforceBudget(m_runs.front());
    m_shown = 0;
    m_scrubber->pause();
    m_title->setText(title);
    m_note->clear();
    m_note->hide();
    rebuildStrip();
    updateRunList();
    updateTiming();
    updateControls();
}

const ReverseView::Run& ReverseView::run() const
{
    return m_runs.at(std::clamp(m_shown, 0, static_cast<int>(m_runs.size()) - 1));
}

ReverseView::Run& ReverseView::run()
{
    return m_runs[std::clamp(m_shown, 0, static_cast<int>(m_runs.size()) - 1)];
}

qint64 ReverseView::sizeOf(const SampleFrame& f)
{
    qint64 bytes = f.xtState.defined() ? static_cast<qint64>(f.xtState.nbytes()) : 0;
    for (const auto* list : {&f.xt, &f.x0Hat, &f.epsHat})
        for (const QImage& image : *list)
            bytes += image.sizeInBytes();
    return bytes;
}

qint64 ReverseView::frameBytes() const
{
    qint64 bytes = 0;
    for (const Run& r : m_runs)
        bytes += r.bytes;
    return bytes;
}

void ReverseView::enforceBudget(Run& live)
{
    // The run itself keeps every 2nd, 4th, … step (x_T and x_0 always) to stay within its budget.
    while (live.bytes > kFrameBudgetBytes && live.frames.size() > 2) {
        live.keepEvery *= 2;
        QList<SampleFrame> kept;
        live.bytes = 0;
        for (const SampleFrame& f : live.frames) {
            if (f.step % live.keepEvery == 0 || f.t == 0) {
                kept.append(f);
                live.bytes += sizeOf(f);
            }
        }
        live.frames = std::move(kept);
        if (&live == &run())
            rebuildStrip();
    }
    // Earlier runs give way, oldest first, when all of them together go beyond the history's budget.
    bool dropped = false;
    while (frameBytes() > kHistoryBudgetBytes && m_runs.size() > 1 && &m_runs.back() != &live) {
        m_runs.removeLast();
        dropped = true;
    }
    if (dropped) {
        m_shown = std::min(m_shown, static_cast<int>(m_runs.size()) - 1);
        updateRunList();
    }
}

bool ReverseView::takesColumn(Run& r, const SampleFrame& f)
{
    // The strip keeps evenly spaced steps (x_T … x_0); with steps thinned out, the next one kept.
    const int every = std::max(1, (r.total + kStripColumns - 1) / kStripColumns);
    if (f.t != 0 && f.step < r.nextColumnStep)
        return false;
    r.nextColumnStep = (f.step / every + 1) * every;
    return true;
}

QString ReverseView::columnLabel(const SampleFrame& f)
{
    return f.t == 0 ? tr("x_0") : tr("t=%1").arg(f.t);
}

void ReverseView::rebuildStrip()
{
    Run& r = run();
    m_strip->clear();
    r.stripSteps.clear();
    r.nextColumnStep = 0;
    for (qsizetype i = 0; i < r.frames.size(); ++i) {
        if (takesColumn(r, r.frames[i])) {
            r.stripSteps.append(static_cast<int>(i));
            m_strip->appendColumn(r.frames[i].xt.mid(0, 4), columnLabel(r.frames[i]));
        }
    }
    m_scrubber->setRange(0, std::max(0, static_cast<int>(r.frames.size()) - 1));
}

void ReverseView::addFrames(const QList<SampleFrame>& frames)
{
    if (frames.isEmpty())
        return;
    Run& live = m_runs.front(); // frames always belong to the newest run
    const bool shown = m_shown == 0;
    const bool follow = live.frames.isEmpty() || m_scrubber->value() == m_scrubber->maximum();
    const int keepBefore = live.keepEvery;
    for (const auto& f : frames) {
        // Beyond the budget only every k-th step is kept (x_0 always).
        if (f.step % live.keepEvery != 0 && f.t != 0)
            continue;
        live.frames.append(f);
        live.bytes += sizeOf(f);
        const int i = static_cast<int>(live.frames.size()) - 1;
        if (takesColumn(live, f)) {
            live.stripSteps.append(i);
            if (shown)
                m_strip->appendColumn(f.xt.mid(0, 4), columnLabel(f));
        }
    }
    live.clock.update(frames.constLast().step);
    enforceBudget(live);
    updateTiming();
    if (!shown)
        return;
    if (live.keepEvery != keepBefore)
        rebuildStrip(); // thinned out: the frame indices changed
    m_scrubber->setRange(0, static_cast<int>(live.frames.size()) - 1);
    if (follow && !m_scrubber->isPlaying())
        m_scrubber->setValue(m_scrubber->maximum());
    else
        showFrame(m_scrubber->value());
}

void ReverseView::end(bool completed)
{
    Run& live = m_runs.front();
    live.running = false;
    live.completed = completed;
    if (completed)
        live.clock.update(live.clock.total());
    live.clock.stop();
    if (!completed)
        live.title += tr(" — cancelled");
    if (m_shown == 0)
        m_title->setText(live.title);
    updateRunList();
    updateTiming();
    updateControls();
}

void ReverseView::showRun(int index)
{
    if (index < 0 || index >= m_runs.size())
        return;
    m_shown = index;
    m_scrubber->pause();
    const Run& r = run();
    m_title->setText(r.title);
    m_note->setText(r.note);
    m_note->setVisible(!r.note.isEmpty());
    rebuildStrip();
    m_scrubber->setValue(m_scrubber->maximum());
    showFrame(m_scrubber->value());
    m_runList->setCurrentIndex(index);
    updateTiming();
    updateControls();
}

void ReverseView::updateRunList()
{
    const QSignalBlocker block(m_runList);
    m_runList->clear();
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        const Run& r = m_runs[i];
        const QString when = i == 0 ? tr("newest") : tr("%n run(s) back", nullptr, static_cast<int>(i));
        m_runList->addItem(r.title.isEmpty() ? when : QStringLiteral("%1 · %2").arg(when, r.title));
        m_runList->setItemData(static_cast<int>(i), r.title, Qt::ToolTipRole);
    }
    m_runList->setCurrentIndex(m_shown);
    m_runList->setEnabled(m_runs.size() > 1);
}

void ReverseView::updateTiming()
{
    const Run& r = run();
    QString text = r.clock.text();
    if (r.keepEvery > 1)
        text += tr(" · one step in %1 kept (memory budget %2 MB)").arg(r.keepEvery).arg(kFrameBudgetBytes >> 20);
    m_timing->setText(text);
}

QString ReverseView::timingText() const
{
    return m_timing->text();
}

QString ReverseView::noteText() const
{
    return m_note->isVisible() ? m_note->text() : QString();
}

QList<QImage> ReverseView::finalImages() const
{
    const Run& r = run();
    if (!r.completed || r.frames.isEmpty() || r.frames.constLast().t != 0)
        return {};
    return r.frames.constLast().xt;
}

QImage ReverseView::gridAt(int frame, int kind, int scale) const
{
    const auto& frames = run().frames;
    if (frame < 0 || frame >= frames.size())
        return {};
    const auto& f = frames[frame];
    const QList<QImage>& images = kind == 0 ? f.xt : (kind == 1 ? f.x0Hat : f.epsHat);
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(images.size()))));
    return makeGrid(images, columns, 2, scale);
}

QList<QList<QImage>> ReverseView::animationSources(int maxFrames) const
{
    QList<QList<QImage>> out;
    const auto& frames = run().frames;
    const int n = static_cast<int>(frames.size());
    if (n == 0)
        return out;
    const int count = std::min(n, maxFrames);
    for (int k = 0; k < count; ++k) {
        const int i = count == 1 ? n - 1 : static_cast<int>(std::lround(static_cast<double>(n - 1) * k / (count - 1)));
        out << frames[i].xt;
    }
    return out;
}

QList<QImage> ReverseView::animationFramesFrom(const QList<QList<QImage>>& sources, int scale)
{
    QList<QImage> out;
    for (const QList<QImage>& images : sources) {
        const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(images.size()))));
        out << makeGrid(images, columns, 2, scale);
    }
    return out;
}

QList<QImage> ReverseView::animationFrames(int scale, int maxFrames) const
{
    return animationFramesFrom(animationSources(maxFrames), scale);
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
    const Run& r = run();
    if (index < 0 || index >= r.frames.size())
        return;
    const auto& f = r.frames[index];
    auto show = [&](ImageView* view, int kind) { view->setImage(gridAt(index, kind, 1)); };
    show(m_xt, 0);
    show(m_x0, 1);
    show(m_eps, 2);
    const int col = static_cast<int>(r.stripSteps.indexOf(index));
    m_strip->setCurrentIndex(col);
    m_stepInfo->setText(f.t > 0 ? tr("Step %1 of %2: the model sees x_t at t = %3 and predicts x̂₀ and the noise ε̂.")
                                      .arg(f.step + 1)
                                      .arg(stepCount())
                                      .arg(f.t)
                                : tr("Done: x_0 after %1 steps.").arg(stepCount()));
    QMap<QString, QString> live;
    live[QStringLiteral("t")] = QString::number(f.t);
    live[QStringLiteral("step")] = QStringLiteral("%1 / %2").arg(f.t > 0 ? f.step + 1 : stepCount()).arg(stepCount());
    if (r.schedule && f.t >= 1 && f.t <= r.schedule->steps()) {
        const auto i = static_cast<size_t>(f.t - 1);
        // The step from t goes to the next timestep the run visits (0 after the last).
        const auto& options = r.origin.request.options;
        const auto at = std::find(r.timesteps.begin(), r.timesteps.end(), f.t);
        const int tNext = at != r.timesteps.end() && at + 1 != r.timesteps.end() ? *(at + 1) : 0;
        live[QStringLiteral("sigma")] = QString::number(samplerSigma(*r.schedule, options, f.t, tNext), 'g', 4);
        live[QStringLiteral("log_snr")] = QString::number(std::log(r.schedule->snr()[i]), 'g', 4);
        if (options.kind == SamplerKind::Ddim)
            live[QStringLiteral("eta")] = QString::number(options.eta, 'g', 3);
    }
    updateControls(); // Fork here needs a step with t > 0
    Q_EMIT liveValuesChanged(live);
}
