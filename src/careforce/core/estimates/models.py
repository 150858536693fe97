"""Models of a location's filled posts from what the register says of it: regularised
(ridge) linear models, one for care homes and one for services without beds.

Skills for Care moved its filled-post models from gradient-boosted trees to regularised linear
models because trees gave unstable figures for single locations; a linear model on a handful of
register features changes little when one return is added or removed. Predictions are bounded by
a floor and caps (:func:`bounded`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import polars as pl

from careforce.core.vocab.cqc_register import Location
from careforce.core.vocab.groups import ServiceGroup

Matrix = npt.NDArray[np.float64]

RIDGE_ALPHA: Final = 1.0
"""Ridge penalty on standardised features: enough to keep coefficients of rare features
(a service few locations offer) near zero, small against the hundreds of returns of a council."""
MIN_TRAINING: Final = 10
"""Fewest returns a model is fitted on; with fewer, the simple ratio of :func:`fallback` is used."""
MIN_POSTS: Final = 1.0
"""Floor: a registered location has at least its registered manager (or nominated person)."""
MAX_POSTS_PER_BED: Final = 4.0
"""Cap for care homes: no care home in ASC-WDS has more than about three filled posts a bed;
four leaves room for specialist homes."""
CAP_FACTOR: Final = 1.5
"""Cap for every location: at most this many times the largest return the model was fitted on."""
DEFAULT_POSTS_PER_BED: Final = 1.3
"""Filled posts a care home bed when a run has no care home return at all: a round figure of
the order of Skills for Care's national care home estimates (about 1.3 filled posts per bed)."""
DEFAULT_COMMUNITY_POSTS: Final = 25.0
"""Filled posts of a service without beds when a run has no such return at all: a round
figure of the order of the median domiciliary care agency in ASC-WDS."""

CARE_HOMES: Final = "care homes"
"""Model group of care homes (with or without nursing)."""
COMMUNITY: Final = "services without beds"
"""Model group of every other location (home care, day and community services)."""

RATINGS: Final = ("Outstanding", "Good", "Requires improvement", "Inadequate")
"""Overall ratings given features (other values, such as not yet rated, are the baseline)."""
REGIONS: Final = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
"""Regions given features (as the register names them)."""
COMMUNITY_SERVICES: Final = (
    "domiciliary care",
    "supported living",
    "extra care housing",
    "shared lives",
    "community learning disability",
    "community mental health",
    "community substance misuse",
    "personal care",
    "dementia",
    "learning disability",
)
"""Register flags given features in the model of services without beds."""


def model_group(locations: pl.DataFrame) -> pl.Series:
    """Which model each location belongs to."""
    care_home = pl.col(Location.SERVICE_GROUP).is_in(
        [ServiceGroup.RESIDENTIAL.value, ServiceGroup.NURSING.value]
    )
    return locations.select(
        pl.when(care_home).then(pl.lit(CARE_HOMES)).otherwise(pl.lit(COMMUNITY))
    ).to_series()


def features(locations: pl.DataFrame, group: str) -> Matrix:
    """The feature matrix of locations of one model group."""
    rating = pl.col(Location.RATING).fill_null("")
    region = pl.col(Location.REGION).fill_null("")
    common = [*(rating == r for r in RATINGS), *(region == r for r in REGIONS)]
    if group == CARE_HOMES:
        beds = pl.col(Location.BEDS).cast(pl.Float64)
        nursing = pl.col(Location.NURSING).cast(pl.Float64)
        columns = [beds, nursing, beds * nursing, *common]
    else:
        services = pl.col(Location.SERVICES)
        columns = [
            *(services.list.contains(s) for s in COMMUNITY_SERVICES),
            services.list.len(),
            *common,
        ]
    frame = locations.select(c.cast(pl.Float64).alias(f"f{i}") for i, c in enumerate(columns))
    return frame.to_numpy().astype(np.float64).reshape(locations.height, len(columns))


@dataclass(frozen=True)
class Fitted:
    """A fitted model: standardisation, coefficients and the largest training value."""

    mean: Matrix
    scale: Matrix
    coefficients: Matrix
    intercept: float
    largest: float

    def predict(self, x: Matrix) -> Matrix:
        """Predictions before bounds."""
        result: Matrix = ((x - self.mean) / self.scale) @ self.coefficients + self.intercept
        return result


def fit(x: Matrix, y: Matrix, *, alpha: float = RIDGE_ALPHA) -> Fitted:
    """Ridge regression on standardised features with an unpenalised intercept."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    centre = float(y.mean())
    gram = z.T @ z + alpha * np.eye(z.shape[1])
    coefficients = np.linalg.solve(gram, z.T @ (y - centre))
    return Fitted(mean, scale, coefficients, centre, float(y.max()))


def bounded(prediction: Matrix, *, beds: Matrix, largest: float) -> Matrix:
    """Predictions within the floor and caps: at least :data:`MIN_POSTS`; a care home at most
    :data:`MAX_POSTS_PER_BED` a bed; any location at most :data:`CAP_FACTOR` times the largest
    return fitted on."""
    capped = np.minimum(prediction, CAP_FACTOR * max(largest, MIN_POSTS))
    capped = np.where(beds > 0, np.minimum(capped, MAX_POSTS_PER_BED * beds), capped)
    result: Matrix = np.maximum(capped, MIN_POSTS)
    return result


def fallback(y: Matrix, beds: Matrix, *, group: str) -> tuple[float, bool]:
    """The ratio used when there are too few returns to fit: posts a bed (care homes) or posts a
    location, from the returns there are, else the default; and whether it is the default."""
    if group == CARE_HOMES:
        if beds.sum() > 0:
            return float(y.sum() / beds.sum()), False
        return DEFAULT_POSTS_PER_BED, True
    if y.size:
        return float(np.median(y)), False
    return DEFAULT_COMMUNITY_POSTS, True


@dataclass(frozen=True)
class GroupModel:
    """How one model group's locations are predicted: a fitted model or a fallback ratio."""

    group: str
    fitted: Fitted | None
    ratio: float
    default: bool
    largest: float

    def predict(self, x: Matrix, beds: Matrix) -> Matrix:
        """Bounded predictions."""
        if self.fitted is not None:
            raw = self.fitted.predict(x)
        elif self.group == CARE_HOMES:
            raw = self.ratio * np.maximum(beds, 1.0)
        else:
            raw = np.full(x.shape[0], self.ratio)
        return bounded(raw, beds=beds, largest=self.largest)


def group_model(x: Matrix, y: Matrix, beds: Matrix, *, group: str) -> GroupModel:
    """Fit a group's model, or its fallback when it has fewer than :data:`MIN_TRAINING` returns."""
    largest = float(y.max()) if y.size else float("inf")
    if y.size >= MIN_TRAINING:
        return GroupModel(group, fit(x, y), 0.0, False, largest)
    ratio, default = fallback(y, beds, group=group)
    return GroupModel(group, None, ratio, default, largest)


def beds_of(locations: pl.DataFrame) -> Matrix:
    """Beds of locations as floats."""
    return locations[Location.BEDS].cast(pl.Float64).fill_null(0.0).to_numpy()


GROUPS: Final[Sequence[str]] = (CARE_HOMES, COMMUNITY)
"""Every model group."""
