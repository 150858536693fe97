"""Every measure of the 2024–26 policy block has a measure page and a headline in the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.indicators.catalogue_policy import POLICY_MEASURES
from careforce.web.backend.publications import published
from web_support import page_of

pytestmark = pytest.mark.integration

IDS = sorted({m.id for m in POLICY_MEASURES})


@pytest.mark.parametrize("measure_id", IDS)
def test_measure_page_shows_the_measure(client_as: Callable[[str], Any], measure_id: str) -> None:
    response = client_as("public").get(reverse("indicators:measure-detail", args=[measure_id]))
    assert response.status_code == 200
    name = next(m.name for m in POLICY_MEASURES if m.id == measure_id)
    assert name in page_of(response).text("h1")


def test_headcount_is_listed_beside_filled_posts(client_as: Callable[[str], Any]) -> None:
    page = page_of(client_as("public").get(reverse("indicators:measure-list")))
    names = page.texts(".govuk-table tbody th")
    assert names.index("Headcount (people)") == names.index("Filled posts") + 1


def test_the_filled_posts_page_says_how_many_people_hold_them(
    client_as: Callable[[str], Any],
) -> None:
    found = published()
    assert found is not None
    latest = max(found.periods)
    people = found.table.filter(
        (pl.col("measure_id") == "headcount")
        & (pl.col("breakdown") == "total")
        & (pl.col("period") == latest)
    )["value"][0]
    page = page_of(
        client_as("public").get(reverse("indicators:measure-detail", args=["filled_posts"]))
    )
    assert f"The posts were held by {people:,.0f} people (headcount" in page.text(
        ".govuk-main-wrapper"
    )


def test_the_filled_posts_breakdowns_have_a_people_column(
    client_as: Callable[[str], Any],
) -> None:
    found = published()
    assert found is not None
    latest = max(found.periods)
    people = found.table.filter(
        (pl.col("measure_id") == "headcount")
        & (pl.col("breakdown") == "sex")
        & (pl.col("period") == latest)
    )
    expected = {
        row["breakdown_value"]: row["symbol"] or f"{row['value']:,.0f}"
        for row in people.iter_rows(named=True)
    }
    assert expected
    page = page_of(
        client_as("public").get(reverse("indicators:measure-detail", args=["filled_posts"]))
    )
    tables = [t for t in page.all(".govuk-table") if "by sex" in page_text(t)]
    assert tables
    head = [" ".join(th.etree_element.itertext()).strip() for th in tables[0].query_all("thead th")]
    assert head[-1] == "People (headcount)"
    shown = {
        " ".join(cells[0].etree_element.itertext()).strip(): " ".join(
            cells[-1].etree_element.itertext()
        ).strip()
        for cells in (list(row.query_all("th, td")) for row in tables[0].query_all("tbody tr"))
    }
    assert shown == expected


def page_text(element: Any) -> str:
    return " ".join("".join(element.etree_element.itertext()).split())
