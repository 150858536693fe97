"""Combined filters of the measure pages: sector × service group × job role in an area and a
period, from the crossed breakdowns of the publication, with withheld cells explained."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.indicators.crossings import crossed_parts
from careforce.web.backend.publications import published
from web_support import Site, page_of

pytestmark = pytest.mark.integration

WITHHELD = "Withheld: fewer than 10 workers or fewer than 3 workplaces"


@pytest.fixture
def table(site: Site) -> pl.DataFrame:
    found = published()
    assert found is not None
    return found.table


def _query(row: dict[str, Any]) -> dict[str, str]:
    query = {"period": row["period"], "area": row["area_code"]}
    for dimension, value in crossed_parts(row["breakdown"], row["breakdown_value"]).items():
        if dimension in ("key_role", "job_role_group"):
            query["job_role"] = f"{dimension}:{value}"
        else:
            query[dimension] = value
    return query


def _crossed(
    table: pl.DataFrame, measure_id: str, breakdown: str, *, withheld: bool
) -> dict[str, Any]:
    symbol = pl.col("symbol") == "[c]"
    rows = table.filter(
        (pl.col("measure_id") == measure_id)
        & (pl.col("breakdown") == breakdown)
        & (symbol if withheld else pl.col("symbol").is_null())
        # the job role filter offers the key job roles, not the rest ("other roles")
        & ~pl.col("breakdown_value").str.ends_with("/other roles")
    )
    assert rows.height, f"no {'withheld' if withheld else 'published'} {breakdown} cell"
    return rows.row(0, named=True)


class TestCombinedFilters:
    def test_sector_service_group_and_job_role_together(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        row = _crossed(table, "filled_posts", "sector/service_group/key_role", withheld=False)
        response = client_as("public").get(
            reverse("indicators:measure-detail", args=["filled_posts"]), _query(row)
        )
        page = page_of(response)
        assert response.status_code == 200
        assert page.text(".careforce-headline") == f"{row['value']:,.0f}"
        sector, group, role = row["breakdown_value"].split("/")
        assert f"sector: {sector}; service group: {group}; key job role: {role}" in page.text(
            ".govuk-caption-l"
        )
        assert not page.all(".govuk-inset-text.careforce-withheld")

    def test_a_withheld_combination_says_why(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        row = _crossed(table, "filled_posts", "sector/service_group/key_role", withheld=True)
        page = page_of(
            client_as("public").get(
                reverse("indicators:measure-detail", args=["filled_posts"]), _query(row)
            )
        )
        assert page.text(".careforce-headline") == "[c]"
        assert page.text(".govuk-inset-text.careforce-withheld").startswith(WITHHELD)

    def test_a_population_is_broken_down_by_what_it_is_crossed_with(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        page = page_of(
            client_as("public").get(
                reverse("indicators:measure-detail", args=["filled_posts"]),
                {"service_group": "home care"},
            )
        )
        tables = {
            " ".join("".join(t.query("caption").etree_element.itertext()).split()): t
            for t in page.all("table.govuk-table")
        }
        title = next(c for c in tables if "by key job role, service group: home care" in c)
        shown = [
            " ".join("".join(row.query("th, td").etree_element.itertext()).split())
            for row in tables[title].query_all("tbody tr")
        ]
        period = page.text(".govuk-caption-l").split(" · ")[1]
        cells = table.filter(
            (pl.col("measure_id") == "filled_posts")
            & (pl.col("period") == period)
            & (pl.col("breakdown") == "service_group/key_role")
            & pl.col("breakdown_value").str.starts_with("home care/")
        )
        assert shown == [v.removeprefix("home care/") for v in cells["breakdown_value"]]

    def test_overview_and_download_of_a_combination(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        row = _crossed(table, "filled_posts", "sector/key_role", withheld=False)
        client = client_as("public")
        response = client.get(
            reverse("indicators:measure-download", args=["filled_posts", "csv"]), _query(row)
        )
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        headline = [r for r in rows if r["breakdown"] == "sector/key_role"]
        assert headline
        assert {r["breakdown_value"] for r in headline} == {row["breakdown_value"]}
        overview = page_of(client.get(reverse("indicators:measure-list"), _query(row)))
        posts = next(r for r in overview.table(".govuk-table") if r[0] == "Filled posts")
        assert posts[1] == f"{row['value']:,.0f}"

    def test_category_shares_are_not_combined(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(
            client_as("public").get(
                reverse("indicators:measure-detail", args=["contract_share"]),
                {"sector": "independent", "service_group": "residential"},
            )
        )
        assert "not for a combination of them" in page.text("#measure-summary")
