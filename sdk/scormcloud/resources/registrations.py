"""Registrations: creation, the list, progress, resets and launch links."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import NotFoundError
from .._resource import copy_doc
from ..types.registration import LaunchHistory, Learner, PostBack, Registration
from . import _registration_calls as calls
from ._params import detail_flags
from .registration_configuration import (
    AsyncRegistrationConfiguration,
    RegistrationConfiguration,
)
from .registration_instances import AsyncRegistrationInstances, RegistrationInstances
from .registration_list import AsyncRegistrationListing, RegistrationListing
from .registration_tags import AsyncRegistrationTags, RegistrationTags

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud


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
        body = calls.create_body(
            course_id=course_id,
            registration_id=registration_id,
            learner=learner,
            initial_registration_state=initial_registration_state,
            registration_tags=registration_tags,
            post_back=post_back,
            initial_settings=initial_settings,
            xapi_registration_id=xapi_registration_id,
        )
        self._client._call(calls.create(body, course_version))

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
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        return self._client._call(calls.get(registration_id, flags))

    def exists(self, registration_id: str) -> bool:
        """Return whether a registration exists.

        Raises:
            APIStatusError: The service answered with a status other than 200
                or 404.
        """
        try:
            self._client._call(calls.exists(registration_id))
        except NotFoundError:
            return False
        return True

    def delete(self, registration_id: str) -> None:
        """Delete a registration with all of its instances.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(calls.delete(registration_id))

    def reset_progress(self, registration_id: str) -> None:
        """Reset: remove the progress and launch history of the latest instance.

        The registration stays, with the same instance number, and moves to
        the course's newest version. Older instances keep their data.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(calls.delete(registration_id, "/progress"))

    def delete_global_data(self, registration_id: str) -> None:
        """Remove the registration's progress on global objectives.

        Raises:
            NotFoundError: The registration does not exist.
        """
        self._client._call(calls.delete(registration_id, "/globalData"))

    def get_launch_history(
        self, registration_id: str, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        """Return the launches of every instance, oldest first.

        Raises:
            NotFoundError: The registration does not exist (never an empty list).
        """
        call = calls.launch_history(registration_id, include_history_log)
        return self._client._call(call)

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
        request = calls.LaunchLinkRequest(
            expiry=expiry,
            redirect_on_exit_url=redirect_on_exit_url,
            tracking=tracking,
            start_sco=start_sco,
            culture=culture,
            css_url=css_url,
            learner_tags=calls.optional_tags(learner_tags),
            course_tags=calls.optional_tags(course_tags),
            registration_tags=calls.optional_tags(registration_tags),
            additionalvalues=calls.item_values(additional_values),
        )
        return self._client._call(calls.launch_link(registration_id, request))

    def test_postback(self, post_back: PostBack | Mapping[str, Any]) -> None:
        """Ask the service to send a postback with sample data to `post_back.url`.

        Raises:
            BadRequestError: The postback settings are not valid.
        """
        self._client._call(calls.test_postback(post_back))


class AsyncRegistrations(AsyncRegistrationListing):
    """Registration operations of the async client: `client.registrations`.

    Attributes:
        instances: The instances of a registration, one per course version
            the learner was moved to.
        tags: Registration tags.
        configuration: Registration and instance settings.
    """

    def __init__(self, client: AsyncScormCloud) -> None:
        self._client = client
        self.instances = AsyncRegistrationInstances(client)
        self.tags = AsyncRegistrationTags(client)
        self.configuration = AsyncRegistrationConfiguration(client)

    @copy_doc(Registrations.create)
    async def create(
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
        body = calls.create_body(
            course_id=course_id,
            registration_id=registration_id,
            learner=learner,
            initial_registration_state=initial_registration_state,
            registration_tags=registration_tags,
            post_back=post_back,
            initial_settings=initial_settings,
            xapi_registration_id=xapi_registration_id,
        )
        await self._client._call(calls.create(body, course_version))

    @copy_doc(Registrations.get)
    async def get(
        self,
        registration_id: str,
        *,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
    ) -> Registration:
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        return await self._client._call(calls.get(registration_id, flags))

    @copy_doc(Registrations.exists)
    async def exists(self, registration_id: str) -> bool:
        try:
            await self._client._call(calls.exists(registration_id))
        except NotFoundError:
            return False
        return True

    @copy_doc(Registrations.delete)
    async def delete(self, registration_id: str) -> None:
        await self._client._call(calls.delete(registration_id))

    @copy_doc(Registrations.reset_progress)
    async def reset_progress(self, registration_id: str) -> None:
        await self._client._call(calls.delete(registration_id, "/progress"))

    @copy_doc(Registrations.delete_global_data)
    async def delete_global_data(self, registration_id: str) -> None:
        await self._client._call(calls.delete(registration_id, "/globalData"))

    @copy_doc(Registrations.get_launch_history)
    async def get_launch_history(
        self, registration_id: str, *, include_history_log: bool = False
    ) -> builtins.list[LaunchHistory]:
        call = calls.launch_history(registration_id, include_history_log)
        return await self._client._call(call)

    @copy_doc(Registrations.launch_link)
    async def launch_link(
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
        request = calls.LaunchLinkRequest(
            expiry=expiry,
            redirect_on_exit_url=redirect_on_exit_url,
            tracking=tracking,
            start_sco=start_sco,
            culture=culture,
            css_url=css_url,
            learner_tags=calls.optional_tags(learner_tags),
            course_tags=calls.optional_tags(course_tags),
            registration_tags=calls.optional_tags(registration_tags),
            additionalvalues=calls.item_values(additional_values),
        )
        return await self._client._call(calls.launch_link(registration_id, request))

    @copy_doc(Registrations.test_postback)
    async def test_postback(self, post_back: PostBack | Mapping[str, Any]) -> None:
        await self._client._call(calls.test_postback(post_back))
