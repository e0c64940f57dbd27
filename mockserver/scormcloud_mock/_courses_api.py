"""Handlers for ``/courses/...``: the course list, courses, titles, tags, zips."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _course_wire as wire
from ._course_files import zip_response
from ._course_query import CourseQuery, decode_token, encode_token
from ._errors import BadRequestError
from ._http import Call, json_object, json_response, no_content, required_str, route
from ._records import Course, CourseVersion


def get_courses(call: Call) -> Response:
    """One page of the course list; later pages come from the ``more`` token."""
    query, offset = _course_query(call)
    matching = query.select(call.backend.courses.list_courses())
    page_size = call.backend.options.page_size
    page = matching[offset : offset + page_size]

    body: dict[str, object] = {
        "courses": [
            _course_json(
                call,
                course,
                None,
                metadata=query.include_course_metadata,
                count=query.include_registration_count,
            )
            for course in page
        ]
    }
    if offset + page_size < len(matching):
        body["more"] = encode_token(query, offset + page_size)
    response = json_response(body)
    if offset == 0 and call.query_bool("includeTotalCount"):
        response.headers["X-Total-Count"] = str(len(matching))
    return response


def _course_query(call: Call) -> tuple[CourseQuery, int]:
    args = call.request.args
    token = args.get("more")
    if token is not None:
        given = sorted(name for name in _LIST_FILTERS if name in args)
        if given:
            raise BadRequestError(
                "No other filter parameters can be sent with 'more' "
                f"(got {', '.join(given)})"
            )
        return decode_token(token)

    query = CourseQuery(
        since=args.get("since"),
        until=args.get("until"),
        datetime_filter=args.get("datetimeFilter", "updated"),
        tags=csv_values(args.getlist("tags")),
        filter=args.get("filter") or None,
        filter_by=args.get("filterBy", "course_id"),
        order_by=args.get("orderBy", "created_desc"),
        include_course_metadata=call.query_bool("includeCourseMetadata"),
        include_registration_count=call.query_bool("includeRegistrationCount"),
    )
    return query, 0


_LIST_FILTERS = (
    "since",
    "until",
    "datetimeFilter",
    "tags",
    "filter",
    "filterBy",
    "orderBy",
)


def csv_values(values: list[str]) -> tuple[str, ...]:
    """Tags sent comma-separated, as repeated parameters, or both."""
    tags = (tag.strip() for value in values for tag in value.split(","))
    return tuple(tag for tag in tags if tag)


def get_course(call: Call, course_id: str) -> Response:
    course = call.backend.courses.get_course(course_id)
    return json_response(course_json(call, course))


def course_json(
    call: Call, course: Course, version: CourseVersion | None = None
) -> dict[str, object]:
    """``CourseSchema`` of a course (or one version) with what the flags ask for."""
    return _course_json(
        call,
        course,
        version,
        metadata=call.query_bool("includeCourseMetadata"),
        count=call.query_bool("includeRegistrationCount"),
    )


def _course_json(
    call: Call,
    course: Course,
    version: CourseVersion | None,
    *,
    metadata: bool,
    count: bool,
) -> dict[str, object]:
    # A course counts all its registrations; a version those currently on it.
    number = None if version is None else version.version
    registration_count = None
    if count:
        registrations = call.backend.registrations
        registration_count = registrations.count_registrations(course.course_id, number)
    return wire.course(
        course,
        version or course.latest,
        registration_count=registration_count,
        include_metadata=metadata,
    )


def delete_course(call: Call, course_id: str) -> Response:
    call.backend.delete_course(course_id)
    return no_content()


def set_course_title(call: Call, course_id: str) -> Response:
    body = json_object(call.json_body(), "body")
    title = required_str(body, "title", "body")
    call.backend.courses.set_title(course_id, title)
    return no_content()


def get_course_tags(call: Call, course_id: str) -> Response:
    return json_response(wire.tag_list(call.backend.courses.get_tags(course_id)))


def put_course_tags(call: Call, course_id: str) -> Response:
    tags = _tags(json_object(call.json_body(), "body"), "body")
    call.backend.courses.add_tags([course_id], tags)
    return no_content()


def delete_course_tags(call: Call, course_id: str) -> Response:
    tags = _tags(json_object(call.json_body(), "body"), "body")
    call.backend.courses.remove_tags(course_id, tags)
    return no_content()


def put_course_tags_batch(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    ids = body.get("ids")
    if not isinstance(ids, list) or not ids:
        raise BadRequestError("body.ids is required and must be a non-empty list")
    if not all(isinstance(item, str) and item for item in ids):
        raise BadRequestError("body.ids must hold non-empty strings")
    call.backend.courses.add_tags(ids, _tags(body, "body"))
    return no_content()


def _tags(body: dict[str, Any], where: str) -> list[str]:
    tags = body.get("tags")
    if not isinstance(tags, list):
        raise BadRequestError(f"{where}.tags is required and must be a list")
    if not all(isinstance(tag, str) and tag.strip() for tag in tags):
        raise BadRequestError(f"{where}.tags must hold non-empty strings")
    return [tag.strip() for tag in tags]


def get_course_zip(call: Call, course_id: str) -> Response:
    course = call.backend.courses.get_course(course_id)
    return zip_response(course.latest.files_dir, "course.zip")


ROUTES: list[Rule] = [
    route("GET", "/courses", get_courses),
    route("PUT", "/courses/tags", put_course_tags_batch),
    route("GET", "/courses/<course_id>", get_course),
    route("DELETE", "/courses/<course_id>", delete_course),
    route("PUT", "/courses/<course_id>/title", set_course_title),
    route("GET", "/courses/<course_id>/tags", get_course_tags),
    route("PUT", "/courses/<course_id>/tags", put_course_tags),
    route("DELETE", "/courses/<course_id>/tags", delete_course_tags),
    route("GET", "/courses/<course_id>/zip", get_course_zip),
]
