#!/usr/bin/env bash
# On a machine with CUDA PyTorch and no Qt: build the engine against the LibTorch inside PyTorch,
# check the samplers on CUDA against the CPU with an exact denoiser, and benchmark the U-Net.
#   scripts/gpu-check.sh [BUILD_DIR]        (prints JSON lines; exits non-zero on a failed check)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-gpu}
prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
echo "gpu-check: torch $(python3 -c 'import torch;print(torch.__version__, torch.version.cuda)') at $prefix"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
# CUDA's toolkit for the torch CMake config; nvcc's folder decides it.
if command -v nvcc >/dev/null; then export CUDACXX=$(command -v nvcc); fi
cmake -S . -B "$build" -DDDPM_WITH_QT=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_CUDA_ARCHITECTURES=90 >"$build.cmake.log" 2>&1 || { tail -30 "$build.cmake.log"; exit 1; }
cmake --build "$build" -j"$(nproc)" >"$build.build.log" 2>&1 || { tail -40 "$build.build.log"; exit 1; }
export LD_LIBRARY_PATH="$prefix/../../lib:${LD_LIBRARY_PATH:-}"
"$build/ddpm-selfcheck" --device cuda
"$build/ddpm-bench" --model reference --batch 64 --iters 50 --warmup 5 --device cuda
"$build/ddpm-bench" --model cifar --batch 128 --iters 30 --warmup 5 --device cuda
"$build/ddpm-bench" --model reference --batch 64 --iters 5 --warmup 1 --device cpu --threads 16
