"""Column names and words of the estimates frames."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

# --- returns: one row per workplace per snapshot --------------------------------------------

ESTABLISHMENT_ID: Final = "establishment_id"
"""The workplace's ASC-WDS identity."""
SNAPSHOT: Final = "snapshot"
"""Index of the ingestion output the return came from."""
REFERENCE_DATE: Final = "reference_date"
"""Reference date of the return (or of the run)."""
AREA_CODE: Final = "area_code"
"""ONS code of the area."""
AREA_NAME: Final = "area_name"
"""Name of the area."""
LOCATION_ID: Final = "location_id"
"""CQC location id (null for a workplace not regulated by CQC)."""
SECTOR: Final = "sector"
"""Skills for Care sector (local authority, independent)."""
FILLED_POSTS: Final = "filled_posts"
"""Filled posts: staff records of a return, or the estimate of a location."""
VACANCIES: Final = "vacancies"
"""Vacancies of a return (null when not known), or the estimate of a location."""
STARTERS: Final = "starters"
"""Starters in the last 12 months."""
LEAVERS: Final = "leavers"
"""Leavers in the last 12 months."""
JOB_ROLE_GROUP: Final = "job_role_group"
"""Skills for Care job-role group."""
POSTS: Final = "posts"
"""Filled posts of one job-role group."""

RETURN_COUNTS: Final = (FILLED_POSTS, VACANCIES, STARTERS, LEAVERS)
"""The counts a return gives and an estimate carries."""

# --- estimates: one row per location ----------------------------------------------------------

WORKPLACE_REF: Final = "workplace_ref"
"""The ASC-WDS workplace whose return the estimate comes from (null when modelled)."""
SERVICE_GROUP: Final = "service_group"
"""Service group (from the register for locations)."""
CARE_HOME: Final = "care_home"
"""Whether the location is a care home."""
BEDS: Final = "beds"
"""Registered beds (0 when not a care home)."""
LOWER: Final = "lower"
"""Lower limit of the location's 95% prediction interval."""
UPPER: Final = "upper"
"""Upper limit of the location's 95% prediction interval."""
SOURCE: Final = "source"
"""Where the location's figure comes from: see :class:`Source`."""
POPULATION: Final = "population"
"""Which population a row belongs to: see :class:`Population`."""

LOCATIONS_COLUMNS: Final = (
    LOCATION_ID,
    WORKPLACE_REF,
    AREA_CODE,
    SERVICE_GROUP,
    CARE_HOME,
    BEDS,
    FILLED_POSTS,
    LOWER,
    UPPER,
    SOURCE,
)
"""Columns of ``locations.csv``, in order."""


class Source(StrEnum):
    """Where an estimate of a location comes from."""

    RETURNED = "returned"
    """A return of the location at the run's reference date."""
    CARRIED_FORWARD = "carried_forward"
    """The location's one nearest return on one side of the reference date, within the window."""
    INTERPOLATED = "interpolated"
    """Linear interpolation between returns before and after the reference date."""
    MODELLED = "modelled"
    """No return within the window: predicted by the model of its service."""


class Population(StrEnum):
    """The populations a whole-sector total adds up."""

    REGISTERED = "registered locations"
    """Locations on the CQC register, in scope, every one counted."""
    NOT_REGISTERED = "workplaces not regulated by CQC"
    """Workplaces with no CQC location: counted only as far as they return."""


NOT_RETURNED: Final = "not returned"
"""Sector of a modelled location (the register does not say whether its provider is a council)."""
