"""Tests for synthetic personal details."""

from __future__ import annotations

import re

import pytest

from careforce.core.vocab.geography_codes import COUNTRY, NATIONALITY
from careforce.core.vocab.groups import NATIONALITY_GROUP, NationalityGroup
from careforce.core.vocab.staff_codes import ETHNICITY
from careforce.synthetic.identities import (
    ETHNICITY_BY_COUNTRY,
    EU_NATIONALITIES,
    NI_PREFIXES,
    NON_EU_NATIONALITIES,
    ni_number,
)

pytestmark = pytest.mark.unit


class TestNiNumber:
    def test_numbers_are_valid_and_unique(self) -> None:
        numbers = [ni_number(serial) for serial in range(0, 400_000, 3)]
        assert len(set(numbers)) == len(numbers)
        assert all(re.fullmatch(r"[A-Z]{2}[0-9]{6}[A-D]", n) for n in numbers)

    def test_prefixes_exclude_those_hmrc_never_issues(self) -> None:
        assert not {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"} & set(NI_PREFIXES)
        assert all(p[0] not in "DFIQUV" and p[1] not in "DFIOQUV" for p in NI_PREFIXES)


class TestNationalityCodes:
    def test_codes_are_in_the_code_tables(self) -> None:
        codes = set(EU_NATIONALITIES) | set(NON_EU_NATIONALITIES)
        assert codes <= NATIONALITY.codes
        assert codes <= COUNTRY.codes
        assert set(ETHNICITY_BY_COUNTRY.values()) <= ETHNICITY.codes

    def test_groups_are_right(self) -> None:
        assert {NATIONALITY_GROUP[c] for c in EU_NATIONALITIES} == {NationalityGroup.EU}
        assert {NATIONALITY_GROUP[c] for c in NON_EU_NATIONALITIES} == {NationalityGroup.OUTSIDE_EU}
