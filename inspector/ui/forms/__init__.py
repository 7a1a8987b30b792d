"""Generated Python for the Designer forms in the top-level ``forms/`` folder — never edit by hand.

Why ``pyside6-uic`` generation rather than ``QUiLoader``: a generated ``Ui_X`` class builds its
widgets with plain constructor calls, so opening a dialog costs no XML parsing and no
``QtUiTools`` import at start-up (the sign-in dialog is the first thing a supervisor waits for);
its attributes (``self.ui.username``) are ordinary typed Python that editors, linters and type
checkers can follow, where a loaded form only offers ``findChild`` by string; and its
``retranslateUi`` calls ``QCoreApplication.translate``, which ``pyside6-lupdate`` reads like any
other source. The price is a generation step: ``tools/build_forms.py`` rewrites every
``ui_<name>.py`` from ``forms/<name>.ui`` with the pinned PySide6's uic, the files are committed
so that an installed package needs no tooling, and ``tests/ui/test_forms_generated.py`` fails when
a committed file no longer matches its form. Widgets compose a form
(``self.ui = Ui_LoginDialog(); self.ui.setupUi(self)``) instead of inheriting from it.
"""
