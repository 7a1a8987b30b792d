"""Shared by the packaging tests: the ``packaging`` marker on every test here, ``need`` (skip on
a developer's machine, fail in CI), and running an installed command the way a user would —
from a folder outside the checkout, with a data folder of its own and no path into the source."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DEMO_PASSWORD = "demo1234"
# Python's and Qt's own chatter that is not a problem: offscreen Qt prints this on every window.
HARMLESS_STDERR = ("This plugin does not support propagateSizeHints()",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.packaging)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: object, reason: str) -> None:
    """Skip when ``condition`` is false on a developer's machine; in CI ($CI=true) fail instead."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"packaging test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment: no PYTHONPATH, nothing pointing into the checkout, offscreen Qt,
    the data folder and configuration in ``home``."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONWARNINGS", "VIRTUAL_ENV", "INSPECTOR_DATA_DIR", "INSPECTOR_USER",
                          "INSPECTOR_PASSWORD", "INSPECTOR_CERT_PASSWORD", "PYTHONHOME")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "share"),
               QT_QPA_PLATFORM="offscreen", INSPECTOR_DATA_DIR=str(home / "data"), INSPECTOR_PASSWORD=DEMO_PASSWORD,
               INSPECTOR_NO_REMINDER="1")
    env.update(extra)
    return env


def run(command: Sequence[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 240,
        expect: int = 0) -> subprocess.CompletedProcess[str]:
    """Run ``command``; fail with its output unless it exits ``expect`` and stderr is clean."""
    assert ROOT not in cwd.resolve().parents and cwd.resolve() != ROOT, "run outside the checkout"
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout, check=False)
    shown = " ".join(str(part) for part in command)
    assert result.returncode == expect, f"{shown} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    noise = [line for line in result.stderr.splitlines() if line.strip() and line.strip() not in HARMLESS_STDERR]
    assert not [line for line in noise if "Warning" in line or "Traceback" in line], f"{shown}:\n{result.stderr}"
    return result


def check_pdf(path: Path) -> None:
    """A notice PDF: a PDF, with the bundled CJK TrueType font embedded (not a built-in font)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), path
    assert b"/FontFile2" in data and b"WenQuanYiMicroHei" in data, "the bundled font is not embedded"
    assert b"STSong-Light" not in data


def user_scenario(cli: Sequence[str | Path], gui: Sequence[str | Path], home: Path) -> dict[str, object]:
    """What a new user does with an installed Inspector, each step checked; returns the GUI's
    self-check facts. ``home`` is an empty folder outside the checkout."""
    home.mkdir(parents=True, exist_ok=True)
    env = user_env(home)
    cli = list(cli)

    version = run([*cli, "--version"], cwd=home, env=env)
    assert version.stdout.strip().startswith("inspector "), version.stdout

    init = run([*cli, "init"], cwd=home, env=env).stdout
    for code in ("T1", "T2", "T3"):
        assert f"loaded built-in template {code}" in init, init

    listed = json.loads(run([*cli, "templates", "list", "--json"], cwd=home, env=env).stdout)
    assert sorted(row["code"] for row in listed) == ["T1", "T2", "T3"], listed

    run([*cli, "demo", "--inspections", "60"], cwd=home, env=env, timeout=400)
    notices = json.loads(run([*cli, "notices", "list", "--json"], cwd=home, env=env).stdout)
    assert notices, "the demo made no notice"
    number = notices[0]["number"]

    run([*cli, "notices", "export", number, "-o", "notice.pdf"], cwd=home, env=env)
    check_pdf(home / "notice.pdf")
    run([*cli, "--user", "liuyang", "notices", "export", number, "-o", "signed.pdf", "--sign"], cwd=home, env=env)
    verified = run([*cli, "verify", "signed.pdf"], cwd=home, env=env).stdout
    assert "Valid signature" in verified and "trusted here" in verified, verified
    tampered = bytearray((home / "signed.pdf").read_bytes())
    middle = len(tampered) // 3
    tampered[middle] = tampered[middle] ^ 0x01
    (home / "tampered.pdf").write_bytes(bytes(tampered))
    run([*cli, "verify", "tampered.pdf"], cwd=home, env=env, expect=1)

    checked = run([*cli, "check"], cwd=home, env=env).stdout
    assert "resources: ok" in checked and "notice PDFs:" in checked, checked

    run([*gui, "--self-check", "facts.json"], cwd=home, env=env)
    facts = json.loads((home / "facts.json").read_text(encoding="utf-8"))
    assert facts["ok"] is True, facts
    assert facts["platform"] == "offscreen"
    assert facts["translation_sample"] == "服务质量督查", facts
    assert facts["qt_translation_sample"] == "取消", facts
    assert facts["heic"] is True and facts["qtpdf_pages"] == 1 and facts["image_formats_missing"] == [], facts
    assert facts["font_family"] == "WenQuanYi Micro Hei", facts
    assert facts["stylesheet_chars"] > 1000, facts
    assert facts["first_window"] == "FirstAdminDialog", facts
    return facts
