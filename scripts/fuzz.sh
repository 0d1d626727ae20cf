#!/usr/bin/env bash
# Fuzzes every reader of a user's file (tests/fuzz): configures and builds the libFuzzer harnesses with
# ASan and UBSan in build-fuzz/ (clang; the whole engine is sanitised, so the first build takes long),
# then runs each harness for a while on a copy of its seed corpus and prints executions and coverage.
#
#   scripts/fuzz.sh                      # 600 s per harness
#   scripts/fuzz.sh --seconds 20         # a short run (the test fuzz_short_runs: with --no-build)
#   scripts/fuzz.sh --seconds 3600 tensorfile checkpoint
#
# Options: --seconds N, --build-dir DIR (default build-fuzz), --no-build (use the harnesses already
# built; exit 77, "skipped", when there are none), --jobs N (ninja, default 1).
# Crashes, leaks, timeouts and out-of-memory inputs land in DIR/findings/NAME/; the grown corpora in
# DIR/corpus/NAME/ (reused by the next run). Copy a finding to tests/fuzz/corpus/NAME/ once it is fixed:
# the replay tests then keep it fixed. Exit code 1 when a harness found something.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=600
build="$root/build-fuzz"
do_build=1
jobs=1
harnesses=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --build-dir) build=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        --jobs) jobs=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) harnesses+=("$1"); shift ;;
    esac
done
all=(idx cifar tensorfile checkpoint dataspec cli image)
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")

cc=$(command -v clang-14 || command -v clang || true)
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ] || [ -z "$cc" ]; then
    echo "fuzz.sh: skipped: clang is not installed (the harnesses need libFuzzer: apt-get install clang-14 libclang-rt-14-dev)"
    exit 77
fi

if [ "$do_build" = 1 ]; then
    if [ ! -f "$build/CMakeCache.txt" ]; then
        # With Qt where it is installed: fuzz_image fuzzes Qt's image readers behind folder: data sets.
        with_qt=OFF
        dpkg -s qt6-base-dev >/dev/null 2>&1 && with_qt=ON
        CC=$cc CXX=$cxx cmake -S "$root" -B "$build" -G Ninja -DDDPM_FUZZ=ON -DDDPM_WITH_QT=$with_qt -DDDPM_BUILD_TESTS=OFF \
            -DDDPM_WITH_TCMALLOC=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 1
    fi
    targets=()
    for h in "${harnesses[@]}"; do
        # grep reads to the end: with -q, ninja could die of SIGPIPE and pipefail drop the harness
        ninja -C "$build" -t targets all 2>/dev/null | grep "^fuzz_$h:" >/dev/null && targets+=("fuzz_$h")
    done
    [ ${#targets[@]} -gt 0 ] && { nice -n 19 ninja -C "$build" -j"$jobs" "${targets[@]}" || exit 1; }
fi

found=0
ran=0
for h in "${harnesses[@]}"; do
    bin="$build/tests/fuzz/fuzz_$h"
    if [ ! -x "$bin" ]; then
        echo "fuzz_$h: not built in $build (fuzz_image needs Qt: install qt6-base-dev and configure $build again)"
        continue
    fi
    case "$h" in
        cli|dataspec) max_len=512 ;;
        idx|cifar) max_len=16384 ;;
        checkpoint) max_len=65536 ;;
        *) max_len=8192 ;;
    esac
    corpus="$build/corpus/$h"
    findings="$build/findings/$h"
    mkdir -p "$corpus" "$findings"
    # A harness that cannot start, before it reads any input, finds nothing: said, not counted as a finding.
    # (Debian's LibTorch links OpenCV, which links Qt 5: a sanitised process that also loads Qt 6 dies in
    # Qt 5's library initialisers. fuzz_image links no LibTorch for that reason.)
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin" -help=1 >"$build/findings/$h.start.log" 2>&1; then
        echo "fuzz_$h: cannot start in this build (it fails while its libraries load, before any input):" \
            "not run; see $build/findings/$h.start.log"
        continue
    fi
    cp -n "$root/tests/fuzz/corpus/$h/"* "$corpus/" 2>/dev/null
    log="$build/findings/$h.log"
    echo "fuzz_$h: ${seconds}s, corpus $corpus ($(ls "$corpus" | wc -l) inputs)"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0} \
    OMP_NUM_THREADS=1 \
        "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=$max_len \
            -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" >"$log" 2>&1
    rc=$?
    ran=$((ran + 1))
    execs=$(grep -a -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    last=$(grep -a -E '^#[0-9]+' "$log" | tail -1)
    cov=$(echo "$last" | grep -o 'cov: [0-9]*' | awk '{print $2}')
    ft=$(echo "$last" | grep -o 'ft: [0-9]*' | awk '{print $2}')
    speed=$(echo "$last" | grep -o 'exec/s: [0-9]*' | awk '{print $2}')
    echo "  executions ${execs:-?}, coverage ${cov:-?} edges, ${ft:-?} features, ${speed:-?} exec/s, corpus $(ls "$corpus" | wc -l)"
    if [ $rc -ne 0 ] || ls "$findings" | grep -qE '^(crash|leak|timeout|oom|slow-unit)-'; then
        found=1
        echo "  FOUND (exit code $rc): $(ls "$findings" | tr '\n' ' ')"
        grep -a -m3 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" | sed 's/^/    /'
        echo "  log: $log"
    fi
done
if [ $ran -eq 0 ]; then
    echo "fuzz.sh: skipped: no harness is built in $build (run scripts/fuzz.sh once without --no-build)"
    exit 77
fi
exit $found
