"""Synthetic ASC-WDS staff: who a new worker is (contract, origin, age, start, qualifications).

Characteristics are chosen to make up what the workers already in post lack
(:func:`fill_to_shares`), so the whole workforce matches the published shares.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Hashable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, TypeVar

from careforce.core.vocab.groups import RoleGroup, ServiceGroup
from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE, SOCIAL_WORKER
from careforce.synthetic import identities as ids
from careforce.synthetic import story
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import AVERAGE_AGE
from careforce.synthetic.sampling import (
    Pick,
    allocate,
    choose,
    fill_to_shares,
    integer,
    nudge_to_total,
    random_date,
    whole_years,
    years_before,
)
from careforce.synthetic.workers import SNAPSHOT_DATES, SNAPSHOT_LABELS, Worker
from careforce.synthetic.workplaces import postcode

K = TypeVar("K", bound=Hashable)
CONTRACT_SPLIT: Final = (0.2, 0.8)
"""How the published "temporary, pool or bank" share splits between temporary (EMPLSTATUS 2)
and pool/bank (3); what is left after permanent goes to agency (4) and other (7) equally."""

QUALIFICATION_SHARES: Final[Mapping[RoleGroup, Mapping[str, float]]] = MappingProxyType(
    {
        RoleGroup.DIRECT_CARE: {"L1": 0.01, "L2": 0.28, "L3": 0.18, "L4": 0.02, "none": 0.51},
        RoleGroup.MANAGERIAL: {"L1": 0.01, "L2": 0.11, "L3": 0.25, "L4": 0.36, "none": 0.27},
        RoleGroup.REGULATED_PROFESSION: {"L1": 0.0, "L2": 0.0, "L3": 0.05, "L4": 0.8, "none": 0.15},
        RoleGroup.OTHER: {"L1": 0.02, "L2": 0.18, "L3": 0.08, "L4": 0.02, "none": 0.7},
    }
)
"""Highest relevant social care qualification by role group: direct care and managerial are the
published 2021/22 shares; regulated professions and other roles are assumed so that the overall
share matches the published 50%."""

CARE_CERTIFICATE_SHARE: Final[Mapping[RoleGroup, float]] = MappingProxyType(
    {
        RoleGroup.DIRECT_CARE: 0.60,
        RoleGroup.MANAGERIAL: 0.45,
        RoleGroup.REGULATED_PROFESSION: 0.20,
        RoleGroup.OTHER: 0.35,
    }
)
"""Share with the Care Certificate completed or in progress: direct care 60% and managerial 45%
published; the others assumed so that the overall share matches the published 54%."""

CARE_CERTIFICATE_COMPLETED: Final = 0.75
"""Of those with the Care Certificate, the share who have completed it (rest in progress)."""

RECRUITMENT_SOURCES: Final[Mapping[str, float]] = MappingProxyType(
    {"5": 0.10, "7": 0.06, "8": 0.08, "10": 0.14, "12": 0.06, "15": 0.16, "17": 0.05, "18": 0.35}
)
"""Where starters not recruited from adult social care came from (relative weights)."""

ADULT_SOCIAL_CARE_SOURCES: Final[Mapping[str, float]] = MappingProxyType({"1": 0.15, "2": 0.85})
"""Starters recruited from adult social care: council (1) or independent (2) employers."""

QUALIFICATION_CODES: Final[Mapping[str, tuple[int, ...]]] = MappingProxyType(
    {
        "L1": (76, 34),
        "L2": (53, 1, 302, 110),
        "L3": (54, 109, 304, 2),
        "L4": (132, 307, 10),
        "nurse": (28, 153),
        "social worker": (16, 17),
    }
)
"""QUALACH codes recorded for a highest qualification at each level."""

MAINJRDESC_OPTIONS: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        23: ("Wellbeing assistant", "Care assistant (nights)", "Companion"),
        27: ("Driver", "Maintenance", "Housekeeper", "Gardener", "Hairdresser"),
    }
)
"""Descriptions given for the two "other" job roles, which need one."""

_DISABLED: Final = Pick(("0", "1", "2", "3", ""), (0.8, 0.03, 0.04, 0.05, 0.08))
_APPRENTICE: Final = Pick(("2", "1", "999", ""), (0.85, 0.03, 0.04, 0.08))
_NON_SOCIAL_CARE: Final = Pick(
    ("2", "1;2", "1;3", "1;4", "1;6", "999", ""), (0.4, 0.15, 0.12, 0.03, 0.05, 0.1, 0.15)
)
_NMC: Final = Pick(("1", "2", "3", ""), (0.8, 0.13, 0.06, 0.01))
_AMHP: Final = Pick(("2", "1", "999"), (0.8, 0.1, 0.1))
_GENDER_ANSWERED: Final = Pick(("", "3", "4", "?"), (0.004, 0.003, 0.001, 0.992))
_CITIZENSHIP: Final = Pick(("1", "2", "999", ""), (0.15, 0.7, 0.1, 0.05))
_VISA: Final = Pick(("2", "999", ""), (0.7, 0.1, 0.2))
_ABROAD: Final = Pick(("1", "2"), (0.6, 0.4))
_SOURCE_ANSWERED: Final = Pick(("16", "", "?"), (0.05, 0.05, 0.9))
_BRITISH_WHITE: Final = Pick.of(ids.BRITISH_WHITE_ETHNICITIES)
_BRITISH_OTHER: Final = Pick.of(ids.BRITISH_OTHER_ETHNICITIES)
_EU: Final = Pick.of(ids.EU_NATIONALITIES)
_NON_EU: Final = Pick.of(ids.NON_EU_NATIONALITIES)
_INITIAL: Final = Pick("ABCDEFGHIJKLMNOPRSTVWY")
_SURNAME: Final = Pick(ids.SURNAMES)
_CONTRACTED_FULL: Final = Pick(
    (30.0, 32.5, 35.0, 36.0, 37.5, 37.5, 37.5, 40.0, 40.0, 42.0, 45.0, 48.0)
)
_CONTRACTED_PART: Final = Pick(
    (6.0, 8.0, 10.0, 12.0, 15.0, 16.0, 18.0, 20.0, 20.0, 22.5, 24.0, 25.0, 27.5, 29.0)
)
_AVERAGE_FULL: Final = Pick((30.0, 32.0, 36.0, 40.0, 45.0))
_AVERAGE_PART: Final = Pick((4.0, 7.5, 10.0, 12.0, 16.0, 20.0, 24.0))


def _fill(
    rng: random.Random,
    new: Sequence[Worker],
    existing: Sequence[Worker],
    key: Callable[[Worker], K],
    shares: Mapping[K, float],
) -> list[K]:
    return fill_to_shares(rng, [key(w) for w in existing], len(new), shares)


def contract_shares(area: AreaProfile, group: ServiceGroup) -> dict[int, float]:
    figures = area.workforce.contracts[group]
    temporary, bank = (figures.temporary_pool_bank * s for s in CONTRACT_SPLIT)
    rest = max(0.0, 1 - figures.permanent - figures.temporary_pool_bank)
    return {1: figures.permanent, 2: temporary, 3: bank, 4: rest / 2, 7: rest / 2}


class WorkerAttributes:
    """Draws the attributes of new workers (a mixin of the simulation, which owns the state)."""

    rng: random.Random
    area: AreaProfile
    person_base: int
    white_by_nationality: dict[str, float]
    shift: story.YearShift = story.YearShift()
    """How the snapshot being populated differs from 2021/22 (set by :meth:`_populate`)."""

    @staticmethod
    def _white_shares(white: float, nationality: Mapping[str, float]) -> dict[str, float]:
        eu, other = 0.88, 0.12
        british = nationality["British"]
        rest = white - nationality["EU"] * eu - nationality["Outside EU"] * other
        return {"British": min(0.99, max(0.3, rest / british)), "EU": eu, "Outside EU": other}

    def _identify(self, worker: Worker) -> None:
        """Details nothing in the simulation depends on, drawn only for workers who are written
        (so not for the base snapshot's leavers)."""
        rng = self.rng
        workplace, role = worker.workplace, worker.role
        worker.worker_id = f"{worker.serial:06d}"
        worker.ni = ids.ni_number(self.person_base + worker.serial) if rng.random() < 0.96 else ""
        worker.display = f"{_INITIAL(rng)} {_SURNAME(rng)}"
        if rng.random() < 0.96:
            district = workplace.district
            if rng.random() < 0.2:
                district = choose(rng, self.area.districts)
            worker.home_postcode = postcode(rng, choose(rng, district.outward_codes))
        worker.disabled = _DISABLED(rng)
        worker.apprentice = _APPRENTICE(rng)
        worker.nonscqual = _NON_SOCIAL_CARE(rng)
        if role in MAINJRDESC_OPTIONS:
            worker.role_description = choose(rng, MAINJRDESC_OPTIONS[role])
        if role == REGISTERED_NURSE:
            worker.nmc_register = _NMC(rng)
        if role == SOCIAL_WORKER:
            worker.amhp = _AMHP(rng)
        self._qualification_codes(worker)

    def _assign_contracts(self, new: list[Worker], existing: list[Worker]) -> None:
        """Contract, zero hours and full-time working, by service group."""
        rng = self.rng
        managers = [w for w in new if w.role == REGISTERED_MANAGER]
        for w in managers:
            w.contract, w.zero_hours, w.full_time = 1, "2", True
        others = [w for w in new if w.role != REGISTERED_MANAGER]
        for group in ServiceGroup:
            members = [w for w in others if w.workplace.group is group]
            if not members:
                continue
            have = [w for w in [*existing, *managers] if w.workplace.group is group]
            figures = self.area.workforce.contracts[group]
            zero_hours = figures.zero_hours * self.shift.zero_hours
            full_time = min(0.99, max(0.01, figures.full_time + self.shift.full_time))
            contracts = _fill(
                rng, members, have, lambda w: w.contract, contract_shares(self.area, group)
            )
            for w, contract in zip(members, contracts, strict=True):
                w.contract = contract
            unknown = [w for w in members if rng.random() < 0.01]
            for w in unknown:
                w.zero_hours = "999"
            known = [w for w in members if w.zero_hours != "999"]
            zero = _fill(
                rng,
                known,
                [w for w in have if w.zero_hours != "999"],
                lambda w: w.zero_hours,
                {"1": zero_hours, "2": 1 - zero_hours},
            )
            for w, answer in zip(known, zero, strict=True):
                w.zero_hours = answer
            full = _fill(
                rng,
                members,
                have,
                lambda w: w.full_time,
                {True: full_time, False: 1 - full_time},
            )
            for w, is_full in zip(members, full, strict=True):
                w.full_time = is_full
        for w in new:
            if w.contract not in (1, 2) or w.zero_hours == "1":
                w.hours = (_AVERAGE_FULL if w.full_time else _AVERAGE_PART)(rng)
            else:
                w.hours = (_CONTRACTED_FULL if w.full_time else _CONTRACTED_PART)(rng)
            # Permanent or temporary staff who do not know whether they are on a zero-hours
            # contract can give neither contracted nor average hours without a finding.
            w.hours_known = not (w.contract in (1, 2) and w.zero_hours == "999")

    def _assign_demographics(
        self, new: list[Worker], existing: list[Worker], snapshot: int
    ) -> None:
        self._assign_sex(new, existing)
        self._assign_ages(new, existing, snapshot)
        self._assign_origins(new, existing)

    def _assign_sex(self, new: list[Worker], existing: list[Worker]) -> None:
        """A few blank, don't know or other; the rest female or male in the published ratio."""
        rng = self.rng
        female = self.area.workforce.female + self.shift.female
        for w in new:
            w.gender = _GENDER_ANSWERED(rng)
        known = [w for w in new if w.gender == "?"]
        sexes = _fill(
            rng,
            known,
            [w for w in existing if w.gender in ("1", "2")],
            lambda w: w.gender,
            {"2": female, "1": 1 - female},
        )
        for w, sex in zip(known, sexes, strict=True):
            w.gender = sex

    def _assign_ages(self, new: list[Worker], existing: list[Worker], snapshot: int) -> None:
        """Age band at this snapshot, then an age inside it; the mean age is calibrated by
        moving the new workers' ages within their bands."""
        rng = self.rng
        day = SNAPSHOT_DATES[snapshot]
        bands = _fill(rng, new, existing, lambda w: self._band(w, day), self._age_shares())
        last = len(SNAPSHOT_DATES) - 1
        ages: list[int] = []
        lower: list[int] = []
        upper: list[int] = []
        for band in bands:
            low, high, mode = story.AGE_BANDS[band]
            # Nobody is older than the oldest band's top age at the last snapshot.
            high = min(high, story.AGE_BANDS["55 and over"][1] - (last - snapshot))
            ages.append(min(high, max(low, round(rng.triangular(low, high + 0.99, mode) - 0.49))))
            lower.append(low)
            upper.append(high)
        fixed = sum(whole_years(w.dob, day) for w in existing)
        average = AVERAGE_AGE + self.shift.average_age
        goal = round(average * (len(existing) + len(new))) - fixed
        nudge_to_total(rng, ages, range(len(ages)), lower, upper, goal)
        for w, age in zip(new, ages, strict=True):
            w.dob = years_before(day, age) - dt.timedelta(days=int(rng.random() * 365))

    def _age_shares(self) -> dict[str, float]:
        """The area's age band shares, moved by the year's shift towards the oldest band."""
        shares = dict(self.area.workforce.age_bands)
        older = self.shift.older
        middle = [band for band in shares if band not in ("under 25", "55 and over")]
        middle_total = sum(shares[band] for band in middle)
        shares["55 and over"] += older
        shares["under 25"] -= older / 3
        for band in middle:
            shares[band] -= older * 2 / 3 * shares[band] / middle_total
        return shares

    def _year_nationality(self) -> dict[str, float]:
        """The area's nationality shares, moved by the year's shift in the British share."""
        shares = dict(self.area.workforce.nationality)
        change = self.shift.british
        shares["British"] += change
        shares["EU"] = max(0.0, shares["EU"] - change * 0.25)
        shares["Outside EU"] = max(0.0, shares["Outside EU"] - change * 0.75)
        return shares

    def _assign_origins(self, new: list[Worker], existing: list[Worker]) -> None:
        """Nationality group, then ethnicity group within it, then the codes."""
        rng = self.rng
        for w in new:
            w.nationality_group = "?" if rng.random() < 0.97 else "Unknown"
        known = [w for w in new if w.nationality_group == "?"]
        groups = _fill(
            rng,
            known,
            [w for w in existing if w.nationality_group != "Unknown"],
            lambda w: w.nationality_group,
            self._year_nationality(),
        )
        for w, group in zip(known, groups, strict=True):
            w.nationality_group = group
        for w in new:
            w.ethnicity_group = "?" if rng.random() < 0.97 else "Unknown"
        for group, white in self.white_by_nationality.items():
            members = [w for w in new if w.ethnicity_group == "?" and w.nationality_group == group]
            have = [
                w
                for w in existing
                if w.nationality_group == group and w.ethnicity_group != "Unknown"
            ]
            chosen = _fill(
                rng,
                members,
                have,
                lambda w: w.ethnicity_group,
                {"White": white, "Other": 1 - white},
            )
            for w, ethnic in zip(members, chosen, strict=True):
                w.ethnicity_group = ethnic
        for w in new:
            if w.ethnicity_group == "?":
                w.ethnicity_group = rng.choices(("White", "Other"), (0.9, 0.1))[0]
            self._codes(w)

    @staticmethod
    def _band(worker: Worker, day: dt.date) -> str:
        age = whole_years(worker.dob, day)
        for band, (low, high, _) in story.AGE_BANDS.items():
            if low <= age <= high:
                return band
        return "under 25" if age < low else "55 and over"

    def _codes(self, w: Worker) -> None:
        """Nationality, ethnicity, country of birth, citizenship and visa codes."""
        rng = self.rng
        group = w.nationality_group
        if group in {"British", "Unknown"}:
            code = 826 if group == "British" else 0
            w.nationality = "826" if group == "British" else choose(rng, ("998", ""))
            ethnic = _BRITISH_WHITE(rng) if w.ethnicity_group == "White" else _BRITISH_OTHER(rng)
            born_abroad = rng.random() < (0.02 if w.ethnicity_group == "White" else 0.45)
            country = ids.BIRTH_COUNTRY_BY_ETHNICITY.get(ethnic, 999) if born_abroad else 826
            if code == 0:
                country = choose(rng, (826, 998))
        else:
            code = (_EU if group == "EU" else _NON_EU)(rng)
            w.nationality = str(code)
            if w.ethnicity_group == "White":
                ethnic = 32 if code == 372 else 34
            else:
                ethnic = (
                    ids.ETHNICITY_BY_COUNTRY.get(code, 98)
                    if group != "EU"
                    else choose(rng, (38, 44, 98))
                )
            country = code if rng.random() < 0.95 else 998
            w.citizenship = _CITIZENSHIP(rng)
        w.ethnicity = (
            "99"
            if w.ethnicity_group == "Unknown" and rng.random() < 0.85
            else ("" if w.ethnicity_group == "Unknown" else str(ethnic))
        )
        w.country = "" if rng.random() < 0.01 else str(country)

    def _complete_arrival(self, w: Worker) -> None:
        """Year of entry, visa and recruited-abroad answers (need the start date)."""
        rng = self.rng
        if w.country not in ("", "826", "998") and rng.random() < 0.8:
            latest = min(w.start_date.year, SNAPSHOT_DATES[w.first].year)
            first = w.dob.year
            if w.nationality == "826":
                latest = min(latest, w.dob.year + 20)
            else:
                first = max(first, latest - 15)
            w.year_of_entry = str(integer(rng, first, max(first, latest)))
        non_british = w.nationality not in ("", "826", "998")
        if non_british and w.citizenship != "1":
            recent = w.start_date >= dt.date(2022, 2, 15)
            if w.nationality_group == "Outside EU" and recent:
                w.visa = "1"
            else:
                w.visa = _VISA(rng)
            if w.visa == "1":
                w.recruited_abroad = _ABROAD(rng)

    def _assign_start(self, new: list[Worker], snapshot: int) -> None:
        rng = self.rng
        day = SNAPSHOT_DATES[snapshot]
        for w in new:
            earliest_start = years_before(w.dob, -16)
            if snapshot == 0:
                years = min(rng.expovariate(1 / 4.5), max(0.0, (day - earliest_start).days / 365))
                w.start_date = max(earliest_start, day - dt.timedelta(days=int(years * 365.25)))
            else:
                first = max(SNAPSHOT_DATES[snapshot - 1] + dt.timedelta(1), earliest_start)
                w.start_date = random_date(rng, first, day)
            w.start_date_known = snapshot > 0 or rng.random() > 0.01
            self._complete_arrival(w)

    def _assign_experience(self, new: list[Worker], snapshot: int) -> None:
        """Year started in the sector (STARTINSECT), before calibration."""
        rng = self.rng
        year = SNAPSHOT_DATES[snapshot].year
        for w in new:
            latest = w.start_date.year
            earliest = w.dob.year + 14
            if rng.random() < 0.04:
                w.in_sector = 0
                continue
            if snapshot == 0:
                experience = rng.gammavariate(1.3, 8.5 / 1.3)
            elif w.recruitment_source in ("1", "2", "8"):
                experience = rng.uniform(1, 14)
            elif w.recruitment_source in ("5", "7", "12"):
                experience = rng.uniform(0, 5)
            else:
                experience = 0.0
            w.in_sector = min(latest, max(earliest, year - round(experience)))

    def _assign_qualifications(self, new: list[Worker], existing: list[Worker]) -> None:
        rng = self.rng
        for group in RoleGroup:
            members = [w for w in new if w.role_group is group]
            if not members:
                continue
            have = [w for w in existing if w.role_group is group]
            unknown = [w for w in members if rng.random() < 0.04]
            for w in unknown:
                w.qualification = "unknown"
            known = [w for w in members if w.qualification != "unknown"]
            levels = _fill(
                rng,
                known,
                [w for w in have if w.qualification != "unknown"],
                lambda w: w.qualification,
                self._qualification_shares(group),
            )
            for w, level in zip(known, levels, strict=True):
                w.qualification = level
            share = min(
                0.99, max(0.01, CARE_CERTIFICATE_SHARE[group] + self.shift.care_certificate)
            )
            for w in members:
                w.care_certificate = "" if rng.random() < 0.05 else "?"
            known = [w for w in members if w.care_certificate == "?"]
            certificates = _fill(
                rng,
                known,
                [w for w in have if w.care_certificate],
                lambda w: w.care_certificate,
                {
                    "1": share * CARE_CERTIFICATE_COMPLETED,
                    "3": share * (1 - CARE_CERTIFICATE_COMPLETED),
                    "2": 1 - share,
                },
            )
            for w, answer in zip(known, certificates, strict=True):
                w.care_certificate = answer

    def _qualification_shares(self, group: RoleGroup) -> dict[str, float]:
        """A role group's qualification shares, moved by the year's shift out of "none"."""
        shares = dict(QUALIFICATION_SHARES[group])
        moved = min(self.shift.qualified, shares["none"])
        shares["none"] -= moved
        shares["L2"] += moved * 0.6
        shares["L3"] += moved * 0.4
        return shares

    def _qualification_codes(self, w: Worker) -> None:
        rng = self.rng
        if w.qualification == "unknown":
            w.scqual = "999"
            return
        if w.qualification == "none":
            w.scqual = "2"
            return
        if w.qualification == "L1":
            level = choose(rng, (0, 1))
        elif w.qualification == "L4":
            level = (
                6
                if w.role_group is RoleGroup.REGULATED_PROFESSION
                else choose(rng, (4, 5, 5, 5, 6))
            )
        else:
            level = int(w.qualification[1])
        w.scqual = f"1;{level}"
        if rng.random() < 0.15:
            return
        if w.role == REGISTERED_NURSE:
            codes = QUALIFICATION_CODES["nurse"]
        elif w.role == SOCIAL_WORKER:
            codes = QUALIFICATION_CODES["social worker"]
        else:
            codes = QUALIFICATION_CODES[w.qualification]
        latest = min(SNAPSHOT_DATES[w.first].year, w.start_date.year + 3)
        earliest = min(latest, max(w.dob.year + 17, latest - 15))
        w.quals = [(choose(rng, codes), integer(rng, earliest, latest))]
        if rng.random() < 0.2:
            w.quals.append((choose(rng, (52, 90, 133, 103)), integer(rng, earliest, latest)))

    def _assign_sources(self, new: list[Worker], snapshot: int) -> None:
        """RECSOURCE: for starters, the published share from adult social care."""
        rng = self.rng
        if snapshot == 0:
            from_care = 0.6
        else:
            label = SNAPSHOT_LABELS[snapshot]
            from_care = self.area.workforce.retention[label].leavers_remaining_in_sector
        for w in new:
            w.recruitment_source = _SOURCE_ANSWERED(rng)
        for employed in (True, False):
            known = [w for w in new if w.recruitment_source == "?" and w.employed is employed]
            sources = {
                **{k: v * from_care for k, v in ADULT_SOCIAL_CARE_SOURCES.items()},
                **{
                    k: v * (1 - from_care) / sum(RECRUITMENT_SOURCES.values())
                    for k, v in RECRUITMENT_SOURCES.items()
                },
            }
            for w, source in zip(
                known, allocate(rng, len(known), list(sources), list(sources.values())), strict=True
            ):
                w.recruitment_source = source

    def _populate(self, new: list[Worker], existing: list[Worker], snapshot: int) -> None:
        self.shift = story.year_shift(SNAPSHOT_LABELS[snapshot])
        targets = self.area.workforce
        self.white_by_nationality = self._white_shares(
            targets.white + self.shift.white, self._year_nationality()
        )
        self._assign_contracts(new, existing)
        self._assign_sources(new, snapshot)
        self._assign_demographics(new, existing, snapshot)
        self._assign_start(new, snapshot)
        self._assign_experience(new, snapshot)
        self._assign_qualifications(new, existing)
