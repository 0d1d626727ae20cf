#!/usr/bin/env bash
# A long session of the studio as a user drives it (train, sample, scrub, switch views, export, repeat)
# under Xvfb, with a report of what it must not show: RSS after the first five minutes growing by 5 % or
# more, the window freezing for over 50 ms (a 10 ms timer firing late), warnings from Qt.
#
#   scripts/soak.sh                    # 30 minutes, build/app/studio/ddpm-studio
#   scripts/soak.sh --minutes 2        # a short one
#   scripts/soak.sh --report soak.json --build-dir build
#
# Exit code 0 when every bound held, 1 when one did not (the JSON report says which), 77 when the
# studio is not built. Without xvfb-run the offscreen platform is used (no X server: no real painting).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=30
build="$root/build"
report=""
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes=$2; shift 2 ;;
        --build-dir) build=$2; shift 2 ;;
        --report) report=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
studio="$build/app/studio/ddpm-studio"
if [ ! -x "$studio" ]; then
    echo "soak.sh: skipped: $studio is not built"
    exit 77
fi
[ -n "$report" ] || report=$(mktemp --suffix=.json)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# A fresh user: settings, recent files and exports of its own.
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
args=(--soak "$minutes" --soak-report "$report" --settings "$home/studio.ini")
if command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "$studio" "${args[@]}" >/dev/null
else
    QT_QPA_PLATFORM=offscreen "$studio" "${args[@]}" >/dev/null
fi
rc=$?
cat "$report"
echo
echo "soak.sh: report in $report (exit code $rc)"
exit $rc
