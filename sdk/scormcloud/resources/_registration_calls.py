"""The calls of `client.registrations`, shared by the sync and async resources.

They build requests and read answers; sending them is the resources' job.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import Field

from .._base_client import build_path, require_id
from .._models import Model, parse_response
from .._resource import Call, no_content, returns
from ..types.registration import LaunchHistory, Learner, PostBack, Registration
from ._params import include_flags, tag_list


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


class _LaunchLink(Model):
    launch_link: str


class _LaunchHistoryList(Model):
    launch_history: list[LaunchHistory] = Field(default_factory=list)


class _ItemValue(Model):
    item: str
    value: str


class LaunchLinkRequest(Model):
    """``LaunchLinkRequestSchema``; build it with keyword arguments."""

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


def create_body(
    *,
    course_id: str,
    registration_id: str,
    learner: Learner | Mapping[str, Any],
    initial_registration_state: Registration | Mapping[str, Any] | None,
    registration_tags: Iterable[str] | None,
    post_back: PostBack | Mapping[str, Any] | None,
    initial_settings: Mapping[str, str] | None,
    xapi_registration_id: str | None,
) -> dict[str, Any]:
    """The ``CreateRegistrationSchema`` JSON of `registrations.create`."""
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
            "registration_tags": optional_tags(registration_tags),
            "post_back": post_back,
            "initial_registration_state": initial_registration_state,
            "initial_settings": settings,
        }
    )
    return body.to_wire()


def item_values(
    values: Mapping[str, str] | None,
) -> list[_ItemValue] | None:
    """Extra launch values as the service's item/value pairs."""
    if values is None:
        return None
    return [_ItemValue(item=item, value=value) for item, value in values.items()]


def optional_tags(tags: Iterable[str] | None) -> list[str] | None:
    return None if tags is None else tag_list(tags)


def registration_path(registration_id: str) -> str:
    return build_path(
        "/registrations/{registration_id}", registration_id=registration_id
    )


def create(body: dict[str, Any], course_version: int | None) -> Call[None]:
    params = {} if course_version is None else {"courseVersion": str(course_version)}
    return Call("POST", "/registrations", no_content, params=params, json=body)


def get(registration_id: str, flags: dict[str, str]) -> Call[Registration]:
    path = registration_path(registration_id)
    return Call("GET", path, returns(Registration), params=flags)


def exists(registration_id: str) -> Call[None]:
    # HEAD answers carry no body, so nothing is decoded.
    return Call("HEAD", registration_path(registration_id), no_content)


def delete(registration_id: str, part: str = "") -> Call[None]:
    return Call("DELETE", registration_path(registration_id) + part, no_content)


def launch_history(
    registration_id: str, include_history_log: bool
) -> Call[builtins.list[LaunchHistory]]:
    path = registration_path(registration_id) + "/launchHistory"
    params = include_flags(includeHistoryLog=include_history_log)
    return Call(
        "GET",
        path,
        lambda response: parse_response(_LaunchHistoryList, response).launch_history,
        params=params,
    )


def launch_link(registration_id: str, request: LaunchLinkRequest) -> Call[str]:
    path = registration_path(registration_id) + "/launchLink"
    return Call(
        "POST",
        path,
        lambda response: parse_response(_LaunchLink, response).launch_link,
        json=request.to_wire(),
    )


def test_postback(post_back: PostBack | Mapping[str, Any]) -> Call[None]:
    body = PostBack.model_validate(post_back).to_wire()
    return Call("POST", "/registrations/postBackTest", no_content, json=body)
