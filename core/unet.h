// The denoising U-Net of the paper's official code (Ho et al. 2020, Appendix B; diffusion_tf's
// models/unet.py): sinusoidal time embedding and a two-layer MLP (4·ch), residual blocks with
// GroupNorm, SiLU, dropout and a time projection, self-attention at chosen resolutions and in the
// middle, strided-conv downsampling, nearest upsampling followed by a conv, skip connections.
#pragma once

#include "names.h"
#include "options.h"
#include "precision.h"
#include "result.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace ddpm {

struct UNetOptions {
    TORCH_ARG(int64_t, ch) = 32;
    TORCH_ARG(std::vector<int64_t>, chMult) = std::vector<int64_t>{1, 2, 2};
    TORCH_ARG(int64_t, numResBlocks) = 2;
    TORCH_ARG(std::vector<int64_t>, attnResolutions) = std::vector<int64_t>{8};
    TORCH_ARG(double, dropout) = 0.1;
    TORCH_ARG(int64_t, imageChannels) = 1;
    TORCH_ARG(int64_t, imageSize) = 32;
    // Class-conditional when above 0: a learned embedding of the class (or of "no class") is added to the
    // time embedding.
    TORCH_ARG(int64_t, numClasses) = 0;
};

// Presets: "tiny" (tests), "reference" (1,623,169 parameters), "cifar" (35,746,307 parameters).
Result<UNetOptions> unetPreset(const std::string& name);
// Checks that the options describe a network that can be built (divisible sizes, positive widths).
Status validateUNetOptions(const UNetOptions& options);

// a [B, M, K] × b [B, K, N] → [B, M, N] (bmm; on the CPU through oneDNN, see unet.cpp).
torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b);

// A convolution in the compute precision: fp32 as the module does it, or bf16 inputs and weights
// (cast from the fp32 master weights, so gradients reach them) with an fp32 result.
torch::Tensor convolve(torch::nn::Conv2d& conv, const torch::Tensor& x, Precision precision);

// The sinusoidal embedding of (possibly fractional) timesteps t [B] into `dim` features.
torch::Tensor timestepEmbedding(const torch::Tensor& t, int64_t dim);

// A block that computes in the network's precision: UNetImpl::setPrecision reaches every submodule that
// is one, whatever its type, so a new block type cannot be missed by a hand-written list.
class PrecisionAware {
public:
    virtual ~PrecisionAware() = default;
    void setPrecision(Precision p) { m_precision = p; }
    Precision precision() const { return m_precision; }

protected:
    Precision m_precision = Precision::Fp32;
};

class ResBlockImpl : public torch::nn::Module, public PrecisionAware {
public:
    ResBlockImpl(int64_t inCh, int64_t outCh, int64_t tembCh, double dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb);

private:
    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, shortcut{nullptr};
    torch::nn::Linear tembProj{nullptr};
    double m_dropout = 0.0;
};
TORCH_MODULE(ResBlock);

class AttnBlockImpl : public torch::nn::Module, public PrecisionAware {
public:
    explicit AttnBlockImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::GroupNorm norm{nullptr};
    torch::nn::Conv2d q{nullptr}, k{nullptr}, v{nullptr}, projOut{nullptr};
};
TORCH_MODULE(AttnBlock);

class UNetImpl : public torch::nn::Module {
public:
    explicit UNetImpl(const UNetOptions& options);
    // x [B, C, H, W], t [B] timestep indices (0 … T−1) as any numeric dtype. labels [B] (int64): the class
    // of each image for a class-conditional network, kNoClass (or any negative value) for "no class";
    // undefined means no class for every image. An unconditional network ignores them.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& labels = {});
    const UNetOptions& options() const { return m_options; }
    int64_t parameterCount() const;
    // How forward() computes; the weights stay fp32 either way. Not saved: a checkpoint loads into
    // either precision.
    void setPrecision(Precision p);
    Precision precision() const { return m_precision; }

private:
    Precision m_precision = Precision::Fp32;
    struct Stage {
        std::vector<ResBlock> blocks;
        std::vector<AttnBlock> attns; // null where the resolution has no attention
        torch::nn::Conv2d resample{nullptr};
    };
    UNetOptions m_options;
    torch::nn::Linear temb0{nullptr}, temb1{nullptr};
    torch::nn::Embedding classEmb{nullptr}; // numClasses + 1 rows: the last is "no class"
    torch::Tensor classEmbedding(const torch::Tensor& labels, int64_t batch, torch::Device device);
    torch::nn::Conv2d convIn{nullptr}, convOut{nullptr};
    std::vector<Stage> m_down, m_up;
    ResBlock mid1{nullptr}, mid2{nullptr};
    AttnBlock midAttn{nullptr};
    torch::nn::GroupNorm normOut{nullptr};
};
TORCH_MODULE(UNet);

// A new network with the same options and a copy of the weights (on the same device).
UNet cloneUNet(const UNet& source);
// Copies every parameter of `from` into `to`, which has the same architecture.
void copyWeights(const torch::nn::Module& from, torch::nn::Module& to);

} // namespace ddpm
