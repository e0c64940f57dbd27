"""Registration tags: `client.registrations.tags`."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from pydantic import Field

from .._base_client import build_path, require_id
from .._models import Model, parse_response
from .._resource import AsyncAPIResource, Call, SyncAPIResource, copy_doc, no_content
from ._params import tag_list


class _TagList(Model):
    tags: list[str] = Field(default_factory=list)


class RegistrationTags(SyncAPIResource):
    """The tags of registrations: `client.registrations.tags`.

    Tags belong to the registration, not to one instance: a new instance keeps
    them.
    """

    def list(self, registration_id: str) -> builtins.list[str]:
        """Return a registration's tags.

        Raises:
            NotFoundError: The registration does not exist.
        """
        return self._client._call(_list(registration_id))

    def add(self, registration_id: str, tags: Iterable[str]) -> None:
        """Add tags to a registration; tags it already has stay once.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(_change("PUT", registration_id, tags))

    def remove(self, registration_id: str, tags: Iterable[str]) -> None:
        """Remove tags from a registration; tags it does not have are no error.

        The tags travel as a JSON body on DELETE, as the service expects.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(_change("DELETE", registration_id, tags))

    def add_to_registrations(
        self, registration_ids: Iterable[str], tags: Iterable[str]
    ) -> None:
        """Add the same tags to several registrations in one call.

        Raises:
            NotFoundError: A registration does not exist; none is changed.
        """
        self._client._call(_add_to_registrations(registration_ids, tags))


class AsyncRegistrationTags(AsyncAPIResource):
    """The tags of registrations, for the async client."""

    @copy_doc(RegistrationTags.list)
    async def list(self, registration_id: str) -> builtins.list[str]:
        return await self._client._call(_list(registration_id))

    @copy_doc(RegistrationTags.add)
    async def add(self, registration_id: str, tags: Iterable[str]) -> None:
        await self._client._call(_change("PUT", registration_id, tags))

    @copy_doc(RegistrationTags.remove)
    async def remove(self, registration_id: str, tags: Iterable[str]) -> None:
        await self._client._call(_change("DELETE", registration_id, tags))

    @copy_doc(RegistrationTags.add_to_registrations)
    async def add_to_registrations(
        self, registration_ids: Iterable[str], tags: Iterable[str]
    ) -> None:
        await self._client._call(_add_to_registrations(registration_ids, tags))


def _tags_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}/tags", registration_id=registration_id
    )


def _list(registration_id: str) -> Call[builtins.list[str]]:
    return Call(
        "GET",
        _tags_path(registration_id),
        lambda response: parse_response(_TagList, response).tags,
    )


def _change(method: str, registration_id: str, tags: Iterable[str]) -> Call[None]:
    body = {"tags": tag_list(tags)}
    return Call(method, _tags_path(registration_id), no_content, json=body)


def _add_to_registrations(
    registration_ids: Iterable[str], tags: Iterable[str]
) -> Call[None]:
    ids = [require_id("registration_id", r) for r in registration_ids]
    body = {"ids": ids, "tags": tag_list(tags)}
    return Call("PUT", "/registrations/tags", no_content, json=body)
