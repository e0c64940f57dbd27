"""client.courses.assets: paths, queries, multipart fields and the sparse zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx
import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of
from werkzeug.formparser import parse_form_data

from scormcloud import ScormCloud


def multipart(request: httpx.Request) -> tuple[dict[str, str], dict[str, bytes]]:
    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": request.headers["content-type"],
        "CONTENT_LENGTH": str(len(request.content)),
        "wsgi.input": io.BytesIO(request.content),
    }
    _, form, files = parse_form_data(environ)
    contents = {}
    for name, storage in files.items():
        contents[name] = storage.read()
        storage.close()
    return dict(form), contents


def test_list_and_delete_on_latest_and_on_a_version(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"files": [{"path": "a.html", "size": 3}]})
    service.reply(204)

    files = client.courses.assets.list("golf", version=2)
    client.courses.assets.delete("golf", "shared/a b.html")

    assert [(f.path, f.size) for f in files] == [("a.html", 3)]
    listed, deleted = service.requests
    assert path_of(listed) == "/api/v2/courses/golf/versions/2/asset/list"
    assert (deleted.method, path_of(deleted)) == (
        "DELETE",
        "/api/v2/courses/golf/asset",
    )
    assert query_of(deleted) == {"relativePath": "shared/a b.html"}


def test_upload_sends_destination_as_a_form_field(
    client: ScormCloud, service: FakeService, tmp_path: Path
) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(b"\x89PNG\r\n")
    service.reply(json={"filename": "logo.png", "destination": "shared/logo.png"})

    written = client.courses.assets.upload(
        "golf", "/shared/logo.png", source, update_asset_policy="strict"
    )

    assert written.destination == "shared/logo.png"
    assert path_of(service.last) == "/api/v2/courses/golf/asset/upload"
    assert query_of(service.last) == {"updateAssetPolicy": "strict"}
    form, files = multipart(service.last)
    assert form == {"destination": "/shared/logo.png"}
    assert files == {"file": b"\x89PNG\r\n"}


def test_import_from_url_sends_the_schema(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"filename": "x.png", "destination": "x.png"})

    client.courses.assets.import_from_url(
        "golf", "https://cdn.example/x.png", "x.png", version=0
    )

    assert path_of(service.last) == "/api/v2/courses/golf/versions/0/asset"
    assert query_of(service.last) == {}
    assert json_of(service.last) == {
        "fetchUrl": "https://cdn.example/x.png",
        "destination": "x.png",
    }


def test_download_streams_one_file(
    client: ScormCloud, service: FakeService, tmp_path: Path
) -> None:
    service.reply(content=b"<html/>")

    size = client.courses.assets.download("golf", "index.html", tmp_path / "i.html")

    assert size == 7 and (tmp_path / "i.html").read_bytes() == b"<html/>"
    assert query_of(service.last) == {"relativePath": "index.html"}


def sparse_zip(entries: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_sparse_zip_uploads_each_file_manifest_last(
    client: ScormCloud, service: FakeService
) -> None:
    package = sparse_zip(
        {
            "imsmanifest.xml": b"<manifest new/>",
            "__MACOSX/._a.html": b"junk",
            "pages/a.html": b"A",
            "pages/.DS_Store": b"junk",
        }
    )
    service.reply(content=b"<manifest old/>")
    for _ in range(2):
        service.reply(json={"filename": "f", "destination": "d"})

    result = client.courses.assets.apply_sparse_zip("golf", package, version=1)

    assert result.updated == ["pages/a.html", "imsmanifest.xml"]
    assert result.manifest_changed is True
    read, *uploads = service.requests
    assert query_of(read) == {"relativePath": "imsmanifest.xml"}
    assert [multipart(r) for r in uploads] == [
        ({"destination": "pages/a.html"}, {"file": b"A"}),
        ({"destination": "imsmanifest.xml"}, {"file": b"<manifest new/>"}),
    ]
    assert {path_of(r) for r in uploads} == {
        "/api/v2/courses/golf/versions/1/asset/upload"
    }


def test_sparse_zip_with_the_same_manifest_reports_no_change(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(content=b"<manifest/>")
    service.reply(json={"filename": "f", "destination": "d"})

    result = client.courses.assets.apply_sparse_zip(
        "golf", sparse_zip({"imsmanifest.xml": b"<manifest/>"})
    )

    assert result.manifest_changed is False


def test_sparse_zip_escaping_entries_upload_nothing(
    client: ScormCloud, service: FakeService
) -> None:
    package = sparse_zip({"ok.html": b"x", "../evil.html": b"x"})

    with pytest.raises(ValueError, match="leaves the course folder"):
        client.courses.assets.apply_sparse_zip("golf", package)

    assert service.requests == []
