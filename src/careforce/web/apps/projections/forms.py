"""The analyst's scenario: changed turnover, demand elasticity and base workforce of a group."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import Any

from django import forms

from careforce.core.projections.parameters import ProjectionParameters
from careforce.services.projections import ScenarioChanges
from careforce.web.shared.forms import choice_field


class ScenarioForm(forms.Form):
    """What to change, for one group of the parameter file (a GET form: nothing is kept)."""

    group = forms.ChoiceField(label="Workforce group")
    turnover_change = forms.DecimalField(
        label="Change in turnover (percentage points, optional)",
        help_text="For example -5 for turnover 5 points lower every year. Groups without a "
        "turnover rate change their replacement rate.",
        required=False,
        min_value=-100,
        max_value=100,
        decimal_places=2,
        error_messages={"invalid": "Enter the change in turnover as a number, like -5"},
    )
    demand_elasticity = forms.DecimalField(
        label="Demand elasticity (optional)",
        help_text="How much the workforce grows for each 1% growth of its population driver: "
        "1 is in step with the population.",
        required=False,
        min_value=0,
        max_value=10,
        decimal_places=4,
        error_messages={"invalid": "Enter the demand elasticity as a number, like 1.2"},
    )
    base_workforce = forms.DecimalField(
        label="Base workforce (optional)",
        help_text="Filled posts plus vacancies in the base year.",
        required=False,
        min_value=0,
        max_value=10_000_000,
        decimal_places=1,
        error_messages={"invalid": "Enter the base workforce as a number, like 23063"},
    )

    def __init__(self, *args: Any, params: ProjectionParameters, **kwargs: Any) -> None:
        """Offer the file's groups."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["group"]).choices = [
            (group.name, group.display_name) for group in params.groups
        ]

    def clean(self) -> dict[str, Any]:
        """At least one change."""
        data = super().clean() or {}
        if not any(
            data.get(name) is not None
            for name in ("turnover_change", "demand_elasticity", "base_workforce")
        ):
            raise forms.ValidationError("Enter at least one change", code="nothing")
        return data

    def changes(self) -> ScenarioChanges:
        """The changes (only for a valid form)."""
        data = self.cleaned_data

        def number(name: str, scale: float = 1.0) -> float | None:
            value = data.get(name)
            return None if value is None else float(value) * scale

        return ScenarioChanges(
            group=data["group"],
            turnover_change=number("turnover_change", 0.01),
            demand_elasticity=number("demand_elasticity"),
            base_workforce=number("base_workforce"),
        )
