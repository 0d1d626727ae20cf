// Qt-side image helpers shared by the ddpm command and the studio: tensors to QImage, grids, image
// folders as data sets, and files written whole or not at all.
#pragma once

#include "dataset.h"
#include "result.h"

#include <QImage>
#include <QList>
#include <QString>

#include <torch/torch.h>

#include <atomic>

namespace ddpm {

// One image [C, H, W] with values in [−1, 1] (clamped) → Grayscale8 or RGB888.
QImage tensorToImage(const torch::Tensor& chw);
// A batch [N, C, H, W] → N images.
QList<QImage> batchToImages(const torch::Tensor& nchw);
// The pixels between the images of a grid and around them (never enlarged).
inline constexpr int kGridPadding = 2;
// Images side by side in a grid, `columns` a row, each enlarged `scale` times.
QSize gridSize(qsizetype count, QSize image, int columns, int padding = kGridPadding, int scale = 1);
QImage makeGrid(const QList<QImage>& images, int columns, int padding = kGridPadding, int scale = 1);
// The bytes of the QImage makeGrid composes of `count` images [channels, height, width] as tensorToImage
// makes them (grey for one channel, RGB otherwise), reckoned in 64 bits before one too large is composed.
int64_t gridBytes(int64_t count, int64_t channels, int64_t height, int64_t width, int64_t columns, int scale,
                  int padding = kGridPadding);
// Nearest-neighbour enlargement (pixels stay crisp).
QImage enlarge(const QImage& image, int scale);

// Loads every readable image in a folder (recursively), centre-cropped and resized to size×size,
// grey or RGB. Files that are not images, or that cannot be decoded, are skipped and counted.
struct FolderReport {
    int loaded = 0;
    int skipped = 0;
    QStringList skippedExamples;
};
// When every image lies in a subfolder and there are two or more, each subfolder is a class (its name the
// class name, in sorted order).
// A set `stop` ends the loading at the next file, with a failure.
Result<Dataset> loadImageFolder(const QString& dir, int64_t channels, int64_t size, FolderReport* report = nullptr,
                                const std::atomic<bool>* stop = nullptr);
FolderLoader qtFolderLoader(const std::atomic<bool>* stop = nullptr);

// Writes a file through QSaveFile: on any failure the earlier file stays as it was.
Status saveImageAtomically(const QImage& image, const QString& path, const char* format = nullptr);
Status saveBytesAtomically(const QByteArray& bytes, const QString& path);
// Whether an image can be saved at `path` before the work that makes it: a name an image writer takes
// (only .gif or .webp for an `animation`), a folder that exists and takes files, no read-only file in the way, and a
// name Qt can keep (file names are UTF-8 to Qt 6: another byte would become U+FFFD in the file's name).
Status checkImageOutput(const std::string& path, bool animation = false);
// The image encoded as the format its file name says (or `format`).
Result<QByteArray> encodeImage(const QImage& image, const QString& path, const char* format = nullptr);

// Several files replaced together or not at all (an image and its JSON sidecar): every new file is
// written whole to a temporary beside its target first; only then are they renamed into place, and
// if one rename fails the files already replaced get their earlier contents back.
struct FileContents {
    QString path;
    QByteArray bytes;
};
Status saveFilesTogether(const QList<FileContents>& files);

} // namespace ddpm
