"""Importing a large package: time against ``zipfile``, and memory above baseline.

The performance table's row (``run``): a package of 200 MB in 5,000 files (random,
incompressible bytes, stored) is imported by the SDK, in its own process, into
``scormcloud-mock serve``, in another, and waited for. Each repetition also reads
every entry of the same file with ``zipfile`` in this process, the two in turns;
the figure is import time over read time. Every import gets a fresh server, whose
resident memory before the upload is its baseline; the SDK's baseline is its
resident memory once imported and connected. The peaks (Linux ``VmHWM``) less the
baselines must stay under 64 MB: neither side holds the package in memory (the SDK
streams the upload, the server spools it to disk and extracts entry by entry).

Run on demand (it is not part of the test suite):

    .venv/bin/python benchmarks/bench_import_memory.py [--quick]
    .venv/bin/python benchmarks/bench_import_memory.py --sizes 10,200

``--sizes`` prints the older flatness table instead: peak memory of both sides for
one-file packages of each size in MB, which should not grow with the size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from _harness import (
    FULL,
    Result,
    Sizes,
    alternate,
    main_for,
    mock_server_process,
    rss_mb,
    run_json,
    summary,
)

KEY = "import"
TARGET = 1.5
MEMORY_LIMIT_MB = 64

MEGABYTE = 1024 * 1024

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="bench" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Benchmark</title>
      <item identifier="item" identifierref="res"><title>Benchmark</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res" type="webcontent" adlcp:scormtype="sco"
        href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>
"""

# Runs in a fresh interpreter, so its memory is the SDK's alone.
CLIENT = """
import json, sys, time
from pathlib import Path
from scormcloud import ScormCloud

def rss(name):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) / 1024

with ScormCloud(app_id="bench", secret_key="bench", base_url=sys.argv[1]) as client:
    client.ping()
    baseline = rss("VmRSS")
    started = time.perf_counter()
    job = client.courses.import_package("bench", sys.argv[2])
    course = client.courses.wait_for_import(job, initial_interval=0.05, timeout=600)
    seconds = time.perf_counter() - started
assert course.version == 0, course
print(json.dumps({"seconds": seconds, "baseline": baseline, "peak": rss("VmHWM")}))
"""


def write_package(path: Path, megabytes: float, files: int = 1) -> None:
    """A package whose bulk is random (incompressible) bytes in ``files`` files."""
    size = int(megabytes * MEGABYTE) // files
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST)
        archive.writestr("index.html", "<html><body>Benchmark</body></html>")
        for number in range(files):
            name = f"media/{number // 100:03d}/part-{number:05d}.bin"
            with archive.open(name, "w", force_zip64=True) as part:
                for start in range(0, size, MEGABYTE):
                    part.write(os.urandom(min(MEGABYTE, size - start)))


@dataclass
class Import:
    seconds: float
    sdk_baseline: float
    sdk_peak: float
    server_baseline: float
    server_peak: float

    @property
    def sdk_growth(self) -> float:
        return self.sdk_peak - self.sdk_baseline

    @property
    def server_growth(self) -> float:
        return self.server_peak - self.server_baseline


def measure(package: Path) -> Import:
    """Import ``package`` once into a fresh server, from a fresh SDK process."""
    with mock_server_process("--import-job-running-polls", "0") as (base_url, pid):
        server_baseline = rss_mb(pid)
        client = run_json("-c", CLIENT, base_url, str(package))
        return Import(
            seconds=float(client["seconds"]),  # type: ignore[arg-type]
            sdk_baseline=float(client["baseline"]),  # type: ignore[arg-type]
            sdk_peak=float(client["peak"]),  # type: ignore[arg-type]
            server_baseline=server_baseline,
            server_peak=rss_mb(pid, "VmHWM"),
        )


def read_every_entry(package: Path) -> float:
    """Seconds to read every entry of ``package`` with ``zipfile``."""
    started = time.perf_counter()
    with zipfile.ZipFile(package) as archive:
        for info in archive.infolist():
            archive.read(info)
    return time.perf_counter() - started


def run(sizes: Sizes = FULL) -> Result:
    megabytes = max(1.0, 200 * sizes.scale)
    files = sizes.count(5000, least=20)
    repeats = max(1, sizes.repeats // 3)
    imports: list[Import] = []

    def ours() -> float:
        imports.append(measure(package))
        return imports[-1].seconds

    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder) / "bench.zip"
        write_package(package, megabytes, files)
        ratios = alternate(
            ours, lambda: read_every_entry(package), repeats, warm_up=sizes.warm_up
        )
    median, low, high = summary(ratios)
    sdk = max(i.sdk_growth for i in imports)
    server = max(i.server_growth for i in imports)
    seconds = statistics.median(i.seconds for i in imports)
    return Result(
        key=KEY,
        what=f"importing a {megabytes:g} MB, {files:,}-file package",
        compared_with="reading every entry with `zipfile`",
        target=f"at most {TARGET:g} times; SDK and server each under "
        f"{MEMORY_LIMIT_MB} MB above their baseline",
        figure=median,
        low=low,
        high=high,
        passed=median <= TARGET and max(sdk, server) < MEMORY_LIMIT_MB,
        notes=[
            f"import {seconds:.2f} s (median); memory above baseline, highest of "
            f"{len(imports)} imports: SDK {sdk:.0f} MB, server {server:.0f} MB"
        ],
    )


def flatness(sizes: list[int]) -> None:
    """The older table: peak memory of both sides as one-file packages grow."""
    print(f"{'package':>10} {'SDK peak':>10} {'server peak':>12} {'time':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            package = Path(folder) / f"bench-{megabytes}mb.zip"
            write_package(package, megabytes)
            done = measure(package)
            package.unlink()
            print(
                f"{megabytes:>7} MB {done.sdk_peak:>7.0f} MB "
                f"{done.server_peak:>9.0f} MB {done.seconds:>7.1f}s"
            )


if __name__ == "__main__":
    if "--sizes" in sys.argv:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--sizes", default="10,200", help="package sizes in MB")
        flatness([int(size) for size in parser.parse_args().sizes.split(",")])
    else:
        main_for(run)
