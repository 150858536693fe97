"""An area's ASC-WDS returns for both reference years, as bulk-upload CSV text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careforce.synthetic.ascwds_text import render_staff_file, render_workplace_file
from careforce.synthetic.multiple_posts import share_people
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import REFERENCE_YEARS
from careforce.synthetic.response import Response, draw_response, truth_rows
from careforce.synthetic.sampling import derive_seed, make_rng
from careforce.synthetic.staff import simulate_staffing
from careforce.synthetic.story import CALIBRATED_YEAR
from careforce.synthetic.training import TrainingRecords
from careforce.synthetic.workers import Staffing
from careforce.synthetic.workplaces import Workplace, plan_workplaces

FILE_KINDS = ("workplace", "staff", "training")
"""The three files of an ASC-WDS return, in the order they are written."""


@dataclass(frozen=True)
class AscwdsReturn:
    """The three files of one area's ASC-WDS return for one reference year.

    Attributes:
        year: Reference year label, e.g. ``2021-22``.
        files: File kind (workplace, staff, training) -> CSV text.
    """

    year: str
    files: dict[str, str]


def simulate_area(area: AreaProfile, *, seed: int) -> Staffing:
    """Plan an area's workplaces and simulate its staff over both years; some people hold two
    posts (:mod:`careforce.synthetic.multiple_posts`)."""
    workplaces = plan_workplaces(area, make_rng(seed, "workplaces", area.code))
    calibrated = calibrated_snapshot()
    staffing = simulate_staffing(
        area,
        workplaces,
        seed=derive_seed(seed, "staff", area.code),
        returning=returning_in_calibrated_year(workplaces, area_code=area.code, seed=seed),
    )
    # The calibrated year first (every profile has it), then the years after and before it.
    years = range(1, len(staffing.counts) + 1)
    snapshots = [
        calibrated,
        *(s for s in years if s > calibrated),
        *(s for s in years if s < calibrated),
    ]
    share_people(staffing, make_rng(seed, "multiple posts", area.code), snapshots=snapshots)
    return staffing


def returning_in_calibrated_year(
    workplaces: list[Workplace], *, area_code: str, seed: int
) -> frozenset[int]:
    """Indices of the workplaces that return in the calibrated year: the draw of
    :func:`area_response`, which depends on the planned workplaces only, so the pay can be
    calibrated on the returns' staff before the staff are simulated."""
    calibrated = calibrated_snapshot()
    response = draw_response(
        workplaces, make_rng(seed, "response", area_code), snapshots=calibrated
    )
    return response.returned[calibrated]


def calibrated_returns(area: AreaProfile, *, seed: int) -> frozenset[str]:
    """Workplace references (LOCALESTID) of an area's returns in the calibrated year."""
    workplaces = plan_workplaces(area, make_rng(seed, "workplaces", area.code))
    returning = returning_in_calibrated_year(workplaces, area_code=area.code, seed=seed)
    return frozenset(w.local_id for w in workplaces if w.index in returning)


def calibrated_snapshot() -> int:
    """The snapshot of the calibrated year (2 = 2021/22), which every profile has."""
    return 1 + [year.label for year in REFERENCE_YEARS].index(CALIBRATED_YEAR)


def area_years(staffing: Staffing) -> list[str]:
    """Labels of the reference years a simulated area has, oldest first (the england profile
    keeps only the first two)."""
    return [year.label for year in REFERENCE_YEARS[: len(staffing.counts)]]


def returning_part(staffing: Staffing, workplaces: frozenset[int]) -> Staffing:
    """The part of an area's staffing in the workplaces whose indices are given."""
    return Staffing(
        workplaces=[w for w in staffing.workplaces if w.index in workplaces],
        workers=[w for w in staffing.workers if w.workplace.index in workplaces],
        counts=staffing.counts,
    )


def render_returns(
    staffing: Staffing, *, area_code: str, seed: int, response: Response | None = None
) -> list[AscwdsReturn]:
    """Render a simulated area's returns for 2020/21 and 2021/22: every workplace's, or with
    ``response`` only those of the workplaces that returned in each year (the rows of a
    returning workplace are the same either way)."""
    training = TrainingRecords(
        staffing, seed=derive_seed(seed, "training", area_code), variant_seed=seed
    )
    returns = []
    for snapshot, year in enumerate(REFERENCE_YEARS[: len(staffing.counts)], start=1):
        chosen = None if response is None else response.returned[snapshot]
        part = staffing if chosen is None else returning_part(staffing, chosen)
        returns.append(
            AscwdsReturn(
                year=year.label,
                files={
                    "workplace": render_workplace_file(part, snapshot),
                    "staff": render_staff_file(part, snapshot),
                    "training": training.render(snapshot, chosen),
                },
            )
        )
    return returns


def generate_ascwds_returns(area: AreaProfile, *, seed: int) -> list[AscwdsReturn]:
    """Generate an area's ASC-WDS returns for 2020/21 and 2021/22.

    Args:
        area: The area and its calibration targets.
        seed: The run's seed; the same seed gives byte-identical text.

    Returns:
        One return per reference year, oldest first.
    """
    return render_returns(simulate_area(area, seed=seed), area_code=area.code, seed=seed)


def area_response(staffing: Staffing, *, area_code: str, seed: int) -> Response:
    """Which of a simulated area's workplaces return in each of its years (its own random
    stream): about half of the registered locations in the calibrated year and after, a few more
    before it."""
    return draw_response(
        staffing.workplaces,
        make_rng(seed, "response", area_code),
        snapshots=len(area_years(staffing)),
        calibrated=calibrated_snapshot(),
    )


def area_truth(staffing: Staffing, response: Response, *, area_code: str) -> str:
    """The synthetic truth of a simulated area (CSV text): every workplace's true filled posts
    in each year and whether it returned."""
    years = area_years(staffing)
    posts = {w.index: [0] * len(years) for w in staffing.workplaces}
    people = {w.index: [0.0] * len(years) for w in staffing.workplaces}
    for snapshot in range(1, len(years) + 1):
        present = [w for w in staffing.workers if w.present(snapshot)]
        # A person is their NI number; a post without one is a person of its own.
        held = Counter(w.ni for w in present if w.ni)
        for worker in present:
            posts[worker.workplace.index][snapshot - 1] += 1
            share = 1 / held[worker.ni] if worker.ni else 1.0
            people[worker.workplace.index][snapshot - 1] += share
    return truth_rows(
        staffing.workplaces, response, posts, area_code=area_code, years=years, people=people
    )
