#!/usr/bin/env bash
# Fails when a C++ file of the project is not formatted as .clang-format says (clang-format-14, the
# version the project is formatted with; third_party/ is left as its authors wrote it). With --fix,
# formats them instead.
#
#   scripts/check-format.sh          # CI: lists the files that differ, exit 1 if any
#   scripts/check-format.sh --fix
set -uo pipefail
cd "$(dirname "$0")/.."
tool=$(command -v clang-format-14 || true)
if [ -z "$tool" ]; then
    echo "check-format.sh: clang-format-14 is not installed (apt-get install clang-format-14)" >&2
    exit 2
fi
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^third_party/')
if [ "${1:-}" = "--fix" ]; then
    "$tool" -i "${files[@]}"
    exit 0
fi
bad=0
for f in "${files[@]}"; do
    if ! "$tool" --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "check-format.sh: $f is not formatted (scripts/check-format.sh --fix)"
        bad=1
    fi
done
[ "$bad" = 0 ] && echo "check-format.sh: ${#files[@]} files formatted as .clang-format says"
exit $bad
