#include "settingsbinder.h"

#include "reverseview.h"
#include "settings.h"
#include "trainingview.h"

#include "config.h"
#include "sampler.h"

using namespace ddpm;

SettingsBinder::SettingsBinder(Settings& settings, TrainingView* training, ReverseView* reverse)
    : m_settings(settings)
    , m_training(training)
    , m_reverse(reverse)
{
}

void SettingsBinder::restoreForms()
{
    auto c = makeConfig(m_settings.get(setting::Preset).toStdString());
    ModelConfig config = c ? c.value() : makeConfig(kDefaultPreset).value();
    config.train.batch = m_settings.get(setting::BatchSize);
    config.train.lr = m_settings.get(setting::LearningRate);
    config.train.emaDecay = m_settings.get(setting::EmaDecay);
    config.train.warmupSteps = m_settings.get(setting::WarmupSteps);
    config.train.seed = static_cast<uint64_t>(m_settings.get(setting::Seed));
    config.schedule.kind = parseScheduleKind(m_settings.get(setting::Schedule).toStdString()).value();
    m_training->setFormConfig(config);
    m_training->setTotalSteps(m_settings.get(setting::TotalSteps));
    m_training->setDevice(m_settings.get(setting::Device));
    m_training->setPrecision(m_settings.get(setting::Precision)); // the form tells the training controller
    m_training->setPreviewInterval(m_settings.get(setting::PreviewInterval));
    SamplerOptions so;
    so.kind = parseSamplerKind(m_settings.get(setting::Sampler).toStdString()).value();
    so.variance = parseVarianceKind(m_settings.get(setting::Variance).toStdString()).value();
    so.ddimSteps = m_settings.get(setting::SamplerSteps);
    so.eta = m_settings.get(setting::Eta);
    so.spacing = parseTimestepSpacing(m_settings.get(setting::Spacing).toStdString()).value();
    so.corrector = parseCorrectorKind(m_settings.get(setting::Corrector).toStdString()).value();
    so.langevinSteps = m_settings.get(setting::LangevinSteps);
    so.snr = m_settings.get(setting::Snr);
    so.count = m_settings.get(setting::SampleCount);
    so.clipX0 = m_settings.get(setting::ClipX0) != 0;
    m_reverse->setSamplerOptions(so);
}

void SettingsBinder::saveForms()
{
    const auto c = m_training->formConfig();
    m_settings.set(setting::Preset, QString::fromStdString(c.preset));
    m_settings.set(setting::BatchSize, c.train.batch);
    m_settings.set(setting::LearningRate, c.train.lr);
    m_settings.set(setting::EmaDecay, c.train.emaDecay);
    m_settings.set(setting::WarmupSteps, c.train.warmupSteps);
    m_settings.set(setting::Seed, static_cast<qint64>(c.train.seed));
    m_settings.set(setting::Schedule, QString::fromStdString(scheduleKindName(c.schedule.kind)));
    m_settings.set(setting::TotalSteps, static_cast<int>(m_training->totalSteps()));
    m_settings.set(setting::Device, m_training->device());
    m_settings.set(setting::Precision, m_training->precision());
    m_settings.set(setting::PreviewInterval, m_training->previewInterval()); // 0: never
    const auto so = m_reverse->samplerOptions();
    m_settings.set(setting::Sampler, QString::fromStdString(samplerKindName(so.kind)));
    m_settings.set(setting::Variance, QString::fromStdString(varianceKindName(so.variance)));
    m_settings.set(setting::SamplerSteps, so.ddimSteps);
    m_settings.set(setting::Eta, so.eta);
    m_settings.set(setting::Spacing, QString::fromStdString(timestepSpacingName(so.spacing)));
    m_settings.set(setting::Corrector, QString::fromStdString(correctorKindName(so.corrector)));
    m_settings.set(setting::LangevinSteps, so.langevinSteps);
    m_settings.set(setting::Snr, so.snr);
    m_settings.set(setting::SampleCount, so.count);
    m_settings.set(setting::ClipX0, so.clipX0 ? 1 : 0);
}
