"""Registrations, their instances, tags and configuration.

No HTTP here; methods are named after the API actions they serve, and every method
holds the backend's lock. Learners' launches and runtime data live in
:class:`LearnerSessions` (``store.sessions``), which swaps registrations through
:meth:`RegistrationStore.put`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ._configuration import (
    APPLICATION,
    EffectiveSetting,
    Scope,
    course_scope,
    instance_scope,
    registration_scope,
    version_scope,
)
from ._errors import BadRequestError, NotFoundError
from ._learner_sessions import LearnerSessions
from ._records import (
    Course,
    CourseVersion,
    Instance,
    Learner,
    PostBack,
    Progress,
    Registration,
)
from ._registration_index import RegistrationIndex
from ._registration_query import (
    InstanceQuery,
    RegistrationQuery,
    encode_token,
    page,
)

if TYPE_CHECKING:
    from ._backend import Backend

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegistrationPage:
    """One page of a list, the token of the next one, and the count of all matches."""

    registrations: list[Registration]
    more: str | None
    total: int


@dataclass(frozen=True)
class InstancePage:
    instances: list[Instance]
    more: str | None


class RegistrationStore:
    """The registrations of one mock application."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._courses = backend.courses
        self._lock = backend.lock
        self.sessions = LearnerSessions(backend, self)
        # Indexed as it changes, so that a list page does not sort everything.
        self._registrations = RegistrationIndex(backend.table("registrations"))

    def clear(self) -> None:
        with self._lock:
            self._registrations.clear()
            self.sessions.clear()

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
        postback: PostBack | None = None,
        initial_settings: Sequence[tuple[str, object]] = (),
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
                postback=postback,
            )
            # Settings first: a bad one refuses the registration as a whole.
            scope = registration_scope(registration_id)
            self._backend.configuration.set(scope, initial_settings)
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

    def find_registration(self, registration_id: str) -> Registration | None:
        with self._lock:
            return self._registrations.get(registration_id)

    def get_registration(self, registration_id: str) -> Registration:
        registration = self.find_registration(registration_id)
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

    def put(self, registration: Registration) -> None:
        """Store a changed registration (callers hold the lock)."""
        self._registrations[registration.registration_id] = registration

    def get_registrations(
        self, query: RegistrationQuery, *, offset: int = 0
    ) -> RegistrationPage:
        """One page of the registrations ``query`` selects."""
        size = self._backend.options.page_size
        with self._lock:
            items, next_offset, total = self._registrations.page(
                query, offset, size, self._latest_title
            )
        more = None if next_offset is None else encode_token(query, next_offset)
        return RegistrationPage(items, more, total)

    def _latest_title(self, course_id: str) -> str:
        return self._courses.get_course(course_id).latest.title

    def get_registration_instances(
        self, registration_id: str, query: InstanceQuery, *, offset: int = 0
    ) -> InstancePage:
        registration = self.get_registration(registration_id)
        matching = query.select(registration.instances)
        items, next_offset = page(matching, offset, self._backend.options.page_size)
        more = None if next_offset is None else encode_token(query, next_offset)
        return InstancePage(items, more)

    def delete_registration(self, registration_id: str) -> None:
        """Delete a registration with all of its instances and settings."""
        with self._lock:
            self.get_registration(registration_id)
            del self._registrations[registration_id]
            self._forget_settings({registration_id})

    def delete_registration_progress(self, registration_id: str) -> Registration:
        """Reset: the latest instance loses its data and moves to the newest version.

        The instance keeps its number; launch history and runtime data go.
        """
        with self._lock:
            registration = self.get_registration(registration_id)
            latest = self._courses.get_course(registration.course_id).latest
            now = self._backend.clock.now()
            fresh = Instance(
                number=registration.latest.number,
                course_version=latest.version,
                created=registration.latest.created,
                updated=now,
            )
            registration = replace(
                registration, instances=(*registration.instances[:-1], fresh)
            )
            self.put(registration)
            return registration

    def delete_registration_global_data(self, registration_id: str) -> None:
        """Forget global objectives; the mock keeps none, so only check the id."""
        self.get_registration(registration_id)

    def create_new_registration_instance(self, registration_id: str) -> Instance:
        """Start the next instance on the newest course version, with no progress."""
        with self._lock:
            registration = self.get_registration(registration_id)
            latest = self._courses.get_course(registration.course_id).latest
            now = self._backend.clock.now()
            instance = Instance(
                number=registration.latest.number + 1,
                course_version=latest.version,
                created=now,
                updated=now,
            )
            self.put(
                replace(registration, instances=(*registration.instances, instance))
            )
            return instance

    def delete_registration_instance(self, registration_id: str, number: int) -> None:
        """Delete one instance; deleting the last one deletes the registration."""
        with self._lock:
            registration = self.get_registration(registration_id)
            self.get_registration_instance(registration_id, number)
            kept = tuple(i for i in registration.instances if i.number != number)
            if not kept:
                self.delete_registration(registration_id)
                return
            self.put(replace(registration, instances=kept))
            scope = instance_scope(registration_id, number)
            self._backend.configuration.forget(lambda s: s == scope)

    def get_registration_tags(self, registration_id: str) -> tuple[str, ...]:
        return self.get_registration(registration_id).tags

    def put_registration_tags(
        self, registration_ids: Sequence[str], tags: Sequence[str]
    ) -> None:
        """Add tags to registrations; all of them must exist, or none changes."""
        with self._lock:
            registrations = [self.get_registration(r) for r in registration_ids]
            for registration in registrations:
                merged = tuple(dict.fromkeys((*registration.tags, *tags)))
                self.put(replace(registration, tags=merged))

    def delete_registration_tags(
        self, registration_id: str, tags: Sequence[str]
    ) -> None:
        """Remove tags; tags the registration does not have are no error."""
        with self._lock:
            registration = self.get_registration(registration_id)
            kept = tuple(tag for tag in registration.tags if tag not in set(tags))
            self.put(replace(registration, tags=kept))

    def get_configuration(
        self, registration_id: str, *, instance: int | None = None
    ) -> list[EffectiveSetting]:
        """Effective settings of a registration or one of its instances."""
        with self._lock:
            chain = self.settings_chain(registration_id, instance)
            return self._backend.configuration.effective(chain)

    def set_configuration(
        self,
        registration_id: str,
        settings: Sequence[tuple[str, object]],
        *,
        instance: int | None = None,
    ) -> None:
        with self._lock:
            scope = self.settings_chain(registration_id, instance)[0]
            self._backend.configuration.set(scope, settings)

    def delete_configuration_setting(
        self, registration_id: str, setting_id: str, *, instance: int | None = None
    ) -> None:
        with self._lock:
            scope = self.settings_chain(registration_id, instance)[0]
            self._backend.configuration.delete(scope, setting_id)

    def settings_chain(
        self, registration_id: str, instance: int | None = None
    ) -> list[Scope]:
        """The levels a setting is looked up in, most specific first."""
        registration = self.get_registration(registration_id)
        chosen = (
            registration.latest
            if instance is None
            else self.get_registration_instance(registration_id, instance)
        )
        chain = [
            registration_scope(registration_id),
            version_scope(registration.course_id, chosen.course_version),
            course_scope(registration.course_id),
            APPLICATION,
        ]
        if instance is not None:
            chain.insert(0, instance_scope(registration_id, instance))
        return chain

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

    def remove_version_instances(
        self, course_id: str, version: int
    ) -> tuple[list[str], list[tuple[str, int]]]:
        """Forget the instances that ran a deleted course version.

        A registration left with no instance goes too. Returns the ids of the
        registrations removed whole and the (id, number) of every instance removed.
        """
        removed_registrations: list[str] = []
        removed_instances: list[tuple[str, int]] = []
        with self._lock:
            for key, registration in list(self._registrations.items()):
                if registration.course_id != course_id:
                    continue
                kept = tuple(
                    i for i in registration.instances if i.course_version != version
                )
                if len(kept) == len(registration.instances):
                    continue
                removed_instances += [
                    (key, i.number)
                    for i in registration.instances
                    if i.course_version == version
                ]
                if kept:
                    self._registrations[key] = replace(registration, instances=kept)
                else:
                    del self._registrations[key]
                    removed_registrations.append(key)
        return removed_registrations, removed_instances

    def all_registrations(self) -> list[Registration]:
        with self._lock:
            return list(self._registrations.values())

    def _forget_settings(self, registration_ids: set[str]) -> None:
        self._backend.configuration.forget(
            lambda scope: (
                scope[0] in ("registration", "instance")
                and scope[1] in registration_ids
            )
        )
