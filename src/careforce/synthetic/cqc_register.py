"""Rows of a synthetic CQC register in the published layout ("Care directory with filters")."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from careforce.core.vocab.cqc_register import REGISTER_LAYOUT, RegisterHeader
from careforce.synthetic.workplaces import Workplace

_INDEX: Final = {header: i for i, header in enumerate(REGISTER_LAYOUT)}

SERVICE_HEADERS: Final = {
    "care home with nursing": RegisterHeader.NURSING_HOME,
    "care home without nursing": RegisterHeader.RESIDENTIAL_HOME,
    "domiciliary care": RegisterHeader.DOMICILIARY,
    "extra care housing": RegisterHeader.EXTRA_CARE,
    "shared lives": RegisterHeader.SHARED_LIVES,
    "supported living": RegisterHeader.SUPPORTED_LIVING,
    "community learning disability": RegisterHeader.COMMUNITY_LEARNING,
    "community mental health": RegisterHeader.COMMUNITY_MENTAL_HEALTH,
    "personal care": RegisterHeader.PERSONAL_CARE,
    "nursing care": RegisterHeader.NURSING_CARE,
    "dementia": RegisterHeader.DEMENTIA,
    "learning disability": RegisterHeader.LEARNING_DISABILITY,
}
"""Register flag of each service a synthetic location can offer."""


@dataclass(frozen=True)
class RegisterEntry:
    """One location of a synthetic register."""

    location_id: str
    name: str
    provider_id: str
    provider_name: str
    local_authority: str
    region: str
    care_home: bool
    beds: int
    services: tuple[str, ...]
    rating: str = "Good"
    dormant: bool = False
    directorate: str = "Adult social care"
    postcode: str = ""
    start_date: str = "2015-04-01T00:00:00"
    extra: dict[str, str] = field(default_factory=dict)


def register_row(entry: RegisterEntry) -> list[str]:
    """The entry as a row of :data:`REGISTER_LAYOUT`: flags ``Y`` or blank, ``-`` for no brand."""
    row = [""] * len(REGISTER_LAYOUT)
    values = {
        RegisterHeader.LOCATION_ID.value: entry.location_id,
        "Location HSCA start date": entry.start_date,
        RegisterHeader.DORMANT.value: "Y" if entry.dormant else "N",
        RegisterHeader.CARE_HOME.value: "Y" if entry.care_home else "N",
        RegisterHeader.NAME.value: entry.name,
        RegisterHeader.BEDS.value: str(entry.beds if entry.care_home else 0),
        "Location Type/Sector": "Social Care Org",
        RegisterHeader.DIRECTORATE.value: entry.directorate,
        RegisterHeader.CATEGORY.value: (
            "Residential social care"
            if entry.care_home
            else "Community based adult social care services"
        ),
        RegisterHeader.RATING.value: entry.rating,
        RegisterHeader.REGION.value: entry.region,
        RegisterHeader.LOCAL_AUTHORITY.value: entry.local_authority,
        "Location Postal Code": entry.postcode,
        RegisterHeader.BRAND.value: "-",
        RegisterHeader.PROVIDER_ID.value: entry.provider_id,
        RegisterHeader.PROVIDER_NAME.value: entry.provider_name,
        "Provider Local Authority": entry.local_authority,
        "Provider Region": entry.region,
    } | entry.extra
    if entry.care_home:
        values[
            "Regulated activity - Accommodation for persons who require nursing or personal care"
        ] = "Y"
    for service in entry.services:
        values[SERVICE_HEADERS[service].value] = "Y"
    for header, value in values.items():
        row[_INDEX[header]] = value
    return row


REGISTER_SERVICES: Final = {
    1: ("care home with nursing", "nursing care", "personal care"),
    2: ("care home without nursing", "personal care"),
    8: ("domiciliary care", "personal care"),
    17: ("shared lives", "personal care"),
    54: ("extra care housing", "personal care"),
    55: ("supported living", "personal care"),
    61: ("community learning disability", "personal care"),
    62: ("community mental health", "personal care"),
}
"""The register's service flags of each ASC-WDS main service a synthetic location has."""
HEALTHCARE_SERVICES: Final = frozenset({64, 66, 67, 68, 69})
"""ASC-WDS main services CQC inspects in its hospitals directorate, not adult social care."""
RATINGS: Final[tuple[tuple[str, float], ...]] = (
    ("Outstanding", 0.05),
    ("Good", 0.72),
    ("Requires improvement", 0.17),
    ("Inadequate", 0.01),
    ("Not rated", 0.05),
)
"""Overall ratings of adult social care locations and their rough shares (CQC State of Care)."""


def register_entries(
    workplaces: Sequence[Workplace], *, council: str, region: str, rng: random.Random
) -> list[RegisterEntry]:
    """A register entry for each CQC-regulated workplace, as CQC would list it."""
    names = [name for name, _ in RATINGS]
    weights = [share for _, share in RATINGS]
    entries = []
    for w in workplaces:
        if not w.regulated:
            continue
        care_home = w.main_service in (1, 2)
        entries.append(
            RegisterEntry(
                location_id=w.location_id,
                name=w.name,
                provider_id=w.provider_id,
                provider_name=w.name.split(" - ")[0],
                local_authority=council,
                region=region,
                care_home=care_home,
                beds=w.capacity if care_home else 0,
                services=REGISTER_SERVICES.get(w.main_service, ()),
                rating=rng.choices(names, weights)[0],
                directorate=(
                    "Hospitals" if w.main_service in HEALTHCARE_SERVICES else "Adult social care"
                ),
                postcode=w.postcode,
            )
        )
    return entries
