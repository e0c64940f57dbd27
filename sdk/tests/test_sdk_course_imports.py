"""Import options on the wire: tags, postbackUrl, fetch and no-upload variants."""

from __future__ import annotations

import io

import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of

from scormcloud import ScormCloud


def test_upload_sends_tags_and_postback(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"result": "job-1"})

    job_id = client.courses.import_package(
        "golf",
        io.BytesIO(b"PK"),
        tags=["a", "b c"],
        postback_url="https://lms.example/done",
    )

    assert job_id == "job-1"
    assert query_of(service.last) == {
        "courseId": "golf",
        "mayCreateNewVersion": "false",
        "tags": "a,b c",
        "postbackUrl": "https://lms.example/done",
    }


@pytest.mark.parametrize(
    ("no_upload", "path", "body"),
    [
        (
            False,
            "/api/v2/courses/importJobs",
            {"url": "https://cdn.example/golf.zip", "contentType": "application/zip"},
        ),
        (
            True,
            "/api/v2/courses/importJobs/noUpload",
            {
                "fetchRequest": {
                    "url": "https://cdn.example/golf.zip",
                    "contentType": "application/zip",
                }
            },
        ),
    ],
)
def test_import_from_url(
    client: ScormCloud,
    service: FakeService,
    no_upload: bool,
    path: str,
    body: dict[str, object],
) -> None:
    service.reply(json={"result": "job-2"})

    job_id = client.courses.import_from_url(
        "golf",
        "https://cdn.example/golf.zip",
        may_create_new_version=True,
        no_upload=no_upload,
    )

    assert job_id == "job-2"
    assert path_of(service.last) == path
    assert query_of(service.last) == {"courseId": "golf", "mayCreateNewVersion": "true"}
    assert json_of(service.last) == body


def test_a_string_is_not_a_tag_list(client: ScormCloud) -> None:
    with pytest.raises(TypeError):
        client.courses.import_package("golf", io.BytesIO(b"PK"), tags="abc")
