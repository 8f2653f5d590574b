#!/usr/bin/env bash
# Regenerates the window screenshots in docs/images/: the real app on a virtual X screen (Xvfb).
# Needs ../shared/tools/app-screenshot.sh (it installs Xvfb, ImageMagick and fonts when missing).
#   usage: tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shooter=../shared/tools/app-screenshot.sh
mkdir -p docs/images

shot() {  # shot OUT.png ARGS... : screenshot of `neuron-sim ARGS...`, cropped to the window
    local out=$1; shift
    "$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim "$@" >/dev/null
    convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage "docs/images/$out"
    echo "docs/images/$out"
}

for example in and-gate dense-layer xor; do
    shot "$example-biological.png" "resources/examples/$example.json" --look biological
    shot "$example-schematic.png" "resources/examples/$example.json" --look schematic
done
