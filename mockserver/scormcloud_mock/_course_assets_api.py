"""Handlers for the asset calls, on a course's latest version or a given one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._clock import wire_timestamp
from ._course_asset_store import MAX_ASSET_BYTES, AssetWrite, copy_stream
from ._course_assets import parse_policy
from ._course_files import file_response
from ._errors import BadRequestError
from ._fetch import FetchError, fetch
from ._http import Call, json_object, json_response, no_content, parse_int, route


def get_course_file_list(call: Call, course_id: str, version_id: str = "") -> Response:
    files = call.backend.courses.assets.list_assets(course_id, _version(version_id))
    items = [
        {"path": f.path, "size": f.size, "modified": wire_timestamp(f.modified)}
        for f in files
    ]
    return json_response({"files": items})


def get_course_asset(call: Call, course_id: str, version_id: str = "") -> Response:
    relative = call.query_str("relativePath", required=True) or ""
    path = call.backend.courses.assets.asset_path(
        course_id, relative, _version(version_id)
    )
    return file_response(path)


def delete_course_asset(call: Call, course_id: str, version_id: str = "") -> Response:
    relative = call.query_str("relativePath", required=True) or ""
    call.backend.courses.assets.delete_asset(course_id, relative, _version(version_id))
    return no_content()


def upload_course_asset_file(
    call: Call, course_id: str, version_id: str = ""
) -> Response:
    policy = parse_policy(call.query_str("updateAssetPolicy"))
    destination = call.request.form.get("destination")
    upload = call.request.files.get("file")
    if not destination:
        raise BadRequestError("The form field 'destination' is required")
    if upload is None:
        raise BadRequestError("The asset must be sent as a multipart part named 'file'")

    staged = _stage(
        call, lambda target: copy_stream(upload.stream, target, MAX_ASSET_BYTES)
    )
    written = call.backend.courses.assets.put_asset(
        course_id,
        destination,
        staged,
        filename=Path(upload.filename or destination).name,
        policy=policy,
        version=_version(version_id),
    )
    return json_response(_asset_file(written))


def import_course_asset_file(
    call: Call, course_id: str, version_id: str = ""
) -> Response:
    policy = parse_policy(call.query_str("updateAssetPolicy"))
    body = json_object(call.json_body(), "body")
    url, destination = body.get("fetchUrl"), body.get("destination")
    if not isinstance(url, str) or not url:
        raise BadRequestError(
            "body.fetchUrl is required and must be a non-empty string"
        )
    if not isinstance(destination, str) or not destination:
        raise BadRequestError(
            "body.destination is required and must be a non-empty string"
        )
    # Checked before fetching, so a refused call costs no download.
    call.backend.courses.assets.list_assets(course_id, _version(version_id))

    names: list[str] = []
    staged = _stage(call, lambda target: names.append(_fetch(call, url, target)))
    written = call.backend.courses.assets.put_asset(
        course_id,
        destination,
        staged,
        filename=names[0],
        policy=policy,
        version=_version(version_id),
    )
    return json_response(_asset_file(written))


def _fetch(call: Call, url: str, target: IO[bytes]) -> str:
    try:
        return fetch(
            url,
            target,
            transport=call.backend.options.fetch_transport,
            max_bytes=MAX_ASSET_BYTES,
        )
    except FetchError as error:
        raise BadRequestError(str(error)) from None


def _stage(call: Call, write: Callable[[IO[bytes]], object]) -> Path:
    """Run ``write(file)`` on a new staging file; return its path."""
    with call.backend.courses.assets.staging_file() as target:
        path = Path(target.name)
        try:
            write(target)
        except BaseException:
            target.close()
            path.unlink(missing_ok=True)
            raise
    return path


def _version(version_id: str) -> int | None:
    return parse_int(version_id, "versionId") if version_id else None


def _asset_file(written: AssetWrite) -> dict[str, str]:
    return {"filename": written.filename, "destination": written.destination}


def _routes(prefix: str) -> list[Rule]:
    return [
        route("GET", f"{prefix}/asset/list", get_course_file_list),
        route("GET", f"{prefix}/asset", get_course_asset),
        route("POST", f"{prefix}/asset", import_course_asset_file),
        route("POST", f"{prefix}/asset/upload", upload_course_asset_file),
        route("DELETE", f"{prefix}/asset", delete_course_asset),
    ]


ROUTES: list[Rule] = [
    *_routes("/courses/<course_id>"),
    *_routes("/courses/<course_id>/versions/<version_id>"),
]
