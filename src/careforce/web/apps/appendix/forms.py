"""The form choosing the appendix template: a shipped one, or the council's own uploaded."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import Any, Final

from django import forms

from careforce.web.backend.appendix_templates import shipped_text, template_problems
from careforce.web.shared.forms import choice_field

OWN: Final = "own"
"""The choice of uploading the council's own template."""
LARGEST_TEMPLATE: Final = 256 * 1024
"""Largest template file taken (bytes): the shipped template is about 15 KB."""


class TemplateForm(forms.Form):
    """Which template the appendix uses; an uploaded one is checked against the schema and every
    problem is shown with its line and field."""

    template = forms.ChoiceField(
        label="Which template should the appendix use?",
        error_messages={"required": "Choose a template"},
    )
    file = forms.FileField(
        label="The council's template (YAML)",
        required=False,
        help_text="A YAML file in the format described in the appendix documentation. "
        "Download the template in force to start from it.",
    )

    def __init__(self, *args: Any, shipped: list[str], **kwargs: Any) -> None:
        """Offer each shipped template and the council's own."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["template"]).choices = [
            *((name, f"{name} (shipped with careforce)") for name in shipped),
            (OWN, "Upload the council's own template"),
        ]

    def _uploaded(self) -> tuple[str, str] | None:
        upload = self.cleaned_data.get("file")
        if upload is None:
            self.add_error("file", "Choose the template file to upload")
            return None
        if upload.size > LARGEST_TEMPLATE:
            self.add_error("file", "The template must be smaller than 256 KB")
            return None
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            self.add_error("file", "The template must be a text file in UTF-8")
            return None

    def clean(self) -> dict[str, Any]:
        """The chosen template's name and text, checked; each problem is an error of the form."""
        cleaned = super().clean() or {}
        choice = cleaned.get("template")
        if choice is None:
            return cleaned
        chosen = self._uploaded() if choice == OWN else (choice, shipped_text(choice))
        if chosen is None:
            return cleaned
        name, text = chosen
        field = "file" if choice == OWN else "template"
        for problem in template_problems(text, name=name):
            self.add_error(field, f"{name}: {problem}")
        cleaned["name"], cleaned["text"] = name, text
        return cleaned
