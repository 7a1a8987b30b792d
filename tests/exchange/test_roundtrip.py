"""What goes into an exchange file comes out, byte for byte, and nothing else does; independent
tools (``bagit``, ``sha256sum``'s format, ``openssl cms``) agree that the file is a valid, signed bag."""

from __future__ import annotations

import errno
import hashlib
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import bagit
import pytest

from inspector.domain.records import Record, RecordKind, new_id
from inspector.domain.errors import NotFound
from inspector.exchange import (
    ExchangeCancelled, ExchangeRejected, ExchangeWriteFailed, ExchangeWriter, PhotoKind, open_exchange,
)
from inspector.exchange.layout import SIGNATURE, TAG_MANIFEST
from inspector.exchange.lines import record_line
from tests.exchange.helpers import (
    LAPTOP, SCHEMA, Office, Sample, build_sample, data_offset, inspection, make_info, members, write_photo,
)


def test_records_and_photos_come_back_as_they_went_in(sample: Sample, office: Office, tmp_path: Path) -> None:
    with open_exchange(sample.path, office.ca_pem, newest_schema=SCHEMA) as reader:
        assert reader.info.sender_device == LAPTOP and reader.info.sequence == 12
        assert reader.info.organisation_name == "一公司" and reader.info.receiver == "office"
        assert reader.info.audit_head == make_info().audit_head
        assert reader.info.record_counts == {RecordKind.INSPECTION: 5, RecordKind.PHOTO: 3}
        assert reader.info.photo_counts == {PhotoKind.ORIGINAL: 3, PhotoKind.PRINT: 3}
        assert reader.signed_by.username == "zhangwei" and reader.signed_by.common_name == "张伟"
        assert reader.kinds() == [RecordKind.INSPECTION, RecordKind.PHOTO]
        assert list(reader.records(RecordKind.INSPECTION)) == sample.inspections
        assert list(reader.records(RecordKind.PHOTO)) == sample.photo_records
        assert list(reader.records(RecordKind.NOTICE)) == []
        assert {entry.sha256 for entry in reader.photos()} == set(sample.photos)
        for sha256, data in sample.photos.items():
            target = tmp_path / f"{sha256}.jpg"
            assert reader.copy_photo(sha256, target) == len(data)
            assert target.read_bytes() == data
            with reader.open_photo(sha256, PhotoKind.PRINT) as stream:
                assert stream.read() == sample.prints[sha256]
        entry = reader.photo(next(iter(sample.prints)), PhotoKind.PRINT)
        assert entry is not None and entry.extension == "jpg"
        assert entry.content_sha256 == hashlib.sha256(sample.prints[entry.sha256]).hexdigest()


def test_the_writer_fills_in_the_counts(sample: Sample, office: Office) -> None:
    text = members(sample.path)["bag-info.txt"].decode("utf-8")
    assert "Inspector-Records: inspection=5\n" in text and "Inspector-Photos: print=3\n" in text
    assert "Source-Organization: 一公司\n" in text and "Inspector-Schema: 7\n" in text


def test_each_record_is_one_canonical_line(sample: Sample) -> None:
    lines = members(sample.path)["data/records/inspection.jsonl"].splitlines(keepends=True)
    assert lines == [record_line(record) for record in sample.inspections]
    assert "一车队".encode() in lines[0]  # UTF-8 as is, not \\u escapes


def test_the_same_records_give_the_same_lines_in_another_file(sample: Sample, office: Office, tmp_path: Path) -> None:
    with ExchangeWriter(tmp_path / "again.inspx", make_info(sequence=13), office.zhangwei) as writer:
        writer.add_records(RecordKind.INSPECTION, reversed(sample.inspections))
    again = members(tmp_path / "again.inspx")["data/records/inspection.jsonl"].splitlines()
    assert sorted(again) == sorted(members(sample.path)["data/records/inspection.jsonl"].splitlines())


def test_what_was_not_added_is_not_in_the_file(office: Office, tmp_path: Path) -> None:
    """Read the raw file and every unpacked member: a record left out leaves no trace."""
    sent = inspection(1, note="公开检查 visible-marker")
    kept_back = inspection(2, note="暗访 covert-marker", covert=True)
    _, photo = write_photo(tmp_path, b"\xff\xd8" + b"left-out-photo" * 100)
    with ExchangeWriter(tmp_path / "out.inspx", make_info(), office.zhangwei) as writer:
        writer.add_records(RecordKind.INSPECTION, [sent])
    raw = (tmp_path / "out.inspx").read_bytes()
    unpacked = b"".join(members(tmp_path / "out.inspx").values())
    assert "visible-marker".encode() in unpacked  # the search works…
    for secret in ("covert-marker", "暗访", kept_back.id, hashlib.sha256(photo.read_bytes()).hexdigest()):
        assert secret.encode() not in raw and secret.encode() not in unpacked  # …and finds nothing


def test_bagit_validates_the_unzipped_bag(sample: Sample, tmp_path: Path) -> None:
    with zipfile.ZipFile(sample.path) as archive:
        archive.extractall(tmp_path / "unzipped")  # test code: the archive is our own
    (bag_dir,) = (tmp_path / "unzipped").iterdir()  # RFC 8493 §4.2: one base directory
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert bag.info["Source-Organization"] == "一公司"
    assert bag.info["Inspector-Records"] == ["inspection=5", "photo=3"]
    assert len(bag.payload_entries()) == 2 + 3 + 3
    photo = next((bag_dir / "data" / "photos").glob("*.jpg"))
    photo.write_bytes(photo.read_bytes()[:-1] + b"!")
    with pytest.raises(bagit.BagValidationError):  # and bagit would notice a change
        bagit.Bag(str(bag_dir)).validate()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_the_signature_against_the_ca(sample: Sample, office: Office, other_office: Office,
                                                       tmp_path: Path) -> None:
    files = members(sample.path)
    (tmp_path / "tagmanifest").write_bytes(files[TAG_MANIFEST])
    (tmp_path / "signature.p7s").write_bytes(files[SIGNATURE])
    (tmp_path / "ca.pem").write_bytes(office.ca_pem)
    (tmp_path / "other-ca.pem").write_bytes(other_office.ca_pem)

    def verify(ca: str, content: bytes) -> subprocess.CompletedProcess[str]:
        (tmp_path / "content").write_bytes(content)
        return subprocess.run(
            ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp_path / "signature.p7s"),
             "-content", str(tmp_path / "content"), "-CAfile", str(tmp_path / ca), "-out", "/dev/null"],
            capture_output=True, text=True, check=False)

    good = verify("ca.pem", files[TAG_MANIFEST])
    assert good.returncode == 0, good.stderr
    assert "Verification successful" in good.stderr
    assert verify("other-ca.pem", files[TAG_MANIFEST]).returncode != 0
    assert verify("ca.pem", files[TAG_MANIFEST].replace(b"bagit.txt", b"bagit.TXT")).returncode != 0


def test_progress_rises_to_one_and_cancel_leaves_no_file(office: Office, tmp_path: Path) -> None:
    _, photo = write_photo(tmp_path, b"\xff\xd8" + bytes(range(256)) * 20_000)
    sha256 = hashlib.sha256(photo.read_bytes()).hexdigest()
    seen: list[float] = []
    out = tmp_path / "out"
    with ExchangeWriter(out / "a.inspx", make_info(), office.zhangwei, expected_bytes=photo.stat().st_size,
                        progress=seen.append) as writer:
        writer.add_photo(sha256, photo)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 2
    with pytest.raises(ExchangeCancelled):
        with ExchangeWriter(out / "b.inspx", make_info(), office.zhangwei, cancelled=lambda: True) as writer:
            writer.add_photo(sha256, photo)
    assert sorted(path.name for path in out.iterdir()) == ["a.inspx"]
    read_progress: list[float] = []
    open_exchange(out / "a.inspx", office.ca_pem, newest_schema=SCHEMA, progress=read_progress.append).close()
    assert read_progress[-1] == 1.0
    with pytest.raises(ExchangeCancelled):
        open_exchange(out / "a.inspx", office.ca_pem, newest_schema=SCHEMA, cancelled=lambda: True)


def test_an_error_inside_the_block_leaves_no_file(office: Office, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with ExchangeWriter(tmp_path / "out" / "a.inspx", make_info(), office.zhangwei) as writer:
            writer.add_records(RecordKind.INSPECTION, [inspection(1)])
            raise RuntimeError("the caller failed")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_photo_whose_bytes_no_longer_match_its_hash_is_not_sent(office: Office, tmp_path: Path) -> None:
    sha256, photo = write_photo(tmp_path, b"\xff\xd8original")
    photo.write_bytes(b"\xff\xd8changed on disk")
    with pytest.raises(ExchangeWriteFailed) as caught:
        with ExchangeWriter(tmp_path / "out" / "a.inspx", make_info(), office.zhangwei) as writer:
            writer.add_photo(sha256, photo)
    assert caught.value.code == "exchange_photo_source_changed" and caught.value.params["photo"] == sha256
    with pytest.raises(ExchangeWriteFailed) as missing:
        with ExchangeWriter(tmp_path / "out" / "a.inspx", make_info(), office.zhangwei) as writer:
            writer.add_photo(sha256, tmp_path / "gone.jpg")
    assert missing.value.code == "exchange_photo_source_missing"
    assert list((tmp_path / "out").iterdir()) == []


def test_a_full_disk_leaves_no_file_and_says_so(office: Office, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)  # the tag files are the last thing written
    with pytest.raises(ExchangeWriteFailed) as caught:
        with ExchangeWriter(tmp_path / "out" / "a.inspx", make_info(), office.zhangwei) as writer:
            writer.add_records(RecordKind.INSPECTION, [inspection(1)])
    assert caught.value.code == "exchange_write_failed"
    assert caught.value.params == {"file": "a.inspx", "reason": "No space left on device"}
    assert list((tmp_path / "out").iterdir()) == []


def test_the_writer_refuses_programming_mistakes(office: Office, tmp_path: Path) -> None:
    with ExchangeWriter(tmp_path / "a.inspx", make_info(), office.zhangwei) as writer:
        writer.add_records(RecordKind.INSPECTION, [inspection(1)])
        with pytest.raises(ValueError):  # refused before anything is written: the writer goes on
            writer.add_records(RecordKind.INSPECTION, [inspection(2)])
        sha256, photo = write_photo(tmp_path, b"\xff\xd8once")
        assert writer.add_photo(sha256, photo) is True
        assert writer.add_photo(sha256, photo) is False  # the same copy twice: once in the file
    with open_exchange(tmp_path / "a.inspx", office.ca_pem, newest_schema=SCHEMA) as reader:
        assert [r.body["number"] for r in reader.records(RecordKind.INSPECTION)] == [1]
        assert len(reader.photos()) == 1
    with pytest.raises(ValueError):  # found half-way through a member: the whole file is dropped
        with ExchangeWriter(tmp_path / "out" / "b.inspx", make_info(), office.zhangwei) as writer:
            writer.add_records(RecordKind.FINDING, [inspection(3)])
    assert list((tmp_path / "out").iterdir()) == []


def test_a_photo_stream_checks_its_hash_at_the_end(sample: Sample, office: Office) -> None:
    """A file changed on disk after it was verified is still caught while reading."""
    reader = open_exchange(sample.path, office.ca_pem, newest_schema=SCHEMA)
    try:
        sha256 = next(iter(sample.photos))
        with sample.path.open("r+b") as handle:  # flip one byte of the stored photo, in place
            handle.seek(data_offset(sample.path, f"data/photos/{sha256}.jpg") + 100)
            byte = handle.read(1)
            handle.seek(-1, io.SEEK_CUR)
            handle.write(bytes([byte[0] ^ 0xFF]))
        with pytest.raises(ExchangeRejected) as caught, reader.open_photo(sha256) as stream:
            stream.read()
        # Stored photos carry a CRC too: zipfile may notice first ("damaged"), else the hash does.
        assert caught.value.code in ("exchange_tampered", "exchange_damaged")
        assert caught.value.params["member"] == f"data/photos/{sha256}.jpg"
    finally:
        reader.close()


def test_photo_extensions_travel_and_stay_plain(office: Office, tmp_path: Path) -> None:
    sha256, photo = write_photo(tmp_path, b"heic bytes", suffix=".HEIC")
    with ExchangeWriter(tmp_path / "a.inspx", make_info(), office.zhangwei) as writer:
        writer.add_photo(sha256, photo)
        writer.add_records(RecordKind.PHOTO, [Record(kind=RecordKind.PHOTO, id=new_id(), origin=LAPTOP,
                                                     body={"sha256": sha256})])
    with open_exchange(tmp_path / "a.inspx", office.ca_pem, newest_schema=SCHEMA) as reader:
        assert [entry.extension for entry in reader.photos()] == ["heic"]
        with pytest.raises(NotFound) as caught:
            reader.copy_photo("0" * 64, tmp_path / "x.jpg")
        assert caught.value.code == "exchange_photo_not_in_file"
        assert not (tmp_path / "x.jpg").exists()


def test_a_month_signed_by_another_user_of_the_office_reads(office: Office, tmp_path: Path) -> None:
    sample = build_sample(tmp_path, office.lina, info=make_info(acting_user="lina", sequence=1), photos=1)
    with open_exchange(sample.path, office.ca_pem, newest_schema=SCHEMA) as reader:
        assert reader.signed_by.username == "lina"
