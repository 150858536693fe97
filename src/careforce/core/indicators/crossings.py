"""Crossed breakdowns: measures for combinations of sector, service group and job role, such as
care workers in home care in the independent sector.

A crossed breakdown is named by its dimensions joined with ``/``
(``sector/service_group/key_role``) and its values likewise
(``independent/home care/care worker``), as the two-way breakdowns of category shares are. A
measure is crossed where it is published for every dimension of the crossing. Each crossed cell
is a part of the cell without its last dimension (``independent/home care``): disclosure
control suppresses a second part of that whole, and of each job role's column, wherever one
part is withheld.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import polars as pl

from careforce.core.indicators.catalogue import MEASURES, Dimension, Measure
from careforce.core.indicators.compute import (
    CATEGORY,
    PART_OF,
    RESULT_SCHEMA,
    WORKPLACE_INPUTS,
    simple_worker_measures,
    worker_cells,
    workplace_cells,
)
from careforce.core.vocab.published import AREA_CODE, AREA_NAME, BREAKDOWN_VALUE, PERIOD

SEPARATOR: Final = "/"
"""Joins the dimensions of a crossed breakdown, and its values."""

CROSSINGS: Final[tuple[tuple[Dimension, ...], ...]] = (
    (Dimension.SECTOR, Dimension.SERVICE_GROUP),
    (Dimension.SECTOR, Dimension.KEY_ROLE),
    (Dimension.SECTOR, Dimension.JOB_ROLE_GROUP),
    (Dimension.SERVICE_GROUP, Dimension.KEY_ROLE),
    (Dimension.SERVICE_GROUP, Dimension.JOB_ROLE_GROUP),
    (Dimension.SECTOR, Dimension.SERVICE_GROUP, Dimension.KEY_ROLE),
    (Dimension.SECTOR, Dimension.SERVICE_GROUP, Dimension.JOB_ROLE_GROUP),
    (Dimension.DISTRICT, Dimension.POSTCODE_DISTRICT),
)
"""The crossed breakdowns published: every combination of two or three of sector, service
group and job role (a key job role or a job role group), in that order; and the postcode
districts within each council district, their detail level."""

DETAIL_OF: Final = {Dimension.POSTCODE_DISTRICT: Dimension.DISTRICT}
"""Dimensions published only as the detail of another: a measure broken down by the other is
also published for the crossing of the two."""


def crossing_name(dimensions: Sequence[str]) -> str:
    """The breakdown name of a crossing, e.g. ``sector/service_group/key_role``.

    >>> crossing_name([Dimension.SECTOR, Dimension.KEY_ROLE])
    'sector/key_role'
    """
    return SEPARATOR.join(str(d) for d in dimensions)


def crossed_value(values: Sequence[str]) -> str:
    """The breakdown value of a crossed cell, e.g. ``independent/home care/care worker``."""
    return SEPARATOR.join(values)


def _joined(dimensions: Sequence[Dimension]) -> pl.Expr:
    return pl.concat_str([pl.col(d).cast(pl.String) for d in dimensions], separator=SEPARATOR)


_PART_OF: Final = "__part_of"
_CATEGORY: Final = "__category"
_CARRY: Final = (_PART_OF, _CATEGORY)


def _crossed(frame: pl.LazyFrame, crossing: Sequence[Dimension]) -> pl.LazyFrame:
    """The frame with the crossing's column, the whole it is part of and its last part (rows
    with any part unknown left out)."""
    name = crossing_name(crossing)
    return frame.with_columns(
        _joined(crossing).alias(name),
        _joined(crossing[:-1]).alias(_PART_OF),
        pl.col(crossing[-1]).cast(pl.String).alias(_CATEGORY),
    ).filter(pl.col(name).is_not_null())


def crossed_measures(
    workers: pl.LazyFrame, roles: pl.LazyFrame, measures: Sequence[Measure] = MEASURES
) -> pl.LazyFrame:
    """Every worker-level and workplace-reported measure for each crossing of its breakdowns
    (tidy, unsuppressed, in the schema of :data:`RESULT_SCHEMA`).

    Args:
        workers: the worker frame (one row per staff record).
        roles: the workplace-role frame (one row per workplace and job role).
        measures: the measures to cross (those not broken down by every dimension of a
            crossing are left out of it).
    """
    simple = simple_worker_measures(measures)
    reported = [m for m in measures if m.id in WORKPLACE_INPUTS]
    parts: list[pl.LazyFrame] = []
    for crossing in CROSSINGS:
        name = crossing_name(crossing)
        part_of, category = pl.col(_PART_OF), pl.col(_CATEGORY)
        covered = {DETAIL_OF.get(d, d) for d in crossing}
        parts += worker_cells(
            _crossed(workers, crossing),
            [m for m in simple if covered <= set(m.breakdowns)],
            name,
            part_of=part_of,
            category=category,
            carry=_CARRY,
        )
        crossed_roles = _crossed(roles, crossing)
        parts += [
            workplace_cells(
                crossed_roles, m, name, part_of=part_of, category=category, carry=_CARRY
            )
            for m in reported
            if covered <= set(m.breakdowns)
        ]
    if not parts:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    texts = [PERIOD, AREA_CODE, AREA_NAME, BREAKDOWN_VALUE, PART_OF, CATEGORY]
    return pl.concat(
        [
            p.with_columns(pl.col(texts).cast(pl.String)).match_to_schema(RESULT_SCHEMA)
            for p in parts
        ],
        how="vertical",
    )


CROSSED_BREAKDOWNS: Final = frozenset(crossing_name(c) for c in CROSSINGS)
"""The names of the crossed breakdowns, e.g. ``sector/service_group/key_role``."""


def crossed_parts(breakdown: str, value: str) -> dict[str, str]:
    """The value of each dimension of a crossed cell (a job role group's own ``/`` kept:
    only the last dimension's values contain one).

    >>> crossed_parts("sector/job_role_group", "independent/managerial/supervisory")
    {'sector': 'independent', 'job_role_group': 'managerial/supervisory'}
    """
    dimensions = breakdown.split(SEPARATOR)
    values = value.split(SEPARATOR, len(dimensions) - 1)
    return dict(zip(dimensions, values, strict=True))
