#!/usr/bin/env bash
# Refreshes the translation sources from the code, then compiles them for the app.
#   1. pyside6-lupdate: every tr() / QCoreApplication.translate() / QT_TRANSLATE_NOOP string in
#      neuron_sim/**/*.py goes into resources/translations/neuron_sim_<lang>.ts; new strings arrive
#      unfinished, strings gone from the code are dropped (-no-obsolete).
#   2. Translate the unfinished ones (Qt Linguist: uv run pyside6-linguist FILE.ts, or any editor).
#   3. pyside6-lrelease: .ts -> .qm beside it (committed; tests/ui/test_translations.py checks both).
#   usage: tools/update-translations.sh [--release-only]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
if [ ! -x "$bin/pyside6-lupdate" ]; then uv sync --quiet; fi

languages=(ko)
if [ "${1:-}" != "--release-only" ]; then
    mapfile -t sources < <(find neuron_sim -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
    for lang in "${languages[@]}"; do
        "$bin/pyside6-lupdate" -silent -no-obsolete -locations none -source-language en \
            -target-language "$lang" "${sources[@]}" -ts "resources/translations/neuron_sim_$lang.ts"
    done
    # English needs a catalogue too, of its plurals only: "%n page(s)" -> "1 page" / "8 pages".
    "$bin/pyside6-lupdate" -silent -no-obsolete -locations none -pluralonly -source-language en \
        -target-language en "${sources[@]}" -ts resources/translations/neuron_sim_en.ts
fi
"$bin/pyside6-lrelease" -silent resources/translations/neuron_sim_en.ts -qm resources/translations/neuron_sim_en.qm
for lang in "${languages[@]}"; do
    "$bin/pyside6-lrelease" -silent "resources/translations/neuron_sim_$lang.ts" \
        -qm "resources/translations/neuron_sim_$lang.qm"
    # Qt's own words its shipped qtbase catalogue lacks (written by hand: lupdate has no source for them)
    if [ -f "resources/translations/qtbase_extra_$lang.ts" ]; then
        "$bin/pyside6-lrelease" -silent "resources/translations/qtbase_extra_$lang.ts" \
            -qm "resources/translations/qtbase_extra_$lang.qm"
    fi
done
# What is left to translate (0 means complete):
for lang in "${languages[@]}" en; do
    unfinished=$(grep -c 'type="unfinished"' "resources/translations/neuron_sim_$lang.ts" || true)
    echo "neuron_sim_$lang.ts: $unfinished unfinished"
done
