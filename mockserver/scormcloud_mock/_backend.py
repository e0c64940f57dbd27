"""State and rules of the mock: courses and versions, import jobs, registrations and
their instances. No HTTP here; methods are named after the API actions they serve.

Every method takes one lock, so the backend is safe to share between threads. Slow work
(reading and extracting a package) happens before the lock is taken.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from ._clock import Clock
from ._errors import BadRequestError, GoneError, NotFoundError
from ._package import Package, PackageError, read_package
from ._records import (
    Course,
    CourseVersion,
    ImportedCourse,
    ImportJob,
    Instance,
    Launch,
    LaunchTicket,
    Learner,
    Progress,
    Registration,
)
from ._restart import should_restart
from ._settings import RESTART_SETTING_ID, SETTINGS, find_setting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackendOptions:
    """Behaviour switches; see the mock guide for what each one reproduces."""

    #: How many status reads an import job answers RUNNING before it finishes.
    import_job_running_polls: int = 1
    #: "When Failed" and "When Passed" also require the registration to be complete.
    restart_requires_completion: bool = True


@dataclass(frozen=True)
class LaunchOutcome:
    """What a learner's launch did: the instance it opened and whether it is new."""

    registration: Registration
    instance: Instance
    version: CourseVersion
    restarted: bool


class Backend:
    """One SCORM Cloud application's worth of state, with files under ``root``."""

    def __init__(self, root: Path, *, clock: Clock, options: BackendOptions) -> None:
        self._root = root
        self.clock = clock
        self.options = options
        self._lock = threading.RLock()
        self._clear()

    def _clear(self) -> None:
        self._courses: dict[str, Course] = {}
        self._jobs: dict[str, ImportJob] = {}
        self._registrations: dict[str, Registration] = {}
        self._tickets: dict[str, LaunchTicket] = {}
        self._storage_keys: dict[str, int] = {}

    def reset(self) -> None:
        """Forget everything, files included, as a fresh mock would be."""
        with self._lock:
            self._clear()
            for child in self._root.iterdir():
                shutil.rmtree(child, ignore_errors=True)

    # Import jobs -------------------------------------------------------------------

    def create_upload_import_job(
        self, course_id: str, *, may_create_new_version: bool, package: IO[bytes]
    ) -> str:
        """Start an import; refuse at once when it would silently replace a course."""
        self._refuse_existing_course(course_id, may_create_new_version)
        job_id = str(uuid.uuid4())
        staging_dir = self._root / "staging" / job_id
        staging_dir.mkdir(parents=True)

        # Reading the package is the slow part; it needs no lock.
        try:
            parsed = read_package(package, staging_dir)
        except PackageError as error:
            shutil.rmtree(staging_dir, ignore_errors=True)
            job = self._new_job(job_id, course_id, may_create_new_version)
            self._store_job(replace(job, failure=str(error)))
            return job_id

        job = self._new_job(job_id, course_id, may_create_new_version)
        self._store_job(replace(job, staging_dir=staging_dir, package=parsed))
        return job_id

    def get_import_job(self, job_id: str) -> ImportJob:
        """Read a job's status; each read brings a running job closer to its end."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError(f"Import job ID '{job_id}' does not exist")
            if job.status == "RUNNING":
                job = self._advance_job(job)
                self._jobs[job_id] = job
            return job

    def _new_job(self, job_id: str, course_id: str, may_create: bool) -> ImportJob:
        return ImportJob(
            job_id=job_id,
            course_id=course_id,
            may_create_new_version=may_create,
            status="RUNNING",
            created=self.clock.now(),
            polls_left=self.options.import_job_running_polls,
        )

    def _store_job(self, job: ImportJob) -> None:
        with self._lock:
            self._jobs[job.job_id] = job
            if job.polls_left <= 0:
                self._jobs[job.job_id] = self._finish_job(job)

    def _advance_job(self, job: ImportJob) -> ImportJob:
        if job.polls_left > 0:
            return replace(job, polls_left=job.polls_left - 1)
        return self._finish_job(job)

    def _finish_job(self, job: ImportJob) -> ImportJob:
        """End a job: commit its package as a course version, or report why not."""
        package, staging_dir = job.package, job.staging_dir
        if package is None or staging_dir is None:
            return replace(job, status="ERROR", message=job.failure, polls_left=0)
        try:
            imported = self._commit_version(job, package, staging_dir)
        except BadRequestError as error:
            self._discard_staging(job)
            return replace(job, status="ERROR", message=error.message, polls_left=0)
        return replace(
            job,
            status="COMPLETE",
            message="Import Successful",
            polls_left=0,
            staging_dir=None,
            package=None,
            result=imported,
            parser_warnings=package.parser_warnings,
        )

    def _refuse_existing_course(self, course_id: str, may_create: bool) -> None:
        with self._lock:
            course = self._courses.get(course_id)
        if course is not None and not may_create:
            raise BadRequestError(
                "A course already exists with the specified id: "
                f"ApiCourseId|{course_id}!VersionId|{course.latest.version}"
            )

    def _commit_version(
        self, job: ImportJob, package: Package, staging_dir: Path
    ) -> ImportedCourse:
        """Turn a staged package into the course's next version (lock held)."""
        # A course created while this job ran counts, like one that existed before.
        existing = self._courses.get(job.course_id)
        self._refuse_existing_course(job.course_id, job.may_create_new_version)
        number = 0 if existing is None else existing.latest.version + 1
        files_dir = self._course_dir(job.course_id) / str(number)
        staging_dir.rename(files_dir)

        now = self.clock.now()
        version = CourseVersion(
            version=number,
            title=package.title,
            learning_standard=package.learning_standard,
            root_activity=package.root_activity.to_wire(),
            manifest_identifier=package.manifest_identifier,
            parser_warnings=tuple(package.parser_warnings),
            launch_href=package.launch_href,
            files_dir=files_dir,
            created=now,
            updated=now,
        )
        if existing is None:
            course = Course(course_id=job.course_id, created=now, versions=(version,))
        else:
            course = replace(existing, versions=(*existing.versions, version))
        self._courses[job.course_id] = course
        logger.debug("imported course %r version %d", job.course_id, number)
        return ImportedCourse(course=course, version=version)

    def _course_dir(self, course_id: str) -> Path:
        # Course ids may hold any character, so files live under a counter instead.
        key = self._storage_keys.setdefault(course_id, len(self._storage_keys))
        path = self._root / "courses" / str(key)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _discard_staging(self, job: ImportJob) -> None:
        if job.staging_dir is not None:
            shutil.rmtree(job.staging_dir, ignore_errors=True)

    # Courses -----------------------------------------------------------------------

    def get_course(self, course_id: str) -> Course:
        with self._lock:
            course = self._courses.get(course_id)
        if course is None:
            raise NotFoundError(f"Course ID '{course_id}' does not exist")
        return course

    def delete_course(self, course_id: str) -> None:
        """Delete a course with all its versions, files and registrations."""
        with self._lock:
            course = self.get_course(course_id)
            del self._courses[course_id]
            self._registrations = {
                key: r
                for key, r in self._registrations.items()
                if r.course_id != course_id
            }
            for version in course.versions:
                shutil.rmtree(version.files_dir, ignore_errors=True)

    def get_course_version(self, course_id: str, version: int) -> CourseVersion:
        found = self.get_course(course_id).version(version)
        if found is None:
            raise NotFoundError(
                f"Version {version} of course ID '{course_id}' does not exist"
            )
        return found

    def count_registrations(self, course_id: str, version: int | None = None) -> int:
        """Count registrations, or those whose latest instance is on ``version``."""
        with self._lock:
            registrations = list(self._registrations.values())
        return sum(
            1
            for r in registrations
            if r.course_id == course_id
            and (version is None or r.latest.course_version == version)
        )

    def set_course_configuration(
        self, course_id: str, settings: list[tuple[str, object]]
    ) -> None:
        """Store settings at course level; one bad setting stores none of them."""
        checked = [(sid, find_setting(sid).check(value)) for sid, value in settings]
        with self._lock:
            course = self.get_course(course_id)
            merged = dict(course.settings) | dict(checked)
            self._courses[course_id] = replace(course, settings=tuple(merged.items()))

    def delete_course_configuration_setting(
        self, course_id: str, setting_id: str
    ) -> None:
        find_setting(setting_id)
        with self._lock:
            course = self.get_course(course_id)
            kept = tuple((k, v) for k, v in course.settings if k != setting_id)
            self._courses[course_id] = replace(course, settings=kept)

    def restart_policy(self, course: Course) -> str:
        explicit = course.setting(RESTART_SETTING_ID)
        return explicit or SETTINGS[RESTART_SETTING_ID].default

    # Registrations -----------------------------------------------------------------

    def create_registration(
        self,
        *,
        registration_id: str,
        course_id: str,
        learner: Learner,
        course_version: int | None = None,
        initial_progress: Progress | None = None,
        xapi_registration_id: str | None = None,
        tags: tuple[str, ...] = (),
    ) -> Registration:
        with self._lock:
            course = self._courses.get(course_id)
            if course is None:
                raise BadRequestError(f"Course ID '{course_id}' is invalid")
            version = self._version_for_new_registration(course, course_version)
            if registration_id in self._registrations:
                raise BadRequestError("This RegistrationId is already in use.")

            now = self.clock.now()
            instance = Instance(
                number=0,
                course_version=version.version,
                created=now,
                updated=now,
                progress=initial_progress or Progress(),
            )
            registration = Registration(
                registration_id=registration_id,
                course_id=course_id,
                learner=learner,
                created=now,
                xapi_registration_id=xapi_registration_id or str(uuid.uuid4()),
                instances=(instance,),
                tags=tags,
            )
            self._registrations[registration_id] = registration
            return registration

    def _version_for_new_registration(
        self, course: Course, requested: int | None
    ) -> CourseVersion:
        if requested is None:
            return course.latest
        version = course.version(requested)
        if version is None:
            raise BadRequestError(
                f"Version {requested} of course ID '{course.course_id}' does not exist"
            )
        return version

    def get_registration(self, registration_id: str) -> Registration:
        with self._lock:
            registration = self._registrations.get(registration_id)
        if registration is None:
            raise NotFoundError(f"Registration ID '{registration_id}' does not exist")
        return registration

    def get_registration_instance(self, registration_id: str, number: int) -> Instance:
        instance = self.get_registration(registration_id).instance(number)
        if instance is None:
            raise NotFoundError(
                f"Instance {number} of registration ID '{registration_id}' "
                "does not exist"
            )
        return instance

    def delete_registration(self, registration_id: str) -> None:
        """Delete a registration and all of its instances."""
        with self._lock:
            self.get_registration(registration_id)
            del self._registrations[registration_id]

    def course_version_of(
        self, registration: Registration, instance: Instance
    ) -> CourseVersion:
        """The course version an instance runs (kept even if the course changes)."""
        return self.get_course_version(registration.course_id, instance.course_version)

    # Launching ---------------------------------------------------------------------

    def build_launch_link(
        self,
        registration_id: str,
        *,
        expiry_seconds: int,
        redirect_on_exit_url: str | None = None,
        options: tuple[tuple[str, object], ...] = (),
    ) -> LaunchTicket:
        """Hand out a launch token; building a link is not a launch."""
        self.get_registration(registration_id)
        ticket = LaunchTicket(
            token=secrets.token_urlsafe(24),
            registration_id=registration_id,
            expires=self.clock.now() + timedelta(seconds=expiry_seconds),
            redirect_on_exit_url=redirect_on_exit_url,
            options=options,
        )
        with self._lock:
            self._tickets[ticket.token] = ticket
        return ticket

    def launch(self, token: str) -> LaunchOutcome:
        """The learner opens a launch link: apply the restart rule, then open."""
        with self._lock:
            ticket = self._tickets.get(token)
            if ticket is None:
                raise NotFoundError("This launch link is not known to the mock")
            if self.clock.now() > ticket.expires:
                raise GoneError("This launch link has expired")
            return self._launch_registration(ticket.registration_id)

    def _launch_registration(self, registration_id: str) -> LaunchOutcome:
        registration = self.get_registration(registration_id)
        course = self.get_course(registration.course_id)
        current = registration.latest
        restarted = self._should_restart(course, current)
        now = self.clock.now()
        if restarted:
            current = Instance(
                number=current.number + 1,
                course_version=course.latest.version,
                created=now,
                updated=now,
            )

        opened = self._record_launch(current, now)
        kept = registration.instances if restarted else registration.instances[:-1]
        registration = replace(registration, instances=(*kept, opened))
        self._registrations[registration_id] = registration
        version = self.course_version_of(registration, opened)
        logger.debug(
            "launched %r instance %d (restarted=%s)",
            registration_id,
            opened.number,
            restarted,
        )
        return LaunchOutcome(registration, opened, version, restarted)

    def _should_restart(self, course: Course, instance: Instance) -> bool:
        return should_restart(
            self.restart_policy(course),
            completion=instance.progress.completion,
            success=instance.progress.success,
            newer_version_exists=course.latest.version > instance.course_version,
            requires_completion=self.options.restart_requires_completion,
        )

    def _record_launch(self, instance: Instance, now: datetime) -> Instance:
        progress = replace(
            instance.progress,
            first_access=instance.progress.first_access or now,
            last_access=now,
        )
        launch = Launch(launch_id=str(uuid.uuid4()), launched=now)
        return replace(
            instance,
            progress=progress,
            updated=now,
            launches=(*instance.launches, launch),
        )
