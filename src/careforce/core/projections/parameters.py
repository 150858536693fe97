"""Projection parameter files: the models, their versioned JSON Schema and problems found in them.

A parameter file is TOML. It is checked in three steps (see :mod:`.validation`): against the
JSON Schema generated from these models (structure and types), by the models themselves
(typed values), and by cross-field checks (references between drivers, groups and scenarios).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from careforce.core.configuration import (
    SCHEMA_DIALECT,
    ProblemsError,
    SchemaGenerator,
    tidy_schema,
)

SCHEMA_VERSION: Final = "1"
"""Version of the parameter-file format; bumped on any incompatible change."""
SCHEMA_ID: Final = "https://careforce.example/schemas/projection-parameters/v1.json"
"""The ``$id`` of the JSON Schema; carries :data:`SCHEMA_VERSION`."""
NO_DRIVER: Final = "none"
"""``demand_driver`` value meaning the requirement stays at the base workforce."""
NAME_PATTERN: Final = r"^[A-Za-z][A-Za-z0-9_-]*$"
"""Names of drivers, groups, scenarios and policy posts (they appear in parameter identifiers)."""
YEAR_KEY_PATTERN: Final = r"^[0-9]{4}$"
"""Keys of year-indexed tables: TOML keys are strings, so years are written as four digits."""
FIRST_YEAR: Final = 1900
"""Earliest year accepted anywhere in a parameter file (guards against typing slips)."""
LAST_YEAR: Final = 2200
"""Latest year accepted anywhere in a parameter file (guards against typing slips)."""
MAX_TURNOVER_RATE: Final = 9.95
"""Highest yearly turnover or replacement rate accepted (Skills for Care refuse over 995%)."""
MAX_DRAWS: Final = 1_000_000
"""Most Monte Carlo draws a file may ask for (memory guard: draws × years floats per group)."""
DEFAULT_DRAWS: Final = 10_000
"""Monte Carlo draws when neither the file nor the command line says (P10/P90 stable to ~0.5%)."""
DEFAULT_SEED: Final = 20220401
"""Monte Carlo seed when neither the file nor the command line gives one: runs reproduce."""


class Timing(StrEnum):
    """When in the year the replacement rate is applied to the workforce."""

    START_OF_YEAR = "start_of_year"
    MID_YEAR = "mid_year"
    END_OF_YEAR = "end_of_year"


class DistributionKind(StrEnum):
    """Probability distributions for uncertain parameters."""

    NORMAL = "normal"
    TRIANGULAR = "triangular"
    UNIFORM = "uniform"


def _year_map(values: dict[str, Any], what: str) -> Any:
    return WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"pattern": YEAR_KEY_PATTERN, "description": "a year, e.g. 2027"},
            "additionalProperties": {**values, "description": what},
            "minProperties": 1,
        }
    )


Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Name = Annotated[str, Field(pattern=NAME_PATTERN, max_length=64)]
GrowthMap = Annotated[
    dict[int, float],
    Field(min_length=1),
    _year_map({"type": "number", "exclusiveMinimum": -1}, "growth since the base year"),
]
PopulationMap = Annotated[
    dict[int, Annotated[float, Field(gt=0)]],
    Field(min_length=1),
    _year_map({"type": "number", "exclusiveMinimum": 0}, "population in the year"),
]
RateMap = Annotated[
    dict[int, Annotated[float, Field(ge=0, le=MAX_TURNOVER_RATE)]],
    Field(min_length=1),
    _year_map({"type": "number", "minimum": 0, "maximum": MAX_TURNOVER_RATE}, "rate in the year"),
]

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)

# Descriptions are shared by a group and a scenario's override of it.
_GROUP_FIELD_DESCRIPTIONS: Final = {
    "label": "Name shown in tables and charts, e.g. 'Qualified social worker roles'.",
    "description": "What the group covers (free text).",
    "source": "Where the group's numbers come from (free text, shown in reports).",
    "base_workforce": (
        "Workforce requirement B in the base year: filled posts plus vacancies (people, >= 0)."
    ),
    "base_vacancies": (
        "Vacant posts included in base_workforce. Only used when vacancies_closed_by is given."
    ),
    "vacancies_closed_by": (
        "Year by which the base-year vacancies are filled, linearly from the base year; the "
        "vacancies filled add to extra demand. Omit to keep vacancies open (the strategy's model)."
    ),
    "demand_driver": (
        "Name of the driver (a key of [drivers]) whose growth drives the requirement, or 'none' "
        "for a requirement that stays at base_workforce."
    ),
    "demand_elasticity": (
        "Elasticity k of the requirement to the driver: W_y = B * (1 + k * g_y). 1 means "
        "proportional to the driver."
    ),
    "replacement_rate": (
        "Share of the workforce leaving the sector each year (a fraction, e.g. 0.11627). Give "
        "this, or turnover_rate with leaving_sector_share, or leavers_per_year."
    ),
    "replacement_rate_path": (
        "Replacement rate in later years, e.g. {2027 = 0.097}: linear from replacement_rate in "
        "the base year to each given year, then held. Use for retention scenarios."
    ),
    "turnover_rate": (
        "Share of the workforce leaving their employer each year (all leavers). With "
        "leaving_sector_share it gives the replacement rate; with replacement_rate it adds "
        "employer recruitment (turnover-based) to the results."
    ),
    "turnover_rate_path": (
        "Turnover rate in later years, e.g. {2027 = 0.252}: linear from turnover_rate in the base "
        "year to each given year, then held. The replacement rate follows at the same share "
        "leaving the sector."
    ),
    "leaving_sector_share": (
        "Share of leavers who leave the sector (1 - share of leavers remaining in the sector). "
        "replacement rate = turnover_rate * leaving_sector_share."
    ),
    "replacement_timing": (
        "When the replacement rate applies to the workforce: 'start_of_year' (r * W at the start "
        "of each year, the strategy's model), 'mid_year' (r * the mean of the start and end) or "
        "'end_of_year' (r * W at the end)."
    ),
    "leavers_per_year": (
        "Number of leavers to replace each year (instead of a rate), e.g. 55 social workers."
    ),
    "replacement_population_adjustment": (
        "Name of a driver that scales cumulative leavers: replacement by year T = "
        "leavers_per_year * T * P_T / P_base."
    ),
    "policy_posts": "Additive posts required by policy from a given year (e.g. 2023 reforms).",
}


def _group_field(name: str, default: Any = None) -> Any:
    return Field(default=default, description=_GROUP_FIELD_DESCRIPTIONS[name])


class Driver(BaseModel):
    """A demand driver: growth of a population since the base year.

    Give exactly one of ``growth``, ``population`` or ``weights``. Years missing between given
    years are linearly interpolated; careforce never extrapolates beyond the last given year.
    """

    model_config = _STRICT

    description: str | None = Field(default=None, description="What the driver measures.")
    source: str | None = Field(
        default=None, description="Where the series comes from, e.g. 'ONS 2018-based SNPP'."
    )
    growth: GrowthMap | None = Field(
        default=None,
        description=(
            "Growth since the base year by year, as fractions (0.031 = 3.1%); the base year's "
            "growth is 0 and need not be given."
        ),
    )
    population: PopulationMap | None = Field(
        default=None,
        description="Population by year (people); must include the base year.",
    )
    weights: dict[Name, Annotated[float, Field(ge=0)]] | None = Field(
        default=None,
        description=(
            "A weighted combination of other drivers given as population, e.g. "
            "{pop65_74 = 1.0, pop75_84 = 2.5, pop85_plus = 6.0}: the driver is the sum of "
            "weight * population (relative demand per head), and its growth that sum's growth."
        ),
        json_schema_extra={"minProperties": 1},
    )


class PolicyPosts(BaseModel):
    """Posts added to a group's requirement by policy for a span of years."""

    model_config = _STRICT

    name: Name = Field(description="Short name of the policy, unique within the group.")
    description: str | None = Field(default=None, description="What the posts are for.")
    posts: float = Field(description="Posts added to the requirement (negative to remove posts).")
    from_year: Year = Field(description="First year the posts are required (after the base year).")
    to_year: Year | None = Field(
        default=None,
        description="Last year the posts are required; omit for every year from from_year on.",
    )


class Group(BaseModel):
    """A workforce group projected on its own, e.g. adult social care or social workers."""

    model_config = _STRICT

    name: Name = Field(
        description="Short name, unique in the file; used in parameter identifiers and outputs."
    )
    label: str | None = _group_field("label")
    description: str | None = _group_field("description")
    source: str | None = _group_field("source")
    base_workforce: float = Field(ge=0, description=_GROUP_FIELD_DESCRIPTIONS["base_workforce"])
    base_vacancies: float = Field(
        default=0, ge=0, description=_GROUP_FIELD_DESCRIPTIONS["base_vacancies"]
    )
    vacancies_closed_by: Year | None = _group_field("vacancies_closed_by")
    demand_driver: Name = _group_field("demand_driver", NO_DRIVER)
    demand_elasticity: float = _group_field("demand_elasticity", 1.0)
    replacement_rate: Annotated[float, Field(ge=0, le=MAX_TURNOVER_RATE)] | None = _group_field(
        "replacement_rate"
    )
    replacement_rate_path: RateMap | None = _group_field("replacement_rate_path")
    turnover_rate: Annotated[float, Field(ge=0, le=MAX_TURNOVER_RATE)] | None = _group_field(
        "turnover_rate"
    )
    turnover_rate_path: RateMap | None = _group_field("turnover_rate_path")
    leaving_sector_share: Annotated[float, Field(ge=0, le=1)] | None = _group_field(
        "leaving_sector_share"
    )
    replacement_timing: Timing = _group_field("replacement_timing", Timing.START_OF_YEAR)
    leavers_per_year: Annotated[float, Field(ge=0)] | None = _group_field("leavers_per_year")
    replacement_population_adjustment: Name | None = _group_field(
        "replacement_population_adjustment"
    )
    policy_posts: list[PolicyPosts] = Field(
        default_factory=list, description=_GROUP_FIELD_DESCRIPTIONS["policy_posts"]
    )

    @property
    def display_name(self) -> str:
        """The label, or the name when there is no label."""
        return self.label or self.name


class GroupOverride(BaseModel):
    """A scenario's changes to one group: any field of the group except its name."""

    model_config = _STRICT

    label: str | None = _group_field("label")
    description: str | None = _group_field("description")
    source: str | None = _group_field("source")
    base_workforce: Annotated[float, Field(ge=0)] | None = _group_field("base_workforce")
    base_vacancies: Annotated[float, Field(ge=0)] | None = _group_field("base_vacancies")
    vacancies_closed_by: Year | None = _group_field("vacancies_closed_by")
    demand_driver: Name | None = _group_field("demand_driver")
    demand_elasticity: float | None = _group_field("demand_elasticity")
    replacement_rate: Annotated[float, Field(ge=0, le=MAX_TURNOVER_RATE)] | None = _group_field(
        "replacement_rate"
    )
    replacement_rate_path: RateMap | None = _group_field("replacement_rate_path")
    turnover_rate: Annotated[float, Field(ge=0, le=MAX_TURNOVER_RATE)] | None = _group_field(
        "turnover_rate"
    )
    turnover_rate_path: RateMap | None = _group_field("turnover_rate_path")
    leaving_sector_share: Annotated[float, Field(ge=0, le=1)] | None = _group_field(
        "leaving_sector_share"
    )
    replacement_timing: Timing | None = _group_field("replacement_timing")
    leavers_per_year: Annotated[float, Field(ge=0)] | None = _group_field("leavers_per_year")
    replacement_population_adjustment: Name | None = _group_field(
        "replacement_population_adjustment"
    )
    policy_posts: list[PolicyPosts] | None = _group_field("policy_posts")


class Scenario(BaseModel):
    """A named set of changes to the parameters, projected next to the baseline."""

    model_config = _STRICT

    label: str | None = Field(default=None, description="Name shown in tables and charts.")
    description: str | None = Field(default=None, description="What the scenario assumes.")
    groups: dict[Name, GroupOverride] = Field(
        default_factory=dict,
        description="Changes per group, keyed by group name; each replaces the field's value.",
    )
    drivers: dict[Name, Driver] = Field(
        default_factory=dict,
        description="Drivers replaced (or added) in the scenario, keyed by driver name.",
    )


class SensitivityRange(BaseModel):
    """Declared low and high values of a parameter for the one-way sensitivity test."""

    model_config = _STRICT

    parameter: str = Field(
        description=(
            "Parameter identifier: 'groups.<group>.<field>', "
            "'groups.<group>.policy_posts.<name>' or 'drivers.<driver>.growth_scale'."
        )
    )
    low: float = Field(description="Low value tested.")
    high: float = Field(description="High value tested.")


class UncertainParameter(BaseModel):
    """A parameter's probability distribution for Monte Carlo simulation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                {
                    "if": {
                        "properties": {
                            "distribution": {
                                "const": "normal",
                                "description": "a normal distribution needs these fields",
                            }
                        }
                    },
                    "then": {"required": ["mean", "sd"]},
                },
                {
                    "if": {
                        "properties": {
                            "distribution": {
                                "const": "triangular",
                                "description": "a triangular distribution needs these fields",
                            }
                        }
                    },
                    "then": {"required": ["low", "mode", "high"]},
                },
                {
                    "if": {
                        "properties": {
                            "distribution": {
                                "const": "uniform",
                                "description": "a uniform distribution needs these fields",
                            }
                        }
                    },
                    "then": {"required": ["low", "high"]},
                },
            ]
        },
    )

    parameter: str = Field(
        description=(
            "Parameter identifier: 'groups.<group>.<field>', "
            "'groups.<group>.policy_posts.<name>' or 'drivers.<driver>.growth_scale'."
        )
    )
    distribution: DistributionKind = Field(
        description=(
            "'normal' (mean, sd; optional low and high bounds truncate it), 'triangular' "
            "(low, mode, high) or 'uniform' (low, high)."
        )
    )
    mean: float | None = Field(default=None, description="Mean of a normal distribution.")
    sd: Annotated[float, Field(ge=0)] | None = Field(
        default=None, description="Standard deviation of a normal distribution."
    )
    mode: float | None = Field(default=None, description="Most likely value (triangular).")
    low: float | None = Field(
        default=None, description="Lowest value (triangular, uniform) or lower bound (normal)."
    )
    high: float | None = Field(
        default=None, description="Highest value (triangular, uniform) or upper bound (normal)."
    )
    source: str | None = Field(default=None, description="Where the range comes from.")


class MonteCarlo(BaseModel):
    """Settings of the Monte Carlo simulation; the command line can override them."""

    model_config = _STRICT

    draws: Annotated[int, Field(ge=1, le=MAX_DRAWS)] = Field(
        default=DEFAULT_DRAWS, description="Number of draws."
    )
    seed: Annotated[int, Field(ge=0)] = Field(
        default=DEFAULT_SEED, description="Seed of the random number generator (reproducibility)."
    )


class ProjectionParameters(BaseModel):
    """A workforce demand projection: drivers, groups, scenarios and uncertainty."""

    model_config = ConfigDict(extra="forbid", title="careforce projection parameters")

    schema_version: Literal["1"] = Field(description='Version of this file format; must be "1".')
    name: str = Field(min_length=1, description="Title of the projection, shown in outputs.")
    description: str | None = Field(default=None, description="What the projection is for.")
    source: str | None = Field(default=None, description="Where the parameters come from.")
    area_code: str | None = Field(default=None, description="ONS code of the area, if one.")
    area_name: str | None = Field(default=None, description="Name of the area, if one.")
    base_year: Year = Field(description="Base year: growth and new staff are counted from it.")
    report_years: list[Year] = Field(
        min_length=1,
        description=(
            "Years shown in the published table, ascending, after the base year. Results are "
            "computed for every year up to the last one."
        ),
        json_schema_extra={"uniqueItems": True},
    )
    drivers: dict[Name, Driver] = Field(
        default_factory=dict, description="Demand drivers keyed by name (see drivers.<name>)."
    )
    groups: list[Group] = Field(min_length=1, description="Workforce groups, projected separately.")
    scenarios: dict[Name, Scenario] = Field(
        default_factory=dict, description="Named scenarios keyed by name."
    )
    sensitivity: list[SensitivityRange] = Field(
        default_factory=list,
        description="Declared low/high values; other numeric parameters are varied by ±10%.",
    )
    uncertainty: list[UncertainParameter] = Field(
        default_factory=list, description="Distributions of uncertain parameters (Monte Carlo)."
    )
    monte_carlo: MonteCarlo = Field(default_factory=MonteCarlo, description="Monte Carlo settings.")

    @property
    def years(self) -> list[int]:
        """Every year from the base year to the last report year."""
        return list(range(self.base_year, max(self.report_years) + 1))

    def group(self, name: str) -> Group:
        """The group with this name.

        Raises:
            KeyError: there is no such group.
        """
        for group in self.groups:
            if group.name == name:
                return group
        raise KeyError(name)


class ParameterError(ProblemsError):
    """A parameter file (or a scenario applied to it) is not usable."""

    default_message: ClassVar[str] = "invalid parameters"


def _names_as_keys(schema: dict[str, Any]) -> None:
    """A table keyed by names rejects keys that are not names, rather than ignoring them."""
    patterns = schema.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1 and "properties" not in schema:
        ((pattern, values),) = patterns.items()
        del schema["patternProperties"]
        schema["propertyNames"] = {
            **schema.get("propertyNames", {}),
            "pattern": pattern,
            "description": "a name: a letter, then letters, digits, '_' or '-'",
        }
        schema["additionalProperties"] = values


def parameters_json_schema() -> dict[str, Any]:
    """The JSON Schema of parameter files, generated from the models.

    The committed copy in ``schema/projection-parameters.v1.schema.json`` is what validates
    files; a test checks it equals this.
    """
    generated = ProjectionParameters.model_json_schema(schema_generator=SchemaGenerator)
    driver = generated["$defs"]["Driver"]
    driver["oneOf"] = [{"required": [key]} for key in ("growth", "population", "weights")]
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **tidy_schema(generated, _names_as_keys),
    }
    schema["description"] = (
        f"careforce workforce projection parameters, format version {SCHEMA_VERSION}. "
        "Written as TOML; see docs/projections.md."
    )
    return schema


def merge_scenario(params: ProjectionParameters, name: str) -> ProjectionParameters:
    """The parameters with a scenario's changes applied (not yet cross-checked).

    Each field a scenario gives for a group replaces the group's value; each driver it gives
    replaces (or adds) that driver. The result has no scenarios, sensitivity or uncertainty.

    Raises:
        KeyError: there is no such scenario, or it names a group that does not exist.
    """
    scenario = params.scenarios[name]
    data = params.model_dump(exclude_unset=True)
    for key in ("scenarios", "sensitivity", "uncertainty"):
        data.pop(key, None)
    groups = {group["name"]: group for group in data["groups"]}
    for group_name, override in scenario.groups.items():
        groups[group_name].update(override.model_dump(exclude_unset=True))
    drivers = data.setdefault("drivers", {})
    for driver_name, driver in scenario.drivers.items():
        drivers[driver_name] = driver.model_dump(exclude_unset=True)
    return ProjectionParameters.model_validate(data)
