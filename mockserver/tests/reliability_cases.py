"""What the reliability tests share: a seeded mock, a state snapshot, the operations of
the mock's own OpenAPI document, and hypothesis strategies for hostile values.

The requests are built from ``GET /__mock__/openapi.json``, never from the mock's
internals, so a route added to the table is attacked without editing these tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import strategies as st
from mock_http import BASE_URL, PACKAGES

from scormcloud_mock import MockScormCloud

GOLF = "golf_scorm12_runtime_basic_calls.zip"
ROOT = BASE_URL.removesuffix("/api/v2")
JSON_TYPE = {"content-type": "application/json"}
SETTING = "WhenToRestartRegistration"

# Paths that leave the course folder, in each spelling the asset rules refuse.
TRAVERSALS = (
    "..",
    "../x.html",
    "../../etc/passwd",
    "a/../../b.html",
    "Etiquette/../../x.html",
    "./../x.html",
    "..\\..\\windows\\win.ini",
    "C:\\boot.ini",
    "C:/x.html",
    "a\x00b.html",
)


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.method} {self.template}"

    def params(self, where: str) -> list[dict[str, Any]]:
        return [p for p in self.spec.get("parameters", []) if p["in"] == where]

    def media(self) -> tuple[str, dict[str, Any]] | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        return next(iter(content.items()), None)


def operations(document: dict[str, Any]) -> list[Operation]:
    return [
        Operation(method.upper(), template, spec)
        for template, methods in document["paths"].items()
        for method, spec in methods.items()
    ]


@dataclass
class Lab:
    """One mock seeded with a course, a registration and a finished import job."""

    mock: MockScormCloud = field(init=False)
    http: httpx.Client = field(init=False)
    samples: dict[str, str] = field(init=False)
    seedings: int = 0
    _baselines: dict[bool, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.seed()

    def seed(self) -> None:
        if self.seedings:
            self.close()
        # Fetched URLs are answered in-process: hostile cases never reach a network.
        fetch = httpx.MockTransport(lambda request: httpx.Response(404))
        self.mock = MockScormCloud(import_job_running_polls=0, fetch_transport=fetch)
        self.http = httpx.Client(
            base_url=BASE_URL, transport=self.mock.transport(), auth=("app", "key")
        )
        job = upload(self.http, "golf").json()["result"]
        assert self.http.get(f"/courses/importJobs/{job}").json()["status"] == (
            "COMPLETE"
        )
        body = {"courseId": "golf", "registrationId": "r1", "learner": {"id": "l"}}
        assert self.http.post("/registrations", json=body).status_code == 204
        self.samples = {
            "courseId": "golf",
            "versionId": "0",
            "registrationId": "r1",
            "instanceId": "0",
            "importJobId": job,
            "settingId": SETTING,
        }
        self.seedings += 1
        self._baselines.clear()

    def baseline(self, *, assets: bool = True) -> Any:
        """The seeded state, read once: refused calls must all leave it as it is."""
        if assets not in self._baselines:
            self._baselines[assets] = self.snapshot(assets=assets)
        return self._baselines[assets]

    def close(self) -> None:
        self.http.close()
        self.mock.close()

    def path(self, operation: Operation, **values: str) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            raw = values.get(name, self.samples.get(name, "sample"))
            # Dots too, so that no client normalises ".." away before the mock sees it.
            return quote(raw, safe="").replace(".", "%2E")

        return re.sub(r"\{(\w+)\}", value, operation.template)

    def snapshot(self, *, assets: bool = True) -> Any:
        """Everything a refused call could have changed, read through the API.

        Listing files is the slow read (a stat per file): callers that cannot touch
        files leave it out.
        """
        reads = [
            "/appManagement/configuration",
            "/courses/golf/tags",
            "/courses/golf/versions",
            "/courses/golf/configuration",
            "/courses/golf/versions/0/configuration",
            "/registrations/r1/tags",
            "/registrations/r1/configuration",
            "/registrations/r1/instances/0/configuration",
        ]
        if assets:
            reads.append("/courses/golf/asset/list")
        listed = {path: _body(self.http.get(path)) for path in reads}
        state = self.mock.dump_state()
        state.pop("now")  # the mock's clock runs in real time
        return state, listed


def _body(response: httpx.Response) -> Any:
    return (response.status_code, response.json() if response.content else None)


def upload(
    http: httpx.Client, course_id: str, *, new_version: bool = False
) -> httpx.Response:
    return http.post(
        "/courses/importJobs/upload",
        params={"courseId": course_id, "mayCreateNewVersion": str(new_version)},
        files={"file": (GOLF, (PACKAGES / GOLF).read_bytes(), "application/zip")},
    )


def assert_refused(response: httpx.Response) -> None:
    """A 4xx in SCORM Cloud's error shape: a message, or the 401's error."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    if response.request.method == "HEAD":
        return
    body = response.json()
    key = "error" if response.status_code == 401 else "message"
    assert isinstance(body.get(key), str) and body[key], body


# -- hypothesis strategies ------------------------------------------------------------

# Longer than any real id; longer still only costs the client time parsing URLs.
LONG_TEXT = st.integers(2_000, 8_000).map(lambda n: "x" * n)
# Never empty: an empty segment makes another URL (an unserved route, 501), not an id.
ANY_TEXT = st.text(min_size=1, max_size=40)
NOT_AN_INTEGER = ANY_TEXT.filter(lambda v: not re.fullmatch(r"-?[0-9]{1,10}", v))


def hostile_id(schema: dict[str, Any], sample: str) -> st.SearchStrategy[str]:
    """Ids that name nothing: very long, traversal, arbitrary text, odd numbers."""
    if schema.get("type") == "integer":
        # Numbers out of the service's int range, or that no version/instance has.
        numbers = st.one_of(
            st.integers(2**31, 2**70), st.integers(-(2**40), -1), st.integers(1000)
        )
        return st.one_of(LONG_TEXT, NOT_AN_INTEGER, numbers.map(str))
    texts = st.one_of(LONG_TEXT, st.sampled_from(TRAVERSALS), ANY_TEXT)
    return texts.filter(lambda v: v.lower() != sample.lower())


def hostile_query_value(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    kind = schema.get("type")
    odd = st.one_of(LONG_TEXT, ANY_TEXT, st.sampled_from(TRAVERSALS))
    if kind == "integer":
        return st.one_of(NOT_AN_INTEGER, st.integers(2**31, 2**70).map(str))
    if schema.get("format") == "date-time":
        dates = st.sampled_from(
            ["yesterday", "2024-13-45T00:00:00Z", "0000-01-01T00:00:00Z", "+275760"]
        )
        return st.one_of(dates, odd)
    return st.one_of(st.just("NOT_A_VALUE"), odd)


def json_value(
    schema: dict[str, Any],
    components: dict[str, Any],
    *,
    unknown_enums: bool = False,
    depth: int = 0,
) -> st.SearchStrategy[Any]:
    """A value of the schema's shape; enums unknown to the API when asked."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "enum" in schema:
        return (
            st.just("NOT_A_VALUE") if unknown_enums else st.sampled_from(schema["enum"])
        )
    kind = schema.get("type")
    inner = {"unknown_enums": unknown_enums, "depth": depth + 1}
    if kind == "object" and depth < 4:
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {
                k: json_value(v, components, **inner)
                for k, v in properties.items()
                if k in required
            },
            optional={
                k: json_value(v, components, **inner)
                for k, v in properties.items()
                if k not in required
            },
        )
    if kind == "array" and depth < 4:
        return st.lists(json_value(schema["items"], components, **inner), max_size=2)
    if schema.get("format") == "date-time":
        return st.sampled_from(["2024-05-06T07:08:09Z", "2030-01-01T00:00:00.000Z"])
    scalars: dict[str, st.SearchStrategy[Any]] = {
        "string": st.text(max_size=12),
        "integer": st.integers(-5, 500),
        "number": st.floats(-1, 1),
        "boolean": st.booleans(),
    }
    return scalars.get(str(kind), st.none())


WRONG_TYPED = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def retype(value: Any, data: st.DataObject) -> Any:
    """The value with one member anywhere inside it replaced by a wrongly typed one."""
    paths = list(_member_paths(value, ()))
    if not paths:
        return data.draw(WRONG_TYPED)
    path = data.draw(st.sampled_from(paths))
    original = _member(value, path)
    replacement = data.draw(WRONG_TYPED.filter(lambda v: type(v) is not type(original)))
    copied = json.loads(json.dumps(value))
    *parents, last = path
    _member(copied, tuple(parents))[last] = replacement
    return copied


def _member_paths(value: Any, path: tuple[Any, ...]) -> Any:
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, member in items:
        yield (*path, key)
        yield from _member_paths(member, (*path, key))


def _member(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value
