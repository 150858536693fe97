"""Use case: a provider's benchmarks — its workplaces' figures against comparable workplaces.

The data are those in force for a period (the latest accepted data of every organisation, see
:mod:`careforce.web.backend.snapshots`). Comparison figures pass the same disclosure
thresholds as published measures.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import polars as pl

from careforce.core.benchmarks.bases import on_base
from careforce.core.benchmarks.catalogue import STATE_NOTES
from careforce.core.benchmarks.comparison import Scope, benchmark, group_sizes
from careforce.core.benchmarks.inputs import SNAPSHOT_ID, worker_inputs, workplace_inputs
from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.publishing.benchmarks import BENCHMARKS, Benchmark
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import BASE_COLUMN, Base, base_label
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.web.backend import publications
from careforce.web.backend.access import Viewer
from careforce.web.backend.organisations import visible_organisation
from careforce.web.backend.snapshots import load_in_force, snapshots_key, workplaces_in_force
from careforce.web.models.organisations.models import Organisation

__all__ = [
    "BASE_COLUMN",
    "BENCHMARKS",
    "STATE_NOTES",
    "Base",
    "Benchmark",
    "BenchmarkReport",
    "NoBenchmarkDataError",
    "Scope",
    "WorkplaceChoice",
    "provider_benchmarks",
]


class NoBenchmarkDataError(LookupError):
    """The organisation has no accepted data to benchmark."""


@dataclass(frozen=True)
class WorkplaceChoice:
    """A workplace the report can be about.

    Attributes:
        key: ``<snapshot id>:<reference>``, as forms send it.
        reference: the workplace's ASC-WDS reference.
        name: its name.
        main_service: its main service.
        service_group: its service group (for the whole-sector estimates), when known.
        area_code: its council area.
    """

    key: str
    reference: str
    name: str
    main_service: str
    service_group: str | None = None
    area_code: str | None = None


@dataclass(frozen=True)
class BenchmarkReport:
    """A workplace's benchmark.

    Attributes:
        organisation: the organisation.
        period: the period.
        periods: the periods the organisation has data for, newest first.
        workplaces: the organisation's workplaces in force in the period.
        workplace: the workplace the report is about.
        rows: one row per measure and scope (value, numerator, denominator, workplaces,
            workers, state).
        sizes: comparison group sizes (scope, workplaces, workers).
        policy: the disclosure thresholds applied.
        base: the base asked for (each row's ``base`` column says the one it is on).
    """

    organisation: Organisation
    period: str
    periods: list[str]
    workplaces: list[WorkplaceChoice]
    workplace: WorkplaceChoice
    rows: pl.DataFrame
    sizes: pl.DataFrame
    policy: DisclosurePolicy
    base: Base = Base.ESTIMATED

    @property
    def estimated(self) -> bool:
        """Whether any comparison figure is the estimated whole sector's."""
        return base_label(Base.ESTIMATED) in set(self.rows.get_column(BASE_COLUMN))


REPORTS_KEPT = 256
"""Benchmarks each process keeps (they change only when new data is accepted)."""

_inputs_cache: dict[tuple[str, tuple[object, ...]], tuple[pl.DataFrame, pl.DataFrame]] = {}
_reports_cache: dict[tuple[object, ...], tuple[pl.DataFrame, pl.DataFrame]] = {}
_lock = threading.Lock()


def _inputs(period: str, snapshot_ids: tuple[object, ...]) -> tuple[pl.DataFrame, pl.DataFrame]:
    key = (period, snapshot_ids)
    with _lock:
        found = _inputs_cache.get(key)
    if found is not None:
        return found
    workers, establishments = load_in_force(period=period)
    places, staff = pl.collect_all(
        [workplace_inputs(workers, establishments), worker_inputs(workers)]
    )
    with _lock:
        _inputs_cache.clear()
        _inputs_cache[key] = (places, staff)
    return places, staff


def provider_benchmarks(
    *,
    viewer: Viewer,
    organisation_id: int,
    period: str | None = None,
    workplace: str | None = None,
    policy: DisclosurePolicy | None = None,
    base: Base = Base.ESTIMATED,
) -> BenchmarkReport:
    """Benchmark one of an organisation's workplaces in a period.

    Args:
        viewer: who asks (an administrator, or the organisation's own user).
        organisation_id: the organisation.
        period: the period (default: the latest the organisation has data for).
        workplace: ``<snapshot id>:<reference>`` (default: its first workplace).
        policy: disclosure thresholds (default: the published measures' policy).
        base: the estimated whole sector (the default: the comparison groups' rates are the
            published whole-sector rates of the area and service group, where published) or
            the returns alone.

    Raises:
        NotVisibleError: the viewer may not see the organisation.
        NoBenchmarkDataError: the organisation has no data in force.
    """
    organisation = visible_organisation(viewer, organisation_id)
    chosen_policy = policy or DisclosurePolicy()
    in_force = workplaces_in_force()
    own = in_force.filter(pl.col("organisation_id") == organisation.pk)
    periods = sorted(own["period"].unique().to_list(), reverse=True)
    if not periods:
        raise NoBenchmarkDataError(f"{organisation.name} has no accepted data yet")
    chosen_period = str(period) if period in periods else str(periods[0])
    # The snapshots' ids and acceptance times: ids alone can come round again in a test
    # database that is emptied between tests.
    snapshot_ids = snapshots_key()
    places, staff = _inputs(chosen_period, snapshot_ids)
    mine = places.filter(pl.col("organisation_id") == organisation.pk).sort(
        E.NAME, E.ESTABLISHMENT_ID
    )
    choices = [
        WorkplaceChoice(
            key=f"{row[SNAPSHOT_ID]}:{row[E.ESTABLISHMENT_ID]}",
            reference=row[E.ESTABLISHMENT_ID],
            name=row[E.NAME] or row[E.ESTABLISHMENT_ID],
            main_service=row[E.MAIN_SERVICE] or "",
            service_group=row[E.SERVICE_GROUP],
            area_code=row[E.AREA_CODE],
        )
        for row in mine.iter_rows(named=True)
    ]
    if not choices:
        raise NoBenchmarkDataError(f"{organisation.name} has no workplaces in {chosen_period}")
    selected = next((choice for choice in choices if choice.key == workplace), choices[0])
    key = (chosen_period, snapshot_ids, selected.key, chosen_policy)
    with _lock:
        found = _reports_cache.get(key)
    if found is None:
        found = _compare(places, staff, selected.key, chosen_policy)
        with _lock:
            if len(_reports_cache) >= REPORTS_KEPT:
                _reports_cache.clear()
            _reports_cache[key] = found
    rows, sizes = found
    rows = on_base(
        rows.lazy(),
        _whole_sector(selected.area_code, chosen_period),
        base=base,
        service_group=selected.service_group,
    ).collect()
    return BenchmarkReport(
        organisation=organisation,
        period=chosen_period,
        periods=periods,
        workplaces=choices,
        workplace=selected,
        rows=rows,
        sizes=sizes,
        policy=chosen_policy,
        base=base,
    )


def _whole_sector(area_code: str | None, period: str) -> pl.LazyFrame | None:
    """The published rows of the area and period (the whole-sector estimates among them), or
    None when nothing is published."""
    found = publications.published()
    if found is None or area_code is None:
        return None
    return found.table.lazy().filter(
        (pl.col(pub.AREA_CODE) == area_code) & (pl.col(pub.PERIOD) == period)
    )


def _compare(
    places: pl.DataFrame, staff: pl.DataFrame, key: str, policy: DisclosurePolicy
) -> tuple[pl.DataFrame, pl.DataFrame]:
    snapshot_text, reference = key.split(":", 1)
    rows, sizes = pl.collect_all(
        [
            benchmark(
                places.lazy(),
                staff.lazy(),
                snapshot_id=int(snapshot_text),
                establishment_id=reference,
                min_workers=policy.min_workers,
                min_workplaces=policy.min_workplaces,
            ),
            group_sizes(places.lazy(), snapshot_id=int(snapshot_text), establishment_id=reference),
        ]
    )
    return rows, sizes
