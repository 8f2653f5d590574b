#!/usr/bin/env bash
# Regenerates every image in docs/images/: the network figures (tools/figures.sh, `neuron-sim render`),
# then the window screenshots: the real app on a virtual X screen (Xvfb).
# Uses tools/app-window-shot.sh (Xvfb, ImageMagick and fonts from Debian's packages).
#   usage: tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shooter=tools/app-window-shot.sh
mkdir -p docs/images

shot() {  # shot OUT.png ARGS... : screenshot of `neuron-sim ARGS...`, cropped to the window
    local out=$1; shift
    "$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim "$@" >/dev/null
    convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage "docs/images/$out"
    echo "docs/images/$out"
}

# The network figures (the "Two looks" table, the top image) are figures, not screenshots:
# `neuron-sim render` draws them, without a display.
tools/figures.sh

# Mid-animation, with the trace and the computation panel of the selected neuron.
"$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim resources/examples/xor.json --play --select y >/dev/null
convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage docs/images/playing-rate-xor.png
echo docs/images/playing-rate-xor.png
"$shooter" /tmp/neuron-sim-shot.png 6.6 -- uv run neuron-sim resources/examples/spiking-integrate-and-fire.json --play --select n1 >/dev/null
convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage docs/images/playing-spiking.png
echo docs/images/playing-spiking.png

# A Neuronify circuit opened from its .nfy file: its notes, its voltmeter's trace, its view.
"$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim tests/data/neuronify/tutorial-relay.nfy --play >/dev/null
convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage docs/images/neuronify-tutorial-relay.png
echo docs/images/neuronify-tutorial-relay.png

# The start page, the Dense example with the As-code panel and the XOR example, in Korean and in English.
for lang in ko en; do
    shot "start-page-$lang.png" --start-page --lang "$lang"
    shot "as-code-dense-$lang.png" --example dense-layer --lang "$lang"  # opens with the As-code panel
    shot "example-xor-$lang.png" --example xor --lang "$lang" --play
done

# The blocks look (the seed's building-block picture): one neuron and the 3 × 2 Dense layer, playing.
for lang in en ko; do
    shot "blocks-single-neuron-$lang.png" --example single-neuron --look blocks --play --select y --lang "$lang"
    shot "blocks-dense-layer-$lang.png" --example dense-layer --look blocks --play --select y1 --lang "$lang"
done

# STDP learning while it plays (the weights half way up), in Korean and in English.
for lang in ko en; do
    "$shooter" /tmp/neuron-sim-shot.png 5 -- uv run neuron-sim --example backprop-or-brain-stdp --play --lang "$lang" >/dev/null
    convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage "docs/images/example-stdp-$lang.png"
    echo "docs/images/example-stdp-$lang.png"
done

# The Train dock on XOR: 1000 epochs, then one example stepped slowly (the backward pulses), both languages.
for lang in en ko; do
    "$shooter" /tmp/neuron-sim-shot.png 11 -- uv run neuron-sim --example learn-xor --train 1000 --train-step --speed 0.25 --lang "$lang" >/dev/null
    convert /tmp/neuron-sim-shot.png -bordercolor black -border 1 -trim +repage "docs/images/train-xor-$lang.png"
    echo "docs/images/train-xor-$lang.png"
done

# A lesson page (the artificial neuron, x, w, Σ, f), in English and in Korean; then Present mode on a
# 1920 × 1080 screen, the projector's size, where the smallest text is 24 px.
for lang in en ko; do
    shot "lesson-neuron-$lang.png" --lesson concept-of-the-neuron --page 3 --lang "$lang"
done
SCREEN=1920x1080 "$shooter" /tmp/neuron-sim-shot.png 7 -- uv run neuron-sim --lesson concept-of-the-neuron --page 3 --present --lang en >/dev/null
cp /tmp/neuron-sim-shot.png docs/images/present-1920x1080.png
echo docs/images/present-1920x1080.png
