"""A signature check in plain words, for the ``verify`` command and the "verify a notice" dialog,
and the sentences of the signing and certificate error codes.

``verdict`` sums the check up in one line with a level — good (intact and every signer confirmed),
doubtful (intact, but a signer is unknown or untrusted: said first, never after "valid"), bad —
that the dialog colours and the CLI turns into its exit code (0, 3, 1). ``describe_check`` then
answers what a supervisor or a unit's head asks: is the document as it was signed? and
``describe_signature``, for each signature in turn: who signed (confirmed, or only claimed by a
certificate nobody vouches for), when, and what the signature still covers.

``ERROR_SENTENCES`` (context "Errors") joins ``inspector.words.messages.TEMPLATES``: the
certificate and signing codes are said beside the verdicts that use the same words.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.domain.signatures import Coverage, SignatureCheck, SignatureInfo, SignatureProblem, SigningIdentity
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

ERROR_SENTENCES: dict[str, str] = {
    "no_ca": QT_TRANSLATE_NOOP(
        "Errors", "This data folder has no certificate authority yet; the quality office creates it with "
        "\"certs init-ca\"."),
    "ca_exists": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has its certificate authority (held by {holder}); there is only one."),
    "not_ca_holder": QT_TRANSLATE_NOOP(
        "Errors", "Only {holder}, who created the certificate authority, may issue certificates."),
    "user_inactive": QT_TRANSLATE_NOOP(
        "Errors", "The account \"{user}\" is switched off and cannot get a certificate."),
    "no_certificate": QT_TRANSLATE_NOOP(
        "Errors", "\"{user}\" has no signing certificate yet; ask the quality office to run \"certs issue {user}\"."),
    "certificate_expired": QT_TRANSLATE_NOOP(
        "Errors", "The signing certificate of \"{user}\" expired on {not_after}; ask the quality office for a new one."),
    "certificate_key_locked": QT_TRANSLATE_NOOP(
        "Errors", "The signing key of \"{user}\" is locked with an earlier password (the password was reset); "
        "ask the quality office to run \"certs issue {user}\"."),
    "certificate_password_wrong": QT_TRANSLATE_NOOP("Errors", "The password does not unlock the signing key."),
    "no_seal": QT_TRANSLATE_NOOP(
        "Errors", "A covert notice is signed with the office seal certificate, and this data folder has none yet; "
        "the holder of the certificate authority creates it with \"certs init-seal\"."),
    "seal_exists": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has its office seal certificate; give quality-office members a copy "
        "with \"certs grant-seal USER\"."),
    "no_seal_key": QT_TRANSLATE_NOOP(
        "Errors", "A covert notice is signed with the office seal, never with a personal certificate, and "
        "\"{user}\" holds no copy of the seal key yet; ask the holder of the certificate authority to run "
        "\"certs grant-seal {user}\"."),
    "seal_for_quality_office": QT_TRANSLATE_NOOP(
        "Errors", "The office seal is held by the quality office only; \"{user}\" ({role}) cannot apply it, so "
        "covert notices are signed by the quality office."),
    "seal_expired": QT_TRANSLATE_NOOP(
        "Errors", "The office seal certificate expired on {not_after}; the holder of the certificate authority "
        "must make a new one."),
    "seal_key_locked": QT_TRANSLATE_NOOP(
        "Errors", "The copy of the office seal key of \"{user}\" is locked with an earlier password (the password "
        "was reset); ask the holder of the certificate authority to run \"certs grant-seal {user}\"."),
    "password_required_for_key": QT_TRANSLATE_NOOP("Errors", "A signing key needs a password."),
    "certificate_key_unsupported": QT_TRANSLATE_NOOP(
        "Errors", "The signing key is of a kind Inspector does not use; issue a new certificate."),
    "certificate_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The certificate could not be read (it is not a PEM certificate)."),
    "certificate_file_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} holds no certificate (expected a PEM file such as inspector-ca.pem)."),
    "pdf_unreadable": QT_TRANSLATE_NOOP("Errors", "The PDF could not be read ({reason})."),
    "pdf_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a folder, not a PDF file: give the path of one signed PDF."),
    "cert_password_required": QT_TRANSLATE_NOOP(
        "Errors", "The password of \"{user}\" is needed to protect their new signing key: let them type it in a "
        "terminal, or set ${env}."),
}


def seal_notice(identity: SigningIdentity) -> str:
    """What signing a covert notice does, said in the CLI's output and the GUI's result line."""
    return translate("SignatureCheck", "Covert visit: signed with the office seal certificate “{name}”, "
                     "never with a personal certificate.").format(name=identity.common_name)


def signing_prompt(identity: SigningIdentity) -> str:
    """The password prompt before signing: whose certificate the signature will carry."""
    if identity.seal:
        return translate("SignatureCheck", "Covert visit: this notice is signed with the office seal certificate "
                         "“{name}”, never with your personal certificate, so the signature names no "
                         "person. The quality office holds the seal's key ({holders}). Your password unlocks "
                         "your copy of the seal key:").format(
            name=identity.common_name, holders=", ".join(identity.holders) or "-")
    return translate("SignatureCheck", "Signed with your personal certificate (“{name}”). Your password "
                     "unlocks your signing key:").format(name=identity.common_name)


class Verdict(StrEnum):
    GOOD = "good"  # signed, intact, nothing changed after any signature, every signer trusted
    DOUBTFUL = "doubtful"  # intact, but some signer's name is not confirmed by a trusted CA
    BAD = "bad"  # not signed, changed, or unreadable: do not rely on it


def _when(info: SignatureInfo) -> str:
    return info.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.signed_at else ""


def _integrity(check: SignatureCheck) -> str:
    if check.problem == SignatureProblem.DIGEST_MISMATCH:
        return translate("SignatureCheck", "The document has been changed after it was signed: do not rely on it.")
    if check.problem == SignatureProblem.SIGNATURE_INVALID:
        return translate("SignatureCheck",
                         "The signature does not match the signer's certificate: do not rely on this document.")
    if check.problem == SignatureProblem.MODIFIED_AFTER_SIGNING or not check.whole_document:
        return translate("SignatureCheck",
                         "The signed part is unchanged, but something was added to the file after it was signed: "
                         "do not rely on what was added; ask the issuer for the original file.")
    if check.problem == SignatureProblem.CONTENT_CHANGED_LATER:
        return translate("SignatureCheck",
                         "The document was changed between two signatures — more than adding a signature or "
                         "filling in a form — and a later signature does not make that right: do not rely on "
                         "what the pages show; ask the issuer for the original file.")
    return translate("SignatureCheck",
                     "The document is intact: nothing has been changed or added since it was signed.")


def _who(info: SignatureInfo) -> str:
    who = info.signer_name or translate("SignatureCheck", "an unnamed signer")
    if info.signer_username:
        who = translate("SignatureCheck", "{name} (account {username})").format(
            name=who, username=info.signer_username)
    if info.signer_organisation:
        who = translate("SignatureCheck", "{who}, {organisation}").format(
            who=who, organisation=info.signer_organisation)
    return who


def _signer(info: SignatureInfo) -> str:
    """Who signed, and when — stated as fact only when a trusted CA confirms the name."""
    who, when = _who(info), _when(info)
    if not info.intact:
        return translate("SignatureCheck", "it claims to be by {who}, but it is not intact.").format(who=who)
    if info.trusted is True:
        if when:
            return translate("SignatureCheck", "signed by {who} on {when}; the certificate was issued by "
                             "{issuer}, a certificate authority trusted here: the name is confirmed.").format(
                who=who, when=when, issuer=info.issuer_name or "?")
        return translate("SignatureCheck", "signed by {who} (the time of signing is not recorded); the "
                         "certificate was issued by {issuer}, a certificate authority trusted here: the name is "
                         "confirmed.").format(who=who, issuer=info.issuer_name or "?")
    when = when or translate("SignatureCheck", "an unrecorded time")
    if info.trusted is False:
        return translate("SignatureCheck", "it claims to be by {who} on {when}, but its certificate (issued by "
                         "{issuer}) does not come from a certificate authority trusted here, or it has expired: "
                         "the name is not confirmed.").format(who=who, when=when, issuer=info.issuer_name or "?")
    return translate("SignatureCheck", "it claims to be by {who} on {when}; no trusted certificate authority is "
                     "known here, so the name is not confirmed: anyone can make a certificate with any name. Check "
                     "again with the office's certificate (inspector-ca.pem).").format(who=who, when=when)


def _coverage(info: SignatureInfo, revisions: int) -> str:
    if info.coverage is Coverage.WHOLE_FILE:
        return translate("SignatureCheck", "It covers the whole file.")
    if info.coverage is Coverage.LATER_SIGNATURES:
        return translate("SignatureCheck", "It covers the file up to revision {revision} of {revisions}; the "
                         "revisions after it only add signatures or fill in form fields.").format(
            revision=info.revision, revisions=revisions)
    if info.coverage is Coverage.LATER_CHANGES:
        return translate("SignatureCheck", "It covers the file up to revision {revision} of {revisions}, and a "
                         "later revision changed the document itself (more than signatures or form filling): "
                         "what the pages show now is not what was signed.").format(
            revision=info.revision, revisions=revisions)
    if info.coverage is Coverage.APPENDED:
        return translate("SignatureCheck", "It covers the file up to revision {revision} of {revisions}; "
                         "something was added after it that nobody signed.").format(
            revision=info.revision, revisions=revisions)
    return translate("SignatureCheck", "What it covers cannot be read.")


def describe_signature(info: SignatureInfo, count: int, revisions: int) -> str:
    """One signature in one paragraph: number, signer (confirmed or claimed), what it covers, reason."""
    parts = [translate("SignatureCheck", "Signature {index} of {count}:").format(index=info.index, count=count)]
    if info.problem == SignatureProblem.SIGNATURE_INVALID and not info.signer_name:
        parts.append(translate("SignatureCheck", "it is damaged and cannot be read."))
        return " ".join(parts)
    parts.append(_signer(info))
    parts.append(_coverage(info, revisions))
    if info.reason:
        parts.append(translate("SignatureCheck", "Reason given: {reason}.").format(reason=info.reason))
    if info.location:
        parts.append(translate("SignatureCheck", "Signed at: {location}.").format(location=info.location))
    return " ".join(parts)


def signature_level(info: SignatureInfo) -> Verdict:
    """One signature's own level, for the mark beside it in the dialog's list."""
    if info.problem is None and info.trusted is True:
        return Verdict.GOOD
    if info.problem in (None, SignatureProblem.UNTRUSTED_SIGNER):
        return Verdict.DOUBTFUL
    return Verdict.BAD


def describe_document(check: SignatureCheck) -> str:
    """The one sentence about the document as a whole (before the signatures are listed)."""
    if check.problem == SignatureProblem.UNREADABLE_PDF:
        return translate("SignatureCheck", "This file is not a PDF document, or it is too damaged to read.")
    if not check.signed:
        return translate("SignatureCheck",
                         "This document carries no digital signature: nothing shows who issued it or whether it "
                         "was changed.")
    return _integrity(check)


def describe_check(check: SignatureCheck) -> list[str]:
    """Plain sentences about ``check`` in the current language: the document, then each signature."""
    return [describe_document(check)] + [describe_signature(info, check.signature_count, check.revisions)
                                         for info in check.signatures]


def verdict(check: SignatureCheck) -> tuple[Verdict, str]:
    """The level and the one-line headline for ``check``; an unconfirmed signer is said first."""
    if check.ok():
        return Verdict.GOOD, translate("SignatureCheck",
                                       "Valid signature: the document is intact and the signer is confirmed.")
    if check.sound():
        if check.trusted is False:
            return Verdict.DOUBTFUL, translate(
                "SignatureCheck", "Signer not confirmed: the signature does not come from a certificate authority "
                "trusted here. The document's bytes are as they were signed.")
        return Verdict.DOUBTFUL, translate(
            "SignatureCheck", "Signer not confirmed: no trusted certificate authority is known here, so the name "
            "on the signature proves nothing. The document's bytes are as they were signed.")
    if check.problem == SignatureProblem.UNREADABLE_PDF:
        return Verdict.BAD, translate("SignatureCheck", "Not a readable PDF.")
    if not check.signed:
        return Verdict.BAD, translate("SignatureCheck", "Not signed.")
    if check.problem == SignatureProblem.SIGNATURE_INVALID:
        return Verdict.BAD, translate("SignatureCheck", "Do not rely on this document: its signature is not valid.")
    if check.problem == SignatureProblem.CONTENT_CHANGED_LATER:
        return Verdict.BAD, translate("SignatureCheck",
                                      "Do not rely on this document: it was changed between its signatures.")
    return Verdict.BAD, translate("SignatureCheck", "Do not rely on this document: it was changed after signing.")
