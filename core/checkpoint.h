// The checkpoint container: a small header (magic, version, length, CRC-32) around a LibTorch
// archive, written to a temporary file and renamed into place so that a crash or a full disk never
// leaves a broken file where a good one was.
#pragma once

#include "result.h"

#include <torch/torch.h>

#include <memory>
#include <string>

namespace ddpm {

constexpr int kCheckpointVersion = 1;

// Writes `archive` to `path` atomically.
Status writeCheckpointFile(torch::serialize::OutputArchive& archive, const std::string& path);
// Reads and verifies a checkpoint file; the error says what is wrong with it.
Result<std::shared_ptr<torch::serialize::InputArchive>> readCheckpointFile(const std::string& path);

// Writes bytes to `path` through a temporary file in the same folder and a rename.
Status writeFileAtomically(const std::string& path, const std::string& bytes);

} // namespace ddpm
