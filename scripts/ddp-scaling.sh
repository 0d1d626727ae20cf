#!/usr/bin/env bash
# Data-parallel scaling on this machine (issue 21): the same training as one process with all the
# threads, and as N ranks (Gloo, two processes on two cores) with threads/N each; the images per second
# of the global batch over the last 20 steps, from rank 0's log. Nothing else should run meanwhile.
#   scripts/ddp-scaling.sh BUILD_DIR [PRESET [STEPS [BATCH [RANKS [THREADS]]]]]   (tiny 200 64 2 2)
# RANKS=1 compares a job of one rank (every all-reduce over itself) with no job. DEVICE (cpu) and DATA
# (fashion-mnist:train) set the device and the data: DEVICE=cuda RANKS=1 is "one GPU with NCCL against one
# GPU without" (scripts/gpu-check.sh runs it).
set -euo pipefail
build=${1:?usage: scripts/ddp-scaling.sh BUILD_DIR [PRESET [STEPS [BATCH [RANKS [THREADS]]]]]}
preset=${2:-tiny}
steps=${3:-200}
batch=${4:-64}
ranks=${5:-2}
threads=${6:-2}
ddpm=$(realpath "$build/app/ddpm")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(train --data "${DATA:-fashion-mnist:train}" --model "$preset" --batch "$batch" --steps "$steps" --seed 1
    --save-every 0 --device "${DEVICE:-cpu}")
rate() { tail -1 "$1" | cut -d, -f5; }
# Each run's stderr is kept: shown when it fails, and the job's first lines say which backend it joined.
fail() { echo "ddp-scaling: $1 failed:" >&2; tail -5 "$2" >&2; exit 1; }
"$ddpm" "${args[@]}" --threads "$threads" --out "$work/one.ckpt" --log "$work/one.csv" 2>"$work/one.err" ||
    fail "the single process" "$work/one.err"
port=$((20000 + RANDOM % 20000))
pids=()
for ((r = ranks - 1; r >= 0; r--)); do
    RANK=$r WORLD_SIZE=$ranks LOCAL_RANK=$r MASTER_ADDR=127.0.0.1 MASTER_PORT=$port \
        "$ddpm" "${args[@]}" --threads $((threads / ranks > 0 ? threads / ranks : 1)) --out "$work/job.ckpt" \
        --log "$work/job.csv" 2>"$work/rank$r.err" &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a rank of the job" "$work/rank0.err"; done
grep -m1 -i 'rank 0 of' "$work/rank0.err" || true
one=$(rate "$work/one.csv")
job=$(rate "$work/job.csv")
python3 -c "print('$preset batch $batch on ${DEVICE:-cpu}: 1 process x $threads threads %s img/s; $ranks ranks x $((threads / ranks)) %s img/s; ratio %.2f' % ('$one', '$job', float('$job') / float('$one')))"
