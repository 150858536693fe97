"""Shared fixtures: Staffordshire's generated ASC-WDS returns, parsed back from their CSV text."""

from __future__ import annotations

import io
from dataclasses import dataclass

import polars as pl
import pytest

from careforce.core.vocab.groups import SERVICE_GROUP
from careforce.synthetic.ascwds_returns import AscwdsReturn, generate_ascwds_returns
from careforce.synthetic.profiles import AreaProfile, build_profile

SEED = 2022
"""Seed of the shared generated data."""


def parse(text: str) -> pl.DataFrame:
    """Read CSV text back as strings, as an ingesting reader would (blank = empty string)."""
    return pl.read_csv(io.BytesIO(text.encode("utf-8")), infer_schema=False).fill_null("")


@dataclass(frozen=True)
class ParsedYear:
    """One year's three files, parsed; staff rows carry their workplace's columns too."""

    year: str
    reference_year: int
    workplace: pl.DataFrame
    staff: pl.DataFrame
    training: pl.DataFrame


@dataclass(frozen=True)
class Generated:
    """Generated returns as text and as frames, by year label."""

    area: AreaProfile
    returns: list[AscwdsReturn]
    years: dict[str, ParsedYear]


def _parsed(returns: list[AscwdsReturn]) -> dict[str, ParsedYear]:
    years = {}
    for annual in returns:
        workplace = parse(annual.files["workplace"])
        staff = parse(annual.files["staff"]).join(
            workplace.select(
                "LOCALESTID",
                pl.col("MAINSERVICE").alias("WP_MAINSERVICE"),
                pl.col("ESTTYPE").alias("WP_ESTTYPE"),
                pl.col("REGTYPE").alias("WP_REGTYPE"),
                pl.col("LEAVERS").alias("WP_LEAVERS"),
                pl.col("VACANCIES").alias("WP_VACANCIES"),
                pl.col("MAINSERVICE")
                .cast(pl.Int64)
                .replace_strict({k: v.value for k, v in SERVICE_GROUP.items()})
                .alias("SERVICE_GROUP"),
            ),
            on="LOCALESTID",
            how="left",
        )
        years[annual.year] = ParsedYear(
            annual.year,
            2000 + int(annual.year[-2:]),
            workplace,
            staff,
            parse(annual.files["training"]),
        )
    return years


@pytest.fixture(scope="session")
def staffordshire() -> Generated:
    """Staffordshire at full scale (about 18,000 staff a year), generated once per session."""
    area = build_profile("staffordshire").areas[0]
    returns = generate_ascwds_returns(area, seed=SEED)
    return Generated(area, returns, _parsed(returns))
