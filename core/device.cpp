#include "device.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <new>
#include <thread>

namespace ddpm {

Result<torch::Device> parseDevice(const std::string& name)
{
    if (name == "cpu")
        return torch::Device(torch::kCPU);
    if (name == "cuda") {
        if (!torch::cuda::is_available())
            return fail(DDPM_MSG("Engine", "CUDA was asked for, but no CUDA device is available"));
        return torch::Device(torch::kCUDA, 0);
    }
    if (name == "auto" || name.empty())
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    return fail(DDPM_MSG("Engine", "unknown device '%1' (expected one of %2)"), name, nameList(deviceNames()));
}

std::string deviceDescription(torch::Device device)
{
    if (device.is_cuda())
        return "CUDA:" + std::to_string(device.index() < 0 ? 0 : device.index());
    return "CPU";
}

void configureThreads(int threads)
{
    // OpenBLAS reads this when it first starts; libtorch's own OpenMP pool does the parallel work.
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

int freeCpuCores()
{
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#ifdef __linux__
    // "0.52 0.58 0.59 3/812 4242": the fourth field is running/existing threads, the caller among them. A
    // thread that runs for a moment (the shell that started this one) is not a busy program: the most
    // cores free of three looks 10 ms apart (one look on an idle machine).
    int best = 0;
    for (int look = 0; look < 3 && best < cores; ++look) {
        if (look > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::ifstream loadavg("/proc/loadavg");
        double skip = 0;
        int running = 0;
        char slash = 0;
        if (!(loadavg >> skip >> skip >> skip >> running >> slash) || slash != '/')
            return cores;
        best = std::max(best, std::clamp(cores - (running - 1), 1, cores));
    }
    return best;
#else
    return cores;
#endif
}

namespace {

// The first line of a LibTorch message, without "Exception raised from …" and the frames after it.
std::string firstLineOf(const std::exception& e)
{
    std::string text;
    if (const auto* c10error = dynamic_cast<const c10::Error*>(&e))
        text = c10error->what_without_backtrace();
    else
        text = e.what();
    const auto cut = text.find_first_of("\r\n");
    if (cut != std::string::npos)
        text.resize(cut);
    while (!text.empty() && (text.back() == ' ' || text.back() == '.'))
        text.pop_back();
    return text.empty() ? std::string("unknown error") : text;
}

bool isOutOfMemory(const std::exception& e, const std::string& line)
{
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return true;
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower.find("out of memory") != std::string::npos || lower.find("not enough memory") != std::string::npos ||
           lower.find("failed to allocate") != std::string::npos || lower.find("bad_alloc") != std::string::npos ||
           lower.find("can't allocate memory") != std::string::npos; // LibTorch's CPU allocator
}

} // namespace

Error describeException(const std::exception& e, const Error& what)
{
    const std::string line = firstLineOf(e);
    if (isOutOfMemory(e, line))
        return fail(DDPM_MSG("Engine", "%1 ran out of memory (%2); try a smaller batch or a smaller model"), what,
                    line);
    return fail(DDPM_MSG("Engine", "%1 failed: %2"), what, line);
}

std::string exceptionSummary(const std::exception& e)
{
    return firstLineOf(e);
}

Error describeUnknownException(const Error& what)
{
    return fail(DDPM_MSG("Engine", "%1 failed for an unknown reason"), what);
}

} // namespace ddpm
