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

std::string benchUsage(const std::string& program)
{
    return "usage: " + program +
           " [--model tiny|reference|cifar] [--batch B] [--iters N] [--warmup W] [--device cpu|cuda] [--threads N]\n"
           "       [--precision fp32|bf16|auto]\n\n"
           "Measures the U-Net's throughput and prints one JSON line: training steps (forward, backward, Adam)\n"
           "in images/s and no-grad denoising passes in image-steps/s.\n\n"
           "  --model PRESET   tiny, reference or cifar (default reference)\n"
           "  --batch B        images per step (default 64)\n"
           "  --iters N        timed steps (default 10)\n"
           "  --warmup W       untimed steps first (default 2)\n"
           "  --device D       cpu or cuda (default cpu)\n"
           "  --threads N      CPU threads (default 0: all cores)\n"
           "  --precision P    fp32, bf16 (mixed) or auto (default: bf16 where fast)\n"
           "  --help           this text\n";
}

Result<BenchOptions> parseBenchArgs(int argc, char** argv, int first)
{
    BenchOptions o;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
            return o;
        }
        if (i + 1 >= argc)
            return fail(DDPM_MSG("Engine", "the option %1 needs a value"), a);
        const std::string v = argv[++i];
        char* end = nullptr;
        const long n = std::strtol(v.c_str(), &end, 10);
        const bool isNum = end && *end == '\0' && !v.empty();
        if (a == "--model")
            o.model = v;
        else if (a == "--precision")
            o.precision = v;
        else if (a == "--device")
            o.device = v;
        else if ((a == "--batch" || a == "--iters" || a == "--warmup" || a == "--threads") &&
                 (!isNum || n < 0 || n > 100000))
            return fail(DDPM_MSG("Engine", "the option %1 takes a whole number, not '%2'"), a, v);
        else if (a == "--batch")
            o.batch = static_cast<int>(n);
        else if (a == "--iters")
            o.iters = static_cast<int>(n);
        else if (a == "--warmup")
            o.warmup = static_cast<int>(n);
        else if (a == "--threads")
            o.threads = static_cast<int>(n);
        else
            return fail(DDPM_MSG("Engine", "unknown option %1"), a);
    }
    if (o.batch < 1 || o.iters < 1)
        return fail(DDPM_MSG("Engine", "--batch and --iters must be at least 1"));
    return o;
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
