"""The mock's state as immutable records.

The backend swaps whole records under its lock instead of mutating them, so whatever a
reader holds is a consistent snapshot and can be serialised without the lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._package import Package
    from ._runtime import ActivityRuntime


@dataclass(frozen=True)
class CourseVersion:
    """One imported package under a course id; versions count from 0."""

    version: int
    title: str
    learning_standard: str
    root_activity: dict[str, Any]
    manifest_identifier: str
    parser_warnings: tuple[str, ...]
    launch_href: str | None
    files_dir: Path
    created: datetime
    updated: datetime
    #: ``MetadataSchema`` fields the package states, besides the title.
    metadata: tuple[tuple[str, Any], ...] = ()
    #: Languages the package names (``courseLanguages`` of the import result).
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Course:
    course_id: str
    created: datetime
    versions: tuple[CourseVersion, ...]
    tags: tuple[str, ...] = ()

    @property
    def latest(self) -> CourseVersion:
        return self.versions[-1]

    def version(self, number: int) -> CourseVersion | None:
        return next((v for v in self.versions if v.version == number), None)


@dataclass(frozen=True)
class Progress:
    """What a learner achieved in one instance; a new instance starts from this."""

    completion: str = "UNKNOWN"
    success: str = "UNKNOWN"
    completion_amount: float = 0.0
    score: float | None = None
    total_seconds: float = 0.0
    first_access: datetime | None = None
    last_access: datetime | None = None
    completed: datetime | None = None


@dataclass(frozen=True)
class Launch:
    """One opening of a launch link, kept as the instance's launch history."""

    launch_id: str
    launched: datetime
    #: The SCO this launch runs; its runtime data is stored under this id.
    activity_id: str | None = None
    exited: datetime | None = None
    last_runtime_update: datetime | None = None
    #: The instance's results as of this launch's last runtime update.
    progress: Progress | None = None
    #: What the launch link asked for (``tracking``, ``cssUrl``, ...).
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Instance:
    number: int
    course_version: int
    created: datetime
    updated: datetime
    progress: Progress = Progress()
    launches: tuple[Launch, ...] = ()
    #: Runtime data per SCO (item identifier), as its SCO committed it.
    activities: tuple[ActivityRuntime, ...] = ()


@dataclass(frozen=True)
class Learner:
    learner_id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class PostBack:
    """Where and how the mock posts a registration's results after it changes."""

    url: str
    auth_type: str = "UNDEFINED"
    user_name: str | None = None
    password: str | None = None
    results_format: str = "UNDEFINED"
    legacy: bool = False


@dataclass(frozen=True)
class Registration:
    registration_id: str
    course_id: str
    learner: Learner
    created: datetime
    xapi_registration_id: str
    instances: tuple[Instance, ...]
    tags: tuple[str, ...] = ()
    postback: PostBack | None = None

    @property
    def latest(self) -> Instance:
        return self.instances[-1]

    def instance(self, number: int) -> Instance | None:
        return next((i for i in self.instances if i.number == number), None)


@dataclass(frozen=True)
class ImportedCourse:
    """What a finished import job reports: the course at the version it created."""

    course: Course
    version: CourseVersion


@dataclass(frozen=True)
class ImportJob:
    job_id: str
    course_id: str
    may_create_new_version: bool
    status: str
    created: datetime
    message: str | None = None
    #: Why the package was refused; reported once the job stops running.
    failure: str | None = None
    polls_left: int = 0
    staging_dir: Path | None = None
    package: Package | None = None
    result: ImportedCourse | None = None
    parser_warnings: tuple[str, ...] = field(default=())
    #: Tags the import adds to the course, and where to post the finished job.
    tags: tuple[str, ...] = ()
    postback_url: str | None = None
    postback_sent: bool = False


@dataclass(frozen=True)
class LaunchTicket:
    """A launch link handed out by ``POST /registrations/{id}/launchLink``."""

    token: str
    registration_id: str
    expires: datetime
    #: When that registration was created: a link never opens a later namesake.
    registration_created: datetime | None = None
    redirect_on_exit_url: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
