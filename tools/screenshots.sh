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

# Mid-animation, with the trace and the computation panel of the selected neuron.
"$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim resources/examples/xor.json --play --select y >/dev/null
convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage docs/images/playing-rate-xor.png
echo docs/images/playing-rate-xor.png
"$shooter" /tmp/neuron-sim-shot.png 6.6 -- uv run neuron-sim resources/examples/spiking-integrate-and-fire.json --play --select n1 >/dev/null
convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage docs/images/playing-spiking.png
echo docs/images/playing-spiking.png
