"""Which accepted data is in force: for each period, each workplace once, from the latest
accepted snapshot holding it.

A snapshot may hold the workplaces of several organisations (an area upload by the council)
or of one (a provider's own upload). A workplace is known by its identity (its CQC location
ID, else its reference: see :mod:`careforce.core.organisations.identity`) across
organisations and snapshots: when a newer snapshot of the period holds it (accepted again,
transferred to another organisation, or accepted twice before ownership was enforced), the
newer row replaces the older one, so measures, benchmarks and every reader of the data in
force count each workplace once. A workplace a newer return leaves out keeps its latest row.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.conf import settings

from careforce.core.organisations.identity import ASCWDS_PREFIX
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.io.snapshot_files import scan_snapshot_dataset
from careforce.web.models.uploads.models import Snapshot, SnapshotWorkplace

SNAPSHOT_ID = "snapshot_id"
"""Column: the snapshot a row comes from."""
ORGANISATION_ID = "organisation_id"
"""Column: the organisation whose data a workplace is."""
IDENTITY = "identity"
"""Column: which workplace a row is, whoever sent it."""


@dataclass(frozen=True)
class PartInForce:
    """The workplaces of one snapshot that are in force.

    Attributes:
        snapshot_id: the snapshot.
        directory: its canonical datasets, relative to the media root.
        period: the period it describes (e.g. ``2021/22``).
        establishment_ids: its workplaces that are in force.
        complete: whether all its workplaces are in force.
    """

    snapshot_id: int
    directory: str
    period: str
    establishment_ids: tuple[str, ...]
    complete: bool


IN_FORCE_KEPT = 16
"""How many answers of :func:`workplaces_in_force` each process keeps."""

_kept: dict[tuple[str | None, tuple[tuple[int, object], ...]], pl.DataFrame] = {}
_lock = threading.Lock()


def snapshots_key() -> tuple[tuple[int, object], ...]:
    """Every snapshot's id and acceptance time: what is in force changes exactly when this does
    (snapshots and their workplaces are never changed once accepted)."""
    return tuple(Snapshot.objects.order_by("pk").values_list("pk", "created"))


def workplaces_in_force(*, period: str | None = None) -> pl.DataFrame:
    """Every workplace in force, once per period: ``snapshot_id``, ``period``,
    ``organisation_id``, ``establishment_id``, ``identity`` (for one period, or all)."""
    key = (period, snapshots_key())
    with _lock:
        found = _kept.get(key)
    if found is not None:
        return found
    result = _workplaces_in_force(period)
    with _lock:
        if len(_kept) >= IN_FORCE_KEPT:
            _kept.clear()
        _kept[key] = result
    return result


def _workplaces_in_force(period: str | None) -> pl.DataFrame:
    workplaces = SnapshotWorkplace.objects.all()
    if period is not None:
        workplaces = workplaces.filter(period=period)
    rows = list(
        workplaces.values_list(
            "snapshot_id", "period", ORGANISATION_ID, "establishment_id", IDENTITY
        )
    )
    frame = pl.DataFrame(
        rows,
        schema={
            SNAPSHOT_ID: pl.Int64,
            "period": pl.String,
            ORGANISATION_ID: pl.Int64,
            E.ESTABLISHMENT_ID: pl.String,
            IDENTITY: pl.String,
        },
        orient="row",
    ).with_columns(
        # Rows recorded without an identity are known by their reference.
        pl.when(pl.col(IDENTITY).is_null() | (pl.col(IDENTITY) == ""))
        .then(pl.lit(ASCWDS_PREFIX) + pl.col(E.ESTABLISHMENT_ID))
        .otherwise(pl.col(IDENTITY))
        .alias(IDENTITY)
    )
    order = list(Snapshot.objects.order_by("created", "id").values_list("pk", flat=True))
    ranks = pl.DataFrame(
        {SNAPSHOT_ID: order, "_rank": list(range(len(order)))},
        schema={SNAPSHOT_ID: pl.Int64, "_rank": pl.Int64},
    )
    ranked = frame.join(ranks, on=SNAPSHOT_ID, how="left")
    # Each workplace once: from the latest snapshot holding it (the first of its rows there).
    return (
        ranked.sort("_rank", E.ESTABLISHMENT_ID, descending=[True, False])
        .unique(["period", IDENTITY], keep="first", maintain_order=True)
        .drop("_rank")
        .sort(SNAPSHOT_ID, E.ESTABLISHMENT_ID)
    )


def parts_in_force(*, period: str | None = None) -> list[PartInForce]:
    """The snapshots in force and which of their workplaces are, oldest snapshot first."""
    in_force = workplaces_in_force(period=period)
    sizes = dict(Snapshot.objects.values_list("pk", "workplaces"))
    directories = dict(Snapshot.objects.values_list("pk", "directory"))
    parts = []
    for snapshot_id in in_force[SNAPSHOT_ID].unique(maintain_order=True).to_list():
        part = in_force.filter(pl.col(SNAPSHOT_ID) == snapshot_id)
        ids = tuple(part[E.ESTABLISHMENT_ID].to_list())
        parts.append(
            PartInForce(
                snapshot_id=snapshot_id,
                directory=directories[snapshot_id],
                period=part["period"][0],
                establishment_ids=ids,
                complete=len(ids) == sizes[snapshot_id],
            )
        )
    return parts


def periods_in_force() -> list[str]:
    """The periods with data, oldest first."""
    return sorted(set(Snapshot.objects.values_list("period", flat=True)))


def load_in_force(*, period: str) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """The workers and establishments in force for a period, each tagged with its snapshot and
    (establishments) with the organisation whose data it is.

    Returns:
        ``(workers, establishments)`` with ``snapshot_id`` columns, and ``organisation_id`` on
        the establishments.
    """
    in_force = workplaces_in_force(period=period)
    root = Path(settings.MEDIA_ROOT)
    workers, places = [], []
    for part in parts_in_force(period=period):
        owners = in_force.filter(pl.col(SNAPSHOT_ID) == part.snapshot_id).select(
            E.ESTABLISHMENT_ID, ORGANISATION_ID
        )
        directory = root / part.directory
        tag = pl.lit(part.snapshot_id, dtype=pl.Int64).alias(SNAPSHOT_ID)
        places.append(
            scan_snapshot_dataset(directory, "establishments")
            .join(owners.lazy(), on=E.ESTABLISHMENT_ID, how="inner")
            .with_columns(tag)
        )
        workers.append(
            scan_snapshot_dataset(directory, "workers")
            .join(owners.lazy().select(E.ESTABLISHMENT_ID), on=E.ESTABLISHMENT_ID, how="semi")
            .with_columns(tag)
        )
    if not places:
        return pl.LazyFrame(), pl.LazyFrame()
    return pl.concat(workers, how="diagonal_relaxed"), pl.concat(places, how="diagonal_relaxed")
