"""The table of checklist template versions on the templates page: code, title in the display
language, version, translated status, effective month, number of items. Rows are the
``TemplateVersion`` records ``TemplateService.list`` returns; the model never calls a service.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.domain.templates import TemplateVersion
from inspector.words.labels import label
from inspector.ui.language import localized
from inspector.ui.models.records import RecordTableModel


class TemplatesModel(RecordTableModel):
    COL_CODE, COL_TITLE, COL_VERSION, COL_STATUS, COL_MONTH, COL_ITEMS = range(6)
    NUMERIC_COLUMNS = frozenset({COL_VERSION, COL_ITEMS})

    def versions(self) -> list[TemplateVersion]:
        return self.records()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TemplatesModel", "Code"),
            QCoreApplication.translate("TemplatesModel", "Title"),
            QCoreApplication.translate("TemplatesModel", "Version"),
            QCoreApplication.translate("TemplatesModel", "Status"),
            QCoreApplication.translate("TemplatesModel", "Effective month"),
            QCoreApplication.translate("TemplatesModel", "Items"),
        ]

    def cell(self, version: TemplateVersion, column: int) -> str:
        if column == self.COL_CODE:
            return version.code
        if column == self.COL_TITLE:
            return localized(version.body.title_zh, version.body.title_en)
        if column == self.COL_VERSION:
            return str(version.version)
        if column == self.COL_STATUS:
            return label(version.status)
        if column == self.COL_MONTH:
            return version.effective_month or "—"
        return str(version.body.item_count)
