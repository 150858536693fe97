"""The demo's summary shows the people beside the posts."""

from __future__ import annotations

import pytest

from careforce.cli.demo import HEADLINES

pytestmark = pytest.mark.unit


def test_headcount_follows_filled_posts() -> None:
    ids = [measure_id for measure_id, _, _ in HEADLINES]
    assert ids.index("headcount") == ids.index("filled_posts") + 1
