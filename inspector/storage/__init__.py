"""The only code that touches SQLite: open/migrate, repositories, and the photo file store.

Migrations live in ``migrations`` (0001–0005) and ``migrations_more`` (0006 onwards); importing
this package registers them all on ``migrations.MIGRATIONS``, in order, whichever module asks.
"""

from inspector.storage import migrations_more  # noqa: F401
