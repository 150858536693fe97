"""The labour-market measures: what each is, its unit and where it comes from.

They sit beside the workforce measure catalogue (``core/indicators/catalogue.py``) and are listed
with it in docs/measures.md; the definitions are written out in docs/methodology.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from careforce.core.vocab.published import Polarity, Unit


@dataclass(frozen=True)
class LabourMeasure:
    """One labour-market measure.

    Attributes:
        id: stable identifier used in every output.
        name: short name for tables and pages.
        description: one sentence saying what it shows.
        unit: what the value is.
        polarity: whether higher is better, worse or neither.
        numerator: definition of the numerator.
        denominator: definition of the denominator ('' when there is none).
        breakdowns: the breakdowns it is published for.
        source: the public file it is computed from.
    """

    id: str
    name: str
    description: str
    unit: Unit
    polarity: Polarity
    numerator: str
    denominator: str
    breakdowns: tuple[str, ...]
    source: str


_POSTINGS = "job postings extract (posting-level CSV)"
_POSTING_BREAKDOWNS = ("total", "job_title", "city", "local_authority", "month")
_NOMIS_AREAS = ("total",)
_SSA = ("sector_subject_area",)

LABOUR_MEASURES: Final[tuple[LabourMeasure, ...]] = (
    LabourMeasure(
        "postings_total",
        "Job postings (total)",
        "Postings in the window, duplicates included.",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "unique postings + duplicate postings",
        "",
        _POSTING_BREAKDOWNS,
        _POSTINGS,
    ),
    LabourMeasure(
        "postings_unique",
        "Job postings (unique)",
        "De-duplicated postings in the window: postings with no duplicate_of.",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "postings whose duplicate_of is empty",
        "",
        _POSTING_BREAKDOWNS,
        _POSTINGS,
    ),
    LabourMeasure(
        "posting_intensity",
        "Posting intensity",
        "Total postings per unique posting (shown as 4 : 1).",
        Unit.RATIO,
        Polarity.NO_JUDGEMENT,
        "total postings",
        "unique postings",
        _POSTING_BREAKDOWNS,
        _POSTINGS,
    ),
    LabourMeasure(
        "posting_duration_median",
        "Median posting duration",
        "Median days a unique posting was online: expiry_date − posted_date.",
        Unit.DAYS,
        Polarity.NO_JUDGEMENT,
        "expiry_date − posted_date, in days",
        "unique postings with both dates",
        _POSTING_BREAKDOWNS,
        _POSTINGS,
    ),
    LabourMeasure(
        "skills_in_demand",
        "Skills in demand",
        "Share of unique postings listing each skill.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "unique postings listing the skill",
        "unique postings",
        ("skill",),
        _POSTINGS,
    ),
    LabourMeasure(
        "online_job_adverts",
        "Online job adverts (ONS)",
        "New online job adverts (ONS labour demand by occupation, Textkernel data).",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "new adverts in the period",
        "",
        ("total", "occupation"),
        "ONS labourdemandbyoccupation.xlsx (Tables 2, 4, 5)",
    ),
    LabourMeasure(
        "claimant_count",
        "Claimant count",
        "Residents claiming work-related benefits (ONS claimant count).",
        Unit.COUNT,
        Polarity.LOW_IS_GOOD,
        "claimants (Nomis NM_162_1, measure 1)",
        "",
        _NOMIS_AREAS,
        "Nomis NM_162_1",
    ),
    LabourMeasure(
        "claimant_rate",
        "Claimant rate",
        "Claimants as a proportion of residents aged 16-64.",
        Unit.RATE,
        Polarity.LOW_IS_GOOD,
        "claimants",
        "residents aged 16-64",
        _NOMIS_AREAS,
        "Nomis NM_162_1 (measure 2)",
    ),
    LabourMeasure(
        "claimant_count_change",
        "Claimant count change",
        "Change in the claimant count since the previous month.",
        Unit.COUNT,
        Polarity.LOW_IS_GOOD,
        "claimants this month − claimants the month before",
        "",
        _NOMIS_AREAS,
        "Nomis NM_162_1",
    ),
    LabourMeasure(
        "claimant_count_change_rate",
        "Claimant count change (%)",
        "Change in the claimant count since the previous month, as a share of it.",
        Unit.RATE,
        Polarity.LOW_IS_GOOD,
        "change since the previous month",
        "claimants the month before",
        _NOMIS_AREAS,
        "Nomis NM_162_1",
    ),
    LabourMeasure(
        "sector_employment",
        "Social care employment",
        "People employed in social care industries (SIC 87 and 88, child day-care "
        "excluded where the file separates it).",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "employment in the social care industries",
        "",
        ("total", "industry"),
        "Nomis NM_189_1 (BRES)",
    ),
    LabourMeasure(
        "sector_employment_share",
        "Social care share of employment",
        "Social care employment as a share of employment in all industries.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "employment in the social care industries",
        "employment in all industries",
        _NOMIS_AREAS,
        "Nomis NM_189_1 (BRES)",
    ),
    LabourMeasure(
        "business_count_share",
        "Businesses by size",
        "Share of businesses in each employment size band.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "businesses in the size band",
        "all businesses",
        ("size_band",),
        "Nomis NM_141_1 / NM_142_1 (UK Business Counts)",
    ),
    LabourMeasure(
        "hourly_pay_all_sectors",
        "Hourly pay, all sectors",
        "Median hourly pay (excluding overtime) of people working in the area.",
        Unit.POUNDS_PER_HOUR,
        Polarity.NO_JUDGEMENT,
        "ASHE median hourly pay",
        "",
        _NOMIS_AREAS,
        "Nomis NM_99_1 (ASHE workplace)",
    ),
    LabourMeasure(
        "annual_pay_all_sectors_full_time",
        "Annual pay, full-time, all sectors",
        "Median gross annual pay of full-time workers working in the area.",
        Unit.POUNDS_PER_YEAR,
        Polarity.NO_JUDGEMENT,
        "ASHE median annual pay",
        "",
        _NOMIS_AREAS,
        "Nomis NM_99_1 (ASHE workplace)",
    ),
    LabourMeasure(
        "enrolments",
        "Learning aim enrolments",
        "Further education and skills learning aim enrolments.",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "aim enrolments",
        "",
        ("total", *_SSA),
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "enrolments_share",
        "Share of learning aim enrolments",
        "Enrolments in a sector subject area as a share of all aims.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "aim enrolments in the area",
        "all aim enrolments",
        _SSA,
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "enrolments_change",
        "Change in enrolments since the base year",
        "Enrolments now minus enrolments in the base year; value is the change as "
        "a share of the base year.",
        Unit.RATE,
        Polarity.NO_JUDGEMENT,
        "change since the base year",
        "enrolments in the base year",
        ("total", *_SSA),
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "apprenticeship_starts",
        "Apprenticeship starts",
        "Apprenticeship starts (apprenticeships, not learners).",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        "apprenticeship starts",
        "",
        ("total", *_SSA),
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "apprenticeship_starts_share",
        "Share of apprenticeship starts",
        "Starts in a sector subject area as a share of all starts.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "starts in the area",
        "all starts",
        _SSA,
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "apprenticeship_starts_change",
        "Change in apprenticeship starts since the base year",
        "Starts now minus starts in the base year; value is the change as a share "
        "of the base year.",
        Unit.RATE,
        Polarity.NO_JUDGEMENT,
        "change since the base year",
        "starts in the base year",
        ("total", *_SSA),
        "DfE Explore Education Statistics",
    ),
    LabourMeasure(
        "census_share",
        "Census 2021 population share",
        "Share of residents in each group: the comparator of the workforce's make-up.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        "residents in the group",
        "residents (aged 16-64 for age groups)",
        ("sex", "age_group", "ethnicity_group", "nationality_group"),
        "Census 2021 TS004/TS005/TS007/TS007A/TS008/TS021 (Nomis bulk CSV)",
    ),
)
"""Every labour-market measure, in the order they are published."""

NAMES: Final = {m.id: m.name for m in LABOUR_MEASURES}
"""Name of each measure."""
UNITS: Final = {m.id: m.unit.value for m in LABOUR_MEASURES}
"""Unit of each measure."""
POLARITIES: Final = {m.id: m.polarity.value for m in LABOUR_MEASURES}
"""Polarity of each measure."""
