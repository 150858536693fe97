"""Synthetic answers to the ASC-WDS questions added since 2024: delegated healthcare activities
(workplace DHA and DHAACTIVITIES, staff DHA), the Care Workforce Pathway (CWPAWARE, CWPUSE,
CWPCATEGORY) and the Level 2 Adult Social Care Certificate (L2CARECERT).

The questions did not exist in 2020–22, the years of the demo; the answers are illustrative,
so the measures that read them can be shown. Shares are assumptions, not published figures
(Skills for Care had not published national figures for these questions when they were set).
Each record draws from its own generator seeded by its reference, so adding these answers
leaves every other value of the demo unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.staff_codes import DHA_JOB_ROLES
from careforce.core.vocab.workplace_codes import DHA_SERVICES
from careforce.synthetic.sampling import Pick, make_rng

SEED_LABEL: Final = "policy-answers"
"""Label of the generators of these answers (apart from the simulation's own)."""

WORKPLACE_DHA: Final = Pick(("1", "2", "999", ""), (0.35, 0.45, 0.05, 0.15))
"""DHA of a workplace whose main service may carry out delegated healthcare (assumption)."""
DHA_ACTIVITY_CHANCE: Final = 0.3
"""Chance that a DHA workplace carries out each of the eight activities (assumption)."""
CWP_AWARENESS: Final = Pick(("1", "2", "3", "4", "999", ""), (0.15, 0.2, 0.25, 0.25, 0.05, 0.1))
"""CWPAWARE answers (assumption)."""
CWP_USE_IF_AWARE: Final = Pick(("1", "2", "999"), (0.35, 0.55, 0.1))
"""CWPUSE of a workplace aware of the pathway (assumption; unaware workplaces answer 2)."""
WORKER_DHA: Final = Pick(("1", "2", "999", ""), (0.3, 0.5, 0.05, 0.15))
"""DHA of a worker in a DHA role at a workplace that carries out DHA (assumption)."""
L2_CERTIFICATE: Final = Pick(("1", "2", "3", ""), (0.1, 0.06, 0.6, 0.24))
"""L2CARECERT of direct care workers (assumption); other roles mostly leave it blank."""
L2_OTHER_ROLES: Final = Pick(("1", "3", ""), (0.02, 0.3, 0.68))
"""L2CARECERT of other roles (assumption)."""
CWP_UNKNOWN: Final = Pick(("", "999", "known"), (0.2, 0.05, 0.75))
"""Share of staff records whose CWPCATEGORY is blank or don't know (assumption)."""

CWP_CATEGORY_BY_ROLE: Final[Mapping[int, str]] = MappingProxyType(
    {8: "2", 52: "2", 9: "2", 23: "2", 7: "3", 5: "4", 45: "4", 40: "4", 43: "6", 4: "7"}
)
"""Care Workforce Pathway category of each job role (care and support workers 2, senior care
workers 3, supervisors and team leaders 4, deputy managers 6, registered managers 7); other
roles are 998 (none of the above). New care and support workers are 1 (new to care)."""
DIRECT_CARE_ROLES: Final = frozenset({7, 8, 9, 23, 52, 34, 40})
"""Roles whose staff the Level 2 certificate is meant for."""
NEW_TO_CARE_YEAR: Final = 2021
"""Care and support workers who started in the sector this year or later are new to care."""


@lru_cache(maxsize=8192)
def workplace_answers(local_id: str, main_service: int) -> dict[str, str]:
    """DHA, DHAACTIVITIES, CWPAWARE and CWPUSE of a workplace."""
    rng = make_rng(0, SEED_LABEL, "workplace", local_id)
    dha = WORKPLACE_DHA(rng) if main_service in DHA_SERVICES else ""
    activities = ""
    if dha == "1":
        chosen = [str(code) for code in range(1, 9) if rng.random() < DHA_ACTIVITY_CHANCE]
        activities = ";".join(chosen) if chosen else "999"
    aware = CWP_AWARENESS(rng)
    use = ""
    if aware in ("1", "2", "3"):
        use = CWP_USE_IF_AWARE(rng)
        if use == "1":
            reasons = sorted(rng.sample(range(1, 10), rng.randint(1, 3)))
            use = ";".join(["1", *(str(r) for r in reasons)])
    elif aware == "4":
        use = "2"
    return {"DHA": dha, "DHAACTIVITIES": activities, "CWPAWARE": aware, "CWPUSE": use}


def worker_answers(
    worker_id: str, *, role: int, in_sector: int, workplace_dha: str
) -> tuple[str, str, str]:
    """L2CARECERT, DHA and CWPCATEGORY of a staff record."""
    rng = make_rng(0, SEED_LABEL, "worker", worker_id)
    l2 = L2_CERTIFICATE(rng) if role in DIRECT_CARE_ROLES else L2_OTHER_ROLES(rng)
    dha = WORKER_DHA(rng) if workplace_dha == "1" and role in DHA_JOB_ROLES else ""
    known = CWP_UNKNOWN(rng)
    if known != "known":
        category = known
    else:
        category = CWP_CATEGORY_BY_ROLE.get(role, "998")
        if category == "2" and in_sector >= NEW_TO_CARE_YEAR:
            category = "1"
    return l2, dha, category
