"""Every user-facing word shared by the GUI, the CLI and the PDFs, in one place.

- ``i18n``: the translation helper for code that is not a QObject (``translate``) and the
  translator installation; widgets use ``self.tr()``.
- ``labels``: display names of the domain's codes (roles, kinds, modes, severities…).
- ``notice_labels``: notice statuses and flags.
- ``messages``: the sentence of every error code (``describe``), for dialogs and ``error:`` lines.
- ``signatures``: a signature check in plain words, and the signing error sentences.

The domain speaks in codes; only this package turns them into sentences, so that the desktop,
the command line and the documents say the same thing in the same words.
"""
