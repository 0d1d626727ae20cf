#include "settings.h"

#include <QCoreApplication>

#include "names.h"
#include "sizelimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <cmath>
#include <unistd.h>
#include <limits>
#include <type_traits>

namespace {

// The keys of the values outside the table.
const QString kWindowGeometry = QStringLiteral("MainWindow/geometry");
const QString kWindowState = QStringLiteral("MainWindow/state");
const QString kLastDataSpec = QStringLiteral("Data/lastSpec");
const QString kExportFolder = QStringLiteral("Export/folder");
const QString kLanguage = QStringLiteral("Interface/language");
const QString kRecentFiles = QStringLiteral("Recent/files");

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

bool Settings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QString Settings::storageProblem() const
{
    // Native settings are a file too on Linux (~/.config/…); only a registry path is not one.
    if (!QFileInfo(m_settings->fileName()).isAbsolute())
        return {};
    const QFileInfo file(m_settings->fileName());
    // access(), not the permission bits: a read-only mount refuses even root.
    const auto canWrite = [](const QString& path) { return ::access(QFile::encodeName(path).constData(), W_OK) == 0; };
    bool writable = file.exists() && file.isFile() && canWrite(file.absoluteFilePath());
    if (!file.exists()) { // sync() makes the missing folders: the nearest one there must take them
        QString folder = file.absolutePath();
        while (!QFileInfo::exists(folder) && QFileInfo(folder).path() != folder)
            folder = QFileInfo(folder).path();
        writable = QFileInfo(folder).isDir() && canWrite(folder);
    }
    if (writable && m_settings->status() != QSettings::AccessError) // (a full disk shows in the status)
        return {};
    return QCoreApplication::translate("Settings", "The settings cannot be saved to %1 (it is not a file that can "
                                                   "be written): your choices last until DDPM Studio closes.")
        .arg(QDir::toNativeSeparators(file.absoluteFilePath()));
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

namespace {

// x as read from the file: a double, or a long long before it is narrowed to T.
template <typename T, typename V> bool inRange(const setting::Bounded<T>& row, V x)
{
    const bool aboveMin = row.minOpen ? x > row.min : x >= row.min;
    const bool belowMax = row.maxOpen ? x < row.max : x <= row.max;
    return aboveMin && belowMax;
}

QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names)
        out.append(QString::fromStdString(n));
    return out;
}

} // namespace

template <typename T> T Settings::get(const setting::Bounded<T>& row) const
{
    const QVariant v = value(QLatin1String(row.key));
    if (!v.isValid())
        return row.fallback;
    bool ok = false;
    if constexpr (std::is_floating_point_v<T>) {
        const double x = v.toDouble(&ok);
        return ok && std::isfinite(x) && inRange(row, x) ? x : row.fallback;
    } else {
        const qlonglong n = v.toLongLong(&ok);
        return ok && inRange(row, n) ? static_cast<T>(n) : row.fallback;
    }
}

template <typename T> void Settings::set(const setting::Bounded<T>& row, T value)
{
    setValue(QLatin1String(row.key), QVariant::fromValue(value));
}

template int Settings::get(const setting::Bounded<int>&) const;
template qint64 Settings::get(const setting::Bounded<qint64>&) const;
template double Settings::get(const setting::Bounded<double>&) const;
template void Settings::set(const setting::Bounded<int>&, int);
template void Settings::set(const setting::Bounded<qint64>&, qint64);
template void Settings::set(const setting::Bounded<double>&, double);

QStringList Settings::choices(const setting::Choice& row)
{
    return toQStringList(row.names());
}

QString Settings::choiceText(const QString& value)
{
    static const char* const kNames[][2] = {{"linear", QT_TRANSLATE_NOOP("Settings", "linear")},
                                            {"cosine", QT_TRANSLATE_NOOP("Settings", "cosine")},
                                            {"sigmoid", QT_TRANSLATE_NOOP("Settings", "sigmoid")},
                                            {"quadratic", QT_TRANSLATE_NOOP("Settings", "quadratic")}};
    for (const auto& name : kNames)
        if (value == QLatin1String(name[0]))
            return QCoreApplication::translate("Settings", name[1]);
    return value;
}

QString Settings::get(const setting::Choice& row) const
{
    const QString v = value(QLatin1String(row.key)).toString();
    return choices(row).contains(v) ? v : QString::fromStdString(row.fallback());
}

void Settings::set(const setting::Choice& row, const QString& value)
{
    setValue(QLatin1String(row.key), value);
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

// --- data ------------------------------------------------------------------------------------------

QString Settings::lastDataSpec() const
{
    return value(kLastDataSpec).toString();
}

void Settings::setLastDataSpec(const QString& spec)
{
    setValue(kLastDataSpec, spec);
}

// --- folders and the interface ------------------------------------------------------------------

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
