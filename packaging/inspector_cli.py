"""Entry point of the frozen command line (``inspector-cli``): the same ``inspector.cli.main.main``
as the ``inspector-cli`` script of the wheel. Used by packaging/inspector.spec only."""

import sys

from inspector.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
