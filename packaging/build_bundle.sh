#!/usr/bin/env bash
# Build Upright's one-folder bundle, dist/upright/, with PyInstaller, then run its self-check.
#
#   packaging/build_bundle.sh            build (reusing build/bundle-venv when it is there)
#   PYTHON=python3.12 packaging/build_bundle.sh    build with another Python (3.11 or newer)
#
# PyInstaller and Upright's dependencies go into a separate venv, build/bundle-venv, so the
# bundle holds exactly what pyproject.toml asks for. The bundle runs on machines like the one
# that built it (same OS family, same or newer glibc); build on the oldest system you support.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
python="${PYTHON:-python3}"
venv="$repo/build/bundle-venv"
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) bin="$venv/Scripts" ;;
  *) bin="$venv/bin" ;;
esac
export LANG="${LANG:-C.UTF-8}"

started=$(date +%s)
if [ ! -x "$bin/python" ] && [ ! -x "$bin/python.exe" ]; then
  echo "== creating the build venv ($python)"
  "$python" -m venv "$venv"
fi
echo "== installing PyInstaller and Upright's dependencies into build/bundle-venv"
"$bin/python" -m pip install -q --upgrade "pyinstaller>=6.10,<7"
# The dependencies as pyproject.toml lists them (with their markers); the code itself comes
# from src/ through the spec, so no stale installed copy can slip into the bundle.
"$bin/python" - "$repo/pyproject.toml" > "$repo/build/bundle-requirements.txt" <<'EOF'
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["dependencies"]))
EOF
"$bin/python" -m pip install -q -r "$repo/build/bundle-requirements.txt"
case "$(uname -s)" in
  Linux) ;;
  *) "$bin/python" -m pip install -q pillow ;;  # PyInstaller turns the PNG icon into .ico/.icns
esac
installed=$(date +%s)

echo "== building dist/upright with packaging/upright.spec"
rm -rf "$repo/dist/upright" "$repo/build/upright"
"$bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$repo/dist" --workpath "$repo/build" "$repo/packaging/upright.spec"
# Ship the Linux desktop files with the bundle: dist/upright/linux/install-desktop.sh puts the
# bundle in the menu (it finds the icons and the executable next to itself).
if [ "$(uname -s)" = Linux ]; then
  mkdir -p "$repo/dist/upright/linux"
  cp "$repo/packaging/linux/install-desktop.sh" "$repo/packaging/linux/"*.desktop \
    "$repo/packaging/linux/"*.metainfo.xml "$repo/dist/upright/linux/"
fi
built=$(date +%s)

executable="$repo/dist/upright/upright"
[ -x "$executable" ] || executable="$repo/dist/upright/upright.exe"
echo "== self-check of the bundle"
QT_QPA_PLATFORM=offscreen "$executable" --self-check
echo "== figures"
echo "dependencies: $((installed - started)) s; PyInstaller build: $((built - installed)) s"
echo "bundle size: $(du -sh "$repo/dist/upright" | cut -f1) ($(find "$repo/dist/upright" -type f | wc -l) files)"
