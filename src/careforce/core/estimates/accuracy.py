"""How good the models are: k-fold cross-validation over the returned locations, and bootstrap
intervals for totals of estimates."""

from __future__ import annotations

from typing import Final

import numpy as np
import polars as pl

from careforce.core.estimates.models import Matrix, bounded, group_model

FOLDS: Final = 5
"""Folds of the cross-validation (fewer when there are fewer returns)."""
BOOTSTRAP_REPLICATES: Final = 200
"""Bootstrap replicates behind each interval: enough for stable 2.5% and 97.5% percentiles
of a sum."""
SEED: Final = 20_240_401
"""Seed of the fold assignment and the bootstrap, so a run is reproducible."""
WITHIN_POSTS: Final = 10
"""A prediction within this many posts of the return counts as close (the issue's measure)."""
WITHIN_SHARE: Final = 0.25
"""A prediction within this share of the return counts as close."""
ALL_SERVICES: Final = "all"
"""Service group of the accuracy row over every returned location."""

ACCURACY_COLUMNS: Final = (
    "service_group",
    "n",
    "r2",
    "rmse",
    "within_10_posts_share",
    "within_25pct_share",
)
"""Columns of ``accuracy.csv``."""


def fold_of(n: int, *, folds: int = FOLDS, seed: int = SEED) -> Matrix:
    """A fold number for each of n rows: a seeded shuffle of 0, 1, ..., folds-1 repeated."""
    k = max(1, min(folds, n))
    order = np.random.default_rng(seed).permutation(n)
    fold = np.empty(n, dtype=np.float64)
    fold[order] = np.arange(n) % k
    return fold


def out_of_fold(x: Matrix, y: Matrix, beds: Matrix, *, group: str, folds: int = FOLDS) -> Matrix:
    """Each returned location's prediction by a model fitted without its fold (NaN when there
    are fewer than two returns)."""
    prediction = np.full(y.size, np.nan)
    if y.size < 2:
        return prediction
    fold = fold_of(y.size, folds=folds)
    for k in np.unique(fold):
        held = fold == k
        model = group_model(x[~held], y[~held], beds[~held], group=group)
        prediction[held] = model.predict(x[held], beds[held])
    return prediction


def metrics(actual: Matrix, predicted: Matrix) -> dict[str, float | int | None]:
    """n, R², RMSE and the shares of predictions close to the return."""
    keep = ~np.isnan(predicted)
    a, p = actual[keep], predicted[keep]
    if a.size == 0:
        return {
            "n": 0,
            "r2": None,
            "rmse": None,
            "within_10_posts_share": None,
            "within_25pct_share": None,
        }
    error = p - a
    total = float(((a - a.mean()) ** 2).sum())
    return {
        "n": int(a.size),
        "r2": 1.0 - float((error**2).sum()) / total if total > 0 else None,
        "rmse": float(np.sqrt((error**2).mean())),
        "within_10_posts_share": float((np.abs(error) <= WITHIN_POSTS).mean()),
        "within_25pct_share": float((np.abs(error) <= WITHIN_SHARE * a).mean()),
    }


def accuracy_table(validated: pl.DataFrame) -> pl.DataFrame:
    """:data:`ACCURACY_COLUMNS` by service group and over all, from a frame of returned
    locations with ``service_group``, ``actual`` and ``predicted``."""
    rows = []
    groups = sorted(validated["service_group"].unique().to_list())
    for group in [*groups, ALL_SERVICES]:
        part = (
            validated
            if group == ALL_SERVICES
            else validated.filter(pl.col("service_group") == group)
        )
        rows.append(
            {"service_group": group}
            | metrics(part["actual"].to_numpy(), part["predicted"].to_numpy())
        )
    return pl.DataFrame(
        rows,
        schema={
            "service_group": pl.String,
            "n": pl.Int64,
            "r2": pl.Float64,
            "rmse": pl.Float64,
            "within_10_posts_share": pl.Float64,
            "within_25pct_share": pl.Float64,
        },
        orient="row",
    )


def bootstrap_predictions(
    x: Matrix,
    y: Matrix,
    beds: Matrix,
    target_x: Matrix,
    target_beds: Matrix,
    *,
    group: str,
    residuals: Matrix,
    replicates: int = BOOTSTRAP_REPLICATES,
    seed: int = SEED,
) -> Matrix:
    """Replicates (rows) of the predictions of the target locations (columns): each refits the
    model on a resample of the returns and adds a residual drawn from the cross-validation's,
    so an interval covers both the model's uncertainty and a location's own variation."""
    rng = np.random.default_rng(seed)
    out = np.empty((replicates, target_x.shape[0]))
    noise = residuals[~np.isnan(residuals)]
    for b in range(replicates):
        pick = rng.integers(0, y.size, y.size) if y.size else np.array([], dtype=np.int64)
        model = group_model(x[pick], y[pick], beds[pick], group=group)
        centre = model.predict(target_x, target_beds)
        draw = rng.choice(noise, target_x.shape[0]) if noise.size else 0.0
        out[b] = bounded(centre + draw, beds=target_beds, largest=model.largest)
    return out
