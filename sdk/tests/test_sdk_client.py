"""Client construction, URLs, auth, transport failures and logging."""

from __future__ import annotations

import base64
import importlib.metadata
import logging
import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sdk_fakes import BASE_URL, FakeService, path_of

import scormcloud
from scormcloud import (
    APIConnectionError,
    APITimeoutError,
    MissingCredentialsError,
    ScormCloud,
)

SDK_SOURCE = Path(scormcloud.__file__).parent


def make_client(
    service: FakeService,
    *,
    app_id: str | None = None,
    secret_key: str | None = None,
    base_url: str | None = None,
) -> ScormCloud:
    return ScormCloud(
        app_id=app_id,
        secret_key=secret_key,
        base_url=base_url,
        transport=httpx.MockTransport(service.handle),
    )


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://cloud.scorm.com/api/v2", "/api/v2/courses/c1"),
        ("https://cloud.scorm.com/api/v2/", "/api/v2/courses/c1"),
        ("http://127.0.0.1:8080/prefix/api/v2", "/prefix/api/v2/courses/c1"),
        ("http://127.0.0.1:8080/prefix/api/v2/", "/prefix/api/v2/courses/c1"),
    ],
)
def test_base_url_with_or_without_slash_and_prefix(
    service: FakeService, base_url: str, expected: str
) -> None:
    service.reply(json={"id": "c1"})
    client = make_client(service, app_id="a", secret_key="s", base_url=base_url)

    client.courses.get("c1")

    assert path_of(service.last) == expected
    assert str(service.last.url).startswith(base_url.rstrip("/") + "/courses/")


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda c: c.courses.get("a/b:c d"),
            "/api/v2/courses/a%2Fb%3Ac%20d",
        ),
        (
            lambda c: c.courses.versions.get("x/y", 3),
            "/api/v2/courses/x%2Fy/versions/3",
        ),
        (
            lambda c: c.registrations.get("reg:1/2"),
            "/api/v2/registrations/reg%3A1%2F2",
        ),
        (
            lambda c: c.registrations.instances.get("r/1", 0),
            "/api/v2/registrations/r%2F1/instances/0",
        ),
        (
            lambda c: c.courses.get_import_job("job/1"),
            "/api/v2/courses/importJobs/job%2F1",
        ),
    ],
)
def test_path_ids_are_percent_encoded(
    client: ScormCloud,
    service: FakeService,
    call: Callable[[ScormCloud], object],
    expected: str,
) -> None:
    service.reply(json={})

    call(client)

    assert path_of(service.last) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.courses.get(""),
        lambda c: c.courses.versions.list(""),
        lambda c: c.courses.configuration.get(""),
        lambda c: c.courses.configuration.set("", {"a": "b"}),
        lambda c: c.courses.import_package("", b"unused"),
        lambda c: c.courses.get_import_job(""),
        lambda c: c.registrations.get(""),
        lambda c: c.registrations.exists(""),
        lambda c: c.registrations.launch_link(""),
        lambda c: c.registrations.instances.list(""),
        lambda c: c.registrations.create(
            course_id="", registration_id="r", learner={"id": "l"}
        ),
        lambda c: c.registrations.create(
            course_id="c", registration_id="", learner={"id": "l"}
        ),
    ],
)
def test_empty_id_raises_before_any_request(
    client: ScormCloud, service: FakeService, call: Callable[[ScormCloud], object]
) -> None:
    with pytest.raises(ValueError, match="must be a non-empty id"):
        call(client)

    assert service.requests == []


def test_requests_use_basic_auth_and_json_headers(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"id": "c1"})

    client.courses.get("c1")

    token = base64.b64encode(b"app-id:secret-key").decode()
    assert service.last.headers["authorization"] == f"Basic {token}"
    assert service.last.headers["accept"] == "application/json"
    assert service.last.headers["user-agent"].startswith("scormcloud-python/")


def test_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, service: FakeService
) -> None:
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "env-app")
    monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", "env-secret")
    monkeypatch.setenv("SCORMCLOUD_BASE_URL", "http://localhost:9/mock/api/v2/")
    service.reply(json={"id": "c1"})

    client = make_client(service)
    client.courses.get("c1")

    assert client.base_url == "http://localhost:9/mock/api/v2"
    assert path_of(service.last) == "/mock/api/v2/courses/c1"
    expected = base64.b64encode(b"env-app:env-secret").decode()
    assert service.last.headers["authorization"] == f"Basic {expected}"


def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, service: FakeService
) -> None:
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "env-app")
    monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", "env-secret")

    service.reply(json={"id": "c1"})

    client = make_client(service, app_id="arg-app", secret_key="arg-secret")
    client.courses.get("c1")

    assert client.base_url == BASE_URL
    expected = base64.b64encode(b"arg-app:arg-secret").decode()
    assert service.last.headers["authorization"] == f"Basic {expected}"


def test_missing_credentials_name_the_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(MissingCredentialsError) as caught:
        ScormCloud()

    assert "SCORMCLOUD_APP_ID" in str(caught.value)
    assert "SCORMCLOUD_SECRET_KEY" in str(caught.value)
    assert isinstance(caught.value, scormcloud.ScormCloudError)


def test_missing_secret_alone_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "env-app")

    with pytest.raises(MissingCredentialsError) as caught:
        ScormCloud()

    assert "SCORMCLOUD_SECRET_KEY" in str(caught.value)
    assert "SCORMCLOUD_APP_ID" not in str(caught.value)


def test_transport_and_http_client_are_exclusive() -> None:
    with httpx.Client() as http_client, pytest.raises(ValueError):
        ScormCloud(
            app_id="a",
            secret_key="s",
            transport=httpx.MockTransport(lambda r: httpx.Response(200)),
            http_client=http_client,
        )


def test_a_supplied_http_client_is_used_and_left_open(service: FakeService) -> None:
    service.reply(json={"id": "c1"})
    http_client = httpx.Client(transport=httpx.MockTransport(service.handle))

    with ScormCloud(app_id="a", secret_key="s", http_client=http_client) as client:
        client.courses.get("c1")

    assert len(service.requests) == 1
    assert not http_client.is_closed
    http_client.close()


def test_close_closes_the_client_it_created(service: FakeService) -> None:
    client = make_client(service, app_id="a", secret_key="s")

    with client as entered:
        assert entered is client

    assert client._http.is_closed


def test_timeout_is_sent_with_every_request(service: FakeService) -> None:
    service.reply(json={"id": "c1"})
    client = ScormCloud(
        app_id="a",
        secret_key="s",
        transport=httpx.MockTransport(service.handle),
        timeout=7.5,
    )

    client.courses.get("c1")

    assert service.last.extensions["timeout"] == httpx.Timeout(7.5).as_dict()


@pytest.mark.parametrize(
    ("failure", "error_class"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
    ],
)
def test_transport_failures_become_connection_errors(
    failure: httpx.TransportError, error_class: type[APIConnectionError]
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    client = ScormCloud(
        app_id="a", secret_key="s", transport=httpx.MockTransport(fail), retries=0
    )

    with pytest.raises(error_class) as caught:
        client.courses.get("c1")

    assert caught.value.request.method == "GET"
    assert "GET /api/v2/courses/c1" in str(caught.value)
    assert caught.value.__cause__ is failure


def test_requests_are_logged_at_debug_without_secrets(
    client: ScormCloud, service: FakeService, caplog: pytest.LogCaptureFixture
) -> None:
    service.reply(json={"launchLink": "https://cloud.example/launch?secret-token"})
    caplog.set_level(logging.DEBUG, logger="scormcloud")

    client.registrations.launch_link("r1")

    assert [r.levelno for r in caplog.records] == [logging.DEBUG]
    assert caplog.records[0].getMessage() == (
        "POST /api/v2/registrations/r1/launchLink -> 200"
    )
    for forbidden in ("secret-key", "app-id", "secret-token", "Basic "):
        assert forbidden not in caplog.text


def test_no_handlers_are_attached_to_the_package_logger() -> None:
    assert logging.getLogger("scormcloud").handlers == []


def test_sdk_never_passes_app_to_httpx_clients() -> None:
    # httpx 0.28 removed Client(app=...); use transports instead.
    offending = [
        f"{path.name}:{number}"
        for path in SDK_SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\bapp\s*=", line)
    ]
    assert offending == []


def test_sdk_never_imports_the_mock() -> None:
    offending = [
        path.name
        for path in SDK_SOURCE.rglob("*.py")
        if "scormcloud_mock" in path.read_text()
    ]
    assert offending == []


def test_version_matches_the_installed_distribution() -> None:
    assert scormcloud.__version__ == importlib.metadata.version("scormcloud-sdk")
