"""Checking configuration files — outcomes frameworks and action plans (YAML), projection
parameters (TOML) — and saying what is wrong in plain words.

Data is checked against the JSON Schema generated from its pydantic models, then by the models,
then across fields (by each domain). Every problem names its field by its dotted path
(``groups[0].replacement_rate``). The words for types, mappings and patterns are the file
format's own (a YAML mapping, a TOML table), given as a :class:`Wording`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, TypeVar

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""JSON Schema dialect the schemas are written in."""
DATE_WORDS: Final = "a date written YYYY-MM-DD"
"""How dates are described in messages."""
LONGEST_SHOWN: Final = 60
"""Text values longer than this are cut short in messages."""

_BOUND_WORDS: Final = {
    "minimum": "at least",
    "maximum": "at most",
    "exclusiveMinimum": "more than",
    "exclusiveMaximum": "less than",
}


@dataclass(frozen=True)
class Problem:
    """One problem in a configuration file: where (a path of keys and indexes) and what."""

    path: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """Dotted path, e.g. ``outcomes[0].sub_outcomes[1].code``."""
        text = ""
        for part in self.path:
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                text += f".{part}" if text else part
        return text or "(file)"

    @property
    def pointer(self) -> str:
        """JSON pointer, e.g. ``/groups/0/replacement_rate``."""
        return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in self.path)

    def __str__(self) -> str:
        """The problem as one line naming the field."""
        return f"{self.field}: {self.message}"


class ProblemsError(ValueError):
    """A configuration is not usable; holds every problem found."""

    default_message: ClassVar[str] = "invalid configuration"

    def __init__(self, problems: list[Problem]) -> None:
        """Keep every problem; the message is the first, with a count of the others."""
        self.problems = problems
        first = str(problems[0]) if problems else self.default_message
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(first + suffix)


class SchemaGenerator(GenerateJsonSchema):
    """Pydantic's generator, tuned for a file format: optional fields are omitted, not null."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """Optional fields are simply left out of a file."""
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Property titles repeat the key; leave them out."""
        return False


def tidy_schema(node: Any, adjust: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Drop the ``default: null`` entries optional fields get from pydantic, and let ``adjust``
    change each schema object in place (after its members are tidied)."""
    if isinstance(node, dict):
        tidied = {key: tidy_schema(value, adjust) for key, value in node.items()}
        if "default" in tidied and tidied["default"] is None:
            del tidied["default"]
        if adjust is not None:
            adjust(tidied)
        return tidied
    if isinstance(node, list):
        return [tidy_schema(item, adjust) for item in node]
    return node


@dataclass(frozen=True)
class Wording:
    """How a file format's messages name things.

    Attributes:
        mapping: a mapping given where it should not be (``a mapping``, ``a table``).
        mapping_type: what a mapping field must be (``a mapping of field: value``).
        text: what a text field must be.
        patterns: plain words for the schema's patterns, by pattern.
        text_keys: whether a key that is not text is a problem (YAML allows numbers, lists
            and nothing as keys; TOML keys are always text, and data built in code may key
            years by number).
    """

    mapping: str
    mapping_type: str
    text: str
    patterns: Mapping[str, str] = field(default_factory=dict)
    text_keys: bool = True

    def show(self, value: Any) -> str:
        """A value as a message quotes it."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None:
            return "nothing (null)"
        if isinstance(value, dict):
            return self.mapping
        if isinstance(value, list):
            return "a list"
        if isinstance(value, str):
            cut = LONGEST_SHOWN - 3
            shown = value if len(value) <= LONGEST_SHOWN else value[:cut] + "..."
            return json.dumps(shown, ensure_ascii=False)
        return str(value)

    def type_words(self, name: str) -> str:
        """A JSON Schema type in words."""
        return {
            "number": "a number",
            "integer": "a whole number",
            "string": self.text,
            "object": self.mapping_type,
            "array": "a list",
            "boolean": "true or false",
        }.get(name, name)


def _rule_message(rule: str, expected: Any, value: Any, wording: Wording) -> str | None:
    """Plain words for the simple JSON Schema rules; None for the others."""
    shown = wording.show(value)
    if rule in _BOUND_WORDS:
        return f"must be {_BOUND_WORDS[rule]} {expected}, not {shown}"
    if rule == "enum":
        return f"must be one of {', '.join(wording.show(item) for item in expected)}, not {shown}"
    if rule == "const":
        return f"must be {wording.show(expected)}, not {shown}"
    if rule == "minItems":
        return f"must have at least {expected} item{'s' if expected != 1 else ''}"
    if rule in ("minProperties", "minLength"):
        return "must not be empty"
    if rule == "maxLength":
        return f"must be at most {expected} characters long"
    if rule == "uniqueItems":
        return "must not repeat a value"
    if rule == "format" and expected == "date":
        return f"must be {DATE_WORDS}, not {shown}"
    return None


def _schema_problem(error: SchemaError, wording: Wording) -> Problem:
    """A JSON Schema error as a problem naming the field."""
    path: tuple[str | int, ...] = tuple(error.absolute_path)
    rule, expected, value = error.validator, error.validator_value, error.instance
    if rule == "required":
        missing = next((key for key in expected if key not in value), "?")
        return Problem((*path, missing), "is required but missing")
    if rule == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = sorted(str(key) for key in value if key not in known)
        hint = f" (expected one of: {', '.join(known)})" if known else ""
        return Problem((*path, extra[0] if extra else "?"), f"is not a known field{hint}")
    if rule == "type":
        names = expected if isinstance(expected, list) else [expected]
        words = " or ".join(wording.type_words(str(name)) for name in names)
        return Problem(path, f"must be {words}, not {wording.show(value)}")
    if rule == "pattern":
        words = wording.patterns.get(expected, f"text matching {expected}")
        if "propertyNames" in error.schema_path:
            return Problem((*path, value), f"the key {wording.show(value)} must be {words}")
        return Problem(path, f"{wording.show(value)} must be {words}")
    if rule == "oneOf" and all(
        set(branch) == {"required"} and len(branch["required"]) == 1 for branch in expected
    ):
        keys = [branch["required"][0] for branch in expected]
        given = [key for key in keys if isinstance(value, dict) and key in value]
        if given:
            return Problem(path, f"give only one of {', '.join(keys)}, not {' and '.join(given)}")
        return Problem(path, f"give one of {', '.join(keys)}")
    return Problem(path, _rule_message(str(rule), expected, value, wording) or error.message)


def _non_finite(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    """YAML and TOML allow nan and inf; no value may be either."""
    if isinstance(node, float) and not math.isfinite(node):
        yield Problem(path, f"must be a finite number, not {node}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _non_finite(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _non_finite(value, (*path, index))


def _string_keys(
    node: Any, wording: Wording, path: tuple[str | int, ...] = ()
) -> Iterator[Problem]:
    """Every key of a mapping must be text (YAML also allows numbers, lists and nothing)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield Problem(path, f"the key {wording.show(key)} must be a field name (text)")
            else:
                yield from _string_keys(value, wording, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _string_keys(value, wording, (*path, index))


def schema_problems(data: Any, schema: Mapping[str, Any], wording: Wording) -> list[Problem]:
    """Problems of raw data (as a file was read) against a JSON Schema, in document order."""
    if wording.text_keys:
        problems = list(_string_keys(data, wording))
        if problems:
            return problems
    problems = list(_non_finite(data))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems += [_schema_problem(error, wording) for error in validator.iter_errors(data)]
    return sorted(set(problems), key=lambda problem: [str(part) for part in problem.path])


def pydantic_problems(error: ValidationError) -> list[Problem]:
    """Problems from a pydantic validation error."""
    return [
        Problem(tuple(part for part in item["loc"] if isinstance(part, str | int)), item["msg"])
        for item in error.errors()
    ]


M = TypeVar("M", bound=BaseModel)


def parse_checked(
    data: Any,
    schema: Mapping[str, Any],
    wording: Wording,
    model: type[M],
    check: Callable[[M], list[Problem]],
    error: type[ProblemsError],
) -> M:
    """Raw data (as read from a file) checked in three steps, each stopping at its problems:
    the JSON Schema, the model's own validation, then ``check`` (rules across fields).

    Raises:
        ProblemsError: ``error`` with every problem of the first step that found some.
    """
    problems = schema_problems(data, schema, wording)
    if problems:
        raise error(problems)
    return model_checked(data, model, check, error)


def model_checked(
    data: Any, model: type[M], check: Callable[[M], list[Problem]], error: type[ProblemsError]
) -> M:
    """The last two steps of :func:`parse_checked`, for data already known to fit the schema
    (such as a valid model's data changed in place): the model's own validation, then
    ``check``.

    Raises:
        ProblemsError: ``error`` with every problem of the first step that found some.
    """
    try:
        parsed = model.model_validate(data)
    except ValidationError as invalid:
        raise error(pydantic_problems(invalid)) from None
    problems = check(parsed)
    if problems:
        raise error(problems)
    return parsed


def duplicates(codes: list[tuple[tuple[str | int, ...], str]], what: str) -> Iterator[Problem]:
    """A problem for every code used a second time.

    Args:
        codes: (path of the code field, code) pairs in document order.
        what: what the codes name, e.g. "measure".
    """
    seen: dict[str, tuple[str | int, ...]] = {}
    for path, code in codes:
        if code in seen:
            first = Problem(seen[code], "").field
            yield Problem(path, f"{what} code {code!r} is already used at {first}")
        else:
            seen[code] = path
