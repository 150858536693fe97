"""Changes partners record to the action plan, replayed onto the plan file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from careforce.core.outcomes.action_plan import UnknownActionError
from careforce.core.outcomes.columns import ActionStatus
from careforce.io.outcomes_files import (
    format_action_plan_yaml,
    read_action_plan_file,
    shipped_files,
)
from careforce.services.outcomes import load_action_plan
from careforce.web.backend import action_plan as action_plan_changes
from careforce.web.backend.access import Viewer
from careforce.web.backend.action_plan import (
    ChangeRejectedError,
    change_history,
    find_detail,
    plan_in_force,
    plan_yaml,
    record_changes,
)
from careforce.web.models.accounts.models import AuditEvent, User
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.models import Organisation
from careforce.web.models.outcomes.models import ActionChange
from careforce.web.models.outcomes.terms import ChangeKind

pytestmark = pytest.mark.integration

PASSWORD = "correct horse battery staple"
CODE = "1.1"
"""A detailed action of the shipped plan: not started, five milestones, no updates."""
SHIPPED = shipped_files()["staffordshire-action-plan"]
FIRST_MILESTONE = "Outcomes measured and reported to the partnership board for 2022/23"
"""Title of 1.1's first milestone in the shipped plan."""


@dataclass(frozen=True)
class People:
    administrator: Viewer
    analyst: Viewer
    provider: Viewer
    public: Viewer


def _viewer(email: str, role: Role, name: str, organisation: Any = None) -> Viewer:
    user = User.objects.create_user(
        email=email, password=PASSWORD, full_name=name, role=role.value, organisation=organisation
    )
    return Viewer.of(user)


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """No plan in force kept in memory from another test: each test's rows are rolled back and
    SQLite hands the same ids out again, so two tests' states can have the same cache key."""
    action_plan_changes._cache.clear()
    yield
    action_plan_changes._cache.clear()


@pytest.fixture
def shipped_plan(settings: Any) -> None:
    settings.CAREFORCE_ACTION_PLAN = None


@pytest.fixture
def people(db: None, shipped_plan: None, settings: Any) -> People:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    organisation = Organisation.objects.create(
        name="Alder Care Group", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    return People(
        administrator=_viewer("admin@changes.example", Role.ADMINISTRATOR, "Ada Admin"),
        analyst=_viewer("analyst@changes.example", Role.ANALYST, "Ann Analyst"),
        provider=_viewer("provider@changes.example", Role.PROVIDER, "Pat Provider", organisation),
        public=Viewer(),
    )


@pytest.fixture
def plan_copy(settings: Any, tmp_path: Path) -> Path:
    """A copy of the shipped plan, configured as the plan file."""
    path = tmp_path / "plan.yaml"
    shutil.copyfile(SHIPPED, path)
    settings.CAREFORCE_ACTION_PLAN = str(path)
    return path


def update(date: str, text: str = "Progress made", status: str | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"date": date, "text": text}
    if status is not None:
        payload["status"] = status
    return payload


def detail_in_force(code: str = CODE) -> Any:
    return find_detail(plan_in_force().plan, code)[1]


def stored() -> int:
    return int(ActionChange.objects.count())


def audited() -> list[Any]:
    return list(AuditEvent.objects.filter(action="action-plan-change").order_by("id"))


def rewrite(path: Path, text: str) -> None:
    """Replace the plan file, with a later modification time (as a new file would have)."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


class TestPlanInForce:
    def test_without_changes_is_the_shipped_plan(self, db: None, shipped_plan: None) -> None:
        current = plan_in_force()
        assert current.plan == load_action_plan(None).plan
        assert current.path == SHIPPED
        assert current.applied == 0
        assert current.not_applied == frozenset()
        assert list(change_history()) == []

    def test_is_kept_until_something_changes(self, people: People) -> None:
        first = plan_in_force()
        assert plan_in_force() is first
        record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-01-05"))]
        )
        second = plan_in_force()
        assert second is not first
        assert second.applied == 1
        assert [u.text for u in find_detail(second.plan, CODE)[1].updates] == ["Progress made"]
        assert find_detail(first.plan, CODE)[1].updates == []
        assert plan_in_force() is second


class TestRecordChanges:
    def test_analyst_records_an_update(self, people: People) -> None:
        ids = record_changes(
            people.analyst,
            code=CODE,
            changes=[(ChangeKind.UPDATE, update("2023-03-20", "First report", "on track"))],
            ip_address="192.0.2.1",
        )
        assert len(ids) == 1
        change = ActionChange.objects.get(pk=ids[0])
        assert (change.code, change.kind, change.recorded_by) == (
            CODE,
            "update",
            "analyst@changes.example",
        )
        assert change.user_id == people.analyst.user_id
        assert change.payload == update("2023-03-20", "First report", "on track")
        detail = detail_in_force()
        assert detail.status is ActionStatus.ON_TRACK
        assert [(str(u.date), u.text) for u in detail.updates] == [("2023-03-20", "First report")]

    def test_each_change_is_audited(self, people: People) -> None:
        ids = record_changes(
            people.analyst,
            code=CODE,
            changes=[
                (ChangeKind.UPDATE, update("2023-03-20", "Reported", "complete")),
                (
                    ChangeKind.MILESTONE_COMPLETED,
                    {"index": 0, "title": FIRST_MILESTONE, "completed": "2023-03-20"},
                ),
            ],
            ip_address="192.0.2.7",
        )
        assert len(ids) == 2
        events = audited()
        assert [event.detail for event in events] == [
            {"kind": "update", "change": ids[0]},
            {"kind": "milestone-completed", "change": ids[1]},
        ]
        for event in events:
            assert event.user_id == people.analyst.user_id
            assert event.actor == "analyst@changes.example"
            assert (event.object_type, event.object_id) == ("action", CODE)
            assert event.ip_address == "192.0.2.7"
        detail = detail_in_force()
        assert detail.milestones[0].completed is not None
        assert str(detail.milestones[0].completed) == "2023-03-20"
        assert detail.status is ActionStatus.COMPLETE

    @pytest.mark.parametrize("kind", [ChangeKind.MILESTONE, ChangeKind.LEAD_PARTNERS])
    def test_analyst_cannot_plan(self, people: People, kind: ChangeKind) -> None:
        payload = (
            {"title": "New step", "due": "2024-01-31"}
            if kind is ChangeKind.MILESTONE
            else {"partners": ["Staffordshire County Council"]}
        )
        with pytest.raises(PermissionError):
            record_changes(people.analyst, code=CODE, changes=[(kind, payload)])
        assert stored() == 0
        assert audited() == []

    def test_a_planning_change_among_updates_stops_them_all(self, people: People) -> None:
        with pytest.raises(PermissionError):
            record_changes(
                people.analyst,
                code=CODE,
                changes=[
                    (ChangeKind.UPDATE, update("2023-01-05")),
                    (ChangeKind.LEAD_PARTNERS, {"partners": ["A"]}),
                ],
            )
        assert stored() == 0

    @pytest.mark.parametrize("who", ["provider", "public"])
    @pytest.mark.parametrize("kind", list(ChangeKind))
    def test_providers_and_the_public_cannot_change_the_plan(
        self, people: People, who: str, kind: ChangeKind
    ) -> None:
        payloads: dict[ChangeKind, dict[str, Any]] = {
            ChangeKind.UPDATE: update("2023-01-05"),
            ChangeKind.MILESTONE: {"title": "New step", "due": "2024-01-31"},
            ChangeKind.MILESTONE_COMPLETED: {"index": 0, "completed": "2023-03-20"},
            ChangeKind.LEAD_PARTNERS: {"partners": ["A"]},
        }
        with pytest.raises(PermissionError):
            record_changes(getattr(people, who), code=CODE, changes=[(kind, payloads[kind])])
        assert stored() == 0

    def test_administrator_adds_a_milestone_and_sets_partners(self, people: People) -> None:
        ids = record_changes(
            people.administrator,
            code=CODE,
            changes=[
                (ChangeKind.MILESTONE, {"title": "Interim report", "due": "2023-09-30"}),
                (ChangeKind.LEAD_PARTNERS, {"partners": ["Staffordshire County Council"]}),
            ],
        )
        assert len(ids) == 2
        detail = detail_in_force()
        assert detail.milestones[1].title == "Interim report"
        assert [m.due for m in detail.milestones] == sorted(m.due for m in detail.milestones)
        assert detail.lead_partners == ["Staffordshire County Council"]
        record_changes(
            people.administrator, code=CODE, changes=[(ChangeKind.LEAD_PARTNERS, {"partners": []})]
        )
        assert detail_in_force().lead_partners == []

    def test_empty_partner_is_rejected(self, people: People) -> None:
        with pytest.raises(ChangeRejectedError) as caught:
            record_changes(
                people.administrator,
                code=CODE,
                changes=[(ChangeKind.LEAD_PARTNERS, {"partners": ["A", ""]})],
            )
        assert "at least 1 character" in caught.value.lines[0]
        assert stored() == 0

    def test_unknown_code(self, people: People) -> None:
        with pytest.raises(UnknownActionError):
            record_changes(
                people.analyst, code="9.9", changes=[(ChangeKind.UPDATE, update("2023-01-05"))]
            )
        assert stored() == 0
        assert audited() == []

    def test_invalid_update_is_rejected(self, people: People) -> None:
        with pytest.raises(ChangeRejectedError) as caught:
            record_changes(
                people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, {"date": "2023-01-05"})]
            )
        assert caught.value.lines == ["Field required"]
        assert stored() == 0

    def test_older_update_with_another_status_is_rejected(self, people: People) -> None:
        record_changes(
            people.analyst,
            code=CODE,
            changes=[(ChangeKind.UPDATE, update("2024-06-01", "On course", "on track"))],
        )
        with pytest.raises(ChangeRejectedError) as caught:
            record_changes(
                people.analyst,
                code=CODE,
                changes=[(ChangeKind.UPDATE, update("2024-01-01", "Late news", "at risk"))],
            )
        assert "make them agree" in caught.value.lines[0]
        assert "reports 'on track'" in str(caught.value)
        assert stored() == 1
        assert len(audited()) == 1
        assert detail_in_force().status is ActionStatus.ON_TRACK

    def test_all_or_nothing(self, people: People) -> None:
        record_changes(
            people.analyst,
            code=CODE,
            changes=[(ChangeKind.UPDATE, update("2024-06-01", "On course", "on track"))],
        )
        before = plan_in_force().plan
        with pytest.raises(ChangeRejectedError):
            record_changes(
                people.analyst,
                code=CODE,
                changes=[
                    (ChangeKind.UPDATE, update("2024-07-01", "Fine")),
                    (ChangeKind.UPDATE, update("2024-01-01", "Late news", "off track")),
                ],
            )
        assert stored() == 1
        assert len(audited()) == 1
        assert plan_in_force().plan == before

    def test_completing_a_complete_milestone_is_rejected(self, people: People) -> None:
        completion = {"index": 0, "title": FIRST_MILESTONE, "completed": "2023-03-20"}
        record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.MILESTONE_COMPLETED, completion)]
        )
        with pytest.raises(ChangeRejectedError) as caught:
            record_changes(
                people.analyst, code=CODE, changes=[(ChangeKind.MILESTONE_COMPLETED, completion)]
            )
        assert caught.value.lines == [f"{FIRST_MILESTONE!r} is already complete"]
        assert stored() == 1

    def test_completion_of_a_milestone_that_moved_is_rejected(self, people: People) -> None:
        record_changes(
            people.administrator,
            code=CODE,
            changes=[(ChangeKind.MILESTONE, {"title": "Kick-off", "due": "2022-06-30"})],
        )
        with pytest.raises(ChangeRejectedError) as caught:
            record_changes(
                people.analyst,
                code=CODE,
                changes=[
                    (
                        ChangeKind.MILESTONE_COMPLETED,
                        {"index": 0, "title": FIRST_MILESTONE, "completed": "2023-03-20"},
                    )
                ],
            )
        assert caught.value.lines == [f"milestone 1 is now {FIRST_MILESTONE!r}"]
        assert detail_in_force().milestones[0].completed is None


class TestHistory:
    def test_newest_first_with_who_recorded_them(self, people: People) -> None:
        first = record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-01-05", "One"))]
        )
        second = record_changes(
            people.administrator,
            code="1.2",
            changes=[(ChangeKind.LEAD_PARTNERS, {"partners": ["A"]})],
        )
        third = record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-02-05", "Two"))]
        )
        rows = list(change_history())
        assert [row.id for row in rows] == [third[0], second[0], first[0]]
        assert [row.kind for row in rows] == [
            ChangeKind.UPDATE,
            ChangeKind.LEAD_PARTNERS,
            ChangeKind.UPDATE,
        ]
        assert all(row.applied for row in rows)
        assert [row.recorded_by_name for row in rows] == ["Ann Analyst", "Ada Admin", "Ann Analyst"]
        assert rows[0].recorded_by == "analyst@changes.example"
        assert rows[0].payload == update("2023-02-05", "Two")
        assert [row.id for row in change_history(CODE)] == [third[0], first[0]]
        assert list(change_history("9.9")) == []

    def test_name_falls_back_to_the_email_when_the_user_is_gone(self, people: People) -> None:
        record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-01-05"))]
        )
        User.objects.filter(pk=people.analyst.user_id).delete()
        (row,) = change_history()
        assert row.recorded_by_name == "analyst@changes.example"
        assert row.applied

    def test_change_that_no_longer_fits_the_file_is_not_applied(
        self, people: People, plan_copy: Path
    ) -> None:
        assert plan_in_force().path == plan_copy
        (completed,) = record_changes(
            people.analyst,
            code=CODE,
            changes=[
                (
                    ChangeKind.MILESTONE_COMPLETED,
                    {"index": 0, "title": FIRST_MILESTONE, "completed": "2023-03-20"},
                )
            ],
        )
        (updated,) = record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-03-21"))]
        )
        assert detail_in_force().milestones[0].completed is not None
        text = plan_copy.read_text(encoding="utf-8")
        assert text.count(FIRST_MILESTONE) == 1
        rewrite(plan_copy, text.replace(FIRST_MILESTONE, "Outcomes first reported"))

        current = plan_in_force()
        assert current.not_applied == frozenset({completed})
        assert current.applied == 1
        detail = find_detail(current.plan, CODE)[1]
        assert detail.milestones[0].title == "Outcomes first reported"
        assert detail.milestones[0].completed is None
        assert [u.text for u in detail.updates] == ["Progress made"]
        assert [(row.id, row.applied) for row in change_history()] == [
            (updated, True),
            (completed, False),
        ]

    def test_change_to_a_detailed_action_the_file_dropped_is_not_applied(
        self, people: People, plan_copy: Path
    ) -> None:
        (change,) = record_changes(
            people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-01-05"))]
        )
        plan = read_action_plan_file(plan_copy).plan
        first = plan.actions[0]
        trimmed = first.model_copy(update={"detailed_actions": first.detailed_actions[1:]})
        smaller = plan.model_copy(update={"actions": [trimmed, *plan.actions[1:]]})
        rewrite(plan_copy, format_action_plan_yaml(smaller))

        current = plan_in_force()
        assert current.plan == smaller
        assert current.applied == 0
        assert current.not_applied == frozenset({change})
        assert [row.applied for row in change_history()] == [False]
        with pytest.raises(UnknownActionError):
            record_changes(
                people.analyst, code=CODE, changes=[(ChangeKind.UPDATE, update("2023-02-05"))]
            )


class TestPlanYaml:
    def test_is_the_plan_in_force_as_a_plan_file(self, people: People, tmp_path: Path) -> None:
        record_changes(
            people.analyst,
            code=CODE,
            changes=[
                (ChangeKind.UPDATE, update("2023-03-20", "Reported: 2023-03-20", "complete")),
                (
                    ChangeKind.MILESTONE_COMPLETED,
                    {"index": 0, "title": FIRST_MILESTONE, "completed": "2023-03-20"},
                ),
            ],
        )
        record_changes(
            people.administrator,
            code="2.1",
            changes=[
                (ChangeKind.MILESTONE, {"title": "Hub relaunched", "due": "2023-06-30"}),
                (ChangeKind.LEAD_PARTNERS, {"partners": ["ICS", "Council: 'adult' services"]}),
            ],
        )
        current = plan_in_force()
        assert current.applied == 4
        text = plan_yaml(current)
        assert b"with 4 changes recorded on careforce" in text.splitlines()[0]
        path = tmp_path / "in-force.yaml"
        path.write_bytes(text)
        assert read_action_plan_file(path).plan == current.plan

    def test_without_changes(self, db: None, shipped_plan: None, tmp_path: Path) -> None:
        current = plan_in_force()
        text = plan_yaml(current)
        assert b"staffordshire-action-plan.yaml with 0 changes recorded" in text
        path = tmp_path / "in-force.yaml"
        path.write_bytes(text)
        assert read_action_plan_file(path).plan == load_action_plan(None).plan
