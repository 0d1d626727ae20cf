#!/usr/bin/env bash
# Compare the C++ ddpm-bench against the PyTorch Python reference (same settings).
# Usage: scripts/bench-compare.sh [BUILD_DIR]    (default BUILD_DIR: build)
# Env overrides: ITERS (10), WARMUP (2), BATCH (64), THREADS (2), MODEL (reference), PYTHON (/usr/bin/python3)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${1:-build}"
ITERS="${ITERS:-10}"
WARMUP="${WARMUP:-2}"
BATCH="${BATCH:-64}"
THREADS="${THREADS:-2}"
MODEL="${MODEL:-reference}"
PYTHON="${PYTHON:-/usr/bin/python3}"

BIN="$BUILD_DIR/ddpm-bench"
if [[ ! -x "$BIN" ]]; then
    echo "error: C++ benchmark binary '$BIN' not found or not executable (build it first, or pass BUILD_DIR)" >&2
    exit 1
fi

export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$THREADS}"

ARGS=(--model "$MODEL" --batch "$BATCH" --iters "$ITERS" --threads "$THREADS" --warmup "$WARMUP")

# Keep only the last line that looks like a JSON object.
json_line() { grep -E '^[[:space:]]*\{.*\}[[:space:]]*$' | tail -n 1; }

CPP_JSON="$("$BIN" "${ARGS[@]}" | json_line)"
[[ -n "$CPP_JSON" ]] || { echo "error: no JSON line from $BIN" >&2; exit 1; }
PY_JSON="$("$PYTHON" "$SCRIPT_DIR/reference_unet.py" "${ARGS[@]}" | json_line)"
[[ -n "$PY_JSON" ]] || { echo "error: no JSON line from reference_unet.py" >&2; exit 1; }

echo "cpp:    $CPP_JSON"
echo "python: $PY_JSON"
"$PYTHON" -c '
import json, sys
c, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
if c.get("params") != p.get("params"):
    print("WARNING: parameter counts differ: cpp=%s python=%s" % (c.get("params"), p.get("params")))
for k in ("train_img_per_s", "denoise_img_steps_per_s"):
    print("%s ratio C++/Python: %.3f  (%.2f / %.2f)" % (k, c[k] / p[k], c[k], p[k]))
' "$CPP_JSON" "$PY_JSON"
