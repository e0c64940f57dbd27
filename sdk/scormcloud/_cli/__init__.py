"""The ``scormcloud`` command line; needs the ``cli`` extra (click and rich)."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .commands import cli
    except ImportError as error:  # pragma: no cover - depends on the install
        sys.exit(
            f"scormcloud: the command line needs extra packages ({error.name}); "
            "install them with: pip install 'scormcloud-sdk[cli]'"
        )
    cli()
