"""``certs init-ca|issue|init-seal|grant-seal|export-ca`` and ``verify``: the local CA, signing
certificates, the office seal, and checking a signed PDF.

``certs init-ca``, ``certs issue USER``, ``certs init-seal`` and ``certs grant-seal USER`` act as
the signed-in user (``--user``, password from ``$INSPECTOR_PASSWORD`` or a prompt) and go through
``CertificateService``, so the role checks and the audit trail are those of the desktop app. The
target user's own password, which encrypts their new key (or their copy of the seal key), comes
from ``$INSPECTOR_CERT_PASSWORD`` or a prompt "Password of USER:"; without either (no terminal)
the command exits 2.

The office seal (检查专用章) signs covert notices: ``init-seal`` (the CA holder) makes it and holds
the first copy of its key; ``grant-seal USER`` gives a quality-office member their own copy.

``verify FILE.pdf`` needs no account and no data folder. Trust roots are the ``--trust`` files,
plus this data folder's CA when the folder exists and has one. Every signature is judged (see
``inspector.signing.pades``). Exit codes:

- 0: signed, intact, nothing but signatures/form filling after any signature, nothing appended
  after the last, and every signer chains to a trusted office CA;
- 3: intact, but a signer is unknown (no CA known) or untrusted — a self-signed certificate can
  claim any name, so the first line says "Signer not confirmed", never "valid";
- 1: damaged, changed after or between signatures, invalid, unsigned or not a PDF;
- 2: bad input (a missing PDF or CA file, a folder instead of a PDF).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import ENV_PASSWORD, ENV_USER, CliSession
from inspector.domain.errors import InspectorError
from inspector.domain.signatures import SignatureCheck
from inspector.domain.users import User
from inspector.paths import DATABASE_NAME, resolve_data_dir
from inspector.services.certificates import read_pdf_to_verify, verify_document
from inspector.words.signatures import Verdict, describe_check, verdict

ENV_CERT_PASSWORD = "INSPECTOR_CERT_PASSWORD"
# verify's exit code per verdict (2, bad input, comes from the coded errors as for every command)
VERIFY_EXIT = {Verdict.GOOD: 0, Verdict.BAD: 1, Verdict.DOUBTFUL: 3}


def register(subparsers: argparse._SubParsersAction) -> None:
    certs = subparsers.add_parser("certs", help=command_help("certs"))
    commands = certs.add_subparsers(dest="certs_command", metavar="ACTION", required=True)

    init_ca = commands.add_parser("init-ca", help="create this data folder's certificate authority (quality office)")
    init_ca.set_defaults(handler=run_init_ca)

    issue = commands.add_parser(
        "issue", help="give USER a signing key and certificate (the CA holder only; replaces an older one)")
    issue.add_argument("username", metavar="USER")
    issue.set_defaults(handler=run_issue)

    init_seal = commands.add_parser(
        "init-seal", help="create the office seal certificate that signs covert notices (the CA holder)")
    init_seal.set_defaults(handler=run_init_seal)

    grant_seal = commands.add_parser(
        "grant-seal", help="give quality-office member USER their copy of the office seal key (the CA holder)")
    grant_seal.add_argument("username", metavar="USER")
    grant_seal.set_defaults(handler=run_grant_seal)

    export = commands.add_parser("export-ca", help="write the CA certificate (PEM) for people who verify notices")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pem")
    export.set_defaults(handler=run_export_ca)

    verify = subparsers.add_parser(
        "verify", help="check every signature of a signed PDF; exit 0 intact and every signer trusted, "
                       "3 intact but a signer unknown or untrusted, 1 changed or invalid, 2 bad input")
    verify.add_argument("pdf", type=Path, metavar="FILE.pdf")
    verify.add_argument("--trust", action="append", default=[], type=Path, metavar="CA.pem",
                        help="a trusted CA certificate (PEM); repeat for several")
    verify.add_argument("--json", action="store_true", help="print the check as JSON on stdout")
    verify.set_defaults(handler=run_verify)


# --- certs ---------------------------------------------------------------------------------------

def _actor_and_password(session: CliSession) -> tuple[User, str]:
    """The acting user (as ``CliSession.actor`` chooses them) and their password, asked once."""
    users = session.context.users
    name = session.args.user or os.environ.get(ENV_USER)
    if not name:
        admin = users.sole_admin()
        if admin is None:
            raise InspectorError("no_acting_user")
        name = admin.username
    password = session.password_for(name)
    return users.authenticate(name, password), password


def _target_password(username: str) -> str:
    password = os.environ.get(ENV_CERT_PASSWORD)
    if password is not None:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password of {username}: ")
    raise InspectorError("cert_password_required", user=username, env=ENV_CERT_PASSWORD, actor_env=ENV_PASSWORD)


def run_init_ca(session: CliSession) -> int:
    actor, password = _actor_and_password(session)
    certificates = session.context.certificates
    certificates.init_ca(actor, password)
    ca = certificates.ca_certificate()
    assert ca is not None
    print(f"created the certificate authority {ca.subject} (valid until {ca.not_after:%Y-%m-%d}),"
          f" held by {actor.username}")
    print(f"CA certificate for verifiers: {certificates.ca_certificate_path()}")
    return 0


def run_issue(session: CliSession) -> int:
    actor, password = _actor_and_password(session)
    username = session.args.username.strip()
    certificates = session.context.certificates
    target = session.context.users.by_username(username)
    certificates.issue(actor, password, username, _target_password(username))
    issued = certificates.certificate_of(target.id)
    assert issued is not None
    print(f"issued certificate {issued.serial} to {username}: {issued.subject}"
          f" (valid until {issued.not_after:%Y-%m-%d})")
    return 0


def run_init_seal(session: CliSession) -> int:
    actor, password = _actor_and_password(session)
    certificates = session.context.certificates
    certificates.init_seal(actor, password)
    seal = certificates.seal_certificate()
    assert seal is not None
    print(f"created the office seal certificate {seal.subject} (valid until {seal.not_after:%Y-%m-%d}),"
          f" key held by {actor.username}; covert notices are signed with it")
    return 0


def run_grant_seal(session: CliSession) -> int:
    actor, password = _actor_and_password(session)
    username = session.args.username.strip()
    certificates = session.context.certificates
    if certificates.seal_certificate() is None:  # say so before asking the member for their password
        raise InspectorError("no_seal")
    certificates.grant_seal(actor, password, username, _target_password(username))
    holders = ", ".join(user.username for user in certificates.seal_holders())
    print(f"{username} now holds a copy of the office seal key (holders: {holders})")
    return 0


def _folder_exists(session: CliSession) -> bool:
    return (resolve_data_dir(session.args.data_dir) / DATABASE_NAME).is_file()


def run_export_ca(session: CliSession) -> int:
    if not _folder_exists(session):
        raise InspectorError("no_ca")
    path = session.context.certificates.export_ca(session.args.output)
    print(f"wrote {path}")
    return 0


# --- verify --------------------------------------------------------------------------------------

def check_file(session: CliSession, pdf_path: Path, trust: list[Path]) -> SignatureCheck:
    """The check of ``pdf_path`` against ``trust`` plus this data folder's CA, when it has one."""
    if _folder_exists(session):
        return session.context.certificates.verify_file(pdf_path, trust, local_ca=True)
    return verify_document(read_pdf_to_verify(pdf_path), trust)


def run_verify(session: CliSession) -> int:
    args = session.args
    check = check_file(session, args.pdf, list(args.trust))
    level, headline = verdict(check)
    code = VERIFY_EXIT[level]
    if args.json:
        body = {**check.model_dump(mode="json"), "ok": check.ok(), "verdict": level.value, "exit_code": code}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"{args.pdf}: {headline}")
        for line in describe_check(check):
            print(f"  {line}")
    return code
