#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate's own parser, without include paths: following
# LibTorch's headers would take many minutes). The build turns the .ts files into .qm with lrelease.
# The engine (core/) has no Qt: its messages are marked with DDPM_MSG("Engine", "…"), which lupdate
# reads as QT_TRANSLATE_NOOP; the studio translates them in the context "Engine" (app/common/messages.h).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -no-obsolete -locations relative -tr-function-alias QT_TRANSLATE_NOOP+=DDPM_MSG \
    core app/studio app/common widgets -ts translations/ddpm_de.ts translations/ddpm_zh_CN.ts
