"""Learners' launches and the runtime data their SCOs commit.

Opening a launch link, the simulation's ``launch`` and the player all go through
:meth:`LearnerSessions.launch_registration`; the simulation's ``commit`` and the
player's JavaScript runtime both go through :meth:`LearnerSessions.commit_runtime`.
Every method holds the backend's lock.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from . import _registration_wire as wire
from ._errors import BadRequestError, GoneError, NotFoundError
from ._postback import PostbackSender, delivery_for
from ._records import CourseVersion, Instance, Launch, LaunchTicket, Registration
from ._restart import should_restart
from ._rollup import rolled_up_progress, sco_ids
from ._runtime import ActivityRuntime, begin_session, commit, standard_of
from ._settings import RESTART_SETTING_ID

if TYPE_CHECKING:
    from ._backend import Backend
    from ._registration_store import RegistrationStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaunchOutcome:
    """What a learner's launch did: the instance it opened and whether it is new."""

    registration: Registration
    instance: Instance
    version: CourseVersion
    restarted: bool
    launch: Launch


class LearnerSessions:
    """Launch links, launches and runtime commits of one mock application."""

    def __init__(self, backend: Backend, store: RegistrationStore) -> None:
        self._backend = backend
        self._store = store
        self._lock = backend.lock
        self.postbacks = PostbackSender()
        self._tickets: MutableMapping[str, LaunchTicket] = backend.table("tickets")
        # Launch id -> registration id, to find a running launch's instance.
        self._launches: MutableMapping[str, str] = backend.table("launches")

    def clear(self) -> None:
        with self._lock:
            self._tickets.clear()
            self._launches.clear()

    def build_launch_link(
        self,
        registration_id: str,
        *,
        expiry_seconds: int,
        redirect_on_exit_url: str | None = None,
        options: tuple[tuple[str, Any], ...] = (),
    ) -> LaunchTicket:
        """Hand out a launch token; building a link is not a launch."""
        registration = self._store.get_registration(registration_id)
        start_sco = dict(options).get("startSco")
        if start_sco is not None:
            self._check_start_sco(registration, start_sco)
        ticket = LaunchTicket(
            token=secrets.token_urlsafe(24),
            registration_id=registration_id,
            expires=self._backend.clock.now() + timedelta(seconds=expiry_seconds),
            registration_created=registration.created,
            redirect_on_exit_url=redirect_on_exit_url,
            options=options,
        )
        with self._lock:
            self._tickets[ticket.token] = ticket
        return ticket

    def _check_start_sco(self, registration: Registration, start_sco: str) -> None:
        course = self._backend.courses.get_course(registration.course_id)
        known: set[str] = set()
        for number in {registration.latest.course_version, course.latest.version}:
            version = course.version(number)
            if version is not None:
                known.update(sco_ids(version.root_activity))
        if start_sco not in known:
            raise BadRequestError(f"startSco '{start_sco}' is not a SCO of this course")

    def launch(self, token: str) -> tuple[LaunchOutcome, LaunchTicket]:
        """The learner opens a launch link: apply the restart rule, then open."""
        with self._lock:
            ticket = self._tickets.get(token)
            if ticket is None:
                raise NotFoundError("This launch link is not known to the mock")
            if self._backend.clock.now() > ticket.expires:
                raise GoneError("This launch link has expired")
            current = self._store.find_registration(ticket.registration_id)
            if current is None or current.created != ticket.registration_created:
                raise NotFoundError("The registration of this launch link is gone")
            outcome = self.launch_registration(
                ticket.registration_id, options=ticket.options
            )
            return outcome, ticket

    def launch_registration(
        self, registration_id: str, *, options: tuple[tuple[str, Any], ...] = ()
    ) -> LaunchOutcome:
        """A learner's launch, as opening a link does it."""
        with self._lock:
            registration = self._store.get_registration(registration_id)
            course = self._backend.courses.get_course(registration.course_id)
            current = registration.latest
            restarted = self._should_restart(registration, current, course.latest)
            now = self._backend.clock.now()
            if restarted:
                current = Instance(
                    number=current.number + 1,
                    course_version=course.latest.version,
                    created=now,
                    updated=now,
                )
            version = self._store.course_version_of(registration, current)
            opened, launch = self._open(current, version, dict(options))

            kept = registration.instances if restarted else registration.instances[:-1]
            tags = tuple(dict(options).get("registrationTags", ()))
            registration = replace(
                registration,
                instances=(*kept, opened),
                tags=tuple(dict.fromkeys((*registration.tags, *tags))),
            )
            self._store.put(registration)
            self._launches[launch.launch_id] = registration_id
        logger.debug(
            "launched %r instance %d (restarted=%s)",
            registration_id,
            opened.number,
            restarted,
        )
        return LaunchOutcome(registration, opened, version, restarted, launch)

    def _should_restart(
        self, registration: Registration, instance: Instance, newest: CourseVersion
    ) -> bool:
        chain = self._store.settings_chain(registration.registration_id)
        return should_restart(
            self._backend.configuration.value(chain, RESTART_SETTING_ID),
            completion=instance.progress.completion,
            success=instance.progress.success,
            newer_version_exists=newest.version > instance.course_version,
            requires_completion=self._backend.options.restart_requires_completion,
        )

    def _open(
        self, instance: Instance, version: CourseVersion, options: dict[str, Any]
    ) -> tuple[Instance, Launch]:
        now = self._backend.clock.now()
        scos = sco_ids(version.root_activity)
        activity_id = options.get("startSco") or (scos[0] if scos else None)
        launch = Launch(
            launch_id=secrets.token_urlsafe(18),
            launched=now,
            activity_id=activity_id,
            progress=instance.progress,
            options=tuple(options.items()),
        )
        activities = instance.activities
        # Content without a SCORM runtime (AICC, cmi5, xAPI) opens without a session.
        if activity_id is not None and standard_of(version.learning_standard):
            runtime = self._runtime(instance, version, activity_id)
            activities = _with(activities, begin_session(runtime))
        progress = replace(
            instance.progress,
            first_access=instance.progress.first_access or now,
            last_access=now,
        )
        opened = replace(
            instance,
            progress=progress,
            updated=now,
            launches=(*instance.launches, launch),
            activities=activities,
        )
        return opened, launch

    def _runtime(
        self, instance: Instance, version: CourseVersion, activity_id: str
    ) -> ActivityRuntime:
        found = next(
            (a for a in instance.activities if a.activity_id == activity_id), None
        )
        if found is not None:
            return found
        if activity_id not in sco_ids(version.root_activity):
            raise BadRequestError(f"'{activity_id}' is not a SCO of this course")
        standard = standard_of(version.learning_standard)
        if standard is None:
            raise BadRequestError(
                f"{version.learning_standard} courses have no SCORM runtime in the mock"
            )
        return ActivityRuntime(activity_id=activity_id, standard=standard)

    def find_launch(self, launch_id: str) -> tuple[Registration, Instance, Launch]:
        """A launch by id, with the registration and instance it opened."""
        with self._lock:
            registration_id = self._launches.get(launch_id)
            registration = (
                None
                if registration_id is None
                else self._store.get_registration(registration_id)
            )
            for instance in registration.instances if registration else ():
                for launch in instance.launches:
                    if launch.launch_id == launch_id:
                        assert registration is not None
                        return registration, instance, launch
        raise NotFoundError("This launch is not known to the mock")

    def open_activity(self, launch_id: str, activity_id: str) -> ActivityRuntime:
        """The player moves to another SCO of a running launch: a new session."""
        with self._lock:
            registration, instance, _ = self.find_launch(launch_id)
            version = self._store.course_version_of(registration, instance)
            runtime = begin_session(self._runtime(instance, version, activity_id))
            opened = replace(instance, activities=_with(instance.activities, runtime))
            instances = tuple(
                opened if i.number == opened.number else i
                for i in registration.instances
            )
            self._store.put(replace(registration, instances=instances))
            return runtime

    def commit_runtime(
        self,
        registration_id: str,
        values: Mapping[str, object],
        *,
        instance: int | None = None,
        activity_id: str | None = None,
        terminate: bool = False,
        launch_id: str | None = None,
    ) -> Registration:
        """Store what a SCO committed and roll the instance's results up."""
        with self._lock:
            registration = self._store.get_registration(registration_id)
            if launch_id is not None and not self._tracked(launch_id):
                return registration
            target = (
                registration.latest
                if instance is None
                else self._store.get_registration_instance(registration_id, instance)
            )
            version = self._store.course_version_of(registration, target)
            activity = activity_id or _default_activity(target, version)
            runtime = self._runtime(target, version, activity)
            if runtime.attempts == 0:
                runtime = begin_session(runtime)
            runtime = commit(runtime, values, terminate=terminate)

            updated = self._apply(target, version, runtime, launch_id)
            instances = tuple(
                updated if i.number == updated.number else i
                for i in registration.instances
            )
            registration = replace(registration, instances=instances)
            self._store.put(registration)
            self._post_back(registration, updated, version)
            return registration

    def _tracked(self, launch_id: str) -> bool:
        # tracking=false asks the player to record nothing "to the extent possible".
        launch = self.find_launch(launch_id)[2]
        return dict(launch.options).get("tracking") is not False

    def _apply(
        self,
        instance: Instance,
        version: CourseVersion,
        runtime: ActivityRuntime,
        launch_id: str | None,
    ) -> Instance:
        now = self._backend.clock.now()
        activities = _with(instance.activities, runtime)
        progress = rolled_up_progress(
            instance.progress,
            version.root_activity,
            {a.activity_id: a for a in activities},
            now,
        )
        launches = tuple(
            replace(launch, last_runtime_update=now, progress=progress)
            if launch.launch_id == (launch_id or _last_launch_id(instance))
            else launch
            for launch in instance.launches
        )
        return replace(
            instance,
            activities=activities,
            progress=progress,
            launches=launches,
            updated=now,
        )

    def exit_launch(self, launch_id: str) -> Launch:
        """The learner left the player: the launch gets its exit time."""
        with self._lock:
            registration, instance, launch = self.find_launch(launch_id)
            exited = replace(launch, exited=self._backend.clock.now())
            launches = tuple(
                exited if item.launch_id == launch_id else item
                for item in instance.launches
            )
            instances = tuple(
                replace(i, launches=launches) if i.number == instance.number else i
                for i in registration.instances
            )
            self._store.put(replace(registration, instances=instances))
            return exited

    def _post_back(
        self, registration: Registration, instance: Instance, version: CourseVersion
    ) -> None:
        if registration.postback is None:
            return
        fmt = registration.postback.results_format
        details = wire.DetailFlags.for_results_format(fmt)
        body = wire.registration(registration, instance, version, details=details)
        self.postbacks.send(delivery_for(registration.postback, body))


def _with(
    activities: tuple[ActivityRuntime, ...], runtime: ActivityRuntime
) -> tuple[ActivityRuntime, ...]:
    """``activities`` with ``runtime`` replacing the entry of the same activity."""
    others = tuple(a for a in activities if a.activity_id != runtime.activity_id)
    if len(others) == len(activities):
        return (*activities, runtime)
    return tuple(
        runtime if a.activity_id == runtime.activity_id else a for a in activities
    )


def _default_activity(instance: Instance, version: CourseVersion) -> str:
    """The SCO the instance's last launch opened, else the course's first SCO."""
    for launch in reversed(instance.launches):
        if launch.activity_id is not None:
            return launch.activity_id
    scos = sco_ids(version.root_activity)
    if not scos:
        raise BadRequestError("This course has no SCO to take runtime data")
    return scos[0]


def _last_launch_id(instance: Instance) -> str | None:
    return instance.launches[-1].launch_id if instance.launches else None
