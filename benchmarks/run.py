"""Run every benchmark and write its figures into ``docs/performance.md``.

    .venv/bin/python benchmarks/run.py            # the full run (``make bench``)
    .venv/bin/python benchmarks/run.py --quick    # smaller workloads, same rows
    .venv/bin/python benchmarks/run.py --smoke --doc /tmp/p.md   # does it still run?

The table goes between the marker comments of the document; everything else in it
is left alone. ``--only KEY,...`` runs some rows (the others keep their old line).
"""

from __future__ import annotations

import argparse
import datetime
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import bench_fixture
import bench_import_memory
import bench_official_client
import bench_scale
import bench_throughput
import bench_transport
from _harness import FULL, QUICK, ROOT, SMOKE, Result, Sizes

#: The rows of the table, in the issue's order.
BENCHMARKS: dict[str, Callable[[Sizes], Result]] = {
    bench_transport.KEY: bench_transport.run,
    bench_official_client.KEY: bench_official_client.run,
    bench_throughput.KEY: bench_throughput.run,
    bench_import_memory.KEY: bench_import_memory.run,
    bench_scale.KEY: bench_scale.run,
    bench_fixture.KEY: bench_fixture.run,
}
BEGIN = "<!-- bench:table:begin -->"
END = "<!-- bench:table:end -->"
ROW = re.compile(r"^\| (?P<key>[a-z]+) \|")


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    sizes = SMOKE if options.smoke else QUICK if options.quick else FULL
    keys = options.only.split(",") if options.only else list(BENCHMARKS)
    results = []
    for key in keys:
        started = time.monotonic()
        result = BENCHMARKS[key](sizes)
        took = time.monotonic() - started
        verdict = "pass" if result.passed else "MISS"
        print(f"{key:>10}: {result.measured()}  {verdict}  ({took:.0f} s)", flush=True)
        results.append(result)
    write_table(options.doc, results, sizes)
    print(f"wrote {options.doc}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="smaller workloads")
    mode.add_argument("--smoke", action="store_true", help="tiny; checks it runs")
    parser.add_argument("--only", help="comma-separated keys: " + ",".join(BENCHMARKS))
    parser.add_argument(
        "--doc", type=Path, default=ROOT / "docs" / "performance.md", help="output"
    )
    return parser


def write_table(doc: Path, results: list[Result], sizes: Sizes) -> None:
    """Replace the rows of ``results`` between the markers; keep the others."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    old, tail = rest.split(END, 1)
    rows = {m["key"]: line for line in old.splitlines() if (m := ROW.match(line))}
    rows.update({result.key: _row(result) for result in results})
    ordered = [rows[key] for key in BENCHMARKS if key in rows]
    table = "\n".join([*_header(sizes), *ordered])
    doc.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def _header(sizes: Sizes) -> list[str]:
    today = datetime.date.today().isoformat()
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    return [
        f"Last run: {today}, `{sizes.name}` sizes, {machine}.",
        "",
        "| key | what | compared with | target | measured: median (spread) "
        "| result | notes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]


def _row(result: Result) -> str:
    verdict = "pass" if result.passed else "**miss**"
    cells = [
        result.key,
        result.what,
        result.compared_with,
        result.target,
        result.measured(),
        verdict,
        "; ".join(result.notes),
    ]
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    sys.exit(main())
