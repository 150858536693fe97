"""The appendix template as configuration: sections of text, tables, charts and "what changed"
sentences, each naming the measures it shows.

A template file (YAML) is checked against the JSON Schema generated from these models, then by
the models, then across fields (:func:`parse_template`). Text may hold measure placeholders:
``{vacancy_rate}`` (the headline value), ``{vacancy_rate|sector=independent}`` (a breakdown),
``{vacancy_rate|period=2020/21}``, and ``{vacancy_rate|comparator}`` (the comparator value).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field

from careforce.core.configuration import (
    SCHEMA_DIALECT,
    Problem,
    ProblemsError,
    SchemaGenerator,
    Wording,
    duplicates,
    parse_checked,
    tidy_schema,
)
from careforce.core.vocab.published import ALL, TOTAL

TEMPLATE_SCHEMA_VERSION: Final = "1"
"""Version of the template file format; bumped on any incompatible change."""
TEMPLATE_SCHEMA_ID: Final = "https://careforce.example/schemas/appendix-template/v1.json"
"""The ``$id`` of the template JSON Schema; carries :data:`TEMPLATE_SCHEMA_VERSION`."""
KEY_PATTERN: Final = r"^[a-z0-9][a-z0-9-]*$"
"""Keys of sections, tables and charts: lower-case letters, digits and '-'."""
MEASURE_PATTERN: Final = r"^[a-z0-9][a-z0-9_]*$"
"""Measure ids: lower-case letters, digits and '_', as the measure catalogue writes them."""
LATEST: Final = "latest"
"""Period selector: the latest period of the measure not after the appendix period."""
PREVIOUS: Final = "previous"
"""Period selector: the period before :data:`LATEST`."""
EVERY: Final = "all"
"""Period selector: every period of the measure not after the appendix period."""
PERIOD_PATTERN: Final = r"^(latest|previous|all|[0-9]{4}([-/][0-9]{2})?(/[0-9]{4}-[0-9]{2})?)$"
"""Periods: a selector (latest, previous, all) or a period as the measure rows write it."""
PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")
"""A measure placeholder in text: ``{measure_id|field=value|...}``."""
PLACEHOLDER_FIELDS: Final = frozenset({"period", "comparator"})
"""Fields of a placeholder other than a breakdown."""

WORDING: Final = Wording(
    mapping="a mapping",
    mapping_type="a mapping of field: value",
    text="text (in quotes if it looks like a number)",
    patterns={
        KEY_PATTERN: "a key of lower-case letters, digits or '-', e.g. pay-levels",
        MEASURE_PATTERN: "a measure id such as vacancy_rate",
        PERIOD_PATTERN: "latest, previous, all or a period such as 2021/22",
    },
)
"""How messages about template files name things."""

Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=40)]
MeasureId = Annotated[str, Field(pattern=MEASURE_PATTERN, max_length=64)]
PeriodSelector = Annotated[str, Field(pattern=PERIOD_PATTERN)]
Text = Annotated[str, Field(min_length=1)]

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)


class TemplateError(ProblemsError):
    """A template is not usable; holds every problem found."""

    default_message = "invalid appendix template"


class ChartKind(StrEnum):
    """How a chart draws its data."""

    BAR = "bar"
    """Horizontal bars, one per breakdown value (the latest period)."""
    LINE = "line"
    """A line over the periods, one per measure."""


class Layout(StrEnum):
    """What the rows of a table are."""

    VALUES = "values"
    """One row per breakdown value; one column per measure and period."""
    PERIODS = "periods"
    """One row per period; one column per measure (of one breakdown value)."""


class Cited(BaseModel):
    """What every table and chart cites: its source and its notes."""

    model_config = _STRICT

    key: Key = Field(description="Key, unique in the template, e.g. pay-by-sector.")
    title: Text = Field(description="Title shown above the table or chart.")
    source: Text = Field(description="Where the data come from, as the footnote cites it.")
    notes: list[Text] = Field(
        default_factory=list, description="Notes, numbered [note n] in the spreadsheets."
    )
    breakdown: Text = Field(
        default=TOTAL, description="Breakdown of the rows, e.g. service_group (default total)."
    )
    values: list[Text] = Field(
        default_factory=list,
        description="Breakdown values to show, in order (default: every value the data hold).",
    )
    periods: list[PeriodSelector] = Field(
        default_factory=lambda: [LATEST],
        min_length=1,
        description="Periods shown: latest (default), previous, all, or periods such as 2021/22.",
    )
    rows: Layout = Field(
        default=Layout.VALUES,
        description="values: a row per breakdown value (default); periods: a row per period.",
    )
    top: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="Keep only the rows with the highest values of the first column, highest first.",
    )


class TableSpec(Cited):
    """A table: one row per breakdown value, one column per measure (and period)."""

    measures: list[MeasureId] = Field(min_length=1, description="Measure ids, one per column.")
    comparator: bool = Field(
        default=False, description="Add each measure's comparator (e.g. England) as a column."
    )


class ChartSpec(Cited):
    """A chart, published with its data as a table beside it."""

    kind: ChartKind = Field(description="bar (one per breakdown value) or line (over periods).")
    measures: list[MeasureId] = Field(
        min_length=1, max_length=2, description="Measure ids drawn (a line chart may have two)."
    )


class ChangeSpec(BaseModel):
    """A "what changed" sentence between two periods of one measure."""

    model_config = _STRICT

    measure: MeasureId = Field(description="Measure id, e.g. turnover_rate.")
    breakdown: Text = Field(default=TOTAL, description="Breakdown (default total).")
    value: Text = Field(default=ALL, description="Breakdown value (default all).")
    since: PeriodSelector = Field(
        default=PREVIOUS, description="Period compared with (default previous)."
    )
    label: str | None = Field(
        default=None, description="What to call the measure (default its name)."
    )


class Block(BaseModel):
    """One block of a section: text, a table, a chart or a "what changed" sentence."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "oneOf": [
                {"required": ["text"]},
                {"required": ["table"]},
                {"required": ["chart"]},
                {"required": ["change"]},
            ]
        },
    )

    text: Text | None = Field(
        default=None, description="A paragraph; {measure_id|...} placeholders show values."
    )
    table: TableSpec | None = Field(default=None, description="A table of measures.")
    chart: ChartSpec | None = Field(default=None, description="A chart with its data table.")
    change: ChangeSpec | None = Field(default=None, description="A 'what changed' sentence.")


class Section(BaseModel):
    """A section of the appendix."""

    model_config = _STRICT

    key: Key = Field(description="Key, unique in the template, e.g. pay-levels.")
    heading: Text = Field(description="Heading of the section.")
    part: str | None = Field(default=None, description="Part heading it opens, e.g. 'A What ...'.")
    blocks: list[Block] = Field(min_length=1, description="Text, tables and charts, in order.")


class AppendixTemplate(BaseModel):
    """An appendix template: its title and its sections, in order."""

    model_config = _STRICT

    title: Text = Field(description="Title of the appendix.")
    introduction: str | None = Field(default=None, description="Paragraph under the title.")
    sections: list[Section] = Field(min_length=1, description="The sections, in order.")


def template_json_schema() -> dict[str, Any]:
    """The JSON Schema of template files, generated from the models.

    The committed copy in ``schema/appendix-template.v1.schema.json`` is what validates files;
    a test checks it equals this.
    """
    generated = AppendixTemplate.model_json_schema(schema_generator=SchemaGenerator)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": TEMPLATE_SCHEMA_ID,
        **tidy_schema(generated),
    }
    schema["description"] = (
        f"careforce data appendix template, format version {TEMPLATE_SCHEMA_VERSION}. Written "
        "as YAML; see docs/appendix.md."
    )
    return schema


def placeholder_parts(inner: str) -> tuple[str, dict[str, str]]:
    """A placeholder's measure id and fields (``{a|b=c|comparator}`` → ``a``, ``{b: c, ...}``).

    Raises:
        ValueError: the placeholder is malformed.
    """
    measure, *rest = [part.strip() for part in inner.split("|")]
    if not re.fullmatch(MEASURE_PATTERN, measure):
        raise ValueError(f"{{{inner}}} must start with a measure id such as vacancy_rate")
    fields: dict[str, str] = {}
    for part in rest:
        name, equals, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if name == "comparator" and not equals:
            fields[name] = "yes"
        elif not equals or not name or not value:
            raise ValueError(f"{{{inner}}}: {part!r} must be field=value or comparator")
        elif name == "period" and not re.fullmatch(PERIOD_PATTERN, value):
            raise ValueError(f"{{{inner}}}: period {value!r} is not a period")
        else:
            fields[name] = value
    if len([name for name in fields if name not in PLACEHOLDER_FIELDS]) > 1:
        raise ValueError(f"{{{inner}}} may name one breakdown only")
    return measure, fields


def _keys(template: AppendixTemplate) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for s_index, section in enumerate(template.sections):
        yield ("sections", s_index, "key"), section.key
        for b_index, block in enumerate(section.blocks):
            spec = block.table or block.chart
            if spec is not None:
                name = "table" if block.table is not None else "chart"
                yield ("sections", s_index, "blocks", b_index, name, "key"), spec.key


def check_template(template: AppendixTemplate) -> list[Problem]:
    """Problems across fields: repeated keys and malformed placeholders."""
    problems = list(duplicates(list(_keys(template)), "key"))
    for s_index, section in enumerate(template.sections):
        for b_index, block in enumerate(section.blocks):
            texts = [("text", block.text)] if block.text is not None else []
            for name, text in texts:
                for match in PLACEHOLDER.finditer(text):
                    try:
                        placeholder_parts(match.group(1))
                    except ValueError as error:
                        where = ("sections", s_index, "blocks", b_index, name)
                        problems.append(Problem(where, str(error)))
    return problems


def parse_template(data: Any, schema: Mapping[str, Any]) -> AppendixTemplate:
    """Validate raw template data (as read from YAML) and build the template.

    Raises:
        TemplateError: with every problem found, each naming its field.
    """
    return parse_checked(data, schema, WORDING, AppendixTemplate, check_template, TemplateError)


def measures_of(template: AppendixTemplate) -> dict[str, list[str]]:
    """The measure ids each section uses, by section key, in order of first use."""
    used: dict[str, list[str]] = {}
    for section in template.sections:
        ids: list[str] = []
        for block in section.blocks:
            spec = block.table or block.chart
            if spec is not None:
                ids += spec.measures
            if block.change is not None:
                ids.append(block.change.measure)
            if block.text is not None:
                for match in PLACEHOLDER.finditer(block.text):
                    try:
                        ids.append(placeholder_parts(match.group(1))[0])
                    except ValueError:
                        continue
        used[section.key] = list(dict.fromkeys(ids))
    return used
