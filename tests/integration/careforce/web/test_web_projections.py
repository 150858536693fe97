"""The projection pages: the shipped and derived parameter files, the published tables,
scenarios side by side, Monte Carlo ranges, the tornado, supply against need, downloads, and
the analysts' scenario form with its parameter file."""

from __future__ import annotations

import csv
import io
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careforce.services.demo_projections import (
    DERIVED_NAME,
    DERIVED_STEM,
    SUPPLY_NAME,
    write_demo_projections,
)
from careforce.services.projections import (
    ANALYST_SCENARIO,
    ScenarioChanges,
    load_parameters,
    run_projection,
    scenario_parameter_text,
)
from web_support import Site

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "projections"
"""Indicators, population and supply files made for the projection tests."""
ADULT = "staffordshire-2022-adult"
"""The shipped adult projection (scenarios, sensitivity and Monte Carlo ranges)."""
SCENARIO = {
    "group": "adult",
    "turnover_change": "-5",
    "demand_elasticity": "1",
    "base_workforce": "",
}
"""Turnover five points lower every year and demand proportional to the 65+ population."""


def _text(response: Any) -> str:
    assert response.status_code == 200
    return str(response.content.decode())


class TestPages:
    def test_list_names_the_shipped_files(self, site: Site) -> None:
        page = _text(Client().get(reverse("projections:projection-list")))
        assert "Staffordshire adult social care, 2022 base" in page
        assert reverse("projections:projection-detail", args=[ADULT]) in page
        assert "Shipped with careforce" in page

    def test_detail_reproduces_the_strategy_and_shows_every_part(self, site: Site) -> None:
        page = _text(Client().get(reverse("projections:projection-detail", args=[ADULT])))
        for cell in ("23,983", "25,575", "28,506", "16,462", "34,948", "5,443", "29,505"):
            assert cell in page
        assert "Scenarios side by side" in page
        assert "With 2023 reform posts" in page
        assert "Range of likely results" in page
        assert "8 in 10 of 10,000 draws" in page
        assert "depends most on Adult social care: base workforce" in page
        assert "no training supply data" in page
        assert page.count('class="careforce-chart"') == 3
        assert "Run a scenario" not in page

    def test_supply_against_need_with_a_supply_file(self, site: Site, settings: Any) -> None:
        settings.CAREFORCE_PROJECTIONS_SUPPLY = str(FIXTURES / "supply.csv")
        page = _text(Client().get(reverse("projections:projection-detail", args=[ADULT])))
        assert "The training pipeline falls short" in page
        assert page.count('class="careforce-chart"') == 4

    def test_derived_files_are_listed(self, site: Site, settings: Any, tmp_path: Path) -> None:
        shutil.copy(
            load_parameters("staffordshire-2022-children").path, tmp_path / "local-children.toml"
        )
        (tmp_path / "broken.toml").write_text("schema_version = ", encoding="utf-8")
        settings.CAREFORCE_PROJECTIONS = str(tmp_path)
        page = _text(Client().get(reverse("projections:projection-list")))
        assert "Derived locally" in page
        assert reverse("projections:projection-detail", args=["local-children"]) in page
        assert "broken.toml" in page
        assert (
            Client().get(reverse("projections:projection-detail", args=["broken"])).status_code
            == 404
        )
        assert (
            Client()
            .get(reverse("projections:projection-detail", args=["local-children"]))
            .status_code
            == 200
        )

    def test_the_parameter_file_is_downloadable(self, site: Site) -> None:
        page = _text(Client().get(reverse("projections:projection-detail", args=[ADULT])))
        url = reverse("projections:parameters-download", args=[ADULT])
        assert url in page
        response = Client().get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{ADULT}.toml"'
        assert response.content == load_parameters(ADULT).path.read_bytes()
        assert tomllib.loads(response.content.decode())["base_year"] == 2022

    def test_a_derived_file_and_the_supply_file_are_published(
        self, site: Site, settings: Any, tmp_path: Path
    ) -> None:
        write_demo_projections(
            indicators=FIXTURES / "indicators.csv",
            population=FIXTURES / "population.csv",
            enrolments=FIXTURES / "supply.csv",
            out=tmp_path,
            area_code="E10000028",
        )
        settings.CAREFORCE_PROJECTIONS = str(tmp_path)
        settings.CAREFORCE_PROJECTIONS_SUPPLY = str(tmp_path / SUPPLY_NAME)
        listing = _text(Client().get(reverse("projections:projection-list")))
        assert DERIVED_NAME in listing
        assert reverse("projections:projection-detail", args=[DERIVED_STEM]) in listing
        page = _text(Client().get(reverse("projections:projection-detail", args=[DERIVED_STEM])))
        assert DERIVED_NAME in page
        assert "no training supply data" not in page
        assert "New staff needed and the training pipeline, by year" in page
        download = Client().get(reverse("projections:parameters-download", args=[DERIVED_STEM]))
        assert download.content == (tmp_path / f"{DERIVED_STEM}.toml").read_bytes()
        shipped = _text(Client().get(reverse("projections:projection-detail", args=[ADULT])))
        assert "no training supply data" not in shipped

    def test_unknown_projection_is_404(self, site: Site) -> None:
        assert (
            Client().get(reverse("projections:projection-detail", args=["no-such"])).status_code
            == 404
        )

    def test_download_has_every_table_unrounded(self, site: Site) -> None:
        response = Client().get(reverse("projections:projection-download", args=[ADULT, "csv"]))
        assert response.status_code == 200
        records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        tables = {record["table"] for record in records}
        assert tables == {
            "Every scenario, group and year",
            "One-way sensitivity",
            "Monte Carlo ranges",
        }
        cell = next(
            r
            for r in records
            if r["table"] == "Every scenario, group and year"
            and (r["scenario"], r["group"], r["year"]) == ("baseline", "all", "2027")
        )
        assert float(cell["total_new_staff"]) == pytest.approx(16462.38, abs=0.01)
        ods = Client().get(reverse("projections:projection-download", args=[ADULT, "ods"]))
        assert ods["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"


class TestScenarioForm:
    def test_analyst_runs_a_scenario(self, client_as: Callable[[str], Any], site: Site) -> None:
        client = client_as("analyst")
        detail = _text(client.get(reverse("projections:projection-detail", args=[ADULT])))
        assert "Run a scenario" in detail
        url = reverse("projections:scenario-create", args=[ADULT])
        assert "Run the scenario" in _text(client.get(url))
        page = _text(client.get(url, SCENARIO))
        assert "turnover rate 25.2%; demand elasticity 1." in page
        assert "Download the parameter file" in page
        _, params = scenario_parameter_text(
            load_parameters(ADULT), ScenarioChanges("adult", -0.05, 1.0)
        )
        frame = run_projection(params, [ANALYST_SCENARIO]).frame
        for scenario in ("baseline", ANALYST_SCENARIO):
            total = frame.filter((frame["scenario"] == scenario) & (frame["year"] == 2032))[
                "total_new_staff"
            ].sum()
            assert f"{round(total):,}" in page
        assert "34,948" in page

    def test_parameter_file_runs_to_the_page_numbers(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("administrator").get(
            reverse("projections:scenario-download", args=[ADULT]), SCENARIO
        )
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{ADULT}-scenario.toml"'
        data = tomllib.loads(response.content.decode("utf-8"))
        assert data["scenarios"][ANALYST_SCENARIO]["groups"]["adult"] == {
            "turnover_rate": 0.252,
            "demand_elasticity": 1.0,
        }
        assert data["groups"][0]["turnover_rate"] == 0.302

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ({"group": "adult"}, "Enter at least one change"),
            (
                {"group": "adult", "turnover_change": "x"},
                "Enter the change in turnover as a number",
            ),
            ({"group": "adult", "turnover_change": "-40"}, "must be at least 0"),
        ],
    )
    def test_errors_are_shown(
        self, client_as: Callable[[str], Any], site: Site, query: dict[str, str], message: str
    ) -> None:
        response = client_as("analyst").get(
            reverse("projections:scenario-create", args=[ADULT]), query
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "govuk-error-summary" in page
        assert message in page

    def test_group_without_a_rate_cannot_change_turnover(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("analyst").get(
            reverse("projections:scenario-create", args=["staffordshire-2022-children"]),
            {"group": "children_social_workers", "turnover_change": "-5"},
        )
        assert response.status_code == 400
        assert "has no turnover or replacement rate" in response.content.decode()
