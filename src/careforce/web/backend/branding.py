"""Settings of the web service that come from the environment: the council's branding and area.

Councils are not on GOV.UK: the pages carry the council's own name, logo and colours. The
colours are checked for contrast (WCAG 2.2 AA asks for 4.5:1 for text) when the service starts.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Final

MIN_TEXT_CONTRAST: Final = 4.5
"""WCAG 2.2 success criterion 1.4.3: text needs a contrast ratio of at least 4.5:1."""
HEX_COLOUR: Final = re.compile(r"^#[0-9a-fA-F]{6}$")
"""Colours are given as #rrggbb."""
TRUE_WORDS: Final = frozenset({"1", "true", "yes", "on"})
"""Values of an environment flag that mean yes."""


class BrandingError(ValueError):
    """A branding setting cannot be used (not a colour, or too little contrast)."""


@dataclass(frozen=True)
class Branding:
    """How the service presents itself.

    Attributes:
        council_name: the council running the service, e.g. ``Staffordshire County Council``.
        service_name: the service's name in the header.
        logo: the logo's path among the static files ('' for none).
        header_colour: background of the header (#rrggbb).
        header_text_colour: text of the header (#rrggbb).
        brand_colour: the stripe under the header and the service navigation (#rrggbb).
        area_code: ONS code of the council area (new organisations get it).
        area_name: name of the council area.
        contact_email: where people report problems (accessibility statement, privacy notice).
    """

    council_name: str = "Staffordshire County Council"
    service_name: str = "Care workforce intelligence"
    logo: str = "careforce/img/council-logo.svg"
    header_colour: str = "#0b0c0c"
    header_text_colour: str = "#ffffff"
    brand_colour: str = "#1d70b8"
    area_code: str = "E10000028"
    area_name: str = "Staffordshire"
    contact_email: str = "workforce.intelligence@example.org"


def environment_flag(name: str, *, default: bool) -> bool:
    """A yes/no setting from the environment."""
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUE_WORDS


def branding_from_environment() -> Branding:
    """The branding, from ``CAREFORCE_COUNCIL_NAME``, ``CAREFORCE_SERVICE_NAME``,
    ``CAREFORCE_LOGO``, ``CAREFORCE_HEADER_COLOUR``, ``CAREFORCE_HEADER_TEXT_COLOUR``,
    ``CAREFORCE_BRAND_COLOUR``, ``CAREFORCE_AREA_CODE``, ``CAREFORCE_AREA_NAME`` and
    ``CAREFORCE_CONTACT_EMAIL`` (each optional)."""
    default = Branding()
    fields = {
        "council_name": "CAREFORCE_COUNCIL_NAME",
        "service_name": "CAREFORCE_SERVICE_NAME",
        "logo": "CAREFORCE_LOGO",
        "header_colour": "CAREFORCE_HEADER_COLOUR",
        "header_text_colour": "CAREFORCE_HEADER_TEXT_COLOUR",
        "brand_colour": "CAREFORCE_BRAND_COLOUR",
        "area_code": "CAREFORCE_AREA_CODE",
        "area_name": "CAREFORCE_AREA_NAME",
        "contact_email": "CAREFORCE_CONTACT_EMAIL",
    }
    values = {
        field: os.environ.get(variable, getattr(default, field))
        for field, variable in fields.items()
    }
    return Branding(**values)


def _channel(value: int) -> float:
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour.

    Raises:
        BrandingError: it is not a #rrggbb colour.
    """
    if not HEX_COLOUR.match(colour):
        raise BrandingError(f"{colour!r} is not a colour written #rrggbb")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def branding_problems(branding: Branding) -> list[str]:
    """What is wrong with a branding (empty when it can be used)."""
    problems = []
    for name in ("header_colour", "header_text_colour", "brand_colour"):
        colour = getattr(branding, name)
        if not HEX_COLOUR.match(colour):
            problems.append(f"{name} {colour!r} is not a colour written #rrggbb")
    if problems:
        return problems
    ratio = contrast_ratio(branding.header_colour, branding.header_text_colour)
    if ratio < MIN_TEXT_CONTRAST:
        problems.append(
            f"the header text colour has a contrast ratio of {ratio:.1f}:1 with the header "
            f"colour; WCAG 2.2 AA needs at least {MIN_TEXT_CONTRAST}:1"
        )
    return problems
