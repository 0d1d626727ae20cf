// The fused GroupNorm–SiLU operations: the kernels' dispatch (fusednorm_nhwc.cpp), the autograd function
// around them, and LibTorch's composition where they do not apply. The kernels read channels-last images:
// the U-Net's activations on the CPU are (a training step and a denoising step of the reference and tiny
// presets, fp32 and bf16, called them 0 times for contiguous NCHW tensors when both layouts had kernels),
// and any other 4-D input is copied so first.
#include "fusednorm.h"

#include "dropout.h" // where the fused kernels do not apply
#include "fusednormkernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace ddpm {

namespace {

using namespace fusednormkernels;

// fastExp: the kernels' e^x, compiled for the same instruction sets.
DDPM_VECTOR_CLONES float expClone(float x)
{
    return expInline(x);
}

struct Shape {
    int64_t n, channels, hw;
};

Shape shapeOf(const torch::Tensor& x)
{
    const int64_t n = x.size(0), c = x.size(1);
    return {n, c, x.size(2) * x.size(3)};
}

// What the autograd function keeps of the call besides tensors.
struct Mode {
    int64_t groups = 1;
    bool silu = false;
    bool dropout = false;
    bool bias = false;
    Dropout dp;
};

// The kernels' index of a mode's variant (fusednormkernels.h says which types each reads and writes).
int variantOf(const Mode& m, bool bf16)
{
    const Variant v{m.silu, m.dropout, m.bias, bf16};
    TORCH_INTERNAL_ASSERT(hasKernel(v), "no fused kernel for this mode");
    return variantIndex(v);
}

// What the kernels read: a 4-D tensor laid out channels-last (with one channel or one pixel, also contiguous).
torch::Tensor channelsLast(const torch::Tensor& x)
{
    return x.contiguous(at::MemoryFormat::ChannelsLast);
}

size_t elementSize(const torch::Tensor& t)
{
    return static_cast<size_t>(t.element_size());
}

// x channels-last (channelsLast).
torch::Tensor fusedForward(const torch::Tensor& x, const torch::Tensor& gamma, const torch::Tensor& beta,
                           const torch::Tensor& bias, double eps, bool bf16, const Mode& m, torch::Tensor& mean,
                           torch::Tensor& rstd)
{
    const Shape s = shapeOf(x);
    const auto f32 = x.options().dtype(torch::kFloat32);
    auto out = torch::empty(
        x.sizes(),
        x.options().dtype(bf16 ? torch::kBFloat16 : torch::kFloat32).memory_format(at::MemoryFormat::ChannelsLast));
    mean = torch::empty({s.n * m.groups}, f32);
    rstd = torch::empty({s.n * m.groups}, f32);
    const auto* px = static_cast<const char*>(x.data_ptr());
    auto* po = static_cast<char*>(out.data_ptr());
    const size_t xs = elementSize(x), os = elementSize(out);
    const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
    const ForwardImageKernel kernel = nhwcForward();
    const int variant = variantOf(m, bf16);
    const ImageShape sh{s.channels, m.groups, s.hw};
    const int64_t d = s.channels * s.hw;
    const auto e = static_cast<float>(eps);
    at::parallel_for(0, s.n, 1, [&](int64_t begin, int64_t end) {
        std::vector<double> acc(static_cast<size_t>(4 * s.channels));
        for (int64_t n = begin; n < end; ++n) {
            Dropout dp = m.dp;
            dp.base = (n + dp.firstExample) * d;
            const auto at = static_cast<size_t>(n * d);
            kernel(variant, px + at * xs, po + at * os, gamma.data_ptr<float>(), beta.data_ptr<float>(),
                   pbias ? pbias + n * s.channels : nullptr, sh, e, dp, mean.data_ptr<float>() + n * m.groups,
                   rstd.data_ptr<float>() + n * m.groups, acc.data());
        }
    });
    return out;
}

// x and gy channels-last.
std::array<torch::Tensor, 4> fusedBackward(const torch::Tensor& x, const torch::Tensor& gy, const torch::Tensor& gamma,
                                           const torch::Tensor& beta, const torch::Tensor& bias,
                                           const torch::Tensor& mean, const torch::Tensor& rstd, const Mode& m)
{
    const Shape s = shapeOf(x);
    const auto f32 = x.options().dtype(torch::kFloat32);
    auto dx = torch::empty_like(x, at::MemoryFormat::ChannelsLast);
    auto dgammaParts = torch::empty({s.n, s.channels}, f32);
    auto dbetaParts = torch::empty({s.n, s.channels}, f32);
    auto dbias = m.bias ? torch::empty({s.n, s.channels}, f32) : torch::Tensor();
    const bool bf16 = gy.scalar_type() == torch::kBFloat16;
    const auto* px = static_cast<const char*>(x.data_ptr());
    const auto* pgy = static_cast<const char*>(gy.data_ptr());
    auto* pdx = static_cast<char*>(dx.data_ptr());
    const size_t xs = elementSize(x), gs = elementSize(gy);
    const float* pbias = m.bias ? bias.data_ptr<float>() : nullptr;
    float* pdbias = m.bias ? dbias.data_ptr<float>() : nullptr;
    const BackwardImageKernel kernel = nhwcBackward();
    const int variant = variantOf(m, bf16);
    const ImageShape sh{s.channels, m.groups, s.hw};
    const int64_t d = s.channels * s.hw;
    at::parallel_for(0, s.n, 1, [&](int64_t begin, int64_t end) {
        std::vector<double> acc(static_cast<size_t>(4 * s.channels));
        std::vector<float> scratch(static_cast<size_t>(d));
        for (int64_t n = begin; n < end; ++n) {
            Dropout dp = m.dp;
            dp.base = (n + dp.firstExample) * d;
            const auto at = static_cast<size_t>(n * d);
            const int64_t nc = n * s.channels;
            kernel(variant, px + at * xs, pgy + at * gs, pdx + at * xs, gamma.data_ptr<float>(), beta.data_ptr<float>(),
                   pbias ? pbias + nc : nullptr, sh, mean.data_ptr<float>() + n * m.groups,
                   rstd.data_ptr<float>() + n * m.groups, dgammaParts.data_ptr<float>() + nc,
                   dbetaParts.data_ptr<float>() + nc, pdbias ? pdbias + nc : nullptr, dp, acc.data(), scratch.data());
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
        auto gy = channelsLast(grads[0].to(bf16 ? torch::kBFloat16 : torch::kFloat32));
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

// Where the fused kernels apply: a 4-D image batch on the CPU, contiguous fp32 parameters; an fp32 input,
// or with a bias [N, C] (then SiLU) an input of the output's type.
bool fusable(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma, const torch::Tensor& beta, bool silu,
             torch::ScalarType outType, const torch::Tensor& bias)
{
    const auto contiguousFloat = [](const torch::Tensor& t) {
        return t.defined() && t.is_cpu() && t.scalar_type() == torch::kFloat32 && t.is_contiguous();
    };
    if (!x.is_cpu() || x.dim() != 4 || x.numel() == 0 || groups <= 0 || x.size(1) % groups != 0)
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
        m.dp.firstExample = dropoutBatchSlice().first;
    }
    // Every tensor handed to a custom autograd function must be defined (LibTorch 1.13 asks each for its
    // device): without a bias an empty one stands in.
    return GroupNormActFunction::apply(channelsLast(x), gamma, beta, m.bias ? bias : torch::empty({0}, gamma.options()),
                                       eps, outType == torch::kBFloat16, m);
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
