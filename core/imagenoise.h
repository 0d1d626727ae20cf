// Noise for a batch of images where image i's draws depend on a seed and its index in the whole run alone:
// the same whatever the batch it falls in, the number of batches or the part of the run a process does.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace ddpm {

// SplitMix64: well-spread generator seeds for neighbouring image indices.
uint64_t mixSeed(uint64_t seed, uint64_t index);

class ImageNoise {
public:
    // `count` images, the first of them image `firstImage` of the run; with `shared`, every one draws image
    // firstImage's noise.
    ImageNoise(uint64_t seed, int64_t firstImage, int64_t count, bool shared = false);

    int64_t count() const { return static_cast<int64_t>(m_generators.size()); }
    // Standard normal noise [count, sizes…] on the CPU, each image from its own generator.
    torch::Tensor normal(at::IntArrayRef imageSizes);
    // One whole number in [low, high) per image: [count], int64, on the CPU.
    torch::Tensor randint(int64_t low, int64_t high);

private:
    std::vector<at::Generator> m_generators;
};

} // namespace ddpm
