"""The application's own settings: `client.application.configuration`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._base_client import build_path
from .._models import parse_response
from ..types.settings import SettingList
from ._settings_body import include_metadata_param, settings_post

if TYPE_CHECKING:
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


class ApplicationConfiguration:
    """Application-level settings: `client.application.configuration`."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def get(self, *, include_metadata: bool = False) -> SettingList:
        """Return the application's effective settings.

        Args:
            include_metadata: Also describe each setting (`metadata`).
        """
        params = include_metadata_param(include_metadata)
        response = self._client._request("GET", _PATH, params=params)
        return parse_response(SettingList, response)

    def set(self, settings: Mapping[str, str]) -> None:
        """Set settings for the whole application.

        Raises:
            BadRequestError: A setting id or value is not valid; none is set.
        """
        self._client._request("POST", _PATH, json=settings_post(settings))

    def delete(self, setting_id: str) -> None:
        """Clear an application-level setting, so it takes its default again.

        Raises:
            BadRequestError: The setting id is not valid.
        """
        path = build_path(_PATH + "/{setting_id}", setting_id=setting_id)
        self._client._request("DELETE", path)
