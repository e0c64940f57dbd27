"""The benchmark runner still runs: in-process rows at tiny sizes, table rewritten.

The rows that start server processes take tens of seconds even at ``--smoke`` sizes,
so this test only checks that they are registered; ``run.py --smoke`` runs them all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import run  # noqa: E402

IN_PROCESS = ("transport", "scale", "fixture")


def test_every_row_of_the_issue_is_registered() -> None:
    assert list(run.BENCHMARKS) == [
        "transport",
        "official",
        "throughput",
        "import",
        "scale",
        "fixture",
    ]


def test_smoke_run_rewrites_only_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text(
        f"# Before\n{run.BEGIN}\n| official | kept |\n{run.END}\nAfter\n",
        encoding="utf-8",
    )

    assert run.main(["--smoke", "--only", ",".join(IN_PROCESS), "--doc", str(doc)]) == 0

    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Before\n") and text.endswith("\nAfter\n")
    table = text.split(run.BEGIN)[1].split(run.END)[0]
    rows = [line.split(" | ")[0] for line in table.splitlines() if line[:2] == "| "]
    assert rows[2:] == ["| transport", "| official", "| scale", "| fixture"]
    assert "| official | kept |" in table
    assert "wrote" in capsys.readouterr().out
