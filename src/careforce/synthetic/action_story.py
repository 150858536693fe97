"""The demo's action plan: the strategy's plan two years on, as a partnership board would keep it.

The shipped Staffordshire plan (every action "not started", no lead partners, no updates) is
given lead partners, completed milestones and dated updates up to the demo's "today"
(:data:`careforce.core.vocab.demo.DEMO_TODAY`, 30 June 2024): some actions complete, most on
track with a second phase planned, some at risk or off track with a milestone overdue, one
deferred by the board, one not updated for a while. Partners, dates and texts are invented for
the demo; nothing here is a record of what a real partnership did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.core.outcomes.action_plan import (
    ActionPlan,
    DetailedAction,
    Evidence,
    Milestone,
    Update,
)
from careforce.core.outcomes.columns import ActionStatus

COUNCIL: Final = "County council workforce team"
ICS: Final = "Integrated care system people team"
PROVIDERS: Final = "Care providers' association"
COLLEGES: Final = "Further education colleges"
SKILLS_FOR_CARE: Final = "Skills for Care locality team"
JOBCENTRE: Final = "Jobcentre Plus"
UNIVERSITY: Final = "Local university"
CHILDREN: Final = "Children's services workforce team"
DIGITAL: Final = "Digital social care programme"
TRANSPORT: Final = "County council transport team"

LEAD_PARTNERS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "1.1": (COUNCIL,),
        "1.2": (COUNCIL, ICS),
        "1.3": (COUNCIL, SKILLS_FOR_CARE),
        "2.1": (ICS,),
        "2.2": (SKILLS_FOR_CARE, PROVIDERS),
        "2.3": (PROVIDERS,),
        "2.4": (COUNCIL, PROVIDERS),
        "2.5": (ICS,),
        "3.1": (COLLEGES, JOBCENTRE),
        "3.2": (COLLEGES,),
        "3.3": (JOBCENTRE, COUNCIL),
        "3.4": (UNIVERSITY, CHILDREN),
        "4.1": (SKILLS_FOR_CARE,),
        "4.2": (COLLEGES, PROVIDERS),
        "4.3": (COUNCIL, ICS),
        "4.4": (CHILDREN,),
        "4.5": (UNIVERSITY,),
        "5.1": (COUNCIL,),
        "5.2": (PROVIDERS, SKILLS_FOR_CARE),
        "5.3": (COUNCIL, PROVIDERS),
        "5.4": (ICS,),
        "5.5": (COUNCIL,),
        "5.6": (PROVIDERS,),
        "5.7": (CHILDREN,),
        "6.1": (DIGITAL,),
        "6.2": (COLLEGES, DIGITAL),
        "6.3": (DIGITAL, PROVIDERS),
        "6.4": (DIGITAL,),
        "7.1": (COUNCIL, JOBCENTRE),
        "7.2": (COUNCIL,),
        "7.3": (COUNCIL, SKILLS_FOR_CARE),
        "7.4": (ICS, PROVIDERS),
        "7.5": (CHILDREN,),
        "8.1": (TRANSPORT,),
        "8.2": (COUNCIL, PROVIDERS),
        "8.3": (PROVIDERS,),
    }
)
"""Lead partners agreed by the board for each detailed action (invented for the demo)."""

ANNUAL: Final = "annual"
COMPLETE: Final = "complete"
ON_TRACK: Final = "on track"
AT_RISK: Final = "at risk"
OFF_TRACK: Final = "off track"
DEFERRED: Final = "deferred"
QUIET: Final = "quiet"

ARCS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "1.1": ANNUAL,
        "1.2": ANNUAL,
        "1.3": ANNUAL,
        "2.1": COMPLETE,
        "2.2": ON_TRACK,
        "2.3": ON_TRACK,
        "2.4": AT_RISK,
        "2.5": COMPLETE,
        "3.1": ON_TRACK,
        "3.2": AT_RISK,
        "3.3": COMPLETE,
        "3.4": ON_TRACK,
        "4.1": COMPLETE,
        "4.2": ON_TRACK,
        "4.3": AT_RISK,
        "4.4": ON_TRACK,
        "4.5": QUIET,
        "5.1": COMPLETE,
        "5.2": ON_TRACK,
        "5.3": ON_TRACK,
        "5.4": COMPLETE,
        "5.5": AT_RISK,
        "5.6": ON_TRACK,
        "5.7": ON_TRACK,
        "6.1": COMPLETE,
        "6.2": ON_TRACK,
        "6.3": AT_RISK,
        "6.4": DEFERRED,
        "7.1": COMPLETE,
        "7.2": ON_TRACK,
        "7.3": COMPLETE,
        "7.4": ON_TRACK,
        "7.5": AT_RISK,
        "8.1": OFF_TRACK,
        "8.2": COMPLETE,
        "8.3": ON_TRACK,
    }
)
"""How each detailed action's story goes (any action not listed stays as the plan has it)."""

AT_RISK_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "2.4": "Fewer providers than planned have taken up the support offer; the offer is "
        "being redesigned with the providers' association.",
        "3.2": "College places for the care pathway were under-filled in 2023/24; recruitment "
        "for September 2024 is behind last year's.",
        "4.3": "The shared training calendar is live but only half the partners post to it; "
        "the milestone has slipped.",
        "5.5": "The career pathways work is waiting on the national care workforce pathway; "
        "the local version has slipped by six months.",
        "6.3": "Uptake of digital care records is below plan among small providers; the funding "
        "window closed before most applied.",
        "7.5": "Children's residential recruitment remains hard; the campaign has been "
        "re-planned for autumn 2024.",
    }
)
"""What each at-risk action's latest update says."""

ANNUAL_TEXTS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "1.1": (
            "Outcomes for 2022/23 reported to the partnership board, with the 2022 survey "
            "as the survey baseline.",
            "Outcomes for 2023/24 reported to the board against the 2021/22 baseline, with the "
            "2023 survey round: turnover and vacancies down, registered manager vacancies up.",
        ),
        "1.2": (
            "Demand projections updated with the 2022/23 workforce data (2022 base year).",
            "Demand projections updated with the 2023/24 workforce data; the gap in care "
            "workers narrows but the registered nurse gap remains.",
        ),
        "1.3": (
            "Priority training needs for 2022/23 agreed with the providers' association.",
            "Priority training needs for 2023/24 agreed, led by the Care Certificate for new "
            "international recruits.",
        ),
    }
)
"""What the board heard each year about the annual actions 1.1-1.3 (invented for the demo)."""

_DAY: Final = dt.timedelta(days=1)


def _date(year: int, month: int, day: int, shift: int) -> dt.date:
    """A date moved by a few days per action, so the updates do not all fall on one day."""
    return dt.date(year, month, day) + shift * _DAY


def _annual(detail: DetailedAction, shift: int) -> tuple[list[Milestone], list[Update]]:
    milestones = [
        m.model_copy(update={"completed": m.due - (12 - shift) * _DAY})
        if m.due <= dt.date(2024, 3, 31)
        else m
        for m in detail.milestones
    ]
    first, second = ANNUAL_TEXTS.get(detail.code, ANNUAL_TEXTS["1.1"])
    updates = [
        Update(
            date=_date(2023, 3, 20, shift),
            text=first,
            status=ActionStatus.ON_TRACK,
            author=COUNCIL,
            evidence=[Evidence(title="Board paper, March 2023")],
        ),
        Update(
            date=_date(2024, 3, 18, shift),
            text=second,
            status=ActionStatus.ON_TRACK,
            author=COUNCIL,
            evidence=[Evidence(title="Board paper, March 2024")],
        ),
    ]
    return milestones, updates


def _story(detail: DetailedAction, arc: str, shift: int) -> DetailedAction:
    lead = LEAD_PARTNERS.get(detail.code, (COUNCIL,))
    author = lead[0]
    started = Update(
        date=_date(2022, 9, 5, shift),
        text="Work started; the lead partners agreed the approach with the board.",
        status=ActionStatus.ON_TRACK,
        author=author,
    )
    first = detail.milestones[0] if detail.milestones else None
    change: dict[str, object] = {"lead_partners": list(lead)}
    if arc == ANNUAL:
        milestones, updates = _annual(detail, shift)
        return detail.model_copy(update={**change, "milestones": milestones, "updates": updates})
    if first is None:
        return detail.model_copy(update=change)
    phase_two = Milestone(title="Second phase agreed by the board", due=dt.date(2025, 3, 31))
    if arc == COMPLETE:
        done = _date(2024, 1, 15, shift * 2)
        updates = [
            started,
            Update(
                date=_date(2023, 6, 12, shift),
                text="Halfway: the first partners have taken it up.",
                status=ActionStatus.ON_TRACK,
                author=author,
            ),
            Update(
                date=done,
                text="Delivered; now part of the partners' usual work.",
                status=ActionStatus.COMPLETE,
                author=author,
                evidence=[Evidence(title=f"Board paper, {done:%B %Y}")],
            ),
        ]
        milestones = [first.model_copy(update={"completed": done})]
        return detail.model_copy(update={**change, "milestones": milestones, "updates": updates})
    if arc == ON_TRACK:
        updates = [
            started,
            Update(
                date=_date(2024, 3, 25, shift),
                text="First phase delivered; the board agreed a second phase for 2024/25.",
                status=ActionStatus.ON_TRACK,
                author=author,
            ),
            Update(
                date=_date(2024, 6, 3, shift),
                text="Second phase under way as planned.",
                status=ActionStatus.ON_TRACK,
                author=author,
            ),
        ]
        milestones = [first.model_copy(update={"completed": _date(2024, 3, 25, shift)}), phase_two]
        return detail.model_copy(update={**change, "milestones": milestones, "updates": updates})
    if arc == AT_RISK:
        updates = [
            started,
            Update(
                date=_date(2024, 5, 7, shift),
                text=AT_RISK_REASONS.get(detail.code, "Behind plan; the board has been told."),
                status=ActionStatus.AT_RISK,
                author=author,
            ),
        ]
        return detail.model_copy(update={**change, "updates": updates})
    if arc == OFF_TRACK:
        updates = [
            started,
            Update(
                date=_date(2023, 10, 16, shift),
                text="No funding has been found for a transport subsidy; options are being "
                "looked at again with the bus operators.",
                status=ActionStatus.OFF_TRACK,
                author=author,
            ),
        ]
        return detail.model_copy(update={**change, "updates": updates})
    if arc == DEFERRED:
        deferred = Milestone(
            title="Delivered by 31 March 2025 (deferred by the board in March 2024)",
            due=dt.date(2025, 3, 31),
        )
        updates = [
            Update(
                date=_date(2024, 3, 18, shift),
                text="Deferred to 2024/25 by the board, to follow the digital records work.",
                status=ActionStatus.NOT_STARTED,
                author=author,
            )
        ]
        return detail.model_copy(update={**change, "milestones": [deferred], "updates": updates})
    # QUIET: started, on track when last heard of, not updated since.
    return detail.model_copy(update={**change, "updates": [started]})


def _with_latest_status(detail: DetailedAction) -> DetailedAction:
    """The action's status is the one its latest update reports, as a plan file must say."""
    reported = [update.status for update in detail.updates if update.status is not None]
    return detail.model_copy(update={"status": reported[-1]}) if reported else detail


def demo_action_plan(plan: ActionPlan) -> ActionPlan:
    """The plan with the demo's story: lead partners, milestones and dated updates."""
    actions = []
    for action in plan.actions:
        details = [
            _with_latest_status(_story(detail, ARCS[detail.code], shift))
            if detail.code in ARCS
            else detail
            for shift, detail in enumerate(action.detailed_actions)
        ]
        actions.append(action.model_copy(update={"detailed_actions": details}))
    return plan.model_copy(
        update={
            "name": f"{plan.name} (demo progress, synthetic)",
            "description": (
                f"{plan.description or ''} Demo: the progress, partners and updates are "
                "synthetic, invented to show the service; they are not a real record."
            ).strip(),
            "actions": actions,
        }
    )
