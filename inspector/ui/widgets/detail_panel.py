"""Pieces shared by the detail panels beside a list (notices, complaints): a selectable rich-text
label, and the scrolled column of the selected record's parts over the page's background."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget


def rich_label() -> QLabel:
    """A wrapping, top-aligned rich-text label whose text can be selected and copied."""
    found = QLabel()
    found.setWordWrap(True)
    found.setTextFormat(Qt.TextFormat.RichText)
    found.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return found


def scrolled_column(*parts: QWidget | QLayout) -> QScrollArea:
    """``parts`` one under the other (widgets or layouts), a stretch below, in a frameless scroll
    area that lets the page's background show through."""
    content = QWidget()
    inner = QVBoxLayout(content)
    inner.setContentsMargins(12, 8, 12, 8)
    inner.setSpacing(6)
    for part in parts:
        if isinstance(part, QLayout):
            inner.addLayout(part)
        else:
            inner.addWidget(part)
    inner.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll
