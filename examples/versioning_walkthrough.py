"""Course versions and registration instances, step by step, on real golf packages.

Imports a SCORM 2004 course as version 0, registers four learners in different states,
imports version 1 (one SCO added), and launches everyone under two restart policies.
It prints who moved to the new version and shows that old instances keep their data.

Runs against an embedded mock by default. With SCORMCLOUD_LIVE=1 and SCORMCLOUD_APP_ID
and SCORMCLOUD_SECRET_KEY set (and optionally SCORMCLOUD_BASE_URL) it runs against that
SCORM Cloud application instead, and deletes the course it created at the end.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from scormcloud import Course, CourseActivity, RestartPolicy, ScormCloud

PACKAGES = Path(__file__).resolve().parent / "packages"
VERSION_0 = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
VERSION_1 = (
    PACKAGES / "variants" / "golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
)

LEARNERS: dict[str, dict[str, Any] | None] = {
    "Alice": None,
    "Bob": {"registrationCompletion": "INCOMPLETE", "totalSecondsTracked": 300.0},
    "Carol": {
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "PASSED",
        "score": {"scaled": 92.0},
    },
    "Dave": {
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "FAILED",
        "score": {"scaled": 45.0},
    },
}

OpenLink = Callable[[str], httpx.Response]


def main() -> None:
    with connect() as (client, open_link, where):
        print(f"SCORM Cloud versioning walkthrough ({where})\n")
        Walkthrough(client, open_link).run()


@contextlib.contextmanager
def connect() -> Iterator[tuple[ScormCloud, OpenLink, str]]:
    """The real service when SCORMCLOUD_LIVE=1, otherwise an embedded mock."""
    # Credentials alone are not enough: a real account is used only when asked for.
    if os.environ.get("SCORMCLOUD_LIVE") == "1":
        with ScormCloud() as client, httpx.Client(follow_redirects=True) as browser:
            yield client, browser.get, "live service"
        return

    from scormcloud_mock import MockScormCloud

    with MockScormCloud() as mock, mock.client() as client:
        browser = httpx.Client(transport=mock.transport())
        yield client, browser.get, "embedded mock"


class Walkthrough:
    def __init__(self, client: ScormCloud, open_link: OpenLink) -> None:
        self.client = client
        self.open_link = open_link
        run_id = uuid.uuid4().hex[:8]
        self.course_id = f"golf-walkthrough-{run_id}"
        self.registrations = {name: f"{name.lower()}-{run_id}" for name in LEARNERS}
        self.step = 0

    def heading(self, text: str) -> None:
        self.step += 1
        print(f"{self.step}. {text}")

    def run(self) -> None:
        try:
            self.import_first_version()
            self.register_learners()
            self.import_second_version()
            self.launch_everyone(RestartPolicy.IF_INCOMPLETE)
            self.launch_everyone(RestartPolicy.WHEN_PASSED)
            self.show_instances("Bob")
        finally:
            self.client.courses.delete(self.course_id)

    def import_first_version(self) -> None:
        course = self.client.courses.import_and_wait(self.course_id, VERSION_0)
        self.heading(f"Imported {VERSION_0.name}")
        print(f"   as version {course.version}: {describe(course)}\n")

    def register_learners(self) -> None:
        self.heading("Registered four learners on version 0:")
        for name, state in LEARNERS.items():
            self.client.registrations.create(
                course_id=self.course_id,
                registration_id=self.registrations[name],
                learner={"id": name.lower(), "firstName": name},
                initial_registration_state=state,
            )
            print(f"   {name:<6} {self.state_of(name)}")
        print()

    def import_second_version(self) -> None:
        course = self.client.courses.import_and_wait(
            self.course_id, VERSION_1, may_create_new_version=True
        )
        versions = self.client.courses.versions.list(self.course_id)
        self.heading(f"Imported {VERSION_1.name} with mayCreateNewVersion=true")
        print(f"   as version {course.version}: {describe(course)}")
        print(f"   versions now: {sorted(v.version for v in versions)}")
        print("   Existing registrations stay where they are until a learner launches:")
        for name in LEARNERS:
            print(f"   {name:<6} {self.state_of(name)}")
        print()

    def launch_everyone(self, policy: RestartPolicy) -> None:
        self.client.courses.configuration.set(
            self.course_id, {"WhenToRestartRegistration": policy}
        )
        self.heading(f"Policy '{policy.label}' ({policy.value}); everyone launches:")
        for name in LEARNERS:
            before = self.client.registrations.get(self.registrations[name]).instance
            link = self.client.registrations.launch_link(self.registrations[name])
            self.open_link(link).raise_for_status()
            after = self.client.registrations.get(self.registrations[name]).instance
            verdict = "moved to a new instance" if after != before else "stayed"
            print(f"   {name:<6} {verdict:<24} now {self.state_of(name)}")
        print()

    def show_instances(self, name: str) -> None:
        instances = self.client.registrations.instances.list(self.registrations[name])
        self.heading(f"{name}'s instances: the old one keeps its progress")
        for instance in instances:
            where = f"instance {instance.instance} on version {instance.course.version}"
            print(
                f"   {where}: {instance.registration_completion.lower()}, "
                f"{instance.total_seconds_tracked:.0f} s tracked"
            )

    def state_of(self, name: str) -> str:
        progress = self.client.registrations.get(self.registrations[name])
        score = f", score {progress.score.scaled:g}" if progress.score else ""
        return (
            f"instance {progress.instance} on version {progress.course.version}: "
            f"{progress.registration_completion.lower()}/"
            f"{progress.registration_success.lower()}{score}"
        )


def describe(course: Course) -> str:
    scos = count_scos(course.root_activity) if course.root_activity else 0
    return f"'{course.title}', {course.course_learning_standard}, {scos} SCOs"


def count_scos(activity: CourseActivity) -> int:
    own = 1 if activity.activity_type == "SCO" else 0
    return own + sum(count_scos(child) for child in activity.children or [])


if __name__ == "__main__":
    main()
