"""Registration and instance settings: `client.registrations.configuration`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._base_client import build_path
from .._models import parse_response
from ..types.settings import SettingList
from ._registration_params import include_flags

if TYPE_CHECKING:
    from .._client import ScormCloud


class RegistrationConfiguration:
    """Settings of a registration, or of one of its instances.

    Registrations are the lowest level of the configuration hierarchy: what is
    set here is what a launch uses. Pass `instance` to address one instance.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

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
        params = include_flags(includeMetadata=include_metadata)
        path = _path(registration_id, instance)
        response = self._client._request("GET", path, params=params)
        return parse_response(SettingList, response)

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
        body = {
            "settings": [
                {"settingId": setting_id, "value": str(value)}
                for setting_id, value in settings.items()
            ]
        }
        self._client._request("POST", _path(registration_id, instance), json=body)

    def delete(
        self, registration_id: str, setting_id: str, *, instance: int | None = None
    ) -> None:
        """Clear a setting at this level, so it inherits again.

        Raises:
            BadRequestError: The setting id is not valid.
        """
        path = _path(registration_id, instance) + build_path(
            "/{setting_id}", setting_id=setting_id
        )
        self._client._request("DELETE", path)


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
