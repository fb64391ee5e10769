#!/usr/bin/env bash
# Put Upright in the desktop menu: the .desktop file (with its "Start today's session" action),
# the AppStream metainfo and the icon at every size in the hicolor theme.
#
#   packaging/linux/install-desktop.sh [--exec COMMAND] [--prefix DIR] [--uninstall]
#
# --exec    the command the menu runs. Default: the bundle's own executable when this script is
#           run from a bundle (dist/upright/linux/), else `upright` found on PATH. Give the full
#           path of a venv's bin/upright when that is not on PATH.
# --prefix  the data folder to install into (default: $XDG_DATA_HOME or ~/.local/share;
#           /usr/local/share installs for everyone, as root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app_id=io.github.upright.Upright
exec_cmd=upright
bundle="$(cd "$here/.." && pwd)"
if [ -d "$bundle/_internal" ] && [ -x "$bundle/upright" ]; then exec_cmd="$bundle/upright"; fi
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) exec_cmd="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# The icons ship inside the app (assets/icons); in a bundle they sit under _internal/.
icons=""
for candidate in "$repo/assets/icons" "$bundle/_internal/upright/assets/icons"; do
  if [ -f "$candidate/upright.svg" ]; then icons="$candidate"; break; fi
done
[ -n "$icons" ] || { echo "install-desktop.sh: cannot find Upright's icons" >&2; exit 1; }
sizes=(16 24 32 48 64 128 256 512)

refresh_icon_cache() {  # only a cache that is already there: menus find the files without one
  if [ -f "$prefix/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$prefix/applications/$app_id.desktop" "$prefix/metainfo/$app_id.metainfo.xml" \
    "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
  for s in "${sizes[@]}"; do rm -f "$prefix/icons/hicolor/${s}x${s}/apps/$app_id.png"; done
  refresh_icon_cache
  echo "removed Upright's menu entry from $prefix"
  exit 0
fi

case "$exec_cmd" in
  *[[:space:]]*) exec_field="\"$exec_cmd\"" ;;  # the Exec key quotes a path with spaces
  *) exec_field="$exec_cmd" ;;
esac
install -d "$prefix/applications" "$prefix/metainfo" "$prefix/icons/hicolor/scalable/apps"
sed -e "s|^Exec=upright\$|Exec=$exec_field|" -e "s|^Exec=upright start\$|Exec=$exec_field start|" \
  "$here/$app_id.desktop" > "$prefix/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$prefix/metainfo/$app_id.metainfo.xml"
install -m 644 "$icons/upright.svg" "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
for s in "${sizes[@]}"; do
  install -D -m 644 "$icons/upright-$s.png" "$prefix/icons/hicolor/${s}x${s}/apps/$app_id.png"
done
refresh_icon_cache
echo "installed Upright's menu entry in $prefix (runs: $exec_cmd)"
