// ddpm-bench: the U-Net throughput benchmark without Qt, for GPU servers that have only LibTorch.
#include "bench.h"
#include "device.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    try {
        auto options = ddpm::parseBenchArgs(argc, argv, 1);
        if (!options) {
            std::fprintf(stderr, "ddpm-bench: %s\n", options.error().c_str());
            return 2;
        }
        if (options->help) {
            std::printf("%s", ddpm::benchUsage("ddpm-bench").c_str());
            return 0;
        }
        auto result = ddpm::runBench(options.value());
        if (!result) {
            std::fprintf(stderr, "ddpm-bench: %s\n", result.error().c_str());
            return 1;
        }
        std::printf("%s\n", ddpm::benchToJson(result.value()).c_str());
        return 0;
    } catch (const std::exception& e) {
        const auto what = ddpm::fail(DDPM_MSG("Engine", "the benchmark"));
        std::fprintf(stderr, "ddpm-bench: %s\n", ddpm::describeException(e, what).message().c_str());
        return 1;
    }
}
