#include "imagenoise.h"

namespace ddpm {

uint64_t mixSeed(uint64_t seed, uint64_t index)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ull * (index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

ImageNoise::ImageNoise(uint64_t seed, int64_t firstImage, int64_t count, bool shared)
{
    m_generators.reserve(static_cast<size_t>(std::max<int64_t>(0, count)));
    for (int64_t i = 0; i < count; ++i)
        m_generators.push_back(
            at::detail::createCPUGenerator(mixSeed(seed, static_cast<uint64_t>(firstImage + (shared ? 0 : i)))));
}

torch::Tensor ImageNoise::normal(at::IntArrayRef imageSizes)
{
    std::vector<int64_t> sizes{count()};
    sizes.insert(sizes.end(), imageSizes.begin(), imageSizes.end());
    auto noise = torch::empty(sizes, torch::kFloat32);
    for (int64_t i = 0; i < count(); ++i)
        noise[i].normal_(0.0, 1.0, m_generators[static_cast<size_t>(i)]);
    return noise;
}

torch::Tensor ImageNoise::randint(int64_t low, int64_t high)
{
    auto out = torch::empty({count()}, torch::kInt64);
    for (int64_t i = 0; i < count(); ++i)
        out[i].random_(low, high, m_generators[static_cast<size_t>(i)]);
    return out;
}

} // namespace ddpm
