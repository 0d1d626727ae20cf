#!/bin/bash
# The studio's own command line, where no window opens: without a display it says what to do instead of
# Qt's abort; --help works without one; an unknown --view is refused by name before anything loads.
# Usage: command_line.sh PATH/TO/ddpm-studio
set -u
studio=$1
failures=0
check() { # NAME EXPECTED_RC ACTUAL_RC OUTPUT WORDS
    if [ "$3" != "$2" ] || ! grep -qF -- "$5" <<<"$4"; then
        echo "FAIL: $1: exit $3 (expected $2), output: $4"
        failures=$((failures + 1))
    else
        echo "PASS: $1"
    fi
}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_RUNTIME_DIR=$scratch HOME=$scratch

out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$studio" --settings "$scratch/a.ini" 2>&1)
check "no display" 1 $? "$out" "there is no display to open a window on"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$studio" --help 2>&1)
check "help without a display" 0 $? "$out" "--checkpoint"
out=$(QT_QPA_PLATFORM=offscreen "$studio" --settings "$scratch/b.ini" --view bogus 2>&1)
check "unknown view" 2 $? "$out" "--view bogus: no such view (data, training"
[ ! -e "$scratch/b.ini" ] || { echo "FAIL: a refused start wrote its settings"; failures=$((failures + 1)); }
exit $((failures > 0))
