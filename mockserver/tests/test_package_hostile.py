"""Hostile and broken packages end their job in ERROR, quickly, never with a 5xx."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import httpx
import pytest
from course_zips import SCORM12_MANIFEST, import_tiny, tiny_package, upload, zip_bytes

from scormcloud_mock import MockScormCloud
from scormcloud_mock import _course_store as course_store
from scormcloud_mock._package import PackageError, read_package


def manifest_with(**changes: str) -> str:
    text = SCORM12_MANIFEST.format(title="Hostile")
    for old, new in changes.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def deep_items(depth: int) -> str:
    opening = "".join(f'<item identifier="i{n}"><title>t</title>' for n in range(depth))
    leaf = '<item identifier="leaf" identifierref="res"><title>t</title></item>'
    return SCORM12_MANIFEST.format(title="Deep").replace(
        '<item identifier="item" identifierref="res"><title>Deep</title></item>',
        opening + leaf + "</item>" * depth,
    )


def moved_central_directory() -> bytes:
    data = bytearray(tiny_package())
    end = data.rfind(b"PK\x05\x06")
    offset = struct.unpack_from("<I", data, end + 16)[0]
    struct.pack_into("<I", data, end + 16, offset + 100)
    return bytes(data)


def future_zip_version() -> bytes:
    data = bytearray(tiny_package())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 70)
    return bytes(data)


def corrupt_lzma() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("imsmanifest.xml", SCORM12_MANIFEST.format(title="x"))
        archive.writestr("index.html", b"<html>" * 2000)
    data = bytearray(buffer.getvalue())
    start = data.find(b"<html>"[:1], data.find(b"index.html") + 20)
    data[start + 40 : start + 80] = b"\x00" * 40
    return bytes(data)


HOSTILE = {
    "moved central directory": moved_central_directory(),
    "zip version 7.0": future_zip_version(),
    "corrupt LZMA": corrupt_lzma(),
    "unknown encoding": zip_bytes(
        {
            "imsmanifest.xml": SCORM12_MANIFEST.format(title="x").replace(
                'encoding="UTF-8"', 'encoding="no-such-codec"'
            ),
            "index.html": "x",
        }
    ),
    "broken IPv6 base": zip_bytes(
        {
            "imsmanifest.xml": SCORM12_MANIFEST.format(title="x").replace(
                "<resources>", '<resources xml:base="http://[x/">'
            ),
            "index.html": "x",
        }
    ),
    "items 400 deep": zip_bytes(
        {"imsmanifest.xml": deep_items(400), "index.html": "x"}
    ),
    "path 1500 folders deep": zip_bytes(
        {"imsmanifest.xml": SCORM12_MANIFEST.format(title="x"), "a/" * 1500 + "f": "x"}
    ),
}


@pytest.mark.parametrize("package", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_packages_end_in_error(
    http: httpx.Client, mock: MockScormCloud, package: bytes
) -> None:
    import_tiny(http, "kept")
    job = upload(http, "hostile", package)

    assert job["status"] == "ERROR"
    assert isinstance(job["message"], str) and job["message"]
    assert http.get("/courses/kept").json()["version"] == 0
    # Nothing is left behind in staging for a refused package.
    staging = mock.backend.courses.staging_root
    assert not staging.exists() or not any(staging.iterdir())


def test_deep_paths_are_refused_before_they_are_expanded(http: httpx.Client) -> None:
    # Each entry names 32,000 folders: expanding every parent folder of such names
    # once cost gigabytes; the name's depth is now checked first.
    entries = {"imsmanifest.xml": SCORM12_MANIFEST.format(title="x"), "index.html": "x"}
    entries.update({(c + "/") * 32000 + "f": "x" for c in "bcd"})

    job = upload(http, "deep", zip_bytes(entries))

    assert job["status"] == "ERROR"
    assert "too long or too deep" in str(job["message"])


def test_thousands_of_entries_in_many_folders_import(tmp_path: Path) -> None:
    files = {f"folder{n % 50}/page{n}.html": "x" for n in range(5000)}
    files["imsmanifest.xml"] = SCORM12_MANIFEST.format(title="many")
    files["index.html"] = "x"
    package = read_package(io.BytesIO(zip_bytes(files)), tmp_path)
    assert package.title == "many"
    assert (tmp_path / "folder49" / "page4999.html").is_file()


def test_a_file_that_is_also_a_folder_is_refused(tmp_path: Path) -> None:
    package = zip_bytes(
        {
            "imsmanifest.xml": SCORM12_MANIFEST.format(title="x"),
            "index.html": "x",
            "a": "file",
            "a-b/c": "sorted between a and a/",
            "a/c": "under a",
        }
    )
    with pytest.raises(PackageError, match="both a file and a folder"):
        read_package(io.BytesIO(package), tmp_path)
    assert not any(tmp_path.iterdir())


def test_a_reset_while_a_package_is_read_forgets_the_job(
    http: httpx.Client, mock: MockScormCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = course_store.read_package

    def read_then_reset(source: object, destination: Path) -> object:
        package = real_read(source, destination)  # type: ignore[arg-type]
        mock.reset()
        return package

    monkeypatch.setattr(course_store, "read_package", read_then_reset)
    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "c"},
        files={"file": ("p.zip", tiny_package())},
    )
    job_id = response.json()["result"]
    monkeypatch.undo()

    assert http.get(f"/courses/importJobs/{job_id}").status_code == 404
    assert http.get("/courses/c").status_code == 404
    assert import_tiny(http, "c")["status"] == "COMPLETE"


def test_files_without_seekable_are_read(tmp_path: Path) -> None:
    class NoSeekable:
        """Like Python 3.10's SpooledTemporaryFile: seek and tell, no seekable()."""

        def __init__(self, data: bytes) -> None:
            self._buffer = io.BytesIO(data)
            self.read = self._buffer.read
            self.seek = self._buffer.seek
            self.tell = self._buffer.tell

    package = read_package(NoSeekable(tiny_package("Plain")), tmp_path)  # type: ignore[arg-type]
    assert package.title == "Plain"


@pytest.mark.parametrize(
    "encoding", ["Shift_JIS", "EUC-JP", "GB2312", "Big5", "EUC-KR"]
)
def test_manifests_in_east_asian_encodings_import(
    http: httpx.Client, encoding: str
) -> None:
    title = {"GB2312": "高尔夫", "Big5": "高爾夫", "EUC-KR": "골프"}.get(
        encoding, "ゴルフ"
    )
    manifest = SCORM12_MANIFEST.format(title=title).replace(
        'encoding="UTF-8"', f'encoding="{encoding}"'
    )
    package = zip_bytes(
        {"imsmanifest.xml": manifest.encode(encoding), "index.html": "x"}
    )

    job = upload(http, "cjk", package)

    assert job["status"] == "COMPLETE", job
    assert http.get("/courses/cjk").json()["title"] == title
