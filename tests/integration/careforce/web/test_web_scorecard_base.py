"""The scorecard on the web: on the whole sector as estimated when the publication holds the
estimates, saying so on the page, in the downloads and in the API, with the returns alone one
choice away."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.outcomes import columns as c
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import ESTIMATED_COUNTERPARTS, Base
from careforce.web.backend import publications
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.scorecard import published_evaluation
from estimates_support import estimates_folder
from web_support import page_of

pytestmark = pytest.mark.integration

AREA = "E10000028"
ESTIMATED = "estimated for the whole sector"
RETURNED = "returns only"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return estimates_folder(tmp_path_factory.mktemp("estimates"))


@pytest.fixture
def with_estimates(db: None, site: Any, settings: Any, folder: Path) -> str:
    """A publication holding the estimates; the estimates' period."""
    settings.CAREFORCE_ESTIMATES = str(folder)
    publications.request_publication(reason="estimates")
    run_pending()
    found = publications.published()
    assert found is not None
    estimate = found.table.filter(pl.col(pub.MEASURE_ID) == "filled_posts_estimate")
    return str(estimate[pub.PERIOD][0])


def _filled_posts(frame: pl.DataFrame, period: str) -> dict[str, Any]:
    return frame.filter(
        (pl.col(pub.MEASURE_ID) == "filled_posts")
        & (pl.col(pub.BREAKDOWN) == pub.TOTAL)
        & (pl.col(pub.PERIOD) == period)
    ).row(0, named=True)


class TestScorecardBase:
    def test_estimated_by_default_returned_on_request(self, with_estimates: str) -> None:
        found = publications.published()
        assert found is not None
        estimate = found.table.filter(
            (pl.col(pub.MEASURE_ID) == "filled_posts_estimate")
            & (pl.col(pub.BREAKDOWN) == pub.TOTAL)
        ).row(0, named=True)
        default = published_evaluation(found, AREA).scorecard
        row = _filled_posts(default, with_estimates)
        assert (row[pub.VALUE], row[c.BASE]) == (estimate[pub.VALUE], ESTIMATED)
        # Earlier periods have no estimate: the returns, said so.
        earlier = default.filter(
            (pl.col(pub.MEASURE_ID) == "filled_posts") & (pl.col(pub.PERIOD) == "2020/21")
        )
        assert set(earlier[c.BASE]) == {RETURNED}
        returned = published_evaluation(found, AREA, base=Base.RETURNED).scorecard
        own = pl.col(pub.MEASURE_ID).is_in(list(ESTIMATED_COUNTERPARTS.values()))
        assert set(returned.filter(~own)[c.BASE].drop_nulls()) == {RETURNED}
        # The estimates' own rows say what they are on either base.
        assert set(returned.filter(own)[c.BASE].drop_nulls()) == {ESTIMATED}

    def test_page_says_the_base_and_offers_the_other(
        self, with_estimates: str, client_as: Callable[[str], Any]
    ) -> None:
        url = reverse("outcomes:scorecard-show")
        page = page_of(client_as("public").get(url, {"area": AREA, "period": with_estimates}))
        assert page.text("#scorecard-base").startswith(f"Base: {ESTIMATED} where")
        assert page.texts("select[name=base] option") == [
            "Estimated for the whole sector, where estimated",
            "Returns only",
        ]
        assert ESTIMATED in page.html
        returned = page_of(
            client_as("public").get(
                url, {"area": AREA, "period": with_estimates, "base": "returned"}
            )
        )
        assert returned.text("#scorecard-base") == (
            f"Base: {RETURNED} (the workplaces that sent returns), as asked."
        )

    def test_download_and_api_carry_the_base(
        self, with_estimates: str, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("public")
        response = client.get(reverse("outcomes:scorecard-download", args=["csv"]), {"area": AREA})
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        bases = {r["base"] for r in rows if r["measure_id"] == "filled_posts"}
        # A period with no figure at all has no base.
        assert bases - {""} == {ESTIMATED, RETURNED}
        api = json.loads(client.get("/api/v1/scorecard", {"base": "returned"}).content)
        assert api["base"] == "returned"
        estimates = set(ESTIMATED_COUNTERPARTS.values())
        assert {
            r["base"] for r in api["results"] if r["base"] and r["measure_id"] not in estimates
        } == {RETURNED}
