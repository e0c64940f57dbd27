"""Overwriting in place: the asset calls, their policies and the manifest re-read."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import httpx
import pytest
from course_zips import SCORM12_MANIFEST, import_tiny, tiny_package, upload
from mock_http import BASE_URL, create_registration

from scormcloud_mock import MockScormCloud


def put_file(
    http: httpx.Client,
    destination: str,
    content: bytes,
    *,
    prefix: str = "/courses/golf",
    policy: str | None = None,
) -> httpx.Response:
    params = {"updateAssetPolicy": policy} if policy else {}
    return http.post(
        f"{prefix}/asset/upload",
        params=params,
        data={"destination": destination},
        files={"file": ("upload.bin", content, "application/octet-stream")},
    )


def read_file(http: httpx.Client, path: str, prefix: str = "/courses/golf") -> bytes:
    response = http.get(f"{prefix}/asset", params={"relativePath": path})
    assert response.status_code == 200, response.text
    return response.content


def test_file_list_names_every_file_with_size(http: httpx.Client) -> None:
    upload(http, "golf", tiny_package("Golf", shared__logo_png=b"\x89PNG"))

    files = http.get("/courses/golf/asset/list").json()["files"]

    assert [
        (f["path"], f["size"]) for f in files if f["path"] != "imsmanifest.xml"
    ] == [
        ("index.html", len(b"<html><body>Golf</body></html>")),
        ("shared/logo_png", 4),
    ]
    assert files[0]["modified"].endswith("Z")


def test_b26_policies_reject_strict_lax(http: httpx.Client) -> None:
    upload(http, "golf", tiny_package("Golf", shared__logo_png=b"old"))

    rejected = put_file(http, "/shared/logo_png", b"new", policy="reject")
    strict = put_file(http, "/shared/missing.png", b"new", policy="strict")
    assert rejected.status_code == strict.status_code == 400
    assert rejected.json() == {
        "message": "Asset 'shared/logo_png' already exists and updateAssetPolicy "
        "is reject"
    }
    assert strict.json() == {
        "message": "Asset 'shared/missing.png' does not exist and updateAssetPolicy "
        "is strict"
    }
    assert read_file(http, "shared/logo_png") == b"old"
    assert (
        http.get(
            "/courses/golf/asset", params={"relativePath": "shared/missing.png"}
        ).status_code
        == 404
    )

    lax = put_file(http, "/shared/logo_png", b"new")
    assert lax.status_code == 200
    assert lax.json() == {"filename": "upload.bin", "destination": "shared/logo_png"}
    assert read_file(http, "shared/logo_png") == b"new"


def test_version_scoped_calls_change_only_that_version(http: httpx.Client) -> None:
    import_tiny(http, "golf", title="v0")
    import_tiny(http, "golf", title="v1", mayCreateNewVersion="true")

    response = put_file(
        http, "extra.txt", b"v0 only", prefix="/courses/golf/versions/0"
    )

    assert response.status_code == 200
    assert read_file(http, "extra.txt", "/courses/golf/versions/0") == b"v0 only"
    latest = http.get("/courses/golf/asset", params={"relativePath": "extra.txt"})
    assert latest.status_code == 404
    assert latest.json() == {
        "message": "Asset 'extra.txt' does not exist in version 1 of course ID 'golf'"
    }


@pytest.mark.parametrize(
    "path", ["../escape.txt", "a/../../b", "C:/windows/x", "/", "a\\..\\..\\b"]
)
def test_paths_that_leave_the_course_are_400(http: httpx.Client, path: str) -> None:
    import_tiny(http, "golf")
    before = http.get("/courses/golf/asset/list").json()

    written = put_file(http, path, b"x")
    read = http.get("/courses/golf/asset", params={"relativePath": path})
    deleted = http.delete("/courses/golf/asset", params={"relativePath": path})

    assert written.status_code == read.status_code == deleted.status_code == 400
    assert written.json() == {
        "message": f"destination '{path}' is not a path inside the course"
    }
    assert read.json() == {
        "message": f"relativePath '{path}' is not a path inside the course"
    }
    assert http.get("/courses/golf/asset/list").json() == before


def test_delete_removes_the_file_and_refuses_the_manifest(http: httpx.Client) -> None:
    upload(http, "golf", tiny_package("Golf", extra_txt=b"x"))

    assert (
        http.delete(
            "/courses/golf/asset", params={"relativePath": "extra_txt"}
        ).status_code
        == 204
    )
    again = http.delete("/courses/golf/asset", params={"relativePath": "extra_txt"})
    manifest = http.delete(
        "/courses/golf/asset", params={"relativePath": "imsmanifest.xml"}
    )

    assert again.status_code == 404
    assert manifest.status_code == 400
    assert manifest.json() == {
        "message": "imsmanifest.xml cannot be deleted from a course"
    }


def test_a_new_manifest_rereads_the_structure_but_keeps_version_and_registrations(
    http: httpx.Client,
) -> None:
    import_tiny(http, "golf", title="Before")
    create_registration(http, "reg-1", "golf")
    registration = http.get("/registrations/reg-1").json()

    manifest = SCORM12_MANIFEST.format(title="After").encode()
    assert put_file(http, "imsmanifest.xml", manifest).status_code == 200

    course = http.get("/courses/golf").json()
    assert (course["title"], course["version"]) == ("After", 0)
    assert course["rootActivity"]["title"] == "After"
    assert len(http.get("/courses/golf/versions").json()["courses"]) == 1
    after = http.get("/registrations/reg-1").json()
    assert (after["instance"], after["course"]["version"]) == (0, 0)
    assert {k: v for k, v in after.items() if k != "course"} == {
        k: v for k, v in registration.items() if k != "course"
    }


def test_a_broken_manifest_is_refused_and_nothing_changes(http: httpx.Client) -> None:
    import_tiny(http, "golf", title="Before")
    original = read_file(http, "imsmanifest.xml")

    response = put_file(http, "imsmanifest.xml", b"<manifest")

    assert response.status_code == 400
    assert response.json()["message"].startswith("imsmanifest.xml is malformed")
    assert read_file(http, "imsmanifest.xml") == original
    assert http.get("/courses/golf").json()["title"] == "Before"


def test_bad_policy_and_missing_fields_are_400(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    bad_policy = put_file(http, "a.txt", b"x", policy="sometimes")
    no_destination = http.post(
        "/courses/golf/asset/upload", files={"file": ("a.txt", b"x")}
    )

    assert bad_policy.json() == {
        "message": "'sometimes' is not a valid updateAssetPolicy (reject, strict, lax)"
    }
    assert no_destination.json() == {
        "message": "The form field 'destination' is required"
    }


def test_the_course_zip_holds_the_modifications(http: httpx.Client) -> None:
    import_tiny(http, "golf")
    put_file(http, "added/new.txt", b"added")

    archive = zipfile.ZipFile(io.BytesIO(http.get("/courses/golf/zip").content))
    assert archive.read("added/new.txt") == b"added"


@pytest.fixture
def fetching() -> Iterator[httpx.Client]:
    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/files/logo.png":
            return httpx.Response(200, content=b"fetched")
        return httpx.Response(404)

    with MockScormCloud(
        import_job_running_polls=0, fetch_transport=httpx.MockTransport(serve)
    ) as mock:
        with httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            yield http


def test_import_an_asset_from_a_url(fetching: httpx.Client) -> None:
    import_tiny(fetching, "golf")
    body = {
        "fetchUrl": "https://cdn.example/files/logo.png",
        "destination": "/img/logo.png",
    }

    response = fetching.post("/courses/golf/asset", json=body)
    missing = fetching.post(
        "/courses/golf/asset",
        json={"fetchUrl": "https://cdn.example/nope.png", "destination": "x.png"},
    )

    assert response.status_code == 200
    assert response.json() == {"filename": "logo.png", "destination": "img/logo.png"}
    assert read_file(fetching, "img/logo.png") == b"fetched"
    assert missing.status_code == 400
    assert missing.json() == {
        "message": "fetching 'https://cdn.example/nope.png' answered HTTP 404"
    }
