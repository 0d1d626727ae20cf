#include "scoreview.h"

#include "elidingcombobox.h"
#include "sizelimits.h"
#include "losschart.h"
#include "sampler.h"
#include "scoreplot.h"
#include "timestepscrubber.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace ddpm;

namespace {

constexpr double kExtent = 1.8;   // the plane shown: [−1.8, 1.8]²
constexpr int kDensityCells = 96; // the density image's side
constexpr int kArrowGrid = 19;    // arrows a side
constexpr int kDataPoints = 6000; // points of a built-in data set
constexpr int kErrorPoints = 2000;

// Points on a regular grid over the plane, row by row from the top (y = +extent), cell centres.
torch::Tensor gridPoints(int side, double extent)
{
    const double h = 2.0 * extent / side;
    auto xs = torch::linspace(-extent + h / 2, extent - h / 2, side, torch::kFloat32);
    auto ys = torch::linspace(extent - h / 2, -extent + h / 2, side, torch::kFloat32);
    auto g = torch::meshgrid({ys, xs}, "ij");
    return torch::stack({g[1].reshape(-1), g[0].reshape(-1)}, 1);
}

// A [side, side] grid of values in [0, 1] as an image: white to blue.
QImage densityImage(const torch::Tensor& values, int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    const auto v = values.to(torch::kFloat32).contiguous();
    const float* d = v.data_ptr<float>();
    for (int y = 0; y < side; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < side; ++x) {
            const double a = std::clamp(static_cast<double>(d[y * side + x]), 0.0, 1.0);
            line[x] =
                qRgb(static_cast<int>(255 - a * 185), static_cast<int>(255 - a * 140), static_cast<int>(255 - a * 40));
        }
    }
    return image;
}

} // namespace

ScoreView::ScoreView(QWidget* parent)
    : QWidget(parent)
    , m_diffusion(NoiseSchedule(m_schedule), Prediction::Epsilon)
    , m_controller(new ScoreController(this))
{
    buildControls();
    buildLayout();
    connectSignals();
    dataChanged();
}

ScoreView::~ScoreView() = default;

void ScoreView::buildControls()
{
    m_data = new ElidingComboBox(this);
    // The engine's data sets (toy::toyDataNames), each in words here; one without words shows its name.
    const QHash<QString, QString> dataWords{{QStringLiteral("gmm8"), tr("Eight Gaussians on a ring")},
                                            {QStringLiteral("moons"), tr("Two moons")},
                                            {QStringLiteral("swissroll"), tr("Swiss roll")}};
    for (const auto& toy : toy::toyDataNames()) {
        const QString name = QString::fromStdString(toy);
        m_data->addItem(dataWords.value(name, name), name);
    }
    m_data->addItem(tr("Points you draw"), QStringLiteral("drawn"));
    m_clear = new QPushButton(tr("Clear the points"), this);
    m_drawHint = new QLabel(tr("Click or drag on the plot to draw points."), this);
    m_drawHint->setWordWrap(true);
    m_trainSteps = new QSpinBox(this);
    m_trainSteps->setRange(100, 200000);
    m_trainSteps->setSingleStep(500);
    m_trainSteps->setGroupSeparatorShown(true);
    m_trainSteps->setValue(static_cast<int>(toy::ToyTrainOptions{}.steps));
    m_train = new QPushButton(tr("Train"), this);
    m_train->setToolTip(tr("Algorithm 1 on the points: the MLP learns ε̂, i.e. the score of every noise level"));
    m_stopTraining = new QPushButton(tr("Stop"), this);
    m_loss = new LossChart(this);
    m_loss->setMinimumHeight(150);
    // One curve that matters, under "Training steps": its axes say what it is, and without a legend and
    // a title the whole panel fits a 700-pixel window with the axes' numbers still shown.
    m_loss->chart()->legend()->hide();
    m_loss->setEmptyText(tr("Press Train to see the loss of each step here."));
    m_sampler = new ElidingComboBox(this);
    // ddpm toy's samplers, under their names there (toy::toySamplerNames), each in words here.
    const QHash<QString, QString> words{{QStringLiteral("ancestral"), tr("Ancestral (Algorithm 2)")},
                                        {QStringLiteral("pc"), tr("Predictor–corrector")},
                                        {QStringLiteral("ddim"), tr("DDIM, η = 0 (probability flow)")},
                                        {QStringLiteral("langevin"), tr("Annealed Langevin dynamics")},
                                        {QStringLiteral("langevin-fixed"), tr("Langevin at one noise level")}};
    for (const auto& name : toy::toySamplerNames()) {
        const QString key = QString::fromStdString(name);
        m_sampler->addItem(words.value(key, key), key);
    }
    m_levels = new QSpinBox(this);
    m_levels->setRange(1, m_diffusion.steps());
    m_levels->setValue(m_levelsDefault = toy::defaultToyLevels(SamplerKind::Ddpm)); // the first sampler's
    m_langevinSteps = new QSpinBox(this);
    m_langevinSteps->setRange(1, static_cast<int>(limits::kMaxLangevinSteps)); // ddpm toy's bounds and defaults
    m_langevinSteps->setValue(SamplerOptions{}.langevinSteps);
    m_snr = new QDoubleSpinBox(this);
    m_snr->setRange(0.0, limits::kMaxSnr);
    m_snr->setToolTip(tr("The Langevin corrector's signal-to-noise ratio r: each of its steps has the size "
                         "ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)"));
    m_snr->setSingleStep(0.01);
    m_snr->setValue(SamplerOptions{}.snr);
    m_count = new QSpinBox(this);
    m_count->setRange(10, 5000); // fewer than ddpm toy allows: each particle is drawn in every frame
    m_count->setSingleStep(100);
    m_count->setValue(600);
    m_exact = new QCheckBox(tr("Use the exact score (the ring only)"), this);
    m_sample = new QPushButton(tr("Sample"), this);
    m_stopSampling = new QPushButton(tr("Stop"), this);
    m_showDensity = new QCheckBox(tr("Density qₜ"), this);
    m_showLearned = new QCheckBox(tr("Learned score (black)"), this);
    m_showExact = new QCheckBox(tr("Exact score (blue)"), this);
    m_showData = new QCheckBox(tr("Data points"), this);
    for (QCheckBox* box : {m_showDensity, m_showLearned, m_showExact})
        box->setChecked(true);
    m_plot = new ScorePlot(this);
    m_plot->setExtent(kExtent);
    m_scrubber = new TimestepScrubber(this);
    m_scrubber->setFps(20);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
}

void ScoreView::buildLayout()
{
    auto* dataBox = new QGroupBox(tr("Data and model"), this);
    auto* dl = new QFormLayout(dataBox);
    dl->addRow(tr("Data"), m_data);
    dl->addRow(m_drawHint);
    dl->addRow(m_clear);
    dl->addRow(tr("Training steps"), m_trainSteps);
    auto* trainRow = new QHBoxLayout;
    trainRow->addWidget(m_train);
    trainRow->addWidget(m_stopTraining);
    dl->addRow(trainRow);
    dl->addRow(m_loss);

    auto* samplerBox = new QGroupBox(tr("Particles"), this);
    auto* sl = new QFormLayout(samplerBox);
    sl->addRow(tr("Sampler"), m_sampler);
    sl->addRow(tr("Levels (DDIM, Langevin)"), m_levels);
    sl->addRow(tr("Langevin steps per level"), m_langevinSteps);
    sl->addRow(tr("Corrector's SNR r"), m_snr); // the field's tooltip says what r is
    sl->addRow(tr("Particles"), m_count);
    sl->addRow(m_exact);
    auto* sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sample);
    sampleRow->addWidget(m_stopSampling);
    sl->addRow(sampleRow);

    auto* showBox = new QGroupBox(tr("Show"), this);
    auto* shl = new QGridLayout(showBox); // two by two: the whole panel fits a 700-pixel window
    shl->addWidget(m_showDensity, 0, 0);
    shl->addWidget(m_showData, 0, 1);
    shl->addWidget(m_showLearned, 1, 0);
    shl->addWidget(m_showExact, 1, 1);

    auto* left = new QVBoxLayout;
    left->addWidget(dataBox);
    left->addWidget(samplerBox);
    left->addWidget(showBox);
    left->addStretch(1);
    auto* leftWidget = new QWidget;
    leftWidget->setLayout(left);
    // The controls scroll on a small screen rather than making the window taller than it.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(leftWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As wide as its widest row with room for the scroll bar, so that no label is cut (German's are longer).
    const int fits = leftWidget->sizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8;
    scroll->setMinimumWidth(fits);
    scroll->setMaximumWidth(std::max(380, fits));

    auto* right = new QVBoxLayout;
    right->addWidget(m_caption);
    right->addWidget(m_plot, 1);
    right->addWidget(m_scrubber);
    right->addWidget(m_status);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(scroll);
    layout->addLayout(right, 1);
}

void ScoreView::connectSignals()
{
    connect(m_data, &QComboBox::currentIndexChanged, this, &ScoreView::dataChanged);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, [this] { // each sampler's levels, as ddpm toy's
        SamplerOptions o;
        if (!toy::setSampler(m_sampler->currentData().toString().toStdString(), o))
            return;
        const int fresh = toy::defaultToyLevels(o.kind);
        if (m_levels->value() == m_levelsDefault) // a number the user chose stays
            m_levels->setValue(fresh);
        m_levelsDefault = fresh;
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_drawn.clear();
        dataChanged();
    });
    connect(m_plot, &ScorePlot::pointAdded, this, [this](const QPointF& p) {
        m_drawn << p;
        m_points = torch::Tensor();
        m_plot->setDataPoints(m_drawn);
        updateControls();
    });
    connect(m_train, &QPushButton::clicked, this, &ScoreView::train);
    connect(m_stopTraining, &QPushButton::clicked, m_controller, &ScoreController::cancelTraining);
    connect(m_sample, &QPushButton::clicked, this, &ScoreView::sample);
    connect(m_stopSampling, &QPushButton::clicked, m_controller, &ScoreController::cancelSampling);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, &ScoreView::updateControls);
    connect(m_exact, &QCheckBox::toggled, this, &ScoreView::updateControls);
    for (QCheckBox* box : {m_showDensity, m_showLearned, m_showExact, m_showData})
        connect(box, &QCheckBox::toggled, this, &ScoreView::updateField);
    connect(m_scrubber, &TimestepScrubber::valueChanged, this, [this](int v) { m_run ? showFrame(v) : setT(v); });
    connect(m_controller, &ScoreController::trainingProgress, this, [this](qint64 step, qint64 total, double loss) {
        m_loss->appendPoints({QPointF(static_cast<double>(step), loss)});
        m_status->setText(
            tr("Training: step %L1 of %L2, loss %3").arg(step).arg(total).arg(QLocale().toString(loss, 'g', 4)));
    });
    connect(m_controller, &ScoreController::modelUpdated, this, [this](const ToyModelPtr& model, qint64 step) {
        m_model = model;
        m_modelStep = step;
        updateField();
    });
    connect(m_controller, &ScoreController::trainingFinished, this, [this](bool completed, const QString& error) {
        if (!error.isEmpty())
            m_status->setText(error);
        else if (!completed)
            m_status->setText(tr("Training stopped after %L1 steps.").arg(m_modelStep));
        else
            m_status->setText(tr("Trained for %L1 steps. Scrub t to compare the learned score with the truth, or "
                                 "sample particles.")
                                  .arg(m_modelStep));
        updateControls();
    });
    connect(m_controller, &ScoreController::samplingFinished, this,
            [this](const std::shared_ptr<const ParticleRun>& run, const QString& error) {
                if (!error.isEmpty())
                    m_status->setText(error);
                if (run && !run->frames.isEmpty()) {
                    m_run = run;
                    m_scrubber->setRange(0, static_cast<int>(run->frames.size()) - 1);
                    m_scrubber->setLabelFunction([this](int i) {
                        if (!m_run || i < 0 || i >= m_run->frames.size())
                            return QString();
                        const int t = m_run->t[static_cast<size_t>(i)];
                        return t > 0 ? tr("step %L1 of %L2 · t = %3")
                                           .arg(i + 1)
                                           .arg(m_run->frames.size() - 1)
                                           .arg(QLocale().toString(t))
                                     : tr("done");
                    });
                    m_scrubber->setValue(m_scrubber->maximum());
                    showFrame(m_scrubber->maximum());
                    m_status->setText(finishedText(*run));
                } else if (error.isEmpty()) {
                    m_status->setText(tr("Sampling stopped."));
                }
                updateControls();
            });
}

QString ScoreView::finishedText(const ParticleRun& run) const
{
    QString text = tr("%L1 particles, %L2 network evaluations each%3.")
                       .arg(run.frames.constLast().size())
                       .arg(run.evaluations)
                       .arg(run.exact ? tr(" of the exact score") : QString());
    if (dataSet() == QLatin1String("gmm8")) {
        // Each particle counts for its nearest mode, wherever it is: the share near any mode says how many
        // reached one (the data's own samples: 1 − exp(−9/2)).
        const auto ring = toy::ringOfEight();
        const auto points = tensorOf(run.frames.constLast());
        const auto shares = toy::componentShares(ring, points);
        const auto [lo, hi] = std::minmax_element(shares.begin(), shares.end());
        text += tr(" %1 % of them lie within 3σ of a mode (the data: %2 %); by their nearest mode, the modes "
                   "hold %3–%4 % each (the data: 12.5 %).")
                    .arg(QLocale().toString(100.0 * toy::shareNearModes(ring, points), 'f', 1))
                    .arg(QLocale().toString(100.0 * (1.0 - std::exp(-4.5)), 'f', 1))
                    .arg(QLocale().toString(100.0 * *lo, 'f', 1))
                    .arg(QLocale().toString(100.0 * *hi, 'f', 1));
    }
    return text;
}

QString ScoreView::dataSet() const
{
    return m_data->currentData().toString();
}

void ScoreView::setDataSet(const QString& name)
{
    m_data->setCurrentIndex(std::max(0, m_data->findData(name)));
}

int ScoreView::drawnPointCount() const
{
    return static_cast<int>(m_drawn.size());
}

QString ScoreView::statusText() const
{
    return m_status->text();
}

torch::Tensor ScoreView::points() const
{
    if (dataSet() == QLatin1String("drawn")) {
        return tensorOf(m_drawn);
    }
    return toy::toyData(dataSet().toStdString(), kDataPoints, 1).value();
}

void ScoreView::dataChanged()
{
    // A new data set: the model and the particles were of the old one.
    m_controller->discard();
    m_model.reset();
    m_run.reset();
    m_frame = -1;
    m_loss->clear();
    const bool drawn = dataSet() == QLatin1String("drawn");
    m_points = drawn ? torch::Tensor() : points();
    m_plot->setDrawingEnabled(drawn);
    m_plot->setDataPoints(drawn ? m_drawn : pointsOf(m_points));
    m_showData->setChecked(drawn);
    m_scrubber->setLabelFunction([](int t) { return tr("t = %1").arg(QLocale().toString(t)); });
    m_scrubber->setRange(0, m_diffusion.steps());
    m_scrubber->setValue(m_t);
    m_status->setText(drawn ? tr("Draw points, then train.") : tr("Train the model, then scrub t."));
    updateControls();
    updateField();
}

void ScoreView::setT(int t)
{
    t = std::clamp(t, 0, m_diffusion.steps());
    if (m_run) { // the run's first frame at or below that level: the particles, the caption and the slider agree
        const auto at = std::find_if(m_run->t.begin(), m_run->t.end(), [t](int ft) { return ft <= t; });
        const int frame = static_cast<int>(std::distance(m_run->t.begin(), at));
        if (m_scrubber->value() != frame)
            m_scrubber->setValue(frame); // shows it
        else
            showFrame(frame);
        return;
    }
    m_t = t;
    if (m_scrubber->value() != m_t)
        m_scrubber->setValue(m_t);
    updateField();
}

void ScoreView::showFrame(int frame)
{
    if (!m_run || frame < 0 || frame >= m_run->frames.size())
        return;
    m_frame = frame;
    m_t = m_run->t[static_cast<size_t>(frame)];
    updateField();
}

void ScoreView::updateField()
{
    const int T = m_diffusion.steps();
    const double abar = m_t >= 1 ? m_diffusion.schedule().alphaBar()[static_cast<size_t>(std::min(m_t, T) - 1)] : 1.0;
    updateDensity(abar);
    updateArrows(abar, m_t);
    updateParticles();
    QString caption = m_t >= 1
                          ? tr("t = %1: ᾱₜ = %2, score scale 1/√(1 − ᾱₜ) = %3")
                                .arg(m_t)
                                .arg(QLocale().toString(abar, 'g', 4))
                                .arg(QLocale().toString(scoreScale(m_diffusion.schedule(), std::min(m_t, T)), 'g', 4))
                          : tr("t = 0: the data");
    if (std::isfinite(m_scoreError))
        caption +=
            tr(" · learned score's mean relative error %1 %").arg(QLocale().toString(100.0 * m_scoreError, 'f', 1));
    m_caption->setText(caption);
    m_plot->setDataPoints(m_showData->isChecked() ? (dataSet() == QLatin1String("drawn") ? m_drawn : pointsOf(m_points))
                                                  : QVector<QPointF>());
    updateLive();
}

void ScoreView::updateDensity(double abar)
{
    if (!m_showDensity->isChecked()) {
        m_plot->setDensity({});
        return;
    }
    torch::NoGradGuard noGrad;
    const int side = kDensityCells;
    torch::Tensor values;
    if (dataSet() == QLatin1String("gmm8")) {
        values = toy::ringOfEight().logDensity(gridPoints(side, kExtent), abar).exp();
    } else {
        // A histogram of the data noised to t with a fixed ε per point, so that it scrubs smoothly.
        const auto data = dataSet() == QLatin1String("drawn") ? points() : m_points;
        if (!data.defined() || data.size(0) == 0) {
            m_plot->setDensity({});
            return;
        }
        if (!m_noise.defined() || m_noise.size(0) != data.size(0))
            m_noise = torch::randn({data.size(0), 2}, at::detail::createCPUGenerator(5), torch::kFloat32);
        const auto xt = std::sqrt(abar) * data + std::sqrt(1.0 - abar) * m_noise;
        const auto cell = ((xt + kExtent) / (2.0 * kExtent) * side).floor().to(torch::kInt64);
        const auto inside = (cell >= 0).all(1) & (cell < side).all(1);
        const auto c = cell.index({inside});
        const auto index = (side - 1 - c.select(1, 1)) * side + c.select(1, 0); // row 0 at the top
        values = torch::bincount(index, {}, side * side).to(torch::kFloat32).sqrt();
    }
    values = values.reshape({side, side});
    const double max = values.max().item<double>();
    m_plot->setDensity(max > 0 ? densityImage(values / max, side) : QImage());
}

void ScoreView::updateArrows(double abar, int t)
{
    torch::NoGradGuard noGrad;
    m_scoreError = NAN;
    const double spacing = 2.0 * kExtent / kArrowGrid;
    const auto grid = gridPoints(kArrowGrid, kExtent);
    const auto origins = pointsOf(grid);
    const bool ring = dataSet() == QLatin1String("gmm8");
    const auto mixture = toy::ringOfEight();
    const double scale = t >= 1 ? std::sqrt(1.0 - abar) : 0.0;
    const auto tIndex = [](int64_t n, int t) { return torch::full({n}, t - 1, torch::kInt64); };
    if (m_model && t >= 1 && m_showLearned->isChecked())
        m_plot->setArrows(0, origins, pointsOf(-m_model->forward(grid, tIndex(grid.size(0), t)) / scale), spacing);
    else
        m_plot->setArrows(0, {}, {}, spacing);
    if (ring && t >= 1 && m_showExact->isChecked())
        m_plot->setArrows(1, origins, pointsOf(mixture.score(grid, abar)), spacing);
    else
        m_plot->setArrows(1, {}, {}, spacing);
    if (ring && m_model && t >= 1) {
        // At points of q_t, where the sampler goes (a fixed draw, so that the number scrubs smoothly).
        const auto x0 = mixture.sample(kErrorPoints, 3);
        const auto eps = torch::randn({kErrorPoints, 2}, at::detail::createCPUGenerator(4), torch::kFloat32);
        const auto xt = std::sqrt(abar) * x0 + scale * eps;
        m_scoreError =
            toy::scoreRelativeError(-m_model->forward(xt, tIndex(kErrorPoints, t)) / scale, mixture.score(xt, abar));
    }
}

void ScoreView::updateParticles()
{
    if (m_run && m_frame >= 0 && m_frame < m_run->frames.size())
        m_plot->setParticles(m_run->frames[m_frame]);
    else
        m_plot->setParticles({});
}

SamplerOptions ScoreView::samplerOptions() const
{
    SamplerOptions o;
    o.clipX0 = false;
    o.count = m_count->value();
    o.seed = SamplerOptions{}.seed;
    o.langevinSteps = m_langevinSteps->value();
    o.snr = m_snr->value();
    o.ddimSteps = m_levels->value();
    toy::setSampler(m_sampler->currentData().toString().toStdString(), o); // one of toySamplerNames(): known
    return o;
}

void ScoreView::train()
{
    const auto data = points();
    if (data.size(0) < 2) {
        m_status->setText(tr("Draw at least two points first."));
        return;
    }
    m_loss->clear();
    m_model.reset();
    m_modelStep = 0;
    m_controller->train(data, m_schedule, m_trainSteps->value(), 0);
    m_status->setText(tr("Training…"));
    updateControls();
}

void ScoreView::sample()
{
    const bool exact = m_exact->isChecked() && dataSet() == QLatin1String("gmm8");
    if (!exact && !m_model) {
        m_status->setText(tr("Train the model first (or use the exact score of the ring)."));
        return;
    }
    const auto o = samplerOptions();
    m_controller->sample(exact ? nullptr : m_model, m_schedule, o);
    m_status->setText(tr("Sampling %L1 particles: %L2 network evaluations each…")
                          .arg(o.count)
                          .arg(samplerEvaluations(o, m_diffusion.steps())));
    updateControls();
}

void ScoreView::updateControls()
{
    const bool drawn = dataSet() == QLatin1String("drawn");
    const bool ring = dataSet() == QLatin1String("gmm8");
    const bool training = m_controller->isTraining();
    const bool sampling = m_controller->isSampling();
    const auto o = samplerOptions();
    const bool langevin = isLangevinSampler(o.kind), corrected = o.corrector == CorrectorKind::Langevin;
    m_clear->setEnabled(drawn && !m_drawn.isEmpty());
    m_drawHint->setVisible(drawn);
    m_clear->setVisible(drawn); // only drawn points can be cleared: the room goes to the other rows
    // Training drops the model a run still samples with: its particles would come after, of no model shown.
    m_train->setEnabled(!training && !sampling && (!drawn || m_drawn.size() >= 2));
    m_stopTraining->setEnabled(training);
    m_exact->setEnabled(ring);
    m_showExact->setEnabled(ring);
    m_levels->setEnabled(o.kind == SamplerKind::Ddim || langevin);
    m_langevinSteps->setEnabled(corrected || langevin);
    m_snr->setEnabled(corrected);
    // One worker runs both: a run asked for during training would wait for all of it.
    m_sample->setEnabled(!sampling && !training && ((m_exact->isChecked() && ring) || m_model));
    m_stopSampling->setEnabled(sampling);
}

void ScoreView::updateLive()
{
    QMap<QString, QString> live;
    live[QStringLiteral("t")] = QString::number(m_t);
    if (m_t >= 1) {
        const auto i = static_cast<size_t>(m_t - 1);
        const double abar = m_diffusion.schedule().alphaBar()[i];
        live[QStringLiteral("alpha_bar")] = QString::number(abar, 'g', 4);
        live[QStringLiteral("score_scale")] = QString::number(scoreScale(m_diffusion.schedule(), m_t), 'g', 6);
        // The step annealed Langevin takes here at its default size (the Reverse view's is its form's).
        live[QStringLiteral("langevin_eta")] =
            QString::number(langevinStepSize(m_diffusion.schedule(), SamplerOptions{}, m_t), 'g', 4);
    }
    if (std::isfinite(m_scoreError))
        live[QStringLiteral("score_error")] = QString::number(m_scoreError, 'g', 3);
    Q_EMIT liveValuesChanged(live);
}
