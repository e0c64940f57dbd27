"""Allows ``python -m scormcloud_mock serve``."""

from ._cli import main

main()
