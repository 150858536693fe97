"""Column names and fixed words of the outcomes frames: the indicator results read, the
framework's sources, the scorecard and the action-plan tables."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import BASE_COLUMN

# --- indicator results (the published table: see careforce.core.vocab.published) ------------

INDICATOR_COLUMNS: Final = (
    pub.MEASURE_ID,
    pub.MEASURE_NAME,
    pub.PERIOD,
    pub.AREA_CODE,
    pub.AREA_NAME,
    pub.BREAKDOWN,
    pub.BREAKDOWN_VALUE,
    pub.VALUE,
    pub.LOWER,
    pub.UPPER,
    pub.UNIT,
    pub.POLARITY,
    pub.SYMBOL,
)
"""Columns of the indicator results that evaluation reads (others are ignored)."""

COMPARATOR_COLUMNS: Final = (pub.COMPARATOR_VALUE, pub.COMPARISON, pub.COMPARATOR_NAME)
"""Columns of the indicator results the scorecard carries when they are there: the comparator's
value, the comparison and the comparator's name (empty when the results lack them)."""

# --- the framework's sources (one row per measure and source) ----------------------------------

OUTCOME: Final = "outcome"
"""Code of the outcome, e.g. ``1``."""
OUTCOME_TITLE: Final = "outcome_title"
"""Title of the outcome, e.g. ``More resilience``."""
SUB_OUTCOME: Final = "sub_outcome"
"""Code of the sub-outcome, e.g. ``1.1``; empty for an outcome's own indicators."""
SUB_OUTCOME_TITLE: Final = "sub_outcome_title"
"""Title of the sub-outcome; empty for an outcome's own indicators."""
MEASURE_CODE: Final = "measure_code"
"""Code of the framework measure, e.g. ``1.1b`` or ``1.I1``."""
MEASURE_TITLE: Final = "measure_title"
"""Title of the framework measure."""
SOURCE_NUMBER: Final = "source_number"
"""Position of the source within its measure, from 1."""
SOURCE_LABEL: Final = "source_label"
"""What the source shows, e.g. ``Vacancy rate`` or ``On zero-hours contracts: home care``."""
SOURCE_STATUS: Final = "source_status"
"""Where the numbers come from: see :class:`SourceStatus`."""
FRAMEWORK_POLARITY: Final = "framework_polarity"
"""Polarity set in the framework (empty: the indicator's own polarity is used)."""
BASELINE_PERIOD: Final = "baseline_period"
"""Period the change since baseline is measured from."""
TARGET: Final = "target"
"""Target value, if the framework sets one."""
TARGET_YEAR: Final = "target_year"
"""Year by which the target should be reached."""
EXACT: Final = "exact"
"""True when the source's values have no sampling error (complete counts)."""
NOTE: Final = "note"
"""Free-text note of the framework about the measure or source."""
ORDER: Final = "order"
"""Position of the source in the framework (outcome, sub-outcome, measure, source order)."""
EVIDENCE: Final = "evidence"
"""Evidence for a manual value (text)."""
EVIDENCE_URL: Final = "evidence_url"
"""Link to the evidence for a manual value."""

# --- the scorecard ------------------------------------------------------------------------------

BASE: Final = BASE_COLUMN
"""Whose workforce the value describes: ``estimated for the whole sector`` or ``returns only``
(empty for values entered by hand and sources without data)."""

BASELINE_VALUE: Final = "baseline_value"
"""Value in the baseline period (empty when it does not exist)."""
BASELINE_SYMBOL: Final = "baseline_symbol"
"""Symbol of the baseline value when it has none."""
CHANGE_SINCE_BASELINE: Final = "change_since_baseline"
"""Value minus the baseline value (in the value's unit; fractions for rates)."""
SIGNIFICANT: Final = "significant"
"""Whether the change since baseline is statistically meaningful (empty: not tested)."""
DIRECTION: Final = "direction"
"""Direction of the change since baseline against polarity: see :class:`Direction`."""
PREVIOUS_PERIOD: Final = "previous_period"
"""The period before this one in the scorecard."""
PREVIOUS_VALUE: Final = "previous_value"
"""Value in the previous period."""
CHANGE_SINCE_LAST: Final = "change_since_last"
"""Value minus the previous period's value."""
SIGNIFICANT_SINCE_LAST: Final = "significant_since_last"
"""Whether the change since the previous period is statistically meaningful."""
DIRECTION_SINCE_LAST: Final = "direction_since_last"
"""Direction of the change since the previous period."""
PROGRESS_TO_TARGET: Final = "progress_to_target"
"""Share of the way from the baseline to the target (1 = reached; negative = moving away)."""
TARGET_STATUS: Final = "target_status"
"""Whether the target is met: see :class:`TargetStatus`."""

SCORECARD_COLUMNS: Final = (
    OUTCOME,
    OUTCOME_TITLE,
    SUB_OUTCOME,
    SUB_OUTCOME_TITLE,
    MEASURE_CODE,
    MEASURE_TITLE,
    SOURCE_NUMBER,
    SOURCE_LABEL,
    SOURCE_STATUS,
    pub.MEASURE_ID,
    pub.BREAKDOWN,
    pub.BREAKDOWN_VALUE,
    BASE,
    pub.AREA_CODE,
    pub.AREA_NAME,
    pub.PERIOD,
    pub.VALUE,
    pub.LOWER,
    pub.UPPER,
    pub.UNIT,
    pub.SYMBOL,
    pub.POLARITY,
    pub.COMPARATOR_VALUE,
    pub.COMPARATOR_NAME,
    pub.COMPARISON,
    BASELINE_PERIOD,
    BASELINE_VALUE,
    BASELINE_SYMBOL,
    CHANGE_SINCE_BASELINE,
    SIGNIFICANT,
    DIRECTION,
    PREVIOUS_PERIOD,
    PREVIOUS_VALUE,
    CHANGE_SINCE_LAST,
    SIGNIFICANT_SINCE_LAST,
    DIRECTION_SINCE_LAST,
    TARGET,
    TARGET_YEAR,
    PROGRESS_TO_TARGET,
    TARGET_STATUS,
    EVIDENCE,
    EVIDENCE_URL,
    NOTE,
)
"""Columns of ``scorecard.csv``, in order."""


class SourceStatus(StrEnum):
    """Where a framework measure's numbers come from."""

    INDICATORS = "indicators"
    """Bound to a measure id of the indicator results."""
    MANUAL = "manual"
    """Values entered in the framework with their evidence."""
    NO_DATA_SOURCE = "no data source yet"
    """No data source has been found for the measure yet."""


class Direction(StrEnum):
    """Direction of a change, judged against the measure's polarity."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    INCREASING = "increasing"
    """A significant rise of a measure with no polarity."""
    DECREASING = "decreasing"
    """A significant fall of a measure with no polarity."""
    NO_SIGNIFICANT_CHANGE = "no significant change"
    CANNOT_BE_CALCULATED = "cannot be calculated"
    NOT_APPLICABLE = "not applicable"
    """The baseline period itself, or a period before it: there is no change to judge."""


class TargetStatus(StrEnum):
    """Whether a value has reached its target."""

    MET = "met"
    NOT_YET_MET = "not yet met"
    CANNOT_BE_CALCULATED = "cannot be calculated"
    NO_TARGET = "no target"
    NOT_APPLICABLE = "not applicable"
    """A period before the baseline: progress is measured from the baseline."""


# --- the action plan ----------------------------------------------------------------------------

ACTION: Final = "action"
"""Code of a key action, e.g. ``3``."""
ACTION_TITLE: Final = "action_title"
"""Title of the key action."""
CODE: Final = "code"
"""Code of a detailed action, e.g. ``3.1``."""
TITLE: Final = "title"
"""Title of a detailed action or milestone."""
OUTCOMES: Final = "outcomes"
"""Outcomes a detailed action contributes to, e.g. ``1; 2; 3; 4``."""
LEAD_PARTNERS: Final = "lead_partners"
"""Lead partners of a detailed action, separated by ``; ``."""
TIMESCALE: Final = "timescale"
"""When the detailed action is due, in words."""
STATUS: Final = "status"
"""Status of a detailed action: see :class:`ActionStatus`."""
MILESTONES: Final = "milestones"
"""Number of milestones."""
MILESTONES_COMPLETE: Final = "milestones_complete"
"""Milestones completed on or before the as-of date."""
OVERDUE_MILESTONES: Final = "overdue_milestones"
"""Milestones past their due date and not complete at the as-of date."""
NEXT_MILESTONE: Final = "next_milestone"
"""The earliest milestone not complete."""
NEXT_DUE: Final = "next_due"
"""Due date of the next milestone."""
LAST_UPDATE: Final = "last_update"
"""Date of the latest update on or before the as-of date."""
DAYS_SINCE_UPDATE: Final = "days_since_update"
"""Days from the latest update (or the plan's start) to the as-of date."""
OVERDUE: Final = "overdue"
"""A milestone is past due and not complete."""
STALE: Final = "stale"
"""No update in the stale period (six months by default) before the as-of date."""
AS_OF: Final = "as_of"
"""The date flags are computed for."""
DUE: Final = "due"
"""Due date of a milestone."""
COMPLETED: Final = "completed"
"""Date a milestone was completed."""
DATE: Final = "date"
"""Date of an update."""
TEXT: Final = "text"
"""Text of an update."""
UPDATE_STATUS: Final = "update_status"
"""Status reported with an update."""
AUTHOR: Final = "author"
"""Who wrote an update."""
EVIDENCE_LINKS: Final = "evidence_links"
"""Evidence of an update: ``title <url>`` separated by ``; ``."""
DETAILED_ACTIONS: Final = "detailed_actions"
"""Number of detailed actions of a key action."""


# --- chart data -----------------------------------------------------------------------------

SERIES: Final = "series"
"""Column of chart data: the measure code, label and unit of a series."""
SHOWN_VALUE: Final = "shown_value"
"""Column of chart data: the value as shown (percentages for fractions)."""
SHOWN_LOWER: Final = "shown_lower"
"""Column of chart data: the interval's lower limit as shown."""
SHOWN_UPPER: Final = "shown_upper"
"""Column of chart data: the interval's upper limit as shown."""
COUNT: Final = "count"
"""Column of the status chart's data: detailed actions with the status."""


class ActionStatus(StrEnum):
    """Status of a detailed action."""

    NOT_STARTED = "not started"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    COMPLETE = "complete"
