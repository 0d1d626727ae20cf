#include "imageio.h"

#include "atomicfile.h"
#include "checkpoint.h"
#include "imagedecode.h"
#include "pixels.h"
#include "sizelimits.h"

#include <QFile>
#include <QBuffer>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <unistd.h>

namespace ddpm {

QImage tensorToImage(const torch::Tensor& chw)
{
    auto t = chw.detach().to(torch::kCPU, torch::kFloat32);
    if (t.dim() == 2)
        t = t.unsqueeze(0);
    auto u8 = modelToPixels(t).permute({1, 2, 0}).contiguous();
    const int h = static_cast<int>(u8.size(0)), w = static_cast<int>(u8.size(1)), c = static_cast<int>(u8.size(2));
    QImage img(w, h, c == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const auto* src = u8.data_ptr<uint8_t>();
    const int rowBytes = w * (c == 1 ? 1 : 3);
    for (int y = 0; y < h; ++y) {
        if (c == 1 || c == 3) {
            std::memcpy(img.scanLine(y), src + static_cast<size_t>(y) * w * c, static_cast<size_t>(rowBytes));
        } else { // other channel counts: show the first channel
            uchar* line = img.scanLine(y);
            for (int x = 0; x < w; ++x)
                for (int k = 0; k < 3; ++k)
                    line[3 * x + k] = src[(static_cast<size_t>(y) * w + x) * c];
        }
    }
    return img;
}

QList<QImage> batchToImages(const torch::Tensor& nchw)
{
    QList<QImage> out;
    auto t = nchw.detach().to(torch::kCPU);
    for (int64_t i = 0; i < t.size(0); ++i)
        out.append(tensorToImage(t[i]));
    return out;
}

QImage enlarge(const QImage& image, int scale)
{
    if (scale <= 1 || image.isNull())
        return image;
    return image.scaled(image.width() * scale, image.height() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QSize gridSize(qsizetype count, QSize image, int columns, int padding, int scale)
{
    if (count <= 0)
        return {};
    columns = std::max(1, static_cast<int>(std::min<qsizetype>(columns, count)));
    const int rows = static_cast<int>((count + columns - 1) / columns);
    return {columns * image.width() * scale + (columns + 1) * padding,
            rows * image.height() * scale + (rows + 1) * padding};
}

int64_t gridBytes(int64_t count, int64_t channels, int64_t height, int64_t width, int64_t columns, int scale,
                  int padding)
{
    if (count <= 0)
        return 0;
    columns = std::max<int64_t>(1, std::min(columns, count));
    const int64_t rows = (count + columns - 1) / columns, pixelBytes = channels == 1 ? 1 : 3; // Grayscale8, RGB888
    const int64_t gridWidth = columns * width * scale + (columns + 1) * padding,
                  gridHeight = rows * height * scale + (rows + 1) * padding;
    return (gridWidth * pixelBytes + 3) / 4 * 4 * gridHeight; // a QImage's lines are whole 32-bit words
}

QImage makeGrid(const QList<QImage>& images, int columns, int padding, int scale)
{
    if (images.isEmpty())
        return {};
    columns = std::max(1, std::min(columns, static_cast<int>(images.size())));
    const int w = images.first().width() * scale, h = images.first().height() * scale;
    const bool grey = images.first().format() == QImage::Format_Grayscale8;
    QImage grid(gridSize(images.size(), images.first().size(), columns, padding, scale),
                grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    grid.fill(QColor(40, 40, 40));
    QPainter p(&grid);
    for (int i = 0; i < images.size(); ++i) {
        const int r = i / columns, c = i % columns;
        p.drawImage(QPoint(padding + c * (w + padding), padding + r * (h + padding)), enlarge(images[i], scale));
    }
    p.end();
    return grid;
}

namespace {

// Subfolders are classes when every image lies in one and there are at least two: their names, sorted,
// are the class names.
void labelBySubfolder(Dataset& data, const QStringList& folders)
{
    if (folders.contains(QString()))
        return;
    QStringList names = folders;
    names.removeDuplicates();
    if (names.size() < 2)
        return;
    names.sort();
    auto labels = torch::empty({static_cast<int64_t>(folders.size())}, torch::kInt64);
    auto* l = labels.data_ptr<int64_t>();
    for (qsizetype i = 0; i < folders.size(); ++i)
        l[i] = names.indexOf(folders[i]);
    data.labels = labels;
    for (const auto& n : names)
        data.classNames.push_back(n.toStdString());
}

} // namespace

Result<Dataset> loadImageFolder(const QString& dir, int64_t channels, int64_t size, FolderReport* report,
                                const std::atomic<bool>* stop)
{
    const auto stopped = [&] {
        return Error{
            QCoreApplication::translate("ImageIO", "Loading the folder '%1' was stopped.").arg(dir).toStdString()};
    };
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return Error{
            QCoreApplication::translate("ImageIO", "'%1' is a file, not a folder of images.").arg(dir).toStdString()};
    if (!info.isDir())
        return Error{QCoreApplication::translate("ImageIO", "The folder '%1' does not exist.").arg(dir).toStdString()};
    FolderReport local;
    FolderReport& rep = report ? *report : local;
    QStringList files;
    // Every file, readable or not: one that cannot be read (its permissions, a name that is not UTF-8) is
    // counted and named among the skipped, not left out without a word.
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    if (stop && stop->load())
        return stopped();
    while (it.hasNext()) {
        if (stop && stop->load())
            return stopped();
        files << it.next();
    }
    files.sort();
    std::vector<torch::Tensor> images;
    QStringList folders;                      // each loaded image's first subfolder ("" for one directly in `dir`)
    const QDir root(info.absoluteFilePath()); // a relative `dir` would leave every image's path as it is
    // At most 200,000 images, and no more than the memory budget holds at the model's size.
    const int kMaxImages =
        static_cast<int>(std::min<int64_t>(200000, limits::kMaxDatasetBytes / (channels * size * size)));
    bool capped = false;
    for (const auto& f : files) {
        if (stop && stop->load())
            return stopped();
        if (static_cast<int>(images.size()) >= kMaxImages) {
            capped = true;
            break;
        }
        const QImage img = decodeDatasetImage(f, static_cast<int>(channels), static_cast<int>(size));
        if (img.isNull()) {
            ++rep.skipped;
            if (rep.skippedExamples.size() < 5)
                rep.skippedExamples << QFileInfo(f).fileName();
            continue;
        }
        auto t = torch::empty({size, size, channels}, torch::kUInt8);
        for (int y = 0; y < img.height(); ++y)
            std::memcpy(t.data_ptr<uint8_t>() + y * size * channels, img.constScanLine(y),
                        static_cast<size_t>(size * channels));
        images.push_back(t.permute({2, 0, 1}));
        const QString relative = root.relativeFilePath(QFileInfo(f).absoluteFilePath());
        folders << (relative.contains('/') ? relative.section('/', 0, 0) : QString());
        ++rep.loaded;
    }
    if (images.empty() && rep.skipped == 0)
        return Error{QCoreApplication::translate("ImageIO", "The folder '%1' holds no readable PNG or JPEG images.")
                         .arg(dir)
                         .toStdString()};
    const QString examples = rep.skippedExamples.join(QStringLiteral(", ")) + // what was left out, for the user
                             (rep.skipped > rep.skippedExamples.size() ? QStringLiteral(", …") : QString());
    if (images.empty()) // say which files were there, and that none could be read
        return Error{QCoreApplication::translate("ImageIO", "The folder '%1' holds no readable PNG or JPEG images: "
                                                            "none of its files could be read as one (%2).")
                         .arg(dir, examples)
                         .toStdString()};
    Dataset data{"folder", torch::stack(images, 0).contiguous(), {}, {}};
    labelBySubfolder(data, folders);
    QStringList notes;
    if (rep.skipped == 1) // (the command has no English translation to pick a plural form)
        notes << QCoreApplication::translate("ImageIO", "1 file skipped, not an image that can be read (%1)")
                     .arg(examples);
    else if (rep.skipped > 1)
        notes << QCoreApplication::translate("ImageIO", "%1 files skipped, not images that can be read (%2)")
                     .arg(rep.skipped)
                     .arg(examples);
    if (capped)
        notes << QCoreApplication::translate("ImageIO", "only the first %1 images are used").arg(kMaxImages);
    data.note = notes.join(QStringLiteral("; ")).toStdString();
    return data;
}

FolderLoader qtFolderLoader(const std::atomic<bool>* stop)
{
    return [stop](const std::string& dir, int64_t channels, int64_t size) -> Result<Dataset> {
        const QString name = QFile::decodeName(dir.c_str());
        if (QFile::encodeName(name).toStdString() != dir) // Qt would look for another name, and not find it
            return Error{QCoreApplication::translate("ImageIO", "The folder name '%1' is not UTF-8: rename the "
                                                                "folder, or link to it under a name that is.")
                             .arg(name)
                             .toStdString()};
        return loadImageFolder(name, channels, size, nullptr, stop);
    };
}

namespace {

// Why `path` (its link followed) cannot be replaced by a file: QSaveFile would put a file in place of a
// device or a pipe, as root even of /dev/null. Empty when it can.
QString notReplaceable(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile() && holdsACheckpoint(QFile::encodeName(info.absoluteFilePath()).toStdString()))
        return QCoreApplication::translate("ImageIO", "the file there is a model (a checkpoint), which this would "
                                                      "replace: name another file");
    if (!info.exists() || info.isFile())
        return {};
    return info.isDir() ? QCoreApplication::translate("ImageIO", "it is a folder")
                        : QCoreApplication::translate("ImageIO", "it is not a regular file (a device, a pipe or a "
                                                                 "socket)");
}

} // namespace

namespace {
// Why a write through QSaveFile failed. Qt says "Unknown error" for some failures (a full disk met while the
// file is flushed or closes): the system's reason then (errno, set to 0 before the write), as the other
// writes give it.
QString failedWriteReason(const QFileDevice& file, int err)
{
    const QString why = file.errorString();
    // A full disk in the engine's words ("the disk is full"), as a checkpoint's save says it.
    if (err == ENOSPC || err == EDQUOT || (err != 0 && (why.isEmpty() || why == QLatin1String("Unknown error"))))
        return QString::fromStdString(systemError(err).message());
    return why;
}
} // namespace

Status saveBytesAtomically(const QByteArray& bytes, const QString& path)
{
    if (const QString why = notReplaceable(path); !why.isEmpty())
        return Error{QCoreApplication::translate("ImageIO", "Cannot write '%1': %2.").arg(path, why).toStdString()};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("ImageIO", "Cannot write '%1': %2")
                         .arg(path, file.errorString())
                         .toStdString()};
    // flush() first: Qt 6.4's commit() does not see a write that fails while the file closes (a full
    // disk), and would put an empty file in place of the earlier one.
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush() || !file.commit()) {
        const QString why = failedWriteReason(file, errno);
        file.cancelWriting();
        return Error{
            QCoreApplication::translate("ImageIO", "Cannot write '%1': %2. The earlier file, if any, is unchanged.")
                .arg(path, why)
                .toStdString()};
    }
    return Ok{};
}

namespace {
// Why `path`'s name does not say an image type this build's Qt writes (or, for an animation, is not .gif
// or .webp); empty where it does.
QString imageTypeProblem(const QString& path, bool animation)
{
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
    if (animation) // giflib and libwebp, not Qt's plug-ins
        return suffix == "gif" || suffix == "webp"
                   ? QString()
                   : QCoreApplication::translate("ImageIO", "the file name must end in .gif or .webp");
    if (writable.contains(suffix))
        return {};
    QStringList types; // what this build's Qt writes: WebP and GIF, for one, only with their plug-ins
    for (const QByteArray& type : writable)
        types << QLatin1Char('.') + QString::fromLatin1(type);
    return QCoreApplication::translate("ImageIO", "the file name must end in an image type that can be "
                                                  "written here: %1")
        .arg(types.join(QStringLiteral(", ")));
}
} // namespace

Result<QByteArray> encodeImage(const QImage& image, const QString& path, const char* format)
{
    if (!format) // the type comes from the name ("grid" or /dev/full say none)
        if (const QString why = imageTypeProblem(path, false); !why.isEmpty())
            return Error{QCoreApplication::translate("ImageIO", "Cannot write '%1': %2").arg(path, why).toStdString()};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format ? QByteArray(format) : QFileInfo(path).suffix().toLower().toLatin1());
    if (!writer.write(image))
        return Error{QCoreApplication::translate("ImageIO", "Cannot encode '%1': %2")
                         .arg(path, writer.errorString())
                         .toStdString()};
    return bytes;
}

Status checkImageOutput(const std::string& file, bool animation)
{
    const QString path = QFile::decodeName(file.c_str());
    if (QFile::encodeName(path).toStdString() != file)
        return Error{
            QCoreApplication::translate("ImageIO", "the file name is not UTF-8: give one that is").toStdString()};
    if (const QString why = imageTypeProblem(path, animation); !why.isEmpty())
        return Error{why.toStdString()};
    if (const QString why = notReplaceable(path); !why.isEmpty()) // images are written through QSaveFile
        return Error{why.toStdString()};
    return checkWritable(file);
}

Status saveImageAtomically(const QImage& image, const QString& path, const char* format)
{
    auto bytes = encodeImage(image, path, format);
    if (!bytes)
        return bytes.failure();
    return saveBytesAtomically(bytes.value(), path);
}

Status saveFilesTogether(const QList<FileContents>& files)
{
    const auto unchanged = [](const QString& path, const QString& why) {
        return Error{QCoreApplication::translate("ImageIO", "Cannot write '%1': %2. The earlier files, if any, are "
                                                            "unchanged.")
                         .arg(path, why)
                         .toStdString()};
    };
    // 1. Every file whole in its temporary (QSaveFile writes beside the target, through links).
    std::vector<std::unique_ptr<QSaveFile>> pending;
    for (const FileContents& f : files)
        if (const QString why = notReplaceable(f.path); !why.isEmpty())
            return unchanged(f.path, why);
    for (const FileContents& f : files) {
        auto file = std::make_unique<QSaveFile>(f.path);
        errno = 0;
        if (!file->open(QIODevice::WriteOnly) || file->write(f.bytes) != f.bytes.size() || !file->flush()) {
            const QString why = failedWriteReason(*file, errno);
            for (auto& p : pending)
                p->cancelWriting();
            file->cancelWriting();
            return unchanged(f.path, why);
        }
        pending.push_back(std::move(file));
    }
    // 2. Keep each earlier file under a second name (a hard link: no copy; a copy where the file system has
    // no hard links, as FAT and exFAT), so that it can come back.
    struct Backup {
        QString target, saved;
    };
    std::vector<Backup> backups;
    const auto restore = [&](size_t committed) {
        for (size_t i = 0; i < committed; ++i) {
            const QString target = QFileInfo(files[static_cast<qsizetype>(i)].path).canonicalFilePath();
            const auto b =
                std::find_if(backups.begin(), backups.end(), [&](const Backup& x) { return x.target == target; });
            if (b != backups.end())
                ::rename(QFile::encodeName(b->saved).constData(), QFile::encodeName(b->target).constData());
            else
                QFile::remove(files[static_cast<qsizetype>(i)].path); // it did not exist before
        }
    };
    for (const FileContents& f : files) {
        const QString target = QFileInfo(f.path).canonicalFilePath(); // empty when there is none yet
        if (target.isEmpty())
            continue;
        const QString saved = target + QStringLiteral(".earlier-%1").arg(QCoreApplication::applicationPid());
        QFile::remove(saved);
        if (::link(QFile::encodeName(target).constData(), QFile::encodeName(saved).constData()) != 0) {
            const int why = errno;
            if (!QFile::copy(target, saved)) {
                for (auto& p : pending)
                    p->cancelWriting();
                for (const auto& b : backups)
                    QFile::remove(b.saved);
                return unchanged(f.path, QString::fromLocal8Bit(std::strerror(why)));
            }
        }
        backups.push_back({target, saved});
    }
    // 3. Into place, one after the other; a failure puts the earlier files back.
    Status result = Ok{};
    for (size_t i = 0; i < pending.size(); ++i) {
        errno = 0;
        if (!pending[i]->commit()) {
            const QString why = failedWriteReason(*pending[i], errno);
            for (size_t j = i + 1; j < pending.size(); ++j)
                pending[j]->cancelWriting();
            restore(i);
            result = unchanged(files[static_cast<qsizetype>(i)].path, why);
            break;
        }
    }
    for (const auto& b : backups)
        QFile::remove(b.saved);
    return result;
}

} // namespace ddpm
