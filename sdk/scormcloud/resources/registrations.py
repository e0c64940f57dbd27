"""Registrations: creation, the list, progress, resets and launch links."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .._base_client import build_path, require_id
from .._exceptions import NotFoundError
from .._models import Model, parse_response
from ..types.registration import (
    LaunchHistory,
    Learner,
    PostBack,
    Registration,
)
from ._registration_params import detail_flags, include_flags, tag_list
from .registration_configuration import RegistrationConfiguration
from .registration_instances import RegistrationInstances
from .registration_list import RegistrationListing
from .registration_tags import RegistrationTags

if TYPE_CHECKING:
    from .._client import ScormCloud


class _Setting(Model):
    setting_id: str
    value: str


class _Settings(Model):
    settings: list[_Setting]


class _CreateRegistration(Model):
    course_id: str
    registration_id: str
    learner: Learner
    xapi_registration_id: str | None = None
    registration_tags: list[str] | None = None
    post_back: PostBack | None = None
    initial_registration_state: Registration | None = None
    initial_settings: _Settings | None = None


class _ItemValue(Model):
    item: str
    value: str


class _LaunchLinkRequest(Model):
    expiry: int
    redirect_on_exit_url: str
    tracking: bool | None = None
    start_sco: str | None = None
    culture: str | None = None
    css_url: str | None = None
    learner_tags: list[str] | None = None
    course_tags: list[str] | None = None
    registration_tags: list[str] | None = None
    # The service spells this one in lower case.
    additionalvalues: list[_ItemValue] | None = Field(
        default=None, alias="additionalvalues"
    )


class _LaunchLink(Model):
    launch_link: str


class _LaunchHistoryList(Model):
    launch_history: list[LaunchHistory] = Field(default_factory=list)


class Registrations(RegistrationListing):
    """Registration operations: `client.registrations`.

    Attributes:
        instances: The instances of a registration, one per course version
            the learner was moved to.
        tags: Registration tags.
        configuration: Registration and instance settings.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client
        self.instances = RegistrationInstances(client)
        self.tags = RegistrationTags(client)
        self.configuration = RegistrationConfiguration(client)

    def create(
        self,
        *,
        course_id: str,
        registration_id: str,
        learner: Learner | Mapping[str, Any],
        course_version: int | None = None,
        initial_registration_state: Registration | Mapping[str, Any] | None = None,
        registration_tags: Iterable[str] | None = None,
        post_back: PostBack | Mapping[str, Any] | None = None,
        initial_settings: Mapping[str, str] | None = None,
        xapi_registration_id: str | None = None,
    ) -> None:
        """Register a learner for a course.

        Args:
            course_id: The course to register for.
            registration_id: Your id for the new registration.
            learner: The learner; a mapping may use snake_case or camelCase keys.
            course_version: Bind the registration to this version instead of
                the latest one.
            initial_registration_state: Progress to start from.
            registration_tags: Tags for the new registration.
            post_back: Where to post the registration's results when they change.
            initial_settings: Registration-level settings, setting id to value.
            xapi_registration_id: A UUID; the service assigns one otherwise.

        Raises:
            BadRequestError: The registration id is in use, the course does
                not exist, or a value is not valid.
        """
        settings = None
        if initial_settings is not None:
            settings = {
                "settings": [
                    {"setting_id": key, "value": str(value)}
                    for key, value in initial_settings.items()
                ]
            }
        body = _CreateRegistration.model_validate(
            {
                "course_id": require_id("course_id", course_id),
                "registration_id": require_id("registration_id", registration_id),
                "learner": learner,
                "xapi_registration_id": xapi_registration_id,
                "registration_tags": None
                if registration_tags is None
                else tag_list(registration_tags),
                "post_back": post_back,
                "initial_registration_state": initial_registration_state,
                "initial_settings": settings,
            }
        )
        params = (
            {} if course_version is None else {"courseVersion": str(course_version)}
        )
        self._client._request(
            "POST", "/registrations", params=params, json=body.to_wire()
        )

    def get(
        self,
        registration_id: str,
        *,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> Registration:
        """Return the progress of a registration's latest instance.

        Args:
            registration_id: The registration's id.
            include_child_results: Add `activity_details`, the activity tree
                with each activity's results.
            include_interactions_and_objectives: Add objectives, and with
                `include_runtime` the SCOs' interactions and objectives.
            include_runtime: Add each SCO's runtime data.

        Raises:
            NotFoundError: The registration does not exist.
        """
        params = detail_flags(
            child_results=include_child_results,
            interactions_and_objectives=include_interactions_and_objectives,
            runtime=include_runtime,
        )
        path = _registration_path(registration_id)
        response = self._client._request("GET", path, params=params)
        return parse_response(Registration, response)

    def exists(self, registration_id: str) -> bool:
        """Return whether a registration exists.

        Raises:
            APIStatusError: The service answered with a status other than 200
                or 404.
        """
        try:
            self._client._request("HEAD", _registration_path(registration_id))
        except NotFoundError:
            return False
        return True

    def delete(self, registration_id: str) -> None:
        """Delete a registration with all of its instances.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._request("DELETE", _registration_path(registration_id))

    def reset_progress(self, registration_id: str) -> None:
        """Reset: remove the progress and launch history of the latest instance.

        The registration stays, with the same instance number, and moves to
        the course's newest version. Older instances keep their data.

        Raises:
            NotFoundError: The registration does not exist.
        """
        path = _registration_path(registration_id) + "/progress"
        self._client._request("DELETE", path)

    def delete_global_data(self, registration_id: str) -> None:
        """Remove the registration's progress on global objectives.

        Raises:
            NotFoundError: The registration does not exist.
        """
        path = _registration_path(registration_id) + "/globalData"
        self._client._request("DELETE", path)

    def get_launch_history(
        self, registration_id: str, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        """Return the launches of every instance, oldest first.

        Raises:
            NotFoundError: The registration does not exist (never an empty list).
        """
        path = _registration_path(registration_id) + "/launchHistory"
        params = include_flags(includeHistoryLog=include_history_log)
        response = self._client._request("GET", path, params=params)
        return parse_response(_LaunchHistoryList, response).launch_history

    def launch_link(
        self,
        registration_id: str,
        *,
        redirect_on_exit_url: str = "message",
        expiry: int = 120,
        tracking: bool | None = None,
        start_sco: str | None = None,
        culture: str | None = None,
        css_url: str | None = None,
        learner_tags: Iterable[str] | None = None,
        course_tags: Iterable[str] | None = None,
        registration_tags: Iterable[str] | None = None,
        additional_values: Mapping[str, str] | None = None,
    ) -> str:
        """Build a link that launches the registration in a browser.

        Treat the link as a secret until it expires: anyone holding it can
        launch the course as the learner.

        Args:
            registration_id: The registration to launch.
            redirect_on_exit_url: Where the player goes on exit: a URL, or one
                of the keywords "closer", "blank" and "message".
            expiry: Seconds until the link expires (the service allows 10-300).
            tracking: False to avoid tracking progress; the service tracks by
                default.
            start_sco: The SCO to start at, overriding normal sequencing.
            culture: The player's interface language, e.g. "en-US".
            css_url: A style sheet for the player.
            learner_tags: Tags for the learner, applied at launch.
            course_tags: Tags for the course, applied at launch.
            registration_tags: Tags for the registration, applied at launch.
            additional_values: Extra item/value pairs for the player.

        Returns:
            The launch link.

        Raises:
            NotFoundError: The registration does not exist.
            BadRequestError: An option is out of range or not a valid URL.
        """
        body = _LaunchLinkRequest(
            expiry=expiry,
            redirect_on_exit_url=redirect_on_exit_url,
            tracking=tracking,
            start_sco=start_sco,
            culture=culture,
            css_url=css_url,
            learner_tags=_optional_tags(learner_tags),
            course_tags=_optional_tags(course_tags),
            registration_tags=_optional_tags(registration_tags),
            additionalvalues=None
            if additional_values is None
            else [
                _ItemValue(item=item, value=value)
                for item, value in additional_values.items()
            ],
        )
        path = _registration_path(registration_id) + "/launchLink"
        response = self._client._request("POST", path, json=body.to_wire())
        return parse_response(_LaunchLink, response).launch_link

    def test_postback(self, post_back: PostBack | Mapping[str, Any]) -> None:
        """Ask the service to send a postback with sample data to `post_back.url`.

        Raises:
            BadRequestError: The postback settings are not valid.
        """
        body = PostBack.model_validate(post_back)
        self._client._request(
            "POST", "/registrations/postBackTest", json=body.to_wire()
        )


def _optional_tags(tags: Iterable[str] | None) -> builtins.list[str] | None:
    return None if tags is None else tag_list(tags)


def _registration_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}", registration_id=registration_id
    )
