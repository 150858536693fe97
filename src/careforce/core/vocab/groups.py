"""Groupings of ASC-WDS codes used by the workforce measures.

Each grouping maps BUDI codes from the code tables (:mod:`careforce.core.vocab.code_table`) to a small StrEnum, following
the groups Skills for Care publish for the adult social care workforce. Where Skills for Care do
not say how a code is grouped, the choice made here is written next to the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.code_table import UnknownCodeError
from careforce.core.vocab.geography_codes import (
    NATIONALITY,
    NATIONALITY_BRITISH,
    NATIONALITY_DONT_KNOW,
)
from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE

# --------------------------------------------------------------------------------------------
# Job roles
# --------------------------------------------------------------------------------------------


class RoleGroup(StrEnum):
    """Skills for Care job-role group."""

    DIRECT_CARE = "direct care"
    MANAGERIAL = "managerial/supervisory"
    REGULATED_PROFESSION = "regulated professions"
    OTHER = "other"


JOB_ROLE_GROUP: Final[Mapping[int, RoleGroup]] = MappingProxyType(
    {
        1: RoleGroup.MANAGERIAL,  # Senior management
        2: RoleGroup.MANAGERIAL,  # Middle management
        3: RoleGroup.MANAGERIAL,  # First-line manager
        4: RoleGroup.MANAGERIAL,  # Registered manager
        5: RoleGroup.MANAGERIAL,  # Supervisor
        6: RoleGroup.REGULATED_PROFESSION,  # Social worker
        7: RoleGroup.DIRECT_CARE,  # Senior care worker
        8: RoleGroup.DIRECT_CARE,  # Care worker
        9: RoleGroup.DIRECT_CARE,  # Community support and outreach work
        10: RoleGroup.DIRECT_CARE,  # Employment support
        11: RoleGroup.DIRECT_CARE,  # Advice, guidance and advocacy
        15: RoleGroup.REGULATED_PROFESSION,  # Occupational therapist
        16: RoleGroup.REGULATED_PROFESSION,  # Registered nurse
        17: RoleGroup.REGULATED_PROFESSION,  # Allied health professional
        23: RoleGroup.DIRECT_CARE,  # Other (directly involved in providing care)
        24: RoleGroup.MANAGERIAL,  # Manager (care-related, but not care-providing)
        25: RoleGroup.OTHER,  # Administrative
        26: RoleGroup.OTHER,  # Ancillary staff (non care-providing)
        27: RoleGroup.OTHER,  # Other (not directly involved in providing care)
        34: RoleGroup.DIRECT_CARE,  # Activities worker, co-ordinator
        # Safeguarding and reviewing officer: a care-related but not care-providing role, so kept
        # with "manager (care-related, but not care-providing)", the role it was recorded under
        # before it had its own code, for continuity of the series.
        35: RoleGroup.MANAGERIAL,
        # Occupational therapist assistant: provides care under an occupational therapist's
        # direction without professional registration, like a nursing assistant.
        36: RoleGroup.DIRECT_CARE,
        # Nursing associate: a hands-on care role working alongside nursing assistants, so direct
        # care. It is NMC-registered, but the regulated-professions group is kept to social
        # workers, occupational therapists, registered nurses and allied health professionals.
        37: RoleGroup.DIRECT_CARE,
        38: RoleGroup.DIRECT_CARE,  # Nursing assistant
        # Assessment officer: same reasoning as the safeguarding and reviewing officer (35).
        39: RoleGroup.MANAGERIAL,
        # Care co-ordinator: organises care packages and rotas rather than giving care; same
        # reasoning as the safeguarding and reviewing officer (35).
        40: RoleGroup.MANAGERIAL,
        42: RoleGroup.DIRECT_CARE,  # Any children's, young people's job role
        43: RoleGroup.MANAGERIAL,  # Deputy manager
        44: RoleGroup.MANAGERIAL,  # Learning and development lead
        45: RoleGroup.MANAGERIAL,  # Team leader
        46: RoleGroup.OTHER,  # Data analyst
        # Data governance manager: a manager of a data function; grouped with the IT manager (49)
        # as a managerial role rather than with the other data and IT roles.
        47: RoleGroup.MANAGERIAL,
        48: RoleGroup.OTHER,  # IT and digital support
        49: RoleGroup.MANAGERIAL,  # IT manager
        # IT service desk manager: a manager of an IT team; same reasoning as the IT manager (49).
        50: RoleGroup.MANAGERIAL,
        51: RoleGroup.OTHER,  # Software developer
        52: RoleGroup.DIRECT_CARE,  # Support worker
    }
)
"""Skills for Care job-role groups, applied to ASC-WDS job role codes (MAINJOBROLE)."""


class KeyRole(StrEnum):
    """Key job role reported separately in workforce strategy tables."""

    REGISTERED_MANAGER = "registered manager"
    SENIOR_CARE_WORKER = "senior care worker"
    CARE_WORKER = "care worker"
    REGISTERED_NURSE = "registered nurse"


KEY_ROLE: Final[Mapping[int, KeyRole]] = MappingProxyType(
    {
        REGISTERED_MANAGER: KeyRole.REGISTERED_MANAGER,
        7: KeyRole.SENIOR_CARE_WORKER,
        8: KeyRole.CARE_WORKER,
        REGISTERED_NURSE: KeyRole.REGISTERED_NURSE,
    }
)
"""Skills for Care key job roles, by ASC-WDS job role code; other roles are not key roles."""

# --------------------------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------------------------


class ServiceGroup(StrEnum):
    """Skills for Care service group."""

    RESIDENTIAL = "residential"
    NURSING = "nursing"
    HOME_CARE = "home care"
    DAY_AND_COMMUNITY = "day and community"
    OTHER = "other"


SERVICE_GROUP: Final[Mapping[int, ServiceGroup]] = MappingProxyType(
    {
        1: ServiceGroup.NURSING,  # Care home services with nursing
        2: ServiceGroup.RESIDENTIAL,  # Care home services without nursing
        5: ServiceGroup.RESIDENTIAL,  # Other adult residential care service
        6: ServiceGroup.DAY_AND_COMMUNITY,  # Day care and day services
        7: ServiceGroup.DAY_AND_COMMUNITY,  # Other adult day care service
        8: ServiceGroup.HOME_CARE,  # Domiciliary care services
        # Domestic services and home help: delivered in people's own homes, so home care (it is
        # part of Skills for Care's domiciliary services).
        10: ServiceGroup.HOME_CARE,
        12: ServiceGroup.HOME_CARE,  # Other adult domiciliary care service
        13: ServiceGroup.DAY_AND_COMMUNITY,  # Carers support
        # Short breaks, respite care: usually overnight stays in a residential setting.
        14: ServiceGroup.RESIDENTIAL,
        15: ServiceGroup.DAY_AND_COMMUNITY,  # Community support and outreach
        16: ServiceGroup.DAY_AND_COMMUNITY,  # Social work and care management
        # Shared lives: care given in the carer's own home, nearer to home care than to a
        # residential setting.
        17: ServiceGroup.HOME_CARE,
        18: ServiceGroup.DAY_AND_COMMUNITY,  # Disability adaptations, assistive technology
        19: ServiceGroup.DAY_AND_COMMUNITY,  # Occupational, employment-related services
        20: ServiceGroup.DAY_AND_COMMUNITY,  # Information and advice services
        21: ServiceGroup.DAY_AND_COMMUNITY,  # Other adult community care service
        # Other service (not healthcare): unspecified, so it cannot be placed in a care group.
        52: ServiceGroup.OTHER,
        # Sheltered housing: housing with a warden or support, not personal care in the home;
        # grouped with community services.
        53: ServiceGroup.DAY_AND_COMMUNITY,
        # Extra care housing: personal care delivered to tenants in their own flats.
        54: ServiceGroup.HOME_CARE,
        # Supported living: personal care delivered in the person's own tenancy.
        55: ServiceGroup.HOME_CARE,
        # Specialist college services: education rather than adult social care.
        60: ServiceGroup.OTHER,
        61: ServiceGroup.DAY_AND_COMMUNITY,  # Community services: learning disability
        62: ServiceGroup.DAY_AND_COMMUNITY,  # Community services: mental health needs
        63: ServiceGroup.DAY_AND_COMMUNITY,  # Community services: substance misuse
        # Community healthcare, hospice, long-term conditions, hospital and rehabilitation
        # services (64-69) and other healthcare (71) are healthcare settings, so "other".
        64: ServiceGroup.OTHER,
        66: ServiceGroup.OTHER,
        67: ServiceGroup.OTHER,
        68: ServiceGroup.OTHER,
        69: ServiceGroup.OTHER,
        # Residential substance misuse treatment, rehabilitation: a residential setting, so
        # residential rather than with the healthcare services.
        70: ServiceGroup.RESIDENTIAL,
        71: ServiceGroup.OTHER,
        72: ServiceGroup.OTHER,  # Head office services: no care delivered
        # Live-in care: care delivered in the person's own home.
        73: ServiceGroup.HOME_CARE,
        # Nurses agency: an agency sending staff out to where care is needed, regulated like a
        # domiciliary agency, so grouped with the agency-based home care services.
        74: ServiceGroup.HOME_CARE,
        # Any children's, young people's service: outside adult social care.
        75: ServiceGroup.OTHER,
    }
)
"""Skills for Care service groups, applied to ASC-WDS service codes (MAINSERVICE)."""

# --------------------------------------------------------------------------------------------
# Ethnicity and nationality
# --------------------------------------------------------------------------------------------


class EthnicityGroup(StrEnum):
    """Ethnicity group used for representativeness measures."""

    WHITE = "White"
    BLACK_AND_OTHER = "Black and other ethnic groups"
    UNKNOWN = "Unknown"


ETHNICITY_GROUP: Final[Mapping[int, EthnicityGroup]] = MappingProxyType(
    {
        **dict.fromkeys(range(31, 35), EthnicityGroup.WHITE),
        **dict.fromkeys(range(35, 48), EthnicityGroup.BLACK_AND_OTHER),
        98: EthnicityGroup.BLACK_AND_OTHER,  # Any other ethnic group
        99: EthnicityGroup.UNKNOWN,  # Don't know
    }
)
"""Skills for Care ethnicity groups, applied to ASC-WDS ethnicity codes (ETHNICITY)."""


class NationalityGroup(StrEnum):
    """Nationality group used for representativeness measures."""

    BRITISH = "British"
    EU = "EU"
    OUTSIDE_EU = "Outside EU"
    UNKNOWN = "Unknown"


# The Netherlands has four codes in the ASC-WDS nationality table (528, 531, 534, 535).
_EU_NATIONALITIES: Final = frozenset(
    {
        40,  # Austria
        56,  # Belgium
        100,  # Bulgaria
        191,  # Croatia
        196,  # Cyprus
        203,  # Czechia
        208,  # Denmark
        233,  # Estonia
        246,  # Finland
        250,  # France
        276,  # Germany
        300,  # Greece
        348,  # Hungary
        372,  # Ireland
        380,  # Italy
        428,  # Latvia
        440,  # Lithuania
        442,  # Luxembourg
        470,  # Malta
        528,  # Netherlands
        531,  # Netherlands
        534,  # Netherlands
        535,  # Netherlands
        616,  # Poland
        620,  # Portugal
        642,  # Romania
        703,  # Slovakia
        705,  # Slovenia
        724,  # Spain
        752,  # Sweden
    }
)
"""ISO 3166-1 numeric codes of the 27 EU member states, as used in ASC-WDS nationality codes."""


def _classify_nationality(code: int) -> NationalityGroup:
    """Return the nationality group of a code known to be in NATIONALITY."""
    if code == NATIONALITY_BRITISH:
        return NationalityGroup.BRITISH
    if code == NATIONALITY_DONT_KNOW:
        return NationalityGroup.UNKNOWN
    if code in _EU_NATIONALITIES:
        return NationalityGroup.EU
    # Everything else, including 999 (another nationality, not specified), is outside the EU.
    return NationalityGroup.OUTSIDE_EU


NATIONALITY_GROUP: Final[Mapping[int, NationalityGroup]] = MappingProxyType(
    {code: _classify_nationality(code) for code in sorted(NATIONALITY.codes)}
)
"""Skills for Care nationality groups, applied to ASC-WDS nationality codes (NATIONALITY)."""


def nationality_group(code: int) -> NationalityGroup:
    """Return the nationality group of an ASC-WDS nationality code.

    Args:
        code: A NATIONALITY code.

    Returns:
        British for 826, Unknown for 998, EU for the EU-27 member states and Outside EU otherwise.

    Raises:
        UnknownCodeError: If ``code`` is not a NATIONALITY code.
    """
    if code not in NATIONALITY:
        raise UnknownCodeError(NATIONALITY.name, code)
    return NATIONALITY_GROUP[code]


# --------------------------------------------------------------------------------------------
# Employer sector
# --------------------------------------------------------------------------------------------


class Sector(StrEnum):
    """Skills for Care sector of an employer."""

    LOCAL_AUTHORITY = "local authority"
    INDEPENDENT = "independent"
    PERSONAL_ASSISTANTS = "personal assistants"


# Personal assistants are employed by individuals who do not upload to ASC-WDS, so no employer
# type maps to that sector; it is filled from other sources.
EMPLOYER_SECTOR: Final[Mapping[int, Sector]] = MappingProxyType(
    {
        1: Sector.LOCAL_AUTHORITY,  # Local Authority (adult services)
        3: Sector.LOCAL_AUTHORITY,  # Local Authority (generic/other)
        6: Sector.INDEPENDENT,  # Private Sector
        7: Sector.INDEPENDENT,  # Voluntary / Charity
        8: Sector.INDEPENDENT,  # Other
    }
)
"""Skills for Care sectors, applied to ASC-WDS employer type codes (ESTTYPE)."""

# --------------------------------------------------------------------------------------------
# Age
# --------------------------------------------------------------------------------------------


class AgeBand(StrEnum):
    """Skills for Care age band."""

    UNDER_20 = "under 20"
    AGE_20_TO_24 = "20-24"
    AGE_25_TO_34 = "25-34"
    AGE_35_TO_44 = "35-44"
    AGE_45_TO_54 = "45-54"
    AGE_55_TO_64 = "55-64"
    AGE_65_AND_OVER = "65 and over"


_AGE_BAND_UPPER: Final[tuple[tuple[int, AgeBand], ...]] = (
    (19, AgeBand.UNDER_20),
    (24, AgeBand.AGE_20_TO_24),
    (34, AgeBand.AGE_25_TO_34),
    (44, AgeBand.AGE_35_TO_44),
    (54, AgeBand.AGE_45_TO_54),
    (64, AgeBand.AGE_55_TO_64),
)
"""Skills for Care age bands: highest age (in whole years) of each band below 65 and over."""


def age_band(age: int) -> AgeBand:
    """Return the Skills for Care age band of an age in whole years.

    Args:
        age: Age in completed years.

    Returns:
        The age band containing ``age``.

    Raises:
        ValueError: If ``age`` is negative.
    """
    if age < 0:
        raise ValueError(f"age must not be negative, got {age}")
    for upper, band in _AGE_BAND_UPPER:
        if age <= upper:
            return band
    return AgeBand.AGE_65_AND_OVER
