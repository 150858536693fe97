"""The analysts' page of coverage and locations that have not returned, and the coverage said
on measure pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from django.urls import reverse

from careforce.core.indicators.catalogue import measure
from careforce.core.vocab.published import PUBLISHED_SCHEMA
from careforce.web.apps.indicators.coverage import coverage_of
from careforce.web.apps.indicators.presentation import Filters
from careforce.web.backend import publications
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.publications import Published
from careforce.web.models.indicators.models import Publication
from estimates_support import estimates_folder
from web_support import page_of

pytestmark = pytest.mark.integration

PAGE = "submissions:estimate-list"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return estimates_folder(tmp_path_factory.mktemp("estimates"))


class TestEstimatesPage:
    def test_coverage_and_locations_not_returned(
        self, client_as: Callable[[str], Any], settings: Any, folder: Path
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(folder)
        page = page_of(client_as("analyst").get(reverse(PAGE)))
        assert page.text("h1") == "Coverage and locations that have not returned"
        rows = page.table(".govuk-table")
        assert rows == [
            ["residential", "12", "8", "66.7%", "54.0%"],
            ["all", "12", "8", "66.7%", "54.0%"],
        ]
        assert "Locations that have not returned (4)" in page.html
        locations = page.texts(".govuk-table")[1]
        assert locations.endswith("1-100000011 residential 32 48 Modelled")

    def test_filled_posts_and_people(
        self, client_as: Callable[[str], Any], settings: Any, folder: Path
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(folder)
        page = page_of(client_as("analyst").get(reverse(PAGE)))
        # Every staff record of the returns is a person of their own: one post a person.
        assert page.texts(".govuk-summary-list__value") == [
            "378",
            "378 (95% interval 375 to 378); 1.00 posts per person (1.00 in the returns alone)",
        ]
        assert "Headcount (people) is estimated as Skills for Care does" in page.text(
            ".careforce-estimates-note"
        )

    def test_without_estimates_says_so(
        self, client_as: Callable[[str], Any], settings: Any
    ) -> None:
        settings.CAREFORCE_ESTIMATES = None
        page = page_of(client_as("administrator").get(reverse(PAGE)))
        assert "No whole-sector estimates are configured." in page.html

    def test_providers_are_refused(
        self, client_as: Callable[[str], Any], settings: Any, folder: Path
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(folder)
        response = client_as("provider_a").get(reverse(PAGE))
        assert response.status_code == 403
        assert "1-100000011" not in response.content.decode()


def _published(rows: list[tuple[str, float]]) -> Published:
    table = pl.DataFrame(
        [
            {
                "measure_id": m,
                "period": "2026/27",
                "area_code": "E10000028",
                "area_name": "Staffordshire",
                "breakdown": "total",
                "breakdown_value": "all",
                "value": v,
            }
            for m, v in rows
        ]
    ).match_to_schema(PUBLISHED_SCHEMA, missing_columns="insert")
    return Published(
        1, dt.datetime(2026, 10, 1, tzinfo=dt.UTC), table, pl.DataFrame(), pl.DataFrame()
    )


FILTERS = Filters("2026/27", "E10000028", "Staffordshire")


class TestCoverageOf:
    def test_returns_only_measure_says_so_and_warns_when_low(self) -> None:
        published = _published([("coverage_locations_share", 0.4), ("coverage_posts_share", 0.55)])
        found = coverage_of(published, measure("filled_posts"), FILTERS)
        assert found is not None
        assert found.text == (
            "Returns cover 40.0% of the in-scope CQC-registered locations and 55.0% of their "
            "estimated filled posts in Staffordshire, 2026/27. This measure counts the returns "
            "only, not the whole sector."
        )
        assert found.warning.startswith("Fewer than 50% of the area's registered locations")

    def test_estimate_measure_is_called_an_estimate(self) -> None:
        published = _published([("coverage_locations_share", 0.7)])
        found = coverage_of(published, measure("filled_posts_estimate"), FILTERS)
        assert found is not None
        assert "This is a whole-sector estimate" in found.text
        assert found.warning == ""

    def test_nothing_without_estimates(self) -> None:
        assert coverage_of(_published([]), measure("filled_posts"), FILTERS) is None


class TestPublicationWithEstimates:
    def test_estimates_and_coverage_are_published(
        self, db: None, site: Any, settings: Any, folder: Path
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(folder)
        publication = publications.request_publication(reason="estimates")
        run_pending()
        done = Publication.objects.get(pk=publication)
        assert done.status == "ready", done.message
        published = publications.published()
        assert published is not None
        rows = published.table.filter(
            (pl.col("measure_id") == "coverage_locations_share") & (pl.col("breakdown") == "total")
        )
        assert rows.select("period", "area_code", "value").rows() == [
            ("2026/27", "E10000028", pytest.approx(8 / 12))
        ]

    def test_every_measure_download_carries_the_coverage(
        self, db: None, site: Any, settings: Any, folder: Path, client_as: Callable[[str], Any]
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(folder)
        publications.request_publication(reason="estimates")
        run_pending()
        client = client_as("public")
        query = {"period": "2026/27", "area": "E10000028"}
        for measure_id in ("filled_posts_estimate", "hourly_pay_median_weighted"):
            url = reverse("indicators:measure-download", args=[measure_id, "csv"])
            text = client.get(url, query).content.decode("utf-8-sig")
            coverage = [
                row
                for row in csv.DictReader(io.StringIO(text))
                if row["table"].startswith("Coverage of the returns")
            ]
            assert [(r["coverage"], r["value"]) for r in coverage[:2]] == [
                ("In-scope registered locations with a return", "66.7%"),
                # Published from the rounded posts: 205 of 380.
                ("Estimated filled posts of those locations given by returns", "53.9%"),
            ], measure_id
            assert coverage[2]["note"].startswith("None: at least 50%")
        ods = client.get(
            reverse("indicators:measure-download", args=["filled_posts_estimate", "xlsx"]), query
        )
        assert ods.status_code == 200
        book = openpyxl.load_workbook(io.BytesIO(ods.content))
        assert "Coverage" in book.sheetnames
        cover = " ".join(str(c.value) for row in book["Cover"].iter_rows() for c in row if c.value)
        assert "Returns cover 66.7% of the in-scope CQC-registered locations" in cover
