// The fused GroupNorm–SiLU kernels for contiguous (NCHW) tensors: one group of one image at a time, its
// channels' values contiguous.
#include "fusednormkernels.h"

#include <cmath>
#include <cstdint>

namespace ddpm::fusednormkernels {

namespace {

// One group of one image: `channels` channels of `hw` values each, contiguous. With Bias, a per-channel
// value is added to x first (the U-Net's time embedding, added to the first convolution's output).
template <bool Silu, bool Drop, bool Bias, typename In, typename Out>
inline __attribute__((always_inline)) GroupStats forwardGroup(const In* x, Out* out, const float* gamma,
                                                              const float* beta, const float* bias, int64_t channels,
                                                              int64_t hw, float eps, Dropout dp)
{
    const int64_t d = channels * hw;
    double sum = 0;
    for (int64_t c = 0; c < channels; ++c) {
        const float bc = Bias ? bias[c] : 0.0f;
#pragma omp simd reduction(+ : sum)
        for (int64_t i = 0; i < hw; ++i)
            sum += load(x, c * hw + i) + bc;
    }
    const auto mean = static_cast<float>(sum / static_cast<double>(d));
    double squares = 0;
    for (int64_t c = 0; c < channels; ++c) {
        const float bc = (Bias ? bias[c] : 0.0f) - mean;
#pragma omp simd reduction(+ : squares)
        for (int64_t i = 0; i < hw; ++i) {
            const float v = load(x, c * hw + i) + bc;
            squares += v * v;
        }
    }
    const auto rstd = static_cast<float>(1.0 / std::sqrt(squares / static_cast<double>(d) + eps));
    for (int64_t c = 0; c < channels; ++c) {
        const float a = rstd * gamma[c];
        const float b = beta[c] - (mean - (Bias ? bias[c] : 0.0f)) * a;
        const In* xc = x + c * hw;
        Out* oc = out + c * hw;
        const int64_t first = dp.base + c * hw;
#pragma omp simd
        for (int64_t i = 0; i < hw; ++i) {
            const float y = load(xc, i) * a + b;
            float v = Silu ? y * sigmoid(y) : y;
            if (Drop)
                v *= keepFactor(dp, first + i);
            store(oc, i, v);
        }
    }
    return {mean, rstd};
}

// The gradient of one group: first dL/dGN (through dropout and SiLU, recomputed from x), kept in
// `scratch`, with the per-channel sums that give dγ, dβ and the group means of the normalisation's
// backward; then
//   dx = rstd · (γ·g − mean(γ·g) − x̂ · mean(γ·g·x̂)),  x̂ = (x + bias − μ)·rstd,
// and with Bias the per-channel sum of dx, the bias's gradient.
template <bool Silu, bool Drop, bool Bias, typename In, typename Grad>
inline __attribute__((always_inline)) void backwardGroup(const In* x, const Grad* gy, In* dx, const float* gamma,
                                                         const float* beta, const float* bias, int64_t channels,
                                                         int64_t hw, GroupStats s, float* dgamma, float* dbeta,
                                                         float* dbias, float* scratch, Dropout dp)
{
    double sumG = 0;  // Σ γ·g
    double sumGX = 0; // Σ γ·g·x̂
    for (int64_t c = 0; c < channels; ++c) {
        const float gm = gamma[c];
        const float bt = beta[c];
        const float shift = (Bias ? bias[c] : 0.0f) - s.mean;
        const In* xc = x + c * hw;
        float* sc = scratch + c * hw;
        const int64_t first = dp.base + c * hw;
        double dg = 0, db = 0;
#pragma omp simd reduction(+ : dg, db)
        for (int64_t i = 0; i < hw; ++i) {
            const float xh = (load(xc, i) + shift) * s.rstd;
            float g = load(gy, c * hw + i);
            if (Drop)
                g *= keepFactor(dp, first + i);
            if (Silu) {
                const float y = xh * gm + bt;
                const float sg = sigmoid(y);
                g *= sg * (1.0f + y * (1.0f - sg));
            }
            sc[i] = g;
            dg += g * xh;
            db += g;
        }
        dgamma[c] = static_cast<float>(dg);
        dbeta[c] = static_cast<float>(db);
        sumG += gm * db;
        sumGX += gm * dg;
    }
    const double d = static_cast<double>(channels * hw);
    const auto meanG = static_cast<float>(sumG / d);
    const auto meanGX = static_cast<float>(sumGX / d);
    for (int64_t c = 0; c < channels; ++c) {
        const float gm = gamma[c];
        const float shift = (Bias ? bias[c] : 0.0f) - s.mean;
        const In* xc = x + c * hw;
        const float* sc = scratch + c * hw;
        In* dc = dx + c * hw;
        double dsum = 0;
#pragma omp simd reduction(+ : dsum)
        for (int64_t i = 0; i < hw; ++i) {
            const float xh = (load(xc, i) + shift) * s.rstd;
            const float v = s.rstd * (gm * sc[i] - meanG - xh * meanGX);
            store(dc, i, v);
            dsum += v;
        }
        if (Bias)
            dbias[c] = static_cast<float>(dsum);
    }
}

// One variant's instance over the untyped pointers the dispatch hands over.
template <int Index> struct ForwardVariant {
    using T = VariantTypes<Index>;
    static inline __attribute__((always_inline)) void run(GroupStats& stats, const void* x, void* out,
                                                          const float* gamma, const float* beta, const float* bias,
                                                          int64_t channels, int64_t hw, float eps, Dropout dp)
    {
        stats = forwardGroup<T::silu, T::dropout, T::bias>(static_cast<const typename T::In*>(x),
                                                           static_cast<typename T::Out*>(out), gamma, beta, bias,
                                                           channels, hw, eps, dp);
    }
};

template <int Index> struct BackwardVariant {
    using T = VariantTypes<Index>;
    static inline __attribute__((always_inline)) void run(const void* x, const void* gy, void* dx, const float* gamma,
                                                          const float* beta, const float* bias, int64_t channels,
                                                          int64_t hw, GroupStats s, float* dgamma, float* dbeta,
                                                          float* dbias, float* scratch, Dropout dp)
    {
        backwardGroup<T::silu, T::dropout, T::bias>(
            static_cast<const typename T::In*>(x), static_cast<const typename T::Out*>(gy),
            static_cast<typename T::In*>(dx), gamma, beta, bias, channels, hw, s, dgamma, dbeta, dbias, scratch, dp);
    }
};

DDPM_VECTOR_CLONES GroupStats forwardGroupKernel(int variant, const void* x, void* out, const float* gamma,
                                                 const float* beta, const float* bias, int64_t channels, int64_t hw,
                                                 float eps, Dropout dp)
{
    GroupStats stats;
    runVariant<ForwardVariant>(variant, stats, x, out, gamma, beta, bias, channels, hw, eps, dp);
    return stats;
}

DDPM_VECTOR_CLONES void backwardGroupKernel(int variant, const void* x, const void* gy, void* dx, const float* gamma,
                                            const float* beta, const float* bias, int64_t channels, int64_t hw,
                                            GroupStats s, float* dgamma, float* dbeta, float* dbias, float* scratch,
                                            Dropout dp)
{
    runVariant<BackwardVariant>(variant, x, gy, dx, gamma, beta, bias, channels, hw, s, dgamma, dbeta, dbias, scratch,
                                dp);
}

} // namespace

ForwardKernel nchwForward()
{
    return forwardGroupKernel;
}

BackwardKernel nchwBackward()
{
    return backwardGroupKernel;
}

} // namespace ddpm::fusednormkernels
