#include "unet.h"

#include "fusednorm.h"
#include "sizelimits.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

namespace nn = torch::nn;

namespace {

// GroupNorm with 32 groups as in the official code, but never fewer than 4 channels a group: with one
// channel a group (32 channels, 32 groups) the norm after the time projection would subtract the
// per-channel time offset again and the block could not see t. At the paper's widths (ch ≥ 128) this
// is exactly GroupNorm(32); the parameter count does not depend on the number of groups.
nn::GroupNorm groupNorm(int64_t channels)
{
    int64_t groups = std::clamp<int64_t>(channels / 4, 1, 32);
    while (channels % groups != 0)
        --groups;
    return nn::GroupNorm(nn::GroupNormOptions(groups, channels).eps(1e-6));
}

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2));
}

bool contains(const std::vector<int64_t>& v, int64_t x)
{
    return std::find(v.begin(), v.end(), x) != v.end();
}

// The official code initialises the last conv of each residual branch with scale 0 ("init_scale=0.")
// so every block starts as the identity. Near-zero rather than zero keeps gradients flowing to the
// layers before it from the first step.
void shrink(nn::Conv2d& c, double scale = 1e-5)
{
    torch::NoGradGuard guard;
    c->weight.mul_(scale);
}

} // namespace

torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b)
{
    if (!a.is_cpu())
        return torch::bmm(a, b);
    // On the CPU, bmm of small matrices goes through the BLAS one matrix at a time; the same product
    // as a grouped 1×1 convolution runs in oneDNN and is about 4× faster, forward and backward.
    const auto B = a.size(0), M = a.size(1), K = a.size(2), N = b.size(2);
    const std::vector<int64_t> one{1, 1}, zero{0, 0};
    auto out =
        torch::conv2d(b.reshape({1, B * K, N, 1}), a.reshape({B * M, K, 1, 1}), torch::Tensor(), one, zero, one, B);
    return out.reshape({B, M, N});
}

namespace {

// The convolution in the precision's compute type: bf16 in, bf16 out in mixed precision.
torch::Tensor convolveLow(nn::Conv2d& conv, const torch::Tensor& x, Precision precision)
{
    if (precision == Precision::Fp32)
        return conv->forward(x);
    const auto& o = conv->options;
    const auto bf16 = torch::kBFloat16;
    const int64_t pad = conv->weight.size(2) / 2;
    return torch::conv2d(x.to(bf16), conv->weight.to(bf16),
                         conv->bias.defined() ? conv->bias.to(bf16) : torch::Tensor(), o.stride(),
                         std::vector<int64_t>{pad, pad});
}

// A dense layer of the time embedding in the precision's compute type, with an fp32 result. In mixed
// precision the product runs in bf16 (oneDNN; the reference BLAS takes about ten times as long for
// these small fp32 products), the weights stay fp32 masters.
torch::Tensor denseLow(nn::Linear& layer, const torch::Tensor& x, Precision precision)
{
    if (precision == Precision::Fp32)
        return layer->forward(x);
    const auto bf16 = torch::kBFloat16;
    return torch::linear(x.to(bf16), layer->weight.to(bf16), layer->bias.to(bf16)).to(torch::kFloat32);
}

} // namespace

torch::Tensor convolve(nn::Conv2d& conv, const torch::Tensor& x, Precision precision)
{
    return convolveLow(conv, x, precision).to(torch::kFloat32);
}

namespace {

// What the normalisation before a convolution hands it: bf16 in mixed precision (the conversion is part
// of the fused GroupNorm–SiLU pass), fp32 otherwise.
torch::ScalarType activationType(Precision p)
{
    return p == Precision::Bf16 ? torch::kBFloat16 : torch::kFloat32;
}

} // namespace

Result<UNetOptions> unetPreset(const std::string& name)
{
    UNetOptions o;
    if (name == "tiny") {
        o.ch(16).chMult({1, 2}).numResBlocks(1).attnResolutions({8}).dropout(0.0).imageChannels(1).imageSize(16);
    } else if (name == "reference") {
        o.ch(32).chMult({1, 2, 2}).numResBlocks(2).attnResolutions({8}).dropout(0.1).imageChannels(1).imageSize(32);
    } else if (name == "cifar") {
        o.ch(128)
            .chMult({1, 2, 2, 2})
            .numResBlocks(2)
            .attnResolutions({16})
            .dropout(0.1)
            .imageChannels(3)
            .imageSize(32);
    } else {
        return fail(DDPM_MSG("Engine", "unknown model preset '%1' (expected one of %2)"), name,
                    nameList(unetPresetNames()));
    }
    return o;
}

Status validateUNetOptions(const UNetOptions& o)
{
    if (o.ch() < 1 || o.ch() % 2 != 0 || o.ch() > limits::kMaxWidth)
        return fail(DDPM_MSG("Engine", "the base width ch must be a positive even number of at most %1"),
                    limits::kMaxWidth);
    if (o.chMult().empty() || static_cast<int64_t>(o.chMult().size()) > limits::kMaxLevels)
        return fail(DDPM_MSG("Engine", "ch_mult needs between 1 and %1 levels"), limits::kMaxLevels);
    for (auto m : o.chMult())
        if (m < 1 || m > limits::kMaxChannelMultiplier)
            return fail(DDPM_MSG("Engine", "every ch_mult entry must be between 1 and %1"),
                        limits::kMaxChannelMultiplier);
    if (o.numResBlocks() < 1 || o.numResBlocks() > limits::kMaxResBlocks)
        return fail(DDPM_MSG("Engine", "num_res_blocks must be between 1 and %1"), limits::kMaxResBlocks);
    if (static_cast<int64_t>(o.attnResolutions().size()) > limits::kMaxAttnResolutions)
        return fail(DDPM_MSG("Engine", "attn_resolutions may name at most %1 resolutions"),
                    limits::kMaxAttnResolutions);
    if (o.numClasses() < 0 || o.numClasses() > limits::kMaxClasses)
        return fail(DDPM_MSG("Engine", "the number of classes must be between 0 and %1"), limits::kMaxClasses);
    for (auto r : o.attnResolutions())
        if (r < 1 || r > limits::kMaxImageSize)
            return fail(DDPM_MSG("Engine", "every attention resolution must be between 1 and %1"),
                        limits::kMaxImageSize);
    if (o.imageChannels() != 1 && o.imageChannels() != 3)
        return fail(DDPM_MSG("Engine", "images must have 1 (grey) or 3 (RGB) channels"));
    const int64_t divisor = int64_t{1} << (o.chMult().size() - 1);
    if (o.imageSize() < divisor || o.imageSize() % divisor != 0 || o.imageSize() > limits::kMaxImageSize)
        return fail(
            DDPM_MSG("Engine", "the image size %1 must be a multiple of %2 (one halving per level) and at most 512"),
            o.imageSize(), divisor);
    if (o.dropout() < 0.0 || o.dropout() >= 1.0)
        return fail(DDPM_MSG("Engine", "dropout must lie in [0, 1)"));
    return Ok{};
}

torch::Tensor timestepEmbedding(const torch::Tensor& t, int64_t dim)
{
    const int64_t half = dim / 2;
    const double scale = std::log(10000.0) / static_cast<double>(std::max<int64_t>(half - 1, 1));
    auto freqs = torch::exp(torch::arange(half, torch::dtype(torch::kFloat32).device(t.device())) * -scale);
    auto args = t.to(torch::kFloat32).unsqueeze(1) * freqs.unsqueeze(0);
    auto emb = torch::cat({torch::sin(args), torch::cos(args)}, 1);
    if (dim % 2 == 1)
        emb = torch::nn::functional::pad(emb, torch::nn::functional::PadFuncOptions({0, 1}));
    return emb;
}

ResBlockImpl::ResBlockImpl(int64_t inCh, int64_t outCh, int64_t tembCh, double dropout)
{
    norm1 = register_module("norm1", groupNorm(inCh));
    conv1 = register_module("conv1", conv(inCh, outCh, 3));
    tembProj = register_module("temb_proj", nn::Linear(tembCh, outCh));
    norm2 = register_module("norm2", groupNorm(outCh));
    m_dropout = dropout;
    conv2 = register_module("conv2", conv(outCh, outCh, 3));
    shrink(conv2);
    if (inCh != outCh)
        shortcut = register_module("nin_shortcut", conv(inCh, outCh, 1));
}

torch::Tensor ResBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& temb)
{
    const auto p = m_precision;
    // The time embedding is added to conv1's output inside the next normalisation (one pass, and the
    // sum is never stored); conv1's output stays in the compute type.
    auto h = convolveLow(conv1, groupNormAct(x, norm1, true, activationType(p)), p);
    const auto t = denseLow(tembProj, torch::silu(temb), p);
    h = convolve(conv2, groupNormSiluDropout(h, norm2, m_dropout, is_training(), activationType(p), t), p);
    return (shortcut ? convolve(shortcut, x, p) : x) + h;
}

AttnBlockImpl::AttnBlockImpl(int64_t channels)
{
    norm = register_module("norm", groupNorm(channels));
    q = register_module("q", conv(channels, channels, 1));
    k = register_module("k", conv(channels, channels, 1));
    v = register_module("v", conv(channels, channels, 1));
    projOut = register_module("proj_out", conv(channels, channels, 1));
    shrink(projOut);
}

torch::Tensor AttnBlockImpl::forward(const torch::Tensor& x)
{
    const auto B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
    const auto p = m_precision;
    auto h = groupNormAct(x, norm, false, activationType(p));
    auto qq = convolve(q, h, p).reshape({B, C, H * W}).transpose(1, 2); // [B, HW, C]
    auto kk = convolve(k, h, p).reshape({B, C, H * W});                 // [B, C, HW]
    auto vv = convolve(v, h, p).reshape({B, C, H * W}).transpose(1, 2); // [B, HW, C]
    const double scale = 1.0 / std::sqrt(static_cast<double>(C));
    torch::Tensor out;
    if (p == Precision::Bf16) {
        // The products in bf16, the softmax in fp32.
        const auto bf16 = torch::kBFloat16;
        auto w = torch::softmax(batchedMatmul(qq.to(bf16), kk.to(bf16)).to(torch::kFloat32) * scale, -1);
        out = batchedMatmul(w.to(bf16), vv.to(bf16)).to(torch::kFloat32);
    } else {
        auto w = torch::softmax(batchedMatmul(qq, kk) * scale, -1);
        out = batchedMatmul(w, vv);
    }
    return x + convolve(projOut, out.transpose(1, 2).reshape({B, C, H, W}).contiguous(x.suggest_memory_format()), p);
}

UNetImpl::UNetImpl(const UNetOptions& o)
    : m_options(o)
{
    const int64_t ch = o.ch();
    const int64_t tembCh = 4 * ch;
    const auto& mult = o.chMult();
    const auto levels = static_cast<int64_t>(mult.size());

    temb0 = register_module("temb_dense0", nn::Linear(ch, tembCh));
    temb1 = register_module("temb_dense1", nn::Linear(tembCh, tembCh));
    if (o.numClasses() > 0)
        classEmb = register_module("class_emb", nn::Embedding(o.numClasses() + 1, tembCh));
    convIn = register_module("conv_in", conv(o.imageChannels(), ch, 3));

    // Down path: record the channel count of every tensor pushed on the skip stack.
    std::vector<int64_t> skipCh{ch};
    int64_t cur = ch;
    int64_t res = o.imageSize();
    for (int64_t i = 0; i < levels; ++i) {
        Stage s;
        const int64_t out = ch * mult[static_cast<size_t>(i)];
        for (int64_t b = 0; b < o.numResBlocks(); ++b) {
            const std::string name = "down" + std::to_string(i) + "_block" + std::to_string(b);
            s.blocks.push_back(register_module(name, ResBlock(cur, out, tembCh, o.dropout())));
            cur = out;
            s.attns.push_back(
                contains(o.attnResolutions(), res)
                    ? register_module("down" + std::to_string(i) + "_attn" + std::to_string(b), AttnBlock(cur))
                    : AttnBlock(nullptr));
            skipCh.push_back(cur);
        }
        if (i != levels - 1) {
            s.resample = register_module("down" + std::to_string(i) + "_downsample", conv(cur, cur, 3, 2));
            skipCh.push_back(cur);
            res /= 2;
        }
        m_down.push_back(std::move(s));
    }

    mid1 = register_module("mid_block1", ResBlock(cur, cur, tembCh, o.dropout()));
    midAttn = register_module("mid_attn", AttnBlock(cur));
    mid2 = register_module("mid_block2", ResBlock(cur, cur, tembCh, o.dropout()));

    for (int64_t i = levels - 1; i >= 0; --i) {
        Stage s;
        const int64_t out = ch * mult[static_cast<size_t>(i)];
        for (int64_t b = 0; b < o.numResBlocks() + 1; ++b) {
            const int64_t skip = skipCh.back();
            skipCh.pop_back();
            const std::string name = "up" + std::to_string(i) + "_block" + std::to_string(b);
            s.blocks.push_back(register_module(name, ResBlock(cur + skip, out, tembCh, o.dropout())));
            cur = out;
            s.attns.push_back(
                contains(o.attnResolutions(), res)
                    ? register_module("up" + std::to_string(i) + "_attn" + std::to_string(b), AttnBlock(cur))
                    : AttnBlock(nullptr));
        }
        if (i != 0) {
            s.resample = register_module("up" + std::to_string(i) + "_upsample", conv(cur, cur, 3));
            res *= 2;
        }
        m_up.push_back(std::move(s));
    }

    normOut = register_module("norm_out", groupNorm(cur));
    convOut = register_module("conv_out", conv(cur, o.imageChannels(), 3));
    shrink(convOut);
}

torch::Tensor UNetImpl::classEmbedding(const torch::Tensor& labels, int64_t batch, torch::Device device)
{
    const int64_t none = m_options.numClasses();
    auto y = labels.defined()
                 ? labels.to(device, torch::kInt64)
                 : torch::full({batch}, kNoClass, torch::TensorOptions().dtype(torch::kInt64).device(device));
    TORCH_CHECK(y.dim() == 1 && y.size(0) == batch, "UNet: one label per image");
    // Checked where it costs no device synchronisation (an index past the table fails inside CUDA anyway).
    TORCH_CHECK(!y.is_cpu() || y.numel() == 0 || y.max().item<int64_t>() < none,
                "UNet: a label beyond the model's classes");
    return classEmb(torch::where(y < 0, torch::full_like(y, none), y));
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& labels)
{
    const auto p = m_precision;
    auto temb = denseLow(temb1, torch::silu(denseLow(temb0, timestepEmbedding(t, m_options.ch()), p)), p);
    if (classEmb)
        temb = temb + classEmbedding(labels, x.size(0), x.device()).to(temb.scalar_type());
    // On the CPU the activations are kept channels-last (NHWC), oneDNN's own layout: the convolutions then
    // need no reordering of their inputs and outputs, and the fused normalisations read it directly.
    auto h0 = convolve(convIn, x, p);
    if (h0.is_cpu())
        h0 = h0.contiguous(at::MemoryFormat::ChannelsLast);
    std::vector<torch::Tensor> hs{h0};
    for (auto& s : m_down) {
        for (size_t b = 0; b < s.blocks.size(); ++b) {
            auto h = s.blocks[b](hs.back(), temb);
            if (s.attns[b])
                h = s.attns[b](h);
            hs.push_back(h);
        }
        if (s.resample)
            hs.push_back(convolve(s.resample, hs.back(), p));
    }
    auto h = mid2(midAttn(mid1(hs.back(), temb)), temb);
    for (auto& s : m_up) {
        for (size_t b = 0; b < s.blocks.size(); ++b) {
            h = s.blocks[b](torch::cat({h, hs.back()}, 1), temb);
            hs.pop_back();
            if (s.attns[b])
                h = s.attns[b](h);
        }
        if (s.resample) {
            // Nearest upsampling only copies values: in bf16 it moves half the bytes, and the conversion
            // the convolution needs anyway touches a quarter of the pixels.
            h = torch::upsample_nearest2d(h.to(activationType(p)), std::vector<int64_t>{h.size(2) * 2, h.size(3) * 2});
            h = convolve(s.resample, h, p);
        }
    }
    return convolve(convOut, groupNormAct(h, normOut, true, activationType(p)), p).contiguous();
}

void UNetImpl::setPrecision(Precision p)
{
    m_precision = p;
    for (const auto& m : modules(/*include_self=*/false))
        if (auto* block = dynamic_cast<PrecisionAware*>(m.get()))
            block->setPrecision(p);
}

int64_t UNetImpl::parameterCount() const
{
    int64_t n = 0;
    for (const auto& p : parameters())
        n += p.numel();
    return n;
}

void copyWeights(const torch::nn::Module& from, torch::nn::Module& to)
{
    torch::NoGradGuard guard;
    const auto src = from.parameters();
    auto dst = to.parameters();
    TORCH_CHECK(src.size() == dst.size(), "copyWeights: the networks differ");
    for (size_t i = 0; i < src.size(); ++i)
        dst[i].copy_(src[i]);
}

UNet cloneUNet(const UNet& source)
{
    UNet copy(source->options());
    const auto src = source->parameters();
    copy->to(src.empty() ? torch::Device(torch::kCPU) : src.front().device());
    copyWeights(*source, *copy);
    copy->eval();
    copy->setPrecision(source->precision());
    return copy;
}

} // namespace ddpm
