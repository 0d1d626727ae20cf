// What the CPU can do, read from the kernel's /proc/cpuinfo: std only, no LibTorch, so that the
// studio's Qt-only parts (the Preferences dialog and its test) can say what "auto" precision means.
#pragma once

#include <string>

namespace ddpm {

// The CPU's feature flags as the kernel lists them, padded with spaces (" fpu vme … avx512_bf16 ");
// empty where /proc/cpuinfo cannot be read.
std::string cpuFlags();
// Whether this CPU has native bf16 dot products (AVX512-BF16 or AMX-BF16).
bool cpuHasFastBf16();

} // namespace ddpm
