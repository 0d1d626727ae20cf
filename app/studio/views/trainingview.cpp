#include "trainingview.h"

#include "elidingcombobox.h"
#include "runclock.h"
#include "settingeditors.h"
#include "dataloader.h"
#include "imageview.h"
#include "cpufeatures.h"
#include "device.h"
#include "messages.h"

#include "binheatmap.h"
#include "losschart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace ddpm;

namespace {
// Whether the editor shows `value` as it would after setValue(value) (rounded, clamped).
bool shows(const QDoubleSpinBox* spin, double value)
{
    const double scale = std::pow(10.0, spin->decimals());
    const double shown = std::clamp(std::round(value * scale) / scale, spin->minimum(), spin->maximum());
    return std::abs(shown - spin->value()) < 1e-3 / scale;
}

bool shows(const QSpinBox* spin, double value)
{
    return std::clamp(value, double(spin->minimum()), double(spin->maximum())) == spin->value();
}

// The precisions (item data "auto", "fp32", "bf16"), saying what "auto" means on this machine.
void addPrecisionItems(QComboBox* combo)
{
    const bool fastBf16 = ddpm::cpuHasFastBf16();
    combo->addItem(fastBf16 ? TrainingView::tr("Automatic (bf16 mixed on this CPU)")
                            : TrainingView::tr("Automatic (fp32 on this CPU)"),
                   QStringLiteral("auto"));
    combo->addItem(TrainingView::tr("fp32"), QStringLiteral("fp32"));
    combo->addItem(TrainingView::tr("bf16 mixed"), QStringLiteral("bf16"));
    combo->setToolTip(TrainingView::tr(
        "bf16 mixed computes the convolutions and attention in bfloat16, about 1.3× faster on CPUs with "
        "AVX512-BF16 or AMX, and keeps the weights, optimizer, normalisation and loss in fp32. Checkpoints "
        "always hold fp32 weights. Automatic picks bf16 where the hardware computes it fast."));
}
} // namespace

TrainingView::TrainingView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildForm());
    layout->addWidget(buildPlots(), 1);

    connectForm();
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &TrainingView::updateClock);
    timer->start(500);

    setFormConfig(makeConfig(kDefaultPreset).value());
    setTotalSteps(setting::TotalSteps.fallback);
    setPreviewInterval(setting::PreviewInterval.fallback);
    setState(TrainingController::State::Empty);
}

// The form's editors, each with its setting's range, and the run buttons.
void TrainingView::createEditors()
{
    m_preset = new ElidingComboBox(this);
    m_preset->addItem(tr("tiny (16×16 grey, 0.18 M parameters)"), QStringLiteral("tiny"));
    m_preset->addItem(tr("reference (32×32 grey, 1.6 M parameters)"), QStringLiteral("reference"));
    m_preset->addItem(tr("cifar (32×32 colour, 35.7 M parameters)"), QStringLiteral("cifar"));
    m_conditional = new QCheckBox(tr("Class-conditional"), this);
    m_conditional->setToolTip(
        tr("The network is also given each image's class (Fashion-MNIST's ten, CIFAR-10's, the shapes', or an image "
           "folder's subfolders), and 10 % of the time no class, so that one model can draw a chosen class and be "
           "guided towards it (classifier-free guidance). Changing it starts a new model."));
    m_batch = new QSpinBox(this);
    setRange(m_batch, setting::BatchSize);
    m_lr = new QDoubleSpinBox(this);
    m_lr->setDecimals(6);
    setRange(m_lr, setting::LearningRate);
    m_lr->setSingleStep(1e-4);
    m_warmup = new QSpinBox(this);
    setRange(m_warmup, setting::WarmupSteps);
    m_warmup->setSingleStep(100);
    m_warmup->setSuffix(tr(" steps"));
    m_warmup->setToolTip(tr("The learning rate rises linearly from 0 over these first steps."));
    m_steps = new QSpinBox(this);
    setRange(m_steps, setting::TotalSteps);
    m_steps->setSingleStep(1000);
    for (QSpinBox* spin : {m_steps, m_warmup}) // 60,000 as the step counter beside it writes it
        spin->setGroupSeparatorShown(true);
    m_ema = new QDoubleSpinBox(this);
    m_ema->setDecimals(5);
    setRange(m_ema, setting::EmaDecay);
    m_ema->setSingleStep(0.0001);
    m_schedule = new ElidingComboBox(this);
    for (const QString& k : Settings::choices(setting::Schedule))
        m_schedule->addItem(Settings::choiceText(k), k);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max()); // a QSpinBox holds an int; the setting takes more
    m_device = new ElidingComboBox(this);
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_device->setToolTip(tr("Where the model trains. A change applies at the next Start: the model moves "
                            "there with its optimizer state. Sampling runs where the model is."));
    m_precision = new ElidingComboBox(this);
    addPrecisionItems(m_precision);
    m_previewEvery = new QSpinBox(this);
    setRange(m_previewEvery, setting::PreviewInterval);
    m_previewEvery->setSpecialValueText(tr("never"));
    m_previewEvery->setSingleStep(50);
    m_previewEvery->setSuffix(tr(" steps"));
    m_previewEvery->setToolTip(tr("Training steps between two preview samples. Sampling a preview pauses "
                                  "training briefly, so a small interval slows training down."));
    m_start = new QPushButton(tr("Start"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_stop = new QPushButton(tr("Stop"), this);
}

// The hyper-parameter form with Start, Pause and Stop.
QGroupBox* TrainingView::buildForm()
{
    createEditors();
    auto* form = new QGroupBox(tr("Hyper-parameters"), this);
    auto* fl = new QFormLayout(form);
    // Rows a little closer than the style's default: the form is the tallest part of the window, which must
    // fit 650 pixels (tst_studio::windowFitsSmallScreens).
    fl->setVerticalSpacing(std::min(fl->verticalSpacing(), 4));
    fl->addRow(tr("Model preset"), m_preset);
    fl->addRow(m_conditional);
    fl->addRow(tr("Batch size"), m_batch);
    fl->addRow(tr("Learning rate"), m_lr);
    fl->addRow(tr("Warm-up"), m_warmup);
    fl->addRow(tr("Steps"), m_steps);
    fl->addRow(tr("EMA decay"), m_ema);
    fl->addRow(tr("Noise schedule"), m_schedule);
    fl->addRow(tr("Seed"), m_seed);
    fl->addRow(tr("Device"), m_device);
    fl->addRow(tr("Precision"), m_precision);
    fl->addRow(tr("Preview every"), m_previewEvery);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    fl->addRow(buttons);
    m_pending = new QLabel(this);
    m_pending->setWordWrap(true);
    // Wrapped within the column as it is: a longer note (a followed run's state) must not widen the form
    // and narrow it again when it goes, taking the loss chart's width with it.
    m_pending->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pending->setObjectName(QStringLiteral("pendingChanges"));
    fl->addRow(m_pending);
    m_stats = new QLabel(this);
    m_stats->setTextFormat(Qt::RichText);
    fl->addRow(m_stats);

    // Long entries ("reference (32×32 grey, 1.6 M parameters)") may be cut in the closed box rather than
    // widening the form past what a 1000-pixel-wide window leaves it; the open list shows them whole.
    for (auto* combo : form->findChildren<QComboBox*>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    return form;
}

// The loss chart and its controls, the preview samples and the per-bin heat map.
QSplitter* TrainingView::buildPlots()
{
    m_chart = new LossChart(this);
    m_chart->setMinimumSize(300, 220); // the three columns fit a 1000-pixel-wide window
    m_chart->setEmptyText(tr("The loss of each training step appears here once you press Start."));
    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setRange(0, 100); // an average over kMaxSmoothingWindow^(v/100) steps: 1 … 10,000
    m_smoothing->setValue(50);
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setChecked(m_chart->isLogScale()); // on from the start: a loss falls by orders of magnitude
    auto* reset = new QPushButton(tr("Reset zoom"), this);
    const auto smoothOver = [this](int v) {
        m_chart->setSmoothingWindow(std::pow(LossChart::kMaxSmoothingWindow, v / 100.0));
        const long n = std::lround(m_chart->smoothingWindow());
        m_smoothing->setToolTip(n > 1 ? tr("The average reaches back about %L1 steps").arg(n) : tr("No smoothing"));
    };
    connect(m_smoothing, &QSlider::valueChanged, this, smoothOver);
    smoothOver(m_smoothing->value());
    connect(m_log, &QCheckBox::toggled, m_chart, &LossChart::setLogScale);
    connect(reset, &QPushButton::clicked, m_chart, &LossChart::resetZoom);
    auto* chartBox = new QGroupBox(tr("Loss (drag to zoom)"), this);
    auto* cl = new QVBoxLayout(chartBox);
    cl->addWidget(m_chart, 1);
    // Two rows, so that the slider keeps a usable length in a narrow window and in longer languages.
    m_smoothing->setMinimumWidth(100);
    auto* smoothingRow = new QHBoxLayout;
    smoothingRow->addWidget(new QLabel(tr("Smoothing"), chartBox));
    smoothingRow->addWidget(m_smoothing, 1);
    cl->addLayout(smoothingRow);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_log);
    scaleRow->addStretch(1);
    scaleRow->addWidget(reset);
    cl->addLayout(scaleRow);

    m_heat = new BinHeatMap(this);
    m_heat->setMinimumHeight(170);
    auto* heatBox = new QGroupBox(tr("Loss per timestep bin over training"), this);
    (new QVBoxLayout(heatBox))->addWidget(m_heat);

    m_preview = new ImageView(this);
    m_preview->setMinimumSize(170, 170);
    m_previewCaption = new QLabel(tr("Samples appear here while training"), this);
    m_previewCaption->setAlignment(Qt::AlignCenter);
    auto* previewBox = new QGroupBox(tr("Samples from fixed noise (EMA weights)"), this);
    auto* pl = new QVBoxLayout(previewBox);
    pl->addWidget(m_preview, 1);
    pl->addWidget(m_previewCaption);

    auto* right = new QSplitter(Qt::Vertical, this);
    auto* top = new QSplitter(Qt::Horizontal, right);
    top->addWidget(chartBox);
    top->addWidget(previewBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    right->addWidget(top);
    right->addWidget(heatBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    return right;
}

void TrainingView::connectForm()
{
    connect(m_start, &QPushButton::clicked, this, &TrainingView::startRequested);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_state == TrainingController::State::Paused)
            Q_EMIT resumeRequested();
        else
            Q_EMIT pauseRequested();
    });
    connect(m_stop, &QPushButton::clicked, this, &TrainingView::stopRequested);
    for (auto* combo : {m_preset, m_schedule})
        connect(combo, &QComboBox::activated, this, &TrainingView::configEdited);
    connect(m_conditional, &QCheckBox::clicked, this, &TrainingView::configEdited);
    // The form says which changes wait for the next Start.
    for (auto* spin : {m_batch, m_warmup, m_seed})
        connect(spin, &QSpinBox::valueChanged, this, &TrainingView::updatePending);
    for (auto* spin : {m_lr, m_ema})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &TrainingView::updatePending);
    connect(m_device, &QComboBox::currentIndexChanged, this, &TrainingView::updatePending);
    connect(m_precision, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT precisionChanged(precision()); });
    // Typed values count when the typing is done (Enter, or focus elsewhere): on the way to 6000 a run
    // must not end at 6.
    m_steps->setKeyboardTracking(false);
    m_previewEvery->setKeyboardTracking(false);
    connect(m_steps, &QSpinBox::valueChanged, this, [this](int steps) {
        updateClock(); // "step x / total" and the time left
        Q_EMIT totalStepsChanged(steps);
    });
    connect(m_previewEvery, &QSpinBox::valueChanged, this, &TrainingView::previewIntervalChanged);
}

ModelConfig TrainingView::formConfig() const
{
    auto c = makeConfig(m_preset->currentData().toString().toStdString()).value();
    c.train.batch = m_batch->value();
    c.train.lr = m_lr->value();
    c.train.warmupSteps = m_warmup->value();
    c.train.totalSteps = m_steps->value();
    c.train.emaDecay = m_ema->value();
    c.train.seed = static_cast<uint64_t>(m_seed->value());
    c.schedule.kind = parseScheduleKind(m_schedule->currentData().toString().toStdString()).value();
    return c;
}

void TrainingView::setFormConfig(const ModelConfig& c)
{
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(QString::fromStdString(c.preset))));
    m_batch->setValue(c.train.batch);
    m_lr->setValue(c.train.lr);
    m_warmup->setValue(c.train.warmupSteps);
    m_ema->setValue(c.train.emaDecay);
    m_seed->setValue(static_cast<int>(std::min<uint64_t>(c.train.seed, static_cast<uint64_t>(m_seed->maximum()))));
    m_schedule->setCurrentIndex(
        std::max(0, m_schedule->findData(QString::fromStdString(scheduleKindName(c.schedule.kind)))));
    m_conditional->setChecked(c.conditional());
}

bool TrainingView::conditional() const
{
    return m_conditional->isChecked();
}

TrainFormOptions TrainingView::formOptions() const
{
    auto o = TrainFormOptions::from(formConfig().train);
    if (!m_model)
        return o;
    // A field still showing the model's value keeps the model's exact value (the editors round and
    // clamp: a checkpoint's 1.5e-7 or its batch of 8192 must not change because the form shows them).
    const auto m = TrainFormOptions::from(m_model->config.train);
    if (shows(m_batch, m.batch))
        o.batch = m.batch;
    if (shows(m_lr, m.lr))
        o.lr = m.lr;
    if (shows(m_warmup, m.warmupSteps))
        o.warmupSteps = m.warmupSteps;
    if (shows(m_ema, m.emaDecay))
        o.emaDecay = m.emaDecay;
    if (shows(m_seed, static_cast<double>(m.seed)))
        o.seed = m.seed;
    return o;
}

qint64 TrainingView::totalSteps() const
{
    return m_steps->value();
}
void TrainingView::setTotalSteps(qint64 steps)
{
    m_steps->setValue(static_cast<int>(steps));
}
QString TrainingView::device() const
{
    return m_device->currentData().toString();
}
void TrainingView::setDevice(const QString& device)
{
    m_device->setCurrentIndex(std::max(0, m_device->findData(device)));
}
QString TrainingView::precision() const
{
    return m_precision->currentData().toString();
}
void TrainingView::setPrecision(const QString& precision)
{
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(precision)));
}
int TrainingView::previewInterval() const
{
    return m_previewEvery->value();
}
void TrainingView::setPreviewInterval(int steps)
{
    m_previewEvery->setValue(steps);
}

void TrainingView::forgetApplied()
{
    m_applied.reset();
    m_appliedDevice.reset();
    m_appliedDataSpec.reset();
    updatePending();
}

void TrainingView::setOpening(bool opening)
{
    m_opening = opening;
    m_start->setEnabled(m_state == TrainingController::State::Idle && !m_opening);
}

void TrainingView::setState(TrainingController::State state)
{
    using S = TrainingController::State;
    if (state == S::Running && m_state != S::Running && m_state != S::Paused) {
        // A Start takes the form as it is (its fields are locked while it runs).
        m_applied = formOptions();
        if (const auto d = parseDevice(device().toStdString()))
            m_appliedDevice = d.value();
        if (!m_dataSpec.isEmpty())
            m_appliedDataSpec = m_dataSpec; // the run trains on it from now on
        m_clock.start();
        m_elapsedBefore = 0;
        m_startStep = m_lastStep;
    } else if (state == S::Paused && m_clock.isValid()) {
        m_elapsedBefore += m_clock.elapsed();
        m_clock.invalidate();
    } else if (state == S::Running && m_state == S::Paused) {
        m_clock.start();
    } else if (state == S::Idle && m_clock.isValid()) {
        m_elapsedBefore += m_clock.elapsed();
        m_clock.invalidate();
    }
    m_state = state;
    const bool busy = state == S::Running || state == S::Paused;
    m_start->setEnabled(state == S::Idle && !m_opening);
    m_pause->setEnabled(busy);
    m_pause->setText(state == S::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(busy);
    for (QWidget* w : std::initializer_list<QWidget*>{m_preset, m_conditional, m_batch, m_lr, m_warmup, m_ema,
                                                      m_schedule, m_seed, m_device, m_precision})
        w->setEnabled(!busy);
    updateClock();
    updatePending();
}

void TrainingView::showModel(const SnapshotPtr& snapshot, bool trainedWeights)
{
    m_chart->clear();
    m_history.clear();
    m_heat->clear();
    m_model = snapshot;
    m_applied.reset();
    m_appliedDevice.reset();
    m_appliedDataSpec.reset();
    // The samples of the model before do not show this one: a trained model's own come when the window
    // asks for them, a new one's while it trains.
    m_previewImage = QImage();
    m_preview->setImage(m_previewImage);
    m_previewCaption->setText(snapshot && (snapshot->step > 0 || trainedWeights)
                                  ? tr("Drawing samples at step %L1…").arg(snapshot->step)
                                  : tr("Samples appear here while training"));
    if (!snapshot)
        return updatePending();
    setFormConfig(snapshot->config);
    if (const qint64 total = snapshot->config.train.totalSteps;
        total > snapshot->step || m_steps->value() < snapshot->step)
        setTotalSteps(
            std::max<qint64>(total, snapshot->step)); // "16,530 / 16,530", not the form's number below the step
    m_history = snapshot->lossHistory;                // bounded: recent steps, older ones folded (core/losshistory.h)
    const auto all = m_history.points();
    QVector<QPointF> points;
    points.reserve(static_cast<int>(all.size()));
    for (const auto& p : all)
        points.append(QPointF(static_cast<double>(p.step), p.loss));
    m_chart->appendPoints(points);
    m_heat->setBinLabels(
        BinHeatMap::timestepBinLabels(snapshot->config.schedule.steps, static_cast<int>(snapshot->binLoss.size())));
    for (const auto& h : snapshot->binLossHistory)
        m_heat->appendSnapshot(QVector<double>(h.binLoss.begin(), h.binLoss.end()), static_cast<int>(h.step));
    if (snapshot->binLossHistory.empty() && !snapshot->binLoss.empty() && std::isfinite(snapshot->binLoss.front()))
        m_heat->appendSnapshot(QVector<double>(snapshot->binLoss.begin(), snapshot->binLoss.end()),
                               static_cast<int>(snapshot->step));
    // The statistics show the model's own figures until training measures new ones.
    m_lastStep = snapshot->step;
    m_loss = m_history.empty() ? std::nan("") : static_cast<double>(m_history.back().loss);
    m_lrNow = snapshot->step > 0 ? snapshot->lr : std::nan("");
    m_elapsedBefore = 0;
    m_stepsPerSec = m_imagesPerSec = 0;
    updatePending();
    updateClock();
}

void TrainingView::setModelSnapshot(const SnapshotPtr& snapshot)
{
    m_model = snapshot;
    updatePending();
}

void TrainingView::setDataSpec(const QString& spec, const QString& problem)
{
    m_dataSpec = spec;
    m_dataProblem = problem;
    updatePending();
}

void TrainingView::updatePending()
{
    if (!m_model) {
        m_pending->clear();
        return;
    }
    QStringList changed;
    const auto now = formOptions();
    const auto model = m_applied ? *m_applied : TrainFormOptions::from(m_model->config.train);
    if (now.batch != model.batch)
        changed << tr("batch size");
    if (now.lr != model.lr)
        changed << tr("learning rate");
    if (now.warmupSteps != model.warmupSteps)
        changed << tr("warm-up");
    if (now.emaDecay != model.emaDecay)
        changed << tr("EMA decay");
    if (now.seed != model.seed)
        changed << tr("seed");
    QStringList lines;
    if (m_following && m_followed)
        lines << followNote(*m_followed, m_followedFile);
    if (!changed.isEmpty())
        lines << tr("Changed: %1. Applies at the next Start.").arg(changed.join(QStringLiteral(", ")));
    const auto device = parseDevice(this->device().toStdString());
    if (!device)
        lines << tr("The next Start cannot use this device: %1.").arg(ddpm::errorText(device));
    else if (device.value() != m_appliedDevice.value_or(m_model->device))
        lines << tr("The model moves to %1 at the next Start.")
                     .arg(QString::fromStdString(deviceDescription(device.value())));
    // The data set the weights have seen last: the running (or last) Start's, else the checkpoint's.
    const QString trainedOn = m_appliedDataSpec.value_or(QString::fromStdString(m_model->config.dataSpec));
    const bool trained = m_model->step > 0 || m_appliedDataSpec;
    if (!m_dataProblem.isEmpty() && !m_dataSpec.isEmpty())
        lines << tr("The next Start cannot train on %1: %2.").arg(DataLoader::displayName(m_dataSpec), m_dataProblem);
    else if (trained && !m_dataSpec.isEmpty() && !sameDataSpec(trainedOn.toStdString(), m_dataSpec.toStdString())) {
        QString before = DataLoader::displayName(trainedOn), next = DataLoader::displayName(m_dataSpec);
        if (before == next) { // two splits or sizes of one set: the specs tell them apart
            before = QStringLiteral("%1 (%2)").arg(before, trainedOn);
            next = QStringLiteral("%1 (%2)").arg(next, m_dataSpec);
        }
        lines << tr("The model was trained on %1; the next Start goes on with %2.").arg(before, next);
    }
    m_pending->setText(lines.join(QLatin1Char('\n')));
}

void TrainingView::addProgress(const TrainingProgress& p)
{
    if (!p.points.isEmpty()) {
        for (const QPointF& q : p.points)
            m_history.push_back({static_cast<int64_t>(q.x()), static_cast<float>(q.y())});
        m_chart->appendPoints(p.points);
    }
    if (p.step > 0) {
        m_lastStep = p.step;
        m_stepsPerSec = p.stepsPerSec;
        m_imagesPerSec = p.imagesPerSec;
        m_loss = p.loss;
        m_lrNow = p.lr;
    }
    // The heat map takes a column every few updates so it spans the whole run.
    if (!p.binLoss.isEmpty() && (++m_heatCounter % 5 == 1 || m_heat->snapshotCount() == 0))
        m_heat->appendSnapshot(p.binLoss, static_cast<int>(p.step));
    updateClock();
}

void TrainingView::showPreview(const QImage& grid, qint64 step)
{
    m_previewImage = grid;
    m_preview->setImage(grid);
    m_previewCaption->setText(tr("Step %L1").arg(step));
}

void TrainingView::setFollowing(bool following)
{
    m_following = following;
    if (following) // the speed of a run here is not the followed run's: its log's rows bring that
        m_stepsPerSec = m_imagesPerSec = 0;
    m_followed.reset();
    updateClock();
    updatePending();
}

void TrainingView::setFollowedRun(const FollowedRun& run, const QString& file)
{
    if (!m_following)
        return;
    m_followed = run;
    m_followedFile = file;
    updateClock();
    updatePending();
}

void TrainingView::updateClock()
{
    const double elapsed = (m_elapsedBefore + (m_clock.isValid() ? m_clock.elapsed() : 0)) / 1000.0;
    const qint64 left = std::max<qint64>(0, totalSteps() - m_lastStep);
    // A paused run, or a followed run that is not being written to, has no speed now, nor a time left.
    const bool stale =
        (m_following && m_followed && !m_followed->live()) || m_state == TrainingController::State::Paused;
    const double eta = m_stepsPerSec > 0 && !stale ? left / m_stepsPerSec : -1;
    // A figure not measured yet (speed before the first steps of a run) shows as a dash, not as 0.
    const QString none = QStringLiteral("–");
    auto number = [&](double v, char format, int precision) {
        return std::isfinite(v) && v > 0 ? QLocale().toString(v, format, precision) : none; // "0,0002" in German
    };
    m_stats->setText(tr("<table cellspacing='3'>"
                        "<tr><td>Step</td><td align='right'><b>%1</b> / %2</td></tr>"
                        "<tr><td>Loss</td><td align='right'>%3</td></tr>"
                        "<tr><td>Learning rate</td><td align='right'>%4</td></tr>"
                        "<tr><td>Steps/s</td><td align='right'>%5</td></tr>"
                        "<tr><td>Images/s</td><td align='right'>%6</td></tr>"
                        "<tr><td>Elapsed</td><td align='right'>%7</td></tr>"
                        "<tr><td>ETA</td><td align='right'>%8</td></tr></table>")
                         .arg(QLocale().toString(m_lastStep), QLocale().toString(totalSteps()))
                         .arg(std::isfinite(m_loss) ? QLocale().toString(m_loss, 'f', 4) : none)
                         .arg(number(m_lrNow, 'g', 3))
                         .arg(number(stale ? 0 : m_stepsPerSec, 'f', 2))
                         .arg(number(stale ? 0 : m_imagesPerSec, 'f', 1))
                         .arg(elapsed > 0 || m_clock.isValid() ? RunClock::duration(elapsed) : none) // no run yet
                         .arg(m_state == TrainingController::State::Running || (m_following && eta >= 0)
                                  ? RunClock::duration(eta)
                                  : none));
}
