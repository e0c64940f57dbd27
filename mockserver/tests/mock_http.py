"""Raw-HTTP helpers for the mock's own tests (no SDK models involved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

PACKAGES = Path(__file__).resolve().parents[2] / "examples" / "packages"
BASE_URL = "https://cloud.scorm.com/api/v2"


def start_import(
    http: httpx.Client, course_id: str, package: str, *, new_version: str | None = None
) -> httpx.Response:
    params = {"courseId": course_id}
    if new_version is not None:
        params["mayCreateNewVersion"] = new_version
    with open(PACKAGES / package, "rb") as file:
        return http.post(
            "/courses/importJobs/upload",
            params=params,
            files={"file": (Path(package).name, file, "application/zip")},
        )


def finish_import(http: httpx.Client, job_id: str) -> dict[str, Any]:
    """Poll a job until it leaves RUNNING (bounded), returning its last status."""
    for _ in range(10):
        job: dict[str, Any] = http.get(f"/courses/importJobs/{job_id}").json()
        if job["status"] != "RUNNING":
            return job
    raise AssertionError(f"import job {job_id} never finished")


def import_course(
    http: httpx.Client, course_id: str, package: str, *, new_version: bool = False
) -> dict[str, Any]:
    response = start_import(
        http, course_id, package, new_version="true" if new_version else None
    )
    assert response.status_code == 200, response.text
    job = finish_import(http, response.json()["result"])
    assert job["status"] == "COMPLETE", job
    course: dict[str, Any] = job["importResult"]["course"]
    return course


def create_registration(
    http: httpx.Client, registration_id: str, course_id: str, **extra: Any
) -> httpx.Response:
    body = {
        "courseId": course_id,
        "registrationId": registration_id,
        "learner": {"id": "learner-1", "firstName": "Ada", "lastName": "Lovelace"},
        **extra,
    }
    return http.post("/registrations", json=body)


def launch(http: httpx.Client, registration_id: str) -> httpx.Response:
    link = http.post(
        f"/registrations/{registration_id}/launchLink",
        json={"redirectOnExitUrl": "message"},
    ).json()["launchLink"]
    return http.get(link)
