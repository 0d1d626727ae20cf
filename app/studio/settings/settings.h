// One typed settings class over QSettings (KeePassXC Config, qBittorrent SettingValue<T>): every
// value the studio remembers has a getter with its default and a setter. Getters validate what they
// read, so a hand-edited or stale file never hands the app a value out of range: such a value reads
// as the default. Tests point the class at a temporary INI file.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

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
    void sync(); // writes pending changes to storage and reloads what others wrote

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

    // Training.
    static QStringList presetNames();   // tiny, reference, cifar
    static QStringList scheduleNames(); // linear, cosine, sigmoid, quadratic
    QString preset() const;             // "reference"
    void setPreset(const QString& preset);
    int batchSize() const; // 64; 1 … 4096
    void setBatchSize(int size);
    double learningRate() const; // 2e-4; in (0, 1]
    void setLearningRate(double rate);
    int totalSteps() const; // 10000; 1 … 100,000,000
    void setTotalSteps(int steps);
    int warmupSteps() const; // learning-rate warm-up, 500; 0 … 1,000,000
    void setWarmupSteps(int steps);
    double emaDecay() const; // 0.999; in [0, 1)
    void setEmaDecay(double decay);
    QString schedule() const; // "linear"
    void setSchedule(const QString& schedule);
    qint64 seed() const; // 0; not negative
    void setSeed(qint64 seed);

    // Compute and preview (the Preferences dialog).
    static QStringList deviceNames(); // auto, cpu, cuda
    QString device() const;           // "auto"
    void setDevice(const QString& device);
    static QStringList precisionNames(); // auto, fp32, bf16
    QString precision() const;           // "auto": bf16 where the hardware computes it fast
    void setPrecision(const QString& precision);
    int cpuThreads() const; // 0 = all cores; 0 … 256
    void setCpuThreads(int threads);
    int previewInterval() const; // training steps between preview samples, 200; 1 … 1,000,000
    void setPreviewInterval(int steps);
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

    // Sampling.
    static QStringList samplerNames();  // ddpm, ddim
    static QStringList varianceNames(); // beta, beta-tilde
    QString sampler() const;            // "ddpm"
    void setSampler(const QString& sampler);
    int samplerSteps() const; // DDIM steps, 50; 1 … 100,000
    void setSamplerSteps(int steps);
    double eta() const; // DDIM η, 0; in [0, 1]
    void setEta(double eta);
    QString variance() const; // DDPM σ_t², "beta-tilde"
    void setVariance(const QString& variance);
    int sampleCount() const; // 16; 1 … 1024
    void setSampleCount(int count);

private:
    QVariant value(const QString& key) const;
    void setValue(const QString& key, const QVariant& value);
    int intValue(const QString& key, int defaultValue, int min, int max) const;
    double doubleValue(const QString& key, double defaultValue, double min, double max, bool includeMin = true,
                       bool includeMax = true) const;
    QString choiceValue(const QString& key, const QString& defaultValue, const QStringList& allowed) const;

    std::unique_ptr<QSettings> m_settings;
};
