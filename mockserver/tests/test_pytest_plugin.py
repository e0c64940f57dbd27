"""The pytest plugin, exercised the way a user's test suite would use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = (
    Path(__file__).resolve().parents[2]
    / "examples/packages/golf_scorm12_runtime_basic_calls.zip"
)


def test_fixtures_give_each_test_a_fresh_mock(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        f"""
        import pytest
        from scormcloud import NotFoundError

        PACKAGE = {str(PACKAGE)!r}

        def test_import(scormcloud_client):
            assert scormcloud_client.courses.import_and_wait("c", PACKAGE).version == 0

        def test_state_does_not_leak(scormcloud_client):
            with pytest.raises(NotFoundError):
                scormcloud_client.courses.get("c")

        def test_the_client_uses_the_mock(scormcloud_mock, scormcloud_client):
            scormcloud_client.courses.import_and_wait("c", PACKAGE)
            assert scormcloud_mock.backend.courses.get_course("c").latest.version == 0
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=3)


def test_async_client_fixture_is_served_by_the_mock(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        f"""
        import pytest
        from scormcloud import AsyncScormCloud, NotFoundError

        PACKAGE = {str(PACKAGE)!r}

        @pytest.fixture
        def anyio_backend():
            return "asyncio"

        @pytest.mark.anyio
        @pytest.mark.scormcloud(import_job_running_polls=0)
        async def test_import(async_scormcloud_client, scormcloud_mock):
            client = async_scormcloud_client
            assert isinstance(client, AsyncScormCloud)
            assert (await client.courses.import_and_wait("c", PACKAGE)).version == 0
            assert scormcloud_mock.backend.courses.get_course("c").latest.version == 0

        @pytest.mark.anyio
        async def test_fresh_state_and_no_retries(async_scormcloud_client):
            with pytest.raises(NotFoundError):
                await async_scormcloud_client.courses.get("c")
            assert async_scormcloud_client._retry_policy.max_retries == 0

        def test_sync_and_async_share_the_mock(
            scormcloud_client, async_scormcloud_client
        ):
            scormcloud_client.courses.import_and_wait("c", PACKAGE)
            course = asyncio_run(async_scormcloud_client.courses.get("c"))
            assert course.id == "c"

        def asyncio_run(coroutine):
            import asyncio

            return asyncio.run(coroutine)
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=3)


def test_marker_options_reach_the_mock(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.scormcloud(import_job_running_polls=4)
        def test_polls(scormcloud_mock):
            assert scormcloud_mock.backend.options.import_job_running_polls == 4

        @pytest.mark.scormcloud(app_id="app", secret_key="key")
        def test_credentials(scormcloud_mock, scormcloud_client):
            assert scormcloud_mock.app.credentials == ("app", "key")
            assert scormcloud_client.registrations.exists("nobody") is False
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=2)


def test_server_is_shared_and_reset_between_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        f"""
        import httpx
        import pytest

        PACKAGE = {str(PACKAGE)!r}
        seen = []

        def _import(base_url):
            with open(PACKAGE, "rb") as file:
                return httpx.post(
                    base_url + "/courses/importJobs/upload",
                    params={{"courseId": "c"}},
                    files={{"file": ("golf.zip", file)}},
                    auth=("a", "b"),
                )

        @pytest.mark.parametrize("run", [1, 2])
        def test_fresh_each_time(scormcloud_server, run):
            seen.append(scormcloud_server.base_url)
            assert scormcloud_server.base_url.startswith("http://127.0.0.1:")
            # A leftover course from the first run would make this a 400.
            assert _import(scormcloud_server.base_url).status_code == 200

        def test_one_server_for_the_session():
            assert len(set(seen)) == 1

        @pytest.mark.scormcloud(app_id="app", secret_key="key")
        def test_options_get_their_own_server(scormcloud_server):
            assert scormcloud_server.base_url not in seen
            assert _import(scormcloud_server.base_url).status_code == 401
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=4)


def test_no_fixture_is_autouse(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_plain(request):
            ours = {
                "scormcloud_mock",
                "scormcloud_client",
                "async_scormcloud_client",
                "scormcloud_server",
            }
            assert not ours & set(request.fixturenames)
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=1)


def test_plugin_loads_without_the_mock_extra() -> None:
    # Simulate an install without werkzeug: the plugin module must still import.
    code = (
        "import sys; sys.modules['werkzeug'] = None; "
        "import scormcloud_mock.pytest_plugin"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert result.returncode == 0, result.stderr
