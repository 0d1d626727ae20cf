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
        const QDir dir(file);
        const auto has = [&](const QString& name) {
            return dir.exists(name) || dir.exists(name + QStringLiteral(".gz"));
        };
        const auto spec = [&](const char* kind) {
            return QString::fromStdString(ddpm::folderDataSpec(kind, file.toStdString()));
        };
        if (has(QStringLiteral("train-images-idx3-ubyte")) || has(QStringLiteral("t10k-images-idx3-ubyte")))
            return {DroppedFile::DataSet, file, spec("mnist")};
        if (dir.exists(QStringLiteral("data_batch_1.bin")) || dir.exists(QStringLiteral("test_batch.bin")))
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
