"""Forms of the organisations pages."""
# mypy: allow-subclassing-any

from __future__ import annotations

import re
from typing import Any, ClassVar

from django import forms

from careforce.web.models.organisations.models import KIND_CHOICES, Organisation
from careforce.web.shared.forms import choice_field

GSS_CODE = re.compile(r"^[EWSN]\d{8}$")
"""ONS (GSS) area codes: a letter and eight digits, e.g. E10000028."""


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg]
    """An organisation's details."""

    kind = forms.ChoiceField(label="Kind of organisation", choices=KIND_CHOICES)
    parent_organisation = forms.TypedChoiceField(
        label="Parent organisation (optional)",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Users of the parent organisation may upload and see this organisation’s data.",
    )

    class Meta:
        model = Organisation
        fields: ClassVar[tuple[str, ...]] = (
            "name",
            "kind",
            "area_code",
            "area_name",
            "cqc_provider_id",
        )
        labels: ClassVar[dict[str, str]] = {
            "name": "Name",
            "area_code": "Council area code",
            "area_name": "Council area name",
            "cqc_provider_id": "CQC provider ID (optional)",
        }
        help_texts: ClassVar[dict[str, str]] = {
            "area_code": "The ONS code of the council area, for example E10000028.",
        }
        error_messages: ClassVar[dict[str, dict[str, str]]] = {
            "name": {"required": "Enter the organisation’s name"},
            "area_code": {"required": "Enter the council area code"},
            "area_name": {"required": "Enter the council area name"},
        }

    def __init__(self, *args: Any, parents: list[tuple[int, str]], **kwargs: Any) -> None:
        """Offer the organisations that may be the parent."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["parent_organisation"]).choices = [("", "None"), *parents]
        if self.instance.pk is not None:
            self.fields["parent_organisation"].initial = self.instance.parent_id

    def clean_area_code(self) -> str:
        """A GSS code."""
        code = str(self.cleaned_data["area_code"]).strip().upper()
        if not GSS_CODE.match(code):
            raise forms.ValidationError("Enter an ONS area code, like E10000028")
        return code


class OrganisationFilterForm(forms.Form):
    """Search and filter of the organisations list."""

    q = forms.CharField(label="Name contains", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *KIND_CHOICES]
    )


TRANSFER_DECISIONS = [("approve", "Approve: the workplace moves"), ("refuse", "Refuse")]
"""Choices of a transfer decision."""


class TransferDecisionForm(forms.Form):
    """An administrator's decision on a transfer request."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=TRANSFER_DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or refuse the transfer"},
    )
    reason = forms.CharField(
        label="Reason for the decision",
        max_length=2000,
        error_messages={"required": "Enter the reason for the decision"},
        widget=forms.Textarea,
    )
