#include "bundled.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

// The first of the files (paths relative to a root) that one root has, the roots in bundledFile's order.
QString firstBundled(const QStringList& relatives)
{
    QStringList roots;
    if (const QString env = qEnvironmentVariable("DDPM_DATA_DIR"); !env.isEmpty())
        roots << env;
    if (QCoreApplication::instance())
        roots << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/ddpm-studio");
    roots << QStringLiteral(DDPM_SOURCE_DIR "/resources");
    for (const QString& root : roots)
        for (const QString& relative : relatives) {
            const QFileInfo f(QDir(root).filePath(relative));
            if (f.isFile())
                return f.canonicalFilePath();
        }
    return {};
}

} // namespace

QString bundledFile(const QString& relative)
{
    return firstBundled({relative});
}

QString demoModelPath()
{
    return firstBundled(
        {QStringLiteral("models/fashion-mnist-conditional.ckpt"), QStringLiteral("models/fashion-mnist-demo.ckpt")});
}

bool isDemoModel(const QString& path)
{
    const QString demo = demoModelPath();
    return !path.isEmpty() && !demo.isEmpty() && QFileInfo(path).canonicalFilePath() == demo;
}

QString classifierPath()
{
    return bundledFile(QString::fromLatin1(kClassifierFile));
}
