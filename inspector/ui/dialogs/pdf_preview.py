"""The in-app preview of a PDF (a notice before it is issued, an issued or signed notice): every
page in one scrolling view (QtPdf), fit to width by default, zoom in and out, "page x / y",
Print…, Open containing folder, Close — and action buttons the caller adds ("Issue notice",
"Sign…") placed before Close.

The file is read once into memory and the document is loaded from that copy, so the preview
never holds the file open: on Windows an open file could not be replaced, signed or deleted
while the dialog is up. Closing the dialog closes the document.

Printing renders each page with ``QPdfDocument.render`` and composites it on white (QtPdf
renders with a transparent background, which some printer drivers print black or grey).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

MAX_PRINT_DPI = 300  # a 1200-dpi A4 page would be a 560 MB image; 300 dpi prints text and photos crisply
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print ``document`` on ``printer`` (the pages the printer's range asks for, all by default);
    return the number of pages printed. Each page is fitted into the printable area, centred,
    rendered at the printer's resolution (at most ``MAX_PRINT_DPI``) on white."""
    count = document.pageCount()
    if count == 0:
        return 0
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, (printer.toPage() or count) - 1)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        area = painter.viewport()  # the printable area in device pixels
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
            rendered = document.render(page, pixels)
            on_white = QImage(rendered.size(), QImage.Format.Format_RGB32)
            on_white.fill(Qt.GlobalColor.white)
            compose = QPainter(on_white)
            compose.drawImage(0, 0, rendered)
            compose.end()
            target = on_white.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - target.width()) // 2
            painter.drawImage(QRect(x, area.y(), target.width(), target.height()), on_white)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreviewDialog(QDialog):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setPageSpacing(12)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.hide()

        self.zoom_out_button = self._tool_button("−", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._tool_button("+", QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = QToolButton()
        self.page_label = QLabel()
        self.page_label.setProperty("role", "hint")
        self.print_button = QPushButton()
        self.folder_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)

        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_out_button)
        zoom_row.addWidget(self.zoom_in_button)
        zoom_row.addWidget(self.fit_width_button)
        zoom_row.addStretch(1)
        zoom_row.addWidget(self.page_label)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.print_button)
        self.button_row.addWidget(self.folder_button)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(zoom_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem, 1)
        layout.addLayout(self.button_row)
        self.resize(860, 900)

        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_document)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.retranslate()
        self._load()

    def _tool_button(self, text: str, shortcut: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setShortcut(QKeySequence(shortcut))
        button.setMinimumWidth(32)
        return button

    def _load(self) -> None:
        """Load an in-memory copy of the file (see the module docstring: no lock on the file)."""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            self._show_problem(self.tr("The file {file} could not be opened ({reason}).").format(
                file=str(self.path), reason=error.strerror or str(error)))
            return
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() == 0:
            self._show_problem(self.tr("The file {file} is not a PDF that can be shown.").format(file=str(self.path)))
            return
        self._show_page(self.view.pageNavigator().currentPage())

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.view.hide()
        for button in (self.print_button, self.zoom_in_button, self.zoom_out_button, self.fit_width_button):
            button.setEnabled(False)
        self.page_label.clear()

    # --- zoom and pages -------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def effective_zoom(self) -> float:
        """The zoom factor on screen, also while the view fits the page to its width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width = self.document.pagePointSize(0).width() * self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, usable / page_width) if page_width > 0 else 1.0

    def zoom_by(self, factor: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.effective_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _show_page(self, page: int) -> None:
        if self.page_count():
            self.page_label.setText(self.tr("Page {page} / {pages}").format(page=page + 1, pages=self.page_count()))

    # --- actions --------------------------------------------------------------------------
    def add_action_button(self, text: str) -> QPushButton:
        """A button for the caller's own action ("Issue notice", "Sign…"), placed before Close."""
        button = QPushButton(text)
        self.button_row.insertWidget(self.button_row.indexOf(self.close_button), button)
        return button

    def print_document(self) -> int:
        """Ask for a printer and print; the number of pages printed (0 when cancelled)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return print_pdf(self.document, printer)

    def open_folder(self) -> bool:
        """Show the folder holding the file in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.resolve().parent)))

    def done(self, result: int) -> None:
        self.view.setDocument(None)
        self.document.close()
        self._buffer.close()
        super().done(result)

    def retranslate(self) -> None:
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.fit_width_button.setText(self.tr("Fit width"))
        self.print_button.setText(self.tr("Print…"))
        self.folder_button.setText(self.tr("Open containing folder"))
        self.close_button.setText(self.tr("Close"))
        self._show_page(self.view.pageNavigator().currentPage())
