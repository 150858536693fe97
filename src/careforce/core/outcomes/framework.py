"""The outcomes framework as configuration: outcomes, sub-outcomes and measures, and what data
each measure is bound to.

A framework file (YAML) is checked against the JSON Schema generated from these models, then by
the models, then across fields (:func:`parse_framework`). Each framework measure is bound to one or
more *sources*: a measure id of the indicator results (with its breakdown), values entered by
hand with their evidence, or nothing yet (``no_data_source`` says why).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from careforce.core.configuration import (
    SCHEMA_DIALECT,
    Problem,
    SchemaGenerator,
    duplicates,
    parse_checked,
    tidy_schema,
)
from careforce.core.outcomes.validation import (
    CODE_PATTERN,
    PERIOD_PATTERN,
    SYMBOL_PATTERN,
    WORDING,
    ConfigurationError,
)
from careforce.core.vocab.published import ALL, TOTAL, Polarity

FRAMEWORK_SCHEMA_VERSION: Final = "1"
"""Version of the framework file format; bumped on any incompatible change."""
FRAMEWORK_SCHEMA_ID: Final = "https://careforce.example/schemas/outcomes-framework/v1.json"
"""The ``$id`` of the framework JSON Schema; carries :data:`FRAMEWORK_SCHEMA_VERSION`."""
FIRST_TARGET_YEAR: Final = 1990
"""Earliest target year accepted (guards against typing slips)."""
LAST_TARGET_YEAR: Final = 2100
"""Latest target year accepted (guards against typing slips)."""

Code = Annotated[str, Field(pattern=CODE_PATTERN, max_length=32)]
Period = Annotated[str, Field(pattern=PERIOD_PATTERN)]
Text = Annotated[str, Field(min_length=1)]

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)


class SignificanceTest(StrEnum):
    """How a change between two values with 95% intervals is judged significant."""

    Z_TEST = "z-test"
    """A z-test on the difference, standard errors taken from the interval widths."""
    INTERVAL_OVERLAP = "interval-overlap"
    """The two intervals do not overlap (stricter: misses some real changes)."""


class Target(BaseModel):
    """A value to reach by a year."""

    model_config = _STRICT

    value: float = Field(description="The value to reach, in the measure's unit (0.08 = 8%).")
    year: int = Field(
        ge=FIRST_TARGET_YEAR,
        le=LAST_TARGET_YEAR,
        description="Year by which it should be reached (the end year of a financial year).",
    )
    note: str | None = Field(default=None, description="Where the target comes from.")


class ManualValue(BaseModel):
    """One value entered by hand, with its evidence."""

    model_config = _STRICT

    period: Period = Field(description="Period of the value, e.g. 2022/23 (as the indicators).")
    value: float | None = Field(
        default=None,
        description="The value (rates and shares as fractions); omit when there is none.",
    )
    lower_ci: float | None = Field(
        default=None, description="Lower limit of its 95% confidence interval, if known."
    )
    upper_ci: float | None = Field(
        default=None, description="Upper limit of its 95% confidence interval, if known."
    )
    symbol: Annotated[str, Field(pattern=SYMBOL_PATTERN)] | None = Field(
        default=None,
        description="GSS symbol when there is no value, e.g. [x] not available (the default).",
    )
    evidence: Text = Field(description="Where the value comes from (document, survey, report).")
    evidence_url: str | None = Field(default=None, description="Link to the evidence.")


class ManualSeries(BaseModel):
    """Values entered by hand for a measure no indicator file holds."""

    model_config = _STRICT

    label: Text = Field(description="What the values show, e.g. 'Caseloads within standard'.")
    unit: Text = Field(description="What the values are: proportion, count, days, ...")
    values: list[ManualValue] = Field(min_length=1, description="The values, one per period.")


class Source(BaseModel):
    """Where one series of a framework measure comes from: a measure id or manual values."""

    model_config = ConfigDict(
        extra="forbid",
        use_enum_values=False,
        json_schema_extra={"oneOf": [{"required": ["measure_id"]}, {"required": ["manual"]}]},
    )

    measure_id: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "Id of a measure in the indicator results, e.g. vacancy_rate (see docs/measures.md; "
            "workforce survey measures later). Give this or manual."
        ),
    )
    breakdown: str = Field(
        default=TOTAL,
        min_length=1,
        description="Breakdown of the indicator row, e.g. service_group (default total).",
    )
    breakdown_value: str = Field(
        default=ALL,
        min_length=1,
        description="Value of the breakdown, e.g. 'home care' (default all).",
    )
    manual: ManualSeries | None = Field(
        default=None,
        description="Values entered by hand with their evidence. Give this or measure_id.",
    )
    label: str | None = Field(
        default=None,
        description="What the series shows in the scorecard (default the measure's name).",
    )
    polarity: Polarity | None = Field(
        default=None,
        description="Override of the measure's polarity for this series (e.g. a high-is-good "
        "series of a low-is-good measure).",
    )
    baseline_period: Period | None = Field(
        default=None, description="Override of the measure's baseline period for this series."
    )
    target: Target | None = Field(default=None, description="Target of this series.")
    exact: bool = Field(
        default=False,
        description=(
            "True when the values have no sampling error (complete administrative counts): any "
            "change then counts as real. Otherwise a change needs intervals to be judged."
        ),
    )
    note: str | None = Field(default=None, description="Why this source was chosen, caveats.")


class Measure(BaseModel):
    """A measure of the framework, e.g. 1.1b 'A workforce at full complement'."""

    model_config = ConfigDict(
        extra="forbid",
        use_enum_values=False,
        json_schema_extra={"oneOf": [{"required": ["sources"]}, {"required": ["no_data_source"]}]},
    )

    code: Code = Field(description="Code, unique in the framework, e.g. 1.1b.")
    title: Text = Field(description="The measure as the strategy words it.")
    description: str | None = Field(default=None, description="What the measure means.")
    polarity: Polarity | None = Field(
        default=None,
        description=(
            "high-is-good, low-is-good or no-judgement. Default: the polarity of the indicator "
            "results (no-judgement for manual values)."
        ),
    )
    baseline_period: Period | None = Field(
        default=None, description="Period changes are measured from (default the framework's)."
    )
    target: Target | None = Field(
        default=None, description="Target of the measure (only when it has one source)."
    )
    sources: list[Source] | None = Field(
        default=None,
        min_length=1,
        description="Where the numbers come from. Give this or no_data_source.",
    )
    no_data_source: Text | None = Field(
        default=None,
        description="Why there are no numbers yet and what is planned. Give this or sources.",
    )
    note: str | None = Field(default=None, description="Notes shown with the measure.")


class SubOutcome(BaseModel):
    """A sub-outcome, e.g. 1.1, with its measures."""

    model_config = _STRICT

    code: Code = Field(description="Code, unique in the framework, e.g. 1.1.")
    title: Text = Field(description="The sub-outcome as the strategy words it.")
    measures: list[Measure] = Field(min_length=1, description="Its measures, e.g. 1.1a to 1.1c.")


class Outcome(BaseModel):
    """An outcome, e.g. 1 'More resilience', with its sub-outcomes and own indicators."""

    model_config = _STRICT

    code: Code = Field(description="Code, unique in the framework, e.g. 1.")
    title: Text = Field(description="The outcome, e.g. 'More resilience'.")
    description: str | None = Field(default=None, description="What the outcome means.")
    sub_outcomes: list[SubOutcome] = Field(
        default_factory=list, description="Sub-outcomes with their measures."
    )
    indicators: list[Measure] = Field(
        default_factory=list,
        description="Measures of the outcome as a whole, e.g. the six resilience indicators.",
    )


class Framework(BaseModel):
    """An outcomes framework: outcomes, sub-outcomes, measures and their data sources."""

    model_config = ConfigDict(extra="forbid", title="careforce outcomes framework")

    schema_version: Literal["1"] = Field(description='Version of this file format; must be "1".')
    name: Text = Field(description="Title of the framework, shown in outputs.")
    description: str | None = Field(default=None, description="What the framework is for.")
    source: str | None = Field(default=None, description="The strategy it comes from.")
    area_name: str | None = Field(default=None, description="Name of the area it is for.")
    baseline_period: Period = Field(
        description="Period changes are measured from, unless a measure says otherwise."
    )
    significance_test: SignificanceTest = Field(
        default=SignificanceTest.Z_TEST,
        description=(
            "How a change between two values that both have 95% intervals is judged: z-test "
            "(default) or interval-overlap."
        ),
    )
    outcomes: list[Outcome] = Field(min_length=1, description="The outcomes, in order.")


@dataclass(frozen=True)
class Placed:
    """A framework measure with the outcome and sub-outcome it belongs to."""

    outcome: Outcome
    sub_outcome: SubOutcome | None
    measure: Measure
    path: tuple[str | int, ...]


def placed_measures(framework: Framework) -> Iterator[Placed]:
    """Every measure of the framework in order: each outcome's sub-outcomes, then its indicators."""
    for o_index, outcome in enumerate(framework.outcomes):
        for s_index, sub in enumerate(outcome.sub_outcomes):
            for m_index, item in enumerate(sub.measures):
                path = ("outcomes", o_index, "sub_outcomes", s_index, "measures", m_index)
                yield Placed(outcome, sub, item, path)
        for i_index, item in enumerate(outcome.indicators):
            yield Placed(outcome, None, item, ("outcomes", o_index, "indicators", i_index))


def framework_json_schema() -> dict[str, Any]:
    """The JSON Schema of framework files, generated from the models.

    The committed copy in ``schema/outcomes-framework.v1.schema.json`` is what validates files;
    a test checks it equals this.
    """
    generated = Framework.model_json_schema(schema_generator=SchemaGenerator)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": FRAMEWORK_SCHEMA_ID,
        **tidy_schema(generated),
    }
    schema["description"] = (
        f"careforce outcomes framework, format version {FRAMEWORK_SCHEMA_VERSION}. Written as "
        "YAML; see docs/outcomes.md."
    )
    return schema


def _value_problems(values: list[ManualValue], where: tuple[str | int, ...]) -> Iterator[Problem]:
    yield from duplicates(
        [((*where, index, "period"), value.period) for index, value in enumerate(values)],
        "period",
    )
    for index, value in enumerate(values):
        at = (*where, index)
        lower, upper = value.lower_ci, value.upper_ci
        if (lower is None) != (upper is None):
            yield Problem(at, "give both lower_ci and upper_ci, or neither")
        elif lower is not None and upper is not None:
            if lower > upper:
                yield Problem((*at, "lower_ci"), f"{lower} is above upper_ci {upper}")
            elif value.value is not None and not lower <= value.value <= upper:
                yield Problem((*at, "value"), f"{value.value} is outside its interval")
            elif value.value is None:
                yield Problem(at, "an interval needs a value")


def _source_problems(measure: Measure, where: tuple[str | int, ...]) -> Iterator[Problem]:
    sources = measure.sources or []
    if measure.target is not None and len(sources) > 1:
        yield Problem(
            (*where, "target"), "a measure with several sources needs a target on each source"
        )
    keys: list[tuple[tuple[str | int, ...], str]] = []
    for index, source in enumerate(sources):
        at = (*where, "sources", index)
        if source.manual is not None:
            for field in ("breakdown", "breakdown_value"):
                if field in source.model_fields_set:
                    yield Problem((*at, field), "only a source with a measure_id has a breakdown")
            yield from _value_problems(source.manual.values, (*at, "manual", "values"))
        else:
            key = f"{source.measure_id} / {source.breakdown} / {source.breakdown_value}"
            keys.append(((*at, "measure_id"), key))
    yield from duplicates(keys, "source")


def check_framework(framework: Framework) -> list[Problem]:
    """Problems across fields: unique codes, empty outcomes, targets, manual values."""
    problems: list[Problem] = []
    codes: list[tuple[tuple[str | int, ...], str]] = []
    for o_index, outcome in enumerate(framework.outcomes):
        codes.append((("outcomes", o_index, "code"), outcome.code))
        if not outcome.sub_outcomes and not outcome.indicators:
            problems.append(
                Problem(("outcomes", o_index), "give sub_outcomes or indicators (or both)")
            )
        for s_index, sub in enumerate(outcome.sub_outcomes):
            codes.append((("outcomes", o_index, "sub_outcomes", s_index, "code"), sub.code))
    for placed in placed_measures(framework):
        codes.append(((*placed.path, "code"), placed.measure.code))
        problems.extend(_source_problems(placed.measure, placed.path))
    problems.extend(duplicates(codes, "outcome, sub-outcome or measure"))
    return problems


def parse_framework(data: Any, schema: Mapping[str, Any]) -> Framework:
    """Validate raw framework data (as read from YAML) and build the framework.

    Args:
        data: the parsed file.
        schema: the framework JSON Schema.

    Raises:
        ConfigurationError: with every problem found, each naming its field.
    """
    return parse_checked(data, schema, WORDING, Framework, check_framework, ConfigurationError)
