"""An area's ASC-WDS returns for both reference years, as bulk-upload CSV text."""

from __future__ import annotations

from dataclasses import dataclass

from careforce.synthetic.ascwds_text import render_staff_file, render_workplace_file
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import REFERENCE_YEARS
from careforce.synthetic.sampling import derive_seed, make_rng
from careforce.synthetic.staff import simulate_staffing
from careforce.synthetic.training import TrainingRecords
from careforce.synthetic.workers import Staffing
from careforce.synthetic.workplaces import plan_workplaces

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
    """Plan an area's workplaces and simulate its staff over both years."""
    workplaces = plan_workplaces(area, make_rng(seed, "workplaces", area.code))
    return simulate_staffing(area, workplaces, seed=derive_seed(seed, "staff", area.code))


def render_returns(staffing: Staffing, *, area_code: str, seed: int) -> list[AscwdsReturn]:
    """Render a simulated area's returns for 2020/21 and 2021/22."""
    training = TrainingRecords(
        staffing, seed=derive_seed(seed, "training", area_code), variant_seed=seed
    )
    returns = []
    for snapshot, year in enumerate(REFERENCE_YEARS[: len(staffing.counts)], start=1):
        returns.append(
            AscwdsReturn(
                year=year.label,
                files={
                    "workplace": render_workplace_file(staffing, snapshot),
                    "staff": render_staff_file(staffing, snapshot),
                    "training": training.render(snapshot),
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
