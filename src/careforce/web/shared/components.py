"""Helpers that turn data and Django forms into GOV.UK component parameters.

Pages build their tables, summary lists, form fields, tags and pagination here, so every
page uses the components the same way (and accessibly: captions, scoped headers, labelled
fields, error summaries linking to the fields).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from django.core.paginator import Page
from django.forms import BoundField, Form
from django.http import QueryDict
from markupsafe import Markup, escape

from careforce.web.shared.forms import choices_of

TAG_COLOURS: Final = {
    "received": "grey",
    "validating": "blue",
    "valid": "green",
    "invalid": "red",
    "unusable": "red",
    "failed": "red",
    "accepted": "green",
    "duplicate": "yellow",
    "stored": "grey",
    "error": "red",
    "warning": "yellow",
    "pending": "grey",
    "running": "blue",
    "ready": "green",
    "superseded": "grey",
    "succeeded": "green",
}
"""GOV.UK tag colour of each status word."""


def tag(text: str, status: str) -> dict[str, Any]:
    """Parameters of a GOV.UK tag for a status."""
    colour = TAG_COLOURS.get(status)
    return {"text": text, "classes": f"govuk-tag--{colour}" if colour else ""}


Cell = str | int | float | Markup | Mapping[str, Any] | None


def _cell(value: Cell, *, numeric: bool, header: bool = False) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    cell: dict[str, Any] = (
        {"html": value}
        if isinstance(value, Markup)
        else {"text": "" if value is None else str(value)}
    )
    if numeric:
        cell["format"] = "numeric"
    if header:
        cell["classes"] = "govuk-table__header"
    return cell


def table(
    *,
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    numeric: Iterable[int] = (),
    caption_size: str = "m",
    first_cell_is_header: bool = True,
) -> dict[str, Any]:
    """Parameters of a GOV.UK table.

    Args:
        caption: what the table shows (every table has one, for screen readers).
        head: column headings.
        rows: the cells of each row (text, numbers, Markup, or ready-made cell dicts).
        numeric: indexes of the columns holding numbers (right-aligned).
        caption_size: ``s``, ``m`` or ``l``.
        first_cell_is_header: whether each row's first cell heads the row.
    """
    numbers = set(numeric)
    return {
        "caption": caption,
        "captionClasses": f"govuk-table__caption--{caption_size}",
        "firstCellIsHeader": first_cell_is_header,
        "head": [
            {"text": heading, **({"format": "numeric"} if index in numbers else {})}
            for index, heading in enumerate(head)
        ],
        "rows": [
            [_cell(value, numeric=index in numbers) for index, value in enumerate(row)]
            for row in rows
        ],
    }


def summary_list(rows: Iterable[tuple[str, Cell]], *, borders: bool = True) -> dict[str, Any]:
    """Parameters of a GOV.UK summary list from (key, value) pairs."""
    return {
        "classes": "" if borders else "govuk-summary-list--no-border",
        "rows": [
            {
                "key": {"text": key},
                "value": {"html": value}
                if isinstance(value, Markup)
                else {"text": "" if value is None else str(value)},
            }
            for key, value in rows
        ],
    }


def link(href: str, text: str, *, hidden: str = "") -> Markup:
    """A GOV.UK link; ``hidden`` adds words only screen readers hear (e.g. which row)."""
    extra = (
        Markup(' <span class="govuk-visually-hidden">{}</span>').format(hidden) if hidden else ""
    )
    return Markup('<a class="govuk-link" href="{}">{}{}</a>').format(href, text, extra)


def error_summary(form: Form) -> dict[str, Any] | None:
    """Parameters of a GOV.UK error summary for a form with errors (None when it has none).

    Each error links to its field (``#id_<name>``); errors about the whole form link to the
    first field.
    """
    if not form.errors:
        return None
    items = []
    first = next(iter(form.fields), "")
    for name, errors in form.errors.items():
        target = first if name == "__all__" else name
        widget_id = form[target].id_for_label if target in form.fields else ""
        for error in errors:
            items.append({"text": error, "href": f"#{widget_id}" if widget_id else "#"})
    return {"titleText": "There is a problem", "errorList": items}


def _error_message(field: BoundField) -> dict[str, Any] | None:
    return {"text": " ".join(str(error) for error in field.errors)} if field.errors else None


def field(
    bound: BoundField,
    *,
    hint: str | None = None,
    classes: str = "",
    label_classes: str = "",
    autocomplete: str | None = None,
    input_type: str | None = None,
    page_heading: bool = False,
) -> dict[str, Any]:
    """Parameters of a GOV.UK text input (or password input) for a form field."""
    value = bound.value()
    params: dict[str, Any] = {
        "id": bound.id_for_label,
        "name": bound.html_name,
        "label": {"text": bound.label, "classes": label_classes, "isPageHeading": page_heading},
        "value": "" if value is None or input_type == "password" else value,
        "classes": classes,
        "errorMessage": _error_message(bound),
    }
    if hint or bound.help_text:
        params["hint"] = {"text": hint or bound.help_text}
    if autocomplete:
        params["autocomplete"] = autocomplete
    if input_type:
        params["type"] = input_type
    return params


def textarea(bound: BoundField, *, hint: str | None = None, rows: int = 5) -> dict[str, Any]:
    """Parameters of a GOV.UK textarea for a form field."""
    value = bound.value()
    params: dict[str, Any] = {
        "id": bound.id_for_label,
        "name": bound.html_name,
        "label": {"text": str(bound.label), "classes": "govuk-label--m"},
        "value": "" if value is None else value,
        "rows": rows,
        "errorMessage": _error_message(bound),
    }
    if hint or bound.help_text:
        params["hint"] = {"text": hint or bound.help_text}
    return params


def select(
    bound: BoundField | None = None,
    *,
    name: str = "",
    label: str = "",
    options: Sequence[tuple[str, str]] = (),
    selected: str | None = None,
    hint: str | None = None,
    classes: str = "",
) -> dict[str, Any]:
    """Parameters of a GOV.UK select, from a form field or from options."""
    if bound is not None:
        name, label = bound.html_name, str(bound.label)
        options = [(str(value), str(text)) for value, text in choices_of(bound.field)]
        current = bound.value()
        selected = "" if current is None else str(current)
        hint = hint or str(bound.help_text) or None
        error = _error_message(bound)
        identifier = bound.id_for_label
    else:
        error, identifier = None, f"id_{name}"
    params: dict[str, Any] = {
        "id": identifier,
        "name": name,
        "label": {"text": label},
        "items": [
            {"value": str(value), "text": text, "selected": str(value) == str(selected or "")}
            for value, text in options
        ],
        "classes": classes,
        "errorMessage": error,
    }
    if hint:
        params["hint"] = {"text": hint}
    return params


def radios(
    bound: BoundField, *, legend_classes: str = "govuk-fieldset__legend--m"
) -> dict[str, Any]:
    """Parameters of GOV.UK radios for a choice field."""
    current = "" if bound.value() is None else str(bound.value())
    items = [
        {"value": str(value), "text": str(text), "checked": str(value) == current}
        for value, text in choices_of(bound.field)
    ]
    params: dict[str, Any] = {
        "idPrefix": bound.id_for_label,
        "name": bound.html_name,
        "fieldset": {"legend": {"text": str(bound.label), "classes": legend_classes}},
        "items": items,
        "errorMessage": _error_message(bound),
    }
    if bound.help_text:
        params["hint"] = {"text": bound.help_text}
    return params


def file_upload(
    bound: BoundField, *, hint: str | None = None, multiple: bool = False
) -> dict[str, Any]:
    """Parameters of a GOV.UK file upload for a file field."""
    params: dict[str, Any] = {
        "id": bound.id_for_label,
        "name": bound.html_name,
        "label": {"text": str(bound.label), "classes": "govuk-label--m"},
        "errorMessage": _error_message(bound),
    }
    if multiple:
        params["multiple"] = True
    if hint or bound.help_text:
        params["hint"] = {"text": hint or bound.help_text}
    return params


def date_input(form: Form, prefix: str, *, legend: str, hint: str = "") -> dict[str, Any]:
    """Parameters of a GOV.UK date input from three fields ``<prefix>_day``, ``_month``, ``_year``."""
    parts = [form[f"{prefix}_{part}"] for part in ("day", "month", "year")]
    errors = [str(error) for bound in parts for error in bound.errors]
    errors += [str(error) for error in form.errors.get(prefix, [])]
    widths = {
        "day": "govuk-input--width-2",
        "month": "govuk-input--width-2",
        "year": "govuk-input--width-4",
    }
    return {
        "id": f"id_{prefix}",
        "namePrefix": "",
        "fieldset": {"legend": {"text": legend, "classes": "govuk-fieldset__legend--m"}},
        "hint": {"text": hint} if hint else None,
        "errorMessage": {"text": " ".join(dict.fromkeys(errors))} if errors else None,
        "items": [
            {
                "id": bound.id_for_label,
                "name": bound.html_name,
                "label": part.capitalize(),
                "value": bound.value() or "",
                "classes": widths[part] + (" govuk-input--error" if errors else ""),
            }
            for part, bound in zip(("day", "month", "year"), parts, strict=True)
        ],
    }


def pagination(page: Page[Any], query: QueryDict, *, window: int = 2) -> dict[str, Any] | None:
    """Parameters of GOV.UK pagination for a page of results (None when there is one page).

    Links keep the other query parameters (filters) and change only ``page``.
    """
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        kept = query.copy()
        kept["page"] = str(number)
        return f"?{kept.urlencode()}"

    last = page.paginator.num_pages
    shown = sorted(
        {1, last, *range(max(1, page.number - window), min(last, page.number + window) + 1)}
    )
    items: list[dict[str, Any]] = []
    previous = 0
    for number in shown:
        if previous and number > previous + 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == page.number})
        previous = number
    params: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of results"}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params


def json_block(element_id: str, data: str | Mapping[str, Any]) -> Markup:
    """JSON (text or a mapping) as a data block a script reads by id: never executed, so the
    Content-Security-Policy allows it; ``<``, ``>`` and ``&`` are escaped so it cannot end early."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        Markup('<script type="application/json" id="{}">').format(element_id)
        + Markup(safe)
        + Markup("</script>")
    )


def code(text: object) -> Markup:
    """Text shown as code (hashes, references, values from files), escaped."""
    return Markup('<span class="careforce-code">{}</span>').format("" if text is None else text)


def escaped(text: str) -> Markup:
    """Text made safe to put inside HTML built in Python."""
    return Markup(escape(text))


GLOBALS: Final = {
    "tag": tag,
    "table": table,
    "summary_list": summary_list,
    "link": link,
    "code": code,
    "error_summary": error_summary,
    "field": field,
    "select": select,
    "textarea": textarea,
    "json_block": json_block,
    "radios": radios,
    "file_upload": file_upload,
    "date_input": date_input,
    "pagination": pagination,
}
"""Helpers every template can call."""
