"""Named scenarios: parameter changes declared in the file, projected next to the baseline."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
from pydantic import ValidationError

from careforce.core.configuration import Problem, pydantic_problems
from careforce.core.projections import columns as c
from careforce.core.projections.parameters import (
    ParameterError,
    ProjectionParameters,
    merge_scenario,
)
from careforce.core.projections.projection import project
from careforce.core.projections.validation import check_parameters


class UnknownScenarioError(KeyError):
    """A scenario was asked for that the file does not declare."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        """Record the name asked for and the names declared."""
        listing = ", ".join(known) if known else "the file declares none"
        super().__init__(f"there is no scenario '{name}' ({listing})")
        self.message = f"there is no scenario '{name}' ({listing})"

    def __str__(self) -> str:
        """The message, without KeyError's quotes."""
        return self.message


def apply_scenario(params: ProjectionParameters, name: str) -> ProjectionParameters:
    """The parameters with a scenario applied and checked.

    Raises:
        UnknownScenarioError: the file declares no such scenario.
        ParameterError: the scenario makes the parameters invalid.
    """
    if name not in params.scenarios:
        raise UnknownScenarioError(name, list(params.scenarios))
    try:
        merged = merge_scenario(params, name)
    except (KeyError, ValidationError) as error:
        problems = (
            pydantic_problems(error)
            if isinstance(error, ValidationError)
            else [Problem(("scenarios", name), f"names an unknown group {error}")]
        )
        raise ParameterError(problems) from None
    problems = check_parameters(merged)
    if problems:
        raise ParameterError(
            [Problem(("scenarios", name), f"makes {problem}") for problem in problems]
        )
    return merged


def scenario_projections(
    params: ProjectionParameters, names: Sequence[str] | None = None
) -> pl.DataFrame:
    """The baseline and each scenario's projection, with a ``scenario`` column first.

    Args:
        params: checked parameters.
        names: scenarios to project, in this order; all declared scenarios when None.

    Raises:
        UnknownScenarioError: a name is not declared.
        ParameterError: a scenario makes the parameters invalid.
    """
    chosen = list(params.scenarios) if names is None else list(names)
    frames = [project(params).with_columns(pl.lit(c.BASELINE).alias(c.SCENARIO))]
    for name in chosen:
        frames.append(
            project(apply_scenario(params, name)).with_columns(pl.lit(name).alias(c.SCENARIO))
        )
    frame = pl.concat(frames)
    return frame.select(c.SCENARIO, *[name for name in frame.columns if name != c.SCENARIO])


def scenario_label(params: ProjectionParameters, name: str) -> str:
    """The label of a scenario (its name when it has none); ``Baseline`` for the baseline."""
    if name == c.BASELINE:
        return "Baseline"
    scenario = params.scenarios.get(name)
    return (scenario.label if scenario is not None else None) or name
