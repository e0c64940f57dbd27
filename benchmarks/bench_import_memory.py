"""Peak memory of a package import, for the SDK and the mock server, as size grows.

Run on demand (it is not part of the test suite):

    .venv/bin/python benchmarks/bench_import_memory.py [--sizes 10,200]

For each size it writes a SCORM 1.2 package of that many megabytes (one large
incompressible file, stored), starts ``scormcloud-mock serve`` in its own process,
uploads the package with the SDK from another process and waits for the import,
then reports both processes' peak resident memory (Linux: ``VmHWM`` and
``ru_maxrss``). Flat numbers across sizes mean neither side holds the package in
memory: the SDK streams the upload and the server spools it to disk.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

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

# Runs in a fresh interpreter, so its peak memory is the SDK's alone.
CLIENT = """
import resource, sys
from scormcloud import ScormCloud
with ScormCloud(app_id="bench", secret_key="bench", base_url=sys.argv[1]) as client:
    job = client.courses.import_package("bench", sys.argv[2])
    course = client.courses.wait_for_import(job, initial_interval=0.2, timeout=600)
assert course.version == 0, course
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def write_package(path: Path, megabytes: int) -> None:
    """A package whose bulk is random (incompressible) bytes, written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST)
        archive.writestr("index.html", "<html><body>Benchmark</body></html>")
        with archive.open("media/video.bin", "w", force_zip64=True) as video:
            for _ in range(megabytes):
                video.write(os.urandom(MEGABYTE))


def peak_rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    raise RuntimeError("VmHWM not found; this benchmark needs Linux")


def measure(package: Path) -> tuple[int, int, float]:
    """(SDK peak MB, server peak MB, seconds) for one import."""
    server = subprocess.Popen(
        [sys.executable, "-m", "scormcloud_mock", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        started = time.monotonic()
        client = subprocess.run(
            [sys.executable, "-c", CLIENT, base_url, str(package)],
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.monotonic() - started
        return int(client.stdout.strip()), peak_rss_mb(server.pid), elapsed
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,200", help="package sizes in MB")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]

    print(f"{'package':>10} {'SDK peak':>10} {'server peak':>12} {'time':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            package = Path(folder) / f"bench-{megabytes}mb.zip"
            write_package(package, megabytes)
            sdk, server, seconds = measure(package)
            package.unlink()
            print(f"{megabytes:>7} MB {sdk:>7} MB {server:>9} MB {seconds:>7.1f}s")


if __name__ == "__main__":
    main()
