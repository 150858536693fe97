"""The provider benchmarks page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.publishing.benchmarks import BENCHMARKS as BENCHMARK_MEASURES
from careforce.web.backend import benchmarks
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.benchmarks import NoBenchmarkDataError, provider_benchmarks
from web_support import PROVIDER_A_WORKPLACES, Site, page_of

pytestmark = pytest.mark.integration


class TestBenchmarkPage:
    def test_table_of_every_measure_and_group(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("provider_a").get(reverse("benchmarks:benchmark-show")))
        assert page.texts(".govuk-table thead th") == [
            "Measure",
            "This workplace",
            "Same main service in the area",
            "All workplaces in the area",
        ]
        rows = page.table(".govuk-table")
        assert [row[0] for row in rows] == [m.name for m in BENCHMARK_MEASURES]

    def test_workplace_select_offers_only_own_workplaces(
        self, client_as: Callable[[str], Any]
    ) -> None:
        page = page_of(client_as("provider_a").get(reverse("benchmarks:benchmark-show")))
        options = page.all("select[name=workplace] option")
        assert len(options) == PROVIDER_A_WORKPLACES

    def test_small_comparison_groups_are_withheld(self, site: Site) -> None:
        report = provider_benchmarks(
            viewer=Viewer.of(site.user("provider_a")), organisation_id=site.provider_a
        )
        same_service = report.sizes.filter(report.sizes["scope"] == "same-service").row(
            0, named=True
        )
        rows = report.rows.filter(report.rows["scope"] == "same-service")
        if same_service["workplaces"] < report.policy.min_workplaces:
            assert set(rows["state"].to_list()) <= {"too-few-workplaces", "no-data"}
            assert rows["value"].null_count() == rows.height
        area = report.rows.filter(report.rows["scope"] == "area")
        for row in area.iter_rows(named=True):
            assert (row["value"] is None) == (row["state"] is not None)
            if row["value"] is not None:
                assert row["workplaces"] >= report.policy.min_workplaces
                assert row["workers"] >= report.policy.min_workers

    def test_own_organisation_is_left_out_of_the_groups(self, site: Site) -> None:
        report = provider_benchmarks(
            viewer=Viewer.of(site.user("provider_a")), organisation_id=site.provider_a
        )
        area = report.sizes.filter(report.sizes["scope"] == "area").row(0, named=True)
        b_workplaces = provider_benchmarks(
            viewer=Viewer.of(site.user("provider_b")), organisation_id=site.provider_b
        ).workplaces
        assert area["workplaces"] == len(b_workplaces)

    def test_administrator_chooses_the_organisation(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client = client_as("administrator")
        choose = page_of(client.get(reverse("benchmarks:benchmark-show")))
        assert choose.one("select[name=organisation]") is not None
        page = page_of(
            client.get(reverse("benchmarks:benchmark-show"), {"organisation": site.provider_b})
        )
        assert page.text(".govuk-caption-l") == "Birch Homes"

    def test_organisation_without_data_is_told_so(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(
            client_as("administrator").get(
                reverse("benchmarks:benchmark-show"), {"organisation": site.council}
            )
        )
        assert "nothing to compare yet" in page.text("main")

    def test_service_refuses_another_organisation(self, site: Site) -> None:
        with pytest.raises(NotVisibleError):
            provider_benchmarks(
                viewer=Viewer.of(site.user("provider_b")), organisation_id=site.provider_a
            )

    def test_service_says_when_there_is_no_data(self, site: Site) -> None:
        with pytest.raises(NoBenchmarkDataError):
            provider_benchmarks(
                viewer=Viewer.of(site.user("administrator")), organisation_id=site.council
            )


class TestBenchmarkBase:
    """The comparison groups on the whole sector as estimated, when the publication holds it."""

    @pytest.fixture
    def whole_sector(self, monkeypatch: pytest.MonkeyPatch) -> None:
        published = pl.LazyFrame(
            {
                "measure_id": ["turnover_rate_weighted"],
                "breakdown": ["total"],
                "breakdown_value": ["all"],
                "numerator": [340.0],
                "denominator": [1000.0],
                "value": [0.34],
            }
        )
        monkeypatch.setattr(benchmarks, "_whole_sector", lambda area, period: published)

    def _turnover(self, page: Any) -> list[str]:
        return next(row for row in page.table(".govuk-table") if row[0] == "Staff turnover rate")

    def test_estimated_rates_are_marked_and_said(
        self, client_as: Callable[[str], Any], whole_sector: None
    ) -> None:
        page = page_of(client_as("provider_a").get(reverse("benchmarks:benchmark-show")))
        assert self._turnover(page)[3] == "34.0% (estimated for the whole sector)"
        assert page.text("#benchmark-base").startswith(
            "Base: estimated for the whole sector where marked."
        )
        assert page.texts("select[name=base] option") == [
            "Estimated for the whole sector, where estimated",
            "Returns only",
        ]

    def test_returns_only_on_request(
        self, client_as: Callable[[str], Any], whole_sector: None
    ) -> None:
        page = page_of(
            client_as("provider_a").get(reverse("benchmarks:benchmark-show"), {"base": "returned"})
        )
        assert "estimated" not in self._turnover(page)[3]
        assert page.text("#benchmark-base").startswith("Base: returns only.")
