"""``inspector-cli``: the same services as the desktop app, for scripts and batch work."""
