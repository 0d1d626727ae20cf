#!/usr/bin/env bash
# Two builds of the engine against each other: `ddpm-bench` of build A and of build B, alternated in the
# same minutes (A fp32, B fp32, A bf16, B bf16, each a fresh process, round after round), so that a
# busy machine does not favour one side. Prints the median of each figure and of the per-round ratios
# B/A. Use it to show that a change left the engine as fast as it was:
#
#   git worktree add /tmp/old <commit> && cmake -S /tmp/old -B /tmp/old/build -G Ninja -DDDPM_WITH_QT=OFF \
#       && cmake --build /tmp/old/build --target ddpm-bench
#   scripts/bench-builds.sh /tmp/old/build/app/ddpm-bench build/app/ddpm-bench
#
# Environment: ROUNDS (5), ITERS (10), WARMUP (2), BATCH (64), THREADS (2), MODEL (reference).
set -euo pipefail

A="${1:?usage: bench-builds.sh A_DDPM_BENCH B_DDPM_BENCH}"
B="${2:?usage: bench-builds.sh A_DDPM_BENCH B_DDPM_BENCH}"
ROUNDS="${ROUNDS:-5}"
ITERS="${ITERS:-10}"
WARMUP="${WARMUP:-2}"
BATCH="${BATCH:-64}"
THREADS="${THREADS:-2}"
MODEL="${MODEL:-reference}"
for bin in "$A" "$B"; do
    [[ -x "$bin" ]] || { echo "error: '$bin' is not an executable ddpm-bench" >&2; exit 1; }
done
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$THREADS}"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
    for precision in fp32 bf16; do
        for side in A B; do
            bin=$A
            [[ $side == B ]] && bin=$B
            line=$("$bin" --model "$MODEL" --batch "$BATCH" --iters "$ITERS" --warmup "$WARMUP" \
                --threads "$THREADS" --precision "$precision" 2>/dev/null | grep -E '^\s*\{' | tail -n 1)
            echo "$round $precision $side $line" >>"$results"
            echo "round $round $precision $side: $line" >&2
        done
    done
done

python3 - "$results" <<'EOF'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    rnd, precision, side, js = line.split(" ", 3)
    d = json.loads(js)
    rows.setdefault(precision, {}).setdefault(side, {})[int(rnd)] = d
keys = ["train_img_per_s", "denoise_img_steps_per_s"]
print(f"{'precision':10} {'figure':28} {'A (median)':>12} {'B (median)':>12} {'B/A (median of rounds)':>24}")
for precision, sides in rows.items():
    for k in keys:
        a = [sides["A"][r][k] for r in sorted(sides["A"]) if k in sides["A"][r]]
        b = [sides["B"][r][k] for r in sorted(sides["B"]) if k in sides["B"][r]]
        if not a or not b:
            continue
        ratios = [sides["B"][r][k] / sides["A"][r][k] for r in sides["A"] if r in sides["B"]]
        print(f"{precision:10} {k:28} {statistics.median(a):12.2f} {statistics.median(b):12.2f} "
              f"{statistics.median(ratios):24.3f}")
EOF
