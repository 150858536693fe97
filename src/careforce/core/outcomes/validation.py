"""Checking configuration data (the framework and the action plan) and saying what is wrong.

Data is checked in three steps: against the JSON Schema generated from the models (structure and
types), by the models themselves (typed values such as dates), and by cross-field checks. Every
problem names its field by its dotted path (``outcomes[0].sub_outcomes[1].measures[2].code``) and
says what is wrong in plain words.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""JSON Schema dialect the schemas are written in."""
CODE_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
"""Codes of outcomes, measures and actions: letters, digits, '.', '_' and '-', e.g. ``1.1a``."""
PERIOD_PATTERN: Final = r"^[0-9]{4}(/[0-9]{2})?$"
"""Periods: a financial year ``2021/22`` (as in the indicator results) or a calendar year ``2022``."""
SYMBOL_PATTERN: Final = r"^\[[a-z]+\]$"
"""GSS table symbols such as ``[x]`` (not available) or ``[u]`` (low reliability)."""
DATE_WORDS: Final = "a date written YYYY-MM-DD"
"""How dates are described in messages."""

_TYPE_WORDS: Final = {
    "number": "a number",
    "integer": "a whole number",
    "string": "text (in quotes if it looks like a number)",
    "object": "a mapping of field: value",
    "array": "a list",
    "boolean": "true or false",
}
_BOUND_WORDS: Final = {
    "minimum": "at least",
    "maximum": "at most",
    "exclusiveMinimum": "more than",
    "exclusiveMaximum": "less than",
}
_PATTERN_WORDS: Final = {
    CODE_PATTERN: "a code of letters, digits, '.', '_' or '-', e.g. 1.1a",
    PERIOD_PATTERN: "a period such as 2021/22 or 2022",
    SYMBOL_PATTERN: "a symbol such as [x]",
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

    def __str__(self) -> str:
        """The problem as one line naming the field."""
        return f"{self.field}: {self.message}"


class ConfigurationError(ValueError):
    """A framework or action plan is not usable; holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        """Keep every problem; the message is the first, with a count of the others."""
        self.problems = problems
        first = str(problems[0]) if problems else "invalid configuration"
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


def tidy_schema(node: Any) -> Any:
    """Drop ``default: null`` entries that optional fields get from pydantic."""
    if isinstance(node, dict):
        tidied = {key: tidy_schema(value) for key, value in node.items()}
        if "default" in tidied and tidied["default"] is None:
            del tidied["default"]
        return tidied
    if isinstance(node, list):
        return [tidy_schema(item) for item in node]
    return node


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return json.dumps(shown, ensure_ascii=False)
    return str(value)


def _rule_message(rule: str, expected: Any, value: Any) -> str | None:
    """Plain words for the simple JSON Schema rules; None for the others."""
    shown = _show(value)
    if rule in _BOUND_WORDS:
        return f"must be {_BOUND_WORDS[rule]} {expected}, not {shown}"
    if rule == "enum":
        return f"must be one of {', '.join(_show(item) for item in expected)}, not {shown}"
    if rule == "const":
        return f"must be {_show(expected)}, not {shown}"
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


def _schema_problem(error: SchemaError) -> Problem:
    """Turn a JSON Schema error into a problem naming the field."""
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
        words = (
            " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in expected)
            if isinstance(expected, list)
            else _TYPE_WORDS.get(expected, expected)
        )
        return Problem(path, f"must be {words}, not {_show(value)}")
    if rule == "pattern":
        words = _PATTERN_WORDS.get(expected, f"text matching {expected}")
        return Problem(path, f"{_show(value)} must be {words}")
    if rule == "oneOf" and all(
        set(branch) == {"required"} and len(branch["required"]) == 1 for branch in expected
    ):
        keys = [branch["required"][0] for branch in expected]
        given = [key for key in keys if isinstance(value, dict) and key in value]
        if given:
            return Problem(path, f"give only one of {', '.join(keys)}, not {' and '.join(given)}")
        return Problem(path, f"give one of {', '.join(keys)}")
    return Problem(path, _rule_message(str(rule), expected, value) or error.message)


def _non_finite(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    """YAML allows .nan and .inf; no value may be either."""
    if isinstance(node, float) and not math.isfinite(node):
        yield Problem(path, f"must be a finite number, not {node}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _non_finite(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _non_finite(value, (*path, index))


def _string_keys(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    """Every key of a mapping must be text (YAML also allows numbers, lists and nothing)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield Problem(path, f"the key {_show(key)} must be a field name (text)")
            else:
                yield from _string_keys(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _string_keys(value, (*path, index))


def schema_problems(data: Any, schema: Mapping[str, Any]) -> list[Problem]:
    """Problems of raw data against a JSON Schema, in document order."""
    problems = list(_string_keys(data))
    if problems:
        return problems
    problems = list(_non_finite(data))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems += [_schema_problem(error) for error in validator.iter_errors(data)]
    return sorted(set(problems), key=lambda problem: [str(part) for part in problem.path])


def pydantic_problems(error: ValidationError) -> list[Problem]:
    """Problems from a pydantic validation error."""
    return [
        Problem(tuple(part for part in item["loc"] if isinstance(part, str | int)), item["msg"])
        for item in error.errors()
    ]


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
