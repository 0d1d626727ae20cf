// What the two checkpoint readers share (checkpoint.cpp: format 2; legacycheckpoint.cpp: format 1). Not
// for use outside core's checkpoint files.
#pragma once

#include "checkpoint.h"

#include <torch/torch.h>

#include <memory>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ddpm::checkpointparts {

// Adam's per-parameter state, keyed as the LibTorch in use keys it (a string in 1.x, a pointer in 2.x).
template <typename Map> typename Map::key_type adamKey(const torch::Tensor& p)
{
    using Key = typename Map::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        // What 1.x's c10::guts::to_string wrote (the pointer through an ostream); 2.x dropped that helper.
        std::ostringstream key;
        key << static_cast<const void*>(p.unsafeGetTensorImpl());
        return key.str();
    } else
        return p.unsafeGetTensorImpl();
}

// A module's parameters and buffers by name.
std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module& m);

Error weightsMismatch(const std::string& prefix, const std::string& path, const std::string& detail);
// Whether every floating-point tensor loaded into `module` holds numbers: NaN or infinite weights would
// only make blank images.
Status weightsFinite(const std::string& prefix, const std::string& path, torch::nn::Module& module);

// Format 1: the first bytes of its header.
inline constexpr char kLegacyMagic[8] = {'D', 'D', 'P', 'M', 'C', 'K', 'P', 'T'};

// Format 1: opens `path` (of `size` bytes) when its archive carries no code.
Result<std::unique_ptr<CheckpointReader>> openLegacy(const std::string& path, uint64_t size);

} // namespace ddpm::checkpointparts
