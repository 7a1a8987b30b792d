"""Screenshot scenes for the settings pieces and dialogs of rectification notices, used by
``tools/screenshots.py`` (the same ``shoot`` contract as ``screenshot_scenes.py``).

- ``settings-calendar``: the working-day calendar group with next year's schedule being entered
  (not saved) and the deadline calculator across New Year.
- ``signature``: the receipt (签收) signature dialog with the signer's name and a signature.
- ``pdf-preview``: the preview of the sample notice (``inspector.pdf.sample``) with an extra
  "Issue notice" button, as the notice screens add theirs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from inspector.context import AppContext
from inspector.pdf.notice_pdf import render_notice
from inspector.pdf.sample import sample_files, sample_notice, signature_png
from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog
from inspector.ui.dialogs.signature_dialog import SignatureDialog
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.calendar_overrides import CalendarOverridesGroup
from screenshot_common import Shoot, host_dialog

SETTINGS_SHOTS: tuple[str, ...] = ("settings-calendar", "signature", "pdf-preview")
PDF_RENDER_MS = 600
CALENDAR_SIZE = (900, 520)
PREVIEW_SIZE = (860, 760)


def _wait(milliseconds: int) -> None:
    """Let the event loop run for ``milliseconds`` (for work that finishes in another thread)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def shoot_settings_scenes(context: AppContext, ui: UiContext, window: QWidget, folder: Path,
                          shoot: Shoot) -> list[Path]:
    """``settings-calendar``, ``signature`` and ``pdf-preview`` (see the module docstring)."""
    calendar = CalendarOverridesGroup(ui)
    calendar.reload()
    year = QDate.currentDate().year() + 1
    calendar.add_holidays(date(year, 1, 1), date(year, 1, 3))
    calendar.add_workday(date(year, 1, 4) if date(year, 1, 4).weekday() >= 5 else date(year, 1, 9))
    calendar.issued.setDate(QDate(year - 1, 12, 29))
    calendar.working_days.setValue(5)
    shots = [shoot(host_dialog(window, calendar, CALENDAR_SIZE), folder / "settings-calendar.png")]
    receipt = SignatureDialog(
        "签收 ZG-2026-11-0007", "请受检单位负责人在框内签名,确认已收到本整改通知单。", window,
        ask_name=True, name="李建国", initial_png=signature_png(11),
    )
    shots.append(shoot(receipt, folder / "signature.png"))
    sample = context.paths.root.parent / "preview"
    pdf = sample / "ZG-2026-11-0007.pdf"
    if not pdf.exists():
        pdf.write_bytes(render_notice(sample_notice(sample_files(sample, photo_count=4))))
    preview = PdfPreviewDialog(pdf, "整改通知单 ZG-2026-11-0007", window)
    preview.add_action_button(preview.tr("Issue notice"))
    preview.resize(*PREVIEW_SIZE)
    preview.show()
    _wait(PDF_RENDER_MS)  # QPdfView renders its pages in a worker thread
    shots.append(shoot(preview, folder / "pdf-preview.png"))
    return shots
