#!/usr/bin/env bash
# The demo model's likelihood bound on the Fashion-MNIST test images, in pieces that survive being stopped
# (issue 19): each piece is one `ddpm nll --skip K --count PIECE --precision fp32` run (σ² = β̃, x̂₀ clipped, seed 0),
# its JSON kept in docs/measurements/nll-demo/images-K.json; a piece already there is not run again. A
# batch's noise follows from the index of its first image, so the pieces draw what one run over all the
# images would. About 4 s an image on two CPU cores (T + 11 = 1,011 network evaluations each: the T terms,
# then the estimate's ten exact terms and one drawn t; the pieces kept were run when the estimate took
# one evaluation, T + 1 = 1,001).
#
#   scripts/nll-pieces.sh BUILD_DIR [FIRST [END [PIECE]]]   pieces of PIECE (128) images from FIRST (8000) to END (10000)
#   scripts/nll-pieces.sh --combine [FILE...]               the pooled figure over the pieces kept (or FILEs), as JSON
# images-0.json holds the first 8,000 images as the README reports them (one run on an H200), so that
# --combine gives the figure over all 10,000 once the pieces reach image 9999.
#
# The pieces run in the idle scheduling class (chrt -i 0), so that builds and tests keep the machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=$repo/docs/measurements/nll-demo
if [[ ${1:-} == --combine ]]; then
    shift
    [[ $# -gt 0 ]] || set -- "$dir"/images-*.json
    exec python3 - "$@" <<'PY'
import json, math, sys
pieces = [json.load(open(f)) for f in sys.argv[1:]]
if not pieces:
    sys.exit("no pieces yet")
n = sum(p["images"] for p in pieces)
mean = sum(p["images"] * p["bits_per_dim"] for p in pieces) / n
# Each piece's spread over its images from its standard error (se·√n), then the pooled variance.
within = sum((p["images"] - 1) * (p["standard_error"] * math.sqrt(p["images"])) ** 2 for p in pieces)
between = sum(p["images"] * (p["bits_per_dim"] - mean) ** 2 for p in pieces)
se = math.sqrt((within + between) / (n - 1) / n)
spans = sorted((p["first_image"], p["first_image"] + p["images"]) for p in pieces)
print(json.dumps({"images": n, "bits_per_dim": round(mean, 4), "standard_error": round(se, 4),
                  "pieces": len(pieces), "spans": spans,
                  "seconds": round(sum(p["seconds"] for p in pieces))}, indent=2))
PY
fi
build=${1:?usage: scripts/nll-pieces.sh BUILD_DIR [FIRST [END [PIECE]]] | --combine}
first=${2:-8000}
end=${3:-10000}
piece=${4:-128}
ddpm=$(realpath "$build/app/ddpm")
mkdir -p "$dir"
for ((skip = first; skip < end; skip += piece)); do
    out=$dir/images-$skip.json
    [[ -f $out ]] && continue
    count=$((end - skip < piece ? end - skip : piece))
    echo "nll-pieces: images $skip … $((skip + count - 1))" >&2
    chrt -i 0 "$ddpm" nll --checkpoint "$repo/resources/models/fashion-mnist-demo.ckpt" --skip "$skip" \
        --count "$count" --precision fp32 --threads 2 >"$out.part"
    mv "$out.part" "$out"
done
