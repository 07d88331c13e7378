"""Service Counter (售后服务台): starts the application or a command (see app/cli.py)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
