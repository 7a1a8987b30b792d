"""Sentences for error codes, in English source text marked for Qt Linguist (context "Errors").

The domain and services raise codes with parameters; the GUI shows ``describe(error)`` in the
user's language, the CLI prints it after ``error:``. Add a line here with every new code.
"""

from __future__ import annotations

from typing import Any

from inspector.domain.errors import ImportRejected, InspectorError, RowProblem
from inspector.domain.templates import Severity
from inspector.domain.users import Permission, Role
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate
from inspector.words.labels import entity_label, label
from inspector.domain.notices import NoticeStatus
from inspector.words.notice_labels import status_label
from inspector.words.signatures import ERROR_SENTENCES as SIGNING_ERRORS
from inspector.words.backups import ERROR_SENTENCES as BACKUP_ERRORS
from inspector.words.exchange import EXCHANGE_TEMPLATES
from inspector.words.comment_books import ERROR_SENTENCES as COMMENT_BOOK_ERRORS
from inspector.words.hub import HUB_TEMPLATES
from inspector.words.complaints import ERROR_SENTENCES as COMPLAINT_ERRORS, status_words
from inspector.words.template_import import (
    MAPPED_SENTENCES,
    PROBLEM_SENTENCES as IMPORT_PROBLEMS,
    SKIPPED_SENTENCES,
    SUBJECT_MISSING,
    SUBJECT_OPTION,
)

CONTEXT = "Errors"

TEMPLATES: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("Errors", "Something went wrong: {detail}"),
    "invalid": QT_TRANSLATE_NOOP("Errors", "The value of {field} is not valid."),
    "invalid_value": QT_TRANSLATE_NOOP("Errors", "The value of {field} is not valid."),
    "not_found": QT_TRANSLATE_NOOP("Errors", "Not found: {entity} \"{key}\"."),
    "conflict": QT_TRANSLATE_NOOP("Errors", "This clashes with existing data."),
    "permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "Your role ({role}) may not {permission}."
    ),
    "not_your_inspection": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} belongs to another supervisor; only its author or the quality office may change it."
    ),
    "inspection_completed": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} is completed and can no longer be edited."
    ),
    "template_not_published": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} version {version} is a draft; inspections use published versions only."
    ),
    "no_checklist_for_month": QT_TRANSLATE_NOOP(
        "Errors", "No published version of checklist {template} covers {month}: the quality office publishes one "
        "for that month (or an earlier one) first."
    ),
    "template_not_in_force": QT_TRANSLATE_NOOP(
        "Errors", "Checklist {template} version {version} is not the one in force in {month} (version {in_force} "
        "is); an inspection uses the version published for the month it was observed in."
    ),
    "observed_month_changes_checklist": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} uses {template} version {version}, which is not the version in force "
        "in {month}; start a new inspection for that month instead."
    ),
    "subject_not_found": QT_TRANSLATE_NOOP("Errors", "No {kind} with id {id} is in the registry."),
    "archive_vehicle_not_found": QT_TRANSLATE_NOOP(
        "Errors", "No vehicle has the plate or fleet number \"{key}\"."),
    "archive_staff_not_found": QT_TRANSLATE_NOOP("Errors", "No staff member has the staff number \"{key}\"."),
    "inspection_report_draft": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} is still a draft: complete it before printing its report."),
    "inspection_report_none": QT_TRANSLATE_NOOP(
        "Errors", "None of the {count} inspection(s) chosen is completed: there is no report to write."),
    "inspection_export_target": QT_TRANSLATE_NOOP(
        "Errors", "Give either an inspection ID or --month YYYY-MM (with --unit only together with --month)."),
    "acknowledgement_covert": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} was a covert visit: nobody on site acknowledges it."),
    "acknowledgement_signer_required": QT_TRANSLATE_NOOP(
        "Errors", "Give the name of the person who acknowledges the inspection on site."),
    "subject_retired": QT_TRANSLATE_NOOP(
        "Errors", "The {kind} {subject} is retired; reactivate it in the registry before inspecting it."
    ),
    "subject_kind_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} inspects a {expected}, not a {given}."
    ),
    "auth_failed": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password for \"{user}\"."),
    "sign_in_wait": QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong passwords for \"{user}\" in a row: wait {seconds} s before trying again."),
    "no_acting_user": QT_TRANSLATE_NOOP(
        "Errors", "No acting user: give --user NAME (or $INSPECTOR_USER); this data folder has no single admin to default to."
    ),
    "password_required": QT_TRANSLATE_NOOP(
        "Errors", "A password is needed for \"{user}\": set $INSPECTOR_PASSWORD or run in a terminal."
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Errors", "The password must have at least {minimum} characters."),
    "username_format": QT_TRANSLATE_NOOP(
        "Errors", "A user name has 2–32 letters, digits, dots, dashes or underscores."
    ),
    "username_taken": QT_TRANSLATE_NOOP("Errors", "The user name \"{username}\" is already taken."),
    "display_name_empty": QT_TRANSLATE_NOOP("Errors", "The display name must not be empty."),
    "admin_exists": QT_TRANSLATE_NOOP("Errors", "This data folder already has an administrator."),
    "last_admin": QT_TRANSLATE_NOOP(
        "Errors", "\"{username}\" is the last active administrator and must stay one."
    ),
    "setting_invalid": QT_TRANSLATE_NOOP("Errors", "The setting {field} is not valid."),
    "database_too_new": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {file} was written by a newer version of Inspector (it has {unknown}). "
        "Install the newer version; nothing was changed.",
    ),
    "database_missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no database at {file}; check creates none. Give the data folder with --data-dir, or "
        "restore the last backup (Tools → 备份与恢复)."),
    "database_empty": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} is empty (it holds no Inspector data); check creates and migrates nothing "
        "and did not touch it. Restore the last backup (Tools → 备份与恢复)."),
    "database_unreadable": QT_TRANSLATE_NOOP("Errors", "The database {file} cannot be read: {reason}."),
    "database_needs_upgrade": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} has not been upgraded to this version yet (missing {pending}); check "
        "upgrades nothing. Open the data folder with the app or any other command once (it backs the file up "
        "first), then check again."),
    # the data folder and the disk (inspector.storage.failures, inspector.storage.database)
    "database_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} is damaged ({reason}). Restore the last backup (Tools → 备份与恢复); "
        "nothing was changed."),
    "database_not_a_file": QT_TRANSLATE_NOOP(
        "Errors", "Where the database should be, {file} is a folder or a device, not a file. Move it away or "
        "restore the last backup (Tools → 备份与恢复)."),
    "database_symlink": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a link to {target}, not the database itself; Inspector does not follow it. "
        "Put the database file itself in the data folder."),
    "database_cannot_open": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} cannot be opened ({reason}). Check that the data folder exists and "
        "that you may write to it."),
    "data_dir_not_a_folder": QT_TRANSLATE_NOOP(
        "Errors", "The data folder {file} is a file, not a folder. Choose a folder (--data-dir)."),
    "read_only": QT_TRANSLATE_NOOP(
        "Errors", "{file} is read-only (the folder or the disk cannot be written); nothing was changed. "
        "Use a writable data folder."),
    "no_permission": QT_TRANSLATE_NOOP(
        "Errors", "You have no permission to write {file}; nothing was changed."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full: {file} could not be written, and nothing half-written was kept. "
        "Free some space and try again."),
    "disk_error": QT_TRANSLATE_NOOP(
        "Errors", "The disk failed while reading or writing {file} ({reason}). Check the disk, then restore "
        "the last backup (Tools → 备份与恢复) if the problem stays."),
    "file_not_regular": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a device, a folder or another special file, not a regular file; nothing was read."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} is {size_mb} MB, more than the {limit_mb} MB accepted; nothing was read. "
        "(The limit for photos is set in Settings.)"),
    "import_file_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} is {size_mb} MB, more than the {limit_mb} MB an import accepts; nothing was read."),
    "cell_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} has a cell longer than {limit} characters at line {row} — no name or note is "
        "that long (a quote left open?); nothing was imported."),
    "target_not_a_file": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a device, a folder or another special file, not a regular file; nothing was "
        "written. Choose a file name."),
    "migration_foreign_keys": QT_TRANSLATE_NOOP(
        "Errors", "Upgrading {file} left {problems} broken references; the backup made before the upgrade "
        "(in the backups folder) is untouched."
    ),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Errors", "{file}: {count} problem(s) found; nothing was imported."
    ),
    "file_missing": QT_TRANSLATE_NOOP("Errors", "The file {file} does not exist."),
    "file_unreadable": QT_TRANSLATE_NOOP("Errors", "The file {file} could not be read ({reason})."),
    "photo_unreadable": QT_TRANSLATE_NOOP("Errors", "The photo {file} cannot be used: {reason}. Nothing was saved."),
    "photo_unsupported": QT_TRANSLATE_NOOP("Errors", "The photo {file} cannot be used: {reason}. Nothing was saved."),
    "photo_file_missing": QT_TRANSLATE_NOOP(
        "Errors", "The notice cannot be drawn: the image file {path} is missing. Rebuild the photo copies or remove the photo."
    ),
    "photo_file_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The notice cannot be drawn: the image file {path} is not a readable picture."
    ),
    "photo_clean_refused": QT_TRANSLATE_NOOP(
        "Errors", "The database has {count} problem(s), so the photo store was not cleaned; run \"inspector-cli check\" first."
    ),
    "file_unwritable": QT_TRANSLATE_NOOP("Errors", "The file {file} could not be written ({reason})."),
    "unsupported_format": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} is not a format Inspector reads ({suffix}); save it as {expected}."
    ),
    "file_empty": QT_TRANSLATE_NOOP("Errors", "The file {file} has no rows to import."),
    "duplicate_key": QT_TRANSLATE_NOOP("Errors", "{kind}: {field} \"{value}\" already exists"),
    "unit_retired": QT_TRANSLATE_NOOP("Errors", "The unit {unit} is retired; reactivate it or choose another unit."),
    "unit_not_found": QT_TRANSLATE_NOOP("Errors", "No unit has the code or name \"{value}\"."),
    "retired_before_active": QT_TRANSLATE_NOOP(
        "Errors", "{record} cannot be retired on {on}: it is in service only from {since}."),
    "reactivated_before_retired": QT_TRANSLATE_NOOP(
        "Errors", "{record} cannot be back in service on {on}: it was retired on {retired_on}; give that day or a later one."),
    "registry_date_future": QT_TRANSLATE_NOOP(
        "Errors", "{record} cannot be retired or transferred on {on}, a day still to come; give today or an earlier day."),
    "active_from_after_service": QT_TRANSLATE_NOOP(
        "Errors", "{record} cannot be in service only from {on}: its first stretch ended on {until}."),
    "duplicate_in_file": QT_TRANSLATE_NOOP("Errors", "\"{value}\" appears twice in the file (also in row {other_row})."),
    "demo_needs_empty_registry": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has {units} unit(s); demo data goes only into an empty registry. "
        "Use a new data folder (--data-dir)."
    ),
    "demo_needs_admin": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has accounts: only an administrator may add demo data."
    ),
    "observed_in_future": QT_TRANSLATE_NOOP(
        "Errors", "The time observed ({value}) is in the future; enter when it really happened."
    ),
    "inspection_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} cannot be completed yet: {count} item(s) still need attention."
    ),
    "inspection_not_completed": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} is not completed, so there is nothing to reopen."
    ),
    "reason_required": QT_TRANSLATE_NOOP("Errors", "Please give a reason; it is kept in the audit trail."),
    "findings_in_use": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} cannot be reopened: its findings are already on a rectification notice."
    ),
    "item_not_answered": QT_TRANSLATE_NOOP("Errors", "Item {item} has not been answered yet."),
    "photo_not_attached": QT_TRANSLATE_NOOP("Errors", "That photo is not attached to item {item}."),
    "calendar_override_conflict": QT_TRANSLATE_NOOP(
        "Errors", "These dates are entered both as holidays and as make-up working days: {dates}."
    ),
    "working_days_range": QT_TRANSLATE_NOOP(
        "Errors", "A rectification period must be between 1 and {maximum} working days (not {value})."
    ),
    "no_default_working_days": QT_TRANSLATE_NOOP(
        "Errors", "No default rectification period is set for severity {severity}."
    ),
    "database_busy": QT_TRANSLATE_NOOP(
        "Errors", "Another program is writing to the data folder {path} just now; try again in a moment."
    ),
    "data_dir_locked": QT_TRANSLATE_NOOP(
        "Errors", "Inspector is already open on the data folder {path}. Use that window."
    ),
    "month_format": QT_TRANSLATE_NOOP("Errors", "\"{month}\" is not a month in the form YYYY-MM (e.g. 2025-07)."),
    "template_published": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} version {version} is published and can no longer change; copy it to a new month instead."
    ),
    "template_invalid": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} version {version} cannot be published: {count} problem(s), first {first}."
    ),
    "template_no_draft": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} has no draft to publish; start one with \"templates copy {code} --month YYYY-MM\"."
    ),
    "template_code_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The template body has code {code} but this version belongs to template {expected}."
    ),
    "template_resource_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The built-in template file {file} is damaged ({detail}); reinstall Inspector."
    ),
    "template_resource_missing": QT_TRANSLATE_NOOP(
        "Errors", "The built-in template file {file} is missing; reinstall Inspector."
    ),
    "resources_missing": QT_TRANSLATE_NOOP(
        "Errors", "Inspector's installation is incomplete: {files} missing from {folder}; reinstall Inspector."
    ),
    "resources_not_found": QT_TRANSLATE_NOOP(
        "Errors", "Inspector's bundled files (package {package}) are not a folder on disk ({where}); reinstall Inspector."
    ),
    "template_code_format": QT_TRANSLATE_NOOP(
        "Errors", "\"{code}\" is not a template code: use up to {maximum} letters, digits, dots, dashes or underscores (e.g. T4)."
    ),
    "template_title_empty": QT_TRANSLATE_NOOP("Errors", "The template needs a Chinese title."),
    "template_code_taken": QT_TRANSLATE_NOOP(
        "Errors", "The template code {code} is already used (by {existing}); choose another code."
    ),
    "template_in_use": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} version {version} is used by {count} inspection(s) and cannot be deleted."
    ),
    "item_not_in_template": QT_TRANSLATE_NOOP("Errors", "Template {template} has no item {item}."),
    "section_not_in_template": QT_TRANSLATE_NOOP("Errors", "Template {template} has no section {section}."),
    "item_code_taken": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} already has an item {item}; item codes must be unique."
    ),
    "section_code_taken": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} already has a section {section}; section codes must be unique."
    ),
    "section_too_deep": QT_TRANSLATE_NOOP(
        "Errors", "Sections nest one level only; {section} cannot go there."
    ),
    "item_not_applicable": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is in a section for other staff roles and does not apply to {subject}."
    ),
    "item_not_numeric": QT_TRANSLATE_NOOP("Errors", "Item {item} is not a measured (numeric) item."),
    "numeric_without_threshold": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is measured but has no threshold to compare the reading with."
    ),
    "value_not_expected": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is a pass/fail item and takes no reading (\"{value}\")."
    ),
    "signature_image_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The signature cannot be used: it must be a whole PNG picture of at most {limit_mb} MB."),
    "letterhead_image_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The picture {file} cannot be used on notices: it must be a whole PNG or JPEG image of at most {limit_mb} MB."),
    "calendar_range_too_long": QT_TRANSLATE_NOOP(
        "Errors", "A holiday range of {days} days is too long; enter at most {maximum} days at a time."),
    "notice_sign_record": QT_TRANSLATE_NOOP(
        "Errors", "Only the notice itself is signed, not its record: use either --sign or --record."),
    "report_remarks_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The analysis is {length} characters long; keep it to {limit} characters."),
    "report_output_format": QT_TRANSLATE_NOOP(
        "Errors", "The report file {file} must end in .xlsx or .pdf."),
    "report_week_format": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a week: give an ISO week as YYYY-Www, e.g. 2026-W49."),
    "report_complaints_own_unit": QT_TRANSLATE_NOOP(
        "Errors", "The account \"{user}\" may have the complaints report of its own unit only."),
    "report_month_format": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a month: give it as YYYY-MM, e.g. 2026-11."),
    # rectification notices and follow-ups
    "account_inactive": QT_TRANSLATE_NOOP("Errors", "The account \"{user}\" is switched off."),
    "finding_item_missing": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is no longer in the inspection's checklist version; the finding cannot be printed."),
    "photo_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "Photo {photo} cannot be read from the photo store; run the integrity check."),
    "finding_not_in_inspection": QT_TRANSLATE_NOOP(
        "Errors", "Finding {finding} does not belong to inspection {inspection}."),
    "finding_already_noticed": QT_TRANSLATE_NOOP(
        "Errors", "Finding {finding} is already on a rectification notice."),
    "no_open_findings": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} has no open findings left to put on a notice."),
    "no_serious_findings": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} has only general problems ({general}): they are to be put right at once "
                  "(立即整改) and checked, not given a notice. To put one on a notice anyway, choose it."),
    "finding_without_unit": QT_TRANSLATE_NOOP(
        "Errors", "Finding {item} has no responsible unit; set the inspection's unit first."),
    "notice_no_pending_reissue": QT_TRANSLATE_NOOP(
        "Errors", "Notice {notice} has no failed follow-up waiting to be reissued."),
    "notice_not_open": QT_TRANSLATE_NOOP(
        "Errors", "Notice {notice} is {status} and can no longer be corrected."),
    "notice_status_wrong": QT_TRANSLATE_NOOP(
        "Errors", "Notice {notice} is {status}: this step does not apply to it any more."),
    "fix_on_spot_walkaround_only": QT_TRANSLATE_NOOP(
        "Errors", "Only walk-around findings can be closed as fixed on the spot ({item})."),
    "finding_not_open": QT_TRANSLATE_NOOP("Errors", "Finding {item} is already {status}."),
    "addressee_required": QT_TRANSLATE_NOOP(
        "Errors", "The notice needs its addressee: the unit and the name of its head."),
    "notice_item_text_required": QT_TRANSLATE_NOOP("Errors", "Problem {item} needs a description."),
    "receipt_signer_required": QT_TRANSLATE_NOOP("Errors", "Enter the name of the person who signs for the notice."),
    "reply_measures_required": QT_TRANSLATE_NOOP("Errors", "Enter the measures the unit has taken."),
    "reply_by_required": QT_TRANSLATE_NOOP("Errors", "Enter who replied for the unit."),
    "reply_date_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The reply date {date} must lie between the day of issue ({issued}) and today."),
    "followup_item_missing": QT_TRANSLATE_NOOP(
        "Errors", "Give a follow-up result for problem {position} ({item})."),
    "followup_item_unknown": QT_TRANSLATE_NOOP("Errors", "The notice has no problem number {position}."),
    "notice_pdf_missing": QT_TRANSLATE_NOOP(
        "Errors", "The PDF of notice {notice} is missing ({path}); run the integrity check."),
    "notice_pdf_changed": QT_TRANSLATE_NOOP(
        "Errors", "The PDF of notice {notice} was changed after issue ({path}); it is not used. Run the integrity check."),
}
TEMPLATES.update(SIGNING_ERRORS)  # certificate and signature codes (inspector.words.signatures)
TEMPLATES.update(BACKUP_ERRORS)  # backup and restore codes (inspector.words.backups)
TEMPLATES.update(EXCHANGE_TEMPLATES)  # exchange files and travelling records (inspector.words.exchange)
TEMPLATES.update(COMPLAINT_ERRORS)  # the complaints register (inspector.words.complaints)
TEMPLATES.update(COMMENT_BOOK_ERRORS)  # the passenger comment books (inspector.words.comment_books)
TEMPLATES.update(HUB_TEMPLATES)  # the office hub (inspector.words.hub)

# Codes used inside import problems (per row and column).
ROW_TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "a value is required"),
    "plate_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a plate like 粤B·12345"),
    "location_code_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a code like A-3F-WC-02"),
    "key_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" may only hold letters, digits, - and _"),
    "enum": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not one of: {expected}"),
    "int_parsing": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a whole number"),
    "float_parsing": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a number"),
    "missing": QT_TRANSLATE_NOOP("Errors", "a value is required"),
    "column_missing": QT_TRANSLATE_NOOP("Errors", "this required column is missing (accepted headers: {expected})"),
    "column_unknown": QT_TRANSLATE_NOOP("Errors", "this column is not recognised (expected: {expected})"),
    "duplicate_key": QT_TRANSLATE_NOOP("Errors", "\"{value}\" already exists in the registry"),
    "duplicate_in_file": QT_TRANSLATE_NOOP("Errors", "\"{value}\" also appears in row {other_row}"),
    "unit_not_found": QT_TRANSLATE_NOOP("Errors", "no unit has the code or name \"{value}\""),
    "unit_retired": QT_TRANSLATE_NOOP("Errors", "the unit \"{value}\" is retired"),
    "unit_ambiguous": QT_TRANSLATE_NOOP("Errors", "several units are named \"{value}\" ({codes}); give the unit code"),
    "staff_not_found": QT_TRANSLATE_NOOP("Errors", "no staff member has the staff number (工号) \"{value}\""),
    "date_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a date like 2026-12-06"),
    # domain.text: every name and note, typed or imported
    "control_characters": QT_TRANSLATE_NOOP(
        "Errors", "holds a control character ({character}), which a name or note may not contain; remove it"),
    "text_too_long": QT_TRANSLATE_NOOP("Errors", "is longer than the {limit} characters allowed"),
}

# Problems of template spreadsheets: the file, its sheets and rows, and the template rules
# (validate_template's codes, placed on the cell the value came from).
SHEET_TEMPLATES: dict[str, str] = {
    "xlsx_empty_file": QT_TRANSLATE_NOOP("Errors", "the file is empty (0 bytes); save the template as .xlsx"),
    "xlsx_is_pdf": QT_TRANSLATE_NOOP(
        "Errors", "this is a PDF document, not an Excel workbook; import the .xlsx file the PDF was made from"),
    "xlsx_not_workbook": QT_TRANSLATE_NOOP(
        "Errors", "this is a zip archive with no Excel workbook inside; import an .xlsx file"),
    "xlsx_is_text": QT_TRANSLATE_NOOP(
        "Errors", "this is a text file (such as CSV), not an Excel workbook; open it in Excel or WPS and save it as .xlsx"),
    "xlsx_unknown": QT_TRANSLATE_NOOP("Errors", "this is not an Excel workbook; save the template as .xlsx"),
    "xlsx_damaged": QT_TRANSLATE_NOOP(
        "Errors", "the workbook is damaged; open it in Excel or WPS and save it again as .xlsx"),
    "layout_unknown": QT_TRANSLATE_NOOP(
        "Errors", "no sheet holds a template: expected an XLSForm sheet named survey, or a header row naming "
        "检查项目 (or 检查内容, 项目, item)"),
    "sheet_missing": QT_TRANSLATE_NOOP("Errors", "the workbook has no sheet named {sheet} (it has: {found})"),
    "sheet_empty": QT_TRANSLATE_NOOP("Errors", "the sheet is empty"),
    "merged_cells": QT_TRANSLATE_NOOP(
        "Errors", "cells {range} are merged; unmerge them so that every row holds its own values"),
    "type_unknown": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a supported type (supported: {expected})"),
    "group_too_deep": QT_TRANSLATE_NOOP("Errors", "groups nest two levels deep at most (section and sub-section)"),
    "group_unclosed": QT_TRANSLATE_NOOP("Errors", "group \"{value}\" is never closed by an end group row"),
    "group_end_without_begin": QT_TRANSLATE_NOOP("Errors", "end group without a begin group above it"),
    "calculation_missing": QT_TRANSLATE_NOOP(
        "Errors", "a calculate row needs its expression in the calculation column (or a computed default)"),
    "item_outside_group": QT_TRANSLATE_NOOP(
        "Errors", "an item must sit between begin group and end group rows (in a section)"),
    "column_for_groups": QT_TRANSLATE_NOOP("Errors", "\"{value}\": this column belongs on begin group rows only"),
    "column_for_items": QT_TRANSLATE_NOOP("Errors", "\"{value}\": this column belongs on item rows only"),
    "duplicate_item_code": QT_TRANSLATE_NOOP("Errors", "item code \"{value}\" is already used in row {other_row}"),
    "duplicate_section_code": QT_TRANSLATE_NOOP(
        "Errors", "section code \"{value}\" is already used in row {other_row}"),
    "choice_list_missing": QT_TRANSLATE_NOOP("Errors", "the choices sheet has no list named \"{value}\" (used in {count} row(s))"),
    "choice_name_unknown": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a known choice (expected: {expected})"),
    "choice_list_incomplete": QT_TRANSLATE_NOOP("Errors", "the list \"{value}\" lacks the choices {missing}"),
    "yes_no_expected": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not yes or no (accepted: yes/no, true/false, 1/0, 是/否, √/×)"),
    "number_too_small": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is too small (the least allowed is {minimum})"),
    "month_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a month in the form YYYY-MM (e.g. 2025-07)"),
    "template_code_from_name": QT_TRANSLATE_NOOP(
        "Errors", "the template code comes from the file name, and \"{value}\" is not a code; rename the file "
        "(e.g. T9.xlsx) or write 编码: T9 above the header"),
    "template_code_format": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a code (up to 32 letters, digits, '.', '-' or '_', starting with a "
        "letter or digit)"),
    "template_title_empty": QT_TRANSLATE_NOOP("Errors", "the template needs a Chinese title"),
    "base_score_out_of_range": QT_TRANSLATE_NOOP("Errors", "the base score of a deduction template must be above 0"),
    "template_without_items": QT_TRANSLATE_NOOP("Errors", "the template has no items"),
    "section_title_empty": QT_TRANSLATE_NOOP("Errors", "section \"{value}\" needs a Chinese title"),
    "section_too_deep": QT_TRANSLATE_NOOP("Errors", "section \"{value}\" is nested more than two levels deep"),
    "roles_on_non_staff_template": QT_TRANSLATE_NOOP(
        "Errors", "section \"{value}\" names staff roles, but the template does not inspect staff"),
    "deduct_cap_out_of_range": QT_TRANSLATE_NOOP("Errors", "the deduction cap of section \"{value}\" is below 0"),
    "item_code_format": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not an item code (up to 32 letters, digits, '.', '-' or '_', starting with a "
        "letter or digit)"),
    "item_text_empty": QT_TRANSLATE_NOOP("Errors", "the item has no Chinese text"),
    "numeric_without_threshold": QT_TRANSLATE_NOOP(
        "Errors", "item \"{value}\" is a measured value and needs a threshold"),
    "threshold_on_non_numeric": QT_TRANSLATE_NOOP(
        "Errors", "item \"{value}\" is not a measured value, so it takes no threshold"),
    "veto_on_text_item": QT_TRANSLATE_NOOP("Errors", "item \"{value}\" is a text item, which cannot veto"),
    "negative_deduction": QT_TRANSLATE_NOOP("Errors", "item \"{value}\" has a negative deduction"),
    "deduction_exceeds_base": QT_TRANSLATE_NOOP("Errors", "item \"{value}\" deducts more than the base score"),
    "negative_weight": QT_TRANSLATE_NOOP("Errors", "item \"{value}\" has a negative weight"),
    "item_number_out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "item \"{value}\" needs at least 0 photos and at least 1 rectification day"),
}
ROW_TEMPLATES.update(SHEET_TEMPLATES)
# XLSForm and .xls problems, and the import summary's lines (inspector.words.template_import)
ROW_TEMPLATES.update(IMPORT_PROBLEMS)
ROW_TEMPLATES.update(MAPPED_SENTENCES)
ROW_TEMPLATES.update(SKIPPED_SENTENCES)
TEMPLATES["template_subject_missing"] = SUBJECT_MISSING
TEMPLATES["template_subject_option"] = SUBJECT_OPTION  # the CLI's words for the same

# Where an import problem is, by which of sheet / row / column it names (row 0 = none).
LOCATIONS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): QT_TRANSLATE_NOOP("Errors", "sheet {sheet}, row {row}, column {column}"),
    (True, True, False): QT_TRANSLATE_NOOP("Errors", "sheet {sheet}, row {row}"),
    (True, False, True): QT_TRANSLATE_NOOP("Errors", "sheet {sheet}, column {column}"),
    (True, False, False): QT_TRANSLATE_NOOP("Errors", "sheet {sheet}"),
    (False, True, True): QT_TRANSLATE_NOOP("Errors", "row {row}, column {column}"),
}


# The ``reason`` of photo_unreadable / photo_unsupported (see inspector.media.images).
PHOTO_REASONS: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("Errors", "the file is empty"),
    "not_an_image": QT_TRANSLATE_NOOP("Errors", "it is not a picture"),
    "truncated": QT_TRANSLATE_NOOP("Errors", "the file ends too early (an incomplete copy or download)"),
    "damaged": QT_TRANSLATE_NOOP("Errors", "part of the picture data is damaged"),
    "format": QT_TRANSLATE_NOOP("Errors", "{format} pictures are not accepted; use JPEG, PNG or HEIC"),
    "too_large": QT_TRANSLATE_NOOP("Errors", "it has {megapixels} megapixels, more than the {limit} accepted"),
    "color_mode": QT_TRANSLATE_NOOP("Errors", "its colour format ({mode}) is not supported"),
}


# The ``reason`` of database_damaged when Inspector found it before SQLite (storage.database);
# "empty" and "truncated" read as they do for photos.
FILE_REASONS: dict[str, str] = {
    **PHOTO_REASONS,
    "not_a_database": QT_TRANSLATE_NOOP("Errors", "it is not an Inspector database"),
}


def _format(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _readable_params(params: dict[str, Any]) -> dict[str, Any]:
    """Role and permission codes in words (``supervisor`` → 督导员)."""
    readable = dict(params)
    if params.get("role") in Role._value2member_map_:
        readable["role"] = label(Role(params["role"]))
    if params.get("permission") in Permission._value2member_map_:
        readable["permission"] = label(Permission(params["permission"]))
    if params.get("severity") in Severity._value2member_map_:
        readable["severity"] = label(Severity(params["severity"]))
    if params.get("status") in NoticeStatus._value2member_map_:
        readable["status"] = status_label(NoticeStatus(params["status"]))
    if isinstance(params.get("complaint_status"), str):
        readable["complaint_status"] = status_words(params["complaint_status"])
    for key in ("kind", "entity"):
        if isinstance(params.get(key), str):
            readable[key] = entity_label(params[key])
    if isinstance(params.get("reason"), str) and params["reason"] in FILE_REASONS:
        readable["reason"] = _format(translate(CONTEXT, FILE_REASONS[params["reason"]]), params)
    return readable


def describe(error: InspectorError) -> str:
    """One sentence for ``error`` in the current language."""
    template = TEMPLATES.get(error.code)
    if template is None and error.code in ROW_TEMPLATES:
        # A field-level validation code (plate_format…) raised outside an import.
        reason = _format(translate(CONTEXT, ROW_TEMPLATES[error.code]), {"value": "", **error.params})
        field = error.params.get("field")
        if field:
            return translate("Errors", "{field}: {reason}").format(field=field, reason=reason)
        return reason
    if template is None:
        detail = ", ".join(f"{k}={v}" for k, v in error.params.items())
        return f"{error.code}" + (f" ({detail})" if detail else "")
    return _format(translate(CONTEXT, template), {"detail": "", **_readable_params(error.params)})


def describe_problem(problem: RowProblem) -> str:
    """``row 7, column plate: "XX" is not a plate like 粤B·12345``; with a sheet
    ``sheet survey, row 7, column deduct: …``; a problem of the whole file is its reason alone."""
    template = ROW_TEMPLATES.get(problem.code)
    reason = _format(translate(CONTEXT, template), problem.params) if template else problem.code
    if problem.sheet is None and problem.row == 0 and not problem.column:
        return reason
    key = (problem.sheet is not None, problem.sheet is None or problem.row > 0, problem.sheet is None or bool(problem.column))
    where = translate(CONTEXT, LOCATIONS[key]).format(sheet=problem.sheet, row=problem.row, column=problem.column)
    return translate("Errors", "{where}: {reason}").format(where=where, reason=reason)


def describe_import(error: ImportRejected) -> list[str]:
    """The headline and one line per problem."""
    return [describe(error), *(describe_problem(p) for p in error.problems)]
