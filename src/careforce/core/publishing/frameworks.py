"""Checking an outcomes framework's sources against the measure catalogue and the published
measures."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import polars as pl

from careforce.core.configuration import Problem
from careforce.core.indicators.catalogue import MEASURES, Dimension, Measure
from careforce.core.outcomes.framework import Framework, placed_measures
from careforce.core.vocab.published import BREAKDOWN, BREAKDOWN_VALUE, MEASURE_ID


def catalogue_breakdowns(measures: Sequence[Measure] = MEASURES) -> dict[str, set[str]]:
    """The breakdowns each catalogue measure is published for (two-way for category shares)."""
    allowed: dict[str, set[str]] = {}
    for entry in measures:
        names = allowed.setdefault(entry.id, set())
        if entry.categories is None:
            names.update(dimension.value for dimension in entry.breakdowns)
        else:
            names.add(entry.categories.value)
            names.update(
                f"{dimension.value}/{entry.categories.value}"
                for dimension in entry.breakdowns
                if dimension is not Dimension.TOTAL
            )
    return allowed


def framework_problems(
    framework: Framework, *, available: pl.DataFrame | None = None
) -> tuple[list[Problem], list[str]]:
    """Check every measure id and breakdown against the catalogue and the indicator results.

    A measure id must be in the catalogue or in the results (survey measures, for example); a
    catalogue measure must be published for the breakdown asked for. A source with no rows in
    the results is a warning, not an error: the results may be for other years.

    Args:
        framework: the framework.
        available: the indicator results (only their measure, breakdown and value columns
            are used), or None to check against the catalogue alone.

    Returns:
        The problems (errors) and the warnings, each naming the measure and source.
    """
    breakdowns = catalogue_breakdowns()
    in_results: set[tuple[str, str, str]] = set()
    ids = set(breakdowns)
    if available is not None:
        keys = available.select(MEASURE_ID, BREAKDOWN, BREAKDOWN_VALUE).unique()
        in_results = {(str(m), str(b), str(v)) for m, b, v in keys.iter_rows()}
        ids |= {key[0] for key in in_results}
    problems: list[Problem] = []
    warnings: list[str] = []
    for placed in placed_measures(framework):
        for index, source in enumerate(placed.measure.sources or []):
            at = (*placed.path, "sources", index)
            measure_id = source.measure_id
            if measure_id is None:
                continue
            if measure_id not in ids:
                close = difflib.get_close_matches(measure_id, sorted(ids), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(
                    Problem(
                        (*at, "measure_id"),
                        f"{measure_id!r} is not a measure of the catalogue (docs/measures.md) "
                        f"or of the indicator results{hint}",
                    )
                )
                continue
            known = breakdowns.get(measure_id)
            if known is not None and source.breakdown not in known:
                problems.append(
                    Problem(
                        (*at, "breakdown"),
                        f"{measure_id} is not published by {source.breakdown!r} (breakdowns: "
                        f"{', '.join(sorted(known))})",
                    )
                )
                continue
            key = (measure_id, source.breakdown, source.breakdown_value)
            if available is not None and key not in in_results:
                warnings.append(
                    f"{placed.measure.code} source {index + 1}: the indicator results have no "
                    f"rows for {measure_id} with {source.breakdown} = {source.breakdown_value!r}; "
                    "it is shown as [x]"
                )
    return problems, warnings
