"""Course import jobs."""

from __future__ import annotations

from typing import Annotated, Literal

from .._models import Model, open_enum
from .course import Course

__all__ = ["ImportJob", "ImportJobStatus", "ImportResult"]

_KnownImportJobStatus = Literal["RUNNING", "COMPLETE", "ERROR"]
ImportJobStatus = Annotated[
    _KnownImportJobStatus | str, open_enum(_KnownImportJobStatus)
]
"""RUNNING until the job ends in COMPLETE or ERROR."""


class ImportResult(Model):
    """What a finished import produced."""

    web_path_to_course: str | None = None
    parser_warnings: list[str] | None = None
    course_languages: list[str] | None = None
    course: Course | None = None
    """The imported course at the version the import created."""


class ImportJob(Model):
    """The state of an import job."""

    job_id: str | None = None
    status: ImportJobStatus | None = None
    message: str | None = None
    """The service's progress or failure text; often absent on ERROR."""
    import_result: ImportResult | None = None
