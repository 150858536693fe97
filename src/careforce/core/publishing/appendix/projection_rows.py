"""Projection results as tidy measure rows, so that the appendix cites them as it cites any
other measure: the workforce required and the new staff needed by group and year, the Monte
Carlo range of new staff, and new staff under each scenario.

Rows for the sum of groups (``all``) are left out: two projections (adults and children)
would both write one, and their groups already give every figure.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.publishing.appendix.plain_rows import plain_rows
from careforce.core.vocab import published as pub
from careforce.core.vocab.published import Unit

GROUP: Final = "group"
"""Breakdown of projection rows: the projection's staff group."""
SCENARIO: Final = "group/scenario"
"""Breakdown of scenario rows: group and scenario."""
SUM_OF_GROUPS: Final = "all"
"""The projection results' group holding the sum of the groups."""
RESULT_MEASURES: Final = {
    "requirement": ("projected_requirement", "Projected workforce requirement"),
    "extra_demand": ("projected_extra_demand", "Extra staff needed for increased demand"),
    "replacement": ("projected_replacement", "Staff needed to replace leavers"),
    "total_new_staff": ("projected_new_staff", "Total new staff needed"),
}
"""Measure id and name of each column of the projection results."""
RANGE_MEASURES: Final = {
    "p10": ("projected_new_staff_p10", "Total new staff needed, 10th percentile"),
    "p90": ("projected_new_staff_p90", "Total new staff needed, 90th percentile"),
}
"""Measure id and name of each percentile of the Monte Carlo range of new staff."""
PROJECTION_MEASURE_NOTES: Final = {
    "projected_requirement": "The workforce the projection says is needed in the year.",
    "projected_extra_demand": "Staff needed in addition to the base workforce because demand "
    "grows (and policy posts and vacancies filled), counted from the base year.",
    "projected_replacement": "Staff needed to replace those who leave the sector, counted from "
    "the base year.",
    "projected_new_staff": "Extra demand plus replacement: every new member of staff needed since "
    "the base year (by group, and by group and scenario).",
    "projected_new_staff_p10": "10th percentile of total new staff needed over the Monte Carlo "
    "draws of the uncertain parameters.",
    "projected_new_staff_p90": "90th percentile of total new staff needed over the Monte Carlo "
    "draws of the uncertain parameters.",
}
"""What each projection measure is, for the measure catalogue page."""


def _rows(
    frame: pl.DataFrame,
    *,
    measure: str,
    name: str,
    breakdown: str,
    value: pl.Expr,
    column: str,
    area: tuple[str, str],
) -> pl.DataFrame:
    return plain_rows(
        frame,
        measure=measure,
        name=name,
        period=pl.col("year").cast(pl.Float64).cast(pl.Int64).cast(pl.String),
        area=(pl.lit(area[0]), pl.lit(area[1])),
        breakdown=breakdown,
        breakdown_value=value,
        value=pl.col(column).cast(pl.Float64).round(0),
        unit=Unit.COUNT,
    )


def projection_rows(
    projection: pl.DataFrame,
    *,
    area_code: str,
    area_name: str,
    uncertainty: pl.DataFrame | None = None,
    scenarios: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The projection results (``projection.csv``, ``uncertainty.csv``, ``scenarios.csv``) as
    rows of the published table, counts rounded to whole staff.

    Args:
        projection: group, year and the result columns of :data:`RESULT_MEASURES`.
        area_code: ONS code of the area projected.
        area_name: Name of the area.
        uncertainty: group, year, measure, p10, p90 (the Monte Carlo range), if run.
        scenarios: scenario, group, year, total_new_staff, if run.
    """
    area = (area_code, area_name)
    groups = pl.col(GROUP) != SUM_OF_GROUPS
    parts = [
        _rows(
            projection.filter(groups),
            measure=measure,
            name=name,
            breakdown=GROUP,
            value=pl.col(GROUP),
            column=column,
            area=area,
        )
        for column, (measure, name) in RESULT_MEASURES.items()
        if column in projection.columns
    ]
    if uncertainty is not None:
        new_staff = uncertainty.filter(groups & (pl.col("measure") == "total_new_staff"))
        parts += [
            _rows(
                new_staff,
                measure=measure,
                name=name,
                breakdown=GROUP,
                value=pl.col(GROUP),
                column=column,
                area=area,
            )
            for column, (measure, name) in RANGE_MEASURES.items()
        ]
    if scenarios is not None:
        label = pl.col("scenario").str.replace_all("_", " ")
        parts.append(
            _rows(
                scenarios.filter(groups),
                measure=RESULT_MEASURES["total_new_staff"][0],
                name=RESULT_MEASURES["total_new_staff"][1],
                breakdown=SCENARIO,
                value=pl.concat_str(pl.col(GROUP), pl.lit("/"), label),
                column="total_new_staff",
                area=area,
            )
        )
    return pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=pub.PUBLISHED_SCHEMA)
