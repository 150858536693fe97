"""Every field check of the staff file (one row per worker record), topic by topic.

Each topic module declares its rules beside the checks that evaluate them; the catalogue of
rules is built in :mod:`careforce.core.sources.ascwds.rules`.
"""

from __future__ import annotations

import datetime as dt

from careforce.core.sources.ascwds import (
    staff_background,
    staff_employment,
    staff_hours,
    staff_identity,
    staff_job_role,
    staff_nationality,
    staff_pay,
    staff_personal,
    staff_professions,
    staff_qualifications,
    staff_visa,
)
from careforce.core.sources.ascwds.common import row_shape_checks
from careforce.core.sources.ascwds.findings import Check
from careforce.core.sources.ascwds.staff_common import FILE


def staff_checks(
    columns: set[str], qualification_numbers: list[int], *, reference_date: dt.date, today: dt.date
) -> list[Check]:
    """Every field rule of the staff file, bound to its expressions.

    Args:
        columns: the columns the file has (optional columns may be absent).
        qualification_numbers: the n of every QUALACHnn column in the file.
        reference_date: the snapshot date ages are measured at.
        today: the date against which 'in the future' is judged.
    """
    return [
        *row_shape_checks(FILE),
        *staff_identity.checks(columns),
        *staff_personal.checks(reference_date),
        *staff_nationality.checks(today),
        *staff_background.checks(today),
        *staff_visa.checks(),
        *staff_employment.checks(today),
        *staff_pay.checks(),
        *staff_job_role.checks(),
        *staff_hours.checks(),
        *staff_professions.checks(),
        *staff_qualifications.checks(qualification_numbers, today),
    ]
