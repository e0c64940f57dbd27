"""``scormcloud-mock``: run the mock as a standalone server."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import click
import httpx

from ._mock import MockScormCloud
from ._persistence import PersistenceError


@click.group()
def main() -> None:
    """A stateful mock of the SCORM Cloud REST API v2."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=0, show_default=True, help="Port; 0 picks a free one.")
@click.option(
    "--app-id", default=None, help="Accept only this app id (with --secret-key)."
)
@click.option("--secret-key", default=None, help="Secret key that goes with --app-id.")
@click.option(
    "--import-job-running-polls",
    default=1,
    show_default=True,
    help="Status reads an import job answers RUNNING before it finishes.",
)
@click.option(
    "--restart-requires-completion/--restart-on-success-alone",
    default=True,
    show_default=True,
    help="Whether 'When Failed' and 'When Passed' also need a complete registration.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Keep all state here across restarts (created if missing).",
)
def serve(
    host: str,
    port: int,
    app_id: str | None,
    secret_key: str | None,
    import_job_running_polls: int,
    restart_requires_completion: bool,
    data_dir: str | None,
) -> None:
    """Serve the API under /api/v2 until interrupted."""
    if (app_id is None) != (secret_key is None):
        raise click.UsageError("--app-id and --secret-key go together")

    # One access line per request, from the server's own logger.
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        mock = MockScormCloud(
            app_id=app_id,
            secret_key=secret_key,
            import_job_running_polls=import_job_running_polls,
            restart_requires_completion=restart_requires_completion,
            data_dir=data_dir,
        )
    except PersistenceError as error:
        raise click.ClickException(str(error)) from None
    server = mock.serve(host=host, port=port)
    click.echo(server.base_url, nl=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        mock.close()


def _server_options(command: Callable[..., None]) -> Callable[..., None]:
    """--url, and the credentials a server started with --app-id wants."""
    options = [
        click.option(
            "--url",
            envvar="SCORMCLOUD_BASE_URL",
            required=True,
            help="The running mock's base URL, e.g. http://127.0.0.1:8080/api/v2.",
        ),
        click.option("--app-id", envvar="SCORMCLOUD_APP_ID", default=None),
        click.option("--secret-key", envvar="SCORMCLOUD_SECRET_KEY", default=None),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@_server_options
def reset(url: str, app_id: str | None, secret_key: str | None) -> None:
    """Forget all state of a running mock server."""
    _control(url, "POST", "reset", _auth(app_id, secret_key))
    click.echo(f"reset {url}")


@main.command()
@_server_options
def state(url: str, app_id: str | None, secret_key: str | None) -> None:
    """Print a running mock server's courses and registrations as JSON."""
    response = _control(url, "GET", "state", _auth(app_id, secret_key))
    click.echo(json.dumps(response.json(), indent=2, sort_keys=True))


def _auth(app_id: str | None, secret_key: str | None) -> tuple[str, str] | None:
    return (app_id, secret_key) if app_id and secret_key else None


def _control(
    url: str, method: str, endpoint: str, auth: tuple[str, str] | None
) -> httpx.Response:
    """Call one of a running mock's ``/__mock__/`` control endpoints."""
    root = url.rstrip("/").removesuffix("/api/v2")
    try:
        response = httpx.request(
            method, f"{root}/__mock__/{endpoint}", auth=auth, timeout=10
        )
    except httpx.TransportError as error:
        raise click.ClickException(
            f"no mock server answered at {url}: {error}"
        ) from None
    if response.status_code != 200:
        raise click.ClickException(f"{url} refused {endpoint} ({response.status_code})")
    return response
