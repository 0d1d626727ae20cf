#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate's own parser, without include paths: following
# LibTorch's headers would take many minutes). The build turns the .ts files into .qm with lrelease.
# The engine (core/) has no Qt: its messages are marked with DDPM_MSG("Engine", "…"), which lupdate
# reads as QT_TRANSLATE_NOOP; the studio translates them in the context "Engine" (app/common/messages.h).
#
# A string that moved to another class keeps its translation: before lupdate the finished translations
# are noted by source text, and afterwards new unfinished entries with the same source get them back.
#
# --check: changes nothing; reads the sources into copies of the catalogues and fails, naming them, when a
# message of the sources is missing or unfinished there (a tr() text edited without this script's run
# would show in English). tst_translations runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
files=(translations/ddpm_de.ts translations/ddpm_zh_CN.ts)
sources=(core app/studio app/common app/cli app/bench widgets)
if [[ ${1:-} == --check ]]; then
    copies=$(mktemp -d)
    trap 'rm -rf "$copies"' EXIT
    for ts in "${files[@]}"; do install -m 644 "$ts" "$copies/"; done # writable, whatever the checkout's modes
    "$lupdate" -silent -no-obsolete -locations none -tr-function-alias QT_TRANSLATE_NOOP+=DDPM_MSG \
        "${sources[@]}" -ts "$copies"/*.ts
    python3 - "$copies"/*.ts <<'PY'
import sys
import xml.etree.ElementTree as ET
missing = 0
for path in sys.argv[1:]:
    for context in ET.parse(path).getroot().iter('context'):
        for m in context.iter('message'):
            t = m.find('translation')
            if t is None or t.get('type') == 'unfinished':
                missing += 1
                print(f"{path.rsplit('/', 1)[-1]}: {context.findtext('name')}: not translated: {m.findtext('source')!r}")
if missing:
    print(f"{missing} message(s) of the sources are not translated: run scripts/update-translations.sh "
          "and translate them")
sys.exit(1 if missing else 0)
PY
    exit
fi
memory=$(mktemp -d)
trap 'rm -rf "$memory"' EXIT
for ts in "${files[@]}"; do cp "$ts" "$memory/$(basename "$ts")"; done
"$lupdate" -no-obsolete -locations relative -tr-function-alias QT_TRANSLATE_NOOP+=DDPM_MSG \
    "${sources[@]}" -ts "${files[@]}"
python3 - "$memory" "${files[@]}" <<'PY'
import sys, os, copy
import xml.etree.ElementTree as ET
memory, files = sys.argv[1], sys.argv[2:]
for path in files:
    old = ET.parse(os.path.join(memory, os.path.basename(path))).getroot()
    known = {}
    for m in old.iter('message'):
        t = m.find('translation')
        if t is not None and t.get('type') not in ('unfinished', 'vanished', 'obsolete'):
            known.setdefault((m.findtext('source'), m.get('numerus')), t)
    tree = ET.parse(path)
    carried = 0
    for m in tree.getroot().iter('message'):
        t = m.find('translation')
        if t is None or t.get('type') != 'unfinished':
            continue
        k = known.get((m.findtext('source'), m.get('numerus')))
        if k is None:
            continue
        m.remove(t)
        m.append(copy.deepcopy(k))
        carried += 1
    if carried:
        with open(path, 'wb') as f:
            f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(f, encoding='utf-8', xml_declaration=False)
        print(f"{path}: {carried} translation(s) carried to their strings' new places")
PY
# Once more, so that the files are in lupdate's own layout after the carrying.
"$lupdate" -silent -no-obsolete -locations relative -tr-function-alias QT_TRANSLATE_NOOP+=DDPM_MSG \
    "${sources[@]}" -ts "${files[@]}"
