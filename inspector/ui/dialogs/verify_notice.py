""""Verify a notice": pick a signed PDF (and, optionally, another office's CA certificate) and
read, in plain words, whether it is intact and, for every signature in turn, who signed it and
when, whether that signer is trusted, and what the signature still covers.

The check is ``CertificateService.verify`` with this data folder's CA plus the extra file; it
needs no signed-in user. The verdict line is green (✓, valid: intact and every signer confirmed),
amber (⚠, intact but a signer is unknown or untrusted) or red (✗, do not rely on it) — the same
rule as ``inspector-cli verify`` and its exit codes 0, 3 and 1. Each signature gets its own row
with its own mark under "Signatures".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.domain.signatures import SignatureCheck
from inspector.ui.uicontext import UiContext
from inspector.words import messages
from inspector.words.signatures import (
    Verdict,
    describe_document,
    describe_signature,
    signature_level,
    verdict,
)

DIALOG_MARGINS = (20, 18, 20, 16)
VERDICT_STYLE = {
    Verdict.GOOD: ("✓", "#1b7f3b"),
    Verdict.DOUBTFUL: ("⚠", "#a15c00"),
    Verdict.BAD: ("✗", "#b3261e"),
}


class VerifyNoticeDialog(QDialog):
    """The file, an optional extra CA, the verdict and the sentences behind it."""

    def __init__(self, ui: UiContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.check: SignatureCheck | None = None
        self.level: Verdict | None = None
        self.setWindowTitle(self.tr("Verify a signed notice"))
        self.setMinimumWidth(560)

        self.pdf_path = QLineEdit()
        self.pdf_path.setReadOnly(True)
        self.pdf_path.setPlaceholderText(self.tr("No PDF chosen"))
        choose_pdf = QPushButton(self.tr("Choose PDF…"))
        choose_pdf.clicked.connect(self.pick_pdf)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_path, 1)
        pdf_row.addWidget(choose_pdf)

        self.trust_path = QLineEdit()
        self.trust_path.setReadOnly(True)
        self.trust_path.setPlaceholderText(self.tr("Only this office's certificate authority"))
        choose_trust = QPushButton(self.tr("Choose…"))
        choose_trust.clicked.connect(self.pick_trust)
        self.clear_trust = QPushButton(self.tr("Remove"))
        self.clear_trust.clicked.connect(lambda: self.set_trust(None))
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_path, 1)
        trust_row.addWidget(choose_trust)
        trust_row.addWidget(self.clear_trust)

        fields = QFormLayout()
        fields.addRow(self.tr("Signed PDF:"), pdf_row)
        fields.addRow(self.tr("Also trust (CA certificate):"), trust_row)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.verdict.setFont(font)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.signatures_box = QGroupBox(self.tr("Signatures"))
        self.signatures_layout = QVBoxLayout(self.signatures_box)
        self.signature_rows: list[QLabel] = []  # one per signature, in signing order

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS)
        layout.addLayout(fields)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(self.signatures_box, 1)
        layout.addWidget(buttons)

        self._pdf: Path | None = None
        self._trust: Path | None = None
        self.set_trust(None)
        self.show_verdict(None, self.tr("Choose a signed PDF to check it."))
        if path is not None:
            self.set_pdf(Path(path))

    # --- choosing files (tests replace the two choose_* functions) ------------------------------
    @classmethod
    def choose_pdf(cls, parent: QWidget | None) -> Path | None:
        title = QCoreApplication.translate("VerifyNoticeDialog", "Choose a signed PDF")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), "PDF (*.pdf)")
        return Path(name) if name else None

    @classmethod
    def choose_trust(cls, parent: QWidget | None) -> Path | None:
        title = QCoreApplication.translate("VerifyNoticeDialog", "Choose a CA certificate to trust")
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()),
                                              "PEM (*.pem *.crt *.cer);;* (*)")
        return Path(name) if name else None

    def pick_pdf(self) -> None:
        path = self.choose_pdf(self)
        if path is not None:
            self.set_pdf(path)

    def pick_trust(self) -> None:
        path = self.choose_trust(self)
        if path is not None:
            self.set_trust(path)

    def set_pdf(self, path: Path) -> None:
        self._pdf = path
        self.pdf_path.setText(str(path))
        self.run_check()

    def set_trust(self, path: Path | None) -> None:
        self._trust = path
        self.trust_path.setText(str(path) if path else "")
        self.clear_trust.setEnabled(path is not None)
        if self._pdf is not None:
            self.run_check()

    # --- checking ---------------------------------------------------------------------------------
    def run_check(self) -> None:
        if self._pdf is None:
            return
        certificates = self.ui.app.certificates
        trust = [self._trust] if self._trust else []
        try:
            check = certificates.verify_file(self._pdf, trust, local_ca=True)
        except InspectorError as error:
            self.check = None
            self.show_verdict(Verdict.BAD, messages.describe(error))
            return
        level, headline = verdict(check)
        self.check = check
        self.show_verdict(level, headline, [describe_document(check)])

    def show_verdict(self, level: Verdict | None, headline: str, sentences: list[str] | None = None) -> None:
        self.level = level
        if level is None:
            self.verdict.setText(headline)
            self.verdict.setStyleSheet("")
        else:
            symbol, colour = VERDICT_STYLE[level]
            self.verdict.setText(f"{symbol} {headline}")
            self.verdict.setStyleSheet(f"color: {colour};")
        self.details.setText("\n\n".join(sentences or []))
        self._show_signatures()

    def _show_signatures(self) -> None:
        """One row per signature of the current check, each with its own mark and colour."""
        for row in self.signature_rows:
            self.signatures_layout.removeWidget(row)
            row.deleteLater()
        self.signature_rows = []
        check = self.check
        infos = check.signatures if check is not None else ()
        for info in infos:
            symbol, colour = VERDICT_STYLE[signature_level(info)]
            row = QLabel(f"{symbol} {describe_signature(info, check.signature_count, check.revisions)}")
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.PlainText)
            row.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.setStyleSheet(f"color: {colour};")
            self.signatures_layout.addWidget(row)
            self.signature_rows.append(row)
        self.signatures_box.setVisible(bool(infos))

    @classmethod
    def open_for(cls, ui: UiContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        """Show the dialog modally (the menu action's one call)."""
        dialog = cls(ui, path, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
