#include "bench.h"

#include "config.h"
#include "diffusion.h"
#include "trainer.h"
#include "unet.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace ddpm {

double peakRssMb()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

Result<BenchResult> runBench(const BenchOptions& o)
{
    auto device = parseDevice(o.device);
    if (!device)
        return device.failure();
    auto config = makeConfig(o.model);
    if (!config)
        return config.failure();
    auto precision = parsePrecision(o.precision, device.value());
    if (!precision)
        return precision.failure();
    configureThreads(o.threads);
    const auto& u = config->unet;
    torch::manual_seed(0);
    UNet model(u);
    model->to(device.value());
    model->setPrecision(precision.value());
    Diffusion diffusion(NoiseSchedule(config->schedule), Prediction::Epsilon, device.value());
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(2e-4));
    const auto opts = torch::TensorOptions().device(device.value());
    const std::vector<int64_t> shape{o.batch, u.imageChannels(), u.imageSize(), u.imageSize()};
    auto sync = [&] {
        if (device->is_cuda())
            torch::cuda::synchronize();
    };

    auto trainStep = [&] {
        auto x0 = torch::rand(shape, opts) * 2 - 1;
        auto t = torch::randint(0, diffusion.steps(), {o.batch}, opts.dtype(torch::kInt64));
        auto eps = torch::randn(shape, opts);
        auto loss = torch::mse_loss(model->forward(diffusion.qSample(x0, t, eps), t), eps);
        model->zero_grad(true); // grads set to none: backward writes them instead of adding to zeros
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
        optimizer.step();
    };
    model->train();
    for (int i = 0; i < o.warmup; ++i)
        trainStep();
    sync();
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < o.iters; ++i)
        trainStep();
    sync();
    const double trainSecs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    model->eval();
    torch::NoGradGuard noGrad;
    auto x = torch::randn(shape, opts);
    auto t = torch::randint(0, diffusion.steps(), {o.batch}, opts.dtype(torch::kInt64));
    for (int i = 0; i < o.warmup; ++i)
        model->forward(x, t);
    sync();
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < o.iters; ++i)
        model->forward(x, t);
    sync();
    const double denoiseSecs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    BenchResult r;
    r.model = o.model;
    r.params = model->parameterCount();
    r.batch = o.batch;
    r.threads = torch::get_num_threads();
    r.trainImgPerSec = o.batch * o.iters / trainSecs;
    r.denoiseImgStepsPerSec = o.batch * o.iters / denoiseSecs;
    r.peakRssMb = peakRssMb();
    r.device = device->is_cuda() ? "cuda" : "cpu";
    r.precision = precisionName(precision.value());
    return r;
}

std::string benchToJson(const BenchResult& r)
{
    std::ostringstream o;
    o.precision(6);
    o << "{\"impl\": \"libtorch-cpp\", \"model\": \"" << r.model << "\", \"params\": " << r.params
      << ", \"batch\": " << r.batch << ", \"threads\": " << r.threads << ", \"train_img_per_s\": " << r.trainImgPerSec
      << ", \"denoise_img_steps_per_s\": " << r.denoiseImgStepsPerSec << ", \"peak_rss_mb\": " << r.peakRssMb
      << ", \"device\": \"" << r.device << "\", \"precision\": \"" << r.precision << "\"}";
    return o.str();
}

} // namespace ddpm
