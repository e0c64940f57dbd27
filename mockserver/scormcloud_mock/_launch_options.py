"""The body of ``POST /registrations/{id}/launchLink`` (``LaunchLinkRequestSchema``).

Every option is checked before a link exists; a bad one is a 400 naming it. What was
accepted is kept with the link, shown by the player, and echoed in the link itself as
opaque query data, so a test can prove each option arrived.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ._errors import BadRequestError
from ._http import json_object, optional_str

#: The launch-link expiry SCORM Cloud accepts, in seconds.
EXPIRY_RANGE = range(10, 301)
DEFAULT_EXPIRY = 120
REDIRECT_KEYWORDS = frozenset({"closer", "blank", "message"})
_TAG_LISTS = ("learnerTags", "courseTags", "registrationTags")


@dataclass(frozen=True)
class LaunchOptions:
    expiry: int
    redirect_on_exit_url: str | None
    #: The other accepted options, by their wire names, in a stable order.
    options: tuple[tuple[str, Any], ...]

    def echo(self) -> str:
        """The accepted options as opaque (base64url JSON) link query data."""
        state = {"expiry": self.expiry, **dict(self.options)}
        if self.redirect_on_exit_url is not None:
            state["redirectOnExitUrl"] = self.redirect_on_exit_url
        raw = json.dumps(state, sort_keys=True, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def parse_launch_options(body: Any) -> LaunchOptions:
    body = json_object(body, "body")
    options: dict[str, Any] = {}
    for key in ("startSco", "culture"):
        value = optional_str(body, key, "body")
        if value is not None:
            options[key] = value
    css_url = optional_str(body, "cssUrl", "body")
    if css_url is not None:
        options["cssUrl"] = _checked_url(css_url, "body.cssUrl")
    tracking = body.get("tracking")
    if tracking is not None:
        if not isinstance(tracking, bool):
            raise BadRequestError("body.tracking must be true or false")
        options["tracking"] = tracking
    for key in _TAG_LISTS:
        if body.get(key) is not None:
            options[key] = string_list(body[key], f"body.{key}")
    if body.get("additionalvalues") is not None:
        options["additionalvalues"] = _item_values(body["additionalvalues"])
    if body.get("launchAuth") is not None:
        options["launchAuth"] = json_object(body["launchAuth"], "body.launchAuth")

    return LaunchOptions(
        expiry=_expiry(body.get("expiry", DEFAULT_EXPIRY)),
        redirect_on_exit_url=_redirect(optional_str(body, "redirectOnExitUrl", "body")),
        options=tuple(sorted(options.items())),
    )


def string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BadRequestError(f"{where} must be a list of non-empty strings")
    return list(value)


def _expiry(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequestError("body.expiry must be an integer number of seconds")
    if value not in EXPIRY_RANGE:
        raise BadRequestError(f"expiry {value} is out of range (10 to 300 seconds)")
    return value


def _redirect(value: str | None) -> str | None:
    # An empty value means "the configured default" to the service.
    if value is None or value == "" or value.lower() in REDIRECT_KEYWORDS:
        return value.lower() if value else value
    return _checked_url(value, "body.redirectOnExitUrl")


def _checked_url(value: str, where: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequestError(f"{where} '{value}' is not a valid url")
    return value


def _item_values(value: Any) -> list[dict[str, str]]:
    where = "body.additionalvalues"
    if not isinstance(value, list):
        raise BadRequestError(f"{where} must be a list of {{item, value}} objects")
    pairs = []
    for entry in value:
        entry = json_object(entry, f"{where}[]")
        item = optional_str(entry, "item", f"{where}[]")
        text = optional_str(entry, "value", f"{where}[]")
        if not item or text is None:
            raise BadRequestError(f"{where}[] needs a string item and value")
        pairs.append({"item": item, "value": text})
    return pairs
