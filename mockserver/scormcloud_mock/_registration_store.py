"""Registrations, their instances, and launches that move them between versions.

No HTTP here; methods are named after the API actions they serve, and every method
holds the backend's lock.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ._errors import BadRequestError, GoneError, NotFoundError
from ._records import (
    Course,
    CourseVersion,
    Instance,
    Launch,
    LaunchTicket,
    Learner,
    Progress,
    Registration,
)
from ._restart import should_restart

if TYPE_CHECKING:
    from ._backend import Backend

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaunchOutcome:
    """What a learner's launch did: the instance it opened and whether it is new."""

    registration: Registration
    instance: Instance
    version: CourseVersion
    restarted: bool


class RegistrationStore:
    """The registrations of one mock application."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._courses = backend.courses
        self._lock = backend.lock
        self.clear()

    def clear(self) -> None:
        self._registrations: dict[str, Registration] = {}
        self._tickets: dict[str, LaunchTicket] = {}

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
            course = self._courses.find(course_id)
            if course is None:
                raise BadRequestError(f"Course ID '{course_id}' is invalid")
            version = self._version_for_new_registration(course, course_version)
            if registration_id in self._registrations:
                raise BadRequestError("This RegistrationId is already in use.")

            now = self._backend.clock.now()
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
        return self._courses.get_course_version(
            registration.course_id, instance.course_version
        )

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

    def remove_course_registrations(self, course_id: str) -> list[str]:
        """Forget every registration of a course; return their ids."""
        with self._lock:
            removed = [
                key
                for key, r in self._registrations.items()
                if r.course_id == course_id
            ]
            for key in removed:
                del self._registrations[key]
        return removed

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
            expires=self._backend.clock.now() + timedelta(seconds=expiry_seconds),
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
            if self._backend.clock.now() > ticket.expires:
                raise GoneError("This launch link has expired")
            return self._launch_registration(ticket.registration_id)

    def _launch_registration(self, registration_id: str) -> LaunchOutcome:
        registration = self.get_registration(registration_id)
        course = self._courses.get_course(registration.course_id)
        current = registration.latest
        restarted = self._should_restart(course, current)
        now = self._backend.clock.now()
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
            self._courses.restart_policy(course.course_id),
            completion=instance.progress.completion,
            success=instance.progress.success,
            newer_version_exists=course.latest.version > instance.course_version,
            requires_completion=self._backend.options.restart_requires_completion,
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
