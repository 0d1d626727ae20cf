#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate's own parser, without include paths: following
# LibTorch's headers would take many minutes). The build turns the .ts files into .qm with lrelease.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -no-obsolete -locations relative app/studio app/common widgets \
    -ts translations/ddpm_de.ts translations/ddpm_zh_CN.ts
