#!/usr/bin/env bash
# Starts the real app under Xvfb on a fresh data folder (so it imports the bundled sample days),
# visits each implemented view and saves screenshots to docs/screenshots/*.png.
# Needs: Xvfb, xdotool, ImageMagick (apt-get install -y xvfb xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
HOME_DIR=$(mktemp -d /tmp/quotelab-shots.XXXXXX)
DISPLAY_NUM=:87

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests package
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp &
XVFB_PID=$!
export DISPLAY=$DISPLAY_NUM
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$HOME_DIR"
}
trap cleanup EXIT
sleep 1

java -Dquotelab.home="$HOME_DIR" -jar target/quotelab.jar > "$HOME_DIR/app.log" 2>&1 &
APP_PID=$!
START=$(date +%s.%N)

# the title gains the data folder once the store is open and the window replaces the splash
for _ in $(seq 1 120); do
    if xdotool search --name "QuoteLab - " >/dev/null 2>&1; then break; fi
    sleep 0.5
done
WIN=$(xdotool search --name "QuoteLab - " 2>/dev/null | head -1 || true)
if [ -z "$WIN" ]; then
    echo "the app window did not appear; its log:" >&2
    cat "$HOME_DIR/app.log" >&2
    exit 1
fi
echo "window up after $(echo "$(date +%s.%N) - $START" | bc) s"

shot() { sleep "$2"; import -window root "$OUT/$1.png"; echo "saved $OUT/$1.png"; }

# first run: Data shows the sample import with its progress bar, then the ten day batches
shot data-first-run 0.3
shot data 8

# Review: pick a quote, label it with a digit, and show its detail and history
xdotool key --window "$WIN" ctrl+2
sleep 3
xdotool mousemove 400 170 click 1
sleep 0.5
xdotool key 2
sleep 1
xdotool key Up
shot review 1.5


# the import wizard: open a sample day through the file chooser (GTK: Ctrl+L takes a typed path)
cp sample-data/day-03.csv "$HOME_DIR/day-03.csv"
xdotool key --window "$WIN" ctrl+1
sleep 1
xdotool mousemove 1055 23 click 1
sleep 3
# without a window manager nothing gives the chooser the keyboard: focus it by its title
xdotool search --name "Import quotes" windowfocus --sync 2>/dev/null || true
# typing a path that starts with / opens the chooser's location field
xdotool type --delay 40 "$HOME_DIR/day-03.csv"
sleep 1
xdotool key Return
shot data-import-wizard 3
