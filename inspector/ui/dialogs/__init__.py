"""dialogs of the desktop UI."""
