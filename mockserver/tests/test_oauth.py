"""OAuth end to end: the SDK fetches, sends and renews tokens; the mock checks them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from mock_http import PACKAGES

from scormcloud import AuthenticationError, PermissionDeniedError, ScormCloud
from scormcloud_mock import MockScormCloud

GOLF = PACKAGES / "golf_scorm12_runtime_basic_calls.zip"


@pytest.fixture
def mock() -> Iterator[MockScormCloud]:
    with MockScormCloud(
        app_id="app", secret_key="secret", import_job_running_polls=0
    ) as mock:
        mock.client().courses.import_and_wait("golf", GOLF)
        yield mock


def scoped_client(mock: MockScormCloud, *scopes: str) -> ScormCloud:
    return ScormCloud(
        app_id="app",
        secret_key="secret",
        transport=mock.transport(),
        oauth_scopes=scopes,
        retries=0,
    )


def test_a_read_scope_reads_and_may_not_write(mock: MockScormCloud) -> None:
    client = scoped_client(mock, "read:course", "read:registration")

    assert client.courses.get("golf").version == 0
    with pytest.raises(PermissionDeniedError) as refused:
        client.registrations.create(
            course_id="golf", registration_id="r1", learner={"id": "a"}
        )
    assert refused.value.status_code == 403
    assert "POST /registrations" in refused.value.message
    assert not mock.client().registrations.exists("r1")


@pytest.mark.parametrize(
    ("scopes", "allowed"),
    [
        (("write:course",), False),
        (("delete:course",), True),
        (("write",), True),
        (("admin",), True),
        (("read",), False),
    ],
)
def test_which_scopes_allow_a_delete(
    mock: MockScormCloud, scopes: tuple[str, ...], allowed: bool
) -> None:
    client = scoped_client(mock, *scopes)
    if allowed:
        client.courses.delete("golf")
    else:
        with pytest.raises(PermissionDeniedError):
            client.courses.delete("golf")


def test_the_secret_is_sent_only_to_the_token_endpoint(mock: MockScormCloud) -> None:
    seen: list[httpx.Request] = []
    transport = mock.transport()

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return transport.handle_request(request)

    client = ScormCloud(
        app_id="app",
        secret_key="secret",
        transport=httpx.MockTransport(spy),
        oauth_scopes=["read"],
    )
    client.courses.get("golf")
    client.courses.get("golf")

    schemes = [r.headers["authorization"].split()[0] for r in seen]
    assert schemes == ["Basic", "Bearer", "Bearer"]
    assert seen[0].url.path.endswith("/oauth/authenticate/application/token")


def test_tokens_are_renewed_before_they_expire(mock: MockScormCloud) -> None:
    client = scoped_client(mock, "read")
    now = [1000.0]
    client._auth._clock = lambda: now[0]  # type: ignore[attr-defined]
    client.courses.get("golf")
    first = client._auth._token  # type: ignore[attr-defined]

    now[0] += 280  # past the lifetime (300 s) less the 30 s margin
    mock.clock.advance(280)
    client.courses.get("golf")

    assert client._auth._token != first  # type: ignore[attr-defined]


def test_a_token_the_service_rejects_is_replaced_once(mock: MockScormCloud) -> None:
    client = scoped_client(mock, "read")
    client.courses.get("golf")

    # The service's clock passes the token's expiry while the client still trusts it.
    mock.clock.advance(301)

    assert client.courses.get("golf").id == "golf"


def test_created_tokens_carry_scopes_and_expiry(mock: MockScormCloud) -> None:
    expiry = mock.clock.now() + timedelta(minutes=5)
    token = mock.client().oauth.create_token(["read:course"], expiry=expiry)
    bearer = ScormCloud(bearer_token=token, transport=mock.transport(), retries=0)

    assert bearer.courses.get("golf").id == "golf"
    with pytest.raises(PermissionDeniedError):
        bearer.courses.delete("golf")
    mock.clock.advance(301)
    with pytest.raises(AuthenticationError):
        bearer.courses.get("golf")


@pytest.mark.parametrize("token", ["", "garbage", "a.b", "e30.", "%C3%BC.x"])
def test_forged_tokens_are_401(mock: MockScormCloud, token: str) -> None:
    http = httpx.Client(transport=mock.transport())
    response = http.get(
        "https://cloud.scorm.com/api/v2/courses/golf",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401
    assert response.json() == {"error": "Authorization Required."}


def test_a_tampered_token_is_401(mock: MockScormCloud) -> None:
    token = mock.client().oauth.get_app_token(["read"]).access_token
    payload, signature = token.split(".")
    forged = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1]
    bearer = ScormCloud(
        bearer_token=f"{forged}.{signature}", transport=mock.transport()
    )
    with pytest.raises(AuthenticationError):
        bearer.courses.get("golf")


def test_token_endpoints_need_the_secret(mock: MockScormCloud) -> None:
    wrong = ScormCloud(app_id="app", secret_key="wrong", transport=mock.transport())
    with pytest.raises(AuthenticationError):
        wrong.oauth.get_app_token(["read"])
    token = mock.client().oauth.get_app_token(["admin"]).access_token
    with pytest.raises(AuthenticationError):
        ScormCloud(bearer_token=token, transport=mock.transport()).oauth.get_app_token(
            ["admin"]
        )


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"permissions": {"scopes": "read"}, "expiry": "2030-01-01T00:00:00Z"},
        {"permissions": {"scopes": ["read"]}, "expiry": "soon"},
        {"permissions": {"scopes": ["read"]}},
    ],
)
def test_bad_token_requests_are_400(
    mock: MockScormCloud, body: dict[str, object]
) -> None:
    http = httpx.Client(transport=mock.transport(), auth=("app", "secret"))
    response = http.post(
        "https://cloud.scorm.com/api/v2/appManagement/token", json=body
    )
    assert response.status_code == 400
    assert response.json()["message"]


def test_app_token_wire_shape(mock: MockScormCloud) -> None:
    http = httpx.Client(transport=mock.transport(), auth=("app", "secret"))
    response = http.post(
        "https://cloud.scorm.com/api/v2/oauth/authenticate/application/token",
        data={"scope": "read:course write:registration", "expiration": "60"},
    )
    body = response.json()
    assert set(body) == {"access_token", "expires_in", "token_type"}
    assert (body["expires_in"], body["token_type"]) == (60, "Bearer")
