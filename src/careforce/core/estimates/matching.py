"""Matching ASC-WDS returns to the CQC register by location id, and what does not match."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from careforce.core.estimates.columns import (
    ESTABLISHMENT_ID,
    FILLED_POSTS,
    LOCATION_ID,
    REFERENCE_DATE,
    SNAPSHOT,
)
from careforce.core.vocab.cqc_register import Location

FILE = "ascwds"
"""Source named in matching findings (the returns, found by workplace)."""


@dataclass(frozen=True)
class Matched:
    """Returns split by what they match.

    Attributes:
        located: returns of in-scope register locations, at most one per location and snapshot.
        unregistered: returns of workplaces with no CQC location id (their own population),
            and of workplaces whose location id is not an in-scope location of the register.
        findings: one per mismatch, in the columns of the findings table (file ``ascwds``,
            line 0, the location and workplace in the value).
    """

    located: pl.DataFrame
    unregistered: pl.DataFrame
    findings: pl.DataFrame


def _finding(frame: pl.DataFrame, code: str, message: pl.Expr, severity: str) -> pl.DataFrame:
    return frame.select(
        pl.lit(FILE).alias("file"),
        pl.lit(0, dtype=pl.Int64).alias("line"),
        pl.lit("cqc_location_id").alias("column"),
        pl.format("{} (workplace {})", pl.col(LOCATION_ID), pl.col(ESTABLISHMENT_ID)).alias(
            "value"
        ),
        pl.lit(code).alias("code"),
        pl.lit(severity).alias("severity"),
        message.alias("message"),
    )


def match_returns(returns: pl.DataFrame, locations: pl.DataFrame) -> Matched:
    """Match returns (one row per workplace and snapshot) to register locations.

    A location claimed by two workplaces in one snapshot counts the workplace with more filled
    posts (then the lower workplace id); the other is reported and counted with the
    unregistered workplaces, so no return is lost. A location id missing from the register
    (deregistered, or mistyped) and one out of scope (dormant, another directorate, the
    secondary of a dual registration) are reported likewise.
    """
    scope = locations.select(
        pl.col(Location.LOCATION_ID).alias(LOCATION_ID),
        pl.col(Location.IN_SCOPE).alias("_in_scope"),
        pl.col(Location.SCOPE_REASON).alias("_reason"),
    ).unique(LOCATION_ID, keep="first")
    has_id = pl.col(LOCATION_ID).is_not_null() & (pl.col(LOCATION_ID) != "")
    joined = returns.with_columns(
        pl.when(has_id).then(pl.col(LOCATION_ID)).alias(LOCATION_ID)
    ).join(scope, on=LOCATION_ID, how="left")
    unknown = joined.filter(has_id & pl.col("_in_scope").is_null())
    outside = joined.filter(has_id & (pl.col("_in_scope") == False))  # noqa: E712
    candidates = joined.filter(pl.col("_in_scope") == True).sort(  # noqa: E712
        SNAPSHOT,
        LOCATION_ID,
        pl.col(FILLED_POSTS),
        ESTABLISHMENT_ID,
        descending=[False, False, True, False],
    )
    first = pl.struct(SNAPSHOT, LOCATION_ID).is_first_distinct()
    located = candidates.filter(first)
    twice = candidates.filter(~first)
    findings = pl.concat(
        [
            _finding(
                unknown,
                "EST-LOCATION-UNKNOWN",
                pl.format(
                    "The workplace's CQC location is not on the register of active locations "
                    "(deregistered or mistyped), return of {}: counted as a workplace not "
                    "regulated by CQC",
                    pl.col(REFERENCE_DATE),
                ),
                "warning",
            ),
            _finding(
                outside,
                "EST-LOCATION-OUT-OF-SCOPE",
                pl.format(
                    "The workplace's CQC location is on the register but not in scope ({}): "
                    "counted as a workplace not regulated by CQC",
                    pl.col("_reason"),
                ),
                "warning",
            ),
            _finding(
                twice,
                "EST-LOCATION-CLAIMED-TWICE",
                pl.format(
                    "Another workplace claims the same CQC location in the return of {}: the "
                    "one with more filled posts is counted for the location",
                    pl.col(REFERENCE_DATE),
                ),
                "warning",
            ),
        ]
    )
    drop = ["_in_scope", "_reason"]
    unregistered = pl.concat(
        [
            joined.filter(~has_id).drop(drop),
            unknown.drop(drop),
            outside.drop(drop),
            twice.drop(drop),
        ]
    )
    return Matched(located.drop(drop), unregistered, findings.sort("value", "code"))
