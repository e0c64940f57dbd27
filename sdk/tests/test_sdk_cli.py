"""The `scormcloud` command line against a mock server: output and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from scormcloud._cli.commands import cli
from scormcloud_mock import MockServer

Run = Callable[..., Result]

PACKAGES = Path(__file__).resolve().parents[2] / "examples" / "packages"
GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_V2 = PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"


@pytest.fixture
def run(scormcloud_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> Run:
    base_url = scormcloud_server.base_url
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "app")
    monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", "secret")
    monkeypatch.setenv("SCORMCLOUD_BASE_URL", base_url)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_versioning_from_the_shell(run: Run) -> None:
    imported = run("courses", "import", "golf", str(GOLF))
    refused = run("courses", "import", "golf", str(GOLF_V2))
    second = run("--json", "courses", "import", "golf", str(GOLF_V2), "--new-version")
    versions = run("--json", "courses", "versions", "golf")

    assert imported.exit_code == 0, imported.output
    assert "SCORM20043RDEDITION" in imported.output
    assert refused.exit_code == 1
    assert "A course already exists" in refused.output
    assert json.loads(second.output)["version"] == 1
    assert [v["version"] for v in json.loads(versions.output)] == [0, 1]


def test_registrations_instances_and_launch_links(run: Run) -> None:
    run("courses", "import", "golf", str(GOLF))
    created = run("registrations", "create", "golf", "r1", "--learner-id", "ada")
    run("courses", "import", "golf", str(GOLF_V2), "--new-version")
    policy = "WhenToRestartRegistration=WHEN_NEWER_PACKAGE_VERSION_EXISTS"
    settings = run("--json", "courses", "settings", "golf", policy)
    link = run("registrations", "launch-link", "r1").output.strip()

    assert httpx.get(link).status_code == 200
    instances = json.loads(run("--json", "registrations", "instances", "r1").output)
    assert created.exit_code == 0 and "Registration r1" in created.output
    items = {i["id"]: i for i in json.loads(settings.output)["settingItems"]}
    assert items["WhenToRestartRegistration"]["effectiveValueSource"] == "course"
    assert [(i["instance"], i["course"]["version"]) for i in instances] == [
        (0, 0),
        (1, 1),
    ]


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (("registrations", "show", "nope"), 5, "not found: Registration ID 'nope'"),
        (
            ("courses", "settings", "golf", "no-equals-sign"),
            1,
            "expected SETTING=VALUE",
        ),
    ],
)
def test_failures_are_one_line_with_their_exit_code(
    run,
    args: tuple[str, ...],
    code: int,
    text: str,
) -> None:
    run("courses", "import", "golf", str(GOLF))
    result = run(*args)
    assert result.exit_code == code
    assert text in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_ping_tells_bad_credentials_url_and_connection_apart(
    scormcloud_server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url = scormcloud_server.base_url
    monkeypatch.delenv("SCORMCLOUD_BASE_URL", raising=False)

    def ping(base: str, secret: str | None = "secret") -> Result:
        monkeypatch.setenv("SCORMCLOUD_APP_ID", "app")
        if secret is None:
            monkeypatch.delenv("SCORMCLOUD_SECRET_KEY", raising=False)
        else:
            monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", secret)
        return CliRunner().invoke(cli, ["--base-url", base, "ping"])

    ok = ping(base_url)
    no_secret = ping(base_url, None)
    wrong_path = ping(base_url.removesuffix("/api/v2"))
    closed = ping("http://127.0.0.1:9/api/v2")
    v1 = ping("https://cloud.scorm.com/api?method=rustici.debug.ping")

    assert (ok.exit_code, ok.output.startswith("OK")) == (0, True)
    assert (no_secret.exit_code, "SCORMCLOUD_SECRET_KEY" in no_secret.output) == (
        2,
        True,
    )
    assert (wrong_path.exit_code, "check the base URL" in wrong_path.output) == (
        4,
        True,
    )
    assert (closed.exit_code, "connection error" in closed.output) == (3, True)
    assert (v1.exit_code, "v1 API" in v1.output) == (4, True)


@pytest.mark.scormcloud(app_id="app", secret_key="right")
def test_ping_reports_a_wrong_secret(
    scormcloud_server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "app")
    monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", "wrong")
    base_url = scormcloud_server.base_url
    result = CliRunner().invoke(cli, ["--base-url", base_url, "ping"])
    assert result.exit_code == 2
    assert "authentication failed (401)" in result.output


def test_apply_a_sparse_zip(run: Run, tmp_path: Path) -> None:
    run(
        "courses",
        "import",
        "golf",
        str(PACKAGES / "golf_scorm12_runtime_basic_calls.zip"),
    )
    sparse = PACKAGES / "variants/sparse_asset_overwrite_Playing_Playing.html.zip"

    result = run("courses", "apply-zip", "golf", str(sparse))
    as_json = json.loads(
        run("--json", "courses", "apply-zip", "golf", str(sparse)).output
    )

    assert result.exit_code == 0, result.output
    assert "updated Playing/Playing.html" in result.output
    assert as_json["manifestChanged"] is False
