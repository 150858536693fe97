"""Weighting survey responses to the workforce: raking (iterative proportional fitting) on
role group and sector against the ASC-WDS filled posts, with the effective sample size and the
design effect the weights cost.

Respondents whose answers fall outside the margins (no answer, NHS staff, personal assistants,
people not yet working in care) keep a weight of 1: the margins say nothing about them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.vocab import published as pub
from careforce.core.vocab.groups import RoleGroup, Sector

MAX_ITERATIONS: Final = 200
"""Raking stops after this many rounds of adjustments if it has not converged."""
TOLERANCE: Final = 1e-9
"""Raking has converged when no weighted margin share differs from its target by more."""
MARGIN_MEASURE: Final = "filled_posts"
"""The published measure the workforce margins are taken from."""

ROLE_GROUPS: Final[Mapping[str, str]] = {
    "direct-care": RoleGroup.DIRECT_CARE.value,
    "managerial-supervisory": RoleGroup.MANAGERIAL.value,
    "regulated-professions": RoleGroup.REGULATED_PROFESSION.value,
    "other": RoleGroup.OTHER.value,
}
"""Answers to the staff questionnaire's role question → ASC-WDS job-role groups."""
SECTORS: Final[Mapping[str, str]] = {
    "independent": Sector.INDEPENDENT.value,
    "local-authority": Sector.LOCAL_AUTHORITY.value,
}
"""Answers to the staff questionnaire's employer question → Skills for Care sectors."""
WORKFORCE_BREAKDOWNS: Final[Mapping[str, tuple[str, Mapping[str, str]]]] = {
    "role_group": ("job_role_group", ROLE_GROUPS),
    "sector": ("sector", SECTORS),
}
"""Survey breakdown → (breakdown of the published measures, answer → published value)."""


class RakingError(ValueError):
    """The responses cannot be weighted to the margins."""


@dataclass(frozen=True)
class Margin:
    """Population totals of one question's answers (the target of one raking dimension)."""

    column: str
    totals: Mapping[str, float]


@dataclass(frozen=True)
class Weighting:
    """Weights and what they cost.

    Attributes:
        weights: the responses with a :data:`~c.WEIGHT` column (mean 1 over those in scope).
        respondents: respondents weighted (in every margin).
        effective_n: Kish's effective sample size of those respondents, (Σw)² / Σw².
        design_effect: respondents ÷ effective sample size: how much the weights inflate the
            variance of a share.
        iterations: rounds of raking taken.
    """

    weights: pl.DataFrame
    respondents: int
    effective_n: float
    design_effect: float
    iterations: int


def _adjusted(
    answers: Sequence[list[str]], targets: Sequence[Mapping[str, float]], weights: list[float]
) -> tuple[list[float], float]:
    """One round of raking: each margin in turn; returns the weights and the largest gap."""
    worst = 0.0
    for values, target in zip(answers, targets, strict=True):
        sums: dict[str, float] = {}
        for value, weight in zip(values, weights, strict=True):
            sums[value] = sums.get(value, 0.0) + weight
        whole = sum(sums.values())
        worst = max(worst, *(abs(sums.get(k, 0.0) / whole - t) for k, t in target.items()))
        weights = [w * target[v] * whole / sums[v] for v, w in zip(values, weights, strict=True)]
    return weights, worst


def _targets(margins: Sequence[Margin], answers: Sequence[list[str]]) -> list[dict[str, float]]:
    targets = []
    for margin, values in zip(margins, answers, strict=True):
        total = sum(margin.totals.values())
        if total <= 0:
            raise RakingError(f"the {margin.column} margin has no population")
        missing = [k for k, v in margin.totals.items() if v > 0 and k not in values]
        if missing:
            raise RakingError(f"no respondent answered {margin.column} {', '.join(missing)}")
        targets.append({k: v / total for k, v in margin.totals.items()})
    return targets


def rake(
    frame: pl.DataFrame,
    margins: Sequence[Margin],
    *,
    max_iterations: int = MAX_ITERATIONS,
    tolerance: float = TOLERANCE,
) -> Weighting:
    """Rake the responses to the margins.

    Raises:
        RakingError: no margins, a margin with no total, a margin category no respondent is in,
            or the weights do not converge.
    """
    if not margins:
        raise RakingError("no margins to weight to")
    in_scope = pl.all_horizontal(
        pl.col(m.column).is_in([k for k, v in m.totals.items() if v > 0]) for m in margins
    )
    indexed = frame.with_row_index("_order").with_columns(in_scope.fill_null(False).alias("_in"))
    rows = indexed.filter(pl.col("_in"))
    answers = [rows.get_column(m.column).cast(pl.String).to_list() for m in margins]
    targets = _targets(margins, answers)
    weights = [1.0] * rows.height
    iteration, worst = 0, 1.0
    while worst >= tolerance:
        if iteration == max_iterations:
            raise RakingError(f"the weights did not converge in {max_iterations} rounds")
        weights, worst = _adjusted(answers, targets, weights)
        iteration += 1
    mean = sum(weights) / len(weights)
    weights = [w / mean for w in weights]
    n_eff = sum(weights) ** 2 / sum(w * w for w in weights)
    found = pl.DataFrame(
        {"_order": rows.get_column("_order"), c.WEIGHT: pl.Series(weights, dtype=pl.Float64)}
    )
    out = (
        indexed.join(found, on="_order", how="left")
        .with_columns(pl.col(c.WEIGHT).fill_null(1.0))
        .sort("_order")
        .drop("_order", "_in")
    )
    return Weighting(
        weights=out,
        respondents=rows.height,
        effective_n=n_eff,
        design_effect=rows.height / n_eff,
        iterations=iteration,
    )


def workforce_margins(published: pl.DataFrame, *, period: str | None = None) -> list[Margin]:
    """The role-group and sector margins from published measures (``indicators.csv``): filled
    posts by job-role group and by sector in ``period`` (the latest when None), in the answers'
    words.

    Raises:
        RakingError: the published measures hold no filled posts by role group and sector.
    """
    posts = published.filter(pl.col(pub.MEASURE_ID) == MARGIN_MEASURE)
    periods = sorted(str(p) for p in posts.get_column(pub.PERIOD).unique().to_list())
    if not periods:
        raise RakingError(f"the published measures hold no {MARGIN_MEASURE}")
    chosen = period or periods[-1]
    margins = []
    for column, (breakdown, answers) in WORKFORCE_BREAKDOWNS.items():
        rows = posts.filter((pl.col(pub.PERIOD) == chosen) & (pl.col(pub.BREAKDOWN) == breakdown))
        values = {str(v): n for v, n in rows.select(pub.BREAKDOWN_VALUE, pub.VALUE).iter_rows()}
        totals = {
            answer: float(values[name]) for answer, name in answers.items() if values.get(name)
        }
        if not totals:
            raise RakingError(f"no {MARGIN_MEASURE} by {breakdown} in {chosen}")
        margins.append(Margin(column, totals))
    return margins
