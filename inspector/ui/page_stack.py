"""The main window's pages, each built the first time it is shown or asked for.

Building every page at start-up imported every screen, dialog and chart module and ran each
page's first queries before the window could paint; a supervisor who opens the app to record an
inspection needs the dashboard and one list. ``PageStack`` keeps a placeholder in the stack for
each page and puts the real page in its place on first use (``page(key)``, or ``stack[key]``).
A page, once built, subscribes to the change hub itself and stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from inspector.ui.pages.base import Page


class PageStack(QStackedWidget):
    """A stacked widget of the pages ``keys``, made by ``factory(key)`` when first needed."""

    def __init__(self, keys: Sequence[str], factory: Callable[[str], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = tuple(keys)
        self._factory = factory
        self._built: dict[str, Page] = {}
        for _ in self.keys:
            self.addWidget(QWidget())  # the page's place until it is first shown

    def page(self, key: str) -> Page:
        """The page ``key``, built now if it was never needed before."""
        page = self._built.get(key)
        if page is None:
            page = self.put(key, self._factory(key))
        return page

    def __getitem__(self, key: str) -> Page:
        if key not in self.keys:
            raise KeyError(key)
        return self.page(key)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def built(self) -> dict[str, Page]:
        """The pages made so far (a language switch or a refresh concerns only these)."""
        return dict(self._built)

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.setCurrentWidget(page)
        return page

    def rebuild(self, key: str) -> Page:
        """Replace a built page with a fresh one (a page that cannot retranslate itself)."""
        return self.put(key, self._factory(key))

    def put(self, key: str, page: Page) -> Page:
        """``page`` in the place of ``key`` (its placeholder, or the page it replaces)."""
        index = self.keys.index(key)
        old = self.widget(index)
        showing = self.currentWidget() is old
        self.insertWidget(index, page)
        self.removeWidget(old)
        old.deleteLater()
        self._built[key] = page
        if showing:
            self.setCurrentWidget(page)
        return page
