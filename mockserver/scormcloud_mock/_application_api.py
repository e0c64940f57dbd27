"""Handlers for ``/appManagement/configuration``: the application level of settings.

The learning-standard sub-level (``learningStandard`` with ``singleSco``) is not
served; such calls answer 501 like any other call the mock does not implement.
"""

from __future__ import annotations

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._configuration import APPLICATION
from ._errors import BadRequestError, NotImplementedByMockError
from ._http import Call, json_response, no_content, route
from ._settings import SETTINGS
from ._settings_request import settings_body
from ._settings_wire import setting_list


def get_application_configuration(call: Call) -> Response:
    _refuse_learning_standard_level(call)
    with call.backend.lock:
        settings = call.backend.configuration.effective([APPLICATION])
    include_metadata = call.query_bool("includeMetadata")
    return json_response(setting_list(settings, include_metadata=include_metadata))


def set_application_configuration(call: Call) -> Response:
    _refuse_learning_standard_level(call)
    settings = settings_body(call.json_body())
    with call.backend.lock:
        call.backend.configuration.set(APPLICATION, settings)
    return no_content()


def delete_application_configuration_setting(call: Call, setting_id: str) -> Response:
    _refuse_learning_standard_level(call)
    # The application level words this refusal differently (Rustici Engine's text).
    if setting_id not in SETTINGS:
        raise BadRequestError(f"no such configuration setting '{setting_id}'")
    with call.backend.lock:
        call.backend.configuration.delete(APPLICATION, setting_id)
    return no_content()


def _refuse_learning_standard_level(call: Call) -> None:
    args = call.request.args
    if "learningStandard" in args or "singleSco" in args:
        raise NotImplementedByMockError(
            call.request.method, call.request.full_path.rstrip("?")
        )


ROUTES: list[Rule] = [
    route("GET", "/appManagement/configuration", get_application_configuration),
    route("POST", "/appManagement/configuration", set_application_configuration),
    route(
        "DELETE",
        "/appManagement/configuration/<setting_id>",
        delete_application_configuration_setting,
    ),
]
