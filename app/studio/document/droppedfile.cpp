#include "droppedfile.h"

#include "dataset.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>

DroppedFile droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    return droppedFile(mime->urls().first().toLocalFile());
}

DroppedFile droppedFile(const QString& path)
{
    const QFileInfo info(path);
    const QString file = info.absoluteFilePath();
    if (info.isDir()) {
        // The engine's own test of which files make an MNIST or a CIFAR-10 folder.
        const std::string dir = file.toStdString();
        const auto spec = [&](const char* kind) { return QString::fromStdString(ddpm::folderDataSpec(kind, dir)); };
        if (const auto f = ddpm::mnistFolderSplits(dir); f.train || f.test)
            return {DroppedFile::DataSet, file, spec("mnist")};
        if (const auto f = ddpm::cifar10FolderSplits(dir); f.train || f.test)
            return {DroppedFile::DataSet, file, spec("cifar10")};
        return {DroppedFile::DataSet, file, QStringLiteral("folder:") + file};
    }
    if (!info.isFile())
        return {};
    const QString name = info.fileName().toLower();
    if (name.endsWith(QLatin1String(".ckpt")) || name.endsWith(QLatin1String(".pt")))
        return {DroppedFile::Checkpoint, file, {}};
    if (name.endsWith(QLatin1String(".csv")))
        return {DroppedFile::RunLog, file, {}};
    static const QRegularExpression idx(QStringLiteral("(-ubyte|\\.idx)(\\.gz)?$"));
    if (idx.match(name).hasMatch())
        return {DroppedFile::DataSet, file, QStringLiteral("idx:") + file};
    if (name.endsWith(QLatin1String(".bin")))
        return {DroppedFile::DataSet, file, QStringLiteral("cifar10:") + file};
    return {};
}
