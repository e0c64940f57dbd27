"""Instances of a registration: `client.registrations.instances`."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import datetime

from pydantic import Field

from .._base_client import build_path
from .._models import Model, parse_response
from .._resource import (
    AsyncAPIResource,
    Call,
    SyncAPIResource,
    copy_doc,
    no_content,
    page_calls,
    returns,
)
from ..pagination import AsyncPaginator, Page, Paginator
from ..types.registration import LaunchHistory, Registration
from ._params import detail_flags, include_flags, list_params
from .registration_list import parse_registration_page


class _LaunchHistoryList(Model):
    launch_history: list[LaunchHistory] = Field(default_factory=list)


class RegistrationInstances(SyncAPIResource):
    """Instances of a registration: `client.registrations.instances`.

    Each instance is bound to one course version and holds its own progress.
    """

    def list(
        self,
        registration_id: str,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> builtins.list[Registration]:
        """Return every instance of a registration, following all pages.

        A registration has one instance per course version it moved to, so
        the list is short and is returned whole.

        Args:
            registration_id: The registration's id.
            since: Only instances updated at or after this moment.
            until: Only instances updated up to this moment.
            include_child_results: Add `activity_details` with child activities.
            include_interactions_and_objectives: Add objectives and interactions.
            include_runtime: Add each SCO's runtime data.

        Raises:
            NotFoundError: The registration does not exist.
            RepeatedPageTokenError: The service sent a page token twice.
        """
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        calls = _pages(registration_id, since, until, flags)
        return builtins.list(Paginator(lambda more: self._client._call(calls(more))))

    def get(
        self,
        registration_id: str,
        instance: int,
        *,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> Registration:
        """Return the progress of one instance of a registration.

        Args:
            registration_id: The registration's id.
            instance: The instance number, counted from 0.
            include_child_results: Add `activity_details` with child activities.
            include_interactions_and_objectives: Add objectives and interactions.
            include_runtime: Add each SCO's runtime data.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        return self._client._call(_get(registration_id, instance, flags))

    def create(self, registration_id: str) -> None:
        """Start a new instance on the course's newest version, with no progress.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(_create(registration_id))

    def delete(self, registration_id: str, instance: int) -> None:
        """Delete one instance; deleting the last one deletes the registration.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        self._client._call(_delete(registration_id, instance))

    def get_launch_history(
        self, registration_id: str, instance: int, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        """Return the launches of one instance, oldest first.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        call = _launch_history(registration_id, instance, include_history_log)
        return self._client._call(call)


class AsyncRegistrationInstances(AsyncAPIResource):
    """Instances of a registration, for the async client."""

    @copy_doc(RegistrationInstances.list)
    async def list(
        self,
        registration_id: str,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> builtins.list[Registration]:
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        calls = _pages(registration_id, since, until, flags)
        pages = AsyncPaginator(lambda more: self._client._call(calls(more)))
        return [instance async for instance in pages]

    @copy_doc(RegistrationInstances.get)
    async def get(
        self,
        registration_id: str,
        instance: int,
        *,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> Registration:
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        return await self._client._call(_get(registration_id, instance, flags))

    @copy_doc(RegistrationInstances.create)
    async def create(self, registration_id: str) -> None:
        await self._client._call(_create(registration_id))

    @copy_doc(RegistrationInstances.delete)
    async def delete(self, registration_id: str, instance: int) -> None:
        await self._client._call(_delete(registration_id, instance))

    @copy_doc(RegistrationInstances.get_launch_history)
    async def get_launch_history(
        self, registration_id: str, instance: int, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        call = _launch_history(registration_id, instance, include_history_log)
        return await self._client._call(call)


def _instances_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}/instances", registration_id=registration_id
    )


def _instance_path(registration_id: str, instance: int) -> str:
    return build_path(
        "/registrations/{registration_id}/instances/{instance}",
        registration_id=registration_id,
        instance=instance,
    )


def _pages(
    registration_id: str,
    since: datetime | str | None,
    until: datetime | str | None,
    flags: dict[str, str],
) -> Callable[[str | None], Call[Page[Registration]]]:
    # Built now, so that a bad id fails at the call rather than at iteration.
    path = _instances_path(registration_id)
    first = {**list_params(since=since, until=until), **flags}
    return page_calls(path, parse_registration_page, first, flags)


def _get(
    registration_id: str, instance: int, flags: dict[str, str]
) -> Call[Registration]:
    path = _instance_path(registration_id, instance)
    return Call("GET", path, returns(Registration), params=flags)


def _create(registration_id: str) -> Call[None]:
    return Call("POST", _instances_path(registration_id), no_content)


def _delete(registration_id: str, instance: int) -> Call[None]:
    return Call("DELETE", _instance_path(registration_id, instance), no_content)


def _launch_history(
    registration_id: str, instance: int, include_history_log: bool
) -> Call[builtins.list[LaunchHistory]]:
    path = _instance_path(registration_id, instance) + "/launchHistory"
    params = include_flags(includeHistoryLog=include_history_log)
    return Call(
        "GET",
        path,
        lambda response: parse_response(_LaunchHistoryList, response).launch_history,
        params=params,
    )
