#!/usr/bin/env bash
# The project's test command (README "Quick start", and what .ci/run runs).
#
# Creates .venv/ beside the checkout on first use (python3 -m venv; override the interpreter with
# $PYTHON), installs the package with its test extras when pyproject.toml changed since the last
# install, then runs the whole pytest suite offscreen. Extra arguments go to pytest.
# Exit code: pytest's, except that "no tests collected" (pytest's 5) is a failure (1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
STAMP="$VENV/.inspector-test-install"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "error: Inspector needs Python >= 3.11; '$PYTHON' is $("$PYTHON" --version 2>&1 || echo missing)" >&2
    exit 1
fi
if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV"; then
        rm -rf "$VENV"
        echo "error: '$PYTHON -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv" >&2
        exit 1
    fi
fi
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) test"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$wanted" ]; then
    echo "installing Inspector and its test dependencies into $VENV ..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$wanted" > "$STAMP"
fi

status=0
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
