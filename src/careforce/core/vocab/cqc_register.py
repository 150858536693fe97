"""The CQC register of locations ("Care directory with filters"): the headers careforce reads
and the columns of the canonical ``locations`` dataset.

Headers are those of the 2026 editions of ``DD_Month_YYYY_HSCA_Active_Locations.ods`` (CQC,
"Using CQC data"); older editions named a few of them differently (:data:`HEADER_ALIASES`).
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType
from typing import Final


class RegisterHeader(StrEnum):
    """Headers of the register's data sheet that careforce reads."""

    LOCATION_ID = "Location ID"
    DORMANT = "Dormant (Y/N)"
    CARE_HOME = "Care home?"
    NAME = "Location Name"
    BEDS = "Care homes beds"
    DIRECTORATE = "Location Inspection Directorate"
    CATEGORY = "Location Primary Inspection Category"
    RATING = "Location Latest Overall Rating"
    REGION = "Location Region"
    LOCAL_AUTHORITY = "Location Local Authority"
    BRAND = "Brand Name"
    PROVIDER_ID = "Provider ID"
    PROVIDER_NAME = "Provider Name"
    DUAL_REGISTERED = "Location Dual Registered"
    PRIMARY_ID = "Primary ID (Dual registration locations)"
    NURSING_HOME = "Service type - Care home service with nursing"
    RESIDENTIAL_HOME = "Service type - Care home service without nursing"
    DOMICILIARY = "Service type - Domiciliary care service"
    EXTRA_CARE = "Service type - Extra Care housing services"
    SHARED_LIVES = "Service type - Shared Lives"
    SUPPORTED_LIVING = "Service type - Supported living service"
    COMMUNITY_LEARNING = (
        "Service type - Community based services for people with a learning disability"
    )
    COMMUNITY_MENTAL_HEALTH = (
        "Service type - Community based services for people with mental health needs"
    )
    COMMUNITY_SUBSTANCE = "Service type - Community based services for people who misuse substances"
    NURSING_CARE = "Regulated activity - Nursing care"
    PERSONAL_CARE = "Regulated activity - Personal care"
    DEMENTIA = "Service user band - Dementia"
    LEARNING_DISABILITY = "Service user band - Learning disabilities or autistic spectrum disorder"


REQUIRED_HEADERS: Final = (
    RegisterHeader.LOCATION_ID,
    RegisterHeader.DORMANT,
    RegisterHeader.CARE_HOME,
    RegisterHeader.BEDS,
    RegisterHeader.DIRECTORATE,
    RegisterHeader.LOCAL_AUTHORITY,
)
"""Headers without which the register cannot be used for estimates."""

SERVICE_FLAGS: Final = (
    RegisterHeader.NURSING_HOME,
    RegisterHeader.RESIDENTIAL_HOME,
    RegisterHeader.DOMICILIARY,
    RegisterHeader.EXTRA_CARE,
    RegisterHeader.SHARED_LIVES,
    RegisterHeader.SUPPORTED_LIVING,
    RegisterHeader.COMMUNITY_LEARNING,
    RegisterHeader.COMMUNITY_MENTAL_HEALTH,
    RegisterHeader.COMMUNITY_SUBSTANCE,
    RegisterHeader.NURSING_CARE,
    RegisterHeader.PERSONAL_CARE,
    RegisterHeader.DEMENTIA,
    RegisterHeader.LEARNING_DISABILITY,
)
"""``Y``-or-blank flags read from the register (blank or missing column: not offered)."""

HEADER_ALIASES: Final = MappingProxyType(
    {
        "local authority": RegisterHeader.LOCAL_AUTHORITY,
        "location la": RegisterHeader.LOCAL_AUTHORITY,
        "region": RegisterHeader.REGION,
        "care homes beds (care home only)": RegisterHeader.BEDS,
        "location primary inspection directorate": RegisterHeader.DIRECTORATE,
        "dormant": RegisterHeader.DORMANT,
        "care home": RegisterHeader.CARE_HOME,
    }
)
"""Headers of older editions (folded with :func:`folded_header`) and what they mean now."""

DATA_SHEETS: Final = ("HSCA_Active_Locations", "HSCA Active Locations")
"""Names of the data sheet: with an underscore since 2022, with spaces in the 2020/21 files."""

ADULT_SOCIAL_CARE: Final = "adult social care"
"""The inspection directorate of adult social care locations (compared case-insensitively)."""

NO_BRAND: Final = "-"
"""``Brand Name`` of a location without a brand."""

YES: Final = "Y"
"""A set flag; flags are ``Y`` or blank."""

DUAL_REGISTRATION: Final = "dual registration"
"""``Location Dual Registered`` of a dually registered location (compared case-insensitively)."""


def folded_header(text: str) -> str:
    """A header as headers are compared: lower case, runs of white space as one space."""
    return " ".join(text.split()).casefold()


class Location(StrEnum):
    """Columns of the canonical ``locations`` dataset (one row per register location)."""

    LOCATION_ID = "location_id"
    LINE = "line"
    NAME = "location_name"
    PROVIDER_ID = "provider_id"
    PROVIDER_NAME = "provider_name"
    BRAND = "brand_name"
    AREA_NAME = "area_name"
    AREA_CODE = "area_code"
    REGION = "region"
    RATING = "rating"
    DIRECTORATE = "directorate"
    CARE_HOME = "care_home"
    NURSING = "nursing"
    BEDS = "beds"
    DORMANT = "dormant"
    DUAL_REGISTERED = "dual_registered"
    PRIMARY_ID = "primary_id"
    SERVICE_GROUP = "service_group"
    SERVICES = "services"
    IN_SCOPE = "in_scope"
    SCOPE_REASON = "scope_reason"


class Scope(StrEnum):
    """Why a location is, or is not, counted in the whole-sector estimates."""

    IN_SCOPE = "in scope"
    OTHER_DIRECTORATE = "not adult social care"
    DORMANT = "dormant"
    DUAL_SECONDARY = "dual registration counted at its primary location"
    UNKNOWN_AREA = "local authority not recognised"
    OTHER_AREA = "outside the area estimated"
    INVALID = "location id missing or repeated"


SERVICE_LABELS: Final = MappingProxyType(
    {
        RegisterHeader.NURSING_HOME: "care home with nursing",
        RegisterHeader.RESIDENTIAL_HOME: "care home without nursing",
        RegisterHeader.DOMICILIARY: "domiciliary care",
        RegisterHeader.EXTRA_CARE: "extra care housing",
        RegisterHeader.SHARED_LIVES: "shared lives",
        RegisterHeader.SUPPORTED_LIVING: "supported living",
        RegisterHeader.COMMUNITY_LEARNING: "community learning disability",
        RegisterHeader.COMMUNITY_MENTAL_HEALTH: "community mental health",
        RegisterHeader.COMMUNITY_SUBSTANCE: "community substance misuse",
        RegisterHeader.NURSING_CARE: "nursing care",
        RegisterHeader.PERSONAL_CARE: "personal care",
        RegisterHeader.DEMENTIA: "dementia",
        RegisterHeader.LEARNING_DISABILITY: "learning disability",
    }
)
"""Short names of the register flags, as the ``services`` list of a location holds them."""


_LOCATION_AND_PROVIDER: Final = (
    "Location ID",
    "Location HSCA start date",
    "Dormant (Y/N)",
    "Care home?",
    "Location Name",
    "Location ODS Code",
    "Location Telephone Number",
    "Registered manager",
    "Location Web Address",
    "Care homes beds",
    "Location Type/Sector",
    "Location Inspection Directorate",
    "Location Primary Inspection Category",
    "Location Latest Overall Rating",
    "Publication Date",
    "Inherited Rating (Y/N)",
    "Location Region",
    "Location NHS Region",
    "Location Local Authority",
    "Location ONSPD CCG Code",
    "Location ONSPD CCG",
    "Location Commissioning CCG Code",
    "Location Commissioning CCG",
    "Location Street Address",
    "Location Address Line 2",
    "Location City",
    "Location County",
    "Location Postal Code",
    "Location PAF ID",
    "Location UPRN ID",
    "Location Latitude",
    "Location Longitude",
    "Location Parliamentary Constituency",
    "Brand ID",
    "Brand Name",
    "Provider Companies House Number",
    "Provider Charity Number",
    "Provider ID",
    "Provider Name",
    "Provider HSCA start date",
    "Provider Type/Sector",
    "Provider Inspection Directorate",
    "Provider Primary Inspection Category",
    "Provider Ownership Type",
    "Provider Telephone Number",
    "Provider Web Address",
    "Provider Street Address",
    "Provider Address Line 2",
    "Provider City",
    "Provider County",
    "Provider Postal Code",
    "Provider PAF ID",
    "Provider UPRN ID",
    "Provider Local Authority",
    "Provider Region",
    "Provider NHS Region",
    "Provider Latitude",
    "Provider Longitude",
    "Provider Parliamentary Constituency",
    "Provider Nominated Individual Name",
    "Provider Main Partner Name",
)
_ACTIVITIES: Final = (
    "Accommodation for persons who require nursing or personal care",
    "Accommodation for persons who require treatment for substance misuse",
    "Assessment or medical treatment for persons detained under the Mental Health Act 1983",
    "Diagnostic and screening procedures",
    "Family planning",
    "Management of supply of blood and blood derived products",
    "Maternity and midwifery services",
    "Nursing care",
    "Personal care",
    "Services in slimming clinics",
    "Surgical procedures",
    "Termination of pregnancies",
    "Transport services, triage and medical advice provided remotely",
    "Treatment of disease, disorder or injury",
)
_SERVICE_TYPES: Final = (
    "Acute services with overnight beds",
    "Acute services without overnight beds / listed acute services with or without overnight beds",
    "Ambulance service",
    "Blood and Transplant service",
    "Care home service with nursing",
    "Care home service without nursing",
    "Community based services for people who misuse substances",
    "Community based services for people with a learning disability",
    "Community based services for people with mental health needs",
    "Community health care services - Independent Midwives",
    "Community health care services - Nurses Agency only",
    "Community healthcare service",
    "Dental service",
    "Diagnostic and/or screening service",
    "Diagnostic and/or screening service - single handed sessional providers",
    "Doctors consultation service",
    "Doctors treatment service",
    "Domiciliary care service",
    "Extra Care housing services",
    "Hospice services",
    "Hospice services at home",
    "Hospital services for people with mental health needs, learning disabilities and problems "
    "with substance misuse",
    "Hyperbaric Chamber",
    "Long term conditions services",
    "Mobile doctors service",
    "Prison Healthcare Services",
    "Rehabilitation services",
    "Remote clinical advice service",
    "Residential substance misuse treatment and/or rehabilitation service",
    "Shared Lives",
    "Specialist college service",
    "Supported living service",
    "Urgent care services",
)
_USER_BANDS: Final = (
    "Children 0-18 years",
    "Dementia",
    "Learning disabilities or autistic spectrum disorder",
    "Mental Health",
    "Older People",
    "People detained under the Mental Health Act",
    "People who misuse drugs and alcohol",
    "People with an eating disorder",
    "Physical Disability",
    "Sensory Impairment",
    "Whole Population",
    "Younger Adults",
)

REGISTER_LAYOUT: Final = (
    *_LOCATION_AND_PROVIDER,
    *(f"Regulated activity - {a}" for a in _ACTIVITIES),
    *(f"Service type - {t}" for t in _SERVICE_TYPES),
    *(f"Service user band - {b}" for b in _USER_BANDS),
    "Location Dual Registered",
    "Primary ID (Dual registration locations)",
)
"""Every header of the register's data sheet in order (122), as the 2026 editions have them."""
