"""The only code that touches SQLite: open/migrate, repositories, and the photo file store."""
