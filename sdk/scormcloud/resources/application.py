"""The application's own settings: `client.application.configuration`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, copy_doc
from ..types.settings import SettingList
from ._settings_body import delete_setting, get_settings, set_settings

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud

_PATH = "/appManagement/configuration"


class Application:
    """Application management: `client.application`.

    Attributes:
        configuration: Settings at the application level, inherited by every
            course and registration that does not set them.
    """

    def __init__(self, client: ScormCloud) -> None:
        self.configuration = ApplicationConfiguration(client)


class ApplicationConfiguration(SyncAPIResource):
    """Application-level settings: `client.application.configuration`."""

    def get(self, *, include_metadata: bool = False) -> SettingList:
        """Return the application's effective settings.

        Args:
            include_metadata: Also describe each setting (`metadata`).
        """
        return self._client._call(get_settings(_PATH, include_metadata))

    def set(self, settings: Mapping[str, str]) -> None:
        """Set settings for the whole application.

        Raises:
            BadRequestError: A setting id or value is not valid; none is set.
        """
        self._client._call(set_settings(_PATH, settings))

    def delete(self, setting_id: str) -> None:
        """Clear an application-level setting, so it takes its default again.

        Raises:
            BadRequestError: The setting id is not valid.
        """
        self._client._call(delete_setting(_PATH, setting_id))


class AsyncApplication:
    """Application management for the async client: `client.application`."""

    def __init__(self, client: AsyncScormCloud) -> None:
        self.configuration = AsyncApplicationConfiguration(client)


class AsyncApplicationConfiguration(AsyncAPIResource):
    """Application-level settings, for the async client."""

    @copy_doc(ApplicationConfiguration.get)
    async def get(self, *, include_metadata: bool = False) -> SettingList:
        return await self._client._call(get_settings(_PATH, include_metadata))

    @copy_doc(ApplicationConfiguration.set)
    async def set(self, settings: Mapping[str, str]) -> None:
        await self._client._call(set_settings(_PATH, settings))

    @copy_doc(ApplicationConfiguration.delete)
    async def delete(self, setting_id: str) -> None:
        await self._client._call(delete_setting(_PATH, setting_id))
