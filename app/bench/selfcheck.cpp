// ddpm-selfcheck: checks the samplers with an exact (oracle) denoiser on the chosen device and
// compares the device's result with the CPU's. Qt-free, for GPU servers.
//   ddpm-selfcheck [--device cpu|cuda]
#include "dataset.h"
#include "oracle.h"
#include "sampler.h"
#include "trainer.h"

#include <cstdio>
#include <cstring>
#include <string>

using namespace ddpm;

namespace {

torch::Tensor sampleOn(torch::Device device, SamplerOptions o, const torch::Tensor& x0Star)
{
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon, device);
    ReverseProcess rp(diffusion, singleImageOracle(diffusion, x0Star.to(device)), o,
                      {x0Star.size(0), x0Star.size(1), x0Star.size(2)});
    rp.run();
    return rp.current().to(torch::kCPU);
}

} // namespace

int main(int argc, char** argv)
{
    std::string deviceName = "cpu";
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--device") == 0)
            deviceName = argv[i + 1];
    auto device = parseDevice(deviceName);
    if (!device) {
        std::fprintf(stderr, "ddpm-selfcheck: %s\n", device.error().c_str());
        return 2;
    }
    auto shapes = makeSyntheticShapes(1, 1, 32, 7);
    auto x0Star = shapes.images[0].to(torch::kFloat32) * (2.0 / 255.0) - 1.0;

    struct Case { const char* name; SamplerKind kind; VarianceKind var; double eta; };
    const Case cases[] = {{"ddpm-beta", SamplerKind::Ddpm, VarianceKind::Beta, 0},
                          {"ddpm-beta-tilde", SamplerKind::Ddpm, VarianceKind::BetaTilde, 0},
                          {"ddim-eta0", SamplerKind::Ddim, VarianceKind::BetaTilde, 0.0},
                          {"ddim-eta1", SamplerKind::Ddim, VarianceKind::BetaTilde, 1.0}};
    bool ok = true;
    for (const auto& c : cases) {
        SamplerOptions o;
        o.kind = c.kind;
        o.variance = c.var;
        o.eta = c.eta;
        o.ddimSteps = 50;
        o.count = 8;
        o.seed = 42;
        auto onDevice = sampleOn(device.value(), o, x0Star);
        auto onCpu = sampleOn(torch::kCPU, o, x0Star);
        const double errTruth = (onDevice - x0Star).abs().max().item<double>();
        const double errCpu = (onDevice - onCpu).abs().max().item<double>();
        const bool pass = errTruth < 1e-3 && errCpu < 1e-3;
        ok = ok && pass;
        std::printf("{\"check\": \"%s\", \"device\": \"%s\", \"max_err_vs_x0\": %.3g, \"max_err_vs_cpu\": %.3g, \"pass\": %s}\n",
                    c.name, deviceDescription(device.value()).c_str(), errTruth, errCpu, pass ? "true" : "false");
    }
    return ok ? 0 : 1;
}
