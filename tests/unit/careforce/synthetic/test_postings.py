"""Job postings reproduce the published tables by title and by city."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest

from careforce.synthetic.postings import generate_postings
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.published import POSTINGS_BY_CITY, POSTINGS_BY_TITLE

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def postings() -> pl.DataFrame:
    area = build_profile("staffordshire").areas[0]
    frame = pl.read_csv(
        io.BytesIO(generate_postings(area, seed=2022).encode()), infer_schema=False
    ).fill_null("")
    return frame.with_columns(
        (pl.col("expiry_date").str.to_date() - pl.col("posted_date").str.to_date())
        .dt.total_days()
        .alias("days")
    )


def _metrics(frame: pl.DataFrame, by: str) -> dict[str, tuple[int, int, float]]:
    unique = pl.col("duplicate_of") == ""
    table = frame.group_by(by).agg(
        pl.len().alias("total"),
        unique.sum().alias("unique"),
        pl.col("days").filter(unique).median().alias("median"),
    )
    return {row[0]: (row[1], row[2], row[3]) for row in table.iter_rows()}


class TestPostings:
    @pytest.mark.parametrize("title", list(POSTINGS_BY_TITLE))
    def test_title_table(self, postings, title) -> None:
        total, unique, median = _metrics(postings, "title")[title]
        figures = POSTINGS_BY_TITLE[title]
        assert (total, unique, median) == (figures.total, figures.unique, figures.median_days)
        assert round(total / unique) == figures.intensity

    @pytest.mark.parametrize("city", list(POSTINGS_BY_CITY))
    def test_city_table(self, postings, city) -> None:
        total, unique, median = _metrics(postings, "city")[city]
        figures = POSTINGS_BY_CITY[city]
        assert (total, unique, median) == (figures.total, figures.unique, figures.median_days)
        assert round(total / unique) == figures.intensity

    def test_duplicates_point_at_unique_postings(self, postings) -> None:
        originals = postings.filter(pl.col("duplicate_of") == "")
        duplicates = postings.filter(pl.col("duplicate_of") != "")
        joined = duplicates.join(
            originals.select("posting_id", "title", "city"),
            left_on="duplicate_of",
            right_on="posting_id",
            suffix="_o",
        )
        assert joined.height == duplicates.height
        assert (joined["title"] == joined["title_o"]).all()
        assert (joined["city"] == joined["city_o"]).all()
        assert postings["posting_id"].is_unique().all()

    def test_dates_are_in_the_period(self, postings) -> None:
        posted = postings.filter(pl.col("duplicate_of") == "")["posted_date"]
        assert posted.min() >= "2021-09-01"
        assert posted.max() <= "2022-08-31"
        assert (postings["days"] > 0).all()


class TestPublishedTopTen:
    @pytest.mark.parametrize(
        ("column", "published"),
        [("title", POSTINGS_BY_TITLE), ("city", POSTINGS_BY_CITY)],
        ids=["titles", "cities"],
    )
    def test_no_unpublished_value_outranks_the_top_ten(self, postings, column, published) -> None:
        unique = {key: value[1] for key, value in _metrics(postings, column).items()}
        top_ten = sorted(unique, key=lambda key: -unique[key])[:10]
        assert set(top_ten) == set(published)

    def test_canonical_columns_and_window(self, postings) -> None:
        assert postings.columns[:10] == [
            "posting_id",
            "title",
            "employer",
            "city",
            "local_authority_code",
            "posted_date",
            "expiry_date",
            "duplicate_of",
            "soc_code",
            "skills",
        ]
        assert postings["posted_date"].max() <= "2022-08-31"
        assert set(postings.filter(pl.col("city") == "Leek")["local_authority_code"]) == {
            "E07000198"
        }


class TestNationalPostings:
    def test_posting_ids_are_unique_across_councils_sharing_their_last_digits(self) -> None:
        # Hartlepool, Bolton and the City of London end alike.
        councils = {area.code: area for area in build_profile("england", scale=0.02).areas}
        ids: list[str] = []
        for code in ("E06000001", "E08000001", "E09000001"):
            rows = list(csv.DictReader(io.StringIO(generate_postings(councils[code], seed=7))))
            assert rows
            ids += [row["posting_id"] for row in rows]
        assert len(ids) == len(set(ids))
