"""A signature check in plain words, for the ``verify`` command and the "verify a notice" dialog,
and the sentences of the signing and certificate error codes.

``describe_check`` answers, in order, the questions a supervisor or a unit's head asks about a
signed notice: is it intact? who signed it, and when? can I trust that name? was anything
changed or added after signing? ``verdict`` sums it up in one line with a level (good / doubtful /
bad) that the dialog colours and the CLI turns into its exit code.

``ERROR_SENTENCES`` (context "Errors") joins ``inspector.words.messages.TEMPLATES``: the
certificate and signing codes are said beside the verdicts that use the same words.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.domain.signatures import SignatureCheck, SignatureProblem
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
    "password_required_for_key": QT_TRANSLATE_NOOP("Errors", "A signing key needs a password."),
    "certificate_key_unsupported": QT_TRANSLATE_NOOP(
        "Errors", "The signing key is of a kind Inspector does not use; issue a new certificate."),
    "certificate_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The certificate could not be read (it is not a PEM certificate)."),
    "certificate_file_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} holds no certificate (expected a PEM file such as inspector-ca.pem)."),
    "pdf_unreadable": QT_TRANSLATE_NOOP("Errors", "The PDF could not be read ({reason})."),
    "cert_password_required": QT_TRANSLATE_NOOP(
        "Errors", "The password of \"{user}\" is needed to protect their new signing key: let them type it in a "
        "terminal, or set ${env}."),
}


class Verdict(StrEnum):
    GOOD = "good"  # signed, intact, whole, and trusted (or trust not asked for)
    DOUBTFUL = "doubtful"  # intact and whole, but the signer's name is not confirmed
    BAD = "bad"  # not signed, changed, or unreadable: do not rely on it


def _when(check: SignatureCheck) -> str:
    return check.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if check.signed_at else ""


def _integrity(check: SignatureCheck) -> str:
    if check.problem == SignatureProblem.DIGEST_MISMATCH:
        return translate("SignatureCheck", "The document has been changed after it was signed: do not rely on it.")
    if check.problem == SignatureProblem.SIGNATURE_INVALID:
        return translate("SignatureCheck",
                         "The signature does not match the signer's certificate: do not rely on this document.")
    if not check.whole_document:
        return translate("SignatureCheck",
                         "The signed part is unchanged, but something was added to the file after it was signed: "
                         "do not rely on what was added; ask the issuer for the original file.")
    return translate("SignatureCheck",
                     "The document is intact: nothing has been changed or added since it was signed.")


def _signer(check: SignatureCheck) -> str:
    who = check.signer_name or translate("SignatureCheck", "an unnamed signer")
    if check.signer_username:
        who = translate("SignatureCheck", "{name} (account {username})").format(
            name=who, username=check.signer_username)
    if check.signer_organisation:
        who = translate("SignatureCheck", "{who}, {organisation}").format(
            who=who, organisation=check.signer_organisation)
    when = _when(check)
    if when:
        return translate("SignatureCheck", "Signed by {who} on {when}.").format(who=who, when=when)
    return translate("SignatureCheck", "Signed by {who}; the time of signing is not recorded.").format(who=who)


def _trust(check: SignatureCheck) -> str:
    issuer = check.issuer_name or "?"
    if check.trusted is True:
        return translate("SignatureCheck",
                         "The signer's certificate was issued by {issuer}, a certificate authority trusted here: "
                         "the name above is confirmed.").format(issuer=issuer)
    if check.trusted is False:
        return translate("SignatureCheck",
                         "The signer's certificate (issued by {issuer}) does not come from a certificate authority "
                         "trusted here, or it has expired: the name above is not confirmed.").format(issuer=issuer)
    return translate("SignatureCheck",
                     "No trusted certificate authority was given, so the name above is not confirmed; check again "
                     "with the office's certificate (inspector-ca.pem).")


def describe_check(check: SignatureCheck) -> list[str]:
    """Plain sentences about ``check`` in the current language, most important first."""
    if check.problem == SignatureProblem.UNREADABLE_PDF:
        return [translate("SignatureCheck", "This file is not a PDF document, or it is too damaged to read.")]
    if not check.signed:
        return [translate("SignatureCheck",
                          "This document carries no digital signature: nothing shows who issued it or whether it "
                          "was changed.")]
    lines = [_integrity(check)]
    if check.signer_name or check.signed_at:  # a damaged signature may not even name its signer
        lines.append(_signer(check))
    if check.reason:
        lines.append(translate("SignatureCheck", "Reason given: {reason}.").format(reason=check.reason))
    if check.location:
        lines.append(translate("SignatureCheck", "Signed at: {location}.").format(location=check.location))
    if check.intact:
        lines.append(_trust(check))
    if check.signature_count > 1:
        lines.append(translate("SignatureCheck",
                               "The document carries {count} signatures; this is about the last one, which covers "
                               "the earlier ones.").format(count=check.signature_count))
    return lines


def verdict(check: SignatureCheck, *, require_trust: bool) -> tuple[Verdict, str]:
    """The level and the one-line headline for ``check``."""
    if check.ok(require_trust):
        if check.trusted is True:
            return Verdict.GOOD, translate("SignatureCheck",
                                           "Valid signature: the document is intact and the signer is confirmed.")
        return Verdict.GOOD, translate("SignatureCheck", "Valid signature: the document is intact.")
    if check.signed and check.intact and check.whole_document:
        return Verdict.DOUBTFUL, translate("SignatureCheck",
                                           "The document is intact, but the signer is not confirmed.")
    if check.problem == SignatureProblem.UNREADABLE_PDF:
        return Verdict.BAD, translate("SignatureCheck", "Not a readable PDF.")
    if not check.signed:
        return Verdict.BAD, translate("SignatureCheck", "Not signed.")
    if check.problem == SignatureProblem.SIGNATURE_INVALID:
        return Verdict.BAD, translate("SignatureCheck", "Do not rely on this document: its signature is not valid.")
    return Verdict.BAD, translate("SignatureCheck", "Do not rely on this document: it was changed after signing.")
