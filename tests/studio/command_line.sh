#!/bin/bash
# The studio's own command line, where no window opens: without a display it says what to do instead of
# Qt's abort; --help works without one; an unknown --view, a bad --size and a --screenshot that could not be
# written are refused by name before anything loads.
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
# A screenshot's size and file are checked before any model opens: a window the size of a wall crashed the
# painter, and a screenshot named over a model replaced it.
out=$(QT_QPA_PLATFORM=offscreen "$studio" --settings "$scratch/c.ini" --screenshot "$scratch/s.png" --size 100000x100000 2>&1)
check "huge size" 2 $? "$out" "--size 100000x100000: give the window's width and height as WxH"
out=$(QT_QPA_PLATFORM=offscreen "$studio" --settings "$scratch/c.ini" --screenshot "$scratch/s.png" --size abc 2>&1)
check "unreadable size" 2 $? "$out" "--size abc:"
printf 'DDPMCKPT and a model after it' >"$scratch/model.png"
out=$(QT_QPA_PLATFORM=offscreen "$studio" --settings "$scratch/c.ini" --screenshot "$scratch/model.png" 2>&1)
check "screenshot over a model" 2 $? "$out" "the file there is a model"
grep -q 'DDPMCKPT' "$scratch/model.png" || { echo "FAIL: the model was replaced"; failures=$((failures + 1)); }
out=$(QT_QPA_PLATFORM=offscreen "$studio" --settings "$scratch/c.ini" --screenshot "$scratch/no/such/s.png" 2>&1)
check "screenshot into no folder" 2 $? "$out" "--screenshot $scratch/no/such/s.png:"
exit $((failures > 0))
