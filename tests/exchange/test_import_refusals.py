"""#20 bad input at import, through ``inspector-cli exchange import``: each refusal is one
``error:`` line naming the file and why, exit 2, no traceback, and the data folder as it was —
every row of every table and every file (photos, print copies, PDFs), compared before and after
(``tests/exchange/imports.py``; only ``backups/`` is left out, by design: see ``folder_files``).

The files come from a real organisation (office, laptop A of zhangwei, another organisation) and
are then damaged, stripped, re-signed by another CA, or forged with a trusted key — what a
faulty copy or a hostile sender could produce. The format's own refusals, error code by error
code, are tests/exchange/test_bad_files.py; this is the whole command on top of them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from inspector.domain.records import Record
from inspector.exchange.layout import (
    BAG_INFO,
    BAGIT_TXT,
    MANIFEST,
    SIGNATURE,
    TAG_MANIFEST,
)
from inspector.exchange.lines import record_line
from tests.exchange.helpers import base_of, data_offset, forge, members, rezip
from tests.exchange.imports import Organisation, import_refused, state, zhangwei_signer
from tests.exchange.organisation import cli

INSPECTIONS = "data/records/inspection.jsonl"


def _copy(organisation: Organisation, tmp_path: Path) -> tuple[Path, Path]:
    office, laptop = tmp_path / "office", tmp_path / "a"
    shutil.copytree(organisation.office, office)
    shutil.copytree(organisation.laptop_a, laptop)
    return office, laptop


def _member(organisation: Organisation, which: str) -> str:
    """A member of A's file by what it is: a record file, an original, a print copy, a tag file."""
    names = members(organisation.from_a)
    if which == "photo":
        return next(name for name in names if name.startswith("data/photos/") and "/print/" not in name)
    if which == "print":
        return next(name for name in names if name.startswith("data/photos/print/"))
    return which


MEMBERS = [INSPECTIONS, "photo", "print", BAGIT_TXT, BAG_INFO, MANIFEST, TAG_MANIFEST, SIGNATURE]


@pytest.mark.parametrize("which", MEMBERS)
def test_a_byte_changed_in_place_anywhere(organisation: Organisation, tmp_path: Path, capsys, which: str) -> None:  # type: ignore[no-untyped-def]
    """One byte of the member's stored bytes flipped in the file as it lies on the stick, the
    zip's own bookkeeping (CRC) left as it was: a damaged copy."""
    office, _ = _copy(organisation, tmp_path)
    member = _member(organisation, which)
    with zipfile.ZipFile(organisation.from_a) as archive:
        info = next(item for item in archive.infolist() if item.filename.endswith("/" + member))
    data = bytearray(organisation.from_a.read_bytes())
    data[data_offset(organisation.from_a, member) + info.compress_size // 2] ^= 0x01
    bad = tmp_path / "flipped.inspx"
    bad.write_bytes(bytes(data))
    import_refused(capsys, office, bad, "wangfang", bad.name)


@pytest.mark.parametrize("which", MEMBERS)
def test_a_byte_changed_in_the_content_of_any_member(organisation: Organisation, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                     which: str) -> None:
    """One byte of a member's content changed and the zip rebuilt with correct CRCs, as a
    deliberate edit would be: only the manifests and the signature can tell, and they do."""
    office, _ = _copy(organisation, tmp_path)
    member = _member(organisation, which)
    contents = members(organisation.from_a)
    changed = bytearray(contents[member])
    changed[len(changed) // 2] ^= 0x01
    bad = rezip(organisation.from_a, tmp_path / "edited.inspx", {**contents, member: bytes(changed)})
    err = import_refused(capsys, office, bad, "wangfang", bad.name)
    if member == SIGNATURE:
        assert "signature" in err or "signed" in err, err
    elif member not in (BAGIT_TXT, BAG_INFO):  # a changed tag file may also be unreadable first
        assert member in err or "signature" in err, err


@pytest.mark.parametrize("keep", [0, 0.1, 0.5, 0.97])
def test_a_truncated_or_empty_file(organisation: Organisation, tmp_path: Path, capsys, keep: float) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    data = organisation.from_a.read_bytes()
    bad = tmp_path / "cut.inspx"
    bad.write_bytes(data[:int(len(data) * keep)])
    err = import_refused(capsys, office, bad, "wangfang", bad.name)
    assert ("empty" if keep == 0 else "ends too early") in err


def test_an_unsigned_file(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    contents = {name: data for name, data in members(organisation.from_a).items() if name != SIGNATURE}
    bad = rezip(organisation.from_a, tmp_path / "unsigned.inspx", contents)
    import_refused(capsys, office, bad, "wangfang", bad.name, "not signed")


def test_a_valid_file_signed_under_another_ca(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Another office's valid file for its own zhangwei, brought to our zhangwei's laptop."""
    _, laptop = _copy(organisation, tmp_path)
    file = organisation.other_for_zhangwei
    import_refused(capsys, laptop, file, "zhangwei", file.name, "not issued by this organisation")


def test_a_file_of_ours_signed_by_a_foreign_certificate(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A's own file re-signed with a certificate another office's CA issued to a "zhangwei"."""
    office, _ = _copy(organisation, tmp_path)
    other = tmp_path / "other"
    shutil.copytree(organisation.office.parent / "other-office", other)
    # The other office issued its zhangwei's certificate and key, so its data folder holds them.
    bad = forge(organisation.from_a, tmp_path / "resigned.inspx", zhangwei_signer(other))
    import_refused(capsys, office, bad, "wangfang", bad.name, "not issued by this organisation")


def test_a_file_naming_another_organisation(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Signed by our own (trusted) zhangwei, but its description names another organisation."""
    office, laptop = _copy(organisation, tmp_path)
    bad = forge(organisation.from_a, tmp_path / "elsewhere.inspx", zhangwei_signer(laptop),
                bag_info=lambda text: "\n".join(
                    "Inspector-Organization-Id: 0192f3a4-0000-7000-8000-00000000beef"
                    if line.startswith("Inspector-Organization-Id:") else line for line in text.splitlines()) + "\n")
    import_refused(capsys, office, bad, "wangfang", bad.name, "another organisation")


def test_a_file_for_another_user(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, laptop = _copy(organisation, tmp_path)
    import_refused(capsys, laptop, organisation.for_lina, "zhangwei", organisation.for_lina.name,
                   "another data folder")


def test_a_file_for_another_device(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A file for the office, brought to a laptop: made for another data folder."""
    _, laptop = _copy(organisation, tmp_path)
    other_laptop = tmp_path / "b"
    shutil.copytree(laptop, other_laptop)
    # B is a copy of A with a device id of its own: A's file for the office is not B's either.
    conn = sqlite3.connect(other_laptop / "inspector.db")
    with conn:
        conn.execute("UPDATE device SET device_id = '0192f3a4-0000-7000-8000-0000000000b0'")
    conn.close()
    import_refused(capsys, other_laptop, organisation.from_a, "zhangwei", organisation.from_a.name,
                   "another data folder")


def test_a_laptop_file_brought_back_to_the_laptop(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, laptop = _copy(organisation, tmp_path)
    import_refused(capsys, laptop, organisation.from_a, "zhangwei", "another data folder")


def _with_member(source: Path, target: Path, name: str, *, link: bool = False, raw: bool = False) -> Path:
    base = base_of(source)
    with zipfile.ZipFile(target, "w") as archive:
        for member, data in members(source).items():
            archive.writestr(f"{base}/{member}", data)
        entry = zipfile.ZipInfo(name if raw else f"{base}/{name}")
        if link:
            entry.create_system = 3
            entry.external_attr = (stat.S_IFLNK | 0o777) << 16
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            archive.writestr(entry, b"/etc/passwd" if link else b"x")
    return target


@pytest.mark.parametrize(("name", "raw", "link", "words"), [
    ("../../evil.sh", False, False, "outside its folder"),
    ("/etc/cron.d/evil", True, False, "outside its folder"),
    ("data/photos/evil.jpg", False, True, "is a link"),
])
def test_member_names_that_escape_and_links(organisation: Organisation, tmp_path: Path, capsys, name: str,  # type: ignore[no-untyped-def]
                                            raw: bool, link: bool, words: str) -> None:
    office, _ = _copy(organisation, tmp_path)
    bad = _with_member(organisation.from_a, tmp_path / "evil.inspx", name, raw=raw, link=link)
    import_refused(capsys, office, bad, "wangfang", bad.name, words)
    assert not (tmp_path / "evil.sh").exists() and not Path("/etc/cron.d/evil").exists()


def test_a_zip_bomb(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _ = _copy(organisation, tmp_path)
    base = base_of(organisation.from_a)
    bad = tmp_path / "bomb.inspx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members(organisation.from_a).items():
            archive.writestr(f"{base}/{member}", data)
        archive.writestr(f"{base}/data/records/zeros.jsonl", b"\0" * (64 << 20))
    import_refused(capsys, office, bad, "wangfang", bad.name, "times its packed size")


def test_a_newer_schema(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, laptop = _copy(organisation, tmp_path)
    bad = forge(organisation.from_a, tmp_path / "newer.inspx", zhangwei_signer(laptop),
                bag_info=lambda text: text.replace("Inspector-Schema: ", "Inspector-Schema: 9"))
    import_refused(capsys, office, bad, "wangfang", bad.name, "newer version of Inspector")


def test_the_same_file_twice_is_nothing_new(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Not an error: exit 0, "nothing new", and the second time changes nothing."""
    office, _ = _copy(organisation, tmp_path)
    first = cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import", str(organisation.from_a))
    assert "2 inspections" in first.out
    before = state(office)
    again = cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import", str(organisation.from_a))
    assert again.code == 0 and again.out.startswith("nothing new: ") and again.err == ""
    assert state(office) == before
    as_json = cli(capsys, "--data-dir", str(office), "--user", "wangfang", "exchange", "import", "--json",
                  str(organisation.from_a))
    assert json.loads(as_json.out)["nothing_new"] is True
    assert state(office) == before


def _edited(source: Path, target: Path, signer, kind: str, edit) -> Path:  # type: ignore[no-untyped-def]
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
    err = import_refused(capsys, office, bad, "wangfang", "Conflict", "inspection")
    assert "改过的车" not in err


def test_a_laptop_may_not_send_what_the_office_owns(organisation: Organisation, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Refused in the middle of the merge, after the photos were stored: they are removed again."""
    office, laptop = _copy(organisation, tmp_path)
    users = members(organisation.for_lina)["data/records/user.jsonl"].splitlines()
    origin = json.loads(members(organisation.from_a)[INSPECTIONS].splitlines()[0])["origin"]

    def add_admin(files: dict[str, bytes]) -> dict[str, bytes]:
        raw = json.loads(users[0])
        raw.pop("sha256")
        record = Record.model_validate({**raw, "origin": origin})
        return {**files, "data/records/user.jsonl": record_line(record)}

    bad = forge(organisation.from_a, tmp_path / "users.inspx", zhangwei_signer(laptop), payload=add_admin,
                bag_info=lambda text: text + "Inspector-Records: user=1\n")
    import_refused(capsys, office, bad, "wangfang", bad.name, "only the quality office makes")
    assert not list((office / "photos").rglob("*.jpg"))
