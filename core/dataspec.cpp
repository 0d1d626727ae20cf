// Data set specs (dataset.h loadDataSpec): what "fashion-mnist", "mnist:DIR:test" or "synthetic:N" name,
// which of them are the same images, and which images a model trained on one never saw.
#include "dataset.h"

#include "sizelimits.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace ddpm {

namespace {

// A folder spec's argument, "DIR" or "DIR:train|test|all": the folder and the split named at its end.
struct PathAndSplit {
    std::string path;
    std::optional<Split> split; // none named: the training images
};
PathAndSplit pathAndSplit(const std::string& arg)
{
    if (dirExists(arg)) // a folder whose name ends in ":test" is that folder
        return {arg, std::nullopt};
    const auto colon = arg.rfind(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 == arg.size()) // "DIR:": no split named
        return {arg.substr(0, colon), std::nullopt};
    if (colon != std::string::npos && colon > 0) {
        const std::string tail = arg.substr(colon + 1);
        for (const auto& [name, split] : {std::pair{"train", Split::Train}, {"test", Split::Test}, {"all", Split::All}})
            if (tail == name)
                return {arg.substr(0, colon), split};
    }
    return {arg, std::nullopt};
}

// "DIR:word" where DIR is a folder and "DIR:word" none: a split misspelt, not a folder missing.
bool unknownSplit(const std::string& arg)
{
    const auto colon = arg.rfind(':');
    return colon != std::string::npos && colon > 0 && !pathAndSplit(arg).split && !dirExists(arg) && !fileExists(arg) &&
           dirExists(arg.substr(0, colon)) && colon + 1 < arg.size();
}

} // namespace

std::string defaultDataSpec()
{
    return fashionMnistAvailable() ? "fashion-mnist" : "synthetic";
}

std::string absoluteDataSpec(const std::string& spec)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    if (colon == std::string::npos || colon + 1 == spec.size() ||
        (kind != "mnist" && kind != "cifar10" && kind != "idx" && kind != "folder"))
        return spec;
    const std::string arg = spec.substr(colon + 1);
    // A folder's split stays at the end ("mnist:DIR:test"); a file's name may hold a colon of its own.
    const auto [path, split] = kind == "idx" || kind == "folder" ? PathAndSplit{arg, std::nullopt} : pathAndSplit(arg);
    std::error_code e;
    const auto absolute = std::filesystem::absolute(path, e);
    if (e || std::filesystem::path(path).is_absolute())
        return spec;
    return kind + ":" + absolute.string() + arg.substr(path.size()); // ".." kept: a link resolves as it did
}

bool sameDataSpec(const std::string& a, const std::string& b)
{
    const auto canonical = [](std::string spec) {
        spec = absoluteDataSpec(spec);
        if (!spec.empty() && spec.back() == ':') // "fashion-mnist:" loads as "fashion-mnist"
            spec.pop_back();
        if (spec == "fashion-mnist")
            return spec + ":train";
        if (spec == "synthetic")
            return spec + ":" + std::to_string(kDefaultSyntheticImages);
        const auto colon = spec.find(':');
        const std::string kind = spec.substr(0, colon);
        if ((kind == "mnist" || kind == "cifar10") && colon != std::string::npos &&
            !pathAndSplit(spec.substr(colon + 1)).split)
            return spec + ":train";
        return spec;
    };
    return canonical(a) == canonical(b);
}

bool trainedOnFashionMnist(const std::string& spec)
{
    return spec.empty() || sameDataSpec(spec, "fashion-mnist");
}

std::string heldOutDataSpec(const std::string& spec)
{
    if (trainedOnFashionMnist(spec))
        return "fashion-mnist:test";
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    if ((kind == "mnist" || kind == "cifar10") && colon != std::string::npos) {
        const auto [path, split] = pathAndSplit(spec.substr(colon + 1));
        const bool trainOnly = !split || *split == Split::Train;
        if (trainOnly && (kind == "mnist" ? mnistFolderSplits(path) : cifar10FolderSplits(path)).test)
            return kind + ":" + path + ":test";
    }
    return {};
}

std::string testDataSpec(const std::string& spec)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon), rest = colon == std::string::npos ? "" : spec.substr(colon + 1);
    const bool splitNamed = kind == "fashion-mnist" ? !rest.empty() : pathAndSplit(rest).split.has_value();
    const std::string test = splitNamed ? std::string() : heldOutDataSpec(spec);
    return test.empty() ? spec : test;
}

MeasureImages imagesToMeasure(const std::string& trained)
{
    std::string unseen = heldOutDataSpec(trained);
    return unseen.empty() ? MeasureImages{trained, false} : MeasureImages{std::move(unseen), true};
}

FolderSplits mnistFolderSplits(const std::string& dir)
{
    const auto has = [&](const std::string& base) {
        return fileExists(dir + "/" + base) || fileExists(dir + "/" + base + ".gz");
    };
    return {has("train-images-idx3-ubyte"), has("t10k-images-idx3-ubyte")};
}

std::string folderDataSpec(const std::string& kind, const std::string& dir)
{
    const FolderSplits f = kind == "mnist" ? mnistFolderSplits(dir) : cifar10FolderSplits(dir);
    return kind + ":" + dir + (f.test && !f.train ? ":test" : "");
}

FolderSplits cifar10FolderSplits(const std::string& dir)
{
    FolderSplits f;
    for (int k = 1; k <= 5; ++k)
        f.train = f.train || fileExists(dir + "/data_batch_" + std::to_string(k) + ".bin");
    f.test = fileExists(dir + "/test_batch.bin");
    return f;
}

namespace {

// A spec that cannot name a data set: a usage error (result.h).
Error asUsage(Error e)
{
    e.usage = true;
    return e;
}

// Names for a set's labels: the known ones, or the numbers up to the largest label.
void nameClasses(Dataset& ds, const std::vector<std::string>& known)
{
    if (!ds.labels.defined() || ds.labels.numel() == 0 || !ds.classNames.empty())
        return;
    const int64_t classes = ds.labels.max().item<int64_t>() + 1;
    ds.classNames = classes <= static_cast<int64_t>(known.size()) ? known : numberedClassNames(classes);
}

// The labels file of an MNIST-style images file, where it lies beside it: "…-images-idx3-ubyte[.gz]" →
// "…-labels-idx1-ubyte[.gz]".
std::string idxLabelsBeside(const std::string& imagesPath)
{
    const std::string from = "images-idx3-ubyte", to = "labels-idx1-ubyte";
    const auto at = imagesPath.rfind(from);
    if (at == std::string::npos)
        return {};
    std::string stem = imagesPath;
    stem.replace(at, from.size(), to);
    for (const auto& candidate :
         {stem, stem + ".gz",
          stem.size() > 3 && stem.substr(stem.size() - 3) == ".gz" ? stem.substr(0, stem.size() - 3) : std::string()}) {
        std::error_code ec;
        if (!candidate.empty() && std::filesystem::is_regular_file(candidate, ec))
            return candidate;
    }
    return {};
}

Result<Dataset> loadBySpec(const std::string& spec, int64_t channels, int64_t size, const FolderLoader& folderLoader)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    const std::string arg = colon == std::string::npos ? std::string{} : spec.substr(colon + 1);
    Result<Dataset> ds = Error{""};
    if (kind == "fashion-mnist") {
        Split split = Split::Train;
        if (arg == "test")
            split = Split::Test;
        else if (arg == "all")
            split = Split::All;
        else if (!arg.empty() && arg != "train")
            return asUsage(
                fail(DDPM_MSG("Engine", "unknown Fashion-MNIST split '%1' (expected train, test or all)"), arg));
        if (!fashionMnistAvailable())
            return fail(DDPM_MSG("Engine",
                                 "Fashion-MNIST is not installed (expected it in %1; on Debian: apt-get install "
                                 "dataset-fashion-mnist)"),
                        fashionMnistDir());
        ds = loadMnistDir(fashionMnistDir(), split == Split::Train ? "fashion-mnist" : "fashion-mnist:" + arg, split);
    } else if ((kind == "mnist" || kind == "cifar10") && !arg.empty() && unknownSplit(arg)) {
        return asUsage(fail(DDPM_MSG("Engine", "unknown split '%1' of '%2' (expected train, test or all)"),
                            arg.substr(arg.rfind(':') + 1), arg.substr(0, arg.rfind(':'))));
    } else if (kind == "mnist" && !arg.empty()) {
        const auto [dir, split] = pathAndSplit(arg);
        ds = loadMnistDir(dir, "mnist", split.value_or(Split::Train));
    } else if (kind == "idx" && !arg.empty()) {
        ds = loadIdx(arg, idxLabelsBeside(arg));
    } else if (kind == "cifar10" && !arg.empty()) {
        const auto [path, split] = pathAndSplit(arg);
        if (split && !dirExists(path))
            return fileExists(path) ? fail(DDPM_MSG("Engine", "'%1' is one batch file: a split (:train, :test or "
                                                              ":all) follows a folder of batches only"),
                                           path)
                                    : fail(DDPM_MSG("Engine", "the folder '%1' does not exist"), path);
        ds = loadCifar10(path, split.value_or(Split::Train));
    } else if (kind == "folder" && !arg.empty()) {
        if (!folderLoader)
            return fail(DDPM_MSG("Engine", "image folders need the image readers of the ddpm command or the studio"));
        return folderLoader(arg, channels, size);
    } else if (kind == "synthetic") {
        const bool digits = std::all_of(arg.begin(), arg.end(), [](char c) { return c >= '0' && c <= '9'; });
        const int64_t n = arg.empty()                 ? kDefaultSyntheticImages
                          : digits && arg.size() <= 7 ? std::atoll(arg.c_str())
                                                      : 0;
        if (n < 1 || n > 1'000'000)
            return asUsage(fail(DDPM_MSG("Engine", "the synthetic set takes a whole number of images between 1 "
                                                   "and 1000000, not '%1'"),
                                arg));
        auto shapes = makeSyntheticShapes(n, channels, size);
        shapes.classNames = syntheticClassNames();
        return shapes;
    } else {
        return asUsage(
            fail(DDPM_MSG("Engine", "unknown data set '%1' (expected one of %2)"), spec, std::string(kDataSpecForms)));
    }
    if (!ds)
        return ds;
    // Checked before fitting: a small file of many tiny images could ask for gigabytes at the model's size.
    const int64_t count = ds->images.size(0), perImage = channels * size * size;
    if (perImage > 0 && count > limits::kMaxDatasetBytes / perImage)
        return fail(DDPM_MSG("Engine", "the data set is too large to hold in memory: %1 images of %2×%3×%3 would "
                                       "take %4 GiB, and at most %5 GiB are used"),
                    count, channels, size, (count * perImage) >> 30, limits::kMaxDatasetBytes >> 30);
    nameClasses(ds.value(), kind == "fashion-mnist" ? fashionMnistClassNames()
                            : kind == "cifar10"     ? cifar10ClassNames()
                                                    : std::vector<std::string>{});
    return fitToModel(ds.value(), channels, size);
}

} // namespace

Result<Dataset> loadDataSpec(const std::string& spec, int64_t channels, int64_t size, const FolderLoader& folderLoader)
{
    auto ds = loadBySpec(spec, channels, size, folderLoader);
    if (ds) // as a model records it: a resume or a measurement elsewhere finds the same files
        ds.value().spec = absoluteDataSpec(spec);
    return ds;
}

} // namespace ddpm
