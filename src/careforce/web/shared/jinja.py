"""The Jinja2 environment of every page: GOV.UK Frontend macros, helpers and formats.

Templates call GOV.UK components as globals (``govukTable({...})``) provided here, never by
importing ``govuk_frontend_jinja`` themselves, so the components are used in one way only.
"""

from __future__ import annotations

from typing import Any, Final

import jinja2
from django.templatetags.static import static
from django.urls import reverse

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
        env.globals[name] = getattr(module, name)
    env.globals.update(components.GLOBALS)
    env.filters.update(formats.FILTERS)
    return env
