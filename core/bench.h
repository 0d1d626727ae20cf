// Throughput of the U-Net: training steps (forward, backward, Adam) and no-grad denoising passes.
// Shared by `ddpm bench` and `ddpm-bench`, whose options are defined once in app/cli/commands.cpp.
#pragma once

#include "device.h" // configureThreads, for the callers that set threads before a run
#include "result.h"

#include <string>

namespace ddpm {

struct BenchOptions {
    std::string model = "reference";
    int batch = 64;
    int iters = 10;
    int warmup = 2;
    std::string device = "cpu";
    int threads = 0;                // 0: all cores
    std::string precision = "auto"; // fp32, bf16 (mixed) or auto: bf16 where the device is fast at it
};

struct BenchResult {
    std::string model;
    long long params = 0;
    int batch = 0;
    int threads = 0;
    double trainImgPerSec = 0;
    double denoiseImgStepsPerSec = 0;
    double peakRssMb = 0;
    std::string device;
    std::string precision;
};

Result<BenchResult> runBench(const BenchOptions& options);
std::string benchToJson(const BenchResult& r);

// Peak resident memory of this process in MiB (VmHWM), 0 where unknown.
double peakRssMb();

} // namespace ddpm
