#!/usr/bin/env bash
# Trains the demo model that the studio opens at first launch, with the project's own trainer, on the
# 60,000 Fashion-MNIST training images only (the 10,000 test images stay unseen, for `ddpm quality`),
# then writes the shipped form of it: EMA weights only, for sampling (`ddpm export`).
#
#   [DEMO_STEPS=N] [DEMO_CONDITIONAL=1] scripts/train-demo.sh BUILD_DIR [RUN_DIR]
#
# DEMO_CONDITIONAL=1 trains the class-conditional demo (issue 20) with the same recipe plus --conditional
# (the ten Fashion-MNIST classes, 10 % of examples without their class), to 60,000 steps unless
# DEMO_STEPS says otherwise, in RUN_DIR (default ~/ddpm-conditional-run), shipped as
# resources/models/fashion-mnist-conditional.ckpt. It starts from the unconditional demo's EMA weights
# (`train --init`; DEMO_INIT names another model, DEMO_INIT=none starts from scratch): its class
# embedding starts at zero, so step 0 draws what the unconditional demo draws, and the run adds classes
# to what that model had already learnt rather than learning the clothes again (its own steps count from 0).
#
# The recipe: the reference preset, seed 1, batch 64, Adam lr 2e-4 after 500 warm-up steps (constant
# after that, so stopping at step N is the same as a run to N), EMA decay 0.999, the linear schedule,
# ε-prediction, the precision `auto` picks (bf16 mixed on CPUs with AVX512-BF16). The shipped model
# stopped at the step `ddpm info resources/models/fashion-mnist-demo.ckpt` prints.
#
# The run saves RUN_DIR/demo-train.ckpt every 250 steps and resumes from it when started again, so it
# can be stopped at any time (Ctrl-C saves) and continued later. It runs under nice (DEMO_NICE, 19 by
# default) so that builds keep the machine.
set -euo pipefail
build=${1:?usage: scripts/train-demo.sh BUILD_DIR [RUN_DIR]}
repo=$(cd "$(dirname "$0")/.." && pwd)
conditional=()
if [ "${DEMO_CONDITIONAL:-0}" = 1 ]; then
    conditional=(--conditional --p-uncond 0.1)
    run=${2:-$HOME/ddpm-conditional-run}
    steps=${DEMO_STEPS:-60000}
    out=${DEMO_OUT:-$repo/resources/models/fashion-mnist-conditional.ckpt}
else
    run=${2:-$HOME/ddpm-demo-run}
    steps=${DEMO_STEPS:-40000}
    out=${DEMO_OUT:-$repo/resources/models/fashion-mnist-demo.ckpt}
fi
mkdir -p "$run"
ddpm=${DDPM:-$build/app/ddpm}
ckpt="$run/demo-train.ckpt"
args=(--out "$ckpt" --steps "$steps" --save-every 250 --log "$run/log-$(date +%Y%m%d-%H%M%S).csv" --threads 2)
status=0
if [ -f "$ckpt" ]; then
    nice -n "${DEMO_NICE:-19}" "$ddpm" train --resume "$ckpt" --data fashion-mnist:train "${args[@]}" || status=$?
else
    # A warm start takes the network, schedule and prediction from the model it starts from.
    model=(--model reference --schedule linear --prediction eps)
    init=${DEMO_INIT:-$repo/resources/models/fashion-mnist-demo.ckpt}
    if [ ${#conditional[@]} -gt 0 ] && [ "$init" != none ]; then
        model=(--init "$init")
    fi
    nice -n "${DEMO_NICE:-19}" "$ddpm" train --data fashion-mnist:train "${model[@]}" --batch 64 --lr 0.0002 \
        --warmup 500 --ema 0.999 --seed 1 "${conditional[@]}" "${args[@]}" || status=$?
fi
# Interrupted runs save too: ship what there is, and say where it stands.
[ -f "$ckpt" ] && "$ddpm" export --checkpoint "$ckpt" --out "$out" --replace
exit "$status"
