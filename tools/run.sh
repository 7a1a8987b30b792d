#!/usr/bin/env bash
# Install and start the desktop app (README "Quick start"): bash tools/run.sh [--demo] [--data-dir DIR]
#
# Creates .venv/ beside the checkout on first use (python3 -m venv; override with $PYTHON),
# installs the package when pyproject.toml changed since the last install, checks on Linux that
# the system libraries Qt needs are there (printing the exact apt-get line when some are not),
# then starts `inspector` with the given arguments.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian package → the library Qt loads from it. The first six are needed even offscreen.
QT_BASE_LIBS="libegl1:libEGL.so.1 libgl1:libGL.so.1 libfontconfig1:libfontconfig.so.1
libglib2.0-0:libglib-2.0.so.0 libxkbcommon0:libxkbcommon.so.0 libdbus-1-3:libdbus-1.so.3"
QT_XCB_LIBS="libxcb-cursor0:libxcb-cursor.so.0 libxcb-icccm4:libxcb-icccm.so.4
libxcb-keysyms1:libxcb-keysyms.so.1 libxcb-image0:libxcb-image.so.0
libxcb-render-util0:libxcb-render-util.so.0 libxcb-shape0:libxcb-shape.so.0
libxkbcommon-x11-0:libxkbcommon-x11.so.0"

check_qt_libraries() {
    [ "$(uname -s)" = "Linux" ] || return 0
    local ldconfig known wanted missing="" pair
    ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
    [ -x "$ldconfig" ] || return 0
    known="$("$ldconfig" -p)"
    wanted="$QT_BASE_LIBS"
    case "${QT_QPA_PLATFORM:-xcb}" in offscreen*|minimal*|vnc*) ;; *) wanted="$wanted $QT_XCB_LIBS" ;; esac
    for pair in $wanted; do
        grep -qF "${pair#*:} " <<<"$known" || missing="$missing ${pair%%:*}"
    done
    if [ -n "$missing" ]; then
        echo "error: Qt needs system libraries that are missing; on Debian/Ubuntu run:" >&2
        local sudo="sudo "
        [ "$(id -u)" -ne 0 ] || sudo=""
        echo "  ${sudo}apt-get install -y --no-install-recommends$missing" >&2
        exit 1
    fi
}

# shellcheck source=tools/venv.sh
source "$ROOT/tools/venv.sh"
ensure_venv "" "$ROOT"

check_qt_libraries
exec "$VENV/bin/inspector" "$@"
