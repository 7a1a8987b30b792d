"""The demo's sign-in: every demo account has the same, documented password.

Kept apart from the demo builder so that the CLI can name the password in its help text without
importing the builder and the services it drives.
"""

DEMO_PASSWORD = "demo1234"
DEMO_ADMIN = "admin"
