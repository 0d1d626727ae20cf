// Translations: every message of every language is translated and finished, every message of the sources
// is in the catalogues, placeholders and tags survive, every message the engine marks (DDPM_MSG in core/) is in each
// catalogue, and the compiled catalogues load and translate.
#include <QtTest>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void complete_data();
    void complete();
    void engineMessagesListed_data();
    void engineMessagesListed();
    void sourcesAllInTheCatalogues();
    void compiledCatalogueLoads_data();
    void compiledCatalogueLoads();
};

namespace {
QStringList placeholders(const QString& s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%L?\\d+|%n"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}
} // namespace

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("German") << QStringLiteral(DDPM_TS_DIR "/ddpm_de.ts");
    QTest::newRow("Simplified Chinese") << QStringLiteral(DDPM_TS_DIR "/ddpm_zh_CN.ts");
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&f);
    int messages = 0;
    QString source, context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            // Plain text, or one <numerusform> per plural form: each is checked on its own.
            QStringList forms;
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
            }
            if (forms.isEmpty())
                forms << text;
            const QString where = context + QStringLiteral(": ") + source;
            QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1 is %2").arg(where, type)));
            for (const QString& form : forms) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable(QStringLiteral("%1 has no translation").arg(where)));
                QCOMPARE(placeholders(form), placeholders(source));
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 200, qPrintable(QString::number(messages)));
}

// The engine has no Qt, so lupdate only finds its messages through the DDPM_MSG alias: a message
// added to core/ without running scripts/update-translations.sh would stay English in every language.
// Each is "context|text": messages in "Engine" (errorText, engineText), data sets' class names in
// "ClassName" (classDisplayName, app/common/messages.h); no other context is looked up.
namespace {
QStringList engineMessages()
{
    QStringList out;
    static const QRegularExpression call(
        QStringLiteral("DDPM_MSG\\(\\s*\"([^\"]*)\"\\s*,((?:\\s*\"(?:[^\"\\\\]|\\\\.)*\")+)\\s*\\)"));
    static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    // The engine's files, and the programs' that fail with the engine's messages (the ddpm command's).
    QFileInfoList files =
        QDir(QStringLiteral(DDPM_CORE_DIR)).entryInfoList({QStringLiteral("*.cpp"), QStringLiteral("*.h")});
    for (QDirIterator it(QStringLiteral(DDPM_APP_DIR), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        files << QFileInfo(it.next());
    for (const QFileInfo& fi : files) {
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        static const QRegularExpression comment(QStringLiteral("(^|\\s)//[^\\n]*"));
        const QString text = QString::fromUtf8(f.readAll()).remove(comment); // examples in comments
        for (auto it = call.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(1) != QLatin1String("Engine") && m.captured(1) != QLatin1String("ClassName"))
                out << QStringLiteral("<wrong context %1 in %2>").arg(m.captured(1), fi.fileName());
            QString message;
            for (auto lt = literal.globalMatch(m.captured(2)); lt.hasNext();)
                message += lt.next().captured(1);
            message.replace(QLatin1String("\\\""), QLatin1String("\""))
                .replace(QLatin1String("\\\\"), QLatin1String("\\"));
            out << m.captured(1) + QLatin1Char('|') + message;
        }
    }
    return out;
}
} // namespace

void TestTranslations::engineMessagesListed_data()
{
    complete_data();
}

void TestTranslations::engineMessagesListed()
{
    QFETCH(QString, file);
    const QStringList wanted = engineMessages();
    QVERIFY2(wanted.size() > 50, qPrintable(QString::number(wanted.size())));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QSet<QString> listed;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            listed.insert(context + QLatin1Char('|') + xml.readElementText());
    }
    for (const QString& m : wanted)
        QVERIFY2(listed.contains(m), qPrintable(QStringLiteral("not in %1: %2").arg(QFileInfo(file).fileName(), m)));
}

// Every message the sources mark (tr(), DDPM_MSG) is in each catalogue and translated: lupdate reads the
// sources into copies of the catalogues (scripts/update-translations.sh --check) and names any that is
// missing. Without it, a tr() text edited in the code would show in English in every other language.
void TestTranslations::sourcesAllInTheCatalogues()
{
    QProcess check;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUPDATE"), QStringLiteral(DDPM_LUPDATE));
    check.setProcessEnvironment(env);
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral("bash"),
                {QStringLiteral(DDPM_TS_DIR "/../scripts/update-translations.sh"), QStringLiteral("--check")});
    QVERIFY(check.waitForFinished(120000));
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, check.readAll().constData());
}

void TestTranslations::compiledCatalogueLoads_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("(&F)");
}

void TestTranslations::compiledCatalogueLoads()
{
    QFETCH(QString, locale);
    QFETCH(QString, file);
    QTranslator t;
    QVERIFY(t.load(QStringLiteral("ddpm_") + locale, QStringLiteral(DDPM_QM_DIR)));
    const QString menu = t.translate("MainWindow", "&File");
    QVERIFY2(menu.contains(file), qPrintable(menu));
    QVERIFY(!t.translate("TrainingView", "Learning rate").isEmpty());
    QVERIFY(!t.translate("Engine", "the data set is empty").isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
