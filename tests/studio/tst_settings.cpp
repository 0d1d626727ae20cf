// Settings round trip through an INI file, the Preferences dialog's accept/reject, and the help
// panel's text.
#include "dialogs.h"
#include "helppanel.h"
#include "preferencesdialog.h"
#include "settings.h"

#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <functional>
#include <memory>

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void defaults();
    void roundTrip();
    void unwritableSettingsSaid();
    void recentFilesOrderDedupeLimit();
    void removeRecentFile();
    void outOfRangeFallsBack_data();
    void outOfRangeFallsBack();
    void emptyExportFolderReadsDefault();
    void dialogsStartInLastFolder();

    void preferencesShowSettings();
    void preferencesAcceptWrites();
    void preferencesRejectKeeps();
    void preferencesBrowse();

    void helpTopicEquations_data();
    void helpTopicEquations();
    void helpLiveValues();
    void helpLiveValuesKeepScroll();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("studio.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::defaults()
{
    Settings s(iniPath());
    QCOMPARE(s.fileName(), iniPath());
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QCOMPARE(s.get(setting::CurrentView), 0);
    QCOMPARE(s.lastDataSpec(), QString());
    QCOMPARE(s.get(setting::Preset), QStringLiteral("reference"));
    QCOMPARE(s.get(setting::BatchSize), 64);
    QCOMPARE(s.get(setting::LearningRate), 2e-4);
    QCOMPARE(s.get(setting::TotalSteps), 10000);
    QCOMPARE(s.get(setting::WarmupSteps), 500);
    QCOMPARE(s.get(setting::EmaDecay), 0.999);
    QCOMPARE(s.get(setting::Schedule), QStringLiteral("linear"));
    QCOMPARE(s.get(setting::Seed), qint64(0));
    QCOMPARE(s.get(setting::Device), QStringLiteral("auto"));
    QCOMPARE(s.get(setting::CpuThreads), 0);
    QCOMPARE(s.get(setting::PreviewInterval), 200);
    QCOMPARE(s.exportFolder(), Settings::defaultExportFolder());
    QVERIFY(!s.exportFolder().isEmpty());
    QCOMPARE(s.language(), QString());
    QVERIFY(s.recentFiles().isEmpty());
    QCOMPARE(s.get(setting::Sampler), QStringLiteral("ddpm"));
    QCOMPARE(s.get(setting::SamplerSteps), 50);
    QCOMPARE(s.get(setting::Eta), 0.0);
    QCOMPARE(s.get(setting::Spacing), QStringLiteral("linspace"));
    QCOMPARE(s.get(setting::Variance), QStringLiteral("beta-tilde"));
    QCOMPARE(s.get(setting::SampleCount), 16);
}

// Settings that cannot be kept (the file named is a folder) are said to be so, and sync() says it failed;
// a file that can be written says nothing.
void TestSettings::unwritableSettingsSaid()
{
    const QString folder = m_dir->filePath(QStringLiteral("a-folder.ini"));
    QVERIFY(QDir().mkpath(folder));
    Settings bad(folder);
    QVERIFY(bad.storageProblem().contains(QDir::toNativeSeparators(folder)));
    bad.set(setting::CpuThreads, 1);
    QVERIFY(!bad.sync());
    Settings later(m_dir->filePath(QStringLiteral("not/made/yet.ini"))); // sync() makes the folders
    QVERIFY(later.storageProblem().isEmpty());
    Settings good(iniPath());
    QVERIFY(good.storageProblem().isEmpty());
    good.set(setting::CpuThreads, 1);
    QVERIFY(good.sync());
    QVERIFY(good.storageProblem().isEmpty());
}

void TestSettings::roundTrip()
{
    const QByteArray geometry("\x01\x02\x00\xffgeometry", 12);
    const QByteArray state("state\x00\x7f", 7);
    const QStringList recent = {QStringLiteral("/data/c.ckpt"), QStringLiteral("/data/b.ckpt"),
                                QStringLiteral("/data/a.ckpt")};
    const QString exportFolder = m_dir->filePath(QStringLiteral("exports"));
    {
        Settings s(iniPath());
        s.setWindowGeometry(geometry);
        s.setWindowState(state);
        s.set(setting::CurrentView, 3);
        s.setLastDataSpec(QStringLiteral("folder:/home/me/faces"));
        s.set(setting::Preset, QStringLiteral("cifar"));
        s.set(setting::BatchSize, 128);
        s.set(setting::LearningRate, 1.5e-4);
        s.set(setting::TotalSteps, 800000);
        s.set(setting::WarmupSteps, 0);
        s.set(setting::EmaDecay, 0.9999);
        s.set(setting::Schedule, QStringLiteral("cosine"));
        s.set(setting::Seed, Q_INT64_C(9007199254740993)); // above 2^53: must not go through a double
        s.set(setting::Device, QStringLiteral("cuda"));
        s.set(setting::CpuThreads, 6);
        s.set(setting::PreviewInterval, 500);
        s.setExportFolder(exportFolder);
        s.setLanguage(QStringLiteral("pt_BR"));
        for (auto it = recent.crbegin(); it != recent.crend(); ++it)
            s.addRecentFile(*it);
        s.set(setting::Sampler, QStringLiteral("ddim"));
        s.set(setting::SamplerSteps, 100);
        s.set(setting::Eta, 0.5);
        s.set(setting::Spacing, QStringLiteral("trailing"));
        s.set(setting::Variance, QStringLiteral("beta"));
        s.set(setting::SampleCount, 64);
        s.sync();
    }
    QVERIFY(QFile::exists(iniPath()));

    Settings r(iniPath());
    QCOMPARE(r.windowGeometry(), geometry);
    QCOMPARE(r.windowState(), state);
    QCOMPARE(r.get(setting::CurrentView), 3);
    QCOMPARE(r.lastDataSpec(), QStringLiteral("folder:/home/me/faces"));
    QCOMPARE(r.get(setting::Preset), QStringLiteral("cifar"));
    QCOMPARE(r.get(setting::BatchSize), 128);
    QCOMPARE(r.get(setting::LearningRate), 1.5e-4);
    QCOMPARE(r.get(setting::TotalSteps), 800000);
    QCOMPARE(r.get(setting::WarmupSteps), 0);
    QCOMPARE(r.get(setting::EmaDecay), 0.9999);
    QCOMPARE(r.get(setting::Schedule), QStringLiteral("cosine"));
    QCOMPARE(r.get(setting::Seed), Q_INT64_C(9007199254740993));
    QCOMPARE(r.get(setting::Device), QStringLiteral("cuda"));
    QCOMPARE(r.get(setting::CpuThreads), 6);
    QCOMPARE(r.get(setting::PreviewInterval), 500);
    QCOMPARE(r.exportFolder(), exportFolder);
    QCOMPARE(r.language(), QStringLiteral("pt_BR"));
    QCOMPARE(r.recentFiles(), recent);
    QCOMPARE(r.get(setting::Sampler), QStringLiteral("ddim"));
    QCOMPARE(r.get(setting::SamplerSteps), 100);
    QCOMPARE(r.get(setting::Eta), 0.5);
    QCOMPARE(r.get(setting::Spacing), QStringLiteral("trailing"));
    QCOMPARE(r.get(setting::Variance), QStringLiteral("beta"));
    QCOMPARE(r.get(setting::SampleCount), 64);
}

void TestSettings::recentFilesOrderDedupeLimit()
{
    Settings s(iniPath());
    for (int i = 0; i < 10; ++i)
        s.addRecentFile(QStringLiteral("/f/%1.ckpt").arg(i));
    QStringList expected;
    for (int i = 9; i >= 2; --i)
        expected.append(QStringLiteral("/f/%1.ckpt").arg(i));
    QCOMPARE(s.recentFiles(), expected);
    QCOMPARE(s.recentFiles().size(), Settings::MaxRecentFiles);

    // Adding one already there moves it to the front without duplicating it.
    s.addRecentFile(QStringLiteral("/f/5.ckpt"));
    QCOMPARE(s.recentFiles().size(), 8);
    QCOMPARE(s.recentFiles().first(), QStringLiteral("/f/5.ckpt"));
    QCOMPARE(s.recentFiles().count(QStringLiteral("/f/5.ckpt")), 1);
    QCOMPARE(s.recentFiles().at(1), QStringLiteral("/f/9.ckpt"));

    // The same file spelled differently is still one entry; empty names are ignored.
    s.addRecentFile(QStringLiteral("/f/./9.ckpt"));
    QCOMPARE(s.recentFiles().first(), QStringLiteral("/f/9.ckpt"));
    QCOMPARE(s.recentFiles().count(QStringLiteral("/f/9.ckpt")), 1);
    s.addRecentFile(QString());
    s.addRecentFile(QStringLiteral("  "));
    QCOMPARE(s.recentFiles().first(), QStringLiteral("/f/9.ckpt"));
    QCOMPARE(s.recentFiles().size(), 8);

    // A hand-edited file with duplicates and too many entries reads normalized.
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        QStringList many;
        for (int i = 0; i < 12; ++i)
            many << QStringLiteral("/g/%1").arg(i % 10);
        raw.setValue(QStringLiteral("Recent/files"), many);
    }
    Settings r(iniPath());
    QStringList firstEight;
    for (int i = 0; i < 8; ++i)
        firstEight << QStringLiteral("/g/%1").arg(i);
    QCOMPARE(r.recentFiles(), firstEight);
}

void TestSettings::removeRecentFile()
{
    Settings s(iniPath());
    s.addRecentFile(QStringLiteral("/a"));
    s.addRecentFile(QStringLiteral("/b"));
    s.addRecentFile(QStringLiteral("/c"));
    s.removeRecentFile(QStringLiteral("/b"));
    QCOMPARE(s.recentFiles(), (QStringList{QStringLiteral("/c"), QStringLiteral("/a")}));
    s.removeRecentFile(QStringLiteral("/not-there"));
    QCOMPARE(s.recentFiles().size(), 2);
    s.clearRecentFiles();
    QVERIFY(s.recentFiles().isEmpty());
}

void TestSettings::outOfRangeFallsBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QString>("getter");
    QTest::addColumn<QVariant>("expected");

    auto row = [](const char* name, const char* key, const QVariant& stored, const char* getter,
                  const QVariant& expected) {
        QTest::newRow(name) << QString::fromLatin1(key) << stored << QString::fromLatin1(getter) << expected;
    };
    row("view negative", "MainWindow/currentView", -2, "currentView", 0);
    row("preset unknown", "Training/preset", QStringLiteral("huge"), "preset", QStringLiteral("reference"));
    row("batch 0", "Training/batchSize", 0, "batchSize", 64);
    row("batch huge", "Training/batchSize", 100000, "batchSize", 64);
    row("batch text", "Training/batchSize", QStringLiteral("many"), "batchSize", 64);
    row("batch fraction", "Training/batchSize", QStringLiteral("3.5"), "batchSize", 64);
    row("lr 0", "Training/learningRate", 0.0, "learningRate", 2e-4);
    row("lr negative", "Training/learningRate", -1e-3, "learningRate", 2e-4);
    row("lr nan", "Training/learningRate", QStringLiteral("nan"), "learningRate", 2e-4);
    row("steps 0", "Training/totalSteps", 0, "totalSteps", 10000);
    row("warm-up negative", "Training/warmupSteps", -1, "warmupSteps", 500);
    row("warm-up huge", "Training/warmupSteps", 2000000000, "warmupSteps", 500);
    row("ema 1", "Training/emaDecay", 1.0, "emaDecay", 0.999);
    row("ema negative", "Training/emaDecay", -0.5, "emaDecay", 0.999);
    row("schedule unknown", "Training/schedule", QStringLiteral("exp"), "schedule", QStringLiteral("linear"));
    row("seed negative", "Training/seed", -5, "seed", 0);
    row("device unknown", "Compute/device", QStringLiteral("tpu"), "device", QStringLiteral("auto"));
    row("threads negative", "Compute/cpuThreads", -1, "cpuThreads", 0);
    row("threads huge", "Compute/cpuThreads", 100000, "cpuThreads", 0);
    row("preview negative", "Preview/interval", -1, "previewInterval", 200);
    row("language junk", "Interface/language", QStringLiteral("../../etc"), "language", QString());
    row("sampler unknown", "Sampling/sampler", QStringLiteral("euler"), "sampler", QStringLiteral("ddpm"));
    row("sampler steps 0", "Sampling/steps", 0, "samplerSteps", 50);
    row("eta above 1", "Sampling/eta", 1.5, "eta", 0.0);
    row("eta negative", "Sampling/eta", -0.1, "eta", 0.0);
    row("spacing unknown", "Sampling/spacing", QStringLiteral("leading"), "spacing", QStringLiteral("linspace"));
    row("variance unknown", "Sampling/variance", QStringLiteral("learned"), "variance", QStringLiteral("beta-tilde"));
    row("count 0", "Sampling/count", 0, "sampleCount", 16);
    row("count huge", "Sampling/count", 5000, "sampleCount", 16);
}

void TestSettings::outOfRangeFallsBack()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(QString, getter);
    QFETCH(QVariant, expected);

    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(key, stored);
    }
    const Settings s(iniPath());
    const QHash<QString, std::function<QVariant()>> getters = {
        {QStringLiteral("currentView"), [&] { return QVariant(s.get(setting::CurrentView)); }},
        {QStringLiteral("preset"), [&] { return QVariant(s.get(setting::Preset)); }},
        {QStringLiteral("batchSize"), [&] { return QVariant(s.get(setting::BatchSize)); }},
        {QStringLiteral("learningRate"), [&] { return QVariant(s.get(setting::LearningRate)); }},
        {QStringLiteral("totalSteps"), [&] { return QVariant(s.get(setting::TotalSteps)); }},
        {QStringLiteral("warmupSteps"), [&] { return QVariant(s.get(setting::WarmupSteps)); }},
        {QStringLiteral("emaDecay"), [&] { return QVariant(s.get(setting::EmaDecay)); }},
        {QStringLiteral("schedule"), [&] { return QVariant(s.get(setting::Schedule)); }},
        {QStringLiteral("seed"), [&] { return QVariant(static_cast<int>(s.get(setting::Seed))); }},
        {QStringLiteral("device"), [&] { return QVariant(s.get(setting::Device)); }},
        {QStringLiteral("cpuThreads"), [&] { return QVariant(s.get(setting::CpuThreads)); }},
        {QStringLiteral("previewInterval"), [&] { return QVariant(s.get(setting::PreviewInterval)); }},
        {QStringLiteral("language"), [&] { return QVariant(s.language()); }},
        {QStringLiteral("sampler"), [&] { return QVariant(s.get(setting::Sampler)); }},
        {QStringLiteral("samplerSteps"), [&] { return QVariant(s.get(setting::SamplerSteps)); }},
        {QStringLiteral("eta"), [&] { return QVariant(s.get(setting::Eta)); }},
        {QStringLiteral("spacing"), [&] { return QVariant(s.get(setting::Spacing)); }},
        {QStringLiteral("variance"), [&] { return QVariant(s.get(setting::Variance)); }},
        {QStringLiteral("sampleCount"), [&] { return QVariant(s.get(setting::SampleCount)); }},
    };
    QVERIFY2(getters.contains(getter), qPrintable(getter));
    QCOMPARE(getters.value(getter)(), expected);
}

// File dialogs start where the last one of their kind ended (models, exports and data apart), while that
// folder exists; choosing a new export folder in Preferences starts exports there again.
void TestSettings::dialogsStartInLastFolder()
{
    Settings s(iniPath());
    Dialogs::setSettings(&s);
    const QString models = m_dir->filePath(QStringLiteral("models"));
    const QString shots = m_dir->filePath(QStringLiteral("shots"));
    QVERIFY(QDir().mkpath(models) && QDir().mkpath(shots));
    QCOMPARE(s.lastFolder(QStringLiteral("models"), QStringLiteral("/fallback")), QStringLiteral("/fallback"));

    Dialogs::setNextSavePath(models + QStringLiteral("/copy.ckpt"));
    QCOMPARE(
        Dialogs::savePath(nullptr, QString(), QStringLiteral("models"), QStringLiteral("/x/model.ckpt"), QString()),
        models + QStringLiteral("/copy.ckpt"));
    Dialogs::setNextSavePath(shots);
    QCOMPARE(Dialogs::folderPath(nullptr, QString(), QStringLiteral("exports"), QString()), shots);
    QCOMPARE(s.lastFolder(QStringLiteral("models"), QStringLiteral("/fallback")), models);
    QCOMPARE(s.lastFolder(QStringLiteral("exports"), QStringLiteral("/fallback")), shots);
    QCOMPARE(s.lastFolder(QStringLiteral("data"), QStringLiteral("/fallback")), QStringLiteral("/fallback"));
    {
        Settings again(iniPath()); // kept across sessions
        QCOMPARE(again.lastFolder(QStringLiteral("models"), QString()), models);
    }
    s.setExportFolder(s.exportFolder()); // unchanged: the last folder stays
    QCOMPARE(s.lastFolder(QStringLiteral("exports"), QStringLiteral("/fallback")), shots);
    s.setExportFolder(m_dir->path()); // a new choice in Preferences
    QCOMPARE(s.lastFolder(QStringLiteral("exports"), QStringLiteral("/fallback")), QStringLiteral("/fallback"));
    QVERIFY(QDir(models).removeRecursively()); // gone: the fallback again
    QCOMPARE(s.lastFolder(QStringLiteral("models"), QStringLiteral("/fallback")), QStringLiteral("/fallback"));
    Dialogs::setSettings(nullptr);
}

void TestSettings::emptyExportFolderReadsDefault()
{
    Settings s(iniPath());
    s.setExportFolder(QStringLiteral("/somewhere/else"));
    QCOMPARE(s.exportFolder(), QStringLiteral("/somewhere/else"));
    s.setExportFolder(QStringLiteral("   "));
    QCOMPARE(s.exportFolder(), Settings::defaultExportFolder());
}

void TestSettings::preferencesShowSettings()
{
    Settings s(iniPath());
    s.set(setting::CpuThreads, 3);
    s.setExportFolder(QStringLiteral("/tmp/out"));

    PreferencesDialog dialog(s);
    QCOMPARE(dialog.threadsSpin()->value(), 3);
    QCOMPARE(dialog.threadsSpin()->maximum(), setting::CpuThreads.max); // the setting's range, ddpm's too
    QCOMPARE(QDir::fromNativeSeparators(dialog.exportFolderEdit()->text()), QStringLiteral("/tmp/out"));

    // 0 threads reads as "All cores".
    dialog.threadsSpin()->setValue(0);
    QCOMPARE(dialog.threadsSpin()->text(), PreferencesDialog::tr("All cores"));
}

void TestSettings::preferencesAcceptWrites()
{
    const QString folder = m_dir->filePath(QStringLiteral("pictures"));
    {
        Settings s(iniPath());
        PreferencesDialog dialog(s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.threadsSpin()->setValue(12);
        dialog.exportFolderEdit()->setText(QDir::toNativeSeparators(folder));
        QTest::mouseClick(dialog.buttonBox()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(s.get(setting::CpuThreads), 12);
    }
    // On disk, for the next start.
    Settings r(iniPath());
    QCOMPARE(r.get(setting::CpuThreads), 12);
    QCOMPARE(r.exportFolder(), folder);

    // A preview interval of 0 ("never") is a value of its own, kept for the next start (it once came
    // back as a preview after every step).
    r.set(setting::PreviewInterval, 0);
    r.sync();
    QCOMPARE(Settings(iniPath()).get(setting::PreviewInterval), 0);
}

void TestSettings::preferencesRejectKeeps()
{
    Settings s(iniPath());
    s.set(setting::CpuThreads, 2);
    s.setExportFolder(QStringLiteral("/keep/me"));
    s.sync();

    PreferencesDialog dialog(s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.threadsSpin()->setValue(40);
    dialog.exportFolderEdit()->setText(QStringLiteral("/elsewhere"));
    QTest::mouseClick(dialog.buttonBox()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    Settings r(iniPath());
    for (const Settings* settings : {&s, &r}) {
        QCOMPARE(settings->get(setting::CpuThreads), 2);
        QCOMPARE(settings->exportFolder(), QStringLiteral("/keep/me"));
    }
}

void TestSettings::preferencesBrowse()
{
    Settings s(iniPath());
    s.setExportFolder(QStringLiteral("/start/here"));
    PreferencesDialog dialog(s);

    QString startSeen;
    QString answer = QStringLiteral("/chosen/folder");
    dialog.setDirectoryChooser([&](QWidget* parent, const QString&, const QString& start) {
        if (parent != &dialog)
            return QString();
        startSeen = start;
        return answer;
    });
    QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
    QCOMPARE(startSeen, QStringLiteral("/start/here"));
    QCOMPARE(QDir::fromNativeSeparators(dialog.exportFolderEdit()->text()), QStringLiteral("/chosen/folder"));

    // Cancelling the folder dialog leaves the edit alone.
    answer.clear();
    QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(dialog.exportFolderEdit()->text()), QStringLiteral("/chosen/folder"));
    QCOMPARE(s.exportFolder(), QStringLiteral("/start/here")); // nothing written before accept
}

void TestSettings::helpTopicEquations_data()
{
    QTest::addColumn<int>("topic");
    QTest::addColumn<QStringList>("needles");

    QTest::newRow("data") << int(HelpPanel::Data)
                          << QStringList{QStringLiteral("√(1 − β"), QStringLiteral("(eq. 2)"), QStringLiteral("√ᾱ"),
                                         QStringLiteral("√(1 − ᾱ"), QStringLiteral("(eq. 4)"), QStringLiteral("SNR"),
                                         QStringLiteral("𝒩(0, 1)")};
    QTest::newRow("training") << int(HelpPanel::Training)
                              << QStringList{QStringLiteral("Algorithm 1"), QStringLiteral("‖ε − εθ(x"),
                                             QStringLiteral("small t"), QStringLiteral("EMA"),
                                             QStringLiteral("(1 − d)")};
    QTest::newRow("reverse") << int(HelpPanel::Reverse)
                             << QStringList{QStringLiteral("Algorithm 2"), QStringLiteral("1 / √α"),
                                            QStringLiteral("β̃"),           QStringLiteral("x̂0"),
                                            QStringLiteral("DDIM"),        QStringLiteral("η")};
    QTest::newRow("schedules") << int(HelpPanel::Schedules)
                               << QStringList{QStringLiteral("Linear"),  QStringLiteral("0.02"),
                                              QStringLiteral("Cosine"),  QStringLiteral("cos²"),
                                              QStringLiteral("0.008"),   QStringLiteral("0.999"),
                                              QStringLiteral("Sigmoid"), QStringLiteral("log SNR")};
    QTest::newRow("quality") << int(HelpPanel::Quality) << QStringList{QStringLiteral("Fréchet distance"),
                                                                       QStringLiteral("floor"),
                                                                       QStringLiteral("Σ"),
                                                                       QStringLiteral("Confidence"),
                                                                       QStringLiteral("10 %"),
                                                                       QStringLiteral("DDIM")};
    // The score: ε̂ as a scaled score, the Langevin step and its size, the mixture's closed form.
    QTest::newRow("score") << int(HelpPanel::Score)
                           << QStringList{QStringLiteral("−√(1 − ᾱ"),      QStringLiteral("∇"),
                                          QStringLiteral("x ← x + (η/2)"), QStringLiteral("0.5 (1 − ᾱ"),
                                          QStringLiteral("r ‖z‖ / ‖s‖"),   QStringLiteral("eight Gaussians")};
}

void TestSettings::helpTopicEquations()
{
    QFETCH(int, topic);
    QFETCH(QStringList, needles);

    HelpPanel panel;
    panel.setTopic(HelpPanel::Topic(topic));
    QCOMPARE(int(panel.topic()), topic);
    const QString text = panel.textBrowser()->toPlainText();
    QVERIFY(text.contains(panel.topicTitle(HelpPanel::Topic(topic))));
    for (const QString& needle : needles)
        QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing \"%1\"").arg(needle)));
    QVERIFY(!text.contains(HelpPanel::tr("Now"))); // no live values yet
}

void TestSettings::helpLiveValues()
{
    HelpPanel panel;
    panel.setTopic(HelpPanel::Data);
    QMap<QString, QString> values;
    values.insert(QStringLiteral("t"), QStringLiteral("250"));
    values.insert(QStringLiteral("beta"), QStringLiteral("0.005"));
    values.insert(QStringLiteral("alpha_bar"), QStringLiteral("0.53"));
    values.insert(QStringLiteral("snr"), QStringLiteral("1.128"));
    values.insert(QStringLiteral("custom <key>"), QStringLiteral("a & b"));
    panel.setLiveValues(values);
    QCOMPARE(panel.liveValues(), values);

    QString text = panel.textBrowser()->toPlainText();
    QVERIFY(text.contains(HelpPanel::tr("Now")));
    for (const QString& value : values)
        QVERIFY2(text.contains(value), qPrintable(value));
    QVERIFY(text.contains(QStringLiteral("custom <key>"))); // escaped, not parsed as HTML
    QVERIFY(text.contains(QStringLiteral("ᾱ")));

    // The "Now" section survives a topic change and follows new values.
    panel.setTopic(HelpPanel::Reverse);
    values[QStringLiteral("t")] = QStringLiteral("917");
    panel.setLiveValues(values);
    text = panel.textBrowser()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("917")));
    QVERIFY(!text.contains(QStringLiteral("250")));
    QVERIFY(text.contains(QStringLiteral("Algorithm 2")));

    panel.clearLiveValues();
    QVERIFY(!panel.textBrowser()->toPlainText().contains(QStringLiteral("917")));
}

void TestSettings::helpLiveValuesKeepScroll()
{
    HelpPanel panel;
    panel.resize(260, 200);
    panel.setTopic(HelpPanel::Reverse);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QScrollBar* bar = panel.textBrowser()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum() / 2);
    const int position = bar->value();
    panel.setLiveValues({{QStringLiteral("t"), QStringLiteral("1")}});
    panel.setLiveValues({{QStringLiteral("t"), QStringLiteral("2")}});
    QCOMPARE(bar->value(), position);
    panel.setTopic(HelpPanel::Schedules);
    QCOMPARE(bar->value(), 0);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
