"""Pure functions over image files (Pillow + pillow-heif): read, check, make upright derivatives.

Beside the services ring: no Qt, no database, no storage. Functions take paths and return values
or bytes, so that services and background workers call them alike.
"""
