"""Forms of the upload journey."""
# mypy: allow-subclassing-any

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from careforce.web.models.uploads.terms import Severity, Source
from careforce.web.shared.date_parts import clean_date_parts, date_part_fields, set_initial_date
from careforce.web.shared.forms import choice_field

EARLIEST_REFERENCE_DATE: Final = dt.date(2010, 1, 2)
"""ASC-WDS (then NMDS-SC) data before 2010 are not in the bulk-upload format."""


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that takes several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files (a list of uploaded files)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Use the multiple-file input."""
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        """Every file, each checked as a single file field would."""
        if isinstance(data, (list, tuple)):
            files = [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        else:
            files = [super().clean(data, initial)] if data else []
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


def _default_reference_date(today: dt.date | None = None) -> dt.date:
    """The last 31 March: ASC-WDS returns describe the end of a financial year."""
    today = today or dt.date.today()
    year = today.year if today >= dt.date(today.year, 3, 31) else today.year - 1
    return dt.date(year, 3, 31)


class UploadForm(forms.Form):
    """Files for an organisation: ASC-WDS files with their reference date, or (administrators)
    another kind of file."""

    organisation = forms.TypedChoiceField(
        label="Organisation",
        coerce=int,
        help_text="The organisation whose data the files are.",
        error_messages={"required": "Choose the organisation the files are for"},
    )
    source = forms.ChoiceField(
        label="What are the files?",
        choices=[(source.value, source.label) for source in Source],
        initial=Source.ASCWDS.value,
        error_messages={"required": "Choose what the files are"},
    )
    # A declared field (Django moves it to base_fields), not the form's own files attribute.
    files = MultipleFileField(  # type: ignore[assignment]
        label="Files",
        error_messages={"required": "Choose the files to upload"},
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[tuple[int, str]],
        administrator: bool,
        **kwargs: Any,
    ) -> None:
        """Offer the organisations the person may upload for, and (administrators) every source."""
        super().__init__(*args, **kwargs)
        self.fields.update(date_part_fields("reference_date"))
        self.administrator = administrator
        choices: list[tuple[Any, str]] = list(organisations)
        if administrator:
            choices.insert(0, ("", "Choose an organisation"))
        choice_field(self.fields["organisation"]).choices = choices
        if not administrator:
            choice_field(self.fields["source"]).choices = [
                (Source.ASCWDS.value, Source.ASCWDS.label)
            ]
            if organisations:
                self.fields["organisation"].initial = organisations[0][0]
        set_initial_date(self, "reference_date", _default_reference_date())

    def clean_files(self) -> list[UploadedFile]:
        """No file over the size limit; at most three ASC-WDS files."""
        files: list[UploadedFile] = self.cleaned_data["files"]
        limit = settings.CAREFORCE_MAX_UPLOAD_BYTES
        for upload in files:
            if upload.size is not None and upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name} is larger than {limit // (1024 * 1024)} MB"
                )
            if upload.size == 0:
                raise forms.ValidationError(f"{upload.name} is empty")
        return files

    def clean(self) -> dict[str, Any]:
        """The reference date of ASC-WDS files; the number of files."""
        cleaned = super().clean() or {}
        source = cleaned.get("source")
        if source == Source.ASCWDS.value:
            files = cleaned.get("files") or []
            if len(files) > 3:
                self.add_error(
                    "files",
                    "Choose at most 3 files: the workplace file, the staff file and the training file",
                )
            cleaned["reference_date"] = self._reference_date()
        else:
            cleaned["reference_date"] = None
        return cleaned

    def _reference_date(self) -> dt.date | None:
        return clean_date_parts(
            self,
            "reference_date",
            subject="the date the files describe",
            earliest=EARLIEST_REFERENCE_DATE,
            latest=dt.date.today(),
        )


class FindingFilterForm(forms.Form):
    """Filters of the findings page."""

    severity = forms.ChoiceField(
        label="Severity",
        required=False,
        choices=[
            ("", "Errors and warnings"),
            *[(s.value, s.value.capitalize() + "s") for s in Severity],
        ],
    )
    file = forms.ChoiceField(label="File", required=False, choices=[("", "All files")])

    def __init__(self, *args: Any, files: list[str], **kwargs: Any) -> None:
        """Offer the files the findings are about."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["file"]).choices = [
            ("", "All files"),
            *[(f, f.capitalize()) for f in files],
        ]


class UploadFilterForm(forms.Form):
    """Filters of the uploads list (administrators)."""

    organisation = forms.TypedChoiceField(
        label="Organisation", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        """Offer the organisations."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["organisation"]).choices = [
            ("", "All organisations"),
            *organisations,
        ]


class TransferRequestForm(forms.Form):
    """Why workplaces registered to another organisation should be the uploader's."""

    reason = forms.CharField(
        label="Why should these workplaces be transferred to your organisation?",
        max_length=2000,
        help_text="For example, the organisation took them over on 1 April 2024.",
        error_messages={"required": "Enter why the workplaces should be transferred"},
        widget=forms.Textarea,
    )
