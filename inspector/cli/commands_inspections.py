"""``inspections start|answer|complete|show|list|export``: recording inspections on the command line,
and their written reports (检查记录) as PDF.

Everything goes through ``InspectionService`` and ``PhotoService``, so role checks, covert
visibility and the audit trail apply exactly as in the desktop app. ``answer --photo FILE``
reads and checks every photo before anything is written (a broken one refuses the whole
answer), then records the answer, stores the photos and attaches them in one transaction.
``complete`` on a draft that is not ready lists what is missing and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector.cli.commands_registry import print_table
from inspector.cli.commands import command_help
from inspector.cli.session import CliSession
from inspector.domain.errors import ValidationError
from inspector.domain.inspections import (
    AnswerResult,
    Finding,
    Inspection,
    InspectionMode,
    InspectionStatus,
    SubjectRef,
)
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import Severity, SubjectKind
from inspector.domain.users import User
from inspector.services.inspections_lifecycle import (
    NO_FAILURE,
    PHOTOS_MISSING,
    UNANSWERED,
    CompletionProblem,
)
from inspector.services.photos import EVIDENCE_DERIVATIVES, PreparedPhoto, prepare_file

SUBJECT_KINDS: dict[str, tuple[SubjectKind, RegistryKind]] = {
    "vehicle": (SubjectKind.VEHICLE, RegistryKind.VEHICLES),
    "staff": (SubjectKind.STAFF, RegistryKind.STAFF),
    "location": (SubjectKind.LOCATION, RegistryKind.LOCATIONS),
    "unit": (SubjectKind.UNIT, RegistryKind.UNITS),
}
LIST_COLUMNS = ("id", "template", "mode", "status", "subject", "observed_at", "score")
PROBLEM_TEXT = {
    UNANSWERED: "{item}: not answered",
    PHOTOS_MISSING: "{item}: failed without the photo(s) it requires",
    NO_FAILURE: "a walk-around records a problem: answer at least one item fail",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    inspections = subparsers.add_parser("inspections", help=command_help("inspections"))
    commands = inspections.add_subparsers(dest="inspections_command", metavar="ACTION", required=True)

    start = commands.add_parser("start", help="start an inspection on the template version in force in the month observed")
    start.add_argument("--template", required=True, metavar="CODE", help="template code, e.g. T1")
    start.add_argument("--subject", required=True, metavar="KIND:KEY",
                       help="vehicle:PLATE or 自编号, staff:工号, location:CODE, unit:CODE")
    start.add_argument("--mode", default=InspectionMode.ONSITE.value, choices=[m.value for m in InspectionMode])
    start.add_argument("--observed-at", metavar="ISO", help="when it was observed (default: now), e.g. 2025-03-04T09:30")
    start.set_defaults(handler=run_start)

    answer = commands.add_parser("answer", help="record one item (photos stored with it)")
    answer.add_argument("id", type=int, metavar="ID")
    answer.add_argument("item", metavar="ITEM_CODE")
    answer.add_argument("result", choices=[r.value for r in AnswerResult])
    answer.add_argument("--note", default="", metavar="T")
    answer.add_argument("--severity", choices=[s.value for s in Severity])
    answer.add_argument("--value", metavar="V", help="a numeric item's reading or a text item's observation")
    answer.add_argument("--photo", action="append", default=[], type=Path, metavar="FILE",
                        help="a JPEG, PNG or HEIC photo; repeat for several")
    answer.set_defaults(handler=run_answer)

    complete = commands.add_parser("complete", help="validate, score and lock; findings are made of failed items")
    complete.add_argument("id", type=int, metavar="ID")
    complete.set_defaults(handler=run_complete)

    show = commands.add_parser("show", help="header, score, answers, findings and photo hashes")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(handler=run_show)

    listing = commands.add_parser("list", help="the inspections you may see, newest observation first")
    listing.add_argument("--mode", choices=[m.value for m in InspectionMode])
    listing.add_argument("--status", choices=[s.value for s in InspectionStatus])
    listing.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    listing.add_argument("--json", action="store_true", help="print JSON on stdout")
    listing.set_defaults(handler=run_list)

    export = commands.add_parser(
        "export", help="the written inspection report (检查记录) as a PDF: one inspection, or a month's")
    export.add_argument("id", type=int, nargs="?", metavar="ID", help="the inspection (or give --month)")
    export.add_argument("--month", metavar="YYYY-MM", help="every completed inspection observed that month")
    export.add_argument("--unit", metavar="CODE", help="with --month: only this unit's inspections")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    export.set_defaults(handler=run_export)


# --- start ---------------------------------------------------------------------------------

def parse_subject(session: CliSession, actor: User, text: str) -> SubjectRef:
    """``KIND:KEY`` → the registry record's reference (``not_found`` when no record has KEY)."""
    kind_name, _, key = text.partition(":")
    kinds = SUBJECT_KINDS.get(kind_name.strip().lower())
    if kinds is None or not key.strip():
        raise ValidationError("invalid_value", field="--subject", value=text)
    record = session.context.registry.find_by_key(actor, kinds[1], key)
    return SubjectRef(kind=kinds[0], id=record.id)


def parse_moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("invalid_value", field="--observed-at", value=text) from None


def run_start(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    observed_at = parse_moment(args.observed_at)
    subject = parse_subject(session, actor, args.subject)
    # The service picks the checklist's version in force in the month observed (#13.2).
    inspection, _ = context.inspections.start(actor, template_code=args.template.strip(),
                                              mode=InspectionMode(args.mode), subject=subject,
                                              observed_at=observed_at)
    print(inspection.id)
    return 0


# --- answer ----------------------------------------------------------------------------------

def run_answer(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    context = session.context
    # Every photo is read and checked (and its copies made) before the first write.
    limit = context.photos.limit_bytes()
    prepared: list[PreparedPhoto] = [prepare_file(path, EVIDENCE_DERIVATIVES, limit_bytes=limit)
                                     for path in args.photo]
    with context.services.mutation():
        # The answer first: an unknown item or a locked inspection refuses before any file is stored.
        context.inspections.answer(actor, args.id, args.item, args.result, value=args.value, note=args.note,
                                   severity=args.severity)
        if prepared:
            photo_ids = [context.photos.ingest(actor, photo).id for photo in prepared]
            context.inspections.add_photos(actor, args.id, args.item, photo_ids)
    print(f"saved {args.item}")
    return 0


# --- complete --------------------------------------------------------------------------------

def problem_line(problem: CompletionProblem) -> str:
    text = PROBLEM_TEXT.get(problem.code, "{item}: " + problem.code)
    return text.format(item=problem.item_code or "")


def run_complete(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    service = session.context.inspections
    problems = service.validate_for_completion(actor, args.id)
    if problems:
        sys.stderr.write(f"error: inspection {args.id} cannot be completed: {len(problems)} problem(s)\n")
        for problem in problems:
            sys.stderr.write(f"  {problem_line(problem)}\n")
        return 2
    inspection, _ = service.complete(actor, args.id)
    findings = service.findings(actor, args.id)
    if inspection.mode.scored:
        print(f"completed {inspection.id}: score {_number(inspection.score)} of {_number(inspection.max_score)}"
              f"{' (veto failed)' if inspection.veto_failed else ''}, {len(findings)} finding(s)")
    else:  # a walk-around records findings and is never scored (#13.4)
        print(f"completed {inspection.id}: walk-around, not scored, {len(findings)} finding(s)")
    return 0


# --- show and list -----------------------------------------------------------------------------

def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _hashes(session: CliSession, photo_ids: tuple[int, ...]) -> list[str]:
    found = (session.context.photos.get(photo_id) for photo_id in photo_ids)
    return [photo.sha256 for photo in found if photo is not None]


def inspection_summary(inspection: Inspection) -> dict[str, Any]:
    return {
        "id": inspection.id,
        "template": inspection.template_code,
        "template_version": inspection.template_version,
        "mode": inspection.mode.value,
        "status": inspection.status.value,
        "subject": inspection.subject.model_dump(mode="json"),
        "unit_id": inspection.unit_id,
        "responsible_staff_id": inspection.responsible_staff_id,
        "author_id": inspection.author_id,
        "observed_at": inspection.observed_at.isoformat(),
        "entered_at": inspection.entered_at.isoformat(),
        "completed_at": inspection.completed_at.isoformat() if inspection.completed_at else None,
        "score": inspection.score,
        "max_score": inspection.max_score,
        "veto_failed": inspection.veto_failed,
    }


def inspection_detail(session: CliSession, actor: User, inspection_id: int) -> dict[str, Any]:
    """What ``show`` prints: the header, the live (draft) or stored score, answers, findings."""
    service = session.context.inspections
    inspection = service.get(actor, inspection_id)
    scored = service.score(actor, inspection_id)
    detail = inspection_summary(inspection)
    detail["evidence"] = inspection.evidence.model_dump(mode="json")
    detail["score"] = None if scored is None else {
        "score": scored.score, "max_score": scored.max_score, "percent": round(scored.percent, 2),
        "deducted": scored.deducted, "veto_failed": scored.veto_failed, "answered": scored.answered,
        "applicable": scored.applicable, "stored": inspection.status is InspectionStatus.COMPLETED,
    }
    del detail["max_score"], detail["veto_failed"]
    photos_of: dict[str, list[str]] = {}
    answers = []
    for answer in inspection.answers:
        photos_of[answer.item_code] = _hashes(session, answer.photo_ids)
        answers.append({
            "item_code": answer.item_code, "result": answer.result.value, "value": answer.value,
            "note": answer.note, "severity": answer.severity.value if answer.severity else None,
            "answered_at": answer.answered_at.isoformat(), "photos": photos_of[answer.item_code],
        })
    detail["answers"] = answers
    detail["findings"] = [_finding(session, finding, photos_of) for finding in service.findings(actor, inspection_id)]
    detail["photos"] = sorted({sha for hashes in photos_of.values() for sha in hashes})
    return detail


def _finding(session: CliSession, finding: Finding, photos_of: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "id": finding.id, "item_code": finding.item_code, "section_code": finding.section_code,
        "severity": finding.severity.value, "note": finding.note, "unit_id": finding.unit_id,
        "responsible_staff_id": finding.responsible_staff_id, "status": finding.status.value,
        "photos": _hashes(session, finding.photo_ids) if finding.photo_ids else photos_of.get(finding.item_code, []),
    }


def run_show(session: CliSession) -> int:
    args = session.args
    detail = inspection_detail(session, session.actor(), args.id)
    if args.json:
        session.print_json(detail)
        return 0
    score = detail["score"]
    subject = detail["subject"]
    print(f"inspection {detail['id']}: {detail['template']} v{detail['template_version']}, {detail['mode']}, "
          f"{detail['status']}")
    print(f"subject: {subject['kind']} {subject['label']}")
    print(f"observed {detail['observed_at']}, entered {detail['entered_at']}"
          + (f", completed {detail['completed_at']}" if detail["completed_at"] else ""))
    if score is None:
        print("score: not scored (a walk-around records findings only)")
    else:
        print(f"score: {_number(score['score'])} of {_number(score['max_score'])}"
              f"{' (veto failed)' if score['veto_failed'] else ''}; {score['answered']} of {score['applicable']} "
              "answered")
    print("answers:" if detail["answers"] else "answers: (none)")
    for answer in detail["answers"]:
        extra = [answer["severity"] or "", answer["note"], *(sha[:12] for sha in answer["photos"])]
        print("  " + "  ".join([answer["item_code"], answer["result"], *(text for text in extra if text)]))
    print("findings:" if detail["findings"] else "findings: (none)")
    for finding in detail["findings"]:
        print(f"  {finding['item_code']}  {finding['severity']}  {finding['status']}  {finding['note']}".rstrip())
    for sha in detail["photos"]:
        print(f"photo {sha}")
    return 0


def run_export(session: CliSession) -> int:
    """One report (``ID``) or a month's reports in one PDF, written atomically."""
    args = session.args
    actor = session.actor()
    context = session.context
    if (args.id is None) == (args.month is None):
        raise ValidationError("inspection_export_target", field="ID")
    if args.unit and args.month is None:
        raise ValidationError("inspection_export_target", field="--unit")
    reports = context.inspection_reports
    if args.id is not None:
        report = reports.export(actor, args.id, args.output)
        print(f"wrote {args.output}: inspection report {report.number}")
        return 0
    unit_id = context.registry.find_by_key(actor, RegistryKind.UNITS, args.unit).id if args.unit else None
    written = reports.export_many(actor, reports.month_ids(actor, args.month, unit_id), args.output)
    print(f"wrote {args.output}: {len(written)} inspection report(s) of {args.month}")
    return 0


def run_list(session: CliSession) -> int:
    args = session.args
    actor = session.actor()
    mode = InspectionMode(args.mode) if args.mode else None
    status = InspectionStatus(args.status) if args.status else None
    found = session.context.inspections.list(actor, mode=mode, status=status, limit=max(1, args.limit))
    rows = [inspection_summary(inspection) for inspection in found]
    if args.json:
        session.print_json(rows)
        return 0
    print_table(LIST_COLUMNS, [{
        **row, "template": f"{row['template']} v{row['template_version']}", "subject": row["subject"]["label"],
        "score": _number(row["score"]),
    } for row in rows])
    return 0
