"""The JSON API: its answers, token and session authentication, object-level rules, and its
OpenAPI document (valid, complete, and matched by every response — checked with Schemathesis)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from django.urls import URLPattern, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.indicators.catalogue import measure_ids
from careforce.core.vocab.published import NULLABLE_COLUMNS, PUBLISHED_COLUMNS, PUBLISHED_SCHEMA
from careforce.web.apps.api import urls as api_urls
from careforce.web.apps.api.openapi import PATHS, document
from careforce.web.backend.accounts import create_token
from careforce.web.backend.publications import published
from web_support import Site

pytestmark = pytest.mark.integration


@pytest.fixture
def token(site: Site) -> Callable[[str], str]:
    """A new API token's secret for a role of the site."""

    def make(role: str) -> str:
        return create_token(site.user(role), "tests")[1]

    return make


def _get(path: str, *, secret: str | None = None, **query: Any) -> Any:
    headers = {"Authorization": f"Token {secret}"} if secret else {}
    return Client().get(path, query, headers=headers)


class TestMeasures:
    def test_catalogue_lists_every_measure(self, site: Site) -> None:
        body = _get(reverse("api:measure-list"), page_size=1000).json()
        assert [item["id"] for item in body["results"]] == measure_ids()
        assert body["count"] == len(measure_ids())
        assert body["next"] is None

    def test_values_are_filtered(self, site: Site) -> None:
        body = _get(
            reverse("api:value-list", args=["filled_posts"]), breakdown="total", period="2020/21"
        ).json()
        assert body["count"] == 1
        value = body["results"][0]
        assert value["measure_id"] == "filled_posts"
        assert value["breakdown_value"] == "all"
        assert value["value"] > 0

    def test_pages_link_to_each_other(self, site: Site) -> None:
        first = _get(reverse("api:value-list", args=["filled_posts"]), page_size=5).json()
        assert len(first["results"]) == 5
        second = Client().get(first["next"]).json()
        assert second["page"] == 2
        assert second["results"][0] != first["results"][0]

    @pytest.mark.parametrize(
        ("name", "value"), [("page", "0"), ("page_size", "5000"), ("page", "x")]
    )
    def test_bad_paging_is_a_400(self, site: Site, name: str, value: str) -> None:
        response = _get(reverse("api:measure-list"), **{name: value})
        assert response.status_code == 400
        assert name in response.json()["detail"]

    def test_unknown_measure_is_a_404(self, site: Site) -> None:
        assert _get(reverse("api:value-list", args=["no_such"])).status_code == 404

    def test_post_is_not_allowed(self, site: Site) -> None:
        response = Client().post(reverse("api:measure-list"))
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


class TestAuthentication:
    def test_token_signs_in(self, site: Site, token: Callable[[str], str]) -> None:
        body = _get(reverse("api:upload-list"), secret=token("provider_a")).json()
        assert {upload["organisation"]["id"] for upload in body["results"]} == {site.provider_a}

    def test_session_signs_in(self, client_as: Callable[[str], Any], site: Site) -> None:
        body = client_as("provider_b").get(reverse("api:upload-list")).json()
        assert {upload["id"] for upload in body["results"]} == {site.upload_b}

    def test_unknown_token_is_refused(self, site: Site) -> None:
        response = _get(reverse("api:measure-list"), secret="not-a-token")
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"

    def test_revoked_token_is_refused(self, site: Site) -> None:
        created, secret = create_token(site.user("administrator"), "old")
        created.revoked = created.created
        created.save()
        assert _get(reverse("api:upload-list"), secret=secret).status_code == 401

    def test_no_credentials_for_records_is_401(self, site: Site) -> None:
        response = _get(reverse("api:snapshot-list"))
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"

    def test_other_organisations_records_are_404(
        self, site: Site, token: Callable[[str], str]
    ) -> None:
        secret = token("provider_b")
        assert (
            _get(reverse("api:upload-detail", args=[site.upload_a]), secret=secret).status_code
            == 404
        )
        assert (
            _get(
                reverse("api:finding-list", args=[site.upload_a_errors]), secret=secret
            ).status_code
            == 404
        )
        assert (
            _get(reverse("api:snapshot-detail", args=[site.snapshot_a]), secret=secret).status_code
            == 404
        )

    def test_findings_have_guidance(self, site: Site, token: Callable[[str], str]) -> None:
        body = _get(
            reverse("api:finding-list", args=[site.upload_a_errors]),
            secret=token("provider_a"),
            severity="error",
        ).json()
        assert [(f["line"], f["column"]) for f in body["results"]] == [
            (4, "MAINJOBROLE"),
            (6, "EMPLSTATUS"),
        ]
        assert all(f["guidance"] for f in body["results"])


class TestOpenApiDocument:
    def test_is_valid_openapi_3(self) -> None:
        schemathesis.openapi.from_dict(document()).validate()

    def test_describes_every_endpoint_and_nothing_else(self) -> None:
        routes = set()
        for pattern in api_urls.urlpatterns:
            assert isinstance(pattern, URLPattern)
            route = str(pattern.pattern)
            for name in (
                "measure_id",
                "upload_id",
                "snapshot_id",
                "code",
                "name",
                "organisation_id",
                "key",
            ):
                for kind in ("slug", "int", "str"):
                    route = route.replace(f"<{kind}:{name}>", f"{{{name}}}")
            routes.add(f"/api/v1/{route}")
        assert routes == set(PATHS)

    def test_measure_value_has_exactly_the_published_columns(self) -> None:
        measure_value = document()["components"]["schemas"]["MeasureValue"]
        assert measure_value["required"] == list(PUBLISHED_COLUMNS)
        assert list(measure_value["properties"]) == list(PUBLISHED_COLUMNS)
        nullable = {
            name for name, schema in measure_value["properties"].items() if schema.get("nullable")
        }
        assert nullable == NULLABLE_COLUMNS
        numbers = {
            name
            for name, schema in measure_value["properties"].items()
            if schema["type"] == "number"
        }
        assert numbers == {name for name, dtype in PUBLISHED_SCHEMA.items() if dtype.is_numeric()}

    def test_is_served(self, site: Site) -> None:
        body = _get(reverse("api:schema-show")).json()
        assert body["openapi"] == "3.0.3"
        assert set(body["paths"]) == set(PATHS)

    @pytest.mark.parametrize("path", sorted(PATHS))
    def test_every_answer_is_documented(self, path: str) -> None:
        operation = PATHS[path]["get"]
        if path == "/api/v1/documentation":
            assert set(operation["responses"]) == {"200"}
            return
        expected = {"200", "400", "405"}
        if path.startswith(("/api/v1/uploads", "/api/v1/snapshots", "/api/v1/organisations")):
            expected |= {"401", "403"}
        if "{" in path or path in ("/api/v1/scorecard", "/api/v1/appendix/tables"):
            expected.add("404")
        if path.startswith(("/api/v1/scorecard", "/api/v1/projections/")):
            expected.add("503")
        assert set(operation["responses"]) == expected


OPERATIONS = sorted(PATHS)
"""Every path of the API, for the conformance test."""


@pytest.fixture
def wsgi_application() -> Iterator[Any]:
    """The service's WSGI application, called directly (as Django's test client does, it must
    not close the test's database connection at the end of each request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class TestResponsesMatchTheDocument:
    @pytest.mark.parametrize("path", OPERATIONS)
    @pytest.mark.parametrize("role", ["public", "administrator", "provider_b"])
    def test_generated_requests(
        self, site: Site, token: Callable[[str], str], wsgi_application: Any, path: str, role: str
    ) -> None:
        schema = schemathesis.openapi.from_wsgi(reverse("api:schema-show"), wsgi_application)
        operation = schema[path]["GET"]
        headers = {} if role == "public" else {"Authorization": f"Token {token(role)}"}
        known_ids = st.sampled_from(
            [site.upload_a, site.upload_b, site.upload_a_errors, site.snapshot_a, 999999]
        )

        known_names = {
            "measure_id": st.sampled_from(measure_ids()),
            "code": st.sampled_from(["1.1", "3.1", "9.9"]),
            "name": st.sampled_from(
                ["staffordshire-2022-adult", "staffordshire-2022-children", "no-such"]
            ),
            "organisation_id": st.sampled_from([site.provider_a, site.provider_b, 999999]),
            "key": st.sampled_from(["pay-by-sector", "no-such"]),
        }

        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(), known=known_ids, data=st.data())
        def check(case: Any, known: int, data: Any) -> None:
            for name in ("upload_id", "snapshot_id"):
                if case.path_parameters and name in case.path_parameters:
                    case.path_parameters[name] = known
            for name, values in known_names.items():
                if case.path_parameters and name in case.path_parameters:
                    case.path_parameters[name] = data.draw(values)
            response = case.call_and_validate(headers=headers)
            assert response.status_code < 500

        check()


class TestScorecard:
    def test_rows_of_the_partnership_area(self, site: Site) -> None:
        body = _get(reverse("api:scorecard-show"), page_size=1000).json()
        assert body["framework"]
        assert body["count"] == len(body["results"]) > 0
        assert {row["area_code"] for row in body["results"]} == {body["area_code"]}
        assert {row["outcome"] for row in body["results"]} >= {"1", "2"}

    def test_filtered_by_outcome_and_period(self, site: Site) -> None:
        body = _get(
            reverse("api:scorecard-show"), outcome="2", period="2021/22", page_size=1000
        ).json()
        assert body["results"]
        assert {(row["outcome"], row["period"]) for row in body["results"]} == {("2", "2021/22")}

    def test_unknown_area_is_a_404(self, site: Site) -> None:
        response = _get(reverse("api:scorecard-show"), area="E99999999")
        assert response.status_code == 404
        assert "area" in response.json()["detail"]


class TestActionPlan:
    def test_plan_and_key_actions(self, site: Site) -> None:
        body = _get(reverse("api:action-plan-show")).json()
        assert body["key_actions"][0]["action"] == "1"
        assert body["links"]["actions"] == reverse("api:action-list")

    def test_detailed_actions_and_one_action(self, site: Site) -> None:
        body = _get(reverse("api:action-list"), page_size=1000).json()
        codes = [row["code"] for row in body["results"]]
        assert codes[:2] == ["1.1", "1.2"]
        detail = _get(reverse("api:action-detail", args=["1.1"])).json()
        assert detail["title"] == "Measure progress against the outcomes at least annually"
        assert detail["milestones"] == len(detail["milestone_list"]) == 5
        assert _get(reverse("api:action-detail", args=["9.9"])).status_code == 404

    def test_milestones_of_one_action(self, site: Site) -> None:
        body = _get(reverse("api:milestone-list"), code="1.1").json()
        assert body["count"] == 5
        assert body["results"][0]["due"] == "2023-03-31"

    def test_updates_recorded_on_the_service_are_listed(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        client_as("analyst").post(
            reverse("outcomes:update-create", args=["3.1"]),
            {"date_day": "1", "date_month": "6", "date_year": "2024", "text": "Half done"},
        )
        body = _get(reverse("api:action-update-list"), code="3.1").json()
        assert [row["text"] for row in body["results"]] == ["Half done"]
        assert body["results"][0]["date"] == "2024-06-01"


class TestProjections:
    def test_shipped_files_are_listed(self, site: Site) -> None:
        body = _get(reverse("api:projection-list")).json()
        assert [(row["name"], row["origin"]) for row in body["results"]] == [
            ("staffordshire-2022-adult", "shipped"),
            ("staffordshire-2022-children", "shipped"),
        ]

    def test_projection_reproduces_the_strategy(self, site: Site) -> None:
        body = _get(reverse("api:projection-detail", args=["staffordshire-2022-adult"])).json()
        cell = next(
            row
            for row in body["rows"]
            if (row["scenario"], row["group"], row["year"]) == ("baseline", "all", 2027)
        )
        assert round(cell["total_new_staff"]) == 16462
        assert round(cell["requirement"]) == 25575
        assert body["scenario_labels"]["baseline"] == "Baseline"
        assert {row["scenario"] for row in body["rows"]} == set(body["scenario_labels"])

    def test_sensitivity_and_ranges(self, site: Site) -> None:
        name = "staffordshire-2022-adult"
        sensitivity = _get(reverse("api:sensitivity-list", args=[name])).json()
        swings = [row["swing"] for row in sensitivity["results"]]
        assert swings == sorted(swings, reverse=True)
        assert sensitivity["results"][0]["parameter"] == "groups.adult.base_workforce"
        ranges = _get(reverse("api:range-list", args=[name]), page_size=1000).json()
        row = next(
            r
            for r in ranges["results"]
            if (r["group"], r["year"], r["measure"]) == ("all", 2032, "total_new_staff")
        )
        assert row["p10"] < row["p50"] < row["p90"]
        assert round(row["central"]) == 34948

    def test_missing_parts_are_404(self, site: Site) -> None:
        assert (
            _get(reverse("api:supply-list", args=["staffordshire-2022-adult"])).status_code == 404
        )
        assert _get(reverse("api:projection-detail", args=["no-such"])).status_code == 404


class TestAppendix:
    def test_tables_are_listed_in_order(self, site: Site) -> None:
        body = _get(reverse("api:appendix-table-list"), page_size=100).json()
        keys = [row["key"] for row in body["results"]]
        # The test site has no estimates or labour-market measures: those sections have no tables.
        assert "estimates-by-service" not in keys
        assert keys.index("pay-by-sector") < keys.index("retention-by-service")
        assert body["area_code"] == "E10000028"
        pay = next(row for row in body["results"] if row["key"] == "pay-by-sector")
        assert pay["section"] == "Pay levels"
        assert pay["source"] == "Skills for Care ASC-WDS"

    def test_every_cell_names_its_measure_row(self, site: Site) -> None:
        body = _get(reverse("api:appendix-table-detail", args=["pay-by-sector"])).json()
        assert [c["measure_id"] for c in body["columns"]] == [
            "hourly_pay_median",
            "annual_pay_fte_median",
            "pay_below_real_living_wage_share",
        ]
        published_table = published()
        assert published_table is not None
        for row in body["rows"]:
            for cell in row["cells"]:
                assert cell["breakdown"] == "sector"
                source = published_table.table.filter(
                    (pl.col("measure_id") == cell["measure_id"])
                    & (pl.col("breakdown_value") == cell["breakdown_value"])
                    & (pl.col("period") == cell["period"])
                    & (pl.col("area_code") == body["area_code"])
                )
                if cell["value"] is None:
                    assert cell["text"] == cell["symbol"]
                else:
                    assert source.height == 1
                    assert cell["value"] == pytest.approx(source["value"][0], abs=0.5)

    def test_unknown_table_is_404(self, site: Site) -> None:
        assert _get(reverse("api:appendix-table-detail", args=["no-such"])).status_code == 404


class TestBenchmarks:
    def test_own_organisation(self, site: Site, token: Callable[[str], str]) -> None:
        body = _get(
            reverse("api:benchmark-show", args=[site.provider_a]), secret=token("provider_a")
        ).json()
        assert body["organisation"]["id"] == site.provider_a
        assert {row["scope"] for row in body["rows"]} == {"workplace", "same-service", "area"}

    def test_another_organisation_is_404(self, site: Site, token: Callable[[str], str]) -> None:
        response = _get(
            reverse("api:benchmark-show", args=[site.provider_a]), secret=token("provider_b")
        )
        assert response.status_code == 404
        assert "Alder" not in response.content.decode()


class TestDocumentationPage:
    def test_every_endpoint_is_documented(self, site: Site) -> None:
        page = Client().get(reverse("api:documentation-show")).content.decode()
        for path in PATHS:
            assert f"GET {path}" in page
        assert "https://" not in page.split("<body", 1)[1].split("</main>", 1)[0]
