"""The auth walk: every row of the route table, and every method it answers, refuses
missing and wrong credentials; bearer tokens without the scope a call needs get 403.

The walk reads the werkzeug Map itself (HEAD included), so a route added later is
walked without editing this file.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import httpx
import pytest
from mock_http import BASE_URL

from scormcloud_mock import MockScormCloud
from scormcloud_mock._routes import API_ROUTES

ROOT = BASE_URL.removesuffix("/api/v2")
SAMPLES = {
    "version_id": "0",
    "instance_id": "0",
    "setting_id": "WhenToRestartRegistration",
}
TOKEN_PATHS = ("/appManagement/token", "/oauth/authenticate/application/token")
RESOURCES = {"courses": "course", "registrations": "registration"}
RESOURCES["appManagement"] = "application"
ACTIONS = {"GET": "read", "HEAD": "read", "POST": "write", "PUT": "write"}
REFUSED = {"error": "Authorization Required."}


def _walk() -> list[tuple[str, str]]:
    calls = []
    for rule in API_ROUTES.iter_rules():
        path = re.sub(
            r"<(?:\w+:)?(\w+)>", lambda m: SAMPLES.get(m.group(1), "sample"), rule.rule
        )
        calls += [(method, path) for method in sorted(rule.methods or ())]
    return calls


CALLS = _walk()
SCOPED = [(method, path) for method, path in CALLS if path not in TOKEN_PATHS]


@pytest.fixture(scope="module")
def guarded() -> Iterator[MockScormCloud]:
    with MockScormCloud(app_id="app", secret_key="secret") as mock:
        yield mock


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


WRONG = {
    "none": None,
    "wrong secret": _basic("app", "wrong"),
    "wrong app": _basic("other", "secret"),
    "empty": _basic("", ""),
    "not base64": "Basic !!!not-base64!!!",
    "unknown scheme": "Digest username=app",
    "forged bearer": "Bearer eyJhcHAiOiJhcHAifQ.forged",
    "huge": "Basic " + "A" * 50_000,
}


def assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401, (response.request.url, response.text)
    if response.request.method != "HEAD":
        assert response.json() == REFUSED


@pytest.mark.parametrize("credentials", list(WRONG.values()), ids=list(WRONG))
def test_every_route_refuses_missing_and_wrong_credentials(
    guarded: MockScormCloud, credentials: str | None
) -> None:
    http = httpx.Client(base_url=BASE_URL, transport=guarded.transport())
    headers = {"Authorization": credentials} if credentials else {}
    before = guarded.dump_state()
    for method, path in CALLS:
        assert_unauthorized(http.request(method, path, headers=headers))
    after = guarded.dump_state()
    assert {**after, "now": None} == {**before, "now": None}
    assert len(CALLS) >= 60


@pytest.mark.parametrize(
    ("method", "control"),
    [("GET", "state"), ("POST", "reset"), ("GET", "openapi.json"), ("GET", "faults")],
)
def test_mock_controls_refuse_wrong_credentials_too(
    guarded: MockScormCloud, method: str, control: str
) -> None:
    http = httpx.Client(transport=guarded.transport(), auth=("app", "wrong"))
    assert_unauthorized(http.request(method, f"{ROOT}/__mock__/{control}"))


def token(mock: MockScormCloud, *scopes: str) -> str:
    http = httpx.Client(
        base_url=BASE_URL, transport=mock.transport(), auth=("app", "secret")
    )
    response = http.post(
        "/oauth/authenticate/application/token", data={"scope": " ".join(scopes)}
    )
    assert response.status_code == 200, response.text
    access: str = response.json()["access_token"]
    return access


def allowing(method: str, path: str) -> set[str]:
    """The scopes that allow a call: admin, the broad action, ACTION:RESOURCE."""
    action = ACTIONS.get(method, "delete")
    first = path.strip("/").split("/")[0]
    resource = RESOURCES.get(first, first)
    return {"admin", f"{action}:{resource}", "write" if action == "delete" else action}


EVERY_SCOPE = {
    f"{action}:{resource}"
    for action in ("read", "write", "delete")
    for resource in ("course", "registration", "application", "learner", "ping")
} | {"read", "write", "admin"}


@pytest.mark.parametrize(
    ("method", "path"), SCOPED, ids=[f"{m} {p}" for m, p in SCOPED]
)
def test_a_token_without_the_calls_scope_gets_403(
    guarded: MockScormCloud, method: str, path: str
) -> None:
    # Every scope there is, except the ones that would allow this call.
    scopes = sorted(EVERY_SCOPE - allowing(method, path))
    http = httpx.Client(base_url=BASE_URL, transport=guarded.transport())
    bearer = {"Authorization": f"Bearer {token(guarded, *scopes)}"}

    response = http.request(method, path, headers=bearer)

    assert response.status_code == 403, response.text
    if method != "HEAD":
        assert "scopes do not allow" in response.json()["message"]


def test_the_narrowest_allowing_scope_passes_every_route() -> None:
    with MockScormCloud(app_id="app", secret_key="secret") as mock:
        http = httpx.Client(base_url=BASE_URL, transport=mock.transport())
        for method, path in SCOPED:
            action = ACTIONS.get(method, "delete")
            first = path.strip("/").split("/")[0]
            narrow = f"{action}:{RESOURCES.get(first, first)}"
            bearer = {"Authorization": f"Bearer {token(mock, narrow)}"}
            status = http.request(method, path, headers=bearer).status_code
            assert status not in (401, 403), (method, path, status)


@pytest.mark.parametrize("path", TOKEN_PATHS)
def test_token_endpoints_take_basic_credentials_only(
    guarded: MockScormCloud, path: str
) -> None:
    http = httpx.Client(base_url=BASE_URL, transport=guarded.transport())
    bearer = {"Authorization": f"Bearer {token(guarded, 'admin')}"}
    assert_unauthorized(http.post(path, headers=bearer, data={"scope": "admin"}))


@pytest.mark.parametrize(
    "expiry", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"]
)
def test_a_token_expiry_outside_the_calendar_is_400_not_a_broken_token(
    guarded: MockScormCloud, expiry: str
) -> None:
    # Regression: such a token used to be issued, then fail every call with a 500.
    http = httpx.Client(
        base_url=BASE_URL, transport=guarded.transport(), auth=("app", "secret")
    )
    body = {"permissions": {"scopes": ["admin"]}, "expiry": expiry}
    response = http.post("/appManagement/token", json=body)
    assert response.status_code == 400
    assert "outside the dates" in response.json()["message"]
