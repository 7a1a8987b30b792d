"""Every bad exchange file is refused with its own code, naming where the fault is, and nothing
is written anywhere: damaged copies, forged or foreign signatures, zips built to hurt the reader,
files from a newer build, and record lines a faulty writer got wrong."""

from __future__ import annotations

import json
import stat
import warnings
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from inspector.domain.errors import InspectorError
from inspector.domain.records import canonical_json
from inspector.exchange import (
    ExchangeInfoInvalid, ExchangeRecordInvalid, ExchangeRejected, ExchangeSignatureInvalid, ExchangeTampered,
    ExchangeTooNew, ExchangeUnreadable, ExchangeUnsafe, Limits, Signer, open_exchange,
)
from inspector.exchange.layout import BAG_INFO, MANIFEST, SIGNATURE, TAG_MANIFEST
from inspector.signing.pki import load_certificate, load_private_key
from tests.exchange.helpers import (
    CA_PASSWORD, SCHEMA, Office, Sample, base_of, build_sample, data_offset, forge, make_info, members,
    nothing_written, rezip, set_encrypted_flag,
)

INSPECTIONS = "data/records/inspection.jsonl"


def refused(path: Path, office: Office, folder: Path, *, limits: Limits | None = None,
            newest_schema: int = SCHEMA, now: datetime | None = None) -> InspectorError:
    """The error ``open_exchange`` raises for ``path``, after checking that it wrote nothing."""
    with nothing_written(folder), pytest.raises(InspectorError) as caught:
        open_exchange(path, office.ca_pem, newest_schema=newest_schema, limits=limits, now=now).close()
    return caught.value


def changed(sample: Sample, folder: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    files = members(sample.path)
    change(files)
    return rezip(sample.path, folder / "changed.inspx", files)


def flip(data: bytes, at: int = -10) -> bytes:
    index = at % len(data)
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1:]


# -- damaged copies -------------------------------------------------------------------------------

def test_a_missing_file(office: Office, tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.inspx", office, tmp_path).code == "file_missing"


def test_an_empty_file(office: Office, tmp_path: Path) -> None:
    (tmp_path / "empty.inspx").write_bytes(b"")
    error = refused(tmp_path / "empty.inspx", office, tmp_path)
    assert isinstance(error, ExchangeUnreadable) and error.code == "exchange_empty"
    assert error.params == {"file": "empty.inspx"}


def test_not_a_zip(office: Office, tmp_path: Path) -> None:
    (tmp_path / "notes.inspx").write_text("这不是交换文件", encoding="utf-8")
    assert refused(tmp_path / "notes.inspx", office, tmp_path).code == "exchange_not_a_zip"


@pytest.mark.parametrize("keep", [0.5, 0.99, -1])
def test_a_truncated_file(sample: Sample, office: Office, tmp_path: Path, keep: float) -> None:
    data = sample.path.read_bytes()
    cut = tmp_path / "cut.inspx"
    cut.write_bytes(data[:-1] if keep == -1 else data[:int(len(data) * keep)])
    assert refused(cut, office, tmp_path).code == "exchange_truncated"


def test_a_zip_without_a_bag(office: Office, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "plain.inspx", "w") as archive:
        archive.writestr("photos/a.jpg", b"\xff\xd8")
    assert refused(tmp_path / "plain.inspx", office, tmp_path).code == "exchange_not_a_bag"


def test_a_flipped_byte_inside_a_compressed_member(sample: Sample, office: Office, tmp_path: Path) -> None:
    data = bytearray(sample.path.read_bytes())
    data[data_offset(sample.path, INSPECTIONS) + 5] ^= 0x40
    (tmp_path / "flipped.inspx").write_bytes(bytes(data))
    error = refused(tmp_path / "flipped.inspx", office, tmp_path)
    assert error.code in ("exchange_damaged", "exchange_record_not_json", "exchange_tampered")
    assert error.params["member"] == INSPECTIONS


def test_no_single_flipped_byte_goes_unnoticed(office: Office, tmp_path: Path) -> None:
    """Flip bytes all over a file: each copy is refused with a coded error, or — where the byte is
    zip bookkeeping that carries no meaning (a timestamp) — reads exactly the original content."""
    sample = build_sample(tmp_path / "small", office.zhangwei, photos=1)
    data = sample.path.read_bytes()
    with open_exchange(sample.path, office.ca_pem, newest_schema=SCHEMA) as reader:
        expected = [list(reader.records(kind)) for kind in reader.kinds()]
    step = max(len(data) // 400, 1)
    refusals = 0
    for at in range(0, len(data), step):
        copy = tmp_path / "copy.inspx"
        copy.write_bytes(flip(data, at))
        try:
            with open_exchange(copy, office.ca_pem, newest_schema=SCHEMA) as reader:
                assert [list(reader.records(kind)) for kind in reader.kinds()] == expected, at
                for entry in reader.photos():
                    with reader.open_photo(entry.sha256) as stream:
                        assert stream.read() == sample.photos[entry.sha256], at
        except ExchangeRejected:
            refusals += 1
    assert refusals > 300  # nearly every byte is content, covered by a manifest or the signature


# -- tampering and signatures ---------------------------------------------------------------------

@pytest.mark.parametrize(("member", "code", "named"), [
    (INSPECTIONS, "exchange_tampered", INSPECTIONS),
    (BAG_INFO, "exchange_tampered", BAG_INFO),
    (MANIFEST, "exchange_tampered", MANIFEST),
    (TAG_MANIFEST, "exchange_tampered", TAG_MANIFEST),
])
def test_a_changed_member_is_named(sample: Sample, office: Office, tmp_path: Path, member: str, code: str,
                                   named: str) -> None:
    def change(files: dict[str, bytes]) -> None:
        files[member] = files[member].replace(b"1", b"2", 1)

    error = refused(changed(sample, tmp_path, change), office, tmp_path)
    assert isinstance(error, ExchangeTampered) and error.code == code and error.params["member"] == named


def test_a_changed_photo_is_named(sample: Sample, office: Office, tmp_path: Path) -> None:
    sha256 = next(iter(sample.photos))

    def change(files: dict[str, bytes]) -> None:
        files[f"data/photos/{sha256}.jpg"] = flip(files[f"data/photos/{sha256}.jpg"])

    error = refused(changed(sample, tmp_path, change), office, tmp_path)
    assert error.code == "exchange_tampered" and error.params["member"] == f"data/photos/{sha256}.jpg"


def test_a_changed_signature(sample: Sample, office: Office, tmp_path: Path) -> None:
    def change(files: dict[str, bytes]) -> None:
        files[SIGNATURE] = flip(files[SIGNATURE], -20)  # inside the ECDSA signature value

    error = refused(changed(sample, tmp_path, change), office, tmp_path)
    assert isinstance(error, ExchangeSignatureInvalid) and error.code == "exchange_signature_invalid"


def test_garbage_for_a_signature(sample: Sample, office: Office, tmp_path: Path) -> None:
    def change(files: dict[str, bytes]) -> None:
        files[SIGNATURE] = b"not a signature"

    error = refused(changed(sample, tmp_path, change), office, tmp_path)
    assert error.code == "exchange_signature_invalid" and error.params["reason"] == "unreadable"


def test_an_unsigned_file(sample: Sample, office: Office, tmp_path: Path) -> None:
    error = refused(changed(sample, tmp_path, lambda files: files.pop(SIGNATURE)), office, tmp_path)
    assert isinstance(error, ExchangeSignatureInvalid) and error.code == "exchange_unsigned"


def test_a_valid_file_from_another_organisation(office: Office, other_office: Office, tmp_path: Path) -> None:
    foreign = build_sample(tmp_path, other_office.zhangwei, photos=1)
    error = refused(foreign.path, office, tmp_path)
    assert error.code == "exchange_signer_untrusted"
    assert "张伟" in error.params["signer"]


def test_a_file_signed_by_a_colleague_for_someone_else(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", office.lina)  # names zhangwei, signed by lina
    error = refused(forged, office, tmp_path)
    assert error.code == "exchange_signer_mismatch"
    assert (error.params["signer"], error.params["user"]) == ("lina", "zhangwei")


def test_a_certificate_outside_its_validity(sample: Sample, office: Office, tmp_path: Path) -> None:
    error = refused(sample.path, office, tmp_path, now=datetime.now(UTC) + timedelta(days=365 * 30))
    assert error.code == "exchange_signer_not_valid_now" and error.params["not_after"]


def _certificate(office: Office, *, digital_signature: bool, ca: bool = False) -> Signer:
    ca_certificate = load_certificate(office.ca_pem)
    ca_key = load_private_key(office.ca_key_pem, CA_PASSWORD)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "张伟"),
                                 x509.NameAttribute(NameOID.USER_ID, "zhangwei")]))
        .issuer_name(ca_certificate.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=digital_signature, content_commitment=False,
                                     key_encipherment=True, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=ca, crl_sign=False, encipher_only=False, decipher_only=False),
                       critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return Signer(certificate, key)


def test_a_certificate_that_may_not_sign(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", _certificate(office, digital_signature=False))
    assert refused(forged, office, tmp_path).code == "exchange_signer_key_usage"


def test_a_certificate_authority_does_not_send_files(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", _certificate(office, digital_signature=True, ca=True))
    assert refused(forged, office, tmp_path).code == "exchange_signer_untrusted"


def test_a_member_added_after_signing(sample: Sample, office: Office, tmp_path: Path) -> None:
    def change(files: dict[str, bytes]) -> None:
        files["data/photos/" + "e" * 64 + ".jpg"] = b"\xff\xd8 smuggled"

    error = refused(changed(sample, tmp_path, change), office, tmp_path)
    assert error.code == "exchange_member_unlisted" and error.params["member"].endswith("e" * 64 + ".jpg")


def test_a_member_taken_out_after_signing(sample: Sample, office: Office, tmp_path: Path) -> None:
    error = refused(changed(sample, tmp_path, lambda files: files.pop(INSPECTIONS)), office, tmp_path)
    assert error.code == "exchange_member_missing" and error.params["member"] == INSPECTIONS


# -- zips built to hurt the reader ----------------------------------------------------------------

def _zip_with(path: Path, sample: Sample, name: str, *, mode: int | None = None, raw_name: bool = False) -> Path:
    base = base_of(sample.path)
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members(sample.path).items():
            archive.writestr(f"{base}/{member}", data)
        entry = zipfile.ZipInfo(name if raw_name else f"{base}/{name}")
        if mode is not None:
            entry.create_system = 3
            entry.external_attr = mode << 16
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate we mean to write
            archive.writestr(entry, b"/etc/passwd" if mode and stat.S_ISLNK(mode) else b"x")
    return path


@pytest.mark.parametrize(("name", "reason"), [
    ("../../evil.sh", "parent"),
    ("/etc/cron.d/evil", "absolute"),
    ("data\\..\\..\\evil.bat", "backslash"),
    ("C:/Windows/evil.bat", "drive"),
    ("data/photos/./x.jpg", "empty_component"),
    ("data/a\nb.jpg", "control_character"),
])
def test_member_names_that_would_escape(sample: Sample, office: Office, tmp_path: Path, name: str,
                                        reason: str) -> None:
    raw = reason in ("absolute", "drive")  # these are names of their own, not under the base folder
    path = _zip_with(tmp_path / "evil.inspx", sample, name, raw_name=raw)
    error = refused(path, office, tmp_path)
    assert isinstance(error, ExchangeUnsafe) and error.code == "exchange_member_name_unsafe"
    assert error.params["reason"] == reason


def test_a_symlink_entry(sample: Sample, office: Office, tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "link.inspx", sample, "data/photos/link.jpg", mode=stat.S_IFLNK | 0o777)
    error = refused(path, office, tmp_path)
    assert error.code == "exchange_member_symlink" and error.params["member"].endswith("data/photos/link.jpg")


def test_a_duplicate_member(sample: Sample, office: Office, tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "twice.inspx", sample, INSPECTIONS)
    error = refused(path, office, tmp_path)
    assert error.code == "exchange_member_duplicate" and error.params["member"].endswith(INSPECTIONS)


def test_a_directory_entry(sample: Sample, office: Office, tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "dir.inspx", sample, "data/extra/", mode=stat.S_IFDIR | 0o755)
    assert refused(path, office, tmp_path).code in ("exchange_member_name_unsafe", "exchange_member_unsupported")


def test_a_member_that_inflates_far_beyond_its_size(sample: Sample, office: Office, tmp_path: Path) -> None:
    """A classic bomb: 64 MB of zeros packed into ~64 KB. Refused from the directory, unread."""
    path = tmp_path / "bomb.inspx"
    base = base_of(sample.path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members(sample.path).items():
            archive.writestr(f"{base}/{member}", data)
        with archive.open(f"{base}/data/photos/{'0' * 64}.jpg", "w") as target:
            for _ in range(64):
                target.write(bytes(1 << 20))
    error = refused(path, office, tmp_path)
    assert error.code == "exchange_compression_ratio" and error.params["ratio"] > 200


def test_more_than_the_limits(sample: Sample, office: Office, tmp_path: Path) -> None:
    total = refused(sample.path, office, tmp_path, limits=Limits(max_total_bytes=100_000))
    assert total.code == "exchange_too_large" and "limit_mb" in total.params
    count = refused(sample.path, office, tmp_path, limits=Limits(max_members=5))
    assert count.code == "exchange_too_many_members" and count.params["count"] > 5
    tags = refused(sample.path, office, tmp_path, limits=Limits(max_tag_file_bytes=100))
    assert tags.code == "exchange_tag_file_too_large"
    lines = refused(sample.path, office, tmp_path, limits=Limits(max_record_line_bytes=50))
    assert lines.code == "exchange_record_too_long" and lines.params["line"] == 1


def test_an_encrypted_member(sample: Sample, office: Office, tmp_path: Path) -> None:
    path = tmp_path / "locked.inspx"
    path.write_bytes(sample.path.read_bytes())
    set_encrypted_flag(path, INSPECTIONS)
    assert refused(path, office, tmp_path).code == "exchange_member_unsupported"


# -- newer builds ---------------------------------------------------------------------------------

def test_a_newer_schema_is_refused_with_its_number(office: Office, tmp_path: Path) -> None:
    newer = build_sample(tmp_path, office.zhangwei, info=make_info(schema=SCHEMA + 1), photos=0)
    error = refused(newer.path, office, tmp_path)
    assert isinstance(error, ExchangeTooNew) and error.code == "exchange_schema_too_new"
    assert (error.params["schema"], error.params["newest"]) == (SCHEMA + 1, SCHEMA)
    open_exchange(newer.path, office.ca_pem, newest_schema=SCHEMA + 1).close()


def test_a_newer_format_is_refused_with_its_number(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "v2.inspx", office.zhangwei,
                   bag_info=lambda text: text.replace("Inspector-Format: 1", "Inspector-Format: 2"))
    error = refused(forged, office, tmp_path)
    assert error.code == "exchange_format_too_new" and error.params["version"] == 2


# -- what a faulty but trusted writer could produce (signed anew, so only the content checks catch it) --

Files = dict[str, bytes]


def _line_change(line_number: int, new_line: Callable[[bytes], bytes]) -> Callable[[Files], Files]:
    def change(files: dict[str, bytes]) -> dict[str, bytes]:
        lines = files[INSPECTIONS].splitlines(keepends=True)
        lines[line_number - 1] = new_line(lines[line_number - 1])
        return {**files, INSPECTIONS: b"".join(lines)}
    return change


def _edit_fields(edit: Callable[[dict[str, object]], None]) -> Callable[[bytes], bytes]:
    def new_line(line: bytes) -> bytes:
        fields = json.loads(line)
        edit(fields)
        return canonical_json(fields) + b"\n"
    return new_line


@pytest.mark.parametrize(("new_line", "code"), [
    (lambda line: b"{not json\n", "exchange_record_not_json"),
    (lambda line: b"\xff\xfe\n", "exchange_record_not_json"),
    (lambda line: b"[1, 2]\n", "exchange_record_invalid"),
    (_edit_fields(lambda fields: fields.update(id="not-an-id")), "exchange_record_invalid"),
    (_edit_fields(lambda fields: fields.update(kind="finding")), "exchange_record_wrong_kind"),
    (_edit_fields(lambda fields: fields["body"].update(number=99)), "exchange_record_hash_mismatch"),
    (lambda line: line.replace(b'","', b'", "', 1), "exchange_record_not_canonical"),
])
def test_a_bad_record_line_is_named_by_member_and_line(sample: Sample, office: Office, tmp_path: Path,
                                                       new_line: Callable[[bytes], bytes], code: str) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", office.zhangwei, payload=_line_change(3, new_line))
    error = refused(forged, office, tmp_path)
    assert isinstance(error, ExchangeRecordInvalid) and error.code == code
    assert (error.params["member"], error.params["line"]) == (INSPECTIONS, 3)


def test_counts_that_disagree_with_the_contents(sample: Sample, office: Office, tmp_path: Path) -> None:
    fewer = forge(sample.path, tmp_path / "fewer.inspx", office.zhangwei,
                  bag_info=lambda text: text.replace("inspection=5", "inspection=6"))
    error = refused(fewer, office, tmp_path)
    assert error.code == "exchange_count_mismatch" and (error.params["declared"], error.params["found"]) == (6, 5)
    oxum = forge(sample.path, tmp_path / "oxum.inspx", office.zhangwei, fix_oxum=False,
                 payload=lambda files: {k: v for k, v in files.items() if "print" not in k})
    assert refused(oxum, office, tmp_path).code == "exchange_count_mismatch"


def test_a_payload_file_the_format_does_not_have(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", office.zhangwei,
                   payload=lambda files: {**files, "data/notes/readme.txt": b"hello"})
    error = refused(forged, office, tmp_path)
    assert error.code == "exchange_member_unexpected" and error.params["member"] == "data/notes/readme.txt"


def test_an_original_whose_name_is_not_its_hash(sample: Sample, office: Office, tmp_path: Path) -> None:
    sha256 = next(iter(sample.photos))
    forged = forge(sample.path, tmp_path / "forged.inspx", office.zhangwei,
                   payload=lambda files: {**files, f"data/photos/{sha256}.jpg": b"\xff\xd8 other bytes"})
    error = refused(forged, office, tmp_path)
    assert error.code == "exchange_tampered" and error.params["member"] == f"data/photos/{sha256}.jpg"


def test_bag_info_without_a_field(sample: Sample, office: Office, tmp_path: Path) -> None:
    forged = forge(sample.path, tmp_path / "forged.inspx", office.zhangwei,
                   bag_info=lambda text: "\n".join(line for line in text.splitlines()
                                                   if not line.startswith("Inspector-Sequence")) + "\n")
    error = refused(forged, office, tmp_path)
    assert isinstance(error, ExchangeInfoInvalid) and error.params["field"] == "Inspector-Sequence"
