"""The Qt Linguist pipeline: extract strings into .ts, compile .ts into .qm.

    python tools/i18n.py update    # pyside6-lupdate: inspector/**/*.py + forms/*.ui → resources/translations/*.ts
    python tools/i18n.py release   # pyside6-lrelease: *.ts → *.qm (committed, loaded at start-up)
    python tools/i18n.py status    # unfinished strings per language

English is the source language (every ``tr()`` text is English); ``inspector_zh_CN.ts`` carries
the Chinese. ``tests/test_translations.py`` fails when a string is missing or a .qm is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def sources() -> list[Path]:
    """Every file lupdate reads: Python modules (generated forms included) and Designer files."""
    python = [p for p in sorted((ROOT / "inspector").rglob("*.py")) if "__pycache__" not in p.parts]
    return python + sorted((ROOT / "forms").glob("*.ui"))


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"inspector_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"inspector_{language}.qm"


def qt_tool(name: str) -> str:
    """A PySide6 tool of the running interpreter's environment (a venv need not be on PATH)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found beside {sys.executable} nor on PATH")
    return found


def lupdate(target: Path) -> None:
    """Extract (and merge into ``target`` if it exists) every translatable string."""
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
               *map(str, sources()), "-ts", str(target)]
    subprocess.run(command, check=True, cwd=ROOT)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True, cwd=ROOT)


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) → (translation, type) for every message of a .ts file."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            if translation is not None and message.get("numerus") == "yes":
                # Plural messages keep their text in <numerusform> children (one for Chinese).
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = "" if not forms or not all(f.strip() for f in forms) else forms[0]
            kind = "" if translation is None else translation.get("type", "")
            found[(name, source)] = (text, kind)
    return found


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    return [key for key, (text, kind) in messages(ts_file).items() if not text.strip() or kind == "unfinished"]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "update":
        for language in LANGUAGES:
            lupdate(ts_path(language))
    elif command == "release":
        for language in LANGUAGES:
            lrelease(ts_path(language), qm_path(language))
    elif command != "status":
        print(__doc__)
        return 2
    for language in LANGUAGES:
        missing = unfinished(ts_path(language)) if ts_path(language).exists() else ["(no .ts file)"]
        print(f"{language}: {len(messages(ts_path(language))) if ts_path(language).exists() else 0} strings, "
              f"{len(missing)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
