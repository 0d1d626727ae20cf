#include "modelstate.h"

#include "names.h"

namespace ddpm {

std::vector<int64_t> ModelState::imageShape() const
{
    const auto& u = config.unet;
    return {u.imageChannels(), u.imageSize(), u.imageSize()};
}

Result<Weights> parseWeights(const std::string& name)
{
    const auto& names = weightsNames();
    for (size_t i = 0; i < names.size(); ++i)
        if (name == names[i])
            return static_cast<Weights>(i);
    return fail(DDPM_MSG("Engine", "unknown weights '%1' (expected one of %2)"), name, nameList(names));
}

Sampling samplingFrom(const ModelState& model, Weights weights, bool ownCopy)
{
    const UNet& net = ownCopy ? cloneUNet(weights == Weights::Ema ? model.ema : model.model)
                              : (weights == Weights::Ema ? model.ema : model.model);
    Sampling s{Diffusion(NoiseSchedule(model.config.schedule), model.config.prediction, model.device),
               makeDenoiser(net),
               model.imageShape(),
               {},
               {}};
    if (model.config.conditional()) {
        s.classDenoiser = makeClassDenoiser(net);
        s.classNames = classNamesOf(model.config);
    }
    return s;
}

Result<OpenedModel> openForSampling(const std::string& path, torch::Device device, Precision precision, Weights weights)
{
    auto loaded = loadCheckpoint(path, device);
    if (!loaded)
        return loaded.failure();
    ModelState& m = loaded.value();
    if (m.samplingOnly && weights == Weights::Raw) // its raw network is a copy of the EMA one
        return fail(DDPM_MSG("Engine", "'%1' holds only the EMA weights (it was exported for sampling): there are "
                                       "no raw weights to use"),
                    path);
    m.model->setPrecision(precision);
    m.ema->setPrecision(precision);
    auto sampling = samplingFrom(m, weights);
    return OpenedModel{std::move(m), std::move(sampling)};
}

ClassDenoiser makeClassDenoiser(UNet model)
{
    return [model](const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& labels) mutable {
        torch::NoGradGuard guard;
        model->eval();
        return model->forward(x, t, labels);
    };
}

Denoiser makeDenoiser(UNet model)
{
    return [model](const torch::Tensor& x, const torch::Tensor& t) mutable {
        torch::NoGradGuard guard;
        model->eval();
        return model->forward(x, t);
    };
}

} // namespace ddpm
