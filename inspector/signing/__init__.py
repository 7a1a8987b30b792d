"""Pure functions for PAdES signatures (pyHanko) and the office's local certificate authority
(cryptography).

Beside the services ring, like ``inspector.media``: no Qt, no database, no storage. Functions take
and return bytes (PEM certificates and keys, PDF files), so services, the CLI and background
workers call them alike.
"""
