"""Import jobs through the mock's HTTP surface: versions, refusals, job states."""

from __future__ import annotations

import httpx
import pytest
from mock_http import BASE_URL, finish_import, import_course, start_import

from scormcloud_mock import MockScormCloud

GOLF_12 = "golf_scorm12_runtime_basic_calls.zip"
GOLF_2004 = "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_2004_V2 = "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"


def test_first_import_is_version_0_and_reads_the_package(http: httpx.Client) -> None:
    course = import_course(http, "golf", GOLF_2004)

    assert course["id"] == "golf"
    assert course["version"] == 0
    assert course["courseLearningStandard"] == "SCORM20043RDEDITION"
    assert course["rootActivity"]["activityType"] == "AGGREGATION"
    assert http.get("/courses/golf").json()["version"] == 0


def test_job_stays_running_for_the_configured_number_of_reads() -> None:
    with MockScormCloud(import_job_running_polls=3) as mock:
        http = httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        )
        job_id = start_import(http, "golf", GOLF_12).json()["result"]

        statuses = [http.get(f"/courses/importJobs/{job_id}").json() for _ in range(4)]

        assert [s["status"] for s in statuses] == ["RUNNING"] * 3 + ["COMPLETE"]
        assert "importResult" not in statuses[0]
        # The course appears only when the job has finished.
        assert statuses[-1]["importResult"]["course"]["version"] == 0


def test_zero_running_polls_finishes_at_once() -> None:
    with MockScormCloud(import_job_running_polls=0) as mock:
        http = httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        )
        job_id = start_import(http, "golf", GOLF_12).json()["result"]
        assert http.get("/courses/golf").status_code == 200
        assert http.get(f"/courses/importJobs/{job_id}").json()["status"] == "COMPLETE"


@pytest.mark.parametrize("flag", [None, "false", "False", "yes", "1", ""])
def test_reimport_without_the_flag_is_refused_and_changes_nothing(
    http: httpx.Client, flag: str | None
) -> None:
    import_course(http, "golf", GOLF_2004)
    before = http.get("/courses/golf/versions").json()

    response = start_import(http, "golf", GOLF_2004_V2, new_version=flag)

    assert response.status_code == 400
    assert response.json() == {
        "message": "A course already exists with the specified id: "
        "ApiCourseId|golf!VersionId|0"
    }
    assert http.get("/courses/golf/versions").json() == before


@pytest.mark.parametrize("flag", ["true", "True", "TRUE", "tRuE"])
def test_the_flag_parses_like_java_and_creates_version_1(
    http: httpx.Client, flag: str
) -> None:
    import_course(http, "golf", GOLF_2004)

    job_id = start_import(http, "golf", GOLF_2004_V2, new_version=flag).json()["result"]
    course = finish_import(http, job_id)["importResult"]["course"]

    assert course["version"] == 1
    versions = http.get("/courses/golf/versions").json()["courses"]
    assert [v["version"] for v in versions] == [0, 1]
    assert http.get("/courses/golf").json()["version"] == 1
    # The old version keeps its own structure.
    old, new = (http.get(f"/courses/golf/versions/{n}").json() for n in (0, 1))
    assert _sco_count(old["rootActivity"]) + 1 == _sco_count(new["rootActivity"])


def _sco_count(activity: dict[str, object]) -> int:
    children = activity.get("children") or []
    assert isinstance(children, list)
    own = 1 if activity["activityType"] == "SCO" else 0
    return own + sum(_sco_count(child) for child in children)


@pytest.mark.parametrize(
    ("package", "expected"),
    [
        ("variants/broken_no_manifest.zip", "imsmanifest.xml"),
        ("variants/broken_malformed_manifest.zip", "malformed"),
        ("variants/sparse_asset_overwrite_Playing_Playing.html.zip", "imsmanifest.xml"),
    ],
)
def test_a_broken_package_ends_in_error_and_creates_nothing(
    http: httpx.Client, mock: MockScormCloud, package: str, expected: str
) -> None:
    job_id = start_import(http, "broken", package).json()["result"]
    job = finish_import(http, job_id)

    assert job["status"] == "ERROR"
    assert expected in job["message"]
    assert "importResult" not in job
    assert http.get("/courses/broken").status_code == 404


def test_a_file_that_is_not_a_zip_ends_in_error(http: httpx.Client) -> None:
    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "text"},
        files={"file": ("course.zip", b"this is not a zip", "application/zip")},
    )
    job = finish_import(http, response.json()["result"])
    assert job["status"] == "ERROR"
    assert "zip" in job["message"]


def test_a_failed_new_version_leaves_the_earlier_versions(http: httpx.Client) -> None:
    import_course(http, "golf", GOLF_12)
    job_id = start_import(
        http, "golf", "variants/broken_no_manifest.zip", new_version="true"
    ).json()["result"]

    assert finish_import(http, job_id)["status"] == "ERROR"
    versions = http.get("/courses/golf/versions").json()["courses"]
    assert [v["version"] for v in versions] == [0]


def test_upload_without_a_file_part_is_refused_before_a_job(http: httpx.Client) -> None:
    missing = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "c"},
        files={"package": ("golf.zip", b"PK", "application/zip")},
    )
    empty = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "c"},
        files={"file": ("golf.zip", b"", "application/zip")},
    )
    no_course_id = start_import(http, "", GOLF_12)

    assert missing.status_code == 400 and "'file'" in missing.json()["message"]
    assert empty.status_code == 400 and "empty" in empty.json()["message"]
    assert no_course_id.status_code == 400
    assert "courseId" in no_course_id.json()["message"]


def test_course_files_are_kept_on_disk(
    mock: MockScormCloud, http: httpx.Client
) -> None:
    import_course(http, "golf", GOLF_12)
    version = mock.backend.courses.get_course("golf").latest
    assert (version.files_dir / "imsmanifest.xml").is_file()
    assert version.launch_href is not None
    assert (version.files_dir / version.launch_href.split("?")[0]).is_file()


def test_unknown_course_and_version_are_404(http: httpx.Client) -> None:
    import_course(http, "golf", GOLF_12)
    assert http.get("/courses/nope").json() == {
        "message": "Course ID 'nope' does not exist"
    }
    assert http.get("/courses/golf/versions/7").status_code == 404
    assert http.get("/courses/golf/versions/seven").status_code == 400
    assert http.get("/courses/importJobs/nope").status_code == 404


def test_deleting_a_course_removes_versions_files_and_registrations(
    http: httpx.Client, mock: MockScormCloud
) -> None:
    import_course(http, "golf", GOLF_12)
    files_dir = mock.backend.courses.get_course("golf").latest.files_dir
    http.post(
        "/registrations",
        json={"courseId": "golf", "registrationId": "r1", "learner": {"id": "l"}},
    )

    assert http.delete("/courses/golf").status_code == 204

    assert http.get("/courses/golf").status_code == 404
    assert http.head("/registrations/r1").status_code == 404
    assert not files_dir.exists()
    assert http.delete("/courses/golf").status_code == 404
