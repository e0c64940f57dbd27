"""Course title, tags, version delete and zips through the mock's HTTP surface."""

from __future__ import annotations

import io
import zipfile

import httpx
from course_zips import import_tiny, tiny_package, upload
from mock_http import create_registration


def test_set_title_renames_the_latest_version_only(http: httpx.Client) -> None:
    import_tiny(http, "golf", title="Old")
    import_tiny(http, "golf", title="Old", mayCreateNewVersion="true")

    response = http.put("/courses/golf/title", json={"title": "New"})

    assert response.status_code == 204
    assert http.get("/courses/golf").json()["title"] == "New"
    assert http.get("/courses/golf/versions/0").json()["title"] == "Old"


def test_set_title_needs_a_title(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    response = http.put("/courses/golf/title", json={"title": ""})

    assert response.status_code == 400
    assert response.json() == {
        "message": "body.title is required and must be a non-empty string"
    }


def test_tags_add_remove_with_a_body_on_delete(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    assert http.put("/courses/golf/tags", json={"tags": ["a", "b"]}).status_code == 204
    assert http.put("/courses/golf/tags", json={"tags": ["b", "c"]}).status_code == 204
    deleted = http.request("DELETE", "/courses/golf/tags", json={"tags": ["a", "zz"]})

    assert deleted.status_code == 204
    assert http.get("/courses/golf/tags").json() == {"tags": ["b", "c"]}
    assert http.get("/courses/golf").json()["tags"] == ["b", "c"]


def test_batch_tags_with_an_unknown_course_change_nothing(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    response = http.put("/courses/tags", json={"ids": ["golf", "nope"], "tags": ["x"]})

    assert response.status_code == 404
    assert response.json() == {"message": "Course ID 'nope' does not exist"}
    assert http.get("/courses/golf/tags").json() == {"tags": []}


def test_tags_must_be_a_list_of_strings(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    response = http.put("/courses/golf/tags", json={"tags": "x"})

    assert response.status_code == 400
    assert response.json() == {"message": "body.tags is required and must be a list"}


def test_tags_of_an_unknown_course_are_404(http: httpx.Client) -> None:
    response = http.get("/courses/nope/tags")

    assert response.status_code == 404
    assert response.json() == {"message": "Course ID 'nope' does not exist"}


def test_deleting_a_version_keeps_the_others(http: httpx.Client) -> None:
    import_tiny(http, "golf", title="v0")
    import_tiny(http, "golf", title="v1", mayCreateNewVersion="true")
    import_tiny(http, "golf", title="v2", mayCreateNewVersion="true")

    assert http.delete("/courses/golf/versions/1").status_code == 204

    versions = http.get("/courses/golf/versions").json()["courses"]
    assert [v["version"] for v in versions] == [0, 2]
    missing = http.get("/courses/golf/versions/1")
    assert missing.status_code == 404
    assert missing.json() == {"message": "Version 1 of course ID 'golf' does not exist"}
    # Numbers are never reused.
    again = import_tiny(http, "golf", mayCreateNewVersion="true")
    assert again["importResult"]["course"]["version"] == 3  # type: ignore[index]


def test_deleting_the_last_version_deletes_the_course(http: httpx.Client) -> None:
    import_tiny(http, "golf")
    create_registration(http, "reg-1", "golf")

    assert http.delete("/courses/golf/versions/0").status_code == 204

    assert http.get("/courses/golf").status_code == 404
    assert http.get("/registrations/reg-1").status_code == 404


def test_deleting_a_version_deletes_the_instances_that_ran_it(
    http: httpx.Client,
) -> None:
    import_tiny(http, "golf", title="v0")
    create_registration(http, "only-v0", "golf")
    create_registration(http, "moved", "golf")
    import_tiny(http, "golf", title="v1", mayCreateNewVersion="true")
    assert http.post("/registrations/moved/instances").status_code == 204
    import_tiny(http, "golf", title="v2", mayCreateNewVersion="true")
    assert http.post("/registrations/moved/instances").status_code == 204
    setting = {"settingId": "WhenToRestartRegistration", "value": "NEVER"}
    http.post(
        "/registrations/moved/instances/2/configuration", json={"settings": [setting]}
    )

    assert http.delete("/courses/golf/versions/2").status_code == 204

    # Its only instance ran version 0, which stays: untouched.
    assert http.get("/registrations/only-v0").json()["course"]["version"] == 0
    # Instance 2 ran the deleted version; instance 1 is the latest again.
    latest = http.get("/registrations/moved").json()
    assert (latest["instance"], latest["course"]["version"]) == (1, 1)
    assert http.get("/registrations/moved/instances/2").status_code == 404

    assert http.delete("/courses/golf/versions/0").status_code == 204
    assert http.head("/registrations/only-v0").status_code == 404
    instances = http.get("/registrations/moved/instances").json()["registrations"]
    assert [i["instance"] for i in instances] == [1]


def test_a_non_numeric_version_is_400(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    response = http.delete("/courses/golf/versions/latest")

    assert response.status_code == 400
    assert response.json() == {
        "message": "'latest' is not a valid integer for versionId"
    }


def test_course_and_version_zips_hold_each_versions_files(http: httpx.Client) -> None:
    upload(http, "golf", tiny_package("v0", extra__a_txt="first"))
    import_tiny(http, "golf", title="v1", mayCreateNewVersion="true")

    latest = http.get("/courses/golf/zip")
    first = http.get("/courses/golf/versions/0/zip")

    assert latest.headers["content-type"] == "application/zip"
    assert latest.headers["content-length"] == str(len(latest.content))
    names = zipfile.ZipFile(io.BytesIO(first.content)).namelist()
    assert sorted(names) == ["extra/a_txt", "imsmanifest.xml", "index.html"]
    latest_zip = zipfile.ZipFile(io.BytesIO(latest.content))
    assert b"v1" in latest_zip.read("index.html")
