"""Pure functions for PAdES signatures (pyHanko) and the office's local certificate authority
(cryptography).

Beside the services ring, like ``inspector.media``: no Qt, no database, no storage. Functions take
and return bytes (PEM certificates and keys, PDF files), so services, the CLI and background
workers call them alike.

Importing this package silences one third-party warning, and only that one: pyHanko 0.38 imports
``DSAPrivateKey`` and cryptography ≥ 51 then warns ``CryptographyDeprecationWarning: DSA is
deprecated`` on every run, on the user's terminal. We never make or accept DSA keys (EC P-256,
``pki.py``), so the filter matches that category, that message and warnings raised from pyHanko's
own modules; every other warning, ours above all, is left as it was.
"""

from __future__ import annotations

import warnings

from cryptography.utils import CryptographyDeprecationWarning

warnings.filterwarnings(
    "ignore",
    message=r"DSA is deprecated",
    category=CryptographyDeprecationWarning,
    module=r"pyhanko(\.|$)",
)
