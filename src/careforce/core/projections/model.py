"""The projection equations, vectorised over a batch of parameter draws.

Arrays have a leading batch axis of ``n`` rows (one per parameter set: 1 for a plain projection,
2 for a sensitivity pair, the number of draws for Monte Carlo) and a year axis whose index 0 is
the base year and index ``t`` is ``t`` years after it. Yearly rates are indexed by the year they
start in, so ``rates[:, t]`` applies from year ``t`` to ``t + 1``.

For a group with base workforce ``B``, elasticity ``k`` and driver growth ``g_t``:

- requirement ``W_t = B * (1 + k * g_t) + policy posts in force in year t``;
- extra demand ``E_T = W_T - B + vacancies filled by T``;
- replacement of sector leavers by year ``T``, with yearly rate ``r_t``:
  start of year ``sum_{t<T} r_t W_t``; mid-year ``sum_{t<T} r_t (W_t + W_{t+1}) / 2``;
  end of year ``sum_{t<T} r_t W_{t+1}``;
  or, with a number of leavers ``L`` a year, ``L * T * P_T / P_0``;
- total new staff ``E_T + replacement_T``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from careforce.core.projections.parameters import Timing

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RateReplacement:
    """Replacement as yearly rates on the workforce.

    Attributes:
        rates: share leaving the sector, shape (n, years - 1).
        timing: when in the year the rate applies.
        turnover: share leaving their employer, shape (n, years - 1), if known.
    """

    rates: FloatArray
    timing: Timing
    turnover: FloatArray | None = None


@dataclass(frozen=True)
class LeaverReplacement:
    """Replacement as a number of leavers a year, optionally scaled by a population.

    Attributes:
        leavers_per_year: shape (n,).
        adjustment: ``P_t / P_0`` by year, shape (n, years) (ones for no adjustment).
    """

    leavers_per_year: FloatArray
    adjustment: FloatArray


@dataclass(frozen=True)
class GroupInputs:
    """Everything the equations need for one group, as arrays.

    Attributes:
        base_workforce: ``B``, shape (n,).
        demand_elasticity: ``k``, shape (n,).
        growth: driver growth since the base year ``g_t``, shape (n, years); ``g_0 = 0``.
        policy_posts: posts in force by year, shape (n, years).
        base_vacancies: vacancies in the base year, shape (n,).
        vacancy_fill: share of base vacancies filled by year, shape (years,).
        replacement: rates, leavers, or None for no replacement.
    """

    base_workforce: FloatArray
    demand_elasticity: FloatArray
    growth: FloatArray
    policy_posts: FloatArray
    base_vacancies: FloatArray
    vacancy_fill: FloatArray
    replacement: RateReplacement | LeaverReplacement | None


@dataclass(frozen=True)
class GroupProjection:
    """Results for one group, each of shape (n, years); index 0 is the base year (all zeros
    except the requirement).

    Attributes:
        requirement: ``W_t``.
        demand_growth: ``W_t - B``.
        policy_posts: posts in force.
        vacancies_filled: base vacancies filled by year t.
        extra_demand: demand growth plus vacancies filled.
        replacement: cumulative sector leavers replaced since the base year.
        total_new_staff: extra demand plus replacement.
        employer_replacement: cumulative employer leavers replaced, if turnover is known.
        employer_recruitment: extra demand plus employer replacement, if turnover is known.
    """

    requirement: FloatArray
    demand_growth: FloatArray
    policy_posts: FloatArray
    vacancies_filled: FloatArray
    extra_demand: FloatArray
    replacement: FloatArray
    total_new_staff: FloatArray
    employer_replacement: FloatArray | None
    employer_recruitment: FloatArray | None


def requirement(
    base_workforce: FloatArray,
    demand_elasticity: FloatArray,
    growth: FloatArray,
    policy_posts: FloatArray,
) -> FloatArray:
    """``W_t = B * (1 + k * g_t) + posts_t``, shape (n, years)."""
    return base_workforce[:, None] * (1.0 + demand_elasticity[:, None] * growth) + policy_posts


def cumulative_leavers(workforce: FloatArray, rates: FloatArray, timing: Timing) -> FloatArray:
    """Leavers replaced since the base year, by year, shape (n, years); 0 in the base year.

    Args:
        workforce: ``W_t``, shape (n, years).
        rates: ``r_t`` applying from year t to t + 1, shape (n, years - 1).
        timing: which workforce the rate applies to.
    """
    if timing is Timing.START_OF_YEAR:
        exposed = workforce[:, :-1]
    elif timing is Timing.END_OF_YEAR:
        exposed = workforce[:, 1:]
    else:
        exposed = (workforce[:, :-1] + workforce[:, 1:]) / 2.0
    yearly = rates * exposed
    return np.concatenate([np.zeros_like(workforce[:, :1]), np.cumsum(yearly, axis=1)], axis=1)


def leavers_replaced(leavers: LeaverReplacement, years: int) -> FloatArray:
    """``L * t * P_t / P_0`` by year, shape (n, years)."""
    elapsed = np.arange(years, dtype=np.float64)
    return leavers.leavers_per_year[:, None] * elapsed * leavers.adjustment


def project_group(inputs: GroupInputs) -> GroupProjection:
    """Apply the equations to one group's inputs."""
    workforce = requirement(
        inputs.base_workforce, inputs.demand_elasticity, inputs.growth, inputs.policy_posts
    )
    years = workforce.shape[1]
    demand_growth = workforce - inputs.base_workforce[:, None]
    vacancies_filled = inputs.base_vacancies[:, None] * inputs.vacancy_fill[None, :]
    extra = demand_growth + vacancies_filled
    employer_replacement: FloatArray | None = None
    match inputs.replacement:
        case RateReplacement(rates=rates, timing=timing, turnover=turnover):
            replaced = cumulative_leavers(workforce, rates, timing)
            if turnover is not None:
                employer_replacement = cumulative_leavers(workforce, turnover, timing)
        case LeaverReplacement() as leavers:
            replaced = leavers_replaced(leavers, years)
        case None:
            replaced = np.zeros_like(workforce)
    return GroupProjection(
        requirement=workforce,
        demand_growth=demand_growth,
        policy_posts=np.broadcast_to(inputs.policy_posts, workforce.shape).copy(),
        vacancies_filled=vacancies_filled,
        extra_demand=extra,
        replacement=replaced,
        total_new_staff=extra + replaced,
        employer_replacement=employer_replacement,
        employer_recruitment=None if employer_replacement is None else extra + employer_replacement,
    )
