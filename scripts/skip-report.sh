#!/usr/bin/env bash
# After ctest: the test functions that skipped themselves (QSKIP) in the last run, with their reasons.
# ctest reports a Qt Test program whose functions skipped as "Passed", so without this a missing data set
# would hide a dozen real-data checks. The README's test command ends with it.
#
#   scripts/skip-report.sh [BUILD_DIR]         # default build; prints a summary line and each skip
#
# With DDPM_STRICT_SKIPS=1 (set by .ci/run, where setup.sh has installed everything) a skip is a failure
# (exit 1) unless the machine cannot do what it needs: no CUDA device, a test run at nice 10 or more, no
# right to mount a small tmpfs (a container).
set -uo pipefail
build=${1:-build}
log="$build/Testing/Temporary/LastTest.log"
if [ ! -f "$log" ]; then
    echo "skip-report.sh: no ctest log at $log (run ctest first)" >&2
    exit 2
fi
allowed='no CUDA device|runs at nice 10 or more|cannot mount a small tmpfs'
# LastTest.log holds every test's whole output, passing tests' too: "N/M Test: NAME", then the output.
skips=$(awk '/^[0-9]+\/[0-9]+ Test: / { test = $3 } /^SKIP   : / { sub(/^SKIP   : /, ""); print test ": " $0 }' "$log")
count=0
[ -n "$skips" ] && count=$(printf '%s\n' "$skips" | wc -l)
echo "Skipped test functions in the last ctest run: $count"
[ "$count" -eq 0 ] && exit 0
printf '  %s\n' "$skips" | sed 's/^  /  - /'
if [ "${DDPM_STRICT_SKIPS:-0}" = 1 ]; then
    unexpected=$(printf '%s\n' "$skips" | grep -Ev "$allowed" || true)
    if [ -n "$unexpected" ]; then
        echo "skip-report.sh: these skips are failures here (DDPM_STRICT_SKIPS=1: everything they need should be installed):" >&2
        printf '  - %s\n' "$unexpected" >&2
        exit 1
    fi
fi
exit 0
