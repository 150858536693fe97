"""The vocabulary of the measure catalogue: how a measure is computed (``Kind``), what it is
broken down by (``Dimension``) and the ``Measure`` record itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from careforce.core.vocab.published import Polarity, Unit


class Kind(StrEnum):
    """How a measure is computed (which aggregation and which interval)."""

    COUNT = "count"
    """A count of records; exact Poisson (Byar) interval."""
    SHARE = "share"
    """Records meeting a condition ÷ records with a known answer; Wilson interval."""
    CATEGORY_SHARE = "category share"
    """Records in each category of a variable ÷ records with a known value; Wilson interval."""
    MEAN = "mean"
    """Sum ÷ number of records with a value; normal-approximation interval."""
    MEDIAN = "median"
    """Median of the records with a value; distribution-free interval from order statistics."""
    WORKPLACE_RATE = "workplace rate"
    """Workplace-reported counts ÷ staff records; exact Poisson (Byar) interval on the numerator."""
    WORKPLACE_PROPORTION = "workplace proportion"
    """Workplace-reported counts ÷ (staff records + counts); Wilson interval."""
    WORKPLACE_COUNT = "workplace count"
    """A sum of workplace-reported counts; exact Poisson (Byar) interval."""
    DIFFERENCE = "difference"
    """A median compared with a reference (a pay threshold or another group's median); no interval."""
    SUM = "sum"
    """A sum of amounts over records (e.g. pounds a year); no interval."""
    QUANTILE = "quantile"
    """A quantile (e.g. a decile) of the records with a value; no interval."""
    WORKPLACE_SHARE = "workplace share"
    """Workplaces meeting a condition ÷ workplaces with a known answer; Wilson interval."""
    WORKPLACE_MEAN = "workplace mean"
    """Mean of a workplace's answer over the workplaces that gave one; normal-approximation
    interval."""


class Dimension(StrEnum):
    """Breakdowns of measures (columns of the worker-level frame)."""

    TOTAL = "total"
    SECTOR = "sector"
    SERVICE_GROUP = "service_group"
    JOB_ROLE_GROUP = "job_role_group"
    KEY_ROLE = "key_role"
    DISTRICT = "district"
    SEX = "sex"
    AGE_BAND = "age_band"
    AGE_GROUP = "age_group"
    ETHNICITY_GROUP = "ethnicity_group"
    NATIONALITY_GROUP = "nationality_group"
    CONTRACT = "contract"
    QUALIFICATION_LEVEL = "qualification_level"
    WORKFORCE = "workforce"
    ROLE_GROUP = "role_group"
    YEARS_IN_ROLE = "years_in_role"
    YEARS_IN_SECTOR = "years_in_sector"
    CWP_CATEGORY = "cwp_category"
    TRAINING_CATEGORY = "training_category"
    DHA_ACTIVITY = "dha_activity"
    POSTCODE_DISTRICT = "workplace_postcode_district"
    """The workplace's postcode district (B77, DE13...): published only as the detail of its
    council district (the crossed breakdown ``district/workplace_postcode_district``)."""


ORGANISATIONAL = (
    Dimension.TOTAL,
    Dimension.SECTOR,
    Dimension.SERVICE_GROUP,
    Dimension.JOB_ROLE_GROUP,
    Dimension.KEY_ROLE,
    Dimension.DISTRICT,
)
"""Breakdowns by where people work and what they do."""

DEMOGRAPHIC = (
    Dimension.SEX,
    Dimension.AGE_BAND,
    Dimension.AGE_GROUP,
    Dimension.ETHNICITY_GROUP,
    Dimension.NATIONALITY_GROUP,
)
"""Breakdowns by who people are."""

WORKPLACE_BREAKDOWNS = ORGANISATIONAL
"""Workplace-reported measures can be broken down by workplace and job role, not by person."""


@dataclass(frozen=True)
class Measure:
    """One measure of the catalogue.

    Attributes:
        id: stable identifier used in every output.
        name: short name for tables and pages.
        description: one sentence saying what it shows.
        unit: what the value is.
        polarity: whether higher is better, worse or neither.
        kind: how it is computed.
        numerator: definition of the numerator.
        denominator: definition of the denominator ('' when there is none).
        breakdowns: the breakdowns it is published for.
        categories: for category shares, the dimension whose categories are shared out.
        sources: the canonical datasets it is computed from.
        methodology: notes on definitions and exclusions.
        children: the children's services sources it is also computed from (``hr_staff``,
            ``provider_returns``), broken down by workforce.
    """

    id: str
    name: str
    description: str
    unit: Unit
    polarity: Polarity
    kind: Kind
    numerator: str
    denominator: str
    breakdowns: tuple[Dimension, ...]
    sources: tuple[str, ...]
    methodology: str
    categories: Dimension | None = None
    children: tuple[str, ...] = ()

    @property
    def from_ascwds(self) -> bool:
        """Whether the measure is computed from ASC-WDS data."""
        return any(source.startswith("ascwds") for source in self.sources)

    @property
    def from_training(self) -> bool:
        """Whether the measure is computed from the ASC-WDS training records (training.py)."""
        return TRAINING_SOURCE in self.sources


TRAINING_SOURCE = "ascwds.training"
"""Source name of the canonical training records."""
