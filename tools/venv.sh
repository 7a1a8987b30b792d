# Sourced by tools/run.sh and tools/test.sh: make sure .venv/ beside the checkout exists and has
# the package installed with the given extras ("" or "test"), reinstalling only when
# pyproject.toml changed since the last install. Sets VENV. Override the interpreter with $PYTHON.

ensure_venv() {
    local extras="$1" root="$2"
    local python="${PYTHON:-python3}" stamp wanted spec="$root"
    VENV="$root/.venv"
    stamp="$VENV/.inspector-install"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "error: Inspector needs Python >= 3.11; '$python' is $("$python" --version 2>&1 || echo missing)" >&2
        exit 1
    fi
    if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        rm -rf "$VENV"
        if ! "$python" -m venv "$VENV"; then
            rm -rf "$VENV"
            echo "error: '$python -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv" >&2
            exit 1
        fi
    fi
    [ -z "$extras" ] || spec="$root[$extras]"
    # The test extras include everything the app needs, so a test install serves the app too.
    wanted="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
    if ! grep -qxF -e "$wanted $extras" -e "$wanted test" "$stamp" 2>/dev/null || [ ! -x "$VENV/bin/inspector" ]; then
        echo "installing Inspector${extras:+ with its $extras dependencies} into $VENV ..."
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
        echo "$wanted $extras" > "$stamp"
    fi
}
