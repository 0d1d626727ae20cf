// ReverseView's sampler form: its controls, the options they make, and which of them apply.
#include "reverseview.h"

#include "elidingcombobox.h"
#include "pinnedspinbox.h"
#include "classpicker.h"
#include "settingeditors.h"
#include "spacingbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

using namespace ddpm;

namespace {
constexpr int kVarianceRole = Qt::UserRole + 1; // the method list's σ_t² of ancestral sampling
} // namespace

void ReverseView::createSamplerControls()
{
    m_sampler = new ElidingComboBox(this);
    // Each entry's data: its sampler kind, and under kVarianceRole ancestral sampling's σ_t².
    const auto add = [this](const QString& text, SamplerKind kind, VarianceKind variance = VarianceKind::BetaTilde) {
        m_sampler->addItem(text, static_cast<int>(kind));
        m_sampler->setItemData(m_sampler->count() - 1, static_cast<int>(variance), kVarianceRole);
    };
    add(tr("DDPM, σ² = β̃ (posterior)"), SamplerKind::Ddpm, VarianceKind::BetaTilde);
    add(tr("DDPM, σ² = β"), SamplerKind::Ddpm, VarianceKind::Beta);
    add(tr("DDIM"), SamplerKind::Ddim);
    add(tr("Annealed Langevin dynamics"), SamplerKind::Langevin);
    add(tr("Langevin at one noise level"), SamplerKind::LangevinFixed);
    // Sized for its usual entries, not the longest translation: the form leaves the run its room at
    // 1,024 pixels, and a longer entry ends with "…" (whole in the open list and the tooltip).
    m_sampler->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sampler->setMinimumContentsLength(20);
    m_sampler->setItemData(3,
                           tr("Langevin steps x ← x + (η/2) s + √η z with the network's score s = −ε̂/√(1 − ᾱₜ), "
                              "at each noise level in turn from the noisiest (Song & Ermon 2019)"),
                           Qt::ToolTipRole);
    m_sampler->setItemData(4,
                           tr("The same steps at one small noise level only: the samples land in the modes, but "
                              "in the wrong proportions — why the annealing matters"),
                           Qt::ToolTipRole);
    m_corrector = new QCheckBox(tr("Langevin corrector after each step"), this);
    m_corrector->setToolTip(tr("Predictor–corrector (Song et al. 2021): after each DDPM or DDIM step, Langevin "
                               "steps at the new noise level, their size set by the signal-to-noise ratio r"));
    m_langevinSteps = new QSpinBox(this);
    setRange(m_langevinSteps, setting::LangevinSteps);
    m_langevinSteps->setValue(setting::LangevinSteps.fallback);
    m_snr = new QDoubleSpinBox(this);
    m_snr->setObjectName(QStringLiteral("snr"));
    setRange(m_snr, setting::Snr);
    m_snr->setSingleStep(0.01);
    m_snr->setToolTip(tr("The Langevin corrector's signal-to-noise ratio r: each of its steps has the size "
                         "ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)"));
    m_snr->setValue(setting::Snr.fallback);
    m_steps = new PinnedSpinBox(this);
    setRange(m_steps, setting::SamplerSteps);
    m_steps->setValue(setting::SamplerSteps.fallback);
    m_eta = new QDoubleSpinBox(this);
    m_eta->setObjectName(QStringLiteral("eta"));
    setRange(m_eta, setting::Eta);
    m_eta->setSingleStep(0.1);
    m_spacing = new SpacingBox(this);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_count = new QSpinBox(this);
    setRange(m_count, setting::SampleCount);
    m_count->setValue(setting::SampleCount.fallback);
    m_classes = new ClassPicker(this);
    m_weights = new ElidingComboBox(this);
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
    m_forkToolTip = tr("Continue this image's xₜ several times, each with fresh noise, side by side: what they "
                       "share is already decided at this t, what differs is still open (Ho et al. 2020, Figure 7). "
                       "The forks draw their noise with the seed after the run's, so that it is not the noise the "
                       "run itself went on with.");
    m_fork->setToolTip(m_forkToolTip);
}

// The settings on the left: the sampler's form, its buttons, and the fork box under them.
QGroupBox* ReverseView::buildSamplerForm()
{
    auto* settings = new QGroupBox(tr("Sampler"), this);
    auto* fl = new QFormLayout(settings);
    fl->addRow(tr("Method"), m_sampler);
    m_stepsLabel = new QLabel(tr("Steps"), settings);
    fl->addRow(m_stepsLabel, m_steps);
    fl->addRow(tr("DDIM η"), m_eta);
    fl->addRow(tr("DDIM timesteps"), m_spacing);
    fl->addRow(m_corrector);
    fl->addRow(tr("Langevin steps per level"), m_langevinSteps);
    fl->addRow(tr("Corrector's SNR r"), m_snr); // the field's tooltip says what r is
    fl->addRow(tr("Seed"), m_seed);
    fl->addRow(tr("Images"), m_count);
    fl->addRow(tr("Class, guidance"), m_classes);
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

SamplerOptions ReverseView::samplerOptions() const
{
    SamplerOptions o;
    o.kind = static_cast<SamplerKind>(m_sampler->currentData().toInt());
    o.variance = static_cast<VarianceKind>(m_sampler->currentData(kVarianceRole).toInt());
    o.corrector = m_corrector->isChecked() ? CorrectorKind::Langevin : CorrectorKind::None;
    o.langevinSteps = m_langevinSteps->value();
    o.snr = m_snr->value();
    o.ddimSteps = m_steps->value();
    o.eta = m_eta->value();
    o.spacing = m_spacing->spacing();
    o.seed = static_cast<uint64_t>(m_seed->value());
    o.count = m_count->value();
    o.clipX0 = m_clip->isChecked();
    m_classes->apply(o);
    return o;
}

void ReverseView::setSamplerOptions(const SamplerOptions& o)
{
    for (int i = 0; i < m_sampler->count(); ++i)
        if (m_sampler->itemData(i).toInt() == static_cast<int>(o.kind) &&
            (o.kind != SamplerKind::Ddpm ||
             m_sampler->itemData(i, kVarianceRole).toInt() == static_cast<int>(o.variance)))
            m_sampler->setCurrentIndex(i);
    m_corrector->setChecked(o.corrector == CorrectorKind::Langevin);
    m_langevinSteps->setValue(o.langevinSteps);
    m_snr->setValue(o.snr);
    m_steps->setValue(o.ddimSteps);
    m_eta->setValue(o.eta);
    m_spacing->setSpacing(o.spacing);
    m_seed->setValue(static_cast<int>(o.seed));
    m_count->setValue(o.count);
    m_clip->setChecked(o.clipX0);
    m_classes->setChoice(o.classChoice, o.guidance);
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

QSpinBox* ReverseView::stepsBox() const
{
    return m_steps;
}

void ReverseView::setModelSteps(int steps)
{
    m_modelSteps = steps;
    updateControls();
}

void ReverseView::setRawWeightsDistinct(bool distinct)
{
    auto* items = qobject_cast<QStandardItemModel*>(m_weights->model());
    QStandardItem* raw = items ? items->item(1) : nullptr;
    if (!raw)
        return;
    raw->setEnabled(distinct);
    raw->setToolTip(distinct ? QString()
                             : tr("This model has only its EMA weights (a file exported for sampling, or weights "
                                  "taken from another model): its raw weights are the same until it trains."));
    if (!distinct && m_weights->currentIndex() == 1)
        m_weights->setCurrentIndex(0);
}

bool ReverseView::rawWeightsDistinct() const
{
    const auto* items = qobject_cast<const QStandardItemModel*>(m_weights->model());
    return items && items->item(1) && items->item(1)->isEnabled();
}

void ReverseView::updateControls()
{
    const auto kind = static_cast<SamplerKind>(m_sampler->currentData().toInt());
    const bool ddim = kind == SamplerKind::Ddim;
    const bool langevin = isLangevinSampler(kind);
    const bool running = m_runs.live().running;
    // Editable while a run goes on, as the method and the seed are: Sample starts a run with them.
    m_steps->setEnabled(ddim || langevin);
    // DDPM takes all T steps: the box shows T, and keeps DDIM's count for when DDIM is chosen again.
    m_steps->pin(ddim || langevin ? std::nullopt
                                  : std::optional<int>(m_modelSteps > 0 ? m_modelSteps : ScheduleOptions{}.steps));
    // One count, three meanings: DDIM's steps, annealed Langevin's noise levels, and the rounds of
    // Langevin steps taken at the one level.
    if (m_stepsLabel)
        m_stepsLabel->setText(kind == SamplerKind::Langevin        ? tr("Noise levels")
                              : kind == SamplerKind::LangevinFixed ? tr("Rounds at the level")
                                                                   : tr("Steps"));
    m_eta->setEnabled(ddim);
    m_spacing->setEnabled(ddim);
    m_corrector->setEnabled(!langevin);
    m_langevinSteps->setEnabled(langevin || m_corrector->isChecked());
    m_snr->setEnabled(!langevin && m_corrector->isChecked());
    m_run->setEnabled(m_hasModel);
    // While a run goes on, Sample with other settings replaces it; with the same settings the run goes on
    // (the window says so), so the button does not promise a restart.
    m_run->setToolTip(running ? tr("Sample with the settings shown: a run with other settings replaces the one "
                                   "going on")
                              : QString());
    m_cancel->setEnabled(running);
    const auto& frames = m_runs.shown().frames;
    const int shown = m_scrubber->value();
    const bool forkable = shown >= 0 && shown < frames.size() && frames[shown].t > 0 &&
                          frames[shown].xtState.defined() && m_runs.shown().origin.request.model;
    // A fork is a new run: while one goes on it would replace it, cut short (Cancel keeps what it drew).
    m_fork->setEnabled(m_hasModel && forkable && !running);
    m_fork->setToolTip(running ? tr("Fork once the run going on ends, or after Cancel: a fork would replace it")
                               : m_forkToolTip);
    const auto& origin = m_runs.shown().origin.request;
    const bool finished = !frames.isEmpty() && frames.last().t == 0 && origin.model;
    m_actions->setRun(finished ? frames.last().xtState : torch::Tensor(),
                      origin.model ? origin.model->config.schedule.steps : ScheduleOptions{}.steps,
                      m_forkImage->value(), m_hasModel, origin.model ? origin.model->config.dataSpec : std::string());
    if (forkable)
        m_forkImage->setMaximum(static_cast<int>(frames[shown].xtState.size(0)));
    m_runList->setEnabled(m_runs.count() > 1);
}
