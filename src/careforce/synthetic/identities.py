"""Synthetic personal details: National Insurance numbers, names, nationality and ethnicity codes.

Nothing here describes a real person. NI numbers have a valid format and prefix but are made by a
bijection of a serial number, so no two synthetic workers in England share one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

_BAD_FIRST: Final = frozenset("DFIQUV")
_BAD_SECOND: Final = frozenset("DFIOQUV")
_BAD_PREFIXES: Final = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

NI_PREFIXES: Final[tuple[str, ...]] = tuple(
    a + b
    for a in _LETTERS
    for b in _LETTERS
    if a not in _BAD_FIRST and b not in _BAD_SECOND and a + b not in _BAD_PREFIXES
)
"""Two-letter prefixes HMRC allows at the start of a National Insurance number."""

_NI_SPACE: Final = len(NI_PREFIXES) * 1_000_000
_NI_MULTIPLIER: Final = 2_654_435_761
_NI_OFFSET: Final = 97_531


def ni_number(serial: int) -> str:
    """A valid-format NI number that is different for every serial below the prefix space."""
    scrambled = (serial * _NI_MULTIPLIER + _NI_OFFSET) % _NI_SPACE
    prefix, digits = divmod(scrambled, 1_000_000)
    return f"{NI_PREFIXES[prefix]}{digits:06d}{'ABCD'[serial % 4]}"


SURNAMES: Final = (
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
    "Barker",
    "Fisher",
    "Stevens",
    "Jenkins",
    "O'Brien",
    "Okafor",
    "Kowalski",
    "Popescu",
    "Santos",
    "Mensah",
    "Reyes",
    "Moyo",
    "Nowak",
    "Sharma",
)
"""Surnames used in synthetic display names (common surnames in England, plus others)."""

EU_NATIONALITIES: Final[Mapping[int, float]] = MappingProxyType(
    {
        616: 0.30,
        642: 0.25,
        620: 0.08,
        100: 0.06,
        380: 0.06,
        372: 0.06,
        724: 0.05,
        440: 0.05,
        348: 0.04,
        428: 0.03,
        276: 0.02,
    }
)
"""EU nationalities of synthetic workers (ISO codes: Poland, Romania, Portugal, Bulgaria, Italy,
Ireland, Spain, Lithuania, Hungary, Latvia, Germany) and their relative frequency (assumption)."""

NON_EU_NATIONALITIES: Final[Mapping[int, float]] = MappingProxyType(
    {
        356: 0.25,
        608: 0.15,
        566: 0.15,
        716: 0.12,
        288: 0.06,
        404: 0.05,
        586: 0.05,
        710: 0.04,
        388: 0.04,
        894: 0.03,
        144: 0.03,
        50: 0.03,
    }
)
"""Non-EU nationalities (India, Philippines, Nigeria, Zimbabwe, Ghana, Kenya, Pakistan, South
Africa, Jamaica, Zambia, Sri Lanka, Bangladesh) and their relative frequency (assumption)."""

ETHNICITY_BY_COUNTRY: Final[Mapping[int, int]] = MappingProxyType(
    {
        356: 39,
        586: 40,
        50: 41,
        608: 43,
        144: 43,
        566: 44,
        288: 44,
        404: 44,
        716: 44,
        894: 44,
        710: 44,
        388: 45,
    }
)
"""Most likely ethnicity code of a worker not in the White group, by country."""

BRITISH_WHITE_ETHNICITIES: Final[Mapping[int, float]] = MappingProxyType(
    {31: 0.95, 32: 0.01, 33: 0.004, 34: 0.036}
)
"""White ethnicity codes of British workers."""

BRITISH_OTHER_ETHNICITIES: Final[Mapping[int, float]] = MappingProxyType(
    {
        39: 0.2,
        40: 0.15,
        35: 0.12,
        36: 0.05,
        37: 0.07,
        38: 0.04,
        44: 0.14,
        45: 0.1,
        46: 0.03,
        41: 0.03,
        42: 0.02,
        43: 0.03,
        98: 0.02,
    }
)
"""Ethnicity codes of British workers outside the White group."""

BIRTH_COUNTRY_BY_ETHNICITY: Final[Mapping[int, int]] = MappingProxyType(
    {39: 356, 40: 586, 41: 50, 44: 566, 45: 388, 43: 608}
)
"""Country of birth of British nationals born abroad, by ethnicity code."""
