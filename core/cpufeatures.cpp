#include "cpufeatures.h"

#include <fstream>

namespace ddpm {

std::string cpuFlags()
{
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("flags", 0) == 0)
            return " " + line.substr(line.find(':') + 1) + " ";
    return {};
}

bool cpuHasFastBf16()
{
    static const bool fast = [] {
        const std::string flags = cpuFlags();
        return flags.find(" avx512_bf16 ") != std::string::npos || flags.find(" amx_bf16 ") != std::string::npos;
    }();
    return fast;
}

} // namespace ddpm
