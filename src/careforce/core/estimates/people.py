"""People (headcount) of the estimated whole sector: the estimated filled posts over the posts
per person of the returns, as Skills for Care estimates the people in the sector from its
filled posts.

ASC-WDS has one staff record per post and tells people apart by their National Insurance number
(the pseudonymous ``person_id``), so the returns know how many posts each person holds; the
workplaces that did not return do not. Each staff record of the returns the estimates use carries
``1 ÷ k`` of a person, ``k`` being the posts that person holds in the area's returns, so a
cell's people add up to the distinct people of its returns and the cells add up to the area's
distinct people. A person's other post in a workplace that did not return is not seen, so the
returns alone understate how many people hold two posts in different workplaces: that part of
the extra posts is divided by the coverage of the returns (their share of the estimated filled
posts), on the assumption that a person's other workplace returns as often as any. The corrected
people per post of each area and service group (of the area when a service group has no staff
records) multiplies the estimated filled posts of every location and workplace of the cell. Intervals scale each modelled location's bootstrap replicates by its people per post,
as the vacancies' do; the ratio itself is taken as known (the returns hold thousands of records),
which the notes say.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.estimates.columns import (
    AREA_CODE,
    ESTABLISHMENT_ID,
    FILLED_POSTS,
    LOCATION_ID,
    SECTOR,
    SERVICE_GROUP,
    SNAPSHOT,
)
from careforce.core.estimates.estimate import Estimates
from careforce.core.estimates.pay import estimated_workplaces
from careforce.core.estimates.tables import (
    HEADCOUNT_ESTIMATE,
    NOT_KNOWN,
    ROW_SCHEMA,
    combined_workplaces,
    sums,
    with_intervals,
)
from careforce.core.vocab.published import BREAKDOWN, BREAKDOWN_VALUE, NUMERATOR, VALUE

PERSON_ID: Final = "person_id"
"""Column of the people records: the staff record's pseudonymous person key."""
HEADCOUNT: Final = "headcount"
"""Column: the estimated people of a location or workplace (its filled posts × people per post)."""
PEOPLE_PER_POST: Final = "people_per_post"
"""Column: distinct people ÷ staff records of the returns of a cell."""
SEEN_PEOPLE_PER_POST: Final = "seen_people_per_post"
"""Column: distinct people ÷ staff records of the returns of a cell as the returns show them."""
RECORDS: Final = "records"
"""Column: the staff records a cell's people per post is worked out from."""


MIN_PEOPLE_PER_POST: Final = 0.5
"""Fewest people per post a cell may have after the correction for coverage: a person holds two
posts on average at most (England about 1.07 posts per person; ASC-WDS limits a person's hours)."""


def _coverage(estimates: Estimates) -> pl.DataFrame:
    """Each area's share of estimated filled posts in workplaces whose returns are used."""
    places = estimated_workplaces(estimates)
    return places.group_by(AREA_CODE).agg(
        (
            pl.col(FILLED_POSTS).filter(pl.col(ESTABLISHMENT_ID).is_not_null()).sum()
            / pl.col(FILLED_POSTS).sum()
        ).alias("_coverage")
    )


def _used_records(estimates: Estimates, people: pl.DataFrame) -> pl.DataFrame:
    """The staff records of the returns the estimates use, each with its share of a person as
    seen (``1 ÷ k``) and corrected for the coverage of the returns."""
    places = estimated_workplaces(estimates).filter(pl.col(ESTABLISHMENT_ID).is_not_null())
    seen = (1.0 / pl.len().over(AREA_CODE, PERSON_ID)).alias("_person_share")
    in_workplace = 1.0 / pl.len().over(AREA_CODE, PERSON_ID, ESTABLISHMENT_ID, SNAPSHOT)
    # A person's posts in one workplace are all seen; their other posts elsewhere are seen only
    # when that workplace returns too, about the coverage of the posts, so the extra posts of
    # people across workplaces are scaled up by 1 ÷ coverage.
    corrected = (
        in_workplace - (in_workplace - pl.col("_person_share")) / pl.col("_coverage")
    ).clip(lower_bound=0.0)
    return (
        people.select(
            pl.col(ESTABLISHMENT_ID).cast(pl.String),
            pl.col(SNAPSHOT).cast(pl.Int64),
            pl.col(PERSON_ID).cast(pl.String),
        )
        .join(
            places.select(ESTABLISHMENT_ID, SNAPSHOT, AREA_CODE, SERVICE_GROUP).unique(),
            on=[ESTABLISHMENT_ID, SNAPSHOT],
            how="inner",
        )
        .join(_coverage(estimates), on=AREA_CODE, how="left")
        .with_columns(seen)
        .with_columns(corrected.alias("_corrected_share"))
    )


def people_per_post(estimates: Estimates, people: pl.DataFrame) -> pl.DataFrame:
    """People per post of each area and service group of the returns used, with the area's own
    (``service_group`` ``all``): as the returns show them, and corrected for the posts people
    hold in workplaces that did not return (:data:`PEOPLE_PER_POST`, the one used).

    Args:
        estimates: the run's estimates.
        people: one row per staff record: ``establishment_id``, ``snapshot``, ``person_id``.
    """
    records = _used_records(estimates, people)
    ratio = [
        (pl.col("_corrected_share").sum() / pl.len())
        .clip(lower_bound=MIN_PEOPLE_PER_POST)
        .alias(PEOPLE_PER_POST),
        (pl.col("_person_share").sum() / pl.len()).alias(SEEN_PEOPLE_PER_POST),
        pl.len().cast(pl.Int64).alias(RECORDS),
    ]
    return pl.concat(
        [
            records.group_by(AREA_CODE, SERVICE_GROUP).agg(ratio),
            records.group_by(AREA_CODE).agg(ratio).with_columns(pl.lit("all").alias(SERVICE_GROUP)),
        ],
        how="diagonal",
    ).sort(AREA_CODE, SERVICE_GROUP)


def with_headcount(
    frame: pl.DataFrame, ratios: pl.DataFrame, *, column: str = FILLED_POSTS
) -> pl.DataFrame:
    """``frame`` (with ``area_code``, ``service_group`` and ``column``) with its people per post
    (of its service group, else of its area; none when the area's returns have no staff records)
    and its ``headcount``."""
    cells = ratios.filter(pl.col(SERVICE_GROUP) != "all").select(
        AREA_CODE, SERVICE_GROUP, pl.col(PEOPLE_PER_POST).alias("_cell")
    )
    areas = ratios.filter(pl.col(SERVICE_GROUP) == "all").select(
        AREA_CODE, pl.col(PEOPLE_PER_POST).alias("_area")
    )
    return (
        frame.with_columns(pl.col(SERVICE_GROUP).cast(pl.String).fill_null(NOT_KNOWN).alias("_sg"))
        .join(cells.rename({SERVICE_GROUP: "_sg"}), on=[AREA_CODE, "_sg"], how="left")
        .join(areas, on=AREA_CODE, how="left")
        .with_columns(pl.coalesce("_cell", "_area").alias(PEOPLE_PER_POST))
        .with_columns((pl.col(column) * pl.col(PEOPLE_PER_POST)).alias(HEADCOUNT))
        .drop("_sg", "_cell", "_area")
    )


def headcount_rows(estimates: Estimates, people: pl.DataFrame) -> pl.DataFrame:
    """Estimated people by area: total and service group with 95% bootstrap intervals, and by
    sector (:data:`~careforce.core.estimates.tables.ROW_SCHEMA`, unrounded).

    Args:
        estimates: the run's estimates.
        people: one row per staff record: ``establishment_id``, ``snapshot``, ``person_id``.
    """
    ratios = people_per_post(estimates, people)
    combined = with_headcount(combined_workplaces(estimates), ratios)
    order = pl.DataFrame(
        {LOCATION_ID: estimates.replicates.location_ids}, schema={LOCATION_ID: pl.String}
    )
    scale = (
        order.join(combined, on=LOCATION_ID, how="left", maintain_order="left")
        .select(pl.col(PEOPLE_PER_POST).fill_null(0.0))
        .to_series()
    )
    headline = pl.concat(
        [
            sums(combined, HEADCOUNT_ESTIMATE, HEADCOUNT, "total", None),
            sums(combined, HEADCOUNT_ESTIMATE, HEADCOUNT, SERVICE_GROUP, SERVICE_GROUP),
        ]
    )
    parts = [
        with_intervals(headline, combined, estimates.replicates, column=HEADCOUNT, ratios=scale),
        sums(combined, HEADCOUNT_ESTIMATE, HEADCOUNT, SECTOR, SECTOR),
    ]
    # Grouped rows come in any order: sorted, so that equal runs write equal files.
    return (
        pl.concat([p.match_to_schema(ROW_SCHEMA, missing_columns="insert") for p in parts])
        .with_columns(pl.col(NUMERATOR).alias(VALUE))
        .sort(AREA_CODE, pl.col(BREAKDOWN) != "total", BREAKDOWN, BREAKDOWN_VALUE)
    )
