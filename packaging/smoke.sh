#!/usr/bin/env bash
# Smoke test of the app image: build it (mvn -Papp-image), start it under Xvfb with a temporary
# data folder, wait for the window, save a screenshot, stop it, and print the image size and the
# start times. Run from anywhere: packaging/smoke.sh
#
# Environment:
#   SKIP_BUILD=1          reuse target/jpackage/image/QuoteLab
#   MVN_ARGS="-o"         extra Maven arguments (e.g. offline)
#   SCREENSHOT=path       where to save the first start's screenshot (docs/screenshots/app-image-start.png)
#   SETTLE=8              seconds to let the workbench draw before the screenshot
#   TIMEOUT=180           seconds to wait for each window
#   KEEP=1                keep the temporary folder (data folder, logs)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
IMAGE="$ROOT/target/jpackage/image/QuoteLab"
SCREENSHOT=${SCREENSHOT:-docs/screenshots/app-image-start.png}
SETTLE=${SETTLE:-8}
TIMEOUT=${TIMEOUT:-180}

# Tools a fresh Debian/Ubuntu machine lacks: Xvfb, xdotool, xwininfo (x11-utils), ImageMagick.
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
command -v xwininfo >/dev/null 2>&1 || need+=(x11-utils)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building the app image (mvn -Papp-image package)"
  # shellcheck disable=SC2086
  mvn -B -q -DskipTests -Papp-image ${MVN_ARGS:-} package
fi
[ -x "$IMAGE/bin/QuoteLab" ] || { echo "no app image at $IMAGE" >&2; exit 1; }

TMP=$(mktemp -d /tmp/quotelab-smoke.XXXXXX)
XVFB_PID=""
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
    kill "$XVFB_PID" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

# A free display number.
DISP=""
for n in $(seq 91 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then DISP=":$n"; break; fi
done
[ -n "$DISP" ] || { echo "no free X display" >&2; exit 1; }
Xvfb "$DISP" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=$DISP
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Wait for a visible window whose title matches $1; prints its id.
wait_window() {
  local pattern=$1 deadline=$(( $(date +%s) + TIMEOUT )) id
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app exited; its log:" >&2; tail -40 "$TMP/app.log" >&2; return 1
    fi
    id=$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.1
  done
  echo "no window matching '$pattern' after ${TIMEOUT}s; app log:" >&2; tail -40 "$TMP/app.log" >&2
  return 1
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# One start: $1 = label, $2 = screenshot path or empty. Sets WINDOW_S and READY_S.
start_once() {
  local label=$1 shot=$2 t0 t1 t2 id
  # The data folder and JavaFX's native cache both live in $TMP, so the first start is a real first run.
  export JAVA_TOOL_OPTIONS="-Dquotelab.home=$TMP/home -Djavafx.cachedir=$TMP/openjfx-cache"
  t0=$(now)
  "$IMAGE/bin/QuoteLab" >>"$TMP/app.log" 2>&1 &
  APP_PID=$!
  wait_window '^QuoteLab' >/dev/null
  t1=$(now)
  # The splash is titled "QuoteLab"; the workbench "QuoteLab - <data folder>".
  id=$(wait_window '^QuoteLab - ')
  t2=$(now)
  WINDOW_S=$(elapsed "$t0" "$t1")
  READY_S=$(elapsed "$t0" "$t2")
  echo "$label: first window after ${WINDOW_S} s, workbench after ${READY_S} s"
  if [ -n "$shot" ]; then
    sleep "$SETTLE"
    mkdir -p "$(dirname "$shot")"
    import -window "$id" "$shot" 2>/dev/null || import -window root "$shot"
    local sd
    sd=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
    if awk -v s="$sd" 'BEGIN { exit !(s < 0.01) }'; then
      echo "the screenshot $shot is blank (standard deviation $sd)" >&2; return 1
    fi
    echo "screenshot: $shot ($(identify -format '%wx%h' "$shot"), standard deviation $sd)"
  fi
  stop_app
}

start_once "first start (empty data folder)" "$SCREENSHOT"
FIRST_WINDOW=$WINDOW_S; FIRST_READY=$READY_S
start_once "second start (same data folder)" ""

echo
echo "app image: $(du -sh "$IMAGE" | cut -f1) ($IMAGE; runtime $(du -sh "$IMAGE/lib/runtime" | cut -f1))"
deb=$(ls "$ROOT"/target/jpackage/installer/*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] && echo "deb: $(du -sh "$deb" | cut -f1) ($deb)"
echo "start time, first start: window ${FIRST_WINDOW} s, workbench ${FIRST_READY} s"
echo "start time, second start: window ${WINDOW_S} s, workbench ${READY_S} s"
echo "data folder after two starts: $(du -sh "$TMP/home" | cut -f1)"
