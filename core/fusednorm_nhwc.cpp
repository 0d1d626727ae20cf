// The fused GroupNorm–SiLU kernels, for channels-last (NHWC) tensors: the convolutions run without
// reordering their input and output (oneDNN's native layout), so the U-Net keeps its activations so on the
// CPU, and other inputs are made channels-last first (fusednorm.cpp). One image at a time: the channels of a pixel are
// contiguous, so the loops run over pixels and vectorise over channels, with per-channel accumulators folded into
// groups afterwards.
#include "fusednormkernels.h"

#include <cmath>
#include <cstdint>

namespace ddpm::fusednormkernels {

namespace {

// `acc` holds 4·C doubles: the per-channel sums, then the per-channel shift, scale and offset as floats.
template <bool Silu, bool Drop, bool Bias, typename In, typename Out>
inline __attribute__((always_inline)) void forwardImageNhwc(const In* x, Out* out, const float* gamma,
                                                            const float* beta, const float* bias, ImageShape sh,
                                                            float eps, Dropout dp, float* mean, float* rstd,
                                                            double* acc)
{
    const int64_t C = sh.channels, cg = C / sh.groups;
    for (int64_t c = 0; c < C; ++c)
        acc[c] = 0;
    for (int64_t p = 0; p < sh.hw; ++p) {
        const In* xp = x + p * C;
#pragma omp simd
        for (int64_t c = 0; c < C; ++c)
            acc[c] += load(xp, c) + (Bias ? bias[c] : 0.0f);
    }
    const double count = static_cast<double>(cg * sh.hw);
    for (int64_t g = 0; g < sh.groups; ++g) {
        double sum = 0;
        for (int64_t c = g * cg; c < (g + 1) * cg; ++c)
            sum += acc[c];
        mean[g] = static_cast<float>(sum / count);
    }
    // Per channel: the group's mean minus the bias, then the scale and shift of the normalised value.
    auto* shift = reinterpret_cast<float*>(acc + C);
    auto* a = shift + C;
    auto* b = a + C;
    for (int64_t c = 0; c < C; ++c) {
        shift[c] = (Bias ? bias[c] : 0.0f) - mean[c / cg];
        acc[c] = 0;
    }
    for (int64_t p = 0; p < sh.hw; ++p) {
        const In* xp = x + p * C;
#pragma omp simd
        for (int64_t c = 0; c < C; ++c) {
            const float v = load(xp, c) + shift[c];
            acc[c] += v * v;
        }
    }
    for (int64_t g = 0; g < sh.groups; ++g) {
        double squares = 0;
        for (int64_t c = g * cg; c < (g + 1) * cg; ++c)
            squares += acc[c];
        rstd[g] = static_cast<float>(1.0 / std::sqrt(squares / count + eps));
    }
    for (int64_t c = 0; c < C; ++c) {
        a[c] = rstd[c / cg] * gamma[c];
        b[c] = beta[c] + shift[c] * a[c];
    }
    for (int64_t p = 0; p < sh.hw; ++p) {
        const In* xp = x + p * C;
        Out* op = out + p * C;
        const int64_t first = dp.base + p * C;
#pragma omp simd
        for (int64_t c = 0; c < C; ++c) {
            const float y = load(xp, c) * a[c] + b[c];
            float v = Silu ? y * sigmoid(y) : y;
            if (Drop)
                v *= keepFactor(dp, first + c);
            store(op, c, v);
        }
    }
}

// The gradient of one image: first dL/dGN (through dropout and SiLU, recomputed from x), kept in `scratch`
// (C·HW floats), with the per-channel sums that give dγ, dβ and each group's means for the normalisation's
// backward; then, per group,
//   dx = rstd · (γ·g − mean(γ·g) − x̂ · mean(γ·g·x̂)),  x̂ = (x + bias − μ)·rstd,
// and with Bias the per-channel sum of dx, the bias's gradient.
template <bool Silu, bool Drop, bool Bias, typename In, typename Grad>
inline __attribute__((always_inline)) void backwardImageNhwc(const In* x, const Grad* gy, In* dx, const float* gamma,
                                                             const float* beta, const float* bias, ImageShape sh,
                                                             const float* mean, const float* rstd, float* dgamma,
                                                             float* dbeta, float* dbias, Dropout dp, double* acc,
                                                             float* scratch)
{
    const int64_t C = sh.channels, cg = C / sh.groups;
    double* dg = acc;
    double* db = acc + C;
    auto* shift = reinterpret_cast<float*>(acc + 2 * C);
    auto* rs = shift + C;
    auto* mg = rs + C;
    auto* mgx = mg + C;
    for (int64_t c = 0; c < C; ++c) {
        dg[c] = db[c] = 0;
        shift[c] = (Bias ? bias[c] : 0.0f) - mean[c / cg];
        rs[c] = rstd[c / cg];
    }
    for (int64_t p = 0; p < sh.hw; ++p) {
        const In* xp = x + p * C;
        const Grad* gp = gy + p * C;
        float* sp = scratch + p * C;
        const int64_t first = dp.base + p * C;
#pragma omp simd
        for (int64_t c = 0; c < C; ++c) {
            const float xh = (load(xp, c) + shift[c]) * rs[c];
            float g = load(gp, c);
            if (Drop)
                g *= keepFactor(dp, first + c);
            if (Silu) {
                const float y = xh * gamma[c] + beta[c];
                const float sg = sigmoid(y);
                g *= sg * (1.0f + y * (1.0f - sg));
            }
            sp[c] = g;
            dg[c] += g * xh;
            db[c] += g;
        }
    }
    const double count = static_cast<double>(cg * sh.hw);
    for (int64_t g = 0; g < sh.groups; ++g) {
        double sumG = 0, sumGX = 0;
        for (int64_t c = g * cg; c < (g + 1) * cg; ++c) {
            sumG += gamma[c] * db[c];
            sumGX += gamma[c] * dg[c];
        }
        for (int64_t c = g * cg; c < (g + 1) * cg; ++c) {
            mg[c] = static_cast<float>(sumG / count);
            mgx[c] = static_cast<float>(sumGX / count);
        }
    }
    for (int64_t c = 0; c < C; ++c) {
        dgamma[c] = static_cast<float>(dg[c]);
        dbeta[c] = static_cast<float>(db[c]);
        db[c] = 0; // from here the bias's gradient
    }
    for (int64_t p = 0; p < sh.hw; ++p) {
        const In* xp = x + p * C;
        const float* sp = scratch + p * C;
        In* dp2 = dx + p * C;
#pragma omp simd
        for (int64_t c = 0; c < C; ++c) {
            const float xh = (load(xp, c) + shift[c]) * rs[c];
            const float v = rs[c] * (gamma[c] * sp[c] - mg[c] - xh * mgx[c]);
            store(dp2, c, v);
            db[c] += v;
        }
    }
    if (Bias)
        for (int64_t c = 0; c < C; ++c)
            dbias[c] = static_cast<float>(db[c]);
}

// One variant's instance over the untyped pointers the dispatch hands over.
template <int Index> struct ForwardImageVariant {
    using T = VariantTypes<Index>;
    static inline __attribute__((always_inline)) void run(const void* x, void* out, const float* gamma,
                                                          const float* beta, const float* bias, ImageShape sh,
                                                          float eps, Dropout dp, float* mean, float* rstd, double* acc)
    {
        forwardImageNhwc<T::silu, T::dropout, T::bias>(static_cast<const typename T::In*>(x),
                                                       static_cast<typename T::Out*>(out), gamma, beta, bias, sh, eps,
                                                       dp, mean, rstd, acc);
    }
};

template <int Index> struct BackwardImageVariant {
    using T = VariantTypes<Index>;
    static inline __attribute__((always_inline)) void run(const void* x, const void* gy, void* dx, const float* gamma,
                                                          const float* beta, const float* bias, ImageShape sh,
                                                          const float* mean, const float* rstd, float* dgamma,
                                                          float* dbeta, float* dbias, Dropout dp, double* acc,
                                                          float* scratch)
    {
        backwardImageNhwc<T::silu, T::dropout, T::bias>(static_cast<const typename T::In*>(x),
                                                        static_cast<const typename T::Out*>(gy),
                                                        static_cast<typename T::In*>(dx), gamma, beta, bias, sh, mean,
                                                        rstd, dgamma, dbeta, dbias, dp, acc, scratch);
    }
};

DDPM_VECTOR_CLONES void forwardImageKernel(int variant, const void* x, void* out, const float* gamma, const float* beta,
                                           const float* bias, ImageShape sh, float eps, Dropout dp, float* mean,
                                           float* rstd, double* acc)
{
    runVariant<ForwardImageVariant>(variant, x, out, gamma, beta, bias, sh, eps, dp, mean, rstd, acc);
}

DDPM_VECTOR_CLONES void backwardImageKernel(int variant, const void* x, const void* gy, void* dx, const float* gamma,
                                            const float* beta, const float* bias, ImageShape sh, const float* mean,
                                            const float* rstd, float* dgamma, float* dbeta, float* dbias, Dropout dp,
                                            double* acc, float* scratch)
{
    runVariant<BackwardImageVariant>(variant, x, gy, dx, gamma, beta, bias, sh, mean, rstd, dgamma, dbeta, dbias, dp,
                                     acc, scratch);
}

} // namespace

ForwardImageKernel nhwcForward()
{
    return forwardImageKernel;
}

BackwardImageKernel nhwcBackward()
{
    return backwardImageKernel;
}

} // namespace ddpm::fusednormkernels
