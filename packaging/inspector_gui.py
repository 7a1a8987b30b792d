"""Entry point of the frozen desktop app (``Inspector``): the same ``inspector.app.main`` as the
``inspector`` script of the wheel. Used by packaging/inspector.spec only."""

import sys

from inspector.app import main

if __name__ == "__main__":
    sys.exit(main())
