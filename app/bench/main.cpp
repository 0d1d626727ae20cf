// ddpm-bench: `ddpm bench` as a program of its own (the same options, the same JSON line), for
// scripts/bench-compare.sh and GPU servers.
#include "commands.h"

int main(int argc, char** argv)
{
    CLI::App app("Measures the U-Net's throughput and prints one JSON line: training steps (forward, backward, "
                 "Adam) in images/s and no-grad denoising passes in image-steps/s.",
                 "ddpm-bench");
    ddpm::BenchOptions options;
    ddpm::cli::addBenchOptions(&app, options);
    return ddpm::cli::parseAndRun(
        app, argc, argv, [&] { return ddpm::cli::bench(options); }, ddpm::fail(DDPM_MSG("Engine", "the benchmark")));
}
