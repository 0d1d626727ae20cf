// The values the studio remembers, over QSettings. Most are rows of one table (namespace setting): a
// key, a default and the range a stored value must lie in; a value out of range or of the wrong type,
// from a hand-edited or stale file, reads as the default. The defaults come from the engine's option
// structs (core/options.h), the names from core/names.h and the bounds from core/sizelimits.h, and
// the forms that edit these values take their ranges from the same rows. Values with logic of their
// own (window state, folders, the language, recent files) keep accessors of their own. Tests point the
// class at a temporary INI file.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "names.h"
#include "options.h"
#include "sizelimits.h"

#include <limits>
#include <memory>
#include <string>
#include <vector>

class QSettings;

// One row per remembered value. A row's key names it in the file ("General" is avoided as a group:
// QSettings treats it specially in INI files).
namespace setting {

template <typename T> struct Bounded {
    const char* key;
    T fallback;
    T min;
    T max;
    bool minOpen = false; // true: min itself is out of range
    bool maxOpen = false;
};

// A setting of the engine's range (core/options.h).
constexpr Bounded<double> bounded(const char* key, double fallback, ddpm::NumberRange range)
{
    return {key, fallback, range.min, range.max, range.minOpen, range.maxOpen};
}

struct Choice {
    const char* key;
    const std::vector<std::string>& (*names)(); // the engine's list of names
    std::string (*fallback)();                  // the engine's default, one of them
};

inline constexpr ddpm::TrainOptions kTrain{};
inline constexpr ddpm::SamplerOptions kSampling{};
constexpr int kMaxInt = std::numeric_limits<int>::max();

// The window.
inline constexpr Bounded<int> CurrentView{"MainWindow/currentView", 0, 0, kMaxInt};

// Training: the Training view's form.
inline constexpr Choice Preset{"Training/preset", &ddpm::unetPresetNames,
                               [] { return std::string(ddpm::kDefaultPreset); }};
inline constexpr Choice Schedule{"Training/schedule", &ddpm::scheduleKindNames,
                                 [] { return std::string(ddpm::kDefaultSchedule); }};
inline constexpr Bounded<int> BatchSize{"Training/batchSize", kTrain.batch, 1, int(ddpm::limits::kMaxBatch)};
inline constexpr Bounded<double> LearningRate = bounded("Training/learningRate", kTrain.lr, ddpm::kLearningRateRange);
inline constexpr Bounded<int> TotalSteps{"Training/totalSteps", int(kTrain.totalSteps), 1,
                                         int(ddpm::limits::kMaxSteps)};
inline constexpr Bounded<int> WarmupSteps{"Training/warmupSteps", kTrain.warmupSteps, 0, int(ddpm::limits::kMaxSteps)};
inline constexpr Bounded<double> EmaDecay = bounded("Training/emaDecay", kTrain.emaDecay, ddpm::kEmaDecayRange);
inline constexpr Bounded<qint64> Seed{"Training/seed", qint64(kTrain.seed), 0, std::numeric_limits<qint64>::max()};
// Where the model trains and in what precision, and how often it previews: the same form edits them.
inline constexpr Choice Device{"Compute/device", &ddpm::deviceNames, [] { return ddpm::deviceNames().front(); }};
inline constexpr Choice Precision{"Compute/precision", &ddpm::precisionNames,
                                  [] { return ddpm::precisionNames().front(); }};
inline constexpr Bounded<int> PreviewInterval{"Preview/interval", 200, 0, int(ddpm::limits::kMaxSteps)}; // 0: never

// Preferences.
inline constexpr Bounded<int> CpuThreads{"Compute/cpuThreads", 0, 0, int(ddpm::limits::kMaxThreads)}; // 0: all cores

// Sampling: the Reverse view's options. It keeps every frame of every image, so it makes at most 64.
inline constexpr Choice Sampler{"Sampling/sampler", &ddpm::samplerKindNames,
                                [] { return ddpm::samplerKindName(kSampling.kind); }};
inline constexpr Choice Variance{"Sampling/variance", &ddpm::varianceKindNames,
                                 [] { return ddpm::varianceKindName(kSampling.variance); }};
inline constexpr Bounded<int> SamplerSteps{"Sampling/steps", kSampling.ddimSteps, 1, int(ddpm::limits::kMaxTimesteps)};
inline constexpr Bounded<double> Eta{"Sampling/eta", kSampling.eta, 0.0, ddpm::limits::kMaxEta};
inline constexpr Choice Spacing{"Sampling/spacing", &ddpm::timestepSpacingNames,
                                [] { return ddpm::timestepSpacingName(kSampling.spacing); }};
inline constexpr Choice Corrector{"Sampling/corrector", &ddpm::correctorKindNames,
                                  [] { return ddpm::correctorKindName(kSampling.corrector); }};
inline constexpr Bounded<int> LangevinSteps{"Sampling/langevinSteps", kSampling.langevinSteps, 1,
                                            int(ddpm::limits::kMaxLangevinSteps)};
inline constexpr Bounded<double> Snr{"Sampling/snr", kSampling.snr, 0.0, ddpm::limits::kMaxSnr};
inline constexpr Bounded<int> SampleCount{"Sampling/count", kSampling.count, 1, 64};
inline constexpr Bounded<int> ClipX0{"Sampling/clipX0", kSampling.clipX0 ? 1 : 0, 0, 1}; // 1: x̂0 clipped to [−1, 1]

} // namespace setting

class Settings {
public:
    static constexpr int MaxRecentFiles = 8;

    // Empty: the platform's native settings for organization "DDPMStudio", application "DDPM Studio".
    // Otherwise an INI file at iniPath.
    explicit Settings(const QString& iniPath = QString());
    ~Settings();

    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    QString fileName() const;
    // Writes pending changes to storage and reloads what others wrote; false where they could not be
    // written (the file is a folder, read-only or on a full disk): the choices then last until the program ends.
    bool sync();
    // Why the settings cannot be kept (a file that is a folder, or not writable; a folder that takes no
    // file), in the user's words; empty where they can. Native settings (no file) are taken as writable.
    QString storageProblem() const;

    // Main window.
    QByteArray windowGeometry() const; // empty: let the window choose
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    int currentView() const; // index of the view shown last, 0 when not set or negative
    void setCurrentView(int index);

    // Data.
    QString lastDataSpec() const; // "fashion-mnist", "folder:DIR" …; empty when none yet
    void setLastDataSpec(const QString& spec);

    // The table's values.
    template <typename T> T get(const setting::Bounded<T>& row) const;
    template <typename T> void set(const setting::Bounded<T>& row, T value);
    QString get(const setting::Choice& row) const;
    void set(const setting::Choice& row, const QString& value);
    static QStringList choices(const setting::Choice& row); // what get() may return, in menu order
    // A choice as the interface writes it: a schedule's name in the user's language ("linear" stays the
    // value the settings and the command line take); any other value as it is.
    static QString choiceText(const QString& value);

    // Folders and the interface.
    QString exportFolder() const; // Pictures folder, else home; an empty value reads as that default
    void setExportFolder(const QString& folder);
    static QString defaultExportFolder();
    // The folder a file dialog of this kind ("models", "exports", "data") chose last, while it exists;
    // otherwise `fallback`. Setting the export folder in Preferences forgets the exports' last folder.
    QString lastFolder(const QString& kind, const QString& fallback) const;
    void rememberFolder(const QString& kind, const QString& folder);
    QString language() const; // "" = follow the system, else a locale name such as "de" or "pt_BR"
    void setLanguage(const QString& language);

    // Recently opened checkpoints, the most recent first, no duplicates, at most MaxRecentFiles.
    QStringList recentFiles() const;
    void setRecentFiles(const QStringList& files);
    void addRecentFile(const QString& file);
    void removeRecentFile(const QString& file);
    void clearRecentFiles();

private:
    QVariant value(const QString& key) const;
    void setValue(const QString& key, const QVariant& value);

    std::unique_ptr<QSettings> m_settings;
};
