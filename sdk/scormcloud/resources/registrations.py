"""Registrations: creation, progress, instances and launch links."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._base_client import build_path, require_id
from .._exceptions import NotFoundError, ScormCloudError
from .._models import Model, parse_response
from ..types.registration import Learner, Registration

if TYPE_CHECKING:
    from .._client import ScormCloud


class _CreateRegistration(Model):
    course_id: str
    registration_id: str
    learner: Learner
    initial_registration_state: Registration | None = None


class _LaunchLinkRequest(Model):
    expiry: int
    redirect_on_exit_url: str
    tracking: bool | None = None
    start_sco: str | None = None
    culture: str | None = None
    css_url: str | None = None


class _LaunchLink(Model):
    launch_link: str


class _RegistrationList(Model):
    registrations: list[Registration]
    more: str | None = None


class Registrations:
    """Registration operations: `client.registrations`.

    Attributes:
        instances: The instances of a registration, one per course version
            the learner was moved to.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client
        self.instances = RegistrationInstances(client)

    def create(
        self,
        *,
        course_id: str,
        registration_id: str,
        learner: Learner | Mapping[str, Any],
        course_version: int | None = None,
        initial_registration_state: Registration | Mapping[str, Any] | None = None,
    ) -> None:
        """Register a learner for a course.

        Args:
            course_id: The course to register for.
            registration_id: Your id for the new registration.
            learner: The learner; a mapping may use snake_case or camelCase keys.
            course_version: Bind the registration to this version instead of
                the latest one.
            initial_registration_state: Progress to start from.

        Raises:
            BadRequestError: The registration id is in use, or the course does
                not exist.
        """
        body = _CreateRegistration.model_validate(
            {
                "course_id": require_id("course_id", course_id),
                "registration_id": require_id("registration_id", registration_id),
                "learner": learner,
                "initial_registration_state": initial_registration_state,
            }
        )
        params = (
            {} if course_version is None else {"courseVersion": str(course_version)}
        )
        self._client._request(
            "POST", "/registrations", params=params, json=body.to_wire()
        )

    def get(self, registration_id: str) -> Registration:
        """Return the progress of a registration's latest instance.

        Raises:
            NotFoundError: The registration does not exist.
        """
        path = _registration_path(registration_id)
        return parse_response(Registration, self._client._request("GET", path))

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
        )
        path = build_path(
            "/registrations/{registration_id}/launchLink",
            registration_id=registration_id,
        )
        response = self._client._request("POST", path, json=body.to_wire())
        return parse_response(_LaunchLink, response).launch_link


class RegistrationInstances:
    """Instances of a registration: `client.registrations.instances`."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def list(self, registration_id: str) -> builtins.list[Registration]:
        """Return every instance of a registration, following all pages.

        Raises:
            NotFoundError: The registration does not exist.
        """
        path = build_path(
            "/registrations/{registration_id}/instances",
            registration_id=registration_id,
        )
        instances: builtins.list[Registration] = []
        params: dict[str, str] = {}
        while True:
            response = self._client._request("GET", path, params=params)
            page = parse_response(_RegistrationList, response)
            instances.extend(page.registrations)
            if not page.more:
                return instances

            # The same token twice in a row would loop forever; fail loudly instead.
            if page.more == params.get("more"):
                raise ScormCloudError(f"The service repeated page token {page.more!r}")
            # Follow-up pages take the token alone; it carries the original filters.
            params = {"more": page.more}

    def get(self, registration_id: str, instance: int) -> Registration:
        """Return the progress of one instance of a registration.

        Args:
            registration_id: The registration's id.
            instance: The instance number, counted from 0.

        Raises:
            NotFoundError: The registration or instance does not exist.
        """
        path = build_path(
            "/registrations/{registration_id}/instances/{instance}",
            registration_id=registration_id,
            instance=instance,
        )
        return parse_response(Registration, self._client._request("GET", path))


def _registration_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}", registration_id=registration_id
    )
