"""Every workplace, and so every organisation made from them, has a name of its own."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.synthetic.ascwds_returns import simulate_area
from careforce.synthetic.profiles import build_profile

pytestmark = pytest.mark.unit


def test_workplace_names_are_unique(staffordshire) -> None:
    names = staffordshire.years["2021-22"].workplace["ESTNAME"].to_list()
    assert len(names) == 702
    assert len(set(names)) == len(names)


def test_group_providers_have_names_of_their_own(staffordshire) -> None:
    """An independent organisation is named by its group's brand (the part before " - ") or,
    for a single site, by the workplace: no two organisations share a name (the council's
    workplaces make one organisation, the council)."""
    workplace = staffordshire.years["2021-22"].workplace.filter(
        ~pl.col("ESTTYPE").is_in(["1", "3"])
    )
    by_provider: dict[str, set[str]] = {}
    singles = []
    for name, provider in workplace.select("ESTNAME", "PROVNUM").iter_rows():
        if " - " in name:
            by_provider.setdefault(provider, set()).add(name.split(" - ")[0])
        else:
            singles.append(name)
    brands = [brand for names in by_provider.values() for brand in names]
    assert len(brands) == len(by_provider)
    assert len(set(brands) | set(singles)) == len(brands) + len(singles)


@pytest.mark.parametrize("code", ["E09000033", "E06000018"])
def test_other_councils_names_are_unique(code) -> None:
    area = next(a for a in build_profile("england", scale=0.2).areas if a.code == code)
    names = [w.name for w in simulate_area(area, seed=7).workplaces]
    assert len(set(names)) == len(names)
