"""The errors of reading and writing exchange files: one class per kind of fault, a stable code
per reason, and parameters that say where (``file``, ``member``, ``line``) — never a sentence.

Every refusal of a file is an ``ExchangeRejected``, so a caller that only needs "was the file
accepted" catches that; the subclasses let a caller (and a test) tell a damaged copy from a
forged one. The sentences are in ``inspector.words.exchange``.
"""

from __future__ import annotations

from inspector.domain.errors import InspectorError


class ExchangeRejected(InspectorError):
    """An exchange file that is refused; nothing was read from it into anywhere."""

    code = "exchange_rejected"


class ExchangeUnreadable(ExchangeRejected):
    """Not an exchange file at all, or a damaged copy: empty, not a zip, cut short, unreadable member.

    Codes: ``exchange_empty``, ``exchange_not_a_zip``, ``exchange_truncated``, ``exchange_damaged``,
    ``exchange_not_a_bag``.
    """

    code = "exchange_damaged"


class ExchangeUnsafe(ExchangeRejected):
    """A zip built to hurt the reader: a member that would land outside its folder, a symlink,
    a duplicate name, or sizes that would fill the disk or the memory (a zip bomb).

    Codes: ``exchange_member_name_unsafe``, ``exchange_member_symlink``, ``exchange_member_duplicate``,
    ``exchange_member_unsupported``, ``exchange_too_large``, ``exchange_too_many_members``,
    ``exchange_compression_ratio``, ``exchange_tag_file_too_large``.
    """

    code = "exchange_member_name_unsafe"


class ExchangeSignatureInvalid(ExchangeRejected):
    """The signature is missing, does not match the file, or was made by someone not trusted.

    Codes: ``exchange_unsigned``, ``exchange_signature_invalid``, ``exchange_signer_untrusted``,
    ``exchange_signer_not_valid_now``, ``exchange_signer_key_usage``, ``exchange_signer_mismatch``.
    """

    code = "exchange_signature_invalid"


class ExchangeTampered(ExchangeRejected):
    """The bytes differ from what was signed: a member changed, missing, or added after signing.

    Codes: ``exchange_tampered``, ``exchange_member_missing``, ``exchange_member_unlisted``,
    ``exchange_member_unexpected``, ``exchange_manifest_invalid``, ``exchange_count_mismatch``.
    """

    code = "exchange_tampered"


class ExchangeTooNew(ExchangeRejected):
    """Written by a newer build: ``exchange_format_too_new`` or ``exchange_schema_too_new``."""

    code = "exchange_schema_too_new"


class ExchangeInfoInvalid(ExchangeRejected):
    """``bag-info.txt`` lacks a field or holds one that cannot be read (``exchange_info_invalid``)."""

    code = "exchange_info_invalid"


class ExchangeRecordInvalid(ExchangeRejected):
    """A record line that is not JSON, not a record, of another kind, too long, or whose hash is wrong.

    Codes: ``exchange_record_not_json``, ``exchange_record_invalid``, ``exchange_record_wrong_kind``,
    ``exchange_record_too_long``, ``exchange_record_hash_mismatch``, ``exchange_record_not_canonical``.
    """

    code = "exchange_record_invalid"


class ExchangeWriteFailed(InspectorError):
    """Writing an exchange file failed; no file was left behind.

    Codes: ``exchange_write_failed`` (disk full, no permission…), ``exchange_photo_source_missing``,
    ``exchange_photo_source_changed`` (the stored photo no longer has the hash it is filed under).
    """

    code = "exchange_write_failed"


class ExchangeCancelled(InspectorError):
    """The user cancelled; nothing was written (``exchange_cancelled``)."""

    code = "exchange_cancelled"
