"""The Jinja2 environment of every page: GOV.UK Frontend macros, helpers and formats.

Templates call GOV.UK components as globals (``govukTable({...})``) provided here, never by
importing ``govuk_frontend_jinja`` themselves, so the components are used in one way only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import jinja2
from django.templatetags.static import static
from django.urls import reverse
from markupsafe import Markup, escape

from careforce.web.shared import components, formats

GOVUK_COMPONENTS: Final = {
    "govukBackLink": "back-link",
    "govukBreadcrumbs": "breadcrumbs",
    "govukButton": "button",
    "govukCheckboxes": "checkboxes",
    "govukDateInput": "date-input",
    "govukDetails": "details",
    "govukErrorMessage": "error-message",
    "govukErrorSummary": "error-summary",
    "govukFieldset": "fieldset",
    "govukFileUpload": "file-upload",
    "govukInput": "input",
    "govukInsetText": "inset-text",
    "govukNotificationBanner": "notification-banner",
    "govukPagination": "pagination",
    "govukPanel": "panel",
    "govukPasswordInput": "password-input",
    "govukPhaseBanner": "phase-banner",
    "govukRadios": "radios",
    "govukSelect": "select",
    "govukServiceNavigation": "service-navigation",
    "govukSkipLink": "skip-link",
    "govukSummaryList": "summary-list",
    "govukTable": "table",
    "govukTag": "tag",
    "govukTaskList": "task-list",
    "govukTextarea": "textarea",
    "govukWarningText": "warning-text",
}
"""The GOV.UK Frontend components pages use, by macro name (the crowned header and footer are
not among them: the layout has the council's own)."""


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """The path of a named URL, e.g. ``url('uploads:upload-detail', upload.pk)``."""
    return str(reverse(name, args=args or None, kwargs=kwargs or None))


def scrolling_table(render: Callable[..., Any]) -> Callable[..., Markup]:
    """GOV.UK's table macro with every table in its own region that scrolls sideways (focusable,
    named by ``label`` or else the caption, with a shadow at the edge that hides columns): a wide
    table never makes the page scroll on a phone, and a keyboard user can scroll it."""

    def table(params: Mapping[str, Any] | None = None, *args: Any, **kwargs: Any) -> Markup:
        given = params or {}
        caption = str(given.get("label") or given.get("caption") or "Table")
        inner = render(params, *args, **kwargs)
        return Markup(
            '<div class="careforce-table-wrapper" tabindex="0" role="region" aria-label="{}">{}</div>'
        ).format(escape(caption), Markup(inner))

    return table


def environment(**options: Any) -> jinja2.Environment:
    """The environment Django's Jinja2 backend renders pages with."""
    app_loader = options.pop("loader", None) or jinja2.FileSystemLoader([])
    options["loader"] = jinja2.ChoiceLoader(
        [
            app_loader,
            jinja2.PrefixLoader(
                {"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}
            ),
        ]
    )
    # GOV.UK Frontend's macros test optional parameters as Nunjucks does (a missing value is
    # falsy however deeply it is looked up), which needs chainable undefined values.
    options["undefined"] = jinja2.ChainableUndefined
    options.setdefault("autoescape", True)
    env = jinja2.Environment(**options)
    env.globals.update(url=url, static=static)
    for name, component in GOVUK_COMPONENTS.items():
        module = env.get_template(f"govuk_frontend_jinja/components/{component}/macro.html").module
        macro = getattr(module, name)
        env.globals[name] = scrolling_table(macro) if name == "govukTable" else macro
    env.globals.update(components.GLOBALS)
    env.filters.update(formats.FILTERS)
    return env
