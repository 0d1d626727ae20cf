#!/usr/bin/env bash
# Builds the whole project, tests included, with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ (clang-14 where installed, else the default compiler; no tcmalloc) and runs the test suite
# there, printing how long the build and the suite took.
#
#   scripts/sanitize.sh                   # build and run every test (fuzz_short_runs aside: it runs
#                                         # the libFuzzer build, sanitised already)
#   scripts/sanitize.sh -R tst_checkpoint # extra arguments go to ctest
#
# Options before the ctest arguments: --build-dir DIR (default build-asan), --jobs N (ninja, default 2),
# --no-build. Any error ASan or UBSan reports ends the process with a failure; LeakSanitizer ignores
# only the libraries listed in tests/sanitizers/lsan.supp (LibTorch's and Qt's own memory kept to exit).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-asan"
jobs=2
do_build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) break ;;
    esac
done

start=$(date +%s)
if [ "$do_build" = 1 ]; then
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cc=$(command -v clang-14 || true)
        cxx=$(command -v clang++-14 || true)
        compilers=()
        [ -n "$cc" ] && [ -n "$cxx" ] && compilers=(-DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx")
        cmake -S "$root" -B "$build" -G Ninja "${compilers[@]}" -DDDPM_SANITIZE=ON -DDDPM_WITH_TCMALLOC=OFF \
            -DCMAKE_BUILD_TYPE=Release || exit 1
    fi
    ninja -C "$build" -j"$jobs" || exit 1
fi
built=$(date +%s)

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
(cd "$build" && ctest --output-on-failure -E '^fuzz_short_runs$' "$@")
rc=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, exit $rc"
exit $rc
