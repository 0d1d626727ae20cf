#include "dropout.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

torch::Tensor fastDropout(const torch::Tensor& x, double p, bool training)
{
    if (!training || p <= 0.0)
        return x;
    // Inverted dropout: keep with probability q and scale by 1/q. The CPU generator draws uniform
    // floats one at a time (about 3 ns each), so a float per element made dropout a tenth of a training
    // step. Here one 63-bit draw makes four 15-bit numbers (the mask 0x7FFF… clears bit 15 of each
    // 16-bit lane; the top lane has only 15 bits anyway), so p is rounded to a multiple of 1/32768 and q
    // is exactly the probability used. The saved mask is a byte per element instead of a float.
    constexpr int64_t levels = 32768;
    const int64_t drop = std::min<int64_t>(std::llround(p * levels), levels - 1);
    if (drop == 0)
        return x;
    const double keep = 1.0 - static_cast<double>(drop) / levels;
    const int64_t n = x.numel();
    // A slice of a global batch draws the whole batch's numbers and keeps its own.
    const BatchSlice slice = dropoutBatchSlice();
    const bool sliced = slice.total > 0 && x.dim() > 0 && x.size(0) > 0 && slice.total != x.size(0);
    const int64_t perExample = sliced ? n / x.size(0) : 0;
    const int64_t all = sliced ? slice.total * perExample : n, from = sliced ? slice.first * perExample : 0;
    auto raw = torch::empty({(all + 3) / 4}, torch::dtype(torch::kInt64).device(x.device()));
    raw.random_();
    auto bits = raw.bitwise_and(static_cast<int64_t>(0x7FFF7FFF7FFF7FFFLL));
    auto kept = bits.view(torch::kInt16).narrow(0, from, n).view(x.sizes()).ge(drop);
    return x.mul(kept).mul_(1.0 / keep);
}

namespace {
thread_local BatchSlice currentSlice;
} // namespace

void setDropoutBatchSlice(BatchSlice slice)
{
    currentSlice = slice;
}

BatchSlice dropoutBatchSlice()
{
    return currentSlice;
}

} // namespace ddpm
