#!/usr/bin/env bash
# Trains the demo model that the studio opens at first launch, with the project's own trainer, on the
# 60,000 Fashion-MNIST training images only (the 10,000 test images stay unseen, for `ddpm quality`).
#
#   scripts/train-demo.sh BUILD_DIR [RUN_DIR]
#
# The run saves RUN_DIR/demo-train.ckpt every 250 steps and resumes from it when started again, so it
# can be stopped at any time (Ctrl-C saves) and continued later. It runs under nice so that builds
# keep the machine.
set -euo pipefail
build=${1:?usage: scripts/train-demo.sh BUILD_DIR [RUN_DIR]}
run=${2:-$HOME/ddpm-demo-run}
steps=${DEMO_STEPS:-40000}
mkdir -p "$run"
ddpm=${DDPM:-$build/app/ddpm}
ckpt="$run/demo-train.ckpt"
args=(--out "$ckpt" --steps "$steps" --save-every 250 --log "$run/log-$(date +%Y%m%d-%H%M%S).csv" --threads 2)
if [ -f "$ckpt" ]; then
    exec nice -n "${DEMO_NICE:-19}" "$ddpm" train --resume "$ckpt" --data fashion-mnist:train "${args[@]}"
fi
exec nice -n "${DEMO_NICE:-19}" "$ddpm" train --data fashion-mnist:train --model reference --batch 64 --lr 0.0002 --warmup 500 \
    --ema 0.999 --seed 1 --schedule linear --prediction eps "${args[@]}"
