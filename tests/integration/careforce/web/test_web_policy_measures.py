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
