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

# shellcheck source=tools/venv.sh
source "$ROOT/tools/venv.sh"
ensure_venv test "$ROOT"

status=0
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
