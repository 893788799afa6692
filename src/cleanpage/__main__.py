"""``python -m cleanpage``: the same command as ``cleanpage``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
