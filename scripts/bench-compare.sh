#!/usr/bin/env bash
# The C++ engine against the same U-Net in PyTorch's Python API, in fp32 and bf16, in one table.
#
#   scripts/bench-compare.sh [BUILD_DIR]        (default BUILD_DIR: build)
#
# Each round runs four fresh processes one after the other: C++ fp32, C++ bf16 (mixed), Python fp32 and
# Python bf16 (scripts/reference_unet.py: model, inputs and Adam all bf16), each timing training steps
# (forward, backward, Adam) and no-grad denoising passes. Alternating in the same minutes keeps a busy
# machine from favouring one side. The table gives the median of each figure over the rounds and the
# median of the per-round ratios.
# Environment: ROUNDS (3), ITERS (10), WARMUP (2), BATCH (64), THREADS (2), MODEL (reference),
#              PYTHON (/usr/bin/python3, with Debian's python3-torch)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${1:-build}"
ROUNDS="${ROUNDS:-3}"
ITERS="${ITERS:-10}"
WARMUP="${WARMUP:-2}"
BATCH="${BATCH:-64}"
THREADS="${THREADS:-2}"
MODEL="${MODEL:-reference}"
PYTHON="${PYTHON:-/usr/bin/python3}"

BIN="$BUILD_DIR/app/ddpm-bench"
if [[ ! -x "$BIN" ]]; then
    echo "error: C++ benchmark binary '$BIN' not found or not executable (build it first, or pass BUILD_DIR)" >&2
    exit 1
fi
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "error: $PYTHON cannot import torch (Debian: apt-get install python3-torch)" >&2
    exit 1
fi

# One thread pool each: libtorch's OpenMP threads, no extra BLAS threads.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$THREADS}"

ARGS=(--model "$MODEL" --batch "$BATCH" --iters "$ITERS" --threads "$THREADS" --warmup "$WARMUP")
json_line() { grep -E '^[[:space:]]*\{.*\}[[:space:]]*$' | tail -n 1; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((round = 1; round <= ROUNDS; ++round)); do
    for run in "cpp fp32" "cpp bf16" "python fp32" "python bf16"; do
        read -r impl precision <<<"$run"
        if [[ $impl == cpp ]]; then
            line=$("$BIN" "${ARGS[@]}" --precision "$precision" | json_line)
        else
            line=$("$PYTHON" "$SCRIPT_DIR/reference_unet.py" "${ARGS[@]}" --precision "$precision" | json_line)
        fi
        [[ -n "$line" ]] || { echo "error: no JSON line from the $impl $precision run" >&2; exit 1; }
        echo "round $round $impl $precision: $line" >&2
        echo "$round $impl $precision $line" >>"$results"
    done
done

"$PYTHON" - "$results" "$MODEL" "$BATCH" "$THREADS" "$ROUNDS" <<'EOF'
import json, statistics, sys
path, model, batch, threads, rounds = sys.argv[1:]
runs = {}
for line in open(path):
    rnd, impl, prec, js = line.split(" ", 3)
    runs.setdefault((impl, prec), {})[int(rnd)] = json.loads(js)
params = {r["params"] for per in runs.values() for r in per.values()}
if len(params) != 1:
    print("WARNING: parameter counts differ: %s" % sorted(params))
names = [("cpp", "fp32", "C++ fp32"), ("cpp", "bf16", "C++ bf16 mixed"),
         ("python", "fp32", "Python fp32"), ("python", "bf16", "Python bf16")]
keys = [("train_img_per_s", "training img/s"), ("denoise_img_steps_per_s", "denoising image-steps/s")]
med = lambda xs: statistics.median(xs)
print(f"\n{model} preset, batch {batch}, {threads} threads, median of {rounds} alternating rounds\n")
print("| | " + " | ".join(label for _, label in keys) + " | peak RSS MiB |")
print("|---|" + "---:|" * (len(keys) + 1))
for impl, prec, label in names:
    per = runs[(impl, prec)]
    cells = ["%.1f" % med([r[k] for r in per.values()]) for k, _ in keys]
    cells.append("%.0f" % med([r["peak_rss_mb"] for r in per.values()]))
    print(f"| {label} | " + " | ".join(cells) + " |")
print()
ratios = [(("cpp", "bf16"), ("python", "fp32")), (("cpp", "bf16"), ("python", "bf16")),
          (("cpp", "fp32"), ("python", "fp32")), (("cpp", "bf16"), ("cpp", "fp32"))]
label = dict(((i, p), l) for i, p, l in names)
print("| ratio (median of the rounds' ratios) | " + " | ".join(l for _, l in keys) + " |")
print("|---|" + "---:|" * len(keys))
for a, b in ratios:
    cells = []
    for k, _ in keys:
        rs = [runs[a][n][k] / runs[b][n][k] for n in runs[a] if n in runs[b]]
        cells.append("%.2f× (%.2f–%.2f)" % (med(rs), min(rs), max(rs)))
    print(f"| {label[a]} / {label[b]} | " + " | ".join(cells) + " |")
EOF
