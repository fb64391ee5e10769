#!/usr/bin/env bash
# Build the bundle and prove it works on this machine, as a person would use it (Linux):
#   1. every library in the bundle finds the libraries it links to;
#   2. `upright --self-check` passes with no display (offscreen) and keeps sound and speech;
#   3. with a private PulseAudio null sink (when pulseaudio is installed), a cue tone loads;
#   4. under Xvfb: the self-check passes on the real xcb platform, then the desktop menu action
#      "Start today's session" is installed from the bundle, launched as the menu would, and its
#      window is checked (name, WM_CLASS, desktop id) and photographed.
#
#   packaging/check_bundle.sh [--no-build]     (--no-build checks the dist/upright already built)
#
# Needs: what build_bundle.sh needs, plus xvfb (xvfb-run) for step 4; xdotool or x11-utils
# (xprop, xwininfo) and imagemagick (import) make step 4 check and photograph the window.
# Writes build/bundle-check/ (logs, screenshot). Exits non-zero on the first failure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export LANG="${LANG:-C.UTF-8}"
out="$repo/build/bundle-check"
rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)

if [ "${1:-}" != "--no-build" ]; then
  bash "$repo/packaging/build_bundle.sh" 2>&1 | tee "$out/build.log"
fi
bundle="$repo/dist/upright"
exe="$bundle/upright"
[ -x "$exe" ] || { echo "FAIL: no bundle at $bundle"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }

echo "== 1. every bundled library resolves"
missing=$(cd "$bundle/_internal" && find . -name '*.so*' -type f -print0 |
  xargs -0 -n 20 env LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib" ldd 2>/dev/null |
  grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "libraries not found: $missing"
echo "ok"

echo "== 2. self-check with no display"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --self-check \
  > "$out/self-check.txt" 2> "$out/self-check.err" || { cat "$out/self-check.txt"; fail "self-check"; }
cat "$out/self-check.txt"
for expected in "platform offscreen" "QtMultimedia    ok" "QtTextToSpeech  ok" "speechd"; do
  grep -q "$expected" "$out/self-check.txt" || fail "the self-check did not report '$expected'"
done

echo "== 3. a cue tone through a PulseAudio null sink"
if command -v pulseaudio >/dev/null && [ -d "$bundle/_internal/upright/assets/sounds" ]; then
  pa="$(mktemp -d)"
  mkdir -p "$pa/home" "$pa/run"
  chmod 700 "$pa/run"
  HOME="$pa/home" XDG_RUNTIME_DIR="$pa/run" pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    --disable-shm=yes --load="module-null-sink sink_name=nullsink" \
    --load="module-native-protocol-unix" > "$pa/log" 2>&1 &
  pa_pid=$!
  for _ in $(seq 50); do [ -S "$pa/run/pulse/native" ] && break; sleep 0.1; done
  HOME="$pa/home" XDG_RUNTIME_DIR="$pa/run" QT_QPA_PLATFORM=offscreen "$exe" --self-check \
    > "$out/self-check-sound.txt" 2>&1 || true
  kill "$pa_pid"; wait "$pa_pid" 2>/dev/null || true
  rm -rf "$pa"
  grep "  sound " "$out/self-check-sound.txt" || true
  grep -q "Ready" "$out/self-check-sound.txt" || fail "no tone loaded on the null sink"
else
  echo "skipped: needs pulseaudio and assets/sounds in the bundle"
fi

echo "== 4. under Xvfb: the desktop action starts today's session"
if ! command -v xvfb-run >/dev/null; then
  echo "skipped: xvfb-run is not installed (Debian: xvfb xauth)"
else
  cat > "$out/xvfb-session.sh" <<'EOF'
set -euo pipefail
out="$1"; bundle="$2"
"$bundle/upright" --self-check > "$out/self-check-xcb.txt" 2>&1 || {
  cat "$out/self-check-xcb.txt"; echo "FAIL: self-check under Xvfb"; exit 1; }
grep -q "platform xcb" "$out/self-check-xcb.txt" || { echo "FAIL: not on xcb"; exit 1; }
echo "self-check on xcb: $(tail -n 1 "$out/self-check-xcb.txt")"
# Install the menu entry from the bundle into a private data folder, then run its action's
# Exec line the way a menu would.
share="$out/share"
"$bundle/linux/install-desktop.sh" --prefix "$share"
entry="$share/applications/io.github.upright.Upright.desktop"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
action=$(sed -n '/^\[Desktop Action start\]/,/^\[/s/^Exec=//p' "$entry")
echo "menu action: $action"
eval "set -- $action"
UPRIGHT_DATA_DIR="$out/data" "$@" > "$out/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq 100); do
  if command -v xdotool >/dev/null; then
    # --onlyvisible: Qt also makes a hidden 1x1 helper window with the same name
    window=$(xdotool search --onlyvisible --name '^Upright$' 2>/dev/null | head -n 1 || true)
  elif command -v xwininfo >/dev/null; then
    window=$(xwininfo -root -tree |
      sed -n 's/^ *\(0x[0-9a-f]*\) "Upright": ("[^)]*").*/\1/p' | head -n 1)
  fi
  [ -n "$window" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.1
done
sleep 3  # let the session run a few seconds: the warm-up countdown is on screen
kill -0 "$app" 2>/dev/null || { cat "$out/app.log"; echo "FAIL: the app exited"; exit 1; }
if [ -n "$window" ] && command -v xprop >/dev/null; then
  xprop -id "$window" WM_CLASS _GTK_APPLICATION_ID _NET_WM_NAME | tee "$out/window.txt"
  grep -q '"Upright"' "$out/window.txt" || { echo "FAIL: WM_CLASS is not Upright"; exit 1; }
  grep -q 'io.github.upright.Upright' "$out/window.txt" || { echo "FAIL: no desktop id"; exit 1; }
elif [ -z "$window" ]; then
  echo "window not looked up (install xdotool or x11-utils); the app is running"
fi
if command -v import >/dev/null; then
  import -window root "$out/desktop-action.png"
  echo "screenshot: $out/desktop-action.png"
fi
kill "$app"; wait "$app" 2>/dev/null || true
EOF
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$out/xvfb-session.sh" "$out" "$bundle"
fi

echo "== bundle check passed in $(( $(date +%s) - started )) s"
echo "bundle: $(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files"
