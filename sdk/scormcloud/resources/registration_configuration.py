"""Registration and instance settings: `client.registrations.configuration`."""

from __future__ import annotations

from collections.abc import Mapping

from .._base_client import build_path
from .._resource import AsyncAPIResource, SyncAPIResource, copy_doc
from ..types.settings import SettingList
from ._settings_body import delete_setting, get_settings, set_settings


class RegistrationConfiguration(SyncAPIResource):
    """Settings of a registration, or of one of its instances.

    Registrations are the lowest level of the configuration hierarchy: what is
    set here is what a launch uses. Pass `instance` to address one instance.
    """

    def get(
        self,
        registration_id: str,
        *,
        instance: int | None = None,
        include_metadata: bool = False,
    ) -> SettingList:
        """Return the effective settings; unset ones show what they inherit.

        Args:
            registration_id: The registration's id.
            instance: An instance number, for that instance's settings.
            include_metadata: Also describe each setting (`metadata`).

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        call = get_settings(_path(registration_id, instance), include_metadata)
        return self._client._call(call)

    def set(
        self,
        registration_id: str,
        settings: Mapping[str, str],
        *,
        instance: int | None = None,
    ) -> None:
        """Set settings explicitly, overriding inherited values.

        Args:
            registration_id: The registration's id.
            settings: Setting ids mapped to values.
            instance: An instance number, to set them on that instance only.

        Raises:
            BadRequestError: A setting id or value is not valid.
        """
        call = set_settings(_path(registration_id, instance), settings)
        self._client._call(call)

    def delete(
        self, registration_id: str, setting_id: str, *, instance: int | None = None
    ) -> None:
        """Clear a setting at this level, so it inherits again.

        Raises:
            BadRequestError: The setting id is not valid.
        """
        call = delete_setting(_path(registration_id, instance), setting_id)
        self._client._call(call)


class AsyncRegistrationConfiguration(AsyncAPIResource):
    """Settings of a registration or instance, for the async client."""

    @copy_doc(RegistrationConfiguration.get)
    async def get(
        self,
        registration_id: str,
        *,
        instance: int | None = None,
        include_metadata: bool = False,
    ) -> SettingList:
        call = get_settings(_path(registration_id, instance), include_metadata)
        return await self._client._call(call)

    @copy_doc(RegistrationConfiguration.set)
    async def set(
        self,
        registration_id: str,
        settings: Mapping[str, str],
        *,
        instance: int | None = None,
    ) -> None:
        call = set_settings(_path(registration_id, instance), settings)
        await self._client._call(call)

    @copy_doc(RegistrationConfiguration.delete)
    async def delete(
        self, registration_id: str, setting_id: str, *, instance: int | None = None
    ) -> None:
        call = delete_setting(_path(registration_id, instance), setting_id)
        await self._client._call(call)


def _path(registration_id: str, instance: int | None) -> str:
    if instance is None:
        return build_path(
            "/registrations/{registration_id}/configuration",
            registration_id=registration_id,
        )
    return build_path(
        "/registrations/{registration_id}/instances/{instance}/configuration",
        registration_id=registration_id,
        instance=instance,
    )
