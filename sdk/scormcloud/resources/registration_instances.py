"""Instances of a registration: `client.registrations.instances`."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._base_client import build_path
from .._exceptions import ScormCloudError
from .._models import Model, parse_response
from ..types.registration import LaunchHistory, Registration
from ._registration_params import detail_flags, include_flags, list_params

if TYPE_CHECKING:
    from .._client import ScormCloud


class _RegistrationList(Model):
    registrations: list[Registration] = Field(default_factory=list)
    more: str | None = None


class _LaunchHistoryList(Model):
    launch_history: list[LaunchHistory] = Field(default_factory=list)


class RegistrationInstances:
    """Instances of a registration: `client.registrations.instances`.

    Each instance is bound to one course version and holds its own progress.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

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

        Args:
            registration_id: The registration's id.
            since: Only instances updated at or after this moment.
            until: Only instances updated up to this moment.
            include_child_results: Add `activity_details` with child activities.
            include_interactions_and_objectives: Add objectives and interactions.
            include_runtime: Add each SCO's runtime data.

        Raises:
            NotFoundError: The registration does not exist.
        """
        path = _instances_path(registration_id)
        flags = detail_flags(
            child_results=include_child_results,
            interactions_and_objectives=include_interactions_and_objectives,
            runtime=include_runtime,
        )
        params = {**list_params(since=since, until=until), **flags}
        instances: builtins.list[Registration] = []
        while True:
            response = self._client._request("GET", path, params=params)
            page = parse_response(_RegistrationList, response)
            instances.extend(page.registrations)
            if not page.more:
                return instances

            # The same token twice in a row would loop forever; fail loudly instead.
            if page.more == params.get("more"):
                raise ScormCloudError(f"The service repeated page token {page.more!r}")
            # Follow-up pages take the token instead of the filters it carries.
            params = {"more": page.more, **flags}

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
        params = detail_flags(
            child_results=include_child_results,
            interactions_and_objectives=include_interactions_and_objectives,
            runtime=include_runtime,
        )
        path = _instance_path(registration_id, instance)
        response = self._client._request("GET", path, params=params)
        return parse_response(Registration, response)

    def create(self, registration_id: str) -> None:
        """Start a new instance on the course's newest version, with no progress.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._request("POST", _instances_path(registration_id))

    def delete(self, registration_id: str, instance: int) -> None:
        """Delete one instance; deleting the last one deletes the registration.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        self._client._request("DELETE", _instance_path(registration_id, instance))

    def get_launch_history(
        self, registration_id: str, instance: int, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        """Return the launches of one instance, oldest first.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        path = _instance_path(registration_id, instance) + "/launchHistory"
        params = include_flags(includeHistoryLog=include_history_log)
        response = self._client._request("GET", path, params=params)
        return parse_response(_LaunchHistoryList, response).launch_history


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
