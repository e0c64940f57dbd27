"""Printing results: tables for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from .._models import Model


def console() -> Console:
    # Built per call so that it writes to whatever stdout is right now (tests swap it).
    return Console(file=sys.stdout, soft_wrap=True)


def emit_json(value: Model | Sequence[Model] | dict[str, Any]) -> None:
    if isinstance(value, Model):
        data: Any = value.to_wire()
    elif isinstance(value, dict):
        data = value
    else:
        data = [item.to_wire() for item in value]
    click.echo(json.dumps(data, indent=2, sort_keys=True))


def emit_table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console().print(table)


def emit_fields(title: str, fields: Sequence[tuple[str, object]]) -> None:
    emit_table(title, ("field", "value"), fields)
