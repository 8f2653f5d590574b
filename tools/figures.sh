#!/usr/bin/env bash
# Regenerates the README's network figures in docs/images/ with `neuron-sim render` (no display needed).
# Each comes from an example in resources/examples/, after one feedforward pass (--steps = its layers),
# so that the somas are lit and each neuron shows its output a.
#   usage: tools/figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/images

render() {  # render OUT EXAMPLE ARGS... : one figure
    local out=$1 example=$2; shift 2
    uv run neuron-sim render "resources/examples/$example.json" -o "docs/images/$out" "$@" >/dev/null
    echo "docs/images/$out"
}

# name and the number of layers after its inputs (one pass)
for spec in and-gate:1 dense-layer:1 xor:2; do
    example=${spec%%:*} steps=${spec##*:}
    for look in biological schematic blocks; do
        render "$example-$look.png" "$example" --style "$look" --steps "$steps" --scale 2
    done
done

# For the "Figures for slides" section: legend and the computation of the output, and an animation.
render xor-figure.png xor --style schematic --steps 2 --legend --formula y --scale 2
render xor-pass.gif xor --set x1=1 --length 2 --fps 8 --scale 1
