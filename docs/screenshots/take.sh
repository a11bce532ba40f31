#!/usr/bin/env bash
# Starts the real app under Xvfb on a fresh data folder (so it imports the bundled sample days),
# trains the first model with one click, visits every view and saves screenshots to docs/screenshots/*.png.
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

# the annotator's name is chosen already, so the first-start name dialog does not cover the window
printf 'name=ann\n' > "$HOME_DIR/annotator.properties"
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

# the project bar above the views is BAR pixels high: everything laid out from the top sits that
# much lower (the navigation, the view toolbars, first table rows)
BAR=38

# the navigation buttons on the left: clicking them is more reliable under Xvfb than shortcuts
# after the file chooser has had the keyboard
view() {
    case "$1" in
        data) xdotool mousemove 65 $((29 + BAR)) click 1 ;; review) xdotool mousemove 72 $((69 + BAR)) click 1 ;;
        threshold) xdotool mousemove 80 $((109 + BAR)) click 1 ;; training) xdotool mousemove 75 $((149 + BAR)) click 1 ;;
        evaluation) xdotool mousemove 83 $((189 + BAR)) click 1 ;; models) xdotool mousemove 72 $((229 + BAR)) click 1 ;;
        monitoring) xdotool mousemove 83 $((269 + BAR)) click 1 ;;
    esac
}
shot() { sleep "$2"; import -window root "$OUT/$1.png"; echo "saved $OUT/$1.png"; }

# first run: Data shows the sample import with its progress bar, then the ten day batches
shot data-first-run 0.3
sleep 8

# the import wizard: open a sample day through the file chooser (GTK: Ctrl+L takes a typed path)
cp sample-data/day-03.csv "$HOME_DIR/day-03.csv"
view data
sleep 1
xdotool mousemove 1055 $((23 + BAR)) click 1
sleep 3
# without a window manager nothing gives the chooser the keyboard: focus it by its title
xdotool search --name "Import quotes" windowfocus --sync 2>/dev/null || true
# typing a path that starts with / opens the chooser's location field
xdotool type --delay 40 "$HOME_DIR/day-03.csv"
sleep 1
xdotool key Return
shot data-import-wizard 3
xdotool key Escape
# close the wizard without importing (its Close button)
xdotool mousemove 1160 745 click 1

# Training: the one-click first model, on the sample days, with the bundled MiniLM
view training
sleep 2
xdotool mousemove 517 $((57 + BAR)) click 1
TRAIN_START=$(date +%s)
shot training 150
wait_log() { # pattern, seconds
    for _ in $(seq 1 "$2"); do
        if grep -q -- "$1" "$HOME_DIR/app.log"; then return 0; fi
        sleep 1
    done
    echo "timed out waiting for '$1'; the log:" >&2
    tail -n 30 "$HOME_DIR/app.log" >&2
    exit 1
}
# the first start serves a quick-start model within a minute; the full fine-tune keeps running
# behind it (WAIT_FULL=1 waits for the full cascade instead, about 30 minutes on 2 cores)
if [ "${WAIT_FULL:-}" = 1 ]; then
    wait_log "active now: stage 1" 3600
else
    wait_log "Quick-start model serving" 600
fi
echo "first model serving after $(( $(date +%s) - TRAIN_START )) s"

# Review: pick a quote, label it with a digit, and show its detail and history
view review
sleep 4
xdotool mousemove 400 $((170 + BAR)) click 1
sleep 0.5
xdotool key 2
sleep 1
xdotool key Up
shot review 2

view threshold
shot threshold 20

# Evaluation of the active cascade on every batch (scores what Review has not yet)
view evaluation
sleep 3
xdotool mousemove 1227 $((19 + BAR)) click 1
shot evaluation 60

view models
sleep 3
xdotool mousemove 180 $((84 + BAR)) click 1
shot models 2

# Monitoring: refresh (drift against the reference days, accuracy per day)
view monitoring
sleep 3
xdotool mousemove 1230 $((19 + BAR)) click 1
wait_log "monitoring: " 600
xdotool mousemove 300 645 click 1
shot monitoring 3

# Data again, now with the drift badges
view data
shot data 3
