"""No third-party warning reaches the user's terminal: ``inspector-cli --help`` and ``verify`` of a
signed notice, each in its own process with Python's default warning filters, print nothing on
stderr. The filter for pyHanko's ``DSA is deprecated`` is narrow: the same warning raised by
any other code still shows, and our own warnings are untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_certs_cli import office, signed_pdf  # noqa: F401 (fixtures)

CLI = Path(sys.executable).with_name("inspector-cli")


def _quiet_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONWARNINGS"}
    env.pop("INSPECTOR_PASSWORD", None)
    return env


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], cwd=cwd, env=_quiet_env(), capture_output=True, text=True,
                          timeout=120, check=False)


def test_help_prints_no_warning(tmp_path: Path) -> None:
    result = _run("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_verify_of_a_signed_notice_prints_no_warning(signed_pdf: Path, office: Path,  # noqa: F811
                                                     tmp_path: Path) -> None:
    result = _run("--data-dir", str(office), "verify", str(signed_pdf), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_the_filter_is_only_for_pyhanko(tmp_path: Path) -> None:
    code = (
        "import warnings\n"
        "import inspector.signing.pades\n"  # pyHanko imported: its DSA warning filtered
        "from cryptography.hazmat.primitives.asymmetric import dsa\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('default')\n"
        "    import inspector.signing\n"
        "    dsa.DSAPublicNumbers\n"  # the same deprecation from code that is not pyHanko
        "    warnings.warn('ours', UserWarning)\n"
        "print(sorted(type(w.message).__name__ for w in caught))\n"
    )
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=tmp_path, env=_quiet_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['CryptographyDeprecationWarning', 'UserWarning']"


def test_our_warnings_are_still_errors_in_tests() -> None:
    """pyproject's filterwarnings turns a warning from any inspector module into an error."""
    import warnings

    import inspector.signing.pades  # noqa: F401 (its filter installed)

    with pytest.raises(UserWarning, match="ours"):
        exec("warnings.warn('ours', UserWarning)", {"__name__": "inspector.services.example", "warnings": warnings})
