"""The JSON API: its answers, token and session authentication, object-level rules, and its
OpenAPI document (valid, complete, and matched by every response — checked with Schemathesis)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

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
            for name in ("measure_id", "upload_id", "snapshot_id"):
                route = route.replace(f"<slug:{name}>", f"{{{name}}}").replace(
                    f"<int:{name}>", f"{{{name}}}"
                )
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
        expected = {"200", "400", "405"}
        if path.startswith(("/api/v1/uploads", "/api/v1/snapshots")):
            expected |= {"401", "403"}
        if "{" in path:
            expected.add("404")
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

        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(
            case=operation.as_strategy(), known=known_ids, measure=st.sampled_from(measure_ids())
        )
        def check(case: Any, known: int, measure: str) -> None:
            for name in ("upload_id", "snapshot_id"):
                if case.path_parameters and name in case.path_parameters:
                    case.path_parameters[name] = known
            if case.path_parameters and "measure_id" in case.path_parameters:
                case.path_parameters["measure_id"] = measure
            response = case.call_and_validate(headers=headers)
            assert response.status_code < 500

        check()
