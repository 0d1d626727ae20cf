#include "settings.h"

#include "names.h"
#include "sizelimits.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <cmath>
#include <limits>

namespace {

// Keys, grouped as they appear in the file. ("General" is avoided: QSettings treats it specially in
// INI files.)
const QString kWindowGeometry = QStringLiteral("MainWindow/geometry");
const QString kWindowState = QStringLiteral("MainWindow/state");
const QString kCurrentView = QStringLiteral("MainWindow/currentView");
const QString kLastDataSpec = QStringLiteral("Data/lastSpec");
const QString kPreset = QStringLiteral("Training/preset");
const QString kBatchSize = QStringLiteral("Training/batchSize");
const QString kLearningRate = QStringLiteral("Training/learningRate");
const QString kTotalSteps = QStringLiteral("Training/totalSteps");
const QString kWarmupSteps = QStringLiteral("Training/warmupSteps");
const QString kEmaDecay = QStringLiteral("Training/emaDecay");
const QString kSchedule = QStringLiteral("Training/schedule");
const QString kSeed = QStringLiteral("Training/seed");
const QString kDevice = QStringLiteral("Compute/device");
const QString kPrecision = QStringLiteral("Compute/precision");
const QString kCpuThreads = QStringLiteral("Compute/cpuThreads");
const QString kPreviewInterval = QStringLiteral("Preview/interval");
const QString kExportFolder = QStringLiteral("Export/folder");
const QString kLanguage = QStringLiteral("Interface/language");
const QString kRecentFiles = QStringLiteral("Recent/files");
const QString kSampler = QStringLiteral("Sampling/sampler");
const QString kSamplerSteps = QStringLiteral("Sampling/steps");
const QString kEta = QStringLiteral("Sampling/eta");
const QString kVariance = QStringLiteral("Sampling/variance");
const QString kSampleCount = QStringLiteral("Sampling/count");

constexpr int kDefaultBatchSize = 64;
constexpr double kDefaultLearningRate = 2e-4;
constexpr int kDefaultTotalSteps = 10000;
constexpr int kDefaultWarmupSteps = 500;
constexpr double kDefaultEmaDecay = 0.999;
constexpr int kDefaultPreviewInterval = 200;
constexpr int kDefaultSamplerSteps = 50;
constexpr int kDefaultSampleCount = 16;

// Most recent first, no empty entries, no duplicates, at most Settings::MaxRecentFiles.
QStringList normalizedRecentFiles(const QStringList& files)
{
    QStringList result;
    for (const QString& file : files) {
        if (file.trimmed().isEmpty())
            continue;
        const QString cleaned = QDir::cleanPath(file);
        if (!result.contains(cleaned))
            result.append(cleaned);
        if (result.size() == Settings::MaxRecentFiles)
            break;
    }
    return result;
}

} // namespace

Settings::Settings(const QString& iniPath)
    : m_settings(iniPath.isEmpty()
                     ? std::make_unique<QSettings>(QStringLiteral("DDPMStudio"), QStringLiteral("DDPM Studio"))
                     : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

// --- helpers ---------------------------------------------------------------------------------------

QVariant Settings::value(const QString& key) const
{
    return m_settings->value(key);
}

void Settings::setValue(const QString& key, const QVariant& value)
{
    m_settings->setValue(key, value);
}

int Settings::intValue(const QString& key, int defaultValue, int min, int max) const
{
    const QVariant v = value(key);
    if (!v.isValid())
        return defaultValue;
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    return ok && n >= min && n <= max ? static_cast<int>(n) : defaultValue;
}

double Settings::doubleValue(const QString& key, double defaultValue, double min, double max, bool includeMin,
                             bool includeMax) const
{
    const QVariant v = value(key);
    if (!v.isValid())
        return defaultValue;
    bool ok = false;
    const double x = v.toDouble(&ok);
    if (!ok || !std::isfinite(x))
        return defaultValue;
    const bool aboveMin = includeMin ? x >= min : x > min;
    const bool belowMax = includeMax ? x <= max : x < max;
    return aboveMin && belowMax ? x : defaultValue;
}

QString Settings::choiceValue(const QString& key, const QString& defaultValue, const QStringList& allowed) const
{
    const QString v = value(key).toString();
    return allowed.contains(v) ? v : defaultValue;
}

// --- main window -----------------------------------------------------------------------------------

QByteArray Settings::windowGeometry() const
{
    return value(kWindowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    setValue(kWindowGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return value(kWindowState).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    setValue(kWindowState, state);
}

int Settings::currentView() const
{
    return intValue(kCurrentView, 0, 0, std::numeric_limits<int>::max());
}

void Settings::setCurrentView(int index)
{
    setValue(kCurrentView, index);
}

// --- data ------------------------------------------------------------------------------------------

QString Settings::lastDataSpec() const
{
    return value(kLastDataSpec).toString();
}

void Settings::setLastDataSpec(const QString& spec)
{
    setValue(kLastDataSpec, spec);
}

// --- training --------------------------------------------------------------------------------------

namespace {
QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names)
        out.append(QString::fromStdString(n));
    return out;
}
} // namespace

// The engine defines the names (core/unet.cpp, core/schedule.cpp); the settings accept exactly those.
QStringList Settings::presetNames()
{
    return toQStringList(ddpm::unetPresetNames());
}

QStringList Settings::scheduleNames()
{
    return toQStringList(ddpm::scheduleKindNames());
}

QString Settings::preset() const
{
    return choiceValue(kPreset, QStringLiteral("reference"), presetNames());
}

void Settings::setPreset(const QString& preset)
{
    setValue(kPreset, preset);
}

int Settings::batchSize() const
{
    return intValue(kBatchSize, kDefaultBatchSize, 1, static_cast<int>(ddpm::limits::kMaxBatch));
}

void Settings::setBatchSize(int size)
{
    setValue(kBatchSize, size);
}

double Settings::learningRate() const
{
    return doubleValue(kLearningRate, kDefaultLearningRate, 0.0, 1.0, /*includeMin=*/false);
}

void Settings::setLearningRate(double rate)
{
    setValue(kLearningRate, rate);
}

int Settings::totalSteps() const
{
    return intValue(kTotalSteps, kDefaultTotalSteps, 1, 100'000'000);
}

void Settings::setTotalSteps(int steps)
{
    setValue(kTotalSteps, steps);
}

int Settings::warmupSteps() const
{
    return intValue(kWarmupSteps, kDefaultWarmupSteps, 0, 1'000'000);
}

void Settings::setWarmupSteps(int steps)
{
    setValue(kWarmupSteps, steps);
}

double Settings::emaDecay() const
{
    return doubleValue(kEmaDecay, kDefaultEmaDecay, 0.0, 1.0, /*includeMin=*/true, /*includeMax=*/false);
}

void Settings::setEmaDecay(double decay)
{
    setValue(kEmaDecay, decay);
}

QString Settings::schedule() const
{
    return choiceValue(kSchedule, QStringLiteral("linear"), scheduleNames());
}

void Settings::setSchedule(const QString& schedule)
{
    setValue(kSchedule, schedule);
}

qint64 Settings::seed() const
{
    const QVariant v = value(kSeed);
    bool ok = false;
    const qint64 s = v.toLongLong(&ok);
    return ok && s >= 0 ? s : 0;
}

void Settings::setSeed(qint64 seed)
{
    setValue(kSeed, seed);
}

// --- compute and preview ---------------------------------------------------------------------------

QStringList Settings::deviceNames()
{
    return {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")};
}

QString Settings::device() const
{
    return choiceValue(kDevice, QStringLiteral("auto"), deviceNames());
}

void Settings::setDevice(const QString& device)
{
    setValue(kDevice, device);
}

QStringList Settings::precisionNames()
{
    return {QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")};
}

QString Settings::precision() const
{
    return choiceValue(kPrecision, QStringLiteral("auto"), precisionNames());
}

void Settings::setPrecision(const QString& precision)
{
    setValue(kPrecision, precision);
}

int Settings::cpuThreads() const
{
    return intValue(kCpuThreads, 0, 0, 256);
}

void Settings::setCpuThreads(int threads)
{
    setValue(kCpuThreads, threads);
}

int Settings::previewInterval() const
{
    return intValue(kPreviewInterval, kDefaultPreviewInterval, 0, 1'000'000); // 0: never
}

void Settings::setPreviewInterval(int steps)
{
    setValue(kPreviewInterval, steps);
}

QString Settings::defaultExportFolder()
{
    // ~/Pictures where it exists; a fresh machine often has none, and a dialog should open somewhere real.
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return pictures.isEmpty() || !QDir(pictures).exists() ? QDir::homePath() : pictures;
}

QString Settings::lastFolder(const QString& kind, const QString& fallback) const
{
    const QString folder = value(QStringLiteral("Dialogs/last_folder_") + kind).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : fallback;
}

void Settings::rememberFolder(const QString& kind, const QString& folder)
{
    if (!folder.isEmpty())
        setValue(QStringLiteral("Dialogs/last_folder_") + kind, folder);
}

QString Settings::exportFolder() const
{
    const QString folder = value(kExportFolder).toString().trimmed();
    return folder.isEmpty() ? defaultExportFolder() : folder;
}

void Settings::setExportFolder(const QString& folder)
{
    const QString trimmed = folder.trimmed();
    const QString next = trimmed.isEmpty() ? defaultExportFolder() : QDir::cleanPath(trimmed);
    if (next != exportFolder()) // a new choice: exports start there
        m_settings->remove(QStringLiteral("Dialogs/last_folder_exports"));
    if (trimmed.isEmpty())
        m_settings->remove(kExportFolder);
    else
        setValue(kExportFolder, QDir::cleanPath(trimmed));
}

QString Settings::language() const
{
    static const QRegularExpression localeName(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    const QString language = value(kLanguage).toString();
    return localeName.match(language).hasMatch() ? language : QString();
}

void Settings::setLanguage(const QString& language)
{
    setValue(kLanguage, language);
}

// --- recent files ----------------------------------------------------------------------------------

QStringList Settings::recentFiles() const
{
    return normalizedRecentFiles(value(kRecentFiles).toStringList());
}

void Settings::setRecentFiles(const QStringList& files)
{
    setValue(kRecentFiles, normalizedRecentFiles(files));
}

void Settings::addRecentFile(const QString& file)
{
    if (file.trimmed().isEmpty())
        return;
    QStringList files = recentFiles();
    files.prepend(file); // normalizing keeps the first of any duplicates: this one
    setRecentFiles(files);
}

void Settings::removeRecentFile(const QString& file)
{
    QStringList files = recentFiles();
    files.removeAll(QDir::cleanPath(file));
    setRecentFiles(files);
}

void Settings::clearRecentFiles()
{
    m_settings->remove(kRecentFiles);
}

// --- sampling --------------------------------------------------------------------------------------

QStringList Settings::samplerNames()
{
    return {QStringLiteral("ddpm"), QStringLiteral("ddim")};
}

QStringList Settings::varianceNames()
{
    return {QStringLiteral("beta"), QStringLiteral("beta-tilde")};
}

QString Settings::sampler() const
{
    return choiceValue(kSampler, QStringLiteral("ddpm"), samplerNames());
}

void Settings::setSampler(const QString& sampler)
{
    setValue(kSampler, sampler);
}

int Settings::samplerSteps() const
{
    return intValue(kSamplerSteps, kDefaultSamplerSteps, 1, 100'000);
}

void Settings::setSamplerSteps(int steps)
{
    setValue(kSamplerSteps, steps);
}

double Settings::eta() const
{
    return doubleValue(kEta, 0.0, 0.0, 1.0);
}

void Settings::setEta(double eta)
{
    setValue(kEta, eta);
}

QString Settings::variance() const
{
    return choiceValue(kVariance, QStringLiteral("beta-tilde"), varianceNames());
}

void Settings::setVariance(const QString& variance)
{
    setValue(kVariance, variance);
}

int Settings::sampleCount() const
{
    return intValue(kSampleCount, kDefaultSampleCount, 1, 1024);
}

void Settings::setSampleCount(int count)
{
    setValue(kSampleCount, count);
}
