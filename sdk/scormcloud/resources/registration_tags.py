"""Registration tags: `client.registrations.tags`."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import Field

from .._base_client import build_path, require_id
from .._models import Model, parse_response
from ._registration_params import tag_list

if TYPE_CHECKING:
    from .._client import ScormCloud


class _TagList(Model):
    tags: list[str] = Field(default_factory=list)


class RegistrationTags:
    """The tags of registrations: `client.registrations.tags`.

    Tags belong to the registration, not to one instance: a new instance keeps
    them.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def list(self, registration_id: str) -> builtins.list[str]:
        """Return a registration's tags.

        Raises:
            NotFoundError: The registration does not exist.
        """
        response = self._client._request("GET", _tags_path(registration_id))
        return parse_response(_TagList, response).tags

    def add(self, registration_id: str, tags: Iterable[str]) -> None:
        """Add tags to a registration; tags it already has stay once.

        Raises:
            NotFoundError: The registration does not exist.
        """
        body = {"tags": tag_list(tags)}
        self._client._request("PUT", _tags_path(registration_id), json=body)

    def remove(self, registration_id: str, tags: Iterable[str]) -> None:
        """Remove tags from a registration; tags it does not have are no error.

        The tags travel as a JSON body on DELETE, as the service expects.

        Raises:
            NotFoundError: The registration does not exist.
        """
        body = {"tags": tag_list(tags)}
        self._client._request("DELETE", _tags_path(registration_id), json=body)

    def add_to_registrations(
        self, registration_ids: Iterable[str], tags: Iterable[str]
    ) -> None:
        """Add the same tags to several registrations in one call.

        Raises:
            NotFoundError: A registration does not exist; none is changed.
        """
        ids = [require_id("registration_id", r) for r in registration_ids]
        body = {"ids": ids, "tags": tag_list(tags)}
        self._client._request("PUT", "/registrations/tags", json=body)


def _tags_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}/tags", registration_id=registration_id
    )
