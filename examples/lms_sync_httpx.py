"""Example "user code": an LMS module that talks to SCORM Cloud with plain httpx.

It knows nothing of this toolkit. `test_lms_sync_httpx.py` tests it offline by
routing its traffic to the mock through respx.
"""

from __future__ import annotations

from pathlib import Path

import httpx


class CourseSync:
    """Uploads new course versions and reports where each learner stands."""

    def __init__(self, base_url: str, app_id: str, secret_key: str) -> None:
        self.http = httpx.Client(base_url=base_url, auth=(app_id, secret_key))

    def publish(self, course_id: str, package: Path, *, new_version: bool) -> str:
        """Start an import; returns the import job id."""
        with package.open("rb") as file:
            response = self.http.post(
                "courses/importJobs/upload",
                params={"courseId": course_id, "mayCreateNewVersion": new_version},
                files={"file": (package.name, file, "application/zip")},
            )
        response.raise_for_status()
        job_id: str = response.json()["result"]
        return job_id

    def wait(self, job_id: str, *, attempts: int = 20) -> int:
        """Poll an import job; returns the version it created."""
        for _ in range(attempts):
            job = self.http.get(f"courses/importJobs/{job_id}").json()
            if job["status"] == "COMPLETE":
                version: int = job["importResult"]["course"]["version"]
                return version
            if job["status"] == "ERROR":
                raise RuntimeError(job.get("message", "import failed"))
        raise TimeoutError(job_id)

    def learner_versions(self, registration_ids: list[str]) -> dict[str, int]:
        """The course version each registration's latest instance runs."""
        versions = {}
        for registration_id in registration_ids:
            progress = self.http.get(f"registrations/{registration_id}").json()
            versions[registration_id] = progress["course"]["version"]
        return versions
