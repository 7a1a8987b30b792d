"""The only code that touches SQLite: open/migrate (``database``, ``migrations/``), repositories,
and the photo file store."""
