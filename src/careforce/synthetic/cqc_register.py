"""Rows of a synthetic CQC register in the published layout ("Care directory with filters")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from careforce.core.vocab.cqc_register import REGISTER_LAYOUT, RegisterHeader

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
