"""Sync and async clients side by side: every resource method, the same results.

One scenario runs twice against two fresh mocks (`MockScormCloud().transport()` is
both a sync and an async transport): once through `ScormCloud`, once through
`AsyncScormCloud`. Each step's result, after values that differ between two mocks
(times, generated ids, one-time tokens) are masked, must be identical.
"""

from __future__ import annotations

import asyncio
import inspect
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from scormcloud import (
    RESTART_SETTING_ID,
    AsyncPaginator,
    AsyncScormCloud,
    Paginator,
    RestartPolicy,
    ScormCloud,
)
from scormcloud_mock import MockScormCloud

PACKAGES = Path(__file__).resolve().parents[2] / "examples/packages"
GOLF = PACKAGES / "golf_scorm12_runtime_basic_calls.zip"
GOLF_V2 = PACKAGES / "variants/golf_scorm12_runtime_basic_calls_v2_title_only.zip"
SPARSE = PACKAGES / "variants/sparse_asset_overwrite_Playing_Playing.html.zip"
PLAYING = PACKAGES / "variants/Playing.html"
FETCHED = "https://cdn.example/files/"
XAPI_ID = "5c1a6a1e-0000-4000-8000-000000000001"
LEARNER = {"id": "ada", "firstName": "Ada", "lastName": "Lovelace"}
LIST_METHODS = {"courses.list", "registrations.list"}


@dataclass
class Context:
    """What a step may use: earlier results and a buffer for downloads."""

    results: dict[str, Any] = field(default_factory=dict)
    downloads: dict[str, bytes] = field(default_factory=dict)
    sink: io.BytesIO = field(default_factory=io.BytesIO)

    def record(self, name: str, result: Any) -> None:
        self.results[name] = result
        if self.sink.tell():
            self.downloads[name] = self.sink.getvalue()

    def __getitem__(self, name: str) -> Any:
        return self.results[name]


Step = tuple[str, Callable[[Any, Context], Any]]

STEPS: list[Step] = [
    ("ping", lambda c, x: c.ping()),
    ("courses.import_package", lambda c, x: c.courses.import_package("golf", GOLF)),
    (
        "courses.get_import_job",
        lambda c, x: c.courses.get_import_job(x["courses.import_package"]),
    ),
    (
        "courses.wait_for_import",
        lambda c, x: c.courses.wait_for_import(x["courses.import_package"]),
    ),
    (
        "courses.import_and_wait",
        lambda c, x: c.courses.import_and_wait(
            "golf", GOLF_V2, may_create_new_version=True, tags=["golf"]
        ),
    ),
    (
        "courses.import_from_url",
        lambda c, x: c.courses.import_from_url("fetched", FETCHED + "golf.zip"),
    ),
    (
        "courses.wait_for_import#url",
        lambda c, x: c.courses.wait_for_import(x["courses.import_from_url"]),
    ),
    ("courses.get", lambda c, x: c.courses.get("golf", include_course_metadata=True)),
    ("courses.list", lambda c, x: c.courses.list(order_by="title_asc")),
    ("courses.list_page", lambda c, x: c.courses.list_page(include_total_count=True)),
    ("courses.set_title", lambda c, x: c.courses.set_title("golf", "Golf!")),
    ("courses.download_zip", lambda c, x: c.courses.download_zip("golf", x.sink)),
    ("courses.preview_link", lambda c, x: c.courses.preview_link("golf", version=0)),
    (
        "courses.set_restart_policy",
        lambda c, x: c.courses.set_restart_policy("golf", RestartPolicy.ALWAYS),
    ),
    ("courses.versions.list", lambda c, x: c.courses.versions.list("golf")),
    ("courses.versions.get", lambda c, x: c.courses.versions.get("golf", 1)),
    (
        "courses.versions.download_zip",
        lambda c, x: c.courses.versions.download_zip("golf", 0, x.sink),
    ),
    ("courses.tags.add", lambda c, x: c.courses.tags.add("golf", ["a", "b"])),
    ("courses.tags.remove", lambda c, x: c.courses.tags.remove("golf", ["a"])),
    (
        "courses.tags.add_to_courses",
        lambda c, x: c.courses.tags.add_to_courses(["golf", "fetched"], ["c"]),
    ),
    ("courses.tags.list", lambda c, x: c.courses.tags.list("golf")),
    (
        "courses.assets.upload",
        lambda c, x: c.courses.assets.upload("golf", "/shared/new.html", PLAYING),
    ),
    (
        "courses.assets.import_from_url",
        lambda c, x: c.courses.assets.import_from_url(
            "golf", FETCHED + "logo.png", "/img/logo.png"
        ),
    ),
    (
        "courses.assets.download",
        lambda c, x: c.courses.assets.download("golf", "shared/new.html", x.sink),
    ),
    (
        "courses.assets.delete",
        lambda c, x: c.courses.assets.delete("golf", "img/logo.png"),
    ),
    (
        "courses.assets.apply_sparse_zip",
        lambda c, x: c.courses.assets.apply_sparse_zip("golf", SPARSE),
    ),
    ("courses.assets.list", lambda c, x: c.courses.assets.list("golf", version=1)),
    (
        "courses.configuration.set",
        lambda c, x: c.courses.configuration.set(
            "golf", {RESTART_SETTING_ID: RestartPolicy.NEVER}, version=1
        ),
    ),
    (
        "courses.configuration.get",
        lambda c, x: c.courses.configuration.get("golf", version=1),
    ),
    (
        "courses.configuration.delete",
        lambda c, x: c.courses.configuration.delete(
            "golf", RESTART_SETTING_ID, version=1
        ),
    ),
    (
        "application.configuration.set",
        lambda c, x: c.application.configuration.set(
            {RESTART_SETTING_ID: RestartPolicy.IF_INCOMPLETE}
        ),
    ),
    ("application.configuration.get", lambda c, x: c.application.configuration.get()),
    (
        "application.configuration.delete",
        lambda c, x: c.application.configuration.delete(RESTART_SETTING_ID),
    ),
    (
        "registrations.create",
        lambda c, x: [
            c.registrations.create(
                course_id="golf",
                registration_id=f"reg-{n}",
                learner=LEARNER,
                xapi_registration_id=XAPI_ID,
                registration_tags=["t"],
            )
            for n in range(3)
        ],
    ),
    ("registrations.get", lambda c, x: c.registrations.get("reg-0")),
    ("registrations.exists", lambda c, x: c.registrations.exists("nobody")),
    ("registrations.list", lambda c, x: c.registrations.list(course_id="golf")),
    (
        "registrations.list_page",
        lambda c, x: c.registrations.list_page(include_total_count=True),
    ),
    ("registrations.launch_link", lambda c, x: c.registrations.launch_link("reg-0")),
    (
        "registrations.get_launch_history",
        lambda c, x: c.registrations.get_launch_history("reg-0"),
    ),
    (
        "registrations.test_postback",
        # Nothing listens there; the mock's sender logs the failure and moves on.
        lambda c, x: c.registrations.test_postback({"url": "http://127.0.0.1:9/"}),
    ),
    (
        "registrations.reset_progress",
        lambda c, x: c.registrations.reset_progress("reg-0"),
    ),
    (
        "registrations.delete_global_data",
        lambda c, x: c.registrations.delete_global_data("reg-0"),
    ),
    (
        "registrations.instances.create",
        lambda c, x: c.registrations.instances.create("reg-0"),
    ),
    (
        "registrations.instances.list",
        lambda c, x: c.registrations.instances.list("reg-0"),
    ),
    (
        "registrations.instances.get",
        lambda c, x: c.registrations.instances.get("reg-0", 0),
    ),
    (
        "registrations.instances.get_launch_history",
        lambda c, x: c.registrations.instances.get_launch_history("reg-0", 0),
    ),
    (
        "registrations.instances.delete",
        lambda c, x: c.registrations.instances.delete("reg-0", 0),
    ),
    ("registrations.tags.add", lambda c, x: c.registrations.tags.add("reg-0", ["x"])),
    (
        "registrations.tags.remove",
        lambda c, x: c.registrations.tags.remove("reg-0", ["t"]),
    ),
    (
        "registrations.tags.add_to_registrations",
        lambda c, x: c.registrations.tags.add_to_registrations(
            ["reg-0", "reg-1"], ["y"]
        ),
    ),
    ("registrations.tags.list", lambda c, x: c.registrations.tags.list("reg-0")),
    (
        "registrations.configuration.set",
        lambda c, x: c.registrations.configuration.set(
            "reg-0", {RESTART_SETTING_ID: RestartPolicy.ALWAYS}
        ),
    ),
    (
        "registrations.configuration.get",
        lambda c, x: c.registrations.configuration.get("reg-0", include_metadata=True),
    ),
    (
        "registrations.configuration.delete",
        lambda c, x: c.registrations.configuration.delete("reg-0", RESTART_SETTING_ID),
    ),
    ("registrations.delete", lambda c, x: c.registrations.delete("reg-2")),
    (
        "oauth.create_token",
        lambda c, x: c.oauth.create_token(
            ["read:course"], expiry=datetime(2040, 1, 1, tzinfo=timezone.utc)
        ),
    ),
    ("oauth.get_app_token", lambda c, x: c.oauth.get_app_token(["read:course"])),
    ("courses.versions.delete", lambda c, x: c.courses.versions.delete("golf", 0)),
    ("courses.delete", lambda c, x: c.courses.delete("fetched")),
]

# Values two mocks cannot agree on: times, generated ids, signed tokens in links.
_MASKS = [
    (re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?"), "<time>"),
    (
        re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        "<id>",
    ),
    (re.compile(r"\?\S*"), "?<query>"),
    # Signed tokens (launch links, OAuth): long runs without spaces.
    (re.compile(r"[\w-]{24,}"), "<token>"),
]


def masked(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return masked(value.model_dump(mode="json"))
    if isinstance(value, dict):
        return {key: masked(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [masked(item) for item in value]
    if isinstance(value, str):
        for pattern, replacement in _MASKS:
            value = pattern.sub(replacement, value)
    return value


def unzipped(downloads: dict[str, bytes]) -> dict[str, Any]:
    """Zips by their files: the entries' times differ between two mocks."""
    files: dict[str, Any] = {}
    for name, data in downloads.items():
        if data.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                files[name] = {n: archive.read(n) for n in archive.namelist()}
        else:
            files[name] = data
    return files


def serve(request: httpx.Request) -> httpx.Response:
    """The web server the mocks fetch URL imports from."""
    files = {"/files/golf.zip": GOLF.read_bytes(), "/files/logo.png": b"logo"}
    if request.url.path in files:
        return httpx.Response(200, content=files[request.url.path])
    return httpx.Response(404)


@pytest.fixture
def mocks() -> Iterator[tuple[MockScormCloud, MockScormCloud]]:
    options: dict[str, Any] = {
        "page_size": 1,
        "fetch_transport": httpx.MockTransport(serve),
    }
    with MockScormCloud(**options) as first, MockScormCloud(**options) as second:
        yield first, second


def run_sync(client: ScormCloud) -> Context:
    client.courses._sleep = lambda seconds: None
    context = Context()
    for name, step in STEPS:
        context.sink = io.BytesIO()
        result = step(client, context)
        if isinstance(result, Paginator):
            result = list(result)
        context.record(name, result)
    return context


async def run_async(client: AsyncScormCloud) -> Context:
    async def no_sleep(seconds: float) -> None:
        pass

    client.courses._sleep = no_sleep
    context = Context()
    for name, step in STEPS:
        context.sink = io.BytesIO()
        result = step(client, context)
        if isinstance(result, list):
            # `registrations.create` makes several registrations in one step.
            result = [await item for item in result]
        elif isinstance(result, AsyncPaginator):
            result = [item async for item in result]
        elif inspect.isawaitable(result):
            result = await result
        context.record(name, result)
    return context


def resource_methods(client: ScormCloud | AsyncScormCloud) -> dict[str, Any]:
    """Every public method of the client's resources, by dotted name."""
    found: dict[str, Any] = {}

    def walk(resource: object, prefix: str) -> None:
        for name, value in vars(resource).items():
            if not name.startswith("_"):
                walk(value, f"{prefix}{name}.")
        for name, value in inspect.getmembers(type(resource), inspect.isfunction):
            if not name.startswith("_"):
                found[prefix + name] = value

    for name in ("courses", "application", "registrations", "oauth"):
        walk(getattr(client, name), f"{name}.")
    return found


def test_sync_and_async_clients_give_the_same_results(
    mocks: tuple[MockScormCloud, MockScormCloud],
) -> None:
    sync_mock, async_mock = mocks
    with sync_mock.client() as client:
        sync = run_sync(client)

    async def main() -> Context:
        async with async_mock.async_client() as client:
            return await run_async(client)

    async_ = asyncio.run(main())

    for name, _ in STEPS:
        assert masked(async_.results[name]) == masked(sync.results[name]), name
    assert unzipped(async_.downloads) == unzipped(sync.downloads)
    assert set(sync.downloads) == {
        "courses.download_zip",
        "courses.versions.download_zip",
        "courses.assets.download",
    }
    # One item per page on these mocks, so every list followed `more` tokens.
    assert len(sync.results["courses.list"]) == 2
    assert len(sync.results["registrations.list"]) == 3


def test_the_scenario_calls_every_resource_method() -> None:
    with ScormCloud(app_id="a", secret_key="s") as client:
        methods = set(resource_methods(client))

    # "name#why" repeats a method for another purpose.
    assert {name.partition("#")[0] for name, _ in STEPS} == methods | {"ping"}


def test_async_resources_have_the_sync_method_names() -> None:
    with ScormCloud(app_id="a", secret_key="s") as sync:
        sync_methods = resource_methods(sync)
    async_methods = resource_methods(AsyncScormCloud(app_id="a", secret_key="s"))

    assert sorted(async_methods) == sorted(sync_methods)
    assert len(async_methods) > 50
    for name, method in async_methods.items():
        # Lists return an async iterator at once; every other call is awaited.
        assert inspect.iscoroutinefunction(method) == (name not in LIST_METHODS), name
        assert method.__doc__ == sync_methods[name].__doc__, name
        assert inspect.signature(method).parameters.keys() == (
            inspect.signature(sync_methods[name]).parameters.keys()
        ), name
