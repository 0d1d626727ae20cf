#include "fusednorm.h"

#include "dropout.h" // where the fused kernels do not apply

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ddpm {

namespace {

// The loops below are written so that the compiler vectorises them (`omp simd`, no branches, no
// library calls). On x86-64 each per-group function is compiled for x86-64-v4 (AVX-512 with BW and VL,
// for the 16-bit bf16 lanes), x86-64-v3 (AVX2, FMA) and plain x86-64, and the loader picks the one the
// CPU runs (GCC and Clang's target_clones); elsewhere for the compiler's target.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__CUDACC__)
#define DDPM_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define DDPM_VECTOR_CLONES
#endif

inline float bitsToFloat(uint32_t u)
{
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

inline uint32_t floatToBits(float f)
{
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

// e^x: x = n·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 in two parts, Cody and Waite), e^r by its Taylor
// polynomial to r⁶ (truncation below 1.7e-7), 2ⁿ built in the exponent bits. The clamp keeps 2ⁿ a normal
// number.
inline float expInline(float x)
{
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    // NaN takes n = 0 (converting NaN to an integer is undefined, UBSan's finding) and still reaches the
    // result through r. A select, so the loops keep vectorising.
    const float finite = x == x ? x : 0.0f;
    const float n = (finite * 1.44269504088896341f + 12582912.0f) - 12582912.0f; // round to nearest integer
    float r = x - n * 0.693145751953125f;
    r = r - n * 1.428606765330187045e-06f;
    float p = 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    const auto exponent = static_cast<uint32_t>(static_cast<int32_t>(n) + 127) << 23;
    return p * bitsToFloat(exponent);
}

// fp32 → bf16 with round-to-nearest-even, as c10::BFloat16 does; NaN stays a (quiet) NaN. Branch-free
// so that the loops storing bf16 vectorise.
inline uint16_t toBf16(float f)
{
    const uint32_t u = floatToBits(f);
    const uint32_t rounded = (u + 0x7FFFu + ((u >> 16) & 1u)) >> 16;
    const uint32_t nan = (u >> 16) | 0x40u;
    const uint32_t isNan = 0u - static_cast<uint32_t>((u & 0x7FFFFFFFu) > 0x7F800000u); // all ones or zero
    return static_cast<uint16_t>((nan & isNan) | (rounded & ~isNan));
}

inline void store(float* p, int64_t i, float v)
{
    p[i] = v;
}
inline void store(uint16_t* p, int64_t i, float v)
{
    p[i] = toBf16(v);
}
inline float load(const float* p, int64_t i)
{
    return p[i];
}
inline float load(const uint16_t* p, int64_t i)
{
    return bitsToFloat(static_cast<uint32_t>(p[i]) << 16);
}

inline float sigmoid(float y)
{
    return 1.0f / (1.0f + expInline(-y));
}

struct GroupStats {
    float mean = 0;
    float rstd = 0;
};

// Dropout after SiLU, its mask drawn by a counter-based generator: element i of the tensor is kept when
// the 24-bit hash of (i, key) is at least `drop`. Nothing is stored; the backward pass recomputes the
// same mask. The hash is two rounds of Wellons' lowbias32 (full avalanche: each input bit flips each
// output bit with probability ½ ± 0.2 %), keyed with 64 bits taken from LibTorch's generator.
struct Dropout {
    uint32_t key0 = 0, key1 = 0;
    uint32_t drop = 0;  // drop when hash < drop (of 2^24)
    float scale = 1.0f; // 1/q, q = 1 − drop/2^24
    int64_t base = 0;   // index of the group's first element in the tensor
};

inline uint32_t lowbias32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x7feb352dU;
    h ^= h >> 15;
    h *= 0x846ca68bU;
    h ^= h >> 16;
    return h;
}

inline float keepFactor(const Dropout& dp, int64_t index)
{
    const uint32_t h = lowbias32(lowbias32(static_cast<uint32_t>(index) ^ dp.key0) ^ dp.key1 ^
                                 static_cast<uint32_t>(static_cast<uint64_t>(index) >> 32));
    return (h >> 8) >= dp.drop ? dp.scale : 0.0f;
}

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

// The instances the kernels dispatch to, each compiled for several instruction sets: SiLU or not,
// dropout or not (only after SiLU), an added per-channel bias or not, fp32 or bf16 (with a bias the
// input has the output's type: the first convolution's output).
using ForwardKernel = GroupStats (*)(const void* x, void* out, const float* gamma, const float* beta, const float* bias,
                                     int64_t channels, int64_t hw, float eps, Dropout dp);
using BackwardKernel = void (*)(const void* x, const void* gy, void* dx, const float* gamma, const float* beta,
                                const float* bias, int64_t channels, int64_t hw, GroupStats s, float* dgamma,
                                float* dbeta, float* dbias, float* scratch, Dropout dp);

#define DDPM_FORWARD(NAME, SILU, DROP, BIAS, IN, OUT)                                                                  \
    DDPM_VECTOR_CLONES GroupStats NAME(const void* x, void* out, const float* gamma, const float* beta,                \
                                       const float* bias, int64_t channels, int64_t hw, float eps, Dropout dp)         \
    {                                                                                                                  \
        return forwardGroup<SILU, DROP, BIAS>(static_cast<const IN*>(x), static_cast<OUT*>(out), gamma, beta, bias,    \
                                              channels, hw, eps, dp);                                                  \
    }
DDPM_FORWARD(forwardSiluF32, true, false, false, float, float)
DDPM_FORWARD(forwardSiluBf16, true, false, false, float, uint16_t)
DDPM_FORWARD(forwardSiluDropF32, true, true, false, float, float)
DDPM_FORWARD(forwardSiluDropBf16, true, true, false, float, uint16_t)
DDPM_FORWARD(forwardF32, false, false, false, float, float)
DDPM_FORWARD(forwardBf16, false, false, false, float, uint16_t)
DDPM_FORWARD(forwardBiasSiluF32, true, false, true, float, float)
DDPM_FORWARD(forwardBiasSiluDropF32, true, true, true, float, float)
DDPM_FORWARD(forwardBiasSiluBf16, true, false, true, uint16_t, uint16_t)
DDPM_FORWARD(forwardBiasSiluDropBf16, true, true, true, uint16_t, uint16_t)
#undef DDPM_FORWARD

#define DDPM_BACKWARD(NAME, SILU, DROP, BIAS, IN, GRAD)                                                                \
    DDPM_VECTOR_CLONES void NAME(const void* x, const void* gy, void* dx, const float* gamma, const float* beta,       \
                                 const float* bias, int64_t channels, int64_t hw, GroupStats s, float* dgamma,         \
                                 float* dbeta, float* dbias, float* scratch, Dropout dp)                               \
    {                                                                                                                  \
        backwardGroup<SILU, DROP, BIAS>(static_cast<const IN*>(x), static_cast<const GRAD*>(gy), static_cast<IN*>(dx), \
                                        gamma, beta, bias, channels, hw, s, dgamma, dbeta, dbias, scratch, dp);        \
    }
DDPM_BACKWARD(backwardSiluF32, true, false, false, float, float)
DDPM_BACKWARD(backwardSiluBf16, true, false, false, float, uint16_t)
DDPM_BACKWARD(backwardSiluDropF32, true, true, false, float, float)
DDPM_BACKWARD(backwardSiluDropBf16, true, true, false, float, uint16_t)
DDPM_BACKWARD(backwardF32, false, false, false, float, float)
DDPM_BACKWARD(backwardBf16, false, false, false, float, uint16_t)
DDPM_BACKWARD(backwardBiasSiluF32, true, false, true, float, float)
DDPM_BACKWARD(backwardBiasSiluDropF32, true, true, true, float, float)
DDPM_BACKWARD(backwardBiasSiluBf16, true, false, true, uint16_t, uint16_t)
DDPM_BACKWARD(backwardBiasSiluDropBf16, true, true, true, uint16_t, uint16_t)
#undef DDPM_BACKWARD

// Channels-last (NHWC) layout: the convolutions run without reordering their input and output
// (oneDNN's native layout), so the U-Net keeps its activations so on the CPU. One image at a time: the
// channels of a pixel are contiguous, so the loops run over pixels and vectorise over channels, with
// per-channel accumulators folded into groups afterwards. `work` holds 8·C floats and, for the
// backward pass, C·HW more.
struct ImageShape {
    int64_t channels, groups, hw;
};

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

using ForwardImageKernel = void (*)(const void* x, void* out, const float* gamma, const float* beta, const float* bias,
                                    ImageShape sh, float eps, Dropout dp, float* mean, float* rstd, double* acc);
using BackwardImageKernel = void (*)(const void* x, const void* gy, void* dx, const float* gamma, const float* beta,
                                     const float* bias, ImageShape sh, const float* mean, const float* rstd,
                                     float* dgamma, float* dbeta, float* dbias, Dropout dp, double* acc,
                                     float* scratch);

#define DDPM_FORWARD_NHWC(NAME, SILU, DROP, BIAS, IN, OUT)                                                             \
    DDPM_VECTOR_CLONES void NAME(const void* x, void* out, const float* gamma, const float* beta, const float* bias,   \
                                 ImageShape sh, float eps, Dropout dp, float* mean, float* rstd, double* acc)          \
    {                                                                                                                  \
        forwardImageNhwc<SILU, DROP, BIAS>(static_cast<const IN*>(x), static_cast<OUT*>(out), gamma, beta, bias, sh,   \
                                           eps, dp, mean, rstd, acc);                                                  \
    }
DDPM_FORWARD_NHWC(forwardNhwcSiluF32, true, false, false, float, float)
DDPM_FORWARD_NHWC(forwardNhwcSiluBf16, true, false, false, float, uint16_t)
DDPM_FORWARD_NHWC(forwardNhwcSiluDropF32, true, true, false, float, float)
DDPM_FORWARD_NHWC(forwardNhwcSiluDropBf16, true, true, false, float, uint16_t)
DDPM_FORWARD_NHWC(forwardNhwcF32, false, false, false, float, float)
DDPM_FORWARD_NHWC(forwardNhwcBf16, false, false, false, float, uint16_t)
DDPM_FORWARD_NHWC(forwardNhwcBiasSiluF32, true, false, true, float, float)
DDPM_FORWARD_NHWC(forwardNhwcBiasSiluDropF32, true, true, true, float, float)
DDPM_FORWARD_NHWC(forwardNhwcBiasSiluBf16, true, false, true, uint16_t, uint16_t)
DDPM_FORWARD_NHWC(forwardNhwcBiasSiluDropBf16, true, true, true, uint16_t, uint16_t)
#undef DDPM_FORWARD_NHWC

#define DDPM_BACKWARD_NHWC(NAME, SILU, DROP, BIAS, IN, GRAD)                                                           \
    DDPM_VECTOR_CLONES void NAME(const void* x, const void* gy, void* dx, const float* gamma, const float* beta,       \
                                 const float* bias, ImageShape sh, const float* mean, const float* rstd,               \
                                 float* dgamma, float* dbeta, float* dbias, Dropout dp, double* acc, float* scratch)   \
    {                                                                                                                  \
        backwardImageNhwc<SILU, DROP, BIAS>(static_cast<const IN*>(x), static_cast<const GRAD*>(gy),                   \
                                            static_cast<IN*>(dx), gamma, beta, bias, sh, mean, rstd, dgamma, dbeta,    \
                                            dbias, dp, acc, scratch);                                                  \
    }
DDPM_BACKWARD_NHWC(backwardNhwcSiluF32, true, false, false, float, float)
DDPM_BACKWARD_NHWC(backwardNhwcSiluBf16, true, false, false, float, uint16_t)
DDPM_BACKWARD_NHWC(backwardNhwcSiluDropF32, true, true, false, float, float)
DDPM_BACKWARD_NHWC(backwardNhwcSiluDropBf16, true, true, false, float, uint16_t)
DDPM_BACKWARD_NHWC(backwardNhwcF32, false, false, false, float, float)
DDPM_BACKWARD_NHWC(backwardNhwcBf16, false, false, false, float, uint16_t)
DDPM_BACKWARD_NHWC(backwardNhwcBiasSiluF32, true, false, true, float, float)
DDPM_BACKWARD_NHWC(backwardNhwcBiasSiluDropF32, true, true, true, float, float)
DDPM_BACKWARD_NHWC(backwardNhwcBiasSiluBf16, true, false, true, uint16_t, uint16_t)
DDPM_BACKWARD_NHWC(backwardNhwcBiasSiluDropBf16, true, true, true, uint16_t, uint16_t)
#undef DDPM_BACKWARD_NHWC

DDPM_VECTOR_CLONES float expClone(float x)
{
    return expInline(x);
}

struct Shape {
    int64_t n, channels, groups, perGroup, hw;
};

Shape shapeOf(const torch::Tensor& x, int64_t groups)
{
    const int64_t n = x.size(0), c = x.size(1);
    const int64_t hw = n * c == 0 ? 0 : x.numel() / (n * c);
    return {n, c, groups, c / groups, hw};
}

// What the autograd function keeps of the call besides tensors.
struct Mode {
    int64_t groups = 1;
    bool silu = false;
    bool dropout = false;
    bool bias = false;
    Dropout dp;
};

// The kernel for a mode, from a table of one layout's instances: [fp32 | bf16][plain, SiLU, SiLU +
// dropout, bias + SiLU, bias + SiLU + dropout]. With a bias the input has the output's type (bf16 or
// fp32), without one the input is fp32; the backward kernel's incoming gradient has the output's type.
template <typename Kernel> using KernelTable = Kernel[2][5];

template <typename Kernel> Kernel pick(const KernelTable<Kernel>& table, const Mode& m, bool bf16)
{
    const int variant = m.bias ? (m.dropout ? 4 : 3) : m.dropout ? 2 : m.silu ? 1 : 0;
    return table[bf16 ? 1 : 0][variant];
}

const KernelTable<ForwardKernel> forwardKernels = {
    {forwardF32, forwardSiluF32, forwardSiluDropF32, forwardBiasSiluF32, forwardBiasSiluDropF32},
    {forwardBf16, forwardSiluBf16, forwardSiluDropBf16, forwardBiasSiluBf16, forwardBiasSiluDropBf16}};
const KernelTable<BackwardKernel> backwardKernels = {
    {backwardF32, backwardSiluF32, backwardSiluDropF32, backwardBiasSiluF32, backwardBiasSiluDropF32},
    {backwardBf16, backwardSiluBf16, backwardSiluDropBf16, backwardBiasSiluBf16, backwardBiasSiluDropBf16}};
const KernelTable<ForwardImageKernel> forwardImageKernels = {
    {forwardNhwcF32, forwardNhwcSiluF32, forwardNhwcSiluDropF32, forwardNhwcBiasSiluF32, forwardNhwcBiasSiluDropF32},
    {forwardNhwcBf16, forwardNhwcSiluBf16, forwardNhwcSiluDropBf16, forwardNhwcBiasSiluBf16,
     forwardNhwcBiasSiluDropBf16}};
const KernelTable<BackwardImageKernel> backwardImageKernels = {
    {backwardNhwcF32, backwardNhwcSiluF32, backwardNhwcSiluDropF32, backwardNhwcBiasSiluF32,
     backwardNhwcBiasSiluDropF32},
    {backwardNhwcBf16, backwardNhwcSiluBf16, backwardNhwcSiluDropBf16, backwardNhwcBiasSiluBf16,
     backwardNhwcBiasSiluDropBf16}};

// NHWC and not also NCHW (with one channel or one pixel the two layouts coincide; NCHW then).
bool channelsLast(const torch::Tensor& x)
{
    return x.dim() == 4 && !x.is_contiguous() && x.is_contiguous(at::MemoryFormat::ChannelsLast);
}

size_t elementSize(const torch::Tensor& t)
{
    return static_cast<size_t>(t.element_size());
}

torch::Tensor fusedForward(const torch::Tensor& x, const torch::Tensor& gamma, const torch::Tensor& beta,
                           const torch::Tensor& bias, double eps, bool bf16, const Mode& m, torch::Tensor& mean,
                           torch::Tensor& rstd)
{
    const Shape s = shapeOf(x, m.groups);
    const auto f32 = x.options().dtype(torch::kFloat32);
    const bool nhwc = channelsLast(x);
    auto out = torch::empty(x.sizes(),
                            x.options()
                                .dtype(bf16 ? torch::kBFloat16 : torch::kFloat32)
                                .memory_format(nhwc ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous));
    mean = torch::empty({s.n * m.groups}, f32);
    rstd = torch::empty({s.n * m.groups}, f32);
    if (nhwc) {
        const auto* px = static_cast<const char*>(x.data_ptr());
        auto* po = static_cast<char*>(out.data_ptr());
        const size_t xs = elementSize(x), os = elementSize(out);
        const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
        const ForwardImageKernel kernel = pick(forwardImageKernels, m, bf16);
        const ImageShape sh{s.channels, m.groups, s.hw};
        const int64_t d = s.channels * s.hw;
        const auto e = static_cast<float>(eps);
        at::parallel_for(0, s.n, 1, [&](int64_t begin, int64_t end) {
            std::vector<double> acc(static_cast<size_t>(4 * s.channels));
            for (int64_t n = begin; n < end; ++n) {
                Dropout dp = m.dp;
                dp.base = n * d;
                const auto at = static_cast<size_t>(n * d);
                kernel(px + at * xs, po + at * os, gamma.data_ptr<float>(), beta.data_ptr<float>(),
                       pbias ? pbias + n * s.channels : nullptr, sh, e, dp, mean.data_ptr<float>() + n * m.groups,
                       rstd.data_ptr<float>() + n * m.groups, acc.data());
            }
        });
        return out;
    }
    const auto* px = static_cast<const char*>(x.data_ptr());
    auto* po = static_cast<char*>(out.data_ptr());
    const size_t xs = elementSize(x), os = elementSize(out);
    const float* pg = gamma.data_ptr<float>();
    const float* pb = beta.data_ptr<float>();
    const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
    float* pm = mean.data_ptr<float>();
    float* pr = rstd.data_ptr<float>();
    const ForwardKernel kernel = pick(forwardKernels, m, bf16);
    const int64_t d = s.perGroup * s.hw;
    const auto e = static_cast<float>(eps);
    at::parallel_for(0, s.n * m.groups, 1, [&](int64_t begin, int64_t end) {
        for (int64_t ng = begin; ng < end; ++ng) {
            const int64_t c0 = (ng % m.groups) * s.perGroup;
            const int64_t nc = (ng / m.groups) * s.channels + c0; // this group's first (image, channel)
            Dropout dp = m.dp;
            dp.base = ng * d;
            const auto at = static_cast<size_t>(ng * d);
            const GroupStats st = kernel(px + at * xs, po + at * os, pg + c0, pb + c0, pbias ? pbias + nc : nullptr,
                                         s.perGroup, s.hw, e, dp);
            pm[ng] = st.mean;
            pr[ng] = st.rstd;
        }
    });
    return out;
}

std::array<torch::Tensor, 4> fusedBackward(const torch::Tensor& x, const torch::Tensor& gy, const torch::Tensor& gamma,
                                           const torch::Tensor& beta, const torch::Tensor& bias,
                                           const torch::Tensor& mean, const torch::Tensor& rstd, const Mode& m)
{
    const Shape s = shapeOf(x, m.groups);
    const auto f32 = x.options().dtype(torch::kFloat32);
    auto dx = torch::empty_like(x);
    auto dgammaParts = torch::empty({s.n, s.channels}, f32);
    auto dbetaParts = torch::empty({s.n, s.channels}, f32);
    auto dbias = m.bias ? torch::empty({s.n, s.channels}, f32) : torch::Tensor();
    const bool bf16 = gy.scalar_type() == torch::kBFloat16;
    if (channelsLast(x)) {
        const auto* px = static_cast<const char*>(x.data_ptr());
        const auto* pgy = static_cast<const char*>(gy.data_ptr());
        auto* pdx = static_cast<char*>(dx.data_ptr());
        const size_t xs = elementSize(x), gs = elementSize(gy);
        const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
        float* pdbias = m.bias ? dbias.data_ptr<float>() : nullptr;
        const BackwardImageKernel kernel = pick(backwardImageKernels, m, bf16);
        const ImageShape sh{s.channels, m.groups, s.hw};
        const int64_t d = s.channels * s.hw;
        at::parallel_for(0, s.n, 1, [&](int64_t begin, int64_t end) {
            std::vector<double> acc(static_cast<size_t>(4 * s.channels));
            std::vector<float> scratch(static_cast<size_t>(d));
            for (int64_t n = begin; n < end; ++n) {
                Dropout dp = m.dp;
                dp.base = n * d;
                const auto at = static_cast<size_t>(n * d);
                const int64_t nc = n * s.channels;
                kernel(px + at * xs, pgy + at * gs, pdx + at * xs, gamma.data_ptr<float>(), beta.data_ptr<float>(),
                       pbias ? pbias + nc : nullptr, sh, mean.data_ptr<float>() + n * m.groups,
                       rstd.data_ptr<float>() + n * m.groups, dgammaParts.data_ptr<float>() + nc,
                       dbetaParts.data_ptr<float>() + nc, pdbias ? pdbias + nc : nullptr, dp, acc.data(),
                       scratch.data());
            }
        });
        return {dx, dgammaParts.sum(0), dbetaParts.sum(0), dbias};
    }
    const auto* px = static_cast<const char*>(x.data_ptr());
    const auto* pgy = static_cast<const char*>(gy.data_ptr());
    auto* pdx = static_cast<char*>(dx.data_ptr());
    const size_t xs = elementSize(x), gs = elementSize(gy);
    const float* pg = gamma.data_ptr<float>();
    const float* pb = beta.data_ptr<float>();
    const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
    const float* pm = mean.data_ptr<float>();
    const float* pr = rstd.data_ptr<float>();
    float* pdg = dgammaParts.data_ptr<float>();
    float* pdb = dbetaParts.data_ptr<float>();
    float* pdbias = m.bias ? dbias.data_ptr<float>() : nullptr;
    const BackwardKernel kernel = pick(backwardKernels, m, bf16);
    const int64_t d = s.perGroup * s.hw;
    at::parallel_for(0, s.n * m.groups, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> scratch(static_cast<size_t>(d));
        for (int64_t ng = begin; ng < end; ++ng) {
            const int64_t c0 = (ng % m.groups) * s.perGroup;
            // dγ and dβ per image and channel (summed over the batch below), the bias's gradient.
            const int64_t nc = (ng / m.groups) * s.channels + c0;
            Dropout dp = m.dp;
            dp.base = ng * d;
            const auto at = static_cast<size_t>(ng * d);
            kernel(px + at * xs, pgy + at * gs, pdx + at * xs, pg + c0, pb + c0, pbias ? pbias + nc : nullptr,
                   s.perGroup, s.hw, GroupStats{pm[ng], pr[ng]}, pdg + nc, pdb + nc, pdbias ? pdbias + nc : nullptr,
                   scratch.data(), dp);
        }
    });
    return {dx, dgammaParts.sum(0), dbetaParts.sum(0), dbias};
}

class GroupNormActFunction : public torch::autograd::Function<GroupNormActFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& gamma, const torch::Tensor& beta, const torch::Tensor& bias,
                                 double eps, bool bf16, Mode mode)
    {
        torch::Tensor mean, rstd;
        auto out = fusedForward(x, gamma, beta, bias, eps, bf16, mode, mean, rstd);
        ctx->save_for_backward({x, gamma, beta, bias, mean, rstd});
        ctx->saved_data["groups"] = mode.groups;
        ctx->saved_data["silu"] = mode.silu;
        ctx->saved_data["dropout"] = mode.dropout;
        ctx->saved_data["bias"] = mode.bias;
        ctx->saved_data["bf16"] = bf16;
        ctx->saved_data["key0"] = static_cast<int64_t>(mode.dp.key0);
        ctx->saved_data["key1"] = static_cast<int64_t>(mode.dp.key1);
        ctx->saved_data["drop"] = static_cast<int64_t>(mode.dp.drop);
        ctx->saved_data["scale"] = static_cast<double>(mode.dp.scale);
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        Mode m;
        m.groups = ctx->saved_data["groups"].toInt();
        m.silu = ctx->saved_data["silu"].toBool();
        m.dropout = ctx->saved_data["dropout"].toBool();
        m.bias = ctx->saved_data["bias"].toBool();
        m.dp.key0 = static_cast<uint32_t>(ctx->saved_data["key0"].toInt());
        m.dp.key1 = static_cast<uint32_t>(ctx->saved_data["key1"].toInt());
        m.dp.drop = static_cast<uint32_t>(ctx->saved_data["drop"].toInt());
        m.dp.scale = static_cast<float>(ctx->saved_data["scale"].toDouble());
        const bool bf16 = ctx->saved_data["bf16"].toBool();
        // The kernels read the incoming gradient in the output's type (bf16 or fp32).
        auto gy =
            grads[0]
                .to(bf16 ? torch::kBFloat16 : torch::kFloat32)
                .contiguous(channelsLast(saved[0]) ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
        auto [dx, dgamma, dbeta, dbias] =
            fusedBackward(saved[0], gy, saved[1], saved[2], saved[3], saved[4], saved[5], m);
        return {dx, dgamma, dbeta, dbias, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor groupNormActReference(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                                    const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType,
                                    const torch::Tensor& bias)
{
    auto in = x.to(torch::kFloat32);
    if (bias.defined())
        in = in + bias.to(torch::kFloat32).unsqueeze(-1).unsqueeze(-1);
    auto y = torch::group_norm(in, groups, gamma, beta, eps);
    if (silu)
        y = torch::silu(y);
    return y.to(outType);
}

namespace {

// Where the fused kernels apply: on the CPU, contiguous, fp32 parameters; an fp32 input, or with a
// bias [N, C] (then SiLU) an input of the output's type.
bool fusable(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma, const torch::Tensor& beta, bool silu,
             torch::ScalarType outType, const torch::Tensor& bias)
{
    const auto contiguousFloat = [](const torch::Tensor& t) {
        return t.defined() && t.is_cpu() && t.scalar_type() == torch::kFloat32 && t.is_contiguous();
    };
    if (!x.is_cpu() || !(x.is_contiguous() || channelsLast(x)) || x.dim() < 2 || x.numel() == 0 || groups <= 0 ||
        x.size(1) % groups != 0)
        return false;
    if (!contiguousFloat(gamma) || !contiguousFloat(beta))
        return false;
    if (outType != torch::kFloat32 && outType != torch::kBFloat16)
        return false;
    if (!bias.defined())
        return x.scalar_type() == torch::kFloat32;
    return silu && x.scalar_type() == outType && contiguousFloat(bias) && bias.dim() == 2 &&
           bias.size(0) == x.size(0) && bias.size(1) == x.size(1);
}

torch::Tensor normAct(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma, const torch::Tensor& beta,
                      double eps, bool silu, torch::ScalarType outType, const torch::Tensor& bias, double p,
                      bool training)
{
    constexpr double levels = 1 << 24;
    const auto drop = static_cast<uint32_t>(std::clamp<long long>(std::llround(p * levels), 0, (1LL << 24) - 1));
    const bool dropout = silu && training && drop > 0;
    if (!fusable(x, groups, gamma, beta, silu, outType, bias)) {
        auto y = groupNormActReference(x, groups, gamma, beta, eps, silu, outType, bias);
        return dropout ? fastDropout(y, p, true) : y;
    }
    Mode m;
    m.groups = groups;
    m.silu = silu;
    m.bias = bias.defined();
    if (dropout) {
        m.dropout = true;
        // 64 key bits from LibTorch's generator: torch::manual_seed makes the masks repeat.
        const auto key = torch::empty({2}, torch::kInt64).random_(0, int64_t{1} << 32);
        m.dp.key0 = static_cast<uint32_t>(key[0].item<int64_t>());
        m.dp.key1 = static_cast<uint32_t>(key[1].item<int64_t>());
        m.dp.drop = drop;
        m.dp.scale = static_cast<float>(1.0 / (1.0 - drop / levels));
    }
    // Every tensor handed to a custom autograd function must be defined (LibTorch 1.13 asks each for its
    // device): without a bias an empty one stands in.
    return GroupNormActFunction::apply(x, gamma, beta, m.bias ? bias : torch::empty({0}, gamma.options()), eps,
                                       outType == torch::kBFloat16, m);
}

} // namespace

torch::Tensor groupNormAct(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                           const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType,
                           const torch::Tensor& bias)
{
    return normAct(x, groups, gamma, beta, eps, silu, outType, bias, 0.0, false);
}

torch::Tensor groupNormAct(const torch::Tensor& x, const torch::nn::GroupNorm& norm, bool silu,
                           torch::ScalarType outType)
{
    const auto& o = norm->options;
    return normAct(x, o.num_groups(), norm->weight, norm->bias, o.eps(), silu, outType, {}, 0.0, false);
}

torch::Tensor groupNormSiluDropout(const torch::Tensor& x, const torch::nn::GroupNorm& norm, double p, bool training,
                                   torch::ScalarType outType, const torch::Tensor& bias)
{
    const auto& o = norm->options;
    return normAct(x, o.num_groups(), norm->weight, norm->bias, o.eps(), true, outType, bias, p, training);
}

float fastExp(float x)
{
    return expClone(x);
}

} // namespace ddpm
