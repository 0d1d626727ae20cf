// Image data sets held in memory as uint8 tensors [N, C, H, W]: IDX files (MNIST, Fashion-MNIST,
// KMNIST; gzip or raw), CIFAR-10 binary batches, a built-in synthetic set of procedural shapes, and
// (through a loader the app layer supplies) folders of PNG/JPEG images.
//
// Every parser checks what it reads and turns a malformed file into an error message; none reads past
// the end of its buffer.
#pragma once

#include "result.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ddpm {

struct Dataset {
    std::string name;
    torch::Tensor images; // uint8 [N, C, H, W]
    torch::Tensor labels; // int64 [N], or undefined when the set has none
    // With labels: the name of each class 0 … K−1 ("T-shirt/top", …; the class's number where the set
    // names none).
    std::vector<std::string> classNames;
    // The spec it was loaded from (loadDataSpec), which a model trained on it records; empty otherwise.
    std::string spec = {};
    // What loading left out, in words for the user ("3 files skipped, …"); empty when nothing was.
    std::string note = {};
    int64_t size() const { return images.defined() ? images.size(0) : 0; }
    int64_t channels() const { return images.size(1); }
    int64_t height() const { return images.size(2); }
    int64_t width() const { return images.size(3); }
};

// "0", "1", … "n−1": the names of classes a file only numbers.
std::vector<std::string> numberedClassNames(int64_t n);
// "a, b, c, d, …": the first four of a list of class names, for a message.
std::string listClassNames(const std::vector<std::string>& names);
// The class names of the sets whose classes are known.
// T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot (labels 0–9).
const std::vector<std::string>& fashionMnistClassNames();
const std::vector<std::string>& cifar10ClassNames();
const std::vector<std::string>& syntheticClassNames();

// Where Debian's dataset-fashion-mnist package puts the files (overridden by DDPM_FASHION_MNIST_DIR).
std::string fashionMnistDir();
bool fashionMnistAvailable();

// Whether `path` names a regular file, or a folder (links followed): what the readers and specs ask.
bool fileExists(const std::string& path);
bool dirExists(const std::string& path);

// Reads a whole file, transparently gunzipping it when it starts with the gzip magic. Refuses files
// whose decompressed size exceeds maxBytes.
Result<std::vector<uint8_t>> readMaybeGzip(const std::string& path, size_t maxBytes = size_t{1} << 31);

// IDX parsers over bytes already in memory (the file names only make messages).
Result<torch::Tensor> parseIdxImages(const std::vector<uint8_t>& bytes, const std::string& what);
Result<torch::Tensor> parseIdxLabels(const std::vector<uint8_t>& bytes, const std::string& what);
Result<Dataset> loadIdx(const std::string& imagesPath, const std::string& labelsPath = {});
// Which files of an MNIST-style folder to read: the training images, the test images (t10k), or both.
enum class Split { Train, Test, All };
// A folder in the MNIST layout: train-images-idx3-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and labels.
Result<Dataset> loadMnistDir(const std::string& dir, const std::string& name = "mnist", Split split = Split::All);
// CIFAR-10 binary version: a data_batch_N.bin / test_batch.bin file, or a folder of them (the training
// batches, the test batch, or both).
Result<Dataset> parseCifar10(const std::vector<uint8_t>& bytes, const std::string& what);
Result<Dataset> loadCifar10(const std::string& path, Split split = Split::All);
// Procedural shapes (discs, squares, triangles, rings) on a dark background; needs no file.
Dataset makeSyntheticShapes(int64_t count, int64_t channels, int64_t size, uint64_t seed = 1234);

// Converts to the model's channels and size: grey ↔ RGB, centre padding for smaller images, centre
// crop and area resampling for larger ones.
Dataset fitToModel(const Dataset& data, int64_t channels, int64_t size);

// Images from a folder; supplied by the app layer (Qt's image readers).
using FolderLoader = std::function<Result<Dataset>(const std::string& dir, int64_t channels, int64_t size)>;

// SPEC, one of these forms (the words of ddpm's --data help and of the refusal of an unknown one):
inline constexpr char kDataSpecForms[] = "fashion-mnist[:train|test|all], mnist:DIR[:train|test|all], "
                                         "cifar10:DIR[:train|test|all], cifar10:FILE, idx:FILE, folder:DIR, "
                                         "synthetic[:N]";
// A data set with a test split means its training images unless a split is named (Fashion-MNIST's
// 60,000, CIFAR-10's 50,000), so that the test images stay unseen and can measure a model's quality.
// The result already fits the model (channels, size).
Result<Dataset> loadDataSpec(const std::string& spec, int64_t channels, int64_t size,
                             const FolderLoader& folderLoader = {});
// The spec with a relative path made absolute against the current folder ("folder:imgs" run in /data is
// "folder:/data/imgs"), what a data set loaded from it records; other specs as they are.
std::string absoluteDataSpec(const std::string& spec);
// "fashion-mnist" when the package is installed, "synthetic" otherwise.
std::string defaultDataSpec();
// Whether two specs name the same images: a split or count left out is the default one ("fashion-mnist"
// is "fashion-mnist:train", "synthetic" is "synthetic:" kDefaultSyntheticImages).
bool sameDataSpec(const std::string& a, const std::string& b);
// Whether a model trained on `spec` saw Fashion-MNIST's training images, the quality classifier's
// reference set ("" too: a model whose data set is not recorded is taken to be one of those).
bool trainedOnFashionMnist(const std::string& spec);
// The images a model trained on `spec` never saw, to measure it on: the test split of a data set that has
// one, where the model trained on its training images only ("fashion-mnist:test" for "fashion-mnist",
// and for "", a model whose data set is not recorded; "mnist:DIR:test" for "mnist:DIR" where DIR holds
// t10k files). Empty where there are none: a model of a split named :all or :test, or of a data set
// without a test split, may have seen every image there is.
std::string heldOutDataSpec(const std::string& spec);
// The images a spec given to test on names: the test split of a data set that has one where the spec
// names no split ("fashion-mnist", "mnist:DIR"), else the spec as written ("mnist:DIR:train").
std::string testDataSpec(const std::string& spec);
// The images to measure a model trained on `trained` on (the bound, nll): its held-out images where it
// has some (`unseen`), else its own data set, which it may have seen.
struct MeasureImages {
    std::string spec;
    bool unseen = false;
};
MeasureImages imagesToMeasure(const std::string& trained);
// Whether an MNIST-style or CIFAR-10 folder holds test images (t10k-images-idx3-ubyte[.gz], test_batch.bin)
// and training images (train-images-idx3-ubyte[.gz], data_batch_N.bin).
struct FolderSplits {
    bool train = false, test = false;
};
FolderSplits mnistFolderSplits(const std::string& dir);
FolderSplits cifar10FolderSplits(const std::string& dir);
// The spec of an MNIST-style ("mnist") or CIFAR-10 ("cifar10") folder a user picked: "KIND:DIR", or
// "KIND:DIR:test" where the folder holds test images only, which the spec alone would not load.
std::string folderDataSpec(const std::string& kind, const std::string& dir);
constexpr int64_t kDefaultSyntheticImages = 10000;

} // namespace ddpm
