"""Synthetic ASC-WDS staff: who works where, and how that changes over the years.

The simulation starts from a base snapshot on 31 March 2020 (not written out) and moves it on,
a year at a time, to 31 March 2021, 2022, 2023 and 2024. Each year some staff leave, and each workplace recruits starters
to reach its planned size, so the same person keeps the same UNIQUEWORKERID and NI number while
they stay, leavers disappear and starters appear with a STARTDATE inside the year. The
workplace's STARTERS and LEAVERS are counted from these records (plus people who joined and left
within the same year, who appear in both counts but in no snapshot).

Calibration is exact where it can be: leavers are drawn to an exact number (turnover), starters'
characteristics are chosen to make up what the stayers lack (:func:`fill_to_shares`), and sickness,
pay and years in the sector are shifted to their published means.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import ServiceGroup
from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.sampling import (
    Pick,
    exact_counts,
    nudge_to_total,
    shuffle,
    weighted_sample,
    whole_years,
)
from careforce.synthetic.worker_attributes import WorkerAttributes, contract_shares
from careforce.synthetic.worker_pay import PayAndSickness
from careforce.synthetic.workers import (
    SNAPSHOT_DATES,
    SNAPSHOT_LABELS,
    Staffing,
    Worker,
    YearCounts,
)
from careforce.synthetic.workplaces import Workplace

IN_AND_OUT_SHARE: Final = 0.15
"""Planned share of a year's leavers who also joined that year (in the counts, in no snapshot);
the final number is whatever makes turnover exactly the published rate, about this share."""

REGISTERED_MANAGER_TURNOVER: Final = 0.18
"""Registered managers leaving each year (assumption, below the all-roles rate)."""

NON_EMPLOYED_LEAVING: Final = 0.25
"""Share of bank, agency and other staff who stop working at a workplace each year (they are
outside the published turnover, which counts permanent and temporary staff only)."""

ROLE_MIX: Final[Mapping[str, Mapping[int, float]]] = MappingProxyType(
    {
        "care home": {
            8: 0.58,
            7: 0.12,
            43: 0.02,
            45: 0.02,
            34: 0.025,
            25: 0.03,
            26: 0.17,
            23: 0.005,
            27: 0.005,
            52: 0.02,
            5: 0.01,
        },
        "nursing home": {
            16: 0.13,
            37: 0.01,
            8: 0.5,
            7: 0.1,
            43: 0.015,
            34: 0.02,
            25: 0.025,
            26: 0.17,
            27: 0.005,
            38: 0.02,
            45: 0.005,
        },
        "home care": {
            8: 0.8,
            7: 0.06,
            40: 0.03,
            5: 0.03,
            25: 0.04,
            3: 0.01,
            43: 0.01,
            27: 0.01,
            45: 0.01,
        },
        "supported living": {52: 0.72, 7: 0.06, 45: 0.06, 8: 0.1, 25: 0.02, 43: 0.02, 9: 0.02},
        "day service": {
            8: 0.35,
            52: 0.25,
            34: 0.12,
            26: 0.1,
            25: 0.06,
            3: 0.04,
            23: 0.03,
            27: 0.05,
        },
        "community": {9: 0.55, 52: 0.25, 25: 0.06, 3: 0.04, 11: 0.05, 5: 0.05},
        "social work": {6: 0.45, 15: 0.1, 39: 0.15, 35: 0.05, 2: 0.06, 25: 0.15, 36: 0.04},
    }
)
"""Job roles of the staff (other than the registered manager) by kind of service (assumption
from national patterns: care workers dominate, nurses only in nursing homes)."""

SERVICE_KIND: Final[Mapping[int, str]] = MappingProxyType(
    {
        1: "nursing home",
        2: "care home",
        5: "care home",
        14: "care home",
        70: "care home",
        8: "home care",
        12: "home care",
        17: "home care",
        54: "home care",
        73: "home care",
        55: "supported living",
        6: "day service",
        7: "day service",
        13: "day service",
        15: "community",
        61: "community",
        62: "community",
        16: "social work",
    }
)
"""Kind of service of each main service a workplace can have."""


class _Simulation(WorkerAttributes, PayAndSickness):
    """The state of one area's simulation (a class so the many steps share their inputs)."""

    def __init__(
        self,
        area: AreaProfile,
        workplaces: list[Workplace],
        seed: int,
        returning: frozenset[int] = frozenset(),
    ) -> None:
        self.area = area
        self.workplaces = workplaces
        self.returning = returning
        self.rng = random.Random(seed)
        self.workers: list[Worker] = []
        self.counts = {snapshot: YearCounts() for snapshot in range(1, area.years + 1)}
        self.rm_vacant: dict[int, set[int]] = {}
        self.serial = 0
        self.person_base = area.index * 400_000
        targets = area.workforce
        self.white_by_nationality = self._white_shares(targets.white, targets.nationality)

    def _new_worker(self, workplace: Workplace, role: int, first: int) -> Worker:
        self.serial += 1
        worker = Worker(serial=self.serial, workplace=workplace, role=role, first=first)
        self.workers.append(worker)
        return worker

    def _roles(self, workplace: Workplace, count: int, with_manager: bool) -> list[int]:
        mix = ROLE_MIX[SERVICE_KIND[workplace.main_service]]
        roles = [REGISTERED_MANAGER] if with_manager and count > 0 else []
        roles.extend(self.rng.choices(list(mix), weights=list(mix.values()), k=count - len(roles)))
        return roles

    # --- years -----------------------------------------------------------------------------

    def run(self) -> Staffing:
        rng = self.rng
        label = SNAPSHOT_LABELS[1]
        regulated = [w.index for w in self.workplaces if w.regulated and not w.vacancies_unknown]
        rate = self.area.workforce.retention[label].vacancy_by_role[REGISTERED_MANAGER]
        self.rm_vacant[0] = set(rng.sample(regulated, round(rate * len(regulated))))
        base: list[Worker] = []
        for workplace in self.workplaces:
            with_manager = workplace.regulated and workplace.index not in self.rm_vacant[0]
            for role in self._roles(workplace, workplace.sizes[0], with_manager):
                base.append(self._new_worker(workplace, role, 0))
        self._populate(base, [], 0)
        for snapshot in self.counts:
            self._advance(snapshot)
        for worker in self.workers:
            if worker.left > 1:
                self._identify(worker)
        self.workers.sort(key=lambda w: (w.workplace.index, w.serial))
        return Staffing(self.workplaces, self.workers, self.counts)

    def _expected_employed(self, snapshot: int) -> tuple[int, float]:
        sizes: Counter[ServiceGroup] = Counter()
        for workplace in self.workplaces:
            sizes[workplace.group] += workplace.sizes[snapshot]
        total = 0.0
        for group, size in sizes.items():
            shares = contract_shares(self.area, group)
            total += size * (shares[1] + shares[2])
        return sum(sizes.values()), total

    def _advance(self, snapshot: int) -> None:
        rng = self.rng
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        previous = [w for w in self.workers if w.present(snapshot - 1)]
        size_before, _ = self._expected_employed(snapshot - 1)
        size_now, employed_now = self._expected_employed(snapshot)
        leavers_total = round(figures.turnover * employed_now)
        in_and_out = round(IN_AND_OUT_SHARE * leavers_total)
        # Registered managers: enough leave for the published RM vacancy rate.
        regulated = [w.index for w in self.workplaces if w.regulated and not w.vacancies_unknown]
        vacant_now = round(figures.vacancy_by_role[REGISTERED_MANAGER] * len(regulated))
        managers = [
            w
            for w in previous
            if w.role == REGISTERED_MANAGER and not w.workplace.vacancies_unknown
        ]
        still_vacant = self.rm_vacant[snapshot - 1]
        manager_leavers = max(
            round(REGISTERED_MANAGER_TURNOVER * len(managers)), vacant_now - len(still_vacant)
        )
        for w in rng.sample(managers, min(len(managers), manager_leavers)):
            w.left = snapshot
        without = sorted(still_vacant | {w.workplace.index for w in managers if w.left == snapshot})
        self.rm_vacant[snapshot] = set(rng.sample(without, min(len(without), vacant_now)))
        # Registered nurses leave at their own published rate.
        nurses = [w for w in previous if w.role == REGISTERED_NURSE and w.employed]
        nurse_total = round(
            figures.registered_nurse_turnover * len(nurses) * size_now / max(1, size_before)
        )
        nurse_in_and_out = round(IN_AND_OUT_SHARE * nurse_total)
        self._choose_leavers(nurses, nurse_total - nurse_in_and_out, snapshot)
        others = [
            w
            for w in previous
            if w.employed and w.role not in (REGISTERED_NURSE, REGISTERED_MANAGER)
        ]
        taken = sum(1 for w in previous if w.left == snapshot)
        self._choose_leavers(others, leavers_total - in_and_out - taken, snapshot)
        for w in previous:
            if not w.employed and rng.random() < NON_EMPLOYED_LEAVING:
                w.left = snapshot
        starters = self._recruit(snapshot, previous)
        stayers = [w for w in previous if w.left > snapshot]
        self._populate(starters, stayers, snapshot)
        self._calibrate_experience(snapshot, stayers, starters)
        self._set_pay(snapshot)
        self._set_sickness(snapshot)
        self._count(snapshot, previous, starters)

    def _choose_leavers(self, pool: list[Worker], count: int, snapshot: int) -> None:
        previous_date = SNAPSHOT_DATES[snapshot - 1]
        weights = []
        for w in pool:
            weight = 1.0
            if (previous_date - w.start_date).days < 365:
                weight *= 1.8
            if whole_years(w.dob, previous_date) < 25:
                weight *= 1.3
            weights.append(weight)
        for index in weighted_sample(self.rng, weights, count):
            pool[index].left = snapshot

    def _recruit(self, snapshot: int, previous: list[Worker]) -> list[Worker]:
        by_workplace: dict[int, list[Worker]] = defaultdict(list)
        for w in previous:
            by_workplace[w.workplace.index].append(w)
        needed = self._places_needed(snapshot, by_workplace)
        starters: list[Worker] = []
        for workplace in self.workplaces:
            roles = self._starter_roles(
                workplace, by_workplace[workplace.index], needed[workplace.index], snapshot
            )
            starters.extend(self._new_worker(workplace, role, snapshot) for role in roles)
        return starters

    def _places_needed(
        self, snapshot: int, by_workplace: Mapping[int, list[Worker]]
    ) -> dict[int, int]:
        """Starters each workplace needs to reach its planned size; where the stayers exceed the
        plan, other workplaces of the service group recruit that many fewer."""
        rng = self.rng
        needed: dict[int, int] = {}
        excess: Counter[ServiceGroup] = Counter()
        for workplace in self.workplaces:
            staying = sum(1 for w in by_workplace[workplace.index] if w.left > snapshot)
            gap = workplace.sizes[snapshot] - staying
            needed[workplace.index] = max(0, gap)
            if gap < 0:
                excess[workplace.group] += -gap
                workplace.sizes[snapshot] = staying
        for group, extra in excess.items():
            candidates = [
                w
                for w in self.workplaces
                if w.group is group and needed[w.index] > 0 and w.sizes[snapshot] > 1
            ]
            surplus = extra
            while surplus and candidates:
                workplace = rng.choice(candidates)
                needed[workplace.index] -= 1
                workplace.sizes[snapshot] -= 1
                surplus -= 1
                if not needed[workplace.index] or workplace.sizes[snapshot] <= 1:
                    candidates.remove(workplace)
        return needed

    def _starter_roles(
        self, workplace: Workplace, here: list[Worker], count: int, snapshot: int
    ) -> list[int]:
        """Job roles of a workplace's starters: a registered manager where one is wanted, the
        roles of those who left, then roles drawn from the service's mix."""
        rng = self.rng
        staying_manager = any(w.role == REGISTERED_MANAGER and w.left > snapshot for w in here)
        roles: list[int] = []
        if (
            workplace.regulated
            and not staying_manager
            and workplace.index not in self.rm_vacant[snapshot]
        ):
            roles.append(REGISTERED_MANAGER)
            if count == 0:
                # The new manager takes the place of someone who left.
                count = 1
                workplace.sizes[snapshot] += 1
        replaced = [w.role for w in here if w.left == snapshot and w.role != REGISTERED_MANAGER]
        shuffle(rng, replaced)
        roles.extend(replaced[: max(0, count - len(roles))])
        if len(roles) < count:
            roles.extend(self._roles(workplace, count - len(roles), with_manager=False))
        return roles

    def _calibrate_experience(
        self, snapshot: int, stayers: list[Worker], starters: list[Worker]
    ) -> None:
        """Shift STARTINSECT years so the mean years in the sector hits the published figure."""
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        year = SNAPSHOT_DATES[snapshot].year
        adjustable = starters if snapshot >= 2 else [*stayers, *starters]
        fixed = [w for w in stayers if w.in_sector] if snapshot >= 2 else []
        movable = [w for w in adjustable if w.in_sector]
        count = len(fixed) + len(movable)
        if not movable:
            return
        target_total = round(count * year - figures.average_years_in_sector * count)
        target_total -= sum(w.in_sector for w in fixed)
        values = [w.in_sector for w in movable]
        lower = [w.dob.year + 14 for w in movable]
        upper = [min(w.start_date.year, year) for w in movable]
        nudge_to_total(self.rng, values, range(len(values)), lower, upper, target_total)
        for w, value in zip(movable, values, strict=True):
            w.in_sector = value

    def _count(self, snapshot: int, previous: list[Worker], starters: list[Worker]) -> None:
        """Starters and leavers by workplace and role, with people who joined and left within
        the year added so that turnover (overall and of nurses) is exactly the published rate."""
        rng = self.rng
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        counts = self.counts[snapshot]
        for w in previous:
            if w.left == snapshot and w.employed:
                counts.leavers[(w.workplace.index, w.role)] += 1
        employed_starters = [w for w in starters if w.employed]
        for w in employed_starters:
            counts.starters[(w.workplace.index, w.role)] += 1
        reported = [w for w in employed_starters if not w.workplace.starters_leavers_unknown]
        employed_now = [
            w
            for w in self.workers
            if w.present(snapshot) and w.employed and not w.workplace.starters_leavers_unknown
        ]
        gone = [
            w
            for w in previous
            if w.left == snapshot and w.employed and not w.workplace.starters_leavers_unknown
        ]
        nurses_now = sum(1 for w in employed_now if w.role == REGISTERED_NURSE)
        nurses_gone = sum(1 for w in gone if w.role == REGISTERED_NURSE)
        nurse_in_and_out = max(
            0, round(figures.registered_nurse_turnover * nurses_now) - nurses_gone
        )
        in_and_out = max(nurse_in_and_out, round(figures.turnover * len(employed_now)) - len(gone))
        nurses = [w for w in reported if w.role == REGISTERED_NURSE]
        others = [w for w in reported if w.role not in (REGISTERED_NURSE, REGISTERED_MANAGER)]
        for pool, number in ((nurses, nurse_in_and_out), (others, in_and_out - nurse_in_and_out)):
            if not pool:
                continue
            for w in rng.choices(pool, k=number):
                key = (w.workplace.index, w.role)
                counts.starters[key] += 1
                counts.leavers[key] += 1
        self._vacancies(snapshot)

    def _vacancies(self, snapshot: int) -> None:
        counts = self.counts[snapshot].vacancies
        filled: Counter[tuple[int, int]] = Counter()
        staff: Counter[int] = Counter()
        for w in self.workers:
            if w.present(snapshot):
                staff[w.workplace.index] += 1
                if not w.workplace.vacancies_unknown:
                    filled[(w.workplace.index, w.role)] += 1
        for index in self.rm_vacant[snapshot]:
            counts[(index, REGISTERED_MANAGER)] = 1
        by_role: Counter[int] = Counter()
        for (_, role), number in filled.items():
            by_role[role] += number
        wanted = self._vacancies_wanted(snapshot, by_role)
        vacancies_at: Counter[int] = Counter()
        for role in sorted(wanted):
            places = [(index, number) for (index, r), number in filled.items() if r == role]
            if not places:
                continue
            self._place_vacancies(counts, role, wanted[role], places, staff, vacancies_at)

    def _vacancies_wanted(self, snapshot: int, by_role: Counter[int]) -> dict[int, int]:
        """Vacancies by job role: the published rates by role, the rest of the published
        overall rate spread over the other roles by their filled posts."""
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        total_filled = sum(by_role.values())
        total = round(figures.vacancy_rate * total_filled / (1 - figures.vacancy_rate))
        wanted: dict[int, int] = {}
        for role, rate in figures.vacancy_by_role.items():
            if role != REGISTERED_MANAGER:
                wanted[role] = round(rate * by_role[role] / (1 - rate))
        rest = max(0, total - sum(wanted.values()) - len(self.rm_vacant[snapshot]))
        other_roles = sorted(r for r in by_role if r not in figures.vacancy_by_role)
        for role, number in zip(
            other_roles,
            exact_counts(rest, [by_role[r] for r in other_roles]) if other_roles else [],
            strict=True,
        ):
            wanted[role] = number
        return wanted

    def _place_vacancies(
        self,
        counts: dict[tuple[int, int], int],
        role: int,
        number: int,
        places: list[tuple[int, int]],
        staff: Counter[int],
        vacancies_at: Counter[int],
    ) -> None:
        """Put a role's vacancies at workplaces in proportion to its filled posts there, short
        of as many vacancies as a workplace has staff."""
        rng = self.rng
        place = Pick([index for index, _ in places], [posts for _, posts in places])
        for _ in range(number):
            for _attempt in range(8):
                index = place(rng)
                if vacancies_at[index] + 1 < staff[index]:
                    break
            counts[(index, role)] += 1
            vacancies_at[index] += 1


def simulate_staffing(
    area: AreaProfile,
    workplaces: list[Workplace],
    *,
    seed: int,
    returning: frozenset[int] = frozenset(),
) -> Staffing:
    """Simulate an area's staff from the base snapshot through every reference year.

    Args:
        area: The area and its targets.
        workplaces: The area's planned workplaces (their sizes are adjusted in place where the
            staff who stay exceed the plan).
        seed: Seed of this area's staff simulation.
        returning: Indices of the workplaces that return in the calibrated year, whose staff
            the all-roles pay is calibrated on (every workplace's when empty).

    Returns:
        The workplaces, every worker in post at some snapshot, and starters, leavers and
        vacancies by workplace and job role for each written snapshot.
    """
    return _Simulation(area, workplaces, seed, returning).run()
