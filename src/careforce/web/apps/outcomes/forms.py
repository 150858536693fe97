"""Forms of the action plan: a progress update, a milestone, lead partners and the list's filters."""
# mypy: allow-subclassing-any

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from django import forms

from careforce.core.outcomes.action_plan import DetailedAction, Milestone
from careforce.core.outcomes.columns import ActionStatus
from careforce.web.backend.demo_mode import service_today
from careforce.web.shared.date_parts import clean_date_parts, date_part_fields, set_initial_date
from careforce.web.shared.formats import date
from careforce.web.shared.forms import choice_field

KEEP_STATUS: Final = ""
"""The status choice that leaves the status as it is."""
MAX_TEXT: Final = 4000
"""Longest update text accepted."""
MAX_PARTNERS: Final = 20
"""Most lead partners accepted for one detailed action."""


def milestone_choice(milestone: Milestone) -> str:
    """How a milestone is chosen in a form: its due date and title."""
    return f"{milestone.due.isoformat()} {milestone.title}"


def _url(value: str) -> str:
    value = value.strip()
    if value and not value.lower().startswith(("https://", "http://")):
        raise forms.ValidationError("Enter a web address starting with https://")
    return value


class UpdateForm(forms.Form):
    """A dated progress update: what happened, the status now, evidence, a milestone done."""

    text = forms.CharField(
        label="What has happened?",
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter what has happened",
            "max_length": f"What has happened must be {MAX_TEXT} characters or fewer",
        },
    )
    status = forms.ChoiceField(label="Status now", required=False)
    author = forms.CharField(
        label="Reported by (optional)",
        required=False,
        max_length=200,
        help_text="The partner or role reporting, for example ‘Workforce board’.",
    )
    evidence_title = forms.CharField(
        label="Evidence (optional)",
        required=False,
        max_length=300,
        help_text="For example ‘Board paper, March 2025’.",
    )
    evidence_url = forms.CharField(
        label="Link to the evidence (optional)", required=False, max_length=500
    )
    milestone = forms.ChoiceField(
        label="Milestone completed (optional)",
        required=False,
        error_messages={
            "invalid_choice": "That milestone is no longer open: choose the milestone again"
        },
    )

    def __init__(
        self, *args: Any, detail: DetailedAction, start_date: dt.date, **kwargs: Any
    ) -> None:
        """Offer the statuses and the detailed action's open milestones."""
        super().__init__(*args, **kwargs)
        self.fields.update(date_part_fields("date"))
        self.start_date = start_date
        choice_field(self.fields["status"]).choices = [
            (KEEP_STATUS, f"Keep as {detail.status.value}"),
            *[(status.value, status.value.capitalize()) for status in ActionStatus],
        ]
        self.detail = detail
        choice_field(self.fields["milestone"]).choices = [
            ("", "None"),
            *[
                (milestone_choice(milestone), f"{milestone.title} (due {date(milestone.due)})")
                for milestone in detail.milestones
                if milestone.completed is None
            ],
        ]
        set_initial_date(self, "date", service_today())

    def clean_evidence_url(self) -> str:
        """A web address, when given."""
        return _url(str(self.cleaned_data.get("evidence_url") or ""))

    def clean(self) -> dict[str, Any]:
        """The date of the update; evidence needs a title when it has a link."""
        cleaned = super().clean() or {}
        cleaned["date"] = clean_date_parts(
            self,
            "date",
            subject="the date of the update",
            earliest=self.start_date,
            latest=service_today(),
        )
        if cleaned.get("evidence_url") and not cleaned.get("evidence_title"):
            self.add_error("evidence_title", "Enter what the evidence is")
        return cleaned

    def milestone_index(self) -> int | None:
        """The position of the milestone chosen in the detailed action (None: no milestone).

        Milestones are chosen by due date and title, not by position, so a milestone added
        while the form was open cannot be completed by mistake."""
        chosen = self.cleaned_data.get("milestone")
        for index, milestone in enumerate(self.detail.milestones):
            if chosen and milestone.completed is None and milestone_choice(milestone) == chosen:
                return index
        return None

    def update_payload(self) -> dict[str, Any]:
        """The update as the action plan records it."""
        data = self.cleaned_data
        payload: dict[str, Any] = {"date": data["date"].isoformat(), "text": data["text"].strip()}
        if data.get("status"):
            payload["status"] = data["status"]
        if data.get("author"):
            payload["author"] = data["author"].strip()
        if data.get("evidence_title"):
            evidence = {"title": data["evidence_title"].strip()}
            if data.get("evidence_url"):
                evidence["url"] = data["evidence_url"]
            payload["evidence"] = [evidence]
        return payload


class MilestoneForm(forms.Form):
    """A milestone with a due date."""

    title = forms.CharField(
        label="Milestone",
        max_length=300,
        error_messages={"required": "Enter the milestone"},
        help_text="What is to be done, for example ‘Recruitment campaign launched’.",
    )

    def __init__(self, *args: Any, start_date: dt.date, **kwargs: Any) -> None:
        """The due date's fields."""
        super().__init__(*args, **kwargs)
        self.fields.update(date_part_fields("due"))
        self.start_date = start_date

    def clean(self) -> dict[str, Any]:
        """The due date (on or after the plan's start)."""
        cleaned = super().clean() or {}
        cleaned["due"] = clean_date_parts(
            self, "due", subject="the due date", earliest=self.start_date
        )
        return cleaned

    def milestone_payload(self) -> dict[str, Any]:
        """The milestone as the action plan records it."""
        return {
            "title": self.cleaned_data["title"].strip(),
            "due": self.cleaned_data["due"].isoformat(),
        }


class PartnersForm(forms.Form):
    """The lead partners of a detailed action, one per line."""

    partners = forms.CharField(
        label="Lead partners",
        required=False,
        widget=forms.Textarea,
        max_length=4000,
        help_text="One partner per line. Leave empty if not yet agreed.",
    )

    def clean_partners(self) -> list[str]:
        """The partners, without blank lines or repeats."""
        lines = str(self.cleaned_data.get("partners") or "").splitlines()
        partners = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
        if len(partners) > MAX_PARTNERS:
            raise forms.ValidationError(f"Enter {MAX_PARTNERS} lead partners or fewer")
        if any(len(partner) > 200 for partner in partners):
            raise forms.ValidationError("Each lead partner must be 200 characters or fewer")
        return partners


class ActionFilterForm(forms.Form):
    """Filters of the action plan list."""

    status = forms.ChoiceField(label="Status", required=False)
    outcome = forms.ChoiceField(label="Outcome", required=False)
    flag = forms.ChoiceField(
        label="Flags",
        required=False,
        choices=[
            ("", "Any"),
            ("overdue", "Overdue"),
            ("stale", "Stale"),
            ("either", "Overdue or stale"),
        ],
    )

    def __init__(self, *args: Any, outcomes: dict[str, str], **kwargs: Any) -> None:
        """Offer the statuses and the plan's outcomes."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["status"]).choices = [
            ("", "Any status"),
            *[(status.value, status.value.capitalize()) for status in ActionStatus],
        ]
        choice_field(self.fields["outcome"]).choices = [
            ("", "Any outcome"),
            *[(code, f"{code}. {title}") for code, title in outcomes.items()],
        ]
