// What the fused GroupNorm–SiLU files share (fusednorm.cpp: dispatch and autograd; fusednorm_nhwc.cpp: the
// kernels): the scalar helpers the vectorised loops inline, the dropout hash, and how the kernels'
// variants are numbered. Not for use outside those two files.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

// The kernels' loops are written so that the compiler vectorises them (`omp simd`, no branches, no library
// calls). On x86-64 each kernel is compiled for x86-64-v4 (AVX-512 with BW and VL, for the 16-bit bf16
// lanes), x86-64-v3 (AVX2, FMA) and plain x86-64, and the loader picks the one the CPU runs (GCC and
// Clang's target_clones); elsewhere for the compiler's target. Clang 14 (the fuzz and sanitizer builds)
// rejects target_clones on a template, so the attribute goes on one plain function per layout and
// direction, into which every variant's template instance is inlined (runVariant).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__CUDACC__)
#define DDPM_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define DDPM_VECTOR_CLONES
#endif

namespace ddpm::fusednormkernels {

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

// Element i of an fp32 or bf16 array (bf16 as its bits in a uint16_t), written and read as fp32.
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

// Dropout after SiLU, its mask drawn by a counter-based generator: element i of the tensor is kept when
// the 24-bit hash of (i, key) is at least `drop`. Nothing is stored; the backward pass recomputes the
// same mask. The hash is two rounds of Wellons' lowbias32 (full avalanche: each input bit flips each
// output bit with probability ½ ± 0.2 %), keyed with 64 bits taken from LibTorch's generator.
struct Dropout {
    uint32_t key0 = 0, key1 = 0;
    uint32_t drop = 0;        // drop when hash < drop (of 2^24)
    float scale = 1.0f;       // 1/q, q = 1 − drop/2^24
    int64_t base = 0;         // index of the image's first element in the tensor
    int64_t firstExample = 0; // of a slice of a global batch (dropout.h): the mask is the whole batch's
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

// One image of a channels-last tensor, as the NHWC kernels see it.
struct ImageShape {
    int64_t channels, groups, hw;
};

// A variant of the kernels: SiLU or not, dropout or not, a per-channel bias added to x first or not, the
// output fp32 or bf16. With a bias the input has the output's type (the first convolution's output),
// without one it is fp32; the backward kernels read the incoming gradient in the output's type and write
// dx in the input's.
struct Variant {
    bool silu = false;
    bool dropout = false;
    bool bias = false;
    bool bf16 = false;
};

// Every combination of the flags has an index, one bit per flag; the kernels' instances are stamped out by
// the compiler for each index that hasKernel accepts.
constexpr int variantCount = 1 << 4;

constexpr int variantIndex(Variant v)
{
    return (v.silu ? 1 : 0) | (v.dropout ? 2 : 0) | (v.bias ? 4 : 0) | (v.bf16 ? 8 : 0);
}

constexpr Variant variantAt(int index)
{
    return {(index & 1) != 0, (index & 2) != 0, (index & 4) != 0, (index & 8) != 0};
}

// A new flag needs its bit in variantCount, variantIndex and variantAt, else two variants share an index.
static_assert(sizeof(Variant) == 4, "one bit of the variant index per flag of Variant");
constexpr bool indicesRoundTrip()
{
    for (int i = 0; i < variantCount; ++i)
        if (variantIndex(variantAt(i)) != i)
            return false;
    return true;
}
static_assert(indicesRoundTrip(), "variantIndex and variantAt disagree");

// Dropout and the bias come only with SiLU (the residual block's normalisations); the combinations without
// it have no kernels.
constexpr bool hasKernel(Variant v)
{
    return v.silu || (!v.dropout && !v.bias);
}

// A variant's flags and element types as template arguments.
template <int Index> struct VariantTypes {
    static constexpr Variant v = variantAt(Index);
    static constexpr bool silu = v.silu;
    static constexpr bool dropout = v.dropout;
    static constexpr bool bias = v.bias;
    using Out = std::conditional_t<v.bf16, uint16_t, float>; // bf16 as its bits
    using In = std::conditional_t<v.bias, Out, float>;
};

template <template <int> class Kernel, int Index, typename... Args>
inline __attribute__((always_inline)) bool runIfVariant(int variant, Args&&... args)
{
    if constexpr (hasKernel(variantAt(Index))) {
        if (variant == Index) {
            Kernel<Index>::run(args...);
            return true;
        }
    }
    return false;
}

template <template <int> class Kernel, int... Index, typename... Args>
inline __attribute__((always_inline)) void runVariantOf(int variant, std::integer_sequence<int, Index...>,
                                                        Args&&... args)
{
    (void)(runIfVariant<Kernel, Index>(variant, args...) || ...);
}

// Kernel<variant>::run(args...), for a variant that hasKernel accepts. Every instance is inlined into the
// caller, so that a caller marked DDPM_VECTOR_CLONES has each of them compiled for each instruction set.
template <template <int> class Kernel, typename... Args>
inline __attribute__((always_inline)) void runVariant(int variant, Args&&... args)
{
    runVariantOf<Kernel>(variant, std::make_integer_sequence<int, variantCount>{}, args...);
}

// The kernels, one function per direction for every variant (the first argument, a variantIndex), on one
// channels-last (NHWC) image; `acc` holds 4·C doubles and the backward pass's `scratch` C·HW floats.
using ForwardImageKernel = void (*)(int variant, const void* x, void* out, const float* gamma, const float* beta,
                                    const float* bias, ImageShape sh, float eps, Dropout dp, float* mean, float* rstd,
                                    double* acc);
using BackwardImageKernel = void (*)(int variant, const void* x, const void* gy, void* dx, const float* gamma,
                                     const float* beta, const float* bias, ImageShape sh, const float* mean,
                                     const float* rstd, float* dgamma, float* dbeta, float* dbias, Dropout dp,
                                     double* acc, float* scratch);

// Handed out as pointers, so that each target_clones function is called only from its own file: clang 14
// names the function that picks the clone differently from the plain declaration another file would call.
ForwardImageKernel nhwcForward();
BackwardImageKernel nhwcBackward();

} // namespace ddpm::fusednormkernels
