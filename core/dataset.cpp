#include "dataset.h"

#include "sizelimits.h"
#include "tensorfile.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <memory>
#include <random>
#include <sys/stat.h>

namespace ddpm {

bool fileExists(const std::string& p)
{
    struct stat st { };
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool dirExists(const std::string& p)
{
    struct stat st { };
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

namespace {

uint32_t be32(const uint8_t* p)
{
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

} // namespace

std::string fashionMnistDir()
{
    if (const char* env = std::getenv("DDPM_FASHION_MNIST_DIR"); env && *env)
        return env;
    return "/usr/share/datasets/fashion-mnist";
}

bool fashionMnistAvailable()
{
    const auto d = fashionMnistDir();
    return fileExists(d + "/train-images-idx3-ubyte.gz") || fileExists(d + "/train-images-idx3-ubyte");
}

Result<std::vector<uint8_t>> readMaybeGzip(const std::string& path, size_t maxBytes)
{
    // A folder, a pipe or a device is refused by name: a pipe would block gzread for ever.
    if (auto regular = checkRegularFile(path, std::numeric_limits<uint64_t>::max()); !regular)
        return regular.failure();
    gzFile f = gzopen(path.c_str(), "rb"); // reads plain files unchanged
    if (!f)
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    std::vector<uint8_t> out;
    // Not a vector: zero-filling a 1 MiB buffer per call dominated reading small files (the IDX fuzzer).
    constexpr unsigned kChunk = 1u << 20;
    const std::unique_ptr<uint8_t[]> chunk(new uint8_t[kChunk]);
    for (;;) {
        const int n = gzread(f, chunk.get(), kChunk);
        if (n < 0) {
            int code = 0;
            std::string msg = gzerror(f, &code);
            gzclose(f);
            return fail(DDPM_MSG("Engine", "'%1' is damaged: the gzip data cannot be decompressed (%2)"), path, msg);
        }
        if (n == 0)
            break;
        out.insert(out.end(), chunk.get(), chunk.get() + n);
        if (out.size() > maxBytes) {
            gzclose(f);
            return fail(DDPM_MSG("Engine", "'%1' is larger than the %2 MiB this program reads"), path, maxBytes >> 20);
        }
    }
    // A gzip stream cut short ends without error from gzread on some zlib versions; gzclose says so.
    int code = 0;
    const char* msg = gzerror(f, &code);
    const bool truncated = code == Z_BUF_ERROR || (code != Z_OK && code != Z_STREAM_END);
    std::string text = msg ? msg : "";
    gzclose(f);
    if (truncated)
        return fail(DDPM_MSG("Engine", "'%1' is truncated or damaged (%2)"), path, text);
    return out;
}

namespace {

// Header of an IDX file: 0, 0, type, ndims, then ndims big-endian uint32 sizes.
Result<std::vector<int64_t>> idxHeader(const std::vector<uint8_t>& b, const std::string& what, int wantDims)
{
    if (b.size() < 4)
        return fail(DDPM_MSG("Engine", "%1 is not an IDX file: it is only %2 bytes long"), what, b.size());
    if (b[0] != 0 || b[1] != 0)
        return fail(DDPM_MSG("Engine", "%1 is not an IDX file (wrong magic number)"), what);
    if (b[2] != 0x08)
        return fail(DDPM_MSG("Engine", "%1 holds IDX data of type %2; only unsigned bytes (type 8) are supported"),
                    what, b[2]);
    const int nd = b[3];
    // Fashion-MNIST's four files differ only in one word: say which of them was given where.
    if (nd == 1 && wantDims == 3)
        return fail(DDPM_MSG("Engine", "%1 holds labels (one number per image), not images: give the images file "
                                       "(its name has 'images-idx3')"),
                    what);
    if (nd == 3 && wantDims == 1)
        return fail(DDPM_MSG("Engine", "%1 holds images, not labels: give the labels file (its name has "
                                       "'labels-idx1')"),
                    what);
    if (nd != wantDims)
        return fail(DDPM_MSG("Engine", "%1 has %2 dimensions: IDX images have 3 (count, height, width), labels 1"),
                    what, nd);
    if (b.size() < 4 + 4 * size_t(nd))
        return fail(DDPM_MSG("Engine", "%1 is truncated inside its header"), what);
    std::vector<int64_t> dims;
    for (int i = 0; i < nd; ++i) {
        const int64_t d = be32(b.data() + 4 + 4 * i);
        if (d <= 0 || d > (i == 0 ? limits::kMaxImages : limits::kMaxImageSide))
            return fail(DDPM_MSG("Engine", "%1 announces an impossible size (%2) in dimension %3"), what, d, i + 1);
        dims.push_back(d);
    }
    int64_t payload = 1;
    for (auto d : dims)
        payload *= d;
    const auto have = static_cast<int64_t>(b.size()) - 4 - 4 * nd;
    if (have < payload)
        return fail(DDPM_MSG("Engine", "%1 is truncated: its header announces %2 bytes of data but only %3 follow"),
                    what, payload, have);
    if (have > payload)
        return fail(DDPM_MSG("Engine", "%1 has %2 bytes more than its header announces: the sizes disagree"), what,
                    have - payload);
    return dims;
}

} // namespace

Result<torch::Tensor> parseIdxImages(const std::vector<uint8_t>& b, const std::string& what)
{
    auto dims = idxHeader(b, what, 3);
    if (!dims)
        return dims.failure();
    const auto& d = dims.value();
    auto t = torch::empty({d[0], 1, d[1], d[2]}, torch::kUInt8);
    std::memcpy(t.data_ptr<uint8_t>(), b.data() + 16, static_cast<size_t>(d[0] * d[1] * d[2]));
    return t;
}

Result<torch::Tensor> parseIdxLabels(const std::vector<uint8_t>& b, const std::string& what)
{
    auto dims = idxHeader(b, what, 1);
    if (!dims)
        return dims.failure();
    const auto n = dims.value()[0];
    auto t = torch::empty({n}, torch::kInt64);
    auto* p = t.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i)
        p[i] = b[8 + static_cast<size_t>(i)];
    return t;
}

Result<Dataset> loadIdx(const std::string& imagesPath, const std::string& labelsPath)
{
    auto bytes = readMaybeGzip(imagesPath);
    if (!bytes)
        return bytes.failure();
    auto images = parseIdxImages(bytes.value(), "'" + imagesPath + "'");
    if (!images)
        return images.failure();
    Dataset ds{"idx", images.value(), {}, {}};
    if (!labelsPath.empty()) {
        auto lb = readMaybeGzip(labelsPath);
        if (!lb)
            return lb.failure();
        auto labels = parseIdxLabels(lb.value(), "'" + labelsPath + "'");
        if (!labels)
            return labels.failure();
        if (labels->size(0) != ds.size())
            return fail(DDPM_MSG("Engine", "'%1' has %2 labels for %3 images"), labelsPath, labels->size(0), ds.size());
        ds.labels = labels.value();
    }
    return ds;
}

Result<Dataset> loadMnistDir(const std::string& dir, const std::string& name, Split split)
{
    if (fileExists(dir))
        return fail(DDPM_MSG("Engine", "'%1' is a file: mnist: takes the folder that holds the IDX files "
                                       "(train-images-idx3-ubyte.gz …); for a single file, use idx:FILE"),
                    dir);
    if (!dirExists(dir))
        return fail(DDPM_MSG("Engine", "the folder '%1' does not exist"), dir);
    auto find = [&](const std::string& base) -> std::string {
        for (const auto& p : {dir + "/" + base, dir + "/" + base + ".gz"})
            if (fileExists(p))
                return p;
        return {};
    };
    std::vector<torch::Tensor> images, labels;
    std::vector<std::string> files, unlabelled;
    std::vector<std::string> prefixes;
    if (split != Split::Test)
        prefixes.push_back("train");
    if (split != Split::Train)
        prefixes.push_back("t10k");
    for (const std::string& prefix : prefixes) {
        const auto img = find(prefix + "-images-idx3-ubyte");
        if (img.empty()) {
            if (split == Split::All)
                continue;
            return prefix == "train" && mnistFolderSplits(dir).test
                       ? fail(DDPM_MSG("Engine", "'%1' has no %2 file, only test images: for those, name the split "
                                                 "(mnist:%1:test)"),
                              dir, prefix + "-images-idx3-ubyte[.gz]")
                       : fail(DDPM_MSG("Engine", "'%1' has no %2 file"), dir, prefix + "-images-idx3-ubyte[.gz]");
        }
        const auto lbl = find(prefix + "-labels-idx1-ubyte");
        auto ds = loadIdx(img, lbl);
        if (!ds)
            return ds.failure();
        if (!images.empty() && ds->images.sizes().slice(1) != images.front().sizes().slice(1))
            return fail(DDPM_MSG("Engine", "'%1' and '%2' hold images of different sizes (%3×%4 and %5×%6)"),
                        files.front(), img, images.front().size(2), images.front().size(3), ds->images.size(2),
                        ds->images.size(3));
        files.push_back(img);
        images.push_back(ds->images);
        if (ds->labels.defined())
            labels.push_back(ds->labels);
        else
            unlabelled.push_back(prefix + "-labels-idx1-ubyte");
    }
    if (images.empty())
        return fail(DDPM_MSG("Engine", "no MNIST-style files (train-images-idx3-ubyte[.gz]) in '%1'"), dir);
    Dataset out{name, torch::cat(images, 0), {}, {}};
    if (labels.size() == images.size())
        out.labels = torch::cat(labels, 0);
    else if (!labels.empty()) // some splits have labels, some not: none are used, and the user is told why
        out.note = "no labels used: '" + dir + "' has no " + unlabelled.front() + "[.gz]";
    return out;
}

Result<Dataset> parseCifar10(const std::vector<uint8_t>& b, const std::string& what)
{
    constexpr size_t rec = 1 + 3 * 32 * 32;
    if (b.empty())
        return fail(DDPM_MSG("Engine", "%1 is empty"), what);
    if (b.size() % rec != 0)
        return fail(DDPM_MSG("Engine",
                             "%1 is not a CIFAR-10 binary batch: its size (%2 bytes) is not a whole number of "
                             "3073-byte records"),
                    what, b.size());
    const auto n = static_cast<int64_t>(b.size() / rec);
    auto images = torch::empty({n, 3, 32, 32}, torch::kUInt8);
    auto labels = torch::empty({n}, torch::kInt64);
    auto* ip = images.data_ptr<uint8_t>();
    auto* lp = labels.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        const uint8_t* r = b.data() + static_cast<size_t>(i) * rec;
        if (r[0] > 9)
            return fail(DDPM_MSG("Engine", "%1 is not a CIFAR-10 batch: record %2 has label %3 (labels are 0–9)"), what,
                        i + 1, r[0]);
        lp[i] = r[0];
        std::memcpy(ip + static_cast<size_t>(i) * (rec - 1), r + 1, rec - 1);
    }
    return Dataset{"cifar10", images, labels, {}};
}

Result<Dataset> loadCifar10(const std::string& path, Split split)
{
    std::vector<std::string> files;
    if (dirExists(path)) {
        for (int k = 1; k <= 5 && split != Split::Test; ++k)
            if (fileExists(path + "/data_batch_" + std::to_string(k) + ".bin"))
                files.push_back(path + "/data_batch_" + std::to_string(k) + ".bin");
        if (files.empty() && split == Split::Train && fileExists(path + "/test_batch.bin"))
            return fail(DDPM_MSG("Engine", "no CIFAR-10 training batches (data_batch_1.bin …) in '%1', only "
                                           "test_batch.bin: for its images, name the split (cifar10:%1:test)"),
                        path);
        if (fileExists(path + "/test_batch.bin") && split != Split::Train)
            files.push_back(path + "/test_batch.bin");
        if (files.empty())
            return fail(DDPM_MSG("Engine", "no CIFAR-10 binary batches (%1) in '%2'"),
                        split == Split::Test ? "test_batch.bin" : "data_batch_1.bin …", path);
    } else {
        files.push_back(path);
    }
    std::vector<torch::Tensor> images, labels;
    for (const auto& f : files) {
        auto bytes = readMaybeGzip(f, size_t{512} << 20);
        if (!bytes)
            return bytes.failure();
        auto ds = parseCifar10(bytes.value(), "'" + f + "'");
        if (!ds)
            return ds.failure();
        images.push_back(ds->images);
        labels.push_back(ds->labels);
    }
    return Dataset{"cifar10", torch::cat(images, 0), torch::cat(labels, 0), {}};
}

Dataset makeSyntheticShapes(int64_t count, int64_t channels, int64_t size, uint64_t seed)
{
    auto images = torch::zeros({count, channels, size, size}, torch::kUInt8);
    auto labels = torch::empty({count}, torch::kInt64);
    auto* p = images.data_ptr<uint8_t>();
    auto* lp = labels.data_ptr<int64_t>();
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> U(0.0, 1.0);
    const double S = static_cast<double>(size);
    for (int64_t n = 0; n < count; ++n) {
        const int kind = static_cast<int>(rng() % 4);
        lp[n] = kind;
        const double r = S * (0.18 + 0.17 * U(rng));
        const double cx = r + (S - 2 * r) * U(rng), cy = r + (S - 2 * r) * U(rng);
        const double angle = U(rng) * 6.283185307179586;
        uint8_t colour[3];
        for (int c = 0; c < 3; ++c)
            colour[c] = static_cast<uint8_t>(110 + rng() % 146);
        for (int64_t y = 0; y < size; ++y) {
            for (int64_t x = 0; x < size; ++x) {
                const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                // Rotate into the shape's frame.
                const double u = dx * std::cos(angle) + dy * std::sin(angle);
                const double v = -dx * std::sin(angle) + dy * std::cos(angle);
                const double d = std::sqrt(dx * dx + dy * dy);
                bool inside = false;
                switch (kind) {
                case 0:
                    inside = d <= r;
                    break; // disc
                case 1:
                    inside = std::abs(u) <= r * 0.8 && std::abs(v) <= r * 0.8;
                    break; // square
                case 2:
                    inside = v <= r * 0.5 && v >= -r && std::abs(u) <= (v + r) * 0.6;
                    break; // triangle
                case 3:
                    inside = d <= r && d >= r * 0.55;
                    break; // ring
                }
                if (!inside)
                    continue;
                for (int64_t c = 0; c < channels; ++c)
                    p[((n * channels + c) * size + y) * size + x] = channels == 1 ? colour[0] : colour[c];
            }
        }
    }
    return Dataset{"synthetic", images, labels, {}};
}

Dataset fitToModel(const Dataset& data, int64_t channels, int64_t size)
{
    Dataset out = data;
    auto imgs = data.images;
    if (imgs.size(1) != channels) {
        auto f = imgs.to(torch::kFloat32);
        if (channels == 1) // ITU-R BT.601 luma
            f = (0.299 * f.select(1, 0) + 0.587 * f.select(1, 1) + 0.114 * f.select(1, 2)).unsqueeze(1);
        else
            f = f.expand({-1, channels, -1, -1});
        imgs = f.round().clamp(0, 255).to(torch::kUInt8).contiguous();
    }
    const auto H = imgs.size(2), W = imgs.size(3);
    if (H == size && W == size) {
        out.images = imgs.contiguous();
        return out;
    }
    if (H <= size && W <= size) {
        const auto top = (size - H) / 2, left = (size - W) / 2;
        auto padded = torch::zeros({imgs.size(0), channels, size, size}, torch::kUInt8);
        padded.narrow(2, top, H).narrow(3, left, W).copy_(imgs);
        out.images = padded;
        return out;
    }
    const auto side = std::min(H, W);
    auto cropped = imgs.narrow(2, (H - side) / 2, side).narrow(3, (W - side) / 2, side);
    std::vector<torch::Tensor> parts;
    const int64_t chunk = 4096;
    for (int64_t s = 0; s < cropped.size(0); s += chunk) {
        auto f = cropped.narrow(0, s, std::min(chunk, cropped.size(0) - s)).to(torch::kFloat32);
        auto opts = torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{size, size});
        if (side > size)
            opts = opts.mode(torch::kArea);
        else
            opts = opts.mode(torch::kBilinear).align_corners(false);
        f = torch::nn::functional::interpolate(f, opts);
        parts.push_back(f.round().clamp(0, 255).to(torch::kUInt8));
    }
    out.images = torch::cat(parts, 0).contiguous();
    return out;
}

std::vector<std::string> numberedClassNames(int64_t n)
{
    std::vector<std::string> names;
    for (int64_t i = 0; i < n; ++i)
        names.push_back(std::to_string(i));
    return names;
}

std::string listClassNames(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t i = 0; i < names.size() && i < 4; ++i)
        out += (i ? ", " : "") + names[i];
    return names.size() > 4 ? out + ", …" : out;
}

const std::vector<std::string>& fashionMnistClassNames()
{
    // Marked for translation: the studio shows them through classDisplayName (app/common/messages.h);
    // files, CSV headers and --class keep these English names.
    static const std::vector<std::string> names{
        DDPM_MSG("ClassName", "T-shirt/top"), DDPM_MSG("ClassName", "Trouser"), DDPM_MSG("ClassName", "Pullover"),
        DDPM_MSG("ClassName", "Dress"),       DDPM_MSG("ClassName", "Coat"),    DDPM_MSG("ClassName", "Sandal"),
        DDPM_MSG("ClassName", "Shirt"),       DDPM_MSG("ClassName", "Sneaker"), DDPM_MSG("ClassName", "Bag"),
        DDPM_MSG("ClassName", "Ankle boot")};
    return names;
}

const std::vector<std::string>& cifar10ClassNames()
{
    static const std::vector<std::string> names{DDPM_MSG("ClassName", "airplane"), DDPM_MSG("ClassName", "automobile"),
                                                DDPM_MSG("ClassName", "bird"),     DDPM_MSG("ClassName", "cat"),
                                                DDPM_MSG("ClassName", "deer"),     DDPM_MSG("ClassName", "dog"),
                                                DDPM_MSG("ClassName", "frog"),     DDPM_MSG("ClassName", "horse"),
                                                DDPM_MSG("ClassName", "ship"),     DDPM_MSG("ClassName", "truck")};
    return names;
}

const std::vector<std::string>& syntheticClassNames()
{
    static const std::vector<std::string> names{"disc", "square", "triangle", "ring"}; // makeSyntheticShapes' kinds
    return names;
}

} // namespace ddpm
