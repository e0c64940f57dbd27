"""``scormcloud``: SCORM Cloud from the shell, on top of the SDK.

Credentials come from SCORMCLOUD_APP_ID and SCORMCLOUD_SECRET_KEY, the base URL from
--base-url or SCORMCLOUD_BASE_URL. Every command prints a table, or JSON with --json.
Exit codes are listed in ``errors.py``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

from .._base_client import DEFAULT_BASE_URL
from .._client import ScormCloud
from .._models import Model
from ..types import Course, Registration
from .errors import CommandError, refuse_v1, reported
from .output import console, emit_fields, emit_json, emit_table

ModelT = TypeVar("ModelT", bound=Model)


@dataclass
class Session:
    """What every command shares: where to go, how to print, one client."""

    base_url: str
    as_json: bool
    _client: ScormCloud | None = field(default=None, repr=False)

    def client(self) -> ScormCloud:
        # Built on first use, so `--help` works without credentials.
        if self._client is None:
            refuse_v1(self.base_url)
            with reported(self.base_url):
                self._client = ScormCloud(base_url=self.base_url)
        return self._client


pass_session = click.make_pass_decorator(Session)


@click.group()
@click.option(
    "--base-url",
    envvar="SCORMCLOUD_BASE_URL",
    default=DEFAULT_BASE_URL,
    show_default=True,
    help="The API root (also SCORMCLOUD_BASE_URL).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.version_option(package_name="scormcloud-sdk")
@click.pass_context
def cli(context: click.Context, base_url: str, as_json: bool) -> None:
    """SCORM Cloud from the shell.

    Credentials come from SCORMCLOUD_APP_ID and SCORMCLOUD_SECRET_KEY.
    """
    context.obj = Session(base_url=base_url, as_json=as_json)
    context.call_on_close(lambda: context.obj._client and context.obj._client.close())


@cli.command()
@pass_session
def ping(session: Session) -> None:
    """Check the base URL and the credentials."""
    with reported(session.base_url):
        message = session.client().ping()
    if session.as_json:
        emit_json({"ok": True, "apiMessage": message})
    else:
        click.echo(f"OK: {session.base_url} answered {message!r}")


# Courses ---------------------------------------------------------------------------


@cli.group()
def courses() -> None:
    """Import courses, list versions, read and change settings."""


@courses.command("import")
@click.argument("course_id")
@click.argument("package", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--new-version", is_flag=True, help="Allow a new version of an existing course."
)
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait.")
@pass_session
def import_course(
    session: Session, course_id: str, package: Path, new_version: bool, timeout: float
) -> None:
    """Upload PACKAGE (a zip) as COURSE_ID and wait for the import to finish."""
    client = session.client()
    with reported(session.base_url):
        job_id = _upload_with_progress(client, course_id, package, new_version, session)
        waiting = console().status("Importing...", spinner="dots")
        with nullcontext() if session.as_json else waiting:
            course = client.courses.wait_for_import(job_id, timeout=timeout)
    _show_course(session, course, f"Imported {package.name}")


@courses.command("get")
@click.argument("course_id")
@pass_session
def get_course(session: Session, course_id: str) -> None:
    """Show a course (its latest version)."""
    with reported(session.base_url):
        course = session.client().courses.get(course_id)
    _show_course(session, course, f"Course {course_id}")


@courses.command("versions")
@click.argument("course_id")
@pass_session
def list_versions(session: Session, course_id: str) -> None:
    """List every version of a course."""
    with reported(session.base_url):
        versions = session.client().courses.versions.list(course_id)
    _emit_rows(
        session,
        versions,
        f"Versions of {course_id}",
        ("version", "title", "standard", "created", "updated"),
        lambda v: (
            v.version,
            v.title,
            v.course_learning_standard,
            v.created,
            v.updated,
        ),
    )


@courses.command("apply-zip")
@click.argument("course_id")
@click.argument("package", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--version", type=int, default=None, help="A version (default: latest).")
@pass_session
def apply_zip(
    session: Session, course_id: str, package: Path, version: int | None
) -> None:
    """Overwrite the course files found in PACKAGE (a sparse zip); others stay."""
    with reported(session.base_url):
        result = session.client().courses.assets.apply_sparse_zip(
            course_id, package, version=version
        )
    if session.as_json:
        emit_json(result)
        return
    for path in result.updated:
        click.echo(f"updated {path}")
    if result.manifest_changed:
        click.echo(
            "imsmanifest.xml changed: the course structure was read again; "
            "registrations were not reset"
        )


@courses.command("settings")
@click.argument("course_id")
@click.argument("assignments", nargs=-1, metavar="[SETTING=VALUE]...")
@pass_session
def course_settings(
    session: Session, course_id: str, assignments: tuple[str, ...]
) -> None:
    """Show a course's effective settings; with SETTING=VALUE, set them first."""
    client = session.client()
    with reported(session.base_url):
        if assignments:
            client.courses.configuration.set(course_id, _parse_assignments(assignments))
        settings = client.courses.configuration.get(course_id)
    if session.as_json:
        emit_json(settings)
        return
    rows = [
        (item.id, item.effective_value, item.effective_value_source)
        for item in settings.setting_items
    ]
    emit_table(f"Settings of {course_id}", ("setting", "value", "source"), rows)


# Registrations ---------------------------------------------------------------------


@cli.group()
def registrations() -> None:
    """Create registrations, show progress and instances, build launch links."""


@registrations.command("create")
@click.argument("course_id")
@click.argument("registration_id")
@click.option("--learner-id", required=True, help="The learner's id.")
@click.option("--first-name", default=None)
@click.option("--last-name", default=None)
@click.option("--email", default=None)
@click.option("--course-version", type=int, default=None, help="Bind to this version.")
@pass_session
def create_registration(
    session: Session,
    course_id: str,
    registration_id: str,
    learner_id: str,
    first_name: str | None,
    last_name: str | None,
    email: str | None,
    course_version: int | None,
) -> None:
    """Register a learner for COURSE_ID as REGISTRATION_ID."""
    learner: dict[str, Any] = {"id": learner_id, "firstName": first_name}
    learner.update(lastName=last_name, email=email)
    client = session.client()
    with reported(session.base_url):
        client.registrations.create(
            course_id=course_id,
            registration_id=registration_id,
            learner={k: v for k, v in learner.items() if v is not None},
            course_version=course_version,
        )
        progress = client.registrations.get(registration_id)
    _show_registration(session, progress, f"Registration {registration_id}")


@registrations.command("show")
@click.argument("registration_id")
@pass_session
def show_registration(session: Session, registration_id: str) -> None:
    """Show a registration's progress (its latest instance)."""
    with reported(session.base_url):
        progress = session.client().registrations.get(registration_id)
    _show_registration(session, progress, f"Registration {registration_id}")


@registrations.command("instances")
@click.argument("registration_id")
@pass_session
def list_instances(session: Session, registration_id: str) -> None:
    """List a registration's instances, one per course version it ran."""
    with reported(session.base_url):
        instances = session.client().registrations.instances.list(registration_id)
    _emit_rows(
        session,
        instances,
        f"Instances of {registration_id}",
        ("instance", "version", "completion", "success", "score"),
        lambda i: (
            i.instance,
            i.course.version if i.course else None,
            i.registration_completion,
            i.registration_success,
            i.score.scaled if i.score else None,
        ),
    )


@registrations.command("launch-link")
@click.argument("registration_id")
@click.option("--expiry", default=120, show_default=True, help="Seconds (10 to 300).")
@click.option("--redirect-on-exit-url", default="message", show_default=True)
@pass_session
def launch_link(
    session: Session, registration_id: str, expiry: int, redirect_on_exit_url: str
) -> None:
    """Build a launch link (treat it as a secret until it expires)."""
    with reported(session.base_url):
        link = session.client().registrations.launch_link(
            registration_id, expiry=expiry, redirect_on_exit_url=redirect_on_exit_url
        )
    if session.as_json:
        emit_json({"launchLink": link})
    else:
        click.echo(link)


# Helpers ---------------------------------------------------------------------------


def _emit_rows(
    session: Session,
    items: Sequence[ModelT],
    title: str,
    columns: Sequence[str],
    row: Callable[[ModelT], Sequence[object]],
) -> None:
    """A list as JSON for scripts, or as a table for people."""
    if session.as_json:
        emit_json(items)
    else:
        emit_table(title, columns, [row(item) for item in items])


def _parse_assignments(assignments: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name:
            raise CommandError(f"expected SETTING=VALUE, got {assignment!r}")
        settings[name] = value
    return settings


def _show_course(session: Session, course: Course, title: str) -> None:
    if session.as_json:
        emit_json(course)
        return
    emit_fields(
        title,
        [
            ("id", course.id),
            ("title", course.title),
            ("version", course.version),
            ("standard", course.course_learning_standard),
            ("updated", course.updated),
        ],
    )


def _show_registration(session: Session, progress: Registration, title: str) -> None:
    if session.as_json:
        emit_json(progress)
        return
    course = progress.course
    emit_fields(
        title,
        [
            ("instance", progress.instance),
            ("course", course.id if course else None),
            ("course version", course.version if course else None),
            ("completion", progress.registration_completion),
            ("success", progress.registration_success),
            ("score", progress.score.scaled if progress.score else None),
            ("seconds tracked", progress.total_seconds_tracked),
        ],
    )


def _upload_with_progress(
    client: ScormCloud,
    course_id: str,
    package: Path,
    new_version: bool,
    session: Session,
) -> str:
    size = package.stat().st_size
    columns = (TextColumn("Uploading"), BarColumn(), DownloadColumn())
    with Progress(*columns, console=console(), disable=session.as_json) as progress:
        task = progress.add_task("upload", total=size)
        with package.open("rb") as file:
            counting = _CountingReader(
                file, lambda count: progress.advance(task, count)
            )
            reader = io.BufferedReader(counting)
            return client.courses.import_package(
                course_id, reader, may_create_new_version=new_version
            )


class _CountingReader(io.RawIOBase):
    """A binary file that reports how many bytes were read from it."""

    def __init__(self, file: io.BufferedReader, on_read: Callable[[int], None]) -> None:
        self._file = file
        self._on_read = on_read
        self.name = os.path.basename(file.name)

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        # Lets the HTTP library learn the size up front and send Content-Length.
        return self._file.fileno()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def readinto(self, buffer: Any) -> int:
        count = self._file.readinto(buffer)
        self._on_read(count)
        return count
