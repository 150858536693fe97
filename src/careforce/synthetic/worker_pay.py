"""Synthetic ASC-WDS staff: pay and sickness at each snapshot, calibrated to published means."""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import CARE_WORKER, NATIONAL_LIVING_WAGE
from careforce.synthetic.sampling import Pick, nudge_to_total
from careforce.synthetic.workers import (
    SNAPSHOT_DATES,
    SNAPSHOT_LABELS,
    STANDARD_WEEKLY_HOURS,
    Worker,
    hourly_equivalent,
)

HOURLY_RATE: Final[Mapping[int, float]] = MappingProxyType(
    {
        8: 9.46,
        7: 10.3,
        52: 9.6,
        9: 9.75,
        34: 9.45,
        26: 9.2,
        25: 10.45,
        45: 10.95,
        5: 10.75,
        40: 10.65,
        23: 9.45,
        27: 9.35,
        37: 12.3,
        38: 9.85,
        11: 10.3,
        36: 10.6,
    }
)
"""Typical hourly pay of hourly-paid roles, independent sector, March 2022 (assumption around
the published care worker average; shifted to the published means during calibration)."""

ANNUAL_SALARY: Final[Mapping[int, int]] = MappingProxyType(
    {
        4: 35_500,
        43: 27_800,
        3: 27_000,
        2: 38_500,
        1: 56_000,
        16: 35_800,
        6: 36_500,
        15: 35_500,
        39: 27_500,
        35: 32_500,
        24: 32_000,
        44: 30_000,
        17: 33_000,
    }
)
"""Typical full-time annual salary of salaried roles (managers, nurses, social workers and
other professionals), independent sector, March 2022 (assumption)."""

LOCAL_AUTHORITY_PAY: Final = (1.36, 1.08)
"""Council pay relative to independent pay, hourly and annual (the published care worker
averages are £12.91 and £9.46)."""

EARLIER_YEAR_PAY: Final = 0.955
"""Pay at March 2021 relative to March 2022 before calibration (published all-roles £9.75 and
£10.25)."""
_PAY_ANSWERED: Final = Pick(("known", "999", ""), (0.94, 0.04, 0.02))
_SICK_ANSWERED: Final = Pick(("999", "", "?"), (0.06, 0.03, 0.91))


class PayAndSickness:
    """Sets pay and sickness of the workers in post (a mixin of the simulation, which owns the
    state)."""

    rng: random.Random
    area: AreaProfile
    workers: list[Worker]
    returning: frozenset[int]

    def _set_pay(self, snapshot: int) -> None:
        rng = self.rng
        present = [w for w in self.workers if w.present(snapshot)]
        for w in present:
            if w.salary_interval == "?":
                w.salary_interval = _PAY_ANSWERED(rng)
                if w.salary_interval == "known":
                    w.salary_interval = "1" if w.role in ANNUAL_SALARY else "3"
            if w.salary_interval not in ("1", "3"):
                continue
            if w.first < snapshot and w.pay[snapshot - 1] > 0:
                w.pay[snapshot] = w.pay[snapshot - 1] * rng.uniform(1.03, 1.07)
            else:
                w.pay[snapshot] = self._draw_pay(w)
        label = SNAPSHOT_LABELS[snapshot]
        targets = self.area.workforce
        floor = NATIONAL_LIVING_WAGE[label] + 0.01
        hourly = [w for w in present if w.salary_interval == "3"]
        care_independent = [
            w for w in hourly if w.role == CARE_WORKER and not w.workplace.local_authority
        ]
        care_council = [w for w in hourly if w.role == CARE_WORKER and w.workplace.local_authority]
        self._shift_mean(
            care_independent, targets.care_worker_hourly_independent[label], snapshot, floor
        )
        self._shift_mean(
            care_council, targets.care_worker_hourly_local_authority[label], snapshot, floor
        )
        independent = [
            w
            for w in present
            if w.salary_interval in ("1", "3") and not w.workplace.local_authority
        ]
        # The published all-roles figure is of ASC-WDS returns: the pay of the other hourly
        # roles moves by one step everywhere, the step that brings the returns' staff to it, so
        # careforce's measure of the returns reproduces it.
        returned = [w for w in independent if w.workplace.index in self.returning] or independent
        others = [w for w in independent if w.salary_interval == "3" and w.role != CARE_WORKER]
        counted = [w for w in returned if w.salary_interval == "3" and w.role != CARE_WORKER]
        if counted:
            goal = targets.all_roles_hourly_independent[label] * len(returned)
            fixed = sum(
                hourly_equivalent(w, snapshot)
                for w in returned
                if w.salary_interval != "3" or w.role == CARE_WORKER
            )
            # Repeated because the wage floor can hold some rates up.
            for _ in range(4):
                total = fixed + sum(w.pay[snapshot] for w in counted)
                step = (goal - total) / len(counted)
                for w in others:
                    w.pay[snapshot] = max(floor, round(w.pay[snapshot] + step, 2))

    def _shift_mean(
        self, workers: list[Worker], target: float, snapshot: int, floor: float
    ) -> None:
        if not workers:
            return
        for _ in range(3):
            mean = sum(w.pay[snapshot] for w in workers) / len(workers)
            for w in workers:
                w.pay[snapshot] = max(floor, round(w.pay[snapshot] + target - mean, 2))

    def _draw_pay(self, w: Worker) -> float:
        rng = self.rng
        la_hourly, la_annual = LOCAL_AUTHORITY_PAY if w.workplace.local_authority else (1.0, 1.0)
        year = SNAPSHOT_DATES[w.first].year
        experience = year - w.in_sector if w.in_sector else 0
        earlier = EARLIER_YEAR_PAY if w.first <= 1 else 1.0
        if w.salary_interval == "1":
            salary = ANNUAL_SALARY[w.role] * la_annual * earlier * rng.uniform(0.88, 1.12)
            hours = w.hours if w.employed and w.zero_hours == "2" else STANDARD_WEEKLY_HOURS
            return float(round(salary * min(1.0, hours / STANDARD_WEEKLY_HOURS)))
        rate = HOURLY_RATE[w.role] * la_hourly * earlier * rng.uniform(0.95, 1.06)
        return round(rate + 0.03 * min(experience, 5), 2)

    def _set_sickness(self, snapshot: int) -> None:
        rng = self.rng
        present = [w for w in self.workers if w.present(snapshot)]
        target = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]].sickness_days_per_worker
        known: list[Worker] = []
        raw: list[float] = []
        for w in present:
            answer = _SICK_ANSWERED(rng)
            if answer != "?":
                w.sick[snapshot] = answer
                continue
            known.append(w)
            raw.append(0.0 if rng.random() < 0.35 else rng.expovariate(0.65 / target))
        if not known:
            return
        factor = target * len(raw) / max(sum(raw), 1e-9)
        halves = [min(360, round(value * factor * 2)) for value in raw]
        goal = round(target * len(raw) * 2)
        nudge_to_total(
            rng, halves, range(len(halves)), [0] * len(halves), [360] * len(halves), goal
        )
        for w, half in zip(known, halves, strict=True):
            w.sick[snapshot] = str(half // 2) if half % 2 == 0 else f"{half // 2}.5"
