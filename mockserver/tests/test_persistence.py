"""``data_dir``: state survives a restart, a reset empties it, a crash loses nothing.

The crash test kills a real ``scormcloud-mock serve`` with SIGKILL in the middle of
a write load and checks that every write it answered with a 2xx is still there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from course_zips import import_tiny, tiny_package, upload
from mock_http import BASE_URL, create_registration

from scormcloud_mock import MockScormCloud, PersistenceError
from scormcloud_mock import _persistence as persistence

RESTART = "WhenToRestartRegistration"
ODD_ID = "reg/1 ü?#%"
SIGKILL = getattr(signal, "SIGKILL", signal.SIGTERM)


@contextmanager
def _http(mock: MockScormCloud) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=BASE_URL, transport=mock.transport(), auth=("app", "secret")
    ) as client:
        yield client


def _build_state(http: httpx.Client, mock: MockScormCloud) -> str:
    """Two versions with files, tags, settings, a registration with history."""
    import_tiny(http, "golf", "First")
    job = upload(
        http, "golf", tiny_package("Second", extra__a="v1"), mayCreateNewVersion="true"
    )
    assert job["status"] == "COMPLETE", job
    http.put("/courses/golf/tags", json={"tags": ["kept"]}).raise_for_status()
    _set(http, "/courses/golf/configuration", "NEVER")
    create_registration(http, ODD_ID, "golf", courseVersion=0).raise_for_status()
    quoted = f"/registrations/{quote(ODD_ID, safe='')}"
    mock.launch(ODD_ID)
    mock.commit_runtime(ODD_ID, {"cmi.core.lesson_status": "passed"}, terminate=True)
    http.post(f"{quoted}/instances").raise_for_status()
    mock.commit_runtime(ODD_ID, {"cmi.core.score.raw": "42"})
    _set(http, f"{quoted}/configuration", "WHEN_EXISTING_REG_IS_COMPLETE")
    mock.clock.advance(30)
    link = http.post(f"{quoted}/launchLink", json={"expiry": 300})
    link.raise_for_status()
    launch_link: str = link.json()["launchLink"]
    return launch_link


def _set(http: httpx.Client, path: str, value: str) -> httpx.Response:
    body = {"settings": [{"settingId": RESTART, "value": value}]}
    response = http.post(path, json=body)
    response.raise_for_status()
    return response


def _reserved(http: httpx.Client, path: str) -> str:
    """The URL of one of the mock's own ``/__mock__/`` endpoints."""
    root = str(http.base_url).rstrip("/").removesuffix("/api/v2")
    return f"{root}/__mock__/{path.lstrip('/')}"


def _observe(http: httpx.Client) -> dict[str, Any]:
    """What a client can see, minus the clock's reading."""
    quoted = f"/registrations/{quote(ODD_ID, safe='')}"
    state = http.get(_reserved(http, "state")).json()
    del state["now"]
    return {
        "state": state,
        "versions": http.get("/courses/golf/versions").json(),
        "v0 files": http.get("/courses/golf/versions/0/asset/list").json(),
        "v1 file": http.get(
            "/courses/golf/versions/1/asset", params={"relativePath": "extra/a"}
        ).content,
        "tags": http.get("/courses/golf/tags").json(),
        "course settings": http.get("/courses/golf/configuration").json(),
        "settings": http.get(f"{quoted}/instances/1/configuration").json(),
    }


def test_a_mock_reopened_on_its_data_dir_has_everything(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path / "data") as first, _http(first) as http:
        link = _build_state(http, first)
        token = first.client().oauth.create_token(
            ["read"], expiry=first.clock.now().replace(year=2100)
        )
        before = _observe(http)
        clock = first.clock.offset

    with MockScormCloud(data_dir=tmp_path / "data") as second, _http(second) as http:
        assert _observe(http) == before
        assert second.clock.offset == clock
        assert http.get(link).status_code == 200
        bearer = {"Authorization": f"Bearer {token}"}
        assert http.get("/courses/golf", auth=None, headers=bearer).status_code == 200
        # The link's launch was written too.
        assert len(second.dump_state()["registrations"][0]["instances"]) == 2


def test_reset_empties_the_data_dir(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path) as first, _http(first) as http:
        _build_state(http, first)
        first.reset()

    with MockScormCloud(data_dir=tmp_path) as second:
        assert second.dump_state()["courses"] == []
        assert second.dump_state()["registrations"] == []
    assert list((tmp_path / "files").iterdir()) == []


def test_deleted_courses_stay_deleted_with_their_files(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path) as first, _http(first) as http:
        _build_state(http, first)
        assert http.delete("/courses/golf/versions/1").status_code == 204
        assert http.delete("/courses/golf").status_code == 204

    with MockScormCloud(data_dir=tmp_path) as second:
        assert second.dump_state()["courses"] == []
        assert second.dump_state()["registrations"] == []
    assert list((tmp_path / "files" / "courses").glob("*/*")) == []


def test_a_torn_journal_entry_and_stray_files_are_dropped(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path) as first, _http(first) as http:
        import_tiny(http, "golf")
        create_registration(http, "reg", "golf").raise_for_status()
        expected = first.dump_state()["registrations"]
    # What a crash mid-write leaves: half an entry, an unnamed folder, a staged file.
    with open(tmp_path / "state" / "journal", "ab") as journal:
        journal.write(b"\x40\x00\x00\x00\x01\x02\x03\x04half")
    (tmp_path / "files" / "courses" / "7" / "0").mkdir(parents=True)
    (tmp_path / "files" / "staging" / "upload.tmp").write_bytes(b"partial")

    with MockScormCloud(data_dir=tmp_path) as second, _http(second) as http:
        assert second.dump_state()["registrations"] == expected
        create_registration(http, "after", "golf").raise_for_status()
    assert not (tmp_path / "files" / "courses" / "7" / "0").exists()
    assert list((tmp_path / "files" / "staging").iterdir()) == []
    with MockScormCloud(data_dir=tmp_path) as third:
        assert len(third.dump_state()["registrations"]) == 2


def test_a_growing_journal_is_folded_into_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(persistence, "_COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(persistence, "_COMPACT_FACTOR", 0)
    with MockScormCloud(data_dir=tmp_path) as first, _http(first) as http:
        import_tiny(http, "golf")
        for n in range(3):
            create_registration(http, f"reg-{n}", "golf").raise_for_status()
        assert (tmp_path / "state" / "journal").stat().st_size == 0

    with MockScormCloud(data_dir=tmp_path) as second:
        assert len(second.dump_state()["registrations"]) == 3


def test_a_folder_of_another_format_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    MockScormCloud(data_dir=tmp_path).close()
    monkeypatch.setattr(persistence, "FORMAT", persistence.FORMAT + 1)

    with pytest.raises(PersistenceError, match="another version"):
        MockScormCloud(data_dir=tmp_path)


def test_one_data_dir_serves_one_mock_at_a_time(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path):
        with pytest.raises(PersistenceError, match="in use"):
            MockScormCloud(data_dir=tmp_path)
    MockScormCloud(data_dir=tmp_path).close()


def test_a_moved_data_dir_is_refused_not_emptied(tmp_path: Path) -> None:
    with MockScormCloud(data_dir=tmp_path / "here") as first, _http(first) as http:
        import_tiny(http, "golf")
    (tmp_path / "here").rename(tmp_path / "there")

    for _ in range(2):  # the refusal leaves the folder free to open again
        with pytest.raises(PersistenceError, match="moved"):
            MockScormCloud(data_dir=tmp_path / "there")
    assert list((tmp_path / "there" / "files" / "courses").glob("*/*")) != []


@contextmanager
def _server(data_dir: Path) -> Iterator[tuple[subprocess.Popen[str], httpx.Client]]:
    """``scormcloud-mock serve --data-dir`` in a child process, and a client."""
    command = [sys.executable, "-m", "scormcloud_mock", "serve", "--port", "0"]
    with subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            base_url = process.stdout.readline().strip()
            assert base_url.startswith("http://127.0.0.1:"), base_url
            with httpx.Client(
                base_url=base_url, auth=("app", "secret"), timeout=10
            ) as http:
                yield process, http
        finally:
            process.kill()


def test_the_server_keeps_everything_across_restarts(tmp_path: Path) -> None:
    with _server(tmp_path) as (process, http):
        import_tiny(http, "golf", "First")
        import_tiny(http, "golf", "Second", mayCreateNewVersion="true")
        create_registration(http, ODD_ID, "golf").raise_for_status()
        quoted = f"/registrations/{quote(ODD_ID, safe='')}"
        runtime = {"values": {"cmi.core.lesson_status": "failed"}}
        commit = _reserved(http, f"{quoted}/runtime")
        http.post(commit, json=runtime).raise_for_status()
        http.post(f"{quoted}/instances").raise_for_status()
        before = http.get(_reserved(http, "state")).json()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)

    with _server(tmp_path) as (_, http):
        after = http.get(_reserved(http, "state")).json()
    assert after["registrations"] == before["registrations"]
    assert after["courses"] == before["courses"]


class _WriteLoad:
    """Threads that write as fast as they can and note every acknowledged write."""

    def __init__(self, http: httpx.Client, threads: int) -> None:
        self._http = http
        self._lock = threading.Lock()
        self.acknowledged: list[tuple[str, str, str]] = []
        self._threads = [
            threading.Thread(target=self._run, args=(n,)) for n in range(threads)
        ]

    def __enter__(self) -> _WriteLoad:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        for thread in self._threads:
            thread.join(timeout=20)

    def _run(self, worker: int) -> None:
        for n in range(100_000):
            registration = f"load-{worker}-{n}"
            writes = [
                ("created", "/registrations", _registration_body(registration)),
                ("score", self._simulate(registration), _score(n)),
                ("setting", f"/registrations/{registration}/configuration", _rule(n)),
            ]
            for kind, path, body in writes:
                try:
                    response = self._http.post(path, json=body)
                except httpx.TransportError:
                    return  # the server is gone
                if not response.is_success:
                    return
                with self._lock:
                    self.acknowledged.append((kind, registration, str(n)))

    def _simulate(self, registration: str) -> str:
        return _reserved(self._http, f"registrations/{registration}/runtime")

    def count(self) -> int:
        with self._lock:
            return len(self.acknowledged)


def _registration_body(registration: str) -> dict[str, Any]:
    return {"courseId": "golf", "registrationId": registration, "learner": {"id": "l"}}


def _score(n: int) -> dict[str, Any]:
    return {"values": {"cmi.core.score.raw": str(n % 100)}}


def _rule(n: int) -> dict[str, Any]:
    value = "NEVER" if n % 2 else "WHEN_EXISTING_REG_IS_COMPLETE"
    return {"settings": [{"settingId": RESTART, "value": value}]}


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_sigkill_during_a_write_load_loses_no_acknowledged_write(
    tmp_path: Path,
) -> None:
    with _server(tmp_path) as (process, http):
        import_tiny(http, "golf")
        with _WriteLoad(http, threads=4) as load:
            deadline = time.monotonic() + 5
            while load.count() < 60 and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(process.pid, SIGKILL)
        process.wait(timeout=10)
    assert load.count() >= 60, "the load was too slow to prove anything"

    with _server(tmp_path) as (_, http):
        for kind, registration, n in load.acknowledged:
            _assert_kept(http, kind, registration, int(n))


def _assert_kept(http: httpx.Client, kind: str, registration: str, n: int) -> None:
    if kind == "created":
        assert http.get(f"/registrations/{registration}").status_code == 200
    elif kind == "score":
        progress = http.get(f"/registrations/{registration}").json()
        assert progress["score"]["scaled"] == n % 100, registration
    else:
        body = http.get(f"/registrations/{registration}/configuration").json()
        setting = next(s for s in body["settingItems"] if s["id"] == RESTART)
        assert setting["explicitValue"] == _rule(n)["settings"][0]["value"]
