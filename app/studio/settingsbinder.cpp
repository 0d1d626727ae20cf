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
    auto c = makeConfig(m_settings.preset().toStdString());
    ModelConfig config = c ? c.value() : makeConfig("reference").value();
    config.train.batch = m_settings.batchSize();
    config.train.lr = m_settings.learningRate();
    config.train.emaDecay = m_settings.emaDecay();
    config.train.warmupSteps = m_settings.warmupSteps();
    config.train.seed = static_cast<uint64_t>(m_settings.seed());
    if (auto k = parseScheduleKind(m_settings.schedule().toStdString()))
        config.schedule.kind = k.value();
    m_training->setFormConfig(config);
    m_training->setTotalSteps(m_settings.totalSteps());
    computeToForm();
    SamplerOptions so;
    so.kind = m_settings.sampler() == QLatin1String("ddim") ? SamplerKind::Ddim : SamplerKind::Ddpm;
    so.variance = m_settings.variance() == QLatin1String("beta") ? VarianceKind::Beta : VarianceKind::BetaTilde;
    so.ddimSteps = m_settings.samplerSteps();
    so.eta = m_settings.eta();
    so.count = m_settings.sampleCount();
    m_reverse->setSamplerOptions(so);
}

void SettingsBinder::saveForms()
{
    const auto c = m_training->formConfig();
    m_settings.setPreset(QString::fromStdString(c.preset));
    m_settings.setBatchSize(c.train.batch);
    m_settings.setLearningRate(c.train.lr);
    m_settings.setEmaDecay(c.train.emaDecay);
    m_settings.setWarmupSteps(c.train.warmupSteps);
    m_settings.setSeed(static_cast<qint64>(c.train.seed));
    m_settings.setSchedule(QString::fromStdString(scheduleKindName(c.schedule.kind)));
    m_settings.setTotalSteps(static_cast<int>(m_training->totalSteps()));
    computeFromForm();
    const auto so = m_reverse->samplerOptions();
    m_settings.setSampler(QString::fromStdString(samplerKindName(so.kind)));
    m_settings.setVariance(QString::fromStdString(varianceKindName(so.variance)));
    m_settings.setSamplerSteps(so.ddimSteps);
    m_settings.setEta(so.eta);
    m_settings.setSampleCount(so.count);
}

void SettingsBinder::computeFromForm()
{
    m_settings.setDevice(m_training->device());
    m_settings.setPrecision(m_training->precision());
    m_settings.setPreviewInterval(m_training->previewInterval()); // 0: never
}

void SettingsBinder::computeToForm()
{
    m_training->setDevice(m_settings.device());
    m_training->setPrecision(m_settings.precision()); // the form tells the training controller
    m_training->setPreviewInterval(m_settings.previewInterval());
}
