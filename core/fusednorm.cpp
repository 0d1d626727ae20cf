#include "fusednorm.h"

#include "unet.h" // fastDropout, where the fused kernels do not apply

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ddpm {

namespace {

// The loops below are written so that the compiler vectorises them (`omp simd`, no branches, no
// library calls); each per-group function is compiled for x86-64-v4 (AVX-512 with BW and VL, for the
// 16-bit bf16 lanes), x86-64-v3 (AVX2, FMA) and plain x86-64, and the
// loader picks the one the CPU runs (GCC and Clang's target_clones).
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
// number; NaN passes through r.
inline float expInline(float x)
{
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f; // round to nearest integer
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
    uint32_t drop = 0;   // drop when hash < drop (of 2^24)
    float scale = 1.0f;  // 1/q, q = 1 − drop/2^24
    int64_t base = 0;    // index of the group's first element in the tensor
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

// One group of one image: `channels` channels of `hw` values each, contiguous.
template <bool Silu, bool Drop, typename Out>
inline __attribute__((always_inline)) GroupStats forwardGroup(const float* x, Out* out, const float* gamma,
                                                              const float* beta, int64_t channels, int64_t hw,
                                                              float eps, Dropout dp)
{
    const int64_t d = channels * hw;
    double sum = 0;
#pragma omp simd reduction(+ : sum)
    for (int64_t i = 0; i < d; ++i)
        sum += x[i];
    const auto mean = static_cast<float>(sum / static_cast<double>(d));
    double squares = 0;
#pragma omp simd reduction(+ : squares)
    for (int64_t i = 0; i < d; ++i) {
        const float c = x[i] - mean;
        squares += c * c;
    }
    const auto rstd = static_cast<float>(1.0 / std::sqrt(squares / static_cast<double>(d) + eps));
    for (int64_t c = 0; c < channels; ++c) {
        const float a = rstd * gamma[c];
        const float b = beta[c] - mean * a;
        const float* xc = x + c * hw;
        Out* oc = out + c * hw;
        const int64_t first = dp.base + c * hw;
#pragma omp simd
        for (int64_t i = 0; i < hw; ++i) {
            const float y = xc[i] * a + b;
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
//   dx = rstd · (γ·g − mean(γ·g) − x̂ · mean(γ·g·x̂)),  x̂ = (x − μ)·rstd.
template <bool Silu, bool Drop, typename Grad>
inline __attribute__((always_inline)) void backwardGroup(const float* x, const Grad* gy, float* dx,
                                                         const float* gamma, const float* beta, int64_t channels,
                                                         int64_t hw, GroupStats s, float* dgamma, float* dbeta,
                                                         float* scratch, Dropout dp)
{
    double sumG = 0;  // Σ γ·g
    double sumGX = 0; // Σ γ·g·x̂
    for (int64_t c = 0; c < channels; ++c) {
        const float gm = gamma[c];
        const float bt = beta[c];
        const float* xc = x + c * hw;
        float* sc = scratch + c * hw;
        const int64_t first = dp.base + c * hw;
        double dg = 0, db = 0;
#pragma omp simd reduction(+ : dg, db)
        for (int64_t i = 0; i < hw; ++i) {
            const float xh = (xc[i] - s.mean) * s.rstd;
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
        const float* xc = x + c * hw;
        const float* sc = scratch + c * hw;
        float* dc = dx + c * hw;
#pragma omp simd
        for (int64_t i = 0; i < hw; ++i) {
            const float xh = (xc[i] - s.mean) * s.rstd;
            dc[i] = s.rstd * (gm * sc[i] - meanG - xh * meanGX);
        }
    }
}

// The instances the kernels dispatch to, each compiled for several instruction sets: SiLU or not,
// dropout or not (only after SiLU), fp32 or bf16.
#define DDPM_FORWARD(NAME, SILU, DROP, OUT)                                                                    \
    DDPM_VECTOR_CLONES GroupStats NAME(const float* x, OUT* out, const float* gamma, const float* beta,         \
                                       int64_t channels, int64_t hw, float eps, Dropout dp)                    \
    {                                                                                                          \
        return forwardGroup<SILU, DROP>(x, out, gamma, beta, channels, hw, eps, dp);                           \
    }
DDPM_FORWARD(forwardSiluF32, true, false, float)
DDPM_FORWARD(forwardSiluBf16, true, false, uint16_t)
DDPM_FORWARD(forwardSiluDropF32, true, true, float)
DDPM_FORWARD(forwardSiluDropBf16, true, true, uint16_t)
DDPM_FORWARD(forwardF32, false, false, float)
DDPM_FORWARD(forwardBf16, false, false, uint16_t)
#undef DDPM_FORWARD

#define DDPM_BACKWARD(NAME, SILU, DROP, GRAD)                                                                  \
    DDPM_VECTOR_CLONES void NAME(const float* x, const GRAD* gy, float* dx, const float* gamma, const float* beta, \
                                 int64_t channels, int64_t hw, GroupStats s, float* dgamma, float* dbeta,      \
                                 float* scratch, Dropout dp)                                                   \
    {                                                                                                          \
        backwardGroup<SILU, DROP>(x, gy, dx, gamma, beta, channels, hw, s, dgamma, dbeta, scratch, dp);        \
    }
DDPM_BACKWARD(backwardSiluF32, true, false, float)
DDPM_BACKWARD(backwardSiluBf16, true, false, uint16_t)
DDPM_BACKWARD(backwardSiluDropF32, true, true, float)
DDPM_BACKWARD(backwardSiluDropBf16, true, true, uint16_t)
DDPM_BACKWARD(backwardF32, false, false, float)
DDPM_BACKWARD(backwardBf16, false, false, uint16_t)
#undef DDPM_BACKWARD

using ForwardF32 = GroupStats (*)(const float*, float*, const float*, const float*, int64_t, int64_t, float, Dropout);
using ForwardBf16 = GroupStats (*)(const float*, uint16_t*, const float*, const float*, int64_t, int64_t, float,
                                   Dropout);
using BackwardF32 = void (*)(const float*, const float*, float*, const float*, const float*, int64_t, int64_t,
                             GroupStats, float*, float*, float*, Dropout);
using BackwardBf16 = void (*)(const float*, const uint16_t*, float*, const float*, const float*, int64_t, int64_t,
                              GroupStats, float*, float*, float*, Dropout);

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

uint16_t* bf16Data(torch::Tensor& t)
{
    return reinterpret_cast<uint16_t*>(t.data_ptr<at::BFloat16>());
}
const uint16_t* bf16Data(const torch::Tensor& t)
{
    return reinterpret_cast<const uint16_t*>(t.data_ptr<at::BFloat16>());
}

// What the autograd function keeps of the call besides tensors.
struct Mode {
    int64_t groups = 1;
    bool silu = false;
    bool dropout = false;
    Dropout dp;
};

torch::Tensor fusedForward(const torch::Tensor& x, const torch::Tensor& gamma, const torch::Tensor& beta, double eps,
                           bool bf16, const Mode& m, torch::Tensor& mean, torch::Tensor& rstd)
{
    const Shape s = shapeOf(x, m.groups);
    auto out = torch::empty(x.sizes(), x.options().dtype(bf16 ? torch::kBFloat16 : torch::kFloat32));
    mean = torch::empty({s.n * m.groups}, x.options());
    rstd = torch::empty({s.n * m.groups}, x.options());
    const float* px = x.data_ptr<float>();
    const float* pg = gamma.data_ptr<float>();
    const float* pb = beta.data_ptr<float>();
    float* pm = mean.data_ptr<float>();
    float* pr = rstd.data_ptr<float>();
    float* of = bf16 ? nullptr : out.data_ptr<float>();
    uint16_t* ob = bf16 ? bf16Data(out) : nullptr;
    const ForwardF32 f32 = m.dropout ? forwardSiluDropF32 : m.silu ? forwardSiluF32 : forwardF32;
    const ForwardBf16 fbf = m.dropout ? forwardSiluDropBf16 : m.silu ? forwardSiluBf16 : forwardBf16;
    const int64_t d = s.perGroup * s.hw;
    const auto e = static_cast<float>(eps);
    at::parallel_for(0, s.n * m.groups, 1, [&](int64_t begin, int64_t end) {
        for (int64_t ng = begin; ng < end; ++ng) {
            const int64_t c0 = (ng % m.groups) * s.perGroup;
            Dropout dp = m.dp;
            dp.base = ng * d;
            const GroupStats st = bf16 ? fbf(px + ng * d, ob + ng * d, pg + c0, pb + c0, s.perGroup, s.hw, e, dp)
                                       : f32(px + ng * d, of + ng * d, pg + c0, pb + c0, s.perGroup, s.hw, e, dp);
            pm[ng] = st.mean;
            pr[ng] = st.rstd;
        }
    });
    return out;
}

std::array<torch::Tensor, 3> fusedBackward(const torch::Tensor& x, const torch::Tensor& gy, const torch::Tensor& gamma,
                                           const torch::Tensor& beta, const torch::Tensor& mean,
                                           const torch::Tensor& rstd, const Mode& m)
{
    const Shape s = shapeOf(x, m.groups);
    auto dx = torch::empty_like(x);
    auto dgammaParts = torch::empty({s.n, s.channels}, x.options());
    auto dbetaParts = torch::empty({s.n, s.channels}, x.options());
    const bool bf16 = gy.scalar_type() == torch::kBFloat16;
    const float* px = x.data_ptr<float>();
    const float* pg = gamma.data_ptr<float>();
    const float* pb = beta.data_ptr<float>();
    const float* pm = mean.data_ptr<float>();
    const float* pr = rstd.data_ptr<float>();
    const float* gf = bf16 ? nullptr : gy.data_ptr<float>();
    const uint16_t* gb = bf16 ? bf16Data(gy) : nullptr;
    float* pdx = dx.data_ptr<float>();
    float* pdg = dgammaParts.data_ptr<float>();
    float* pdb = dbetaParts.data_ptr<float>();
    const BackwardF32 f32 = m.dropout ? backwardSiluDropF32 : m.silu ? backwardSiluF32 : backwardF32;
    const BackwardBf16 fbf = m.dropout ? backwardSiluDropBf16 : m.silu ? backwardSiluBf16 : backwardBf16;
    const int64_t d = s.perGroup * s.hw;
    at::parallel_for(0, s.n * m.groups, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> scratch(static_cast<size_t>(d));
        for (int64_t ng = begin; ng < end; ++ng) {
            const int64_t c0 = (ng % m.groups) * s.perGroup;
            // dγ and dβ per image and channel; summed over the batch below.
            const int64_t part = (ng / m.groups) * s.channels + c0;
            const GroupStats st{pm[ng], pr[ng]};
            Dropout dp = m.dp;
            dp.base = ng * d;
            if (bf16)
                fbf(px + ng * d, gb + ng * d, pdx + ng * d, pg + c0, pb + c0, s.perGroup, s.hw, st, pdg + part,
                    pdb + part, scratch.data(), dp);
            else
                f32(px + ng * d, gf + ng * d, pdx + ng * d, pg + c0, pb + c0, s.perGroup, s.hw, st, pdg + part,
                    pdb + part, scratch.data(), dp);
        }
    });
    return {dx, dgammaParts.sum(0), dbetaParts.sum(0)};
}

class GroupNormActFunction : public torch::autograd::Function<GroupNormActFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& gamma, const torch::Tensor& beta, double eps, bool bf16,
                                 Mode mode)
    {
        torch::Tensor mean, rstd;
        auto out = fusedForward(x, gamma, beta, eps, bf16, mode, mean, rstd);
        ctx->save_for_backward({x, gamma, beta, mean, rstd});
        ctx->saved_data["groups"] = mode.groups;
        ctx->saved_data["silu"] = mode.silu;
        ctx->saved_data["dropout"] = mode.dropout;
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
        m.dp.key0 = static_cast<uint32_t>(ctx->saved_data["key0"].toInt());
        m.dp.key1 = static_cast<uint32_t>(ctx->saved_data["key1"].toInt());
        m.dp.drop = static_cast<uint32_t>(ctx->saved_data["drop"].toInt());
        m.dp.scale = static_cast<float>(ctx->saved_data["scale"].toDouble());
        auto gy = grads[0];
        if (gy.scalar_type() != torch::kBFloat16 && gy.scalar_type() != torch::kFloat32)
            gy = gy.to(torch::kFloat32);
        gy = gy.contiguous();
        auto [dx, dgamma, dbeta] = fusedBackward(saved[0], gy, saved[1], saved[2], saved[3], saved[4], m);
        return {dx, dgamma, dbeta, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor groupNormActReference(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                                    const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType)
{
    auto y = torch::group_norm(x, groups, gamma, beta, eps);
    if (silu)
        y = torch::silu(y);
    return y.to(outType);
}

namespace {

bool fusable(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma, const torch::Tensor& beta,
             torch::ScalarType outType)
{
    return x.is_cpu() && x.scalar_type() == torch::kFloat32 && x.dim() >= 2 && x.is_contiguous() && x.numel() > 0 &&
           groups > 0 && x.size(1) % groups == 0 && gamma.defined() && beta.defined() &&
           gamma.scalar_type() == torch::kFloat32 && beta.scalar_type() == torch::kFloat32 && gamma.is_contiguous() &&
           beta.is_contiguous() && (outType == torch::kFloat32 || outType == torch::kBFloat16);
}

} // namespace

torch::Tensor groupNormAct(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                           const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType)
{
    if (!fusable(x, groups, gamma, beta, outType))
        return groupNormActReference(x, groups, gamma, beta, eps, silu, outType);
    Mode m;
    m.groups = groups;
    m.silu = silu;
    return GroupNormActFunction::apply(x, gamma, beta, eps, outType == torch::kBFloat16, m);
}

torch::Tensor groupNormAct(const torch::Tensor& x, const torch::nn::GroupNorm& norm, bool silu,
                           torch::ScalarType outType)
{
    const auto& o = norm->options;
    return groupNormAct(x, o.num_groups(), norm->weight, norm->bias, o.eps(), silu, outType);
}

torch::Tensor groupNormSiluDropout(const torch::Tensor& x, const torch::nn::GroupNorm& norm, double p, bool training,
                                   torch::ScalarType outType)
{
    const auto& o = norm->options;
    constexpr double levels = 1 << 24;
    const auto drop = static_cast<uint32_t>(std::min(std::llround(p * levels), (1LL << 24) - 1));
    if (!training || drop == 0)
        return groupNormAct(x, norm, true, outType);
    if (!fusable(x, o.num_groups(), norm->weight, norm->bias, outType))
        return fastDropout(groupNormAct(x, norm, true, outType), p, true);
    Mode m;
    m.groups = o.num_groups();
    m.silu = true;
    m.dropout = true;
    // 64 key bits from LibTorch's generator: torch::manual_seed makes the masks repeat.
    const auto key = torch::empty({2}, torch::kInt64).random_(0, int64_t{1} << 32);
    m.dp.key0 = static_cast<uint32_t>(key[0].item<int64_t>());
    m.dp.key1 = static_cast<uint32_t>(key[1].item<int64_t>());
    m.dp.drop = drop;
    m.dp.scale = static_cast<float>(1.0 / (1.0 - drop / levels));
    return GroupNormActFunction::apply(x, norm->weight, norm->bias, o.eps(), outType == torch::kBFloat16, m);
}

float fastExp(float x)
{
    return expClone(x);
}

} // namespace ddpm
