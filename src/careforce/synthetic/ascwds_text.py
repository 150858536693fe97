"""Rendering synthetic workplaces, staff and training as ASC-WDS bulk-upload CSV text.

The text is what the ASC-WDS download writes: the exact header rows, every row's STATUS
``UNCHECKED``, values containing a comma, a double quote or a line break quoted (inner quotes
doubled), and rows joined with CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from careforce.core.vocab.ascwds_columns import (
    StaffColumn,
    TrainingColumn,
    WorkplaceColumn,
    qualification_column,
    qualification_notes_column,
)
from careforce.core.vocab.workplace_codes import CQC_REGULATED_SERVICES
from careforce.synthetic.csv_text import quote, render_csv
from careforce.synthetic.policy_answers import worker_answers, workplace_answers
from careforce.synthetic.sampling import uk_date
from careforce.synthetic.workers import Staffing, Worker
from careforce.synthetic.workplaces import Workplace

STATUS: Final = "UNCHECKED"
"""STATUS the ASC-WDS download writes in every workplace and staff row."""

QUALIFICATION_PAIRS: Final = 3
"""QUALACHnn/QUALACHnnNOTES pairs in the staff header (the download writes at least three)."""

WORKPLACE_HEADER: Final[tuple[str, ...]] = tuple(c.value for c in WorkplaceColumn)
"""Header row of the workplace file."""

STAFF_HEADER: Final[tuple[str, ...]] = (
    *(
        c.value
        for c in StaffColumn
        if c not in (StaffColumn.CHGUNIQUEWRKID, StaffColumn.TRANSFERSTAFFRECORD)
    ),
    *(
        name
        for n in range(1, QUALIFICATION_PAIRS + 1)
        for name in (qualification_column(n), qualification_notes_column(n))
    ),
)
"""Header row of the staff file as downloaded (no optional columns, three qualifications)."""

TRAINING_HEADER: Final[tuple[str, ...]] = tuple(c.value for c in TrainingColumn)
"""Header row of the training file."""


def _role_counts(staffing: Staffing, snapshot: int) -> dict[int, dict[int, list[int]]]:
    """Starters, leavers and vacancies by workplace index and job role, with every role of the
    workplace's staff present (at zero when nothing happened)."""
    table: dict[int, dict[int, list[int]]] = {}
    for w in staffing.workers:
        if w.present(snapshot):
            table.setdefault(w.workplace.index, {}).setdefault(w.role, [0, 0, 0])
    counts = staffing.counts[snapshot]
    for position, source in enumerate((counts.starters, counts.leavers, counts.vacancies)):
        for (index, role), number in source.items():
            if number:
                table.setdefault(index, {}).setdefault(role, [0, 0, 0])[position] += number
    return table


def workplace_row(
    workplace: Workplace, snapshot: int, staff: int, roles: dict[int, list[int]]
) -> str:
    """One workplace file row for a snapshot.

    Args:
        workplace: The workplace.
        snapshot: 1 for 2020/21, 2 for 2021/22.
        staff: Number of staff rows of the workplace (TOTALPERMTEMP).
        roles: Starters, leavers and vacancies by job role.
    """
    index = workplace.index
    policy = workplace_answers(workplace.local_id, workplace.main_service)
    ordered = sorted(roles)

    def joined(values: Iterable[int]) -> str:
        return ";".join(map(str, values))

    services = (workplace.main_service, *workplace.other_services)
    separators = ";" * (len(services) - 1)
    capacity = utilisation = separators
    if workplace.capacity:
        used = max(1, round(workplace.capacity * (0.86 + 0.03 * ((index + snapshot) % 4))))
        capacity = str(workplace.capacity) + separators
        utilisation = str(min(used, workplace.capacity)) + separators
    regulated = workplace.main_service in CQC_REGULATED_SERVICES
    answers = workplace.answers
    users = workplace.service_users
    unknown_flow = workplace.starters_leavers_unknown
    fields = [
        workplace.local_id,
        STATUS,
        quote(workplace.name),
        quote(workplace.address1),
        quote(workplace.address2),
        "",
        quote(workplace.town),
        workplace.postcode,
        str(workplace.employer_type),
        quote(workplace.other_type),
        answers["PERMCQC"],
        answers["PERMLA"],
        "2" if regulated else "0",
        workplace.provider_id if regulated else "",
        workplace.location_id if regulated else "",
        str(workplace.main_service),
        joined(services),
        capacity,
        utilisation,
        separators,
        joined(users),
        ";" * (len(users) - 1),
        policy["DHA"],
        policy["DHAACTIVITIES"],
        str(staff),
        joined(ordered),
        "999" if unknown_flow else joined(roles[r][0] for r in ordered),
        "999" if unknown_flow else joined(roles[r][1] for r in ordered),
        "999" if workplace.vacancies_unknown else joined(roles[r][2] for r in ordered),
        "",
        "",
        answers["REPEATTRAINING"],
        policy["CWPAWARE"],
        policy["CWPUSE"],
        "",
        answers["SICKPAY"],
        answers["PENSION"],
        answers["ACTUALCONT"],
        answers["OPTOUTPEN"],
        answers["HOLIDAY"],
        answers["SLEEPINS"],
        answers["SLEEPINPAY"],
        answers["TRAVELTIME"],
        answers["TTDIFFRATE"],
    ]
    return ",".join(fields)


def _policy(w: Worker) -> tuple[str, str, str]:
    """L2CARECERT, DHA and CWPCATEGORY of a staff record (synthetic/policy_answers.py)."""
    workplace_dha = workplace_answers(w.workplace.local_id, w.workplace.main_service)["DHA"]
    return worker_answers(
        w.worker_id, role=w.role, in_sector=w.in_sector, workplace_dha=workplace_dha
    )


def _hours(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _static_prefix(w: Worker) -> str:
    """The staff row from LOCALESTID to STARTINSECT, which does not change between years."""
    return ",".join(
        (
            w.workplace.local_id,
            w.worker_id,
            STATUS,
            quote(w.display),
            w.ni,
            w.home_postcode,
            uk_date(w.dob),
            w.gender,
            w.ethnicity,
            w.nationality,
            w.citizenship,
            w.country,
            w.year_of_entry,
            w.disabled,
            w.care_certificate,
            _policy(w)[0],
            w.recruitment_source,
            w.visa,
            w.recruited_abroad,
            uk_date(w.start_date) if w.start_date_known else "",
            str(w.in_sector) if w.in_sector else "999",
        )
    )


def staff_row(w: Worker, snapshot: int) -> str:
    """One staff file row for a snapshot."""
    if not w.cached_prefix:
        w.cached_prefix = _static_prefix(w)
    contracted = average = ""
    if w.hours_known:
        if w.contract in (1, 2) and w.zero_hours == "2":
            contracted = _hours(w.hours)
        else:
            average = _hours(w.hours)
    salary = hourly = ""
    if w.salary_interval == "1":
        salary = str(round(w.pay[snapshot]))
    elif w.salary_interval == "3":
        hourly = f"{w.pay[snapshot]:.2f}"
    quals = [f"{code};{year}" for code, year in w.quals]
    quals += [""] * (QUALIFICATION_PAIRS - len(quals))
    _, dha, cwp_category = _policy(w)  # L2CARECERT is in the cached prefix
    return ",".join(
        (
            w.cached_prefix,
            dha,
            w.apprentice,
            str(w.contract),
            w.zero_hours,
            w.sick[snapshot],
            w.salary_interval,
            salary,
            hourly,
            str(w.role),
            quote(w.role_description),
            contracted,
            average,
            w.nmc_register,
            w.amhp,
            w.scqual,
            w.nonscqual,
            cwp_category,
            quals[0],
            "",
            quals[1],
            "",
            quals[2],
            "",
        )
    )


def render_workplace_file(staffing: Staffing, snapshot: int) -> str:
    """The workplace file of a snapshot (1 = 2020/21, 2 = 2021/22)."""
    staff_counts: dict[int, int] = {}
    for w in staffing.workers:
        if w.present(snapshot):
            staff_counts[w.workplace.index] = staff_counts.get(w.workplace.index, 0) + 1
    roles = _role_counts(staffing, snapshot)
    rows = [
        workplace_row(workplace, snapshot, staff_counts[workplace.index], roles[workplace.index])
        for workplace in staffing.workplaces
    ]
    return render_csv(WORKPLACE_HEADER, rows)


def render_staff_file(staffing: Staffing, snapshot: int) -> str:
    """The staff file of a snapshot."""
    return render_csv(
        STAFF_HEADER, (staff_row(w, snapshot) for w in staffing.workers if w.present(snapshot))
    )
