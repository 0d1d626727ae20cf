#!/usr/bin/env bash
# On a machine with CUDA PyTorch and no Qt, in one call: build the engine and the Qt-free ddpm against
# the LibTorch inside PyTorch, check the samplers on CUDA against the CPU with an exact denoiser,
# benchmark the reference and cifar presets in fp32 and bf16 (and PyTorch eager with autocast on the same
# card), and train the reference preset for a few hundred steps on CUDA, keeping the checkpoint.
#   scripts/gpu-check.sh [BUILD_DIR]      (prints JSON lines; exits non-zero on a failed check)
# Environment: OUT (where the checkpoint and logs go; default $OUT or BUILD_DIR), TRAIN_STEPS (300).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-gpu}
out=${OUT:-$build}
mkdir -p "$out"
prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
echo "gpu-check: torch $(python3 -c 'import torch;print(torch.__version__, torch.version.cuda)') at $prefix"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
# CUDA's toolkit for the torch CMake config; nvcc's folder decides it.
if command -v nvcc >/dev/null; then export CUDACXX=$(command -v nvcc); fi
SECONDS=0
cmake -S . -B "$build" -DDDPM_WITH_QT=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_CUDA_ARCHITECTURES=90 >"$out/cmake.log" 2>&1 || { tail -30 "$out/cmake.log"; exit 1; }
cmake --build "$build" -j"$(nproc)" >"$out/build.log" 2>&1 || { tail -40 "$out/build.log"; exit 1; }
echo "gpu-check: built in ${SECONDS}s"
export LD_LIBRARY_PATH="$prefix/../../lib:${LD_LIBRARY_PATH:-}"

"$build/ddpm-selfcheck" --device cuda
for precision in fp32 bf16; do
    "$build/ddpm-bench" --model reference --batch 64 --iters 50 --warmup 5 --device cuda --precision $precision
    "$build/ddpm-bench" --model cifar --batch 128 --iters 30 --warmup 5 --device cuda --precision $precision
done
# The same U-Net in PyTorch eager, fp32 and with autocast (bf16), on the same card.
for precision in fp32 autocast; do
    python3 scripts/reference_unet.py --model cifar --batch 128 --iters 30 --warmup 5 --device cuda --precision $precision
done
"$build/ddpm-bench" --model reference --batch 64 --iters 5 --warmup 1 --device cpu --threads "$(nproc)"

# A few hundred real training steps on CUDA with the Qt-free command; the checkpoint comes back.
"$build/ddpm" train --data synthetic --model reference --steps "${TRAIN_STEPS:-300}" --device cuda \
    --out "$out/gpu-reference.ckpt" --log "$out/gpu-reference.csv" --save-every 100
"$build/ddpm" info "$out/gpu-reference.ckpt"
echo "gpu-check: done in ${SECONDS}s"
