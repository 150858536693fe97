"""Estimates for every in-scope location of the register: its return where it has one, else
the model of its service; counts and job roles of estimated locations from the ratios of
returned locations like them; intervals from the bootstrap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from careforce.core.estimates import accuracy, models
from careforce.core.estimates.carrying import RETURN_WINDOW_DAYS, carried_returns
from careforce.core.estimates.columns import (
    AREA_CODE,
    BEDS,
    CARE_HOME,
    ESTABLISHMENT_ID,
    FILLED_POSTS,
    JOB_ROLE_GROUP,
    LEAVERS,
    LOCATION_ID,
    LOWER,
    NOT_RETURNED,
    POSTS,
    REFERENCE_DATE,
    SECTOR,
    SERVICE_GROUP,
    SNAPSHOT,
    SOURCE,
    STARTERS,
    UPPER,
    VACANCIES,
    WORKPLACE_REF,
    Source,
)
from careforce.core.estimates.matching import match_returns
from careforce.core.vocab.cqc_register import Location

RATIO_COUNTS = (VACANCIES, STARTERS, LEAVERS)
"""Counts an estimated location takes from the ratios of returned locations of its service."""
_GROUP = "_model_group"
_INDEX = "_index"
PERCENTILES = (2.5, 97.5)
"""Percentiles of the bootstrap replicates that bound a 95% interval."""


@dataclass(frozen=True)
class Replicates:
    """Bootstrap replicates of the modelled locations' filled posts.

    Attributes:
        location_ids: the modelled locations, in the order of the columns.
        values: replicates (rows) by location (columns).
    """

    location_ids: list[str]
    values: models.Matrix


@dataclass(frozen=True)
class Estimates:
    """Everything a run estimates.

    Attributes:
        locations: every in-scope location with its filled posts, interval, source, counts and
            sector (``not returned`` when modelled).
        unregistered: the current returns of workplaces not on the register (their own
            population, counted as returned).
        roles: filled posts by job-role group, per location (``location_id``) or unregistered
            workplace (``establishment_id``).
        accuracy: the cross-validated accuracy by service group.
        replicates: the bootstrap replicates of modelled locations.
        findings: mismatches between returns and the register.
        notes: what a reader of the figures must know (e.g. a default ratio was used).
    """

    locations: pl.DataFrame
    unregistered: pl.DataFrame
    roles: pl.DataFrame
    accuracy: pl.DataFrame
    replicates: Replicates
    findings: pl.DataFrame
    notes: list[str] = field(default_factory=list)


SIZE_BAND = "size_band"
"""Column: Skills for Care's workplace size band of a location's filled posts."""
SIZE_BANDS: tuple[tuple[float, str], ...] = (
    (250, "large"),
    (50, "medium"),
    (10, "small"),
    (0, "micro"),
)
"""Size bands by filled posts (Skills for Care: micro 1-9, small 10-49, medium 50-249, large 250+)."""


def size_band(posts: pl.Expr) -> pl.Expr:
    """The size band of a number of filled posts."""
    band: pl.Expr = pl.lit(None, dtype=pl.String)
    for bound, name in reversed(SIZE_BANDS):
        band = pl.when(posts >= bound).then(pl.lit(name)).otherwise(band)
    return band


def _with_ratios(frame: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """Each row's counts per filled post (``<count>_ratio``): those of the returned locations of
    its service group and size band, else of its service group, else of every returned location;
    none (the count stays unknown) when no returned location knows it. Estimated counts from these ratios weight the returns to the estimated workforce by
    service and size."""
    frame = frame.with_columns(size_band(pl.col(FILLED_POSTS)).alias(SIZE_BAND))
    known = known.with_columns(size_band(pl.col(FILLED_POSTS)).alias(SIZE_BAND))
    for count in RATIO_COUNTS:
        usable = known.filter(pl.col(count).is_not_null() & (pl.col(FILLED_POSTS) > 0))
        ratio = pl.col(count).sum() / pl.col(FILLED_POSTS).sum()
        cell = usable.group_by(SERVICE_GROUP, SIZE_BAND).agg(ratio.alias("_cell"))
        group = usable.group_by(SERVICE_GROUP).agg(ratio.alias("_group"))
        overall = usable.select(ratio.fill_nan(None).alias("_overall"))
        frame = (
            frame.join(cell, on=[SERVICE_GROUP, SIZE_BAND], how="left")
            .join(group, on=SERVICE_GROUP, how="left")
            .join(overall, how="cross")
            .with_columns(pl.coalesce("_cell", "_group", "_overall").alias(f"{count}_ratio"))
            .drop("_cell", "_group", "_overall")
        )
    return frame


def _model(frame: pl.DataFrame, notes: list[str]) -> tuple[pl.DataFrame, pl.DataFrame, Replicates]:
    """Predictions of modelled locations, their intervals and replicates, and the out-of-fold
    predictions of returned ones."""
    predicted, validated, ids, blocks = [], [], [], []
    for group in models.GROUPS:
        part = frame.filter(pl.col(_GROUP) == group)
        train = part.filter(pl.col(SOURCE) == Source.RETURNED.value)
        target = part.filter(pl.col(SOURCE).is_null())
        x, y, beds = (
            models.features(train, group),
            train[FILLED_POSTS].to_numpy().astype(np.float64),
            models.beds_of(train),
        )
        model = models.group_model(x, y, beds, group=group)
        if model.default and target.height:
            notes.append(
                f"No returns of {group}: their filled posts use careforce's default ratio "
                f"({model.ratio:g}), not a model."
            )
        elif model.fitted is None and target.height:
            notes.append(
                f"Fewer than {models.MIN_TRAINING} returns of {group}: their filled posts use the "
                "ratio of the returns there are, not a model."
            )
        oof = accuracy.out_of_fold(x, y, beds, group=group)
        validated.append(
            train.select(SERVICE_GROUP, pl.col(FILLED_POSTS).alias("actual")).with_columns(
                pl.Series("predicted", oof, dtype=pl.Float64)
            )
        )
        if target.height == 0:
            continue
        tx, tbeds = models.features(target, group), models.beds_of(target)
        centre = model.predict(tx, tbeds)
        draws = accuracy.bootstrap_predictions(
            x, y, beds, tx, tbeds, group=group, residuals=y - oof
        )
        low, high = np.percentile(draws, PERCENTILES, axis=0)
        predicted.append(
            pl.DataFrame(
                {
                    LOCATION_ID: target[LOCATION_ID],
                    "_predicted": centre,
                    "_lower": np.minimum(low, centre),
                    "_upper": np.maximum(high, centre),
                }
            )
        )
        ids.extend(target[LOCATION_ID].to_list())
        blocks.append(draws)
    values = np.hstack(blocks) if blocks else np.empty((accuracy.BOOTSTRAP_REPLICATES, 0))
    schema = {
        LOCATION_ID: pl.String,
        "_predicted": pl.Float64,
        "_lower": pl.Float64,
        "_upper": pl.Float64,
    }
    return (
        pl.concat(predicted) if predicted else pl.DataFrame(schema=schema),
        pl.concat(validated),
        Replicates(ids, values),
    )


def _roles(located: pl.DataFrame, unregistered: pl.DataFrame, roles: pl.DataFrame) -> pl.DataFrame:
    """Filled posts by job-role group: a location with a return splits its estimate as its
    return does; any other location (and one whose return has no staff records) as the
    returned locations of its service group do together."""
    shares = roles.with_columns(
        (pl.col(POSTS) / pl.col(POSTS).sum().over(ESTABLISHMENT_ID, SNAPSHOT)).alias("_share")
    )
    own = located.join(
        shares.rename({ESTABLISHMENT_ID: WORKPLACE_REF}), on=[WORKPLACE_REF, SNAPSHOT], how="inner"
    )
    returned = own.filter(pl.col(SOURCE) == Source.RETURNED.value)
    group_shares = (
        returned.group_by(SERVICE_GROUP, JOB_ROLE_GROUP)
        .agg(pl.col(POSTS).sum())
        .with_columns((pl.col(POSTS) / pl.col(POSTS).sum().over(SERVICE_GROUP)).alias("_share"))
    )
    covered = own[LOCATION_ID].unique().implode()
    rest = located.filter(~pl.col(LOCATION_ID).is_in(covered)).join(
        group_shares.select(SERVICE_GROUP, JOB_ROLE_GROUP, "_share"), on=SERVICE_GROUP, how="inner"
    )
    columns = [LOCATION_ID, AREA_CODE, SERVICE_GROUP, SECTOR, JOB_ROLE_GROUP]
    location_roles = pl.concat(
        [
            part.select(*columns, (pl.col(FILLED_POSTS) * pl.col("_share")).alias(POSTS))
            for part in (own, rest)
        ]
    ).with_columns(pl.lit(None, dtype=pl.String).alias(ESTABLISHMENT_ID))
    workplace_roles = unregistered.join(roles, on=[ESTABLISHMENT_ID, SNAPSHOT], how="inner").select(
        pl.lit(None, dtype=pl.String).alias(LOCATION_ID),
        AREA_CODE,
        SERVICE_GROUP,
        SECTOR,
        JOB_ROLE_GROUP,
        pl.col(POSTS).cast(pl.Float64),
        ESTABLISHMENT_ID,
    )
    return pl.concat([location_roles, workplace_roles.select(location_roles.columns)])


def estimate(
    register: pl.DataFrame,
    returns: pl.DataFrame,
    roles: pl.DataFrame,
    *,
    reference_date: dt.date,
    window_days: int = RETURN_WINDOW_DAYS,
) -> Estimates:
    """Estimate every in-scope location of the register.

    Args:
        register: the canonical ``locations`` dataset (every row; scope decides).
        returns: one row per workplace and snapshot: ``establishment_id``, ``snapshot``,
            ``reference_date``, ``area_code``, ``location_id``, ``service_group`` (of ASC-WDS),
            ``sector`` and the counts ``filled_posts``, ``vacancies``, ``starters``, ``leavers``.
        roles: ``establishment_id``, ``snapshot``, ``job_role_group``, ``posts``.
        reference_date: the date the estimates are for.
        window_days: how far from it a return may be to stand for its location.
    """
    matched = match_returns(returns, register)
    carried = carried_returns(
        matched.located, reference_date=reference_date, window_days=window_days
    )
    in_scope = register.filter(pl.col(Location.IN_SCOPE))
    frame = (
        in_scope.rename({Location.LOCATION_ID: LOCATION_ID})
        .join(carried, on=LOCATION_ID, how="left")
        .with_columns(models.model_group(in_scope).alias(_GROUP))
    )
    notes: list[str] = []
    predicted, validated, replicates = _model(frame, notes)
    frame = (
        frame.join(predicted, on=LOCATION_ID, how="left")
        .with_columns(
            pl.coalesce(pl.col(FILLED_POSTS), pl.col("_predicted")).alias(FILLED_POSTS),
            pl.coalesce(pl.col(SOURCE), pl.lit(Source.MODELLED.value)).alias(SOURCE),
            pl.coalesce(pl.col(SECTOR), pl.lit(NOT_RETURNED)).alias(SECTOR),
        )
        .with_columns(
            pl.coalesce(pl.col("_lower"), pl.col(FILLED_POSTS)).alias(LOWER),
            pl.coalesce(pl.col("_upper"), pl.col(FILLED_POSTS)).alias(UPPER),
        )
    )
    # The register's service group column is the estimates' one (the same name).
    returned = frame.filter(pl.col(SOURCE) == Source.RETURNED.value)
    frame = _with_ratios(frame, returned).with_columns(
        pl.coalesce(pl.col(c), pl.col(FILLED_POSTS) * pl.col(f"{c}_ratio")).alias(c)
        for c in RATIO_COUNTS
    )
    located = frame.select(
        LOCATION_ID,
        WORKPLACE_REF,
        pl.col(Location.AREA_CODE).alias(AREA_CODE),
        pl.col(Location.AREA_NAME).alias("area_name"),
        pl.col(Location.SERVICE_GROUP).alias(SERVICE_GROUP),
        pl.col(Location.CARE_HOME).alias(CARE_HOME),
        pl.col(Location.BEDS).alias(BEDS),
        FILLED_POSTS,
        LOWER,
        UPPER,
        SOURCE,
        SNAPSHOT,
        SECTOR,
        *RATIO_COUNTS,
        pl.col(Location.NAME).alias("location_name"),
        pl.col(Location.PROVIDER_NAME).alias("provider_name"),
    ).sort(AREA_CODE, LOCATION_ID)
    unregistered = matched.unregistered.filter(
        pl.col(REFERENCE_DATE) == reference_date
    ).with_columns(pl.col(c).cast(pl.Float64) for c in (FILLED_POSTS, *RATIO_COUNTS))
    return Estimates(
        locations=located,
        unregistered=unregistered,
        roles=_roles(located, unregistered, roles),
        accuracy=accuracy.accuracy_table(validated),
        replicates=replicates,
        findings=matched.findings,
        notes=notes,
    )
