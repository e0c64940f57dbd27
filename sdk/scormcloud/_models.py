"""The pydantic base shared by every wire model, and the open-enum helper.

Models are lenient on input: unknown fields are kept (`model_extra`), enum-like
fields accept values the SDK does not know yet, and nearly every field is
optional, because the service's schema marks few fields as required.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, get_args

import httpx
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic.alias_generators import to_camel

from ._exceptions import APIResponseValidationError

ModelT = TypeVar("ModelT", bound="Model")


class Model(BaseModel):
    """Base of every request and response model.

    Attributes are snake_case; the wire uses the camelCase aliases. Either name
    is accepted when building a model by hand.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
    )

    def to_wire(self) -> dict[str, Any]:
        """Return this model as a JSON body: camelCase keys, unset fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


def open_enum(known: Any) -> BeforeValidator:
    """Validator for a `Literal[...] | str` field that tolerates new values.

    A value matching one of the `known` literal's values case-insensitively is
    rewritten to that value's spelling (the service has sent "Unknown" for
    "UNKNOWN"); any other string passes through unchanged.
    """
    spellings = {value.upper(): value for value in get_args(known)}
    return BeforeValidator(_normaliser(spellings))


def _normaliser(spellings: dict[str, str]) -> Callable[[object], object]:
    def normalise(value: object) -> object:
        if isinstance(value, str):
            return spellings.get(value.upper(), value)
        return value

    return normalise


def parse_response(model: type[ModelT], response: httpx.Response) -> ModelT:
    """Validate a response's JSON body as `model`.

    Raises:
        APIResponseValidationError: The body is not JSON of that shape.
    """
    try:
        return model.model_validate_json(response.content)
    except (ValidationError, ValueError, RecursionError) as error:
        detail = f"expected {model.__name__}: {error}"
        raise APIResponseValidationError(
            request=response.request, response=response, detail=detail
        ) from error
