"""Course and course-version settings: `client.courses.configuration`."""

from __future__ import annotations

from collections.abc import Mapping

from .._base_client import build_path
from .._resource import AsyncAPIResource, SyncAPIResource, copy_doc
from ..types.settings import SettingList
from ._settings_body import delete_setting, get_settings, set_settings


class CourseConfiguration(SyncAPIResource):
    """Settings of a course, or of one of its versions (pass `version`).

    A version's settings override the course's, which override the
    application's (see `client.application.configuration`).
    """

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
        call = get_settings(_path(course_id, version), include_metadata)
        return self._client._call(call)

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
        self._client._call(set_settings(_path(course_id, version), settings))

    def delete(
        self, course_id: str, setting_id: str, *, version: int | None = None
    ) -> None:
        """Clear a setting at this level, so it inherits again.

        A value set at another level stays there.

        Raises:
            BadRequestError: The setting id is not valid.
            NotFoundError: The course or version does not exist.
        """
        self._client._call(delete_setting(_path(course_id, version), setting_id))


class AsyncCourseConfiguration(AsyncAPIResource):
    """Settings of a course or course version, for the async client."""

    @copy_doc(CourseConfiguration.get)
    async def get(
        self,
        course_id: str,
        *,
        version: int | None = None,
        include_metadata: bool = False,
    ) -> SettingList:
        call = get_settings(_path(course_id, version), include_metadata)
        return await self._client._call(call)

    @copy_doc(CourseConfiguration.set)
    async def set(
        self, course_id: str, settings: Mapping[str, str], *, version: int | None = None
    ) -> None:
        await self._client._call(set_settings(_path(course_id, version), settings))

    @copy_doc(CourseConfiguration.delete)
    async def delete(
        self, course_id: str, setting_id: str, *, version: int | None = None
    ) -> None:
        call = delete_setting(_path(course_id, version), setting_id)
        await self._client._call(call)


def _path(course_id: str, version: int | None) -> str:
    if version is None:
        return build_path("/courses/{course_id}/configuration", course_id=course_id)
    return build_path(
        "/courses/{course_id}/versions/{version}/configuration",
        course_id=course_id,
        version=version,
    )
