#include "reverseview.h"

#include "elidingcombobox.h"
#include "classpicker.h"
#include "imageio.h"
#include "imageview.h"
#include "runactions.h"
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
#include <QLocale>
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
// What tells one run from another in the run list: "DDIM 20 · Sneaker, w = 3.0 · seed 0".
QString runSettings(const SamplerOptions& o, const QStringList& classes)
{
    QStringList parts;
    switch (o.kind) {
    case SamplerKind::Ddpm:
        parts << QStringLiteral("DDPM");
        break;
    case SamplerKind::Ddim:
        parts << (o.eta == 0.0 ? ReverseView::tr("DDIM %L1").arg(o.ddimSteps)
                               : ReverseView::tr("DDIM %L1, η = %2").arg(o.ddimSteps).arg(QLocale().toString(o.eta)));
        if (o.spacing == TimestepSpacing::Trailing)
            parts.last() += ReverseView::tr(", trailing");
        break;
    case SamplerKind::Langevin: // levels × Langevin steps at each
        parts << ReverseView::tr("Langevin %L1 × %L2").arg(o.ddimSteps).arg(o.langevinSteps);
        break;
    case SamplerKind::LangevinFixed:
        parts << ReverseView::tr("Langevin at one level, %L1 × %L2").arg(o.ddimSteps).arg(o.langevinSteps);
        break;
    }
    if (o.corrector == CorrectorKind::Langevin && !isLangevinSampler(o.kind))
        parts << ReverseView::tr("corrector × %L1").arg(o.langevinSteps);
    if (!classes.isEmpty() && o.classChoice != kUnconditional) {
        const QString which = o.classChoice == kEveryClass
                                  ? ReverseView::tr("every class")
                                  : classes.value(o.classChoice, QString::number(o.classChoice));
        parts << ReverseView::tr("%1, w = %2").arg(which, QLocale().toString(o.guidance, 'f', 1));
    }
    parts << ReverseView::tr("seed %1").arg(o.seed);
    return parts.join(QStringLiteral(" · "));
}

// The last frame's line: a Langevin step or a corrector's costs a network evaluation as a step does, so the
// cost is said where it differs from the steps.
QString doneText(const ReverseRuns::Run& r)
{
    const int steps = r.stepCount();
    const int64_t evaluations = r.timesteps.empty() ? steps : samplerEvaluations(r.origin.request.options, r.timesteps);
    if (evaluations == steps)
        return ReverseView::tr("Done: x₀ after %L1 steps.").arg(steps);
    return ReverseView::tr("Done: x₀ after %L1 steps (%L2 network evaluations).").arg(steps).arg(evaluations);
}
} // namespace

ReverseView::ReverseView(QWidget* parent)
    : QWidget(parent)
{
    createSamplerControls();
    QGroupBox* settings = buildSamplerForm();

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
    m_runList = new ElidingComboBox(this);
    m_runList->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runList->setMinimumContentsLength(14); // the whole title in the list and the line under it
    m_runList->setToolTip(tr("The run shown and the earlier ones kept: Fork here and Denoise from here do not "
                             "lose the run they start from"));
    m_strip = new ImageStrip(this);
    m_strip->setMinimumHeight(150);
    m_strip->setReservedColumns(ReverseRuns::kStripColumns + 1); // x_T … x_0: the scale holds while the strip fills
    m_scrubber = new TimestepScrubber(this);
    m_scrubber->setFps(12);
    m_scrubber->setLabelFunction([this](int i) {
        const auto& frames = m_runs.shown().frames;
        if (i < 0 || i >= frames.size())
            return tr("step –");
        // Counted as the line under the scrubber counts: a frame's step is 0-based.
        if (frames[i].t == 0)
            return tr("done · x₀");
        return tr("step %L1 of %L2 · t = %3")
            .arg(frames[i].step + 1)
            .arg(stepCount())
            .arg(QLocale().toString(frames[i].t));
    });
    m_xt = new ImageView(this);
    m_x0 = new ImageView(this);
    m_eps = new ImageView(this);
    m_score = new ImageView(this);
    m_scoreCaption = new QLabel(this);
    m_scoreCaption->setAlignment(Qt::AlignHCenter);
    m_scoreCaption->setWordWrap(true); // its formula and scale take two lines rather than the other images' width
    m_showScore = new QCheckBox(tr("Show the score"), this);
    m_showScore->setToolTip(tr("The network's score s = −ε̂/√(1 − ᾱₜ), the direction in which the noisy "
                               "images' density grows fastest: ε̂ is the score, scaled"));
    m_stepInfo = new HatLabel(QString(), this); // "predicts x̂₀": drawn with its hat in any font
    m_actions = new RunActions(this);
}

// The run on the right: the run list, the title and its timing, the strip, the scrubber, and the images of
// the step shown.
QVBoxLayout* ReverseView::buildRunPanel()
{
    QGridLayout* grids = buildImageGrids();

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Run"), this));
    runRow->addWidget(m_runList, 1);
    runRow->addWidget(m_showScore);
    auto* titleRow = new QHBoxLayout; // the title wraps, so that neither line widens the window
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_timing, 0, Qt::AlignTop);
    auto* right = new QVBoxLayout;
    right->addLayout(runRow);
    right->addLayout(titleRow);
    right->addWidget(m_note);
    right->addWidget(m_strip);
    right->addWidget(m_scrubber);
    // The step's sentence has the width to itself (beside the buttons a 1024-pixel window cut it); the
    // buttons, which act on the images shown, go under them.
    right->addWidget(m_stepInfo);
    right->addLayout(grids, 1);
    auto* actionsRow = new QHBoxLayout;
    actionsRow->addStretch(1);
    actionsRow->addWidget(m_actions);
    right->addLayout(actionsRow);
    return right;
}

// x_t, x̂₀ and ε̂ of the step shown, side by side under their captions.
QGridLayout* ReverseView::buildImageGrids()
{
    auto* grids = new QGridLayout;
    grids->addWidget(new QLabel(tr("xₜ"), this), 0, 0, Qt::AlignHCenter);
    // x̂₀: x, a combining circumflex (U+0302) and a subscript zero; HatLabel draws the hat itself, as
    // some fonts (DejaVu Sans) drop it from an x or put it under the letter.
    grids->addWidget(new HatLabel(tr("predicted clean image x̂₀"), this), 0, 1, Qt::AlignHCenter);
    grids->addWidget(new HatLabel(tr("predicted noise ε̂"), this), 0, 2, Qt::AlignHCenter);
    grids->addWidget(m_scoreCaption, 0, 3); // the cell's width, so that its two lines get their height
    grids->addWidget(m_xt, 1, 0);
    grids->addWidget(m_x0, 1, 1);
    grids->addWidget(m_eps, 1, 2);
    grids->addWidget(m_score, 1, 3);
    grids->setRowStretch(1, 1);
    for (int column = 0; column < 3; ++column) // the images equally wide, whatever their captions say
        grids->setColumnStretch(column, 1);
    m_imageGrid = grids; // the score's column stretches as the others only while it is shown
    m_score->hide();
    m_scoreCaption->hide();
    return grids;
}

void ReverseView::connectSignals()
{
    connect(m_run, &QPushButton::clicked, this, &ReverseView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ReverseView::cancelRequested);
    connect(m_fork, &QPushButton::clicked, this, &ReverseView::requestFork);
    connect(m_forkImage, &QSpinBox::valueChanged, this, &ReverseView::updateControls); // the image of Nearest…
    connect(m_scrubber, &TimestepScrubber::valueChanged, this, &ReverseView::showFrame);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, &ReverseView::updateControls);
    connect(m_corrector, &QCheckBox::toggled, this, &ReverseView::updateControls);
    connect(m_showScore, &QCheckBox::toggled, this, [this](bool on) {
        m_score->setVisible(on);
        m_scoreCaption->setVisible(on);
        m_imageGrid->setColumnStretch(3, on ? 1 : 0); // an empty column with a stretch would take a quarter
        showFrame(m_scrubber->value());
    });
    connect(m_strip, &ImageStrip::columnClicked, this, [this](int c) {
        if (c >= 0 && c < m_stripSteps.size())
            m_scrubber->setValue(m_stripSteps[c]);
    });
    connect(m_runList, &QComboBox::activated, this, &ReverseView::showRun);
}

// The live run's clock: speed and time left tick on between frames.
void ReverseView::startTimingTick()
{
    auto* tick = new QTimer(this);
    tick->setInterval(500);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_runs.live().running)
            updateTiming();
    });
    tick->start();
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
    if (shown < 0 || shown >= frameCount())
        return;
    const auto& f = frames()[shown];
    if (f.t <= 0 || !f.xtState.defined())
        return;
    const int image = std::clamp(m_forkImage->value() - 1, 0, static_cast<int>(f.xtState.size(0)) - 1);
    Q_EMIT forkRequested(f.xtState.narrow(0, image, 1).to(torch::kFloat32), f.t, m_forkCount->value(), image);
}

void ReverseView::begin(const RunOrigin& origin, const QString& title, const QString& note)
{
    begin(0, title);
    m_runs.setOrigin(origin, note);
    updateRunList(); // the list says how the run is drawn
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void ReverseView::setTimesteps(const std::vector<int>& timesteps)
{
    reactTo(m_runs.setTimesteps(timesteps));
    rebuildStrip();
    updateControls();
    updateTiming();
}

void ReverseView::begin(int totalFrames, const QString& title)
{
    // The run shown so far stays in the Runs list (a fork or a denoising does not lose it); a run still
    // going was superseded by this one.
    reactTo(m_runs.begin(totalFrames, title, tr(" — replaced")));
    m_scrubber->pause();
    m_title->setText(title);
    m_note->clear();
    m_note->hide();
    rebuildStrip();
    updateRunList();
    updateTiming();
    updateControls();
}

void ReverseView::reactTo(ReverseRuns::Change change)
{
    if (change.thinned && m_runs.shownIndex() == 0)
        rebuildStrip(); // the frame indices changed
    if (change.dropped)
        updateRunList();
}

void ReverseView::appendColumn(int frame)
{
    const SampleFrame& f = m_runs.shown().frames[frame];
    m_stripSteps.append(frame);
    m_strip->appendColumn(ReverseRuns::stripColumn(f), ReverseRuns::columnLabel(f));
}

void ReverseView::rebuildStrip()
{
    m_strip->clear();
    m_stripSteps.clear();
    m_nextColumnStep = 0;
    const ReverseRuns::Run& r = m_runs.shown();
    for (qsizetype i = 0; i < r.frames.size(); ++i)
        if (ReverseRuns::takesColumn(r, r.frames[i], m_nextColumnStep))
            appendColumn(static_cast<int>(i));
    m_scrubber->setRange(0, std::max(0, frameCount() - 1));
}

void ReverseView::addFrames(const QList<SampleFrame>& frames)
{
    if (frames.isEmpty())
        return;
    const bool shown = m_runs.shownIndex() == 0; // frames always belong to the newest run
    const bool follow = m_runs.live().frames.isEmpty() || m_scrubber->value() == m_scrubber->maximum();
    QList<int> appended;
    const ReverseRuns::Change change = m_runs.addFrames(frames, &appended);
    updateTiming();
    if (change.dropped)
        updateRunList();
    if (!shown)
        return;
    if (change.thinned) {
        rebuildStrip();
    } else {
        for (int i : appended)
            if (ReverseRuns::takesColumn(m_runs.live(), m_runs.live().frames[i], m_nextColumnStep))
                appendColumn(i);
    }
    m_scrubber->setRange(0, frameCount() - 1);
    if (follow && !m_scrubber->isPlaying())
        m_scrubber->setValue(m_scrubber->maximum());
    else
        showFrame(m_scrubber->value());
}

void ReverseView::end(bool completed, bool failed)
{
    m_runs.end(completed, failed ? tr(" — failed") : tr(" — cancelled"));
    if (m_runs.shownIndex() == 0)
        m_title->setText(m_runs.live().title);
    updateRunList();
    updateTiming();
    updateControls();
}

void ReverseView::showRun(int index)
{
    if (!m_runs.setShown(index))
        return;
    m_scrubber->pause();
    const ReverseRuns::Run& r = m_runs.shown();
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
    for (int i = 0; i < m_runs.count(); ++i) {
        const ReverseRuns::Run& r = m_runs.at(i);
        const QString when = i == 0 ? tr("newest") : i == 1 ? tr("1 run back") : tr("%L1 runs back").arg(i);
        const QString settings = runSettings(r.origin.request.options, m_classes->classNames());
        m_runList->addItem(r.title.isEmpty() ? QStringLiteral("%1 · %2").arg(when, settings)
                                             : QStringLiteral("%1 · %2 · %3").arg(when, settings, r.title));
        m_runList->setItemData(i, r.title, Qt::ToolTipRole);
    }
    m_runList->setCurrentIndex(m_runs.shownIndex());
    m_runList->setEnabled(m_runs.count() > 1);
}

void ReverseView::updateTiming()
{
    const ReverseRuns::Run& r = m_runs.shown();
    QString text = r.clock.text();
    if (r.keepEvery > 1)
        text += tr(" · one step in %L1 kept (memory budget %L2 MB)").arg(r.keepEvery).arg(kFrameBudgetBytes >> 20);
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

QImage ReverseView::gridAt(int frame, int kind, int scale) const
{
    if (frame < 0 || frame >= frameCount())
        return {};
    const auto& f = frames()[frame];
    return ReverseRuns::gridOf(kind == 0 ? f.xt : (kind == 1 ? f.x0Hat : f.epsHat), scale);
}

QList<QImage> ReverseView::animationFrames(int scale) const
{
    return ReverseRuns::animationFramesFrom(m_runs.animationSources(), scale);
}

void ReverseView::showScore(const SampleFrame& f)
{
    if (!m_showScore->isChecked())
        return;
    m_scoreCaption->setText(ReverseRuns::scoreCaption(m_runs.shown(), f.t));
    if (f.t > 0) {
        m_score->setImage(ReverseRuns::scoreGridOf(f));
        m_score->setMessage({});
    } else { // as the noise panel: a grey square would read as a score of 0
        m_score->setImage({});
        m_score->setMessage(tr("At x₀ the run has ended: the score is taken at noisy xₜ only."));
    }
}

QImage ReverseView::scoreImage() const
{
    return m_showScore->isChecked() ? m_score->image() : QImage();
}

QString ReverseView::stepText() const
{
    return m_stepInfo->text();
}

QImage ReverseView::noisePanelImage() const
{
    return m_eps->image();
}

QString ReverseView::noisePanelMessage() const
{
    return m_eps->message();
}

QString ReverseView::scorePanelMessage() const
{
    return m_score->message();
}

QImage ReverseView::stripImage() const
{
    return m_strip->renderToImage(4);
}

void ReverseView::showFrame(int index)
{
    const ReverseRuns::Run& r = m_runs.shown();
    if (index < 0 || index >= r.frames.size())
        return;
    const auto& f = r.frames[index];
    auto show = [&](ImageView* view, int kind) { view->setImage(gridAt(index, kind, 1)); };
    show(m_xt, 0);
    show(m_x0, 1);
    if (f.t > 0) {
        show(m_eps, 2);
        m_eps->setMessage({});
    } else { // the last frame: no prediction is made at x₀, and a grey square would read as ε̂ = 0
        m_eps->setImage({});
        m_eps->setMessage(tr("At x₀ the run has ended: no noise is left to predict."));
    }
    showScore(f);
    const int col = static_cast<int>(m_stripSteps.indexOf(index));
    m_strip->setCurrentIndex(col);
    m_stepInfo->setText(f.t > 0 ? tr("Step %L1 of %L2: the model sees xₜ at t = %3 and predicts x̂₀ and the noise ε̂.")
                                      .arg(f.step + 1)
                                      .arg(stepCount())
                                      .arg(QLocale().toString(f.t))
                                : doneText(r));
    m_stepInfo->setToolTip(m_stepInfo->text()); // the whole line where a narrow window elides it
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
        live[QStringLiteral("score_scale")] =
            QString::number(scoreScale(*r.schedule, f.t), 'g', 6); // 1.0001 at large t
        if (isLangevinSampler(options.kind))
            live[QStringLiteral("langevin_eta")] = QString::number(langevinStepSize(*r.schedule, options, f.t), 'g', 4);
        live[QStringLiteral("sampler")] = QString::fromStdString(samplerKindName(options.kind));
        live[QStringLiteral("log_snr")] = QString::number(std::log(r.schedule->snr()[i]), 'g', 4);
        if (options.kind == SamplerKind::Ddim)
            live[QStringLiteral("eta")] = QString::number(options.eta, 'g', 3);
    }
    updateControls(); // Fork here needs a step with t > 0
    Q_EMIT liveValuesChanged(live);
}
