"""Every endpoint of the web service for every role, including another organisation's records.

The matrix below is the access policy: public (not signed in), partner analyst, the users of
two provider organisations (A and B) and an administrator. Records of provider A are the
subject, so provider B must get 404 for them, exactly as for records that do not exist. A
test checks that every URL of the service is in the matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from careforce.web.backend import survey as survey_backend
from careforce.web.backend.accounts import create_token
from careforce.web.models.jobs.models import Job
from careforce.web.models.organisations.models import TransferRequest, Workplace
from careforce.web.models.uploads.models import SnapshotWorkplace, Upload
from web_support import Site

pytestmark = pytest.mark.integration

ROLES = ("public", "analyst", "provider_a", "provider_b", "administrator")
"""Who asks, in the order of each row's expected statuses."""
LOGIN = "login"
"""Expected: a redirect to the sign-in page."""


@dataclass(frozen=True)
class Endpoint:
    """One endpoint: its URL name, how to build its arguments, its method and what each role
    gets (a status, or LOGIN)."""

    name: str
    args: Callable[[Site], list[Any]]
    method: str
    expected: tuple[int | str, ...]
    data: dict[str, str] | None = None

    @property
    def id(self) -> str:
        return f"{self.method} {self.name}"


def none(site: Site) -> list[Any]:
    return []


def upload_a(site: Site) -> list[Any]:
    return [site.upload_a]


def errors_a(site: Site) -> list[Any]:
    return [site.upload_a_errors]


def snapshot_a(site: Site) -> list[Any]:
    return [site.snapshot_a]


def workplace_a(site: Site) -> list[Any]:
    reference = (
        SnapshotWorkplace.objects.filter(snapshot_id=site.snapshot_a)
        .values_list("establishment_id", flat=True)
        .first()
    )
    return [site.snapshot_a, reference]


def survey_round(site: Site) -> list[Any]:
    """A round of the organisations survey (its id)."""
    return [survey_backend.create_round("organisations", "2024", user=None).pk]


def survey_token(site: Site) -> list[Any]:
    """The link token of a round of the organisations survey."""
    return [survey_backend.create_round("organisations", "2024", user=None).token]


def transfer_a(site: Site) -> list[Any]:
    """A pending request by provider A for one of provider B's workplaces."""
    workplace = Workplace.objects.filter(organisation_id=site.provider_b).first()
    assert workplace is not None
    transfer = TransferRequest.objects.create(
        workplace=workplace,
        identity=workplace.identity,
        reference=workplace.reference,
        from_organisation_id=site.provider_b,
        to_organisation_id=site.provider_a,
        requested_by_id=site.users["provider_a"],
        reason="We run it now.",
    )
    return [transfer.pk]


DECISION = {"decision": "refuse", "reason": "Not shown to be theirs."}
"""An administrator's decision on a transfer request."""

EVERYONE = (200, 200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200, 200)
ADMINISTRATORS = (LOGIN, 403, 403, 403, 200)
RECORDS = (LOGIN, 403, 200, 200, 200)
RECORDS_OF_A = (LOGIN, 403, 200, 404, 200)
ANALYSTS = (LOGIN, 200, 403, 403, 200)
PARTNERS = ANALYSTS
"""Partner analysts and administrators (the action plan's updates and history)."""
API_RECORDS = (401, 403, 200, 200, 200)
API_RECORDS_OF_A = (401, 403, 200, 404, 200)
ADULT = "staffordshire-2022-adult"
"""A shipped projection with Monte Carlo ranges."""
CHILDREN = "staffordshire-2022-children"
"""The other shipped projection."""

ENDPOINTS = (
    Endpoint("pages:home-show", none, "GET", EVERYONE),
    Endpoint("pages:accessibility-show", none, "GET", EVERYONE),
    Endpoint("pages:privacy-show", none, "GET", EVERYONE),
    Endpoint("shared:branding-show", none, "GET", EVERYONE),
    Endpoint("shared:health-show", none, "GET", EVERYONE),
    Endpoint("accounts:session-create", none, "GET", EVERYONE),
    Endpoint("accounts:session-delete", none, "POST", (302, 302, 302, 302, 302)),
    Endpoint("accounts:session-delete", none, "GET", (405, 405, 405, 405, 405)),
    Endpoint("accounts:account-show", none, "GET", SIGNED_IN),
    Endpoint("accounts:password-update", none, "GET", SIGNED_IN),
    Endpoint(
        "accounts:token-create", none, "POST", (LOGIN, 201, 201, 201, 201), {"name": "script"}
    ),
    Endpoint("accounts:token-create", none, "GET", (LOGIN, 405, 405, 405, 405)),
    Endpoint("accounts:token-delete", lambda site: ["TOKEN"], "POST", (LOGIN, 404, 302, 404, 404)),
    Endpoint("accounts:user-list", none, "GET", ADMINISTRATORS),
    Endpoint("accounts:user-create", none, "GET", ADMINISTRATORS),
    Endpoint(
        "accounts:user-update", lambda site: [site.users["provider_a"]], "GET", ADMINISTRATORS
    ),
    Endpoint("accounts:audit-list", none, "GET", ADMINISTRATORS),
    Endpoint("organisations:organisation-list", none, "GET", ADMINISTRATORS),
    Endpoint("organisations:organisation-create", none, "GET", ADMINISTRATORS),
    Endpoint(
        "organisations:organisation-detail", lambda site: [site.provider_a], "GET", ADMINISTRATORS
    ),
    Endpoint(
        "organisations:organisation-update", lambda site: [site.provider_a], "GET", ADMINISTRATORS
    ),
    Endpoint("uploads:upload-list", none, "GET", RECORDS),
    Endpoint("uploads:upload-create", none, "GET", RECORDS),
    Endpoint("uploads:upload-detail", upload_a, "GET", RECORDS_OF_A),
    Endpoint("uploads:upload-detail", lambda site: [999999], "GET", (LOGIN, 403, 404, 404, 404)),
    Endpoint("uploads:status-show", upload_a, "GET", RECORDS_OF_A),
    Endpoint("uploads:finding-list", errors_a, "GET", RECORDS_OF_A),
    Endpoint(
        "uploads:finding-download", lambda site: [site.upload_a_errors, "csv"], "GET", RECORDS_OF_A
    ),
    Endpoint(
        "uploads:finding-download", lambda site: [site.upload_a_errors, "xlsx"], "GET", RECORDS_OF_A
    ),
    Endpoint("uploads:file-download", lambda site: [site.upload_a, 1], "GET", RECORDS_OF_A),
    Endpoint("uploads:snapshot-create", errors_a, "POST", (LOGIN, 403, 302, 404, 302)),
    Endpoint("uploads:organisations-create", upload_a, "POST", (LOGIN, 403, 403, 403, 404)),
    Endpoint("uploads:validation-create", upload_a, "POST", (LOGIN, 403, 302, 404, 302)),
    Endpoint(
        "uploads:transfer-create",
        upload_a,
        "POST",
        (LOGIN, 403, 302, 404, 302),
        {"reason": "We run these workplaces."},
    ),
    Endpoint("uploads:transfer-create", upload_a, "POST", (LOGIN, 403, 400, 404, 400), {}),
    Endpoint("organisations:transfer-list", none, "GET", RECORDS),
    Endpoint("organisations:transfer-detail", transfer_a, "GET", RECORDS),
    Endpoint(
        "organisations:transfer-detail", lambda site: [999999], "GET", (LOGIN, 403, 404, 404, 404)
    ),
    Endpoint(
        "organisations:transfer-detail", transfer_a, "POST", (LOGIN, 403, 403, 403, 302), DECISION
    ),
    Endpoint("organisations:transfer-detail", transfer_a, "POST", (LOGIN, 403, 403, 403, 400), {}),
    Endpoint("uploads:snapshot-list", none, "GET", RECORDS),
    Endpoint("uploads:snapshot-detail", snapshot_a, "GET", RECORDS_OF_A),
    Endpoint("uploads:record-list", workplace_a, "GET", RECORDS_OF_A),
    Endpoint("indicators:measure-list", none, "GET", EVERYONE),
    Endpoint("indicators:measure-detail", lambda site: ["vacancy_rate"], "GET", EVERYONE),
    Endpoint("indicators:measure-detail", lambda site: ["no_such_measure"], "GET", (404,) * 5),
    Endpoint("indicators:measure-download", lambda site: ["vacancy_rate", "csv"], "GET", EVERYONE),
    Endpoint(
        "indicators:measure-unrounded-download",
        lambda site: ["vacancy_rate", "csv"],
        "GET",
        EVERYONE,
    ),
    Endpoint("indicators:overview-download", lambda site: ["ods"], "GET", EVERYONE),
    Endpoint("indicators:publication-list", none, "GET", ANALYSTS),
    Endpoint("indicators:publication-create", none, "POST", (LOGIN, 403, 403, 403, 302)),
    Endpoint("indicators:publication-retry-create", none, "POST", (LOGIN, 302, 403, 403, 302)),
    Endpoint(
        "indicators:publication-download", lambda site: [site.publication, "csv"], "GET", ANALYSTS
    ),
    Endpoint("benchmarks:benchmark-show", none, "GET", (LOGIN, 403, 200, 200, 200)),
    Endpoint("submissions:submission-list", none, "GET", ANALYSTS),
    Endpoint("submissions:submission-download", lambda site: ["csv"], "GET", ANALYSTS),
    Endpoint("submissions:submission-download", lambda site: ["ods"], "GET", ANALYSTS),
    Endpoint(
        "submissions:submission-download", lambda site: ["pdf"], "GET", (LOGIN, 404, 403, 403, 404)
    ),
    Endpoint("submissions:support-list", none, "GET", ANALYSTS),
    Endpoint("submissions:support-download", lambda site: ["csv"], "GET", ANALYSTS),
    Endpoint("submissions:support-download", lambda site: ["ods"], "GET", ANALYSTS),
    Endpoint("submissions:estimate-list", none, "GET", ANALYSTS),
    Endpoint("submissions:estimate-list", none, "POST", (LOGIN, 405, 403, 403, 405)),
    Endpoint("submissions:submission-list", none, "POST", (LOGIN, 405, 403, 403, 405)),
    Endpoint("outcomes:scorecard-show", none, "GET", EVERYONE),
    Endpoint("outcomes:scorecard-download", lambda site: ["csv"], "GET", EVERYONE),
    Endpoint("outcomes:outcome-detail", lambda site: ["2"], "GET", EVERYONE),
    Endpoint("outcomes:outcome-detail", lambda site: ["9"], "GET", (404,) * 5),
    Endpoint("outcomes:outcome-download", lambda site: ["3", "ods"], "GET", EVERYONE),
    Endpoint("outcomes:action-list", none, "GET", EVERYONE),
    Endpoint("outcomes:action-download", lambda site: ["csv"], "GET", EVERYONE),
    Endpoint("outcomes:action-detail", lambda site: ["3.1"], "GET", EVERYONE),
    Endpoint("outcomes:action-detail", lambda site: ["9.9"], "GET", (404,) * 5),
    Endpoint("outcomes:update-create", lambda site: ["3.1"], "GET", PARTNERS),
    Endpoint(
        "outcomes:update-create",
        lambda site: ["3.1"],
        "POST",
        (LOGIN, 302, 403, 403, 302),
        {"date_day": "1", "date_month": "6", "date_year": "2024", "text": "Progress"},
    ),
    Endpoint("outcomes:milestone-create", lambda site: ["3.1"], "GET", ADMINISTRATORS),
    Endpoint("outcomes:partners-update", lambda site: ["3.1"], "GET", ADMINISTRATORS),
    Endpoint(
        "outcomes:partners-update",
        lambda site: ["3.1"],
        "POST",
        (LOGIN, 403, 403, 403, 302),
        {"partners": "Staffordshire County Council"},
    ),
    Endpoint("outcomes:change-list", none, "GET", PARTNERS),
    Endpoint("outcomes:report-show", none, "GET", EVERYONE),
    Endpoint("outcomes:report-create", none, "POST", (LOGIN, 302, 403, 403, 302)),
    Endpoint("outcomes:report-create", none, "GET", (LOGIN, 405, 403, 403, 405)),
    Endpoint("outcomes:report-download", lambda site: ["pdf"], "GET", (404,) * 5),
    Endpoint("outcomes:report-download", lambda site: ["docx"], "GET", (404,) * 5),
    Endpoint("outcomes:plan-download", none, "GET", PARTNERS),
    Endpoint("survey:round-list", none, "GET", ANALYSTS),
    Endpoint(
        "survey:round-list",
        none,
        "POST",
        (LOGIN, 302, 403, 403, 302),
        {"questionnaire": "staff", "name": "2025"},
    ),
    Endpoint("survey:round-detail", survey_round, "GET", ANALYSTS),
    Endpoint("survey:round-detail", lambda site: [999999], "GET", (LOGIN, 404, 403, 403, 404)),
    Endpoint(
        "survey:round-status-update",
        survey_round,
        "POST",
        (LOGIN, 302, 403, 403, 302),
        {"status": "closed"},
    ),
    Endpoint("survey:round-status-update", survey_round, "GET", (LOGIN, 405, 403, 403, 405)),
    Endpoint("survey:round-download", lambda site: [*survey_round(site), "html"], "GET", ANALYSTS),
    Endpoint("survey:round-download", lambda site: [*survey_round(site), "ods"], "GET", ANALYSTS),
    Endpoint("survey:round-download", lambda site: [*survey_round(site), "pdf"], "GET", ANALYSTS),
    Endpoint(
        "survey:round-download",
        lambda site: [*survey_round(site), "doc"],
        "GET",
        (LOGIN, 404, 403, 403, 404),
    ),
    Endpoint("survey:start-show", survey_token, "GET", EVERYONE),
    Endpoint("survey:start-show", lambda site: ["no-such-link"], "GET", (404,) * 5),
    Endpoint("survey:answer-update", lambda site: [*survey_token(site), "size"], "GET", EVERYONE),
    Endpoint(
        "survey:answer-update",
        lambda site: [*survey_token(site), "size"],
        "POST",
        (302,) * 5,
        {"answer": "small"},
    ),
    Endpoint("survey:response-create", survey_token, "GET", (302,) * 5),
    Endpoint("survey:confirmation-show", survey_token, "GET", (302,) * 5),
    Endpoint("training:need-list", none, "GET", PARTNERS),
    Endpoint("training:need-download", lambda site: ["csv"], "GET", PARTNERS),
    Endpoint("training:priorities-create", none, "GET", PARTNERS),
    Endpoint(
        "training:priorities-create",
        none,
        "POST",
        (LOGIN, 302, 403, 403, 302),
        {"year": "2025/26", "priorities": "Fire safety"},
    ),
    Endpoint("labour:overview-show", none, "GET", EVERYONE),
    # The test site has no labour-market measures: nothing to download, for anyone.
    Endpoint("labour:section-download", lambda site: ["claimants", "csv"], "GET", (404,) * 5),
    Endpoint("labour:overview-show", none, "POST", (405,) * 5),
    Endpoint("api:root-show", none, "GET", EVERYONE),
    Endpoint("api:schema-show", none, "GET", EVERYONE),
    Endpoint("api:measure-list", none, "GET", EVERYONE),
    Endpoint("api:measure-detail", lambda site: ["turnover_rate"], "GET", EVERYONE),
    Endpoint("api:value-list", lambda site: ["turnover_rate"], "GET", EVERYONE),
    Endpoint("api:upload-list", none, "GET", API_RECORDS),
    Endpoint("api:upload-detail", upload_a, "GET", API_RECORDS_OF_A),
    Endpoint("api:finding-list", errors_a, "GET", API_RECORDS_OF_A),
    Endpoint("api:snapshot-list", none, "GET", API_RECORDS),
    Endpoint("api:snapshot-detail", snapshot_a, "GET", API_RECORDS_OF_A),
    Endpoint("api:documentation-show", none, "GET", EVERYONE),
    Endpoint("api:scorecard-show", none, "GET", EVERYONE),
    Endpoint("api:action-plan-show", none, "GET", EVERYONE),
    Endpoint("api:action-list", none, "GET", EVERYONE),
    Endpoint("api:action-detail", lambda site: ["3.1"], "GET", EVERYONE),
    Endpoint("api:action-detail", lambda site: ["9.9"], "GET", (404,) * 5),
    Endpoint("api:milestone-list", none, "GET", EVERYONE),
    Endpoint("api:action-update-list", none, "GET", EVERYONE),
    Endpoint("api:projection-list", none, "GET", EVERYONE),
    Endpoint("api:appendix-table-list", none, "GET", EVERYONE),
    Endpoint("api:appendix-table-detail", lambda site: ["pay-by-sector"], "GET", EVERYONE),
    Endpoint("api:appendix-table-detail", lambda site: ["no-such"], "GET", (404,) * 5),
    Endpoint("api:projection-detail", lambda site: [ADULT], "GET", EVERYONE),
    Endpoint("api:projection-detail", lambda site: ["no-such"], "GET", (404,) * 5),
    Endpoint("api:sensitivity-list", lambda site: [ADULT], "GET", EVERYONE),
    Endpoint("api:range-list", lambda site: [ADULT], "GET", EVERYONE),
    Endpoint("api:range-list", lambda site: [CHILDREN], "GET", EVERYONE),
    Endpoint("api:supply-list", lambda site: [ADULT], "GET", (404,) * 5),
    Endpoint("api:benchmark-show", lambda site: [site.provider_a], "GET", API_RECORDS_OF_A),
    Endpoint(
        "api:benchmark-show", lambda site: [site.provider_b], "GET", (401, 403, 404, 200, 200)
    ),
    Endpoint("api:benchmark-show", lambda site: [999999], "GET", (401, 403, 404, 404, 404)),
    Endpoint("projections:projection-list", none, "GET", EVERYONE),
    Endpoint("appendix:appendix-show", none, "GET", EVERYONE),
    Endpoint("appendix:appendix-show", none, "POST", (405,) * 5),
    Endpoint("appendix:appendix-download", lambda site: ["ods"], "GET", EVERYONE),
    Endpoint("appendix:appendix-download", lambda site: ["doc"], "GET", (404,) * 5),
    Endpoint("appendix:template-update", none, "GET", ANALYSTS),
    Endpoint(
        "appendix:template-update",
        none,
        "POST",
        (LOGIN, 302, 403, 403, 302),
        {"template": "staffordshire-appendix"},
    ),
    Endpoint("appendix:template-download", none, "GET", EVERYONE),
    Endpoint("projections:projection-detail", lambda site: [ADULT], "GET", EVERYONE),
    Endpoint("projections:projection-detail", lambda site: ["no-such"], "GET", (404,) * 5),
    Endpoint("projections:projection-download", lambda site: [ADULT, "csv"], "GET", EVERYONE),
    Endpoint("projections:projection-download", lambda site: [ADULT, "pdf"], "GET", (404,) * 5),
    Endpoint("projections:parameters-download", lambda site: [ADULT], "GET", EVERYONE),
    Endpoint("projections:parameters-download", lambda site: ["no-such"], "GET", (404,) * 5),
    Endpoint("projections:scenario-create", lambda site: [ADULT], "GET", PARTNERS),
    Endpoint(
        "projections:scenario-create", lambda site: [ADULT], "POST", (LOGIN, 405, 403, 403, 405)
    ),
    Endpoint(
        "projections:scenario-download", lambda site: [ADULT], "GET", (LOGIN, 404, 403, 403, 404)
    ),
)
"""The access policy."""


def _url_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


CASES = [
    pytest.param(endpoint, role, expected, id=f"{endpoint.id}-{role}")
    for endpoint in ENDPOINTS
    for role, expected in zip(ROLES, endpoint.expected, strict=True)
]


class TestAccessMatrix:
    @pytest.mark.parametrize(("endpoint", "role", "expected"), CASES)
    def test_role_gets_expected_answer(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        endpoint: Endpoint,
        role: str,
        expected: int | str,
    ) -> None:
        client = client_as(role)
        args = endpoint.args(site)
        if args == ["TOKEN"]:
            token, _ = create_token(site.user("provider_a"), "for the matrix")
            args = [token.pk]
        url = reverse(endpoint.name, args=args)
        response = (
            client.post(url, endpoint.data or {}) if endpoint.method == "POST" else client.get(url)
        )
        if expected == LOGIN:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:session-create"))
        else:
            assert response.status_code == expected

    def test_every_url_is_in_the_matrix(self) -> None:
        covered = {endpoint.name for endpoint in ENDPOINTS}
        assert _url_names(get_resolver()) - covered == set()


class TestCrossOrganisationPages:
    def test_other_organisations_upload_is_not_mentioned(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = client_as("provider_b").get(reverse("uploads:upload-list")).content.decode()
        assert reverse("uploads:upload-detail", args=[site.upload_a]) not in page
        assert reverse("uploads:upload-detail", args=[site.upload_b]) in page

    def test_provider_cannot_choose_another_organisations_benchmarks(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = (
            client_as("provider_b")
            .get(reverse("benchmarks:benchmark-show"), {"organisation": site.provider_a})
            .content.decode()
        )
        assert "Birch Homes" in page
        assert "Alder Care Group" not in page

    @pytest.mark.parametrize("name", ["submissions:submission-list", "submissions:support-list"])
    def test_providers_never_see_other_providers_returns_or_scores(
        self, client_as: Callable[[str], Any], name: str
    ) -> None:
        for role, other in (("provider_a", "Birch Homes"), ("provider_b", "Alder Care Group")):
            response = client_as(role).get(reverse(name), {"period": "2020/21"})
            assert response.status_code == 403
            assert other not in response.content.decode()

    def test_provider_cannot_upload_for_another_organisation(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        path = provider_files["a/2021-22"][0]
        with path.open("rb") as stream:
            response = client_as("provider_b").post(
                reverse("uploads:upload-create"),
                {
                    "organisation": site.provider_a,
                    "source": "ascwds",
                    "reference_date_day": "31",
                    "reference_date_month": "3",
                    "reference_date_year": "2022",
                    "files": stream,
                },
            )
        assert response.status_code == 400
        assert b"govuk-error-summary" in response.content


class TestCrossOrganisationRetry:
    def test_only_the_uploaders_organisation_can_check_a_failed_upload_again(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        Upload.objects.filter(pk=site.upload_a_errors).update(status="failed", message="Fault")
        url = reverse("uploads:validation-create", args=[site.upload_a_errors])
        assert client_as("provider_b").post(url).status_code == 404
        assert Upload.objects.get(pk=site.upload_a_errors).status == "failed"
        assert client_as("analyst").post(url).status_code == 403
        assert client_as("provider_a").post(url).status_code == 302
        upload = Upload.objects.get(pk=site.upload_a_errors)
        assert upload.status == "received"
        assert Job.objects.get(pk=upload.job_id).status == "pending"


class TestTransferDecisions:
    """Only administrators decide transfers: a provider's attempt changes nothing."""

    @pytest.mark.parametrize("role", ["provider_a", "provider_b", "analyst"])
    def test_others_cannot_decide(
        self, client_as: Callable[[str], Any], site: Site, role: str
    ) -> None:
        [transfer] = transfer_a(site)
        url = reverse("organisations:transfer-detail", args=[transfer])
        decision = {"decision": "approve", "reason": "Mine."}
        assert client_as(role).post(url, decision).status_code == 403
        assert TransferRequest.objects.get(pk=transfer).status == "pending"
        owner = Workplace.objects.get(identity=TransferRequest.objects.get(pk=transfer).identity)
        assert owner.organisation_id == site.provider_b

    def test_administrator_decides_once(self, client_as: Callable[[str], Any], site: Site) -> None:
        [transfer] = transfer_a(site)
        url = reverse("organisations:transfer-detail", args=[transfer])
        client = client_as("administrator")
        assert client.post(url, {"decision": "approve", "reason": "Sold."}).status_code == 302
        request = TransferRequest.objects.get(pk=transfer)
        assert (request.status, request.decision_reason) == ("approved", "Sold.")
        assert Workplace.objects.get(identity=request.identity).organisation_id == site.provider_a
        again = client.post(url, DECISION)
        assert again.status_code == 302
        assert TransferRequest.objects.get(pk=transfer).status == "approved"
