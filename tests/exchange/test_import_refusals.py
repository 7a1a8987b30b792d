"""#20 bad input and faults at import, through ``inspector-cli exchange import``: each refusal is
one ``error:`` line naming why, exit 2, and the data folder as it was (rows, files, photos).

The files come from a real organisation (office, laptop A of zhangwei, laptop B of lina) and are
then damaged, stripped, re-signed by another CA, or forged with a trusted key — what a hostile
or faulty sender could produce.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.domain.inspections import InspectionMode
from inspector.domain.records import Record
from inspector.exchange import Signer
from inspector.exchange.layout import SIGNATURE
from inspector.exchange.lines import record_line
from inspector.storage import database as database_module
from tests.exchange.helpers import base_of, forge, members, rezip
from tests.exchange.organisation import PASSWORD, build_office, cli, photo_files, record_inspection

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Organisation:
    office: Path
    laptop_a: Path
    from_a: Path  # A's first file for the office (two inspections, one covert)
    for_lina: Path  # the office's file for lina (not A)
    other_for_zhangwei: Path  # another organisation's office, its file for its own zhangwei


@pytest.fixture(scope="module")
def organisation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Organisation]:
    """Built with the suite's cheap password hasher, the one every test below signs in with.

    A module fixture is set up before the function-scoped ``_cheap_password_hashing`` of
    tests/conftest.py, so without this the accounts would carry production-cost hashes, and the
    first sign-in of each test would upgrade (rehash) the hash it finds — a real and wanted
    sign-in effect that changes the users table before the import even starts, and that the
    snapshot would rightly see. It made the refusals look like they changed the data folder in
    pytest but not in a standalone run (which hashes at production cost throughout).
    """
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield _build_organisation(tmp_path_factory.mktemp("organisation"))


def _build_organisation(root: Path) -> Organisation:
    capsys = _Capture()
    office = build_office(capsys, root / "office")
    o = ("--data-dir", str(office), "--user", "wangfang")
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(root / "for-a.inspx"))
    cli(capsys, *o, "exchange", "export", "--for", "lina", "-o", str(root / "for-lina.inspx"))
    laptop = root / "a"
    cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
    cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(root / "for-a.inspx"))
    photos = photo_files()
    record_inspection(laptop, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
    record_inspection(laptop, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=1, photo=photos[1])
    cli(capsys, "--data-dir", str(laptop), "--user", "zhangwei", "exchange", "export", "-o",
        str(root / "from-a.inspx"))
    other = build_office(capsys, root / "other-office")
    cli(capsys, "--data-dir", str(other), "--user", "wangfang", "exchange", "export", "--for", "zhangwei", "-o",
        str(root / "other-for-zhangwei.inspx"))
    return Organisation(office, laptop, root / "from-a.inspx", root / "for-lina.inspx",
                        root / "other-for-zhangwei.inspx")


class _Capture:
    """capsys for a module-scoped fixture: the CLI's output is read from sys.stdout/stderr swaps."""

    def __init__(self) -> None:
        import io

        self._io = io

    def readouterr(self):  # type: ignore[no-untyped-def]
        out, err = getattr(sys.stdout, "getvalue", lambda: "")(), getattr(sys.stderr, "getvalue", lambda: "")()
        sys.stdout, sys.stderr = self._io.StringIO(), self._io.StringIO()
        return out, err


@pytest.fixture(autouse=True)
def _restore_streams():  # type: ignore[no-untyped-def]
    out, err = sys.stdout, sys.stderr
    yield
    sys.stdout, sys.stderr = out, err


def _copy(organisation: Organisation, tmp_path: Path) -> tuple[Path, Path]:
    office, laptop = tmp_path / "office", tmp_path / "a"
    shutil.copytree(organisation.office, office)
    shutil.copytree(organisation.laptop_a, laptop)
    return office, laptop


def state(folder: Path) -> tuple:
    """Every row of every table but the backups', and every file but the backups."""
    conn = sqlite3.connect(folder / "inspector.db")
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " ORDER BY name")]
        rows = tuple((table, tuple(conn.execute(f'SELECT * FROM "{table}"').fetchall())) for table in tables)
    finally:
        conn.close()
    files = sorted((str(path.relative_to(folder)), path.stat().st_size) for path in folder.rglob("*")
                   if path.is_file() and "backups" not in path.parts and not path.name.startswith("inspector.db"))
    return rows, tuple(files)


def zhangwei_signer(laptop: Path) -> Signer:
    conn = sqlite3.connect(laptop / "inspector.db")
    try:
        cert, key = conn.execute("SELECT c.cert_pem, c.key_pem FROM certificates c JOIN users u ON u.id = c.user_id"
                                 " WHERE u.username = 'zhangwei' AND c.kind = 'user'").fetchone()
    finally:
        conn.close()
    return Signer.from_pem(cert.encode(), key.encode(), PASSWORD)


def refused(capsys: pytest.CaptureFixture[str], folder: Path, file: Path, user: str, *words: str) -> str:
    before = state(folder)
    run = cli(capsys, "--data-dir", str(folder), "--user", user, "exchange", "import", str(file), ok=False)
    assert run.code == 2, run.out + run.err
    assert run.err.startswith("error: ") and "Traceback" not in run.err and run.out == ""
    for word in words:
        assert word in run.err, run.err
    assert state(folder) == before
    return run.err


def _flip_in_photo(source: Path, target: Path) -> Path:
    """One byte of a stored (uncompressed) photo changed in place, the zip's own CRC left as is."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = next(item for item in archive.infolist() if "/data/photos/" in item.filename)
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    data[offset] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_a_flipped_byte_in_a_photo(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    bad = _flip_in_photo(organisation.from_a, tmp_path / "flipped.inspx")
    refused(capsys, office, bad, "wangfang", bad.name)


@pytest.mark.parametrize("keep", [0, 0.5, 0.97])
def test_a_truncated_or_empty_file(organisation: Organisation, tmp_path: Path, capsys, keep: float) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    data = organisation.from_a.read_bytes()
    bad = tmp_path / "cut.inspx"
    bad.write_bytes(data[:int(len(data) * keep)])
    refused(capsys, office, bad, "wangfang", bad.name)


def test_an_unsigned_file(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    contents = {name: data for name, data in members(organisation.from_a).items() if name != SIGNATURE}
    bad = rezip(organisation.from_a, tmp_path / "unsigned.inspx", contents)
    assert "signed" in refused(capsys, office, bad, "wangfang", bad.name)


def test_a_valid_file_of_another_organisation(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Signed by a certificate of another office's CA: refused on A, which belongs to ours."""
    _, laptop = _copy(organisation, tmp_path)
    refused(capsys, laptop, organisation.other_for_zhangwei, "zhangwei", organisation.other_for_zhangwei.name)


def test_a_file_for_another_user(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, laptop = _copy(organisation, tmp_path)
    refused(capsys, laptop, organisation.for_lina, "zhangwei", "another data folder")


def test_a_laptop_file_brought_back_to_the_laptop(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, laptop = _copy(organisation, tmp_path)
    refused(capsys, laptop, organisation.from_a, "zhangwei", "another data folder")


def _with_member(source: Path, target: Path, name: str, *, link: bool = False, raw: bool = False) -> Path:
    base = base_of(source)
    with zipfile.ZipFile(target, "w") as archive:
        for member, data in members(source).items():
            archive.writestr(f"{base}/{member}", data)
        entry = zipfile.ZipInfo(name if raw else f"{base}/{name}")
        if link:
            entry.create_system = 3
            entry.external_attr = (0o120777) << 16
        archive.writestr(entry, b"/etc/passwd" if link else b"x")
    return target


@pytest.mark.parametrize(("name", "raw", "link"), [
    ("../../evil.sh", False, False), ("/etc/cron.d/evil", True, False), ("data/photos/evil.jpg", False, True),
])
def test_member_names_that_escape_and_links(organisation: Organisation, tmp_path: Path, capsys, name: str,  # type: ignore[no-untyped-def]
                                            raw: bool, link: bool) -> None:
    office, _ = _copy(organisation, tmp_path)
    bad = _with_member(organisation.from_a, tmp_path / "evil.inspx", name, raw=raw, link=link)
    refused(capsys, office, bad, "wangfang", bad.name)
    assert not (tmp_path / "evil.sh").exists() and not Path("/etc/cron.d/evil").exists()


def test_a_zip_bomb(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    base = base_of(organisation.from_a)
    bad = tmp_path / "bomb.inspx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members(organisation.from_a).items():
            archive.writestr(f"{base}/{member}", data)
        archive.writestr(f"{base}/data/records/zeros.jsonl", b"\0" * (64 << 20))
    refused(capsys, office, bad, "wangfang", bad.name)


def test_a_newer_schema(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, laptop = _copy(organisation, tmp_path)
    bad = forge(organisation.from_a, tmp_path / "newer.inspx", zhangwei_signer(laptop),
                bag_info=lambda text: text.replace("Inspector-Schema: ", "Inspector-Schema: 9"))
    refused(capsys, office, bad, "wangfang", "newer")


def _edited(source: Path, target: Path, signer: Signer, kind: str, edit) -> Path:  # type: ignore[no-untyped-def]
    def payload(files: dict[str, bytes]) -> dict[str, bytes]:
        name = f"data/records/{kind}.jsonl"
        lines = []
        for line in files.get(name, b"").splitlines():
            raw = json.loads(line)
            raw.pop("sha256")
            lines.append(record_line(edit(Record.model_validate(raw))).rstrip(b"\n"))
        return {**files, name: b"\n".join(lines) + b"\n"}
    return forge(source, target, signer, payload=payload)


def test_the_same_record_id_with_other_content_is_a_conflict(organisation: Organisation, tmp_path: Path,
                                                             capsys) -> None:  # type: ignore[no-untyped-def]
    office, laptop = _copy(organisation, tmp_path)
    cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import", str(organisation.from_a))

    def relabel(record: Record) -> Record:
        return record.model_copy(update={"body": {**record.body, "subject_label": "改过的车"}})

    bad = _edited(organisation.from_a, tmp_path / "edited.inspx", zhangwei_signer(laptop), "inspection", relabel)
    bad = forge(bad, tmp_path / "edited2.inspx", zhangwei_signer(laptop),
                bag_info=lambda text: text.replace("Inspector-Sequence: 1", "Inspector-Sequence: 2"))
    err = refused(capsys, office, bad, "wangfang", "Conflict", "inspection")
    assert "改过的车" not in err


def test_a_laptop_may_not_send_what_the_office_owns(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, laptop = _copy(organisation, tmp_path)
    users = members(organisation.for_lina)["data/records/user.jsonl"].splitlines()
    origin = json.loads(members(organisation.from_a)["data/records/inspection.jsonl"].splitlines()[0])["origin"]

    def add_admin(files: dict[str, bytes]) -> dict[str, bytes]:
        raw = json.loads(users[0])
        raw.pop("sha256")
        record = Record.model_validate({**raw, "origin": origin})
        return {**files, "data/records/user.jsonl": record_line(record)}

    bad = forge(organisation.from_a, tmp_path / "users.inspx", zhangwei_signer(laptop), payload=add_admin,
                bag_info=lambda text: text + "Inspector-Records: user=1\n")
    refused(capsys, office, bad, "wangfang", bad.name)


def test_a_full_disk_during_the_merge_keeps_everything_as_it_was(organisation: Organisation, tmp_path: Path,
                                                                 capsys, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """``PRAGMA max_page_count`` makes the database full exactly as a full disk does."""
    office, _ = _copy(organisation, tmp_path)
    connect = database_module._connect

    def full(path: Path):  # type: ignore[no-untyped-def]
        db = connect(path)
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
        return db

    monkeypatch.setattr(database_module, "_connect", full)
    before = state(office)
    run = cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import",
              str(organisation.from_a), ok=False)
    assert run.code == 2 and "disk is full" in run.err and "Traceback" not in run.err
    monkeypatch.setattr(database_module, "_connect", connect)
    rows, _ = state(office)
    assert rows == before[0]


def test_kill_9_at_random_moments_leaves_the_office_as_before_or_fully_merged(
        organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """20 imports killed with SIGKILL after a random delay: each time the office has none of the
    file or all of it, its check passes, and the import run again completes it."""
    rng = random.Random(20)
    env = {**os.environ, "INSPECTOR_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
    outcomes = set()
    for attempt in range(20):
        office = tmp_path / f"office-{attempt}"
        shutil.copytree(organisation.office, office)
        before = sqlite3.connect(office / "inspector.db").execute("SELECT count(*) FROM inspections").fetchone()[0]
        process = subprocess.Popen([sys.executable, "-m", "inspector.cli.main", "--data-dir", str(office), "--user",
                                    "wangfang", "exchange", "import", str(organisation.from_a)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        conn = sqlite3.connect(office / "inspector.db")
        count = conn.execute("SELECT count(*) FROM inspections").fetchone()[0]
        files = conn.execute("SELECT count(*) FROM exchange_files WHERE direction = 'received'").fetchone()[0]
        conn.close()
        assert (count, files) in ((before, 0), (before + 2, 1)), attempt
        outcomes.add(count - before)
        check = cli(capsys, "--data-dir", str(office), "--user", "wangfang", "check", ok=False)
        assert check.code == 0, check.err
        cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import", str(organisation.from_a))
        conn = sqlite3.connect(office / "inspector.db")
        assert conn.execute("SELECT count(*) FROM inspections").fetchone()[0] == before + 2
        conn.close()
        shutil.rmtree(office)
    assert outcomes  # the delays spread over the whole import: print them when it fails
