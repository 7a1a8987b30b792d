"""Pure functions for PAdES signatures (pyHanko) and the office's local certificate authority
(cryptography).

Beside the services ring, like ``inspector.media``: no Qt, no database, no storage. Functions take
and return bytes (PEM certificates and keys, PDF files), so services, the CLI and background
workers call them alike.

Importing this package first silences one known warning: pyHanko imports cryptography's DSA
module, which cryptography ≥ 47 marks deprecated (TECH-NOTES, "Signing"). Inspector never uses
DSA, and the warning would otherwise open the output of every ``verify`` and ``--sign`` run.
"""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

warnings.filterwarnings("ignore", message="DSA is deprecated", category=CryptographyDeprecationWarning,
                        module=r"pyhanko(\.|$)")
