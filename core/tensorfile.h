// Files of named tensors in the safetensors layout: an 8-byte little-endian header length, a JSON
// header that gives each tensor's dtype, shape and byte range, string metadata under "__metadata__",
// then the raw little-endian bytes. Nothing in such a file is executed; the header is validated
// strictly before anything is allocated (ranges inside the file, no overlaps and no gaps, byte counts
// that match the shapes, sizes under core/limits.h). Python reads these files with
// `safetensors.torch.load_file`.
//
// Writes go through writeFileAtomicallyWith (atomicfile.h): a crash, a kill or a full disk leaves the
// previous file or the new one, never half.
#pragma once

#include "atomicfile.h" // here too, for the callers that save plain files beside tensor files
#include "sizelimits.h"
#include "result.h"

#include <torch/torch.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>
#include <string>

namespace ddpm {

struct TensorFile {
    std::map<std::string, std::string> metadata;  // "__metadata__": strings only, as the format says
    std::map<std::string, torch::Tensor> tensors; // CPU tensors, by name

    // A tensor by name, or an undefined one.
    torch::Tensor tensor(const std::string& name) const;
    // A metadata value, or `fallback`.
    std::string meta(const std::string& key, const std::string& fallback = {}) const;
};

// Writes `file` to `path` atomically (CRC-32 of the data in the metadata under "ddpm.crc32").
Status writeTensorFile(const std::string& path, const TensorFile& file);

// Reads and validates a tensor file from a stream of `size` bytes (the file's name is for messages).
Result<TensorFile> readTensorFile(std::FILE* f, uint64_t size, const std::string& name);
// Opens `path` (a regular file of at most limits::kMaxCheckpointBytes) and reads it.
Result<TensorFile> readTensorFile(const std::string& path);

// The validated header of a tensor file: where each tensor's bytes are.
struct TensorIndex {
    struct Entry {
        torch::Dtype dtype;
        std::vector<int64_t> shape;
        uint64_t begin = 0, end = 0; // in the data section
    };
    std::map<std::string, std::string> metadata;
    std::map<std::string, Entry> entries;
    uint64_t dataStart = 0; // file offset of the data section
    std::string meta(const std::string& key, const std::string& fallback = {}) const;
};

// A tensor file opened for reading one tensor at a time, so that loading a checkpoint holds the
// weights once (in the modules) and not also the whole file. Opening validates the header and checks
// the CRC-32 of the data in one streaming pass; the open descriptor keeps reading the same file even
// if a save replaces it meanwhile.
class TensorFileView {
public:
    static Result<std::shared_ptr<TensorFileView>> open(const std::string& path);
    ~TensorFileView();
    TensorFileView(const TensorFileView&) = delete;
    TensorFileView& operator=(const TensorFileView&) = delete;

    const TensorIndex& index() const { return m_index; }
    bool has(const std::string& name) const { return m_index.entries.count(name) > 0; }
    // The tensor's bytes, read now.
    Result<torch::Tensor> read(const std::string& name) const;

private:
    TensorFileView(std::string path, int fd, TensorIndex index);
    std::string m_path;
    int m_fd = -1;
    TensorIndex m_index;
};

// Whether the first bytes look like a safetensors header (a sane length, then '{').
bool looksLikeTensorFile(const std::string& firstBytes);

// The size of `path` when it is a regular file no larger than `maxBytes`; otherwise why not.
Result<uint64_t> checkRegularFile(const std::string& path, uint64_t maxBytes);

} // namespace ddpm
