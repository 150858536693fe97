"""Every workplace, and so every organisation made from them, has a name of its own."""

from __future__ import annotations

import random

import polars as pl
import pytest

from careforce.synthetic.ascwds_returns import simulate_area
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.workplaces import plan_workplaces

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


def test_national_workplace_references_are_unique_across_councils() -> None:
    # Hartlepool, Bolton and the City of London: each council's references start with its code.
    councils = {a.code: a for a in build_profile("england", scale=0.02).areas}
    references = [
        w.local_id
        for code in ("E06000001", "E08000001", "E09000001")
        for w in plan_workplaces(councils[code], random.Random(7))
    ]
    assert references[0] == "WPE06000001-00001"
    assert len(set(references)) == len(references)


def test_a_county_alone_keeps_short_references(staffordshire) -> None:
    references = staffordshire.years["2021-22"].workplace["LOCALESTID"].to_list()
    assert references[0] == "WP00001"
