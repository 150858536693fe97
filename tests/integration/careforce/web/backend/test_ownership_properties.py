"""Properties of ownership and of the data in force over random sequences of uploads,
acceptances, transfer requests, approvals and refusals (2 periods, 3 provider organisations,
the third a subsidiary of the first).

After every step: each workplace belongs to exactly the organisation a simple model says; no
workplace is in force twice in a period; and the staff in force equal the sum, over distinct
workplaces, of their latest accepted return.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl
import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from careforce.core.organisations.identity import workplace_identity
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.io.datasets import MANIFEST_NAME, dataset_records
from careforce.web.backend import uploads
from careforce.web.backend.access import Viewer
from careforce.web.backend.ownership import (
    TransferRefusedError,
    decide_transfer,
    request_transfers,
)
from careforce.web.backend.snapshots import load_in_force, workplaces_in_force
from careforce.web.models.accounts.models import User
from careforce.web.models.organisations.models import Organisation, Workplace
from careforce.web.models.uploads.models import SnapshotWorkplace, Upload

pytestmark = pytest.mark.integration

WORKPLACES = 6
"""Workplaces 0-2 are CQC-regulated (each organisation uses its own reference for them);
3-5 are not (every organisation uses the same reference)."""
DATES = (dt.date(2021, 3, 31), dt.date(2022, 3, 31))
PERIODS = ("2020/21", "2021/22")
_serial = itertools.count()


def reference(organisation: int, workplace: int) -> str:
    return f"O{organisation}-P{workplace}" if workplace < 3 else f"P{workplace}"


def location(workplace: int) -> str | None:
    return f"1-999000{100 + workplace}" if workplace < 3 else None


def identity(organisation: int, workplace: int) -> str:
    return workplace_identity(location(workplace), reference(organisation, workplace))


step = st.tuples(
    st.integers(0, 2),  # who uploads
    st.integers(0, 1),  # which period
    st.dictionaries(st.integers(0, WORKPLACES - 1), st.integers(0, 4), min_size=1),
    st.sampled_from(["approve", "refuse", "leave"]),  # what happens to a transfer request
)


@dataclass
class Model:
    """What should be: owners by identity and each accepted return, in order."""

    subsidiaries: dict[int, set[int]]
    owners: dict[str, int] = field(default_factory=dict)
    pending: set[tuple[str, int]] = field(default_factory=set)
    returns: list[tuple[str, dict[str, int]]] = field(default_factory=list)

    def conflicts(self, organisation: int, staff: dict[int, int]) -> set[str]:
        allowed = {organisation, *self.subsidiaries.get(organisation, set())}
        found = {identity(organisation, w) for w in staff}
        return {i for i in found if i in self.owners and self.owners[i] not in allowed}

    def accept(self, organisation: int, period: int, staff: dict[int, int]) -> None:
        for workplace in staff:
            self.owners.setdefault(identity(organisation, workplace), organisation)
        self.returns.append(
            (PERIODS[period], {identity(organisation, w): n for w, n in staff.items()})
        )

    def in_force(self, period: str) -> dict[str, int]:
        latest: dict[str, int] = {}
        for returned_period, staff in self.returns:
            if returned_period == period:
                latest.update(staff)
        return latest


def _upload(organisation: Organisation, user: User, period: int, staff: dict[int, int]) -> Upload:
    serial = next(_serial)
    output = f"uploads/properties/{serial}"
    folder = uploads.media_root() / output
    folder.mkdir(parents=True, exist_ok=True)
    index = organisation.name
    ids = [reference(int(index), w) for w in sorted(staff)]
    pl.DataFrame(
        {
            E.ESTABLISHMENT_ID: ids,
            E.NAME: [f"Home {w}" for w in sorted(staff)],
            E.MAIN_SERVICE: ["Care home services with nursing"] * len(ids),
            E.LOCATION_ID: [location(w) for w in sorted(staff)],
        },
        schema={
            E.ESTABLISHMENT_ID: pl.String,
            E.NAME: pl.String,
            E.MAIN_SERVICE: pl.String,
            E.LOCATION_ID: pl.String,
        },
    ).write_parquet(folder / "establishments.parquet")
    workers = [reference(int(index), w) for w in sorted(staff) for _ in range(staff[w])]
    pl.DataFrame(
        {WK.ESTABLISHMENT_ID: workers}, schema={WK.ESTABLISHMENT_ID: pl.String}
    ).write_parquet(folder / "workers.parquet")
    manifest = dataset_records(folder, ["establishments", "workers"])
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    return Upload.objects.create(
        organisation=organisation,
        uploaded_by=user,
        source="ascwds",
        reference_date=DATES[period],
        status="valid",
        fingerprint=f"properties-{serial}",
        output=output,
    )


def _check(model: Model, organisations: list[Organisation]) -> None:
    """Compare with the model (other tests' records in the database are left out)."""
    by_pk = {organisation.pk: int(organisation.name) for organisation in organisations}
    registered = Workplace.objects.filter(organisation__in=organisations)
    owners = {i: by_pk[o] for i, o in registered.values_list("identity", "organisation_id")}
    assert owners == model.owners
    ours = pl.col("organisation_id").is_in(list(by_pk))
    for period in PERIODS:
        everything = workplaces_in_force(period=period)
        assert everything["identity"].is_unique().all()
        in_force = everything.filter(ours)
        expected = model.in_force(period)
        assert set(in_force["identity"]) == set(expected)
        rows = SnapshotWorkplace.objects.filter(
            snapshot_id__in=in_force["snapshot_id"].unique().to_list(), period=period
        ).values_list("snapshot_id", "identity", "workers")
        chosen = set(zip(in_force["snapshot_id"], in_force["identity"], strict=True))
        total = sum(n for snapshot, i, n in rows if (snapshot, i) in chosen)
        assert total == sum(expected.values())
        _, establishments = load_in_force(period=period)
        loaded = establishments.collect() if everything.height else pl.DataFrame()
        assert (loaded.filter(ours).height if loaded.height else 0) == len(expected)


@settings(
    max_examples=20,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=1, max_size=6))
def test_each_workplace_is_owned_once_and_counted_once(db: None, steps: list[Any]) -> None:
    with transaction.atomic():
        administrator = Viewer.of(
            User.objects.create_user(
                email=f"admin{next(_serial)}@test.example",
                password="x" * 16,
                full_name="Administrator",
                role="administrator",
            )
        )
        organisations = [
            Organisation.objects.create(
                name=str(n), kind="provider", area_code="E10000028", area_name="Staffordshire"
            )
            for n in range(3)
        ]
        Organisation.objects.filter(pk=organisations[2].pk).update(parent=organisations[0])
        users = [
            User.objects.create_user(
                email=f"user{n}-{next(_serial)}@test.example",
                password="x" * 16,
                full_name=f"User {n}",
                role="provider",
                organisation=organisation,
            )
            for n, organisation in enumerate(organisations)
        ]
        model = Model(subsidiaries={0: {2}})
        for who, period, staff, decision in steps:
            viewer = Viewer.of(users[who])
            upload = _upload(organisations[who], users[who], period, staff)
            conflicts = model.conflicts(who, staff)
            if not conflicts:
                uploads.accept_upload(viewer=viewer, upload_id=upload.pk)
                model.accept(who, period, staff)
                _check(model, organisations)
                continue
            with pytest.raises(uploads.OwnershipConflictError):
                uploads.accept_upload(viewer=viewer, upload_id=upload.pk)
            wanted = {i for i in conflicts if (i, who) not in model.pending}
            if not wanted:
                with pytest.raises(TransferRefusedError):
                    request_transfers(viewer=viewer, upload_id=upload.pk, reason="Ours now.")
                continue
            asked = request_transfers(viewer=viewer, upload_id=upload.pk, reason="Ours now.")
            assert {transfer.identity for transfer in asked} == wanted
            if decision == "leave":
                model.pending.update((i, who) for i in wanted)
                _check(model, organisations)
                continue
            for transfer in asked:
                decide_transfer(
                    viewer=administrator,
                    transfer_id=transfer.pk,
                    approve=decision == "approve",
                    reason="Decided.",
                )
            if decision == "approve":
                for taken in wanted:
                    model.owners[taken] = who
            if model.conflicts(who, staff):
                with pytest.raises(uploads.OwnershipConflictError):
                    uploads.accept_upload(viewer=viewer, upload_id=upload.pk)
            else:
                uploads.accept_upload(viewer=viewer, upload_id=upload.pk)
                model.accept(who, period, staff)
            _check(model, organisations)
        transaction.set_rollback(True)
