"""The pure core: pydantic models and rules. Imports no Qt, no SQLite, no Pillow, no ReportLab."""
