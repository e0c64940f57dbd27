"""Course and course-version settings: `client.courses.configuration`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._base_client import build_path
from .._models import parse_response
from ..types.settings import SettingList
from ._settings_body import include_metadata_param, settings_post

if TYPE_CHECKING:
    from .._client import ScormCloud


class CourseConfiguration:
    """Settings of a course, or of one of its versions (pass `version`).

    A version's settings override the course's, which override the
    application's (see `client.application.configuration`).
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def get(
        self,
        course_id: str,
        *,
        version: int | None = None,
        include_metadata: bool = False,
    ) -> SettingList:
        """Return the effective settings; unset ones show the value they inherit.

        Each item's `effective_value_source` names the level its value comes
        from (a version's own values report `course`).

        Args:
            course_id: The course's id.
            version: A version number, for that version's settings.
            include_metadata: Also describe each setting (`metadata`).

        Raises:
            NotFoundError: The course or version does not exist.
        """
        params = include_metadata_param(include_metadata)
        response = self._client._request(
            "GET", _path(course_id, version), params=params
        )
        return parse_response(SettingList, response)

    def set(
        self, course_id: str, settings: Mapping[str, str], *, version: int | None = None
    ) -> None:
        """Set settings explicitly, overriding inherited values.

        Args:
            course_id: The course's id.
            settings: Setting ids mapped to values, for example
                `{RESTART_SETTING_ID: RestartPolicy.ALWAYS}`.
            version: Set them on this version only.

        Raises:
            BadRequestError: A setting id or value is not valid; none is set.
        """
        self._client._request(
            "POST", _path(course_id, version), json=settings_post(settings)
        )

    def delete(
        self, course_id: str, setting_id: str, *, version: int | None = None
    ) -> None:
        """Clear a setting at this level, so it inherits again.

        A value set at another level stays there.

        Raises:
            BadRequestError: The setting id is not valid.
            NotFoundError: The course or version does not exist.
        """
        path = _path(course_id, version) + build_path(
            "/{setting_id}", setting_id=setting_id
        )
        self._client._request("DELETE", path)


def _path(course_id: str, version: int | None) -> str:
    if version is None:
        return build_path("/courses/{course_id}/configuration", course_id=course_id)
    return build_path(
        "/courses/{course_id}/versions/{version}/configuration",
        course_id=course_id,
        version=version,
    )
