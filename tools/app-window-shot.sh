#!/usr/bin/env bash
# Runs a command in a real X window on a virtual screen (Xvfb), waits, saves a screenshot, stops it.
#   usage: tools/app-window-shot.sh OUT.png WAIT_SECONDS -- COMMAND [ARGS...]
#   e.g.   tools/app-window-shot.sh /tmp/xor.png 5 -- uv run neuron-sim --example xor
#   SCREEN=WxH sets the virtual screen (default 1600x1000).
# Needs Debian's xvfb, imagemagick, xdotool, fonts-nanum and the xcb libraries Qt's xcb plugin loads;
# as root it installs whichever are missing, otherwise it says what to install.
set -euo pipefail
out=${1:?usage: app-window-shot.sh OUT.png WAIT_SECONDS -- COMMAND...}
wait_s=${2:?usage: app-window-shot.sh OUT.png WAIT_SECONDS -- COMMAND...}
shift 2
[[ ${1:-} == "--" ]] && shift
(( $# )) || { echo "no command given" >&2; exit 2; }

packages=(xvfb imagemagick xdotool fonts-nanum libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
          libxcb-render-util0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if (( ${#missing[@]} )); then
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
    else
        echo "missing Debian packages: ${missing[*]} (sudo apt-get install them)" >&2; exit 2
    fi
fi

display=:$(( 90 + RANDOM % 100 ))
screen=${SCREEN:-1600x1000}  # e.g. SCREEN=1920x1080 for a projector-sized shot
Xvfb "$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait 2>/dev/null' EXIT
sleep 1
log=$(mktemp /tmp/app-window-shot.XXXXXX.log)
DISPLAY=$display QT_QPA_PLATFORM=xcb "$@" >"$log" 2>&1 &
app=$!
sleep "$wait_s"
if ! kill -0 "$app" 2>/dev/null; then
    echo "the command exited before the screenshot; its output:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
# The pointer sits at the screen's centre, where it lights whatever card or button is there: out of
# the way in the bottom-left corner, and a moment for the app to repaint, so no shot shows a hover by chance.
DISPLAY=$display xdotool mousemove 0 "$(( ${screen#*x} - 1 ))" && sleep 0.5
DISPLAY=$display import -window root "$out"
echo "saved $out (the app's output is in $log)"
