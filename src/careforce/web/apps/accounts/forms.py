"""Forms of the accounts pages (rendered with GOV.UK components)."""
# mypy: allow-subclassing-any

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.password_validation import validate_password

from careforce.web.backend.accounts import email_taken, password_problems
from careforce.web.backend.audit import AuditAction
from careforce.web.models.accounts.terms import ROLE_LABELS, Role
from careforce.web.shared.forms import choice_field

if TYPE_CHECKING:
    from careforce.web.models.accounts.models import User


class SignInForm(forms.Form):
    """Email address and password."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password", strip=False, error_messages={"required": "Enter your password"}
    )


class PasswordChangeForm(forms.Form):
    """The current password and a new one, twice."""

    current = forms.CharField(
        label="Current password",
        strip=False,
        error_messages={"required": "Enter your current password"},
    )
    new = forms.CharField(
        label="New password",
        strip=False,
        help_text="At least 12 characters. A few unrelated words make a good password.",
        error_messages={"required": "Enter a new password"},
    )
    confirm = forms.CharField(
        label="Confirm new password",
        strip=False,
        error_messages={"required": "Enter the new password again"},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        """Bind to the user whose password changes."""
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current(self) -> str:
        """The current password must be right."""
        current: str = self.cleaned_data["current"]
        if not self.user.check_password(current):
            raise forms.ValidationError("Your current password is not correct")
        return current

    def clean(self) -> dict[str, Any]:
        """The new password twice, and strong enough."""
        cleaned = super().clean() or {}
        new, confirm = cleaned.get("new"), cleaned.get("confirm")
        if new and confirm and new != confirm:
            self.add_error("confirm", "The passwords do not match")
        elif new:
            try:
                validate_password(new, self.user)
            except forms.ValidationError as error:
                self.add_error("new", error)
        return cleaned


def _request_id() -> str:
    return secrets.token_urlsafe(16)


class TokenForm(forms.Form):
    """A name for a new API token, and an identifier of this request for one (so that sending
    the same form again, by reloading the page, does not create a second token)."""

    name = forms.CharField(
        label="Name of the token",
        max_length=100,
        help_text="Say what will use it, for example ‘monthly report script’.",
        error_messages={"required": "Enter a name for the token"},
    )
    request_id = forms.CharField(
        widget=forms.HiddenInput, max_length=64, initial=_request_id, required=False
    )


ROLE_CHOICES = [(role.value, ROLE_LABELS[role]) for role in Role]
"""Roles, as forms offer them."""


class UserForm(forms.Form):
    """A user's details, as an administrator sets them."""

    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={"required": "Enter the person’s full name"},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    role = forms.ChoiceField(
        label="Role", choices=ROLE_CHOICES, error_messages={"required": "Choose a role"}
    )
    organisation = forms.TypedChoiceField(
        label="Organisation",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Provider users see only their organisation’s data.",
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        required=False,
        help_text="At least 12 characters. Leave blank to keep the current password.",
    )
    is_active = forms.BooleanField(label="Can sign in", required=False, initial=True)

    def __init__(
        self,
        *args: Any,
        organisations: list[tuple[int, str]],
        editing: User | None = None,
        **kwargs: Any,
    ) -> None:
        """Offer the organisations; when editing, the password may stay as it is."""
        super().__init__(*args, **kwargs)
        self.editing = editing
        choice_field(self.fields["organisation"]).choices = [("", "None"), *organisations]
        if editing is None:
            self.fields["password"].required = True
            self.fields["password"].help_text = "At least 12 characters."
            self.fields["password"].error_messages["required"] = "Enter a password"

    def clean_email(self) -> str:
        """Email addresses are unique (and compared in lower case)."""
        email = str(self.cleaned_data["email"]).lower()
        if email_taken(email, apart_from=self.editing.pk if self.editing is not None else None):
            raise forms.ValidationError("There is already a user with this email address")
        return email

    def clean(self) -> dict[str, Any]:
        """A provider user needs an organisation; passwords must be strong enough."""
        cleaned = super().clean() or {}
        if cleaned.get("role") == Role.PROVIDER.value and not cleaned.get("organisation"):
            self.add_error("organisation", "Choose the provider user’s organisation")
        password = cleaned.get("password")
        if password:
            for problem in password_problems(
                password,
                email=cleaned.get("email") or "",
                full_name=cleaned.get("full_name") or "",
            ):
                self.add_error("password", problem)
        return cleaned


class AuditFilterForm(forms.Form):
    """Filters of the audit log."""

    action = forms.ChoiceField(
        label="Action",
        required=False,
        choices=[("", "All actions"), *[(a.value, a.value) for a in AuditAction]],
    )
