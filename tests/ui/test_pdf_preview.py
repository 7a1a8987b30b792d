"""The PDF preview: every page shown, zoom, page x / y, printing on white, the containing folder,
the caller's own buttons — and the file never held open (Windows could not replace it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from inspector.ui.dialogs.pdf_preview import PdfPreviewDialog, print_pdf


def make_pdf(path: Path, pages: int = 3) -> Path:
    """``pages`` A4 pages, each with a black bar and its number (text for pdftotext)."""
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        drawing.setFillColorRGB(0, 0, 0)
        drawing.rect(100, 600, 300, 80, fill=1)
        drawing.drawString(100, 500, f"Page number {number}")
        drawing.showPage()
    drawing.save()
    return path


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    (tmp_path / "notices").mkdir()
    return make_pdf(tmp_path / "notices" / "ZG-2026-11-0001.pdf")


@pytest.fixture
def dialog(qtbot: Any, pdf: Path) -> PdfPreviewDialog:
    preview = PdfPreviewDialog(pdf, "ZG-2026-11-0001")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def loaded(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    document.load(str(path))
    return document


def test_all_pages_fit_to_width_with_the_page_number(dialog: PdfPreviewDialog) -> None:
    assert dialog.windowTitle() == "ZG-2026-11-0001"
    assert dialog.page_count() == 3
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.page_label.text() == "Page 1 / 3"
    dialog.view.pageNavigator().jump(2, dialog.view.pageNavigator().currentLocation())
    assert dialog.page_label.text() == "Page 3 / 3"


def test_the_page_counter_follows_scrolling(qtbot: Any, dialog: PdfPreviewDialog) -> None:
    """#14.11 saw it stay at 1 / 3 while scrolling; with Qt 6.12 the view moves its navigator as it
    scrolls (not reproduced here), and this keeps it so."""
    bar = dialog.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert dialog.page_label.text() == "Page 3 / 3"
    bar.setValue((bar.maximum() + bar.pageStep()) // 2 - bar.pageStep() // 2)  # the middle page at the centre
    assert dialog.page_label.text() == "Page 2 / 3"
    bar.setValue(0)
    assert dialog.page_label.text() == "Page 1 / 3"


def test_zoom_in_out_and_back_to_fit_width(dialog: PdfPreviewDialog) -> None:
    fitted = dialog.effective_zoom()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(fitted * 1.25, rel=0.01)
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(fitted / 1.25, rel=0.01)
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.effective_zoom() == pytest.approx(fitted)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_pdf_prints_every_page_on_white(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    assert print_pdf(dialog.document, pdf_printer(out)) == 3
    assert out.exists()
    printed = loaded(out)
    assert printed.pageCount() == 3
    page = printed.render(0, printed.pagePointSize(0).toSize())
    white = page.pixelColor(page.width() // 2, page.height() - 60)
    assert (white.red(), white.green(), white.blue(), white.alpha()) == (255, 255, 255, 255)
    # The black bar (x 100–400 pt, 162–242 pt from the top) arrives black.
    bar = page.pixelColor(250, 200)
    assert bar.lightness() < 40 and bar.alpha() == 255


def test_print_pdf_honours_a_page_range(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "two.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(dialog.document, printer) == 2
    assert loaded(tmp_path / "two.pdf").pageCount() == 2


def test_print_button_prints_through_the_print_dialog(
    dialog: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "via-dialog.pdf"

    def choose_pdf_file(print_dialog: QPrintDialog) -> int:
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_file)
    assert dialog.print_document() == 3
    assert loaded(out).pageCount() == 3
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert dialog.print_document() == 0


def test_open_containing_folder(dialog: PdfPreviewDialog, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(pdf.parent.resolve())]


def test_callers_buttons_come_before_close(dialog: PdfPreviewDialog) -> None:
    issue = dialog.add_action_button("Issue notice")
    sign = dialog.add_action_button("Sign…")
    row = dialog.button_row
    assert row.indexOf(issue) < row.indexOf(sign) < row.indexOf(dialog.close_button)
    assert row.indexOf(dialog.print_button) < row.indexOf(issue)


def open_handles(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list open files")
    found = []
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) == str(path):
                found.append(fd.name)
        except OSError:
            pass
    return found


def test_the_file_is_never_held_open_and_closing_unloads(dialog: PdfPreviewDialog, pdf: Path) -> None:
    assert open_handles(pdf.resolve()) == []
    pdf.unlink()  # what signing (os.replace) or deleting does on Windows only without a lock
    assert dialog.page_count() == 3  # still shown from memory
    dialog.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.document.status() == QPdfDocument.Status.Null


def test_a_missing_or_broken_file_is_said_in_words(qtbot: Any, tmp_path: Path) -> None:
    missing = PdfPreviewDialog(tmp_path / "gone.pdf", "gone")
    qtbot.addWidget(missing)
    assert "could not be opened" in missing.problem.text() and not missing.problem.isHidden()
    assert not missing.print_button.isEnabled()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really")
    dialog = PdfPreviewDialog(broken, "broken")
    qtbot.addWidget(dialog)
    assert "is not a PDF that can be shown" in dialog.problem.text()
    assert dialog.view.isHidden()
