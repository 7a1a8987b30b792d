"""Packaging tests (marker ``packaging``): the wheel installed into a fresh venv, and the frozen
PyInstaller build, each run from a folder outside the checkout. Slow (minutes): deselect locally
with ``-m "not packaging"``; CI runs them, and there anything they need that is missing fails."""
