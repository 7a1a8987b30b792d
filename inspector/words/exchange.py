"""Sentences for the error codes of exchange files and travelling records (context "Errors"),
merged into ``inspector.words.messages.TEMPLATES``; kept apart so that neither file grows too long.

Each sentence names the file and, where the code has one, the member and the line, and says what
to do about it when the user can do something (ask for the file again, update the program).
"""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP

EXCHANGE_TEMPLATES: dict[str, str] = {
    "record_id_invalid": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a record id (a UUID version 7)."),
    "device_id_invalid": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a device id (a UUID)."),
    # The file as a whole
    "exchange_empty": QT_TRANSLATE_NOOP(
        "Errors", "{file} is empty (0 bytes); copy the exchange file again from where it was sent."),
    "exchange_not_a_zip": QT_TRANSLATE_NOOP("Errors", "{file} is not an exchange file (.inspx)."),
    "exchange_truncated": QT_TRANSLATE_NOOP(
        "Errors", "{file} ends too early (an incomplete copy or download); copy it again."),
    "exchange_damaged": QT_TRANSLATE_NOOP(
        "Errors", "{file} is damaged: {member} cannot be read. Ask for the file again."),
    "exchange_not_a_bag": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a zip file but not an exchange file made by Inspector."),
    # Files built to do harm
    "exchange_member_name_unsafe": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: it holds a file named \"{member}\" that would be written outside its "
        "folder."),
    "exchange_member_symlink": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: \"{member}\" is a link, which exchange files never contain."),
    "exchange_member_duplicate": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: it holds \"{member}\" twice."),
    "exchange_member_unsupported": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: \"{member}\" is a folder entry, encrypted or compressed in a way exchange "
        "files never are."),
    "exchange_too_large": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: unpacked it would take more than {limit_mb} MB."),
    "exchange_too_many_members": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: it holds {count} files, more than the {limit} accepted."),
    "exchange_compression_ratio": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: \"{member}\" would unpack to {ratio} times its packed size (at most {limit} "
        "is accepted)."),
    "exchange_tag_file_too_large": QT_TRANSLATE_NOOP(
        "Errors", "{file} is refused: \"{member}\" is larger than {limit_mb} MB."),
    # Signature
    "exchange_unsigned": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not signed; only files signed by a user of this organisation are accepted."),
    "exchange_signature_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The signature of {file} cannot be read or does not match the file; the file may have been "
        "changed."),
    "exchange_signer_untrusted": QT_TRANSLATE_NOOP(
        "Errors", "{file} is signed by \"{signer}\", whose certificate was not issued by this organisation's "
        "quality office."),
    "exchange_signer_not_valid_now": QT_TRANSLATE_NOOP(
        "Errors", "{file} is signed with a certificate of \"{signer}\" that is valid only from {not_before} to "
        "{not_after}."),
    "exchange_signer_key_usage": QT_TRANSLATE_NOOP(
        "Errors", "{file} is signed with a certificate of \"{signer}\" that may not sign."),
    "exchange_signer_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "{file} says it was sent by \"{user}\" but is signed by \"{signer}\"."),
    # Contents against the manifests
    "exchange_tampered": QT_TRANSLATE_NOOP(
        "Errors", "{file} was changed after it was signed ({member}); it is refused. Ask for the file again."),
    "exchange_member_missing": QT_TRANSLATE_NOOP(
        "Errors", "{file} is incomplete: \"{member}\" is missing."),
    "exchange_member_unlisted": QT_TRANSLATE_NOOP(
        "Errors", "{file} holds \"{member}\", which was added after signing; it is refused."),
    "exchange_member_unexpected": QT_TRANSLATE_NOOP(
        "Errors", "{file} holds \"{member}\", which exchange files do not have; it is refused."),
    "exchange_manifest_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} cannot be read; the file is refused."),
    "exchange_count_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "{file}: {member} should hold {declared} but holds {found}; the file is refused."),
    "exchange_info_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the field {field} of its description (bag-info.txt) is missing or unreadable."),
    "exchange_format_too_new": QT_TRANSLATE_NOOP(
        "Errors", "{file} was made in exchange format {version} by a newer version of Inspector (this one reads up "
        "to {newest}); update Inspector first."),
    "exchange_schema_too_new": QT_TRANSLATE_NOOP(
        "Errors", "{file} holds records of schema {schema}, written by a newer version of Inspector (this one reads "
        "up to {newest}); update Inspector first."),
    # Record lines
    "exchange_record_not_json": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} is not valid JSON."),
    "exchange_record_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} is not a valid record ({detail})."),
    "exchange_record_wrong_kind": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} is a record of another kind ({kind})."),
    "exchange_record_too_long": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} is longer than {limit_mb} MB."),
    "exchange_record_hash_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the record on line {line} of {member} does not match its hash."),
    "exchange_record_not_canonical": QT_TRANSLATE_NOOP(
        "Errors", "{file}: line {line} of {member} is not written in the one form records travel in."),
    "exchange_photo_not_in_file": QT_TRANSLATE_NOOP(
        "Errors", "{file} does not hold the photo {photo}."),
    # Writing
    "exchange_write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The exchange file {file} could not be written ({reason}); nothing was saved."),
    "exchange_photo_source_missing": QT_TRANSLATE_NOOP(
        "Errors", "Photo {photo} is missing from the photo store ({path}); run the integrity check."),
    "exchange_photo_source_changed": QT_TRANSLATE_NOOP(
        "Errors", "Photo {photo} in the photo store was changed ({path}); it is not sent. Run the integrity check."),
    "exchange_cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled ({file}); nothing was changed."),
    # Merging (inspector.services.exchange, inspector.storage.travel)
    "exchange_record_rejected": QT_TRANSLATE_NOOP(
        "Errors", "The record {record} cannot be taken in: {reason}. Nothing of the file was imported."),
    "exchange_reference_missing": QT_TRANSLATE_NOOP(
        "Errors", "The record {record} points at a {kind} ({id}) this data folder does not have; nothing of the "
        "file was imported. Import the earlier exchange files from the same sender first."),
    "exchange_record_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Conflict: the record {record} is here already with other content; nothing of the file was "
        "imported. Ask the quality office (records are never overwritten)."),
    "exchange_record_not_senders": QT_TRANSLATE_NOOP(
        "Errors", "{file} carries the record {record}, which its sender did not make; nothing was imported."),
    "exchange_kind_not_laptops": QT_TRANSLATE_NOOP(
        "Errors", "{file} comes from a laptop but carries {record}, which only the quality office makes; "
        "nothing was imported."),
    "exchange_not_joined": QT_TRANSLATE_NOOP(
        "Errors", "This data folder does not belong to an organisation yet: import the exchange file the "
        "quality office made for you first."),
    "exchange_office_sends_for": QT_TRANSLATE_NOOP(
        "Errors", "This is the quality office's data folder: export a file for one user's laptop "
        "(exchange export --for USER)."),
    "exchange_only_office_sends_for": QT_TRANSLATE_NOOP(
        "Errors", "Only the quality office's data folder makes files for a user's laptop; a laptop sends its "
        "own records to the office (exchange export without --for)."),
    "exchange_all_is_for_laptops": QT_TRANSLATE_NOOP(
        "Errors", "--all belongs to a laptop's file; the office's file for a user always holds all they need."),
    "exchange_no_certificate": QT_TRANSLATE_NOOP(
        "Errors", "{user} has no signing certificate here, and an exchange file must be signed. The quality "
        "office issues one (certs issue {user}) and sends it with the next file for {user}."),
    "exchange_document_missing": QT_TRANSLATE_NOOP(
        "Errors", "The notice PDF {document} is missing; run the integrity check. Nothing was written."),
    "exchange_document_differs": QT_TRANSLATE_NOOP(
        "Errors", "{file} is here already with other content than the notice in the exchange file; nothing "
        "was imported. Run the integrity check."),
    "exchange_join_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "{file} would make this data folder a laptop of the organisation, but it already holds "
        "inspections of its own; join with a newly created data folder."),
    "exchange_join_without_ca": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a file from the quality office for a new laptop (it carries no CA certificate); "
        "nothing was imported."),
    "exchange_other_organisation": QT_TRANSLATE_NOOP(
        "Errors", "{file} belongs to another organisation ({organisation}); nothing was imported."),
    "exchange_other_receiver": QT_TRANSLATE_NOOP(
        "Errors", "{file} was made for another data folder, not for this one; nothing was imported."),
    "exchange_own_file": QT_TRANSLATE_NOOP(
        "Errors", "{file} was made by this data folder itself; send it to the other side instead."),
    "exchange_sequence_reused": QT_TRANSLATE_NOOP(
        "Errors", "{file} says it is file {sequence} from {sender}, but another file {sequence} from {sender} "
        "came in before; nothing was imported."),
    "exchange_signer_unknown": QT_TRANSLATE_NOOP(
        "Errors", "{file} is signed by {user}, who has no account here; nothing was imported."),
    "device_name_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A data folder's name is 1 to {limit} characters."),
}
