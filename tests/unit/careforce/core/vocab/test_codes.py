"""Tests for the ASC-WDS code tables."""

from __future__ import annotations

import dataclasses
import re

import pytest

from careforce.core.vocab import (
    code_table,
    geography_codes,
    staff_codes,
    training_codes,
    workplace_codes,
)
from careforce.core.vocab.code_table import (
    DONT_KNOW,
    PERMISSION,
    YES_NO_DONT_KNOW,
    CodeTable,
    UnknownCodeError,
)
from careforce.core.vocab.geography_codes import (
    COUNTRY,
    COUNTRY_UK,
    NATIONALITY,
    NATIONALITY_BRITISH,
    NATIONALITY_DONT_KNOW,
    NATIONALITY_OTHER,
)
from careforce.core.vocab.staff_codes import (
    CARE_CERTIFICATE,
    CONTRACT_TYPE,
    CWP_CATEGORY,
    DHA_JOB_ROLES,
    DISABLED,
    EMPLOYED_CONTRACTS,
    ETHNICITY,
    GENDER,
    JOB_ROLE,
    L2_CARE_CERTIFICATE,
    NMC_REGISTER,
    NON_EMPLOYED_CONTRACTS,
    OTHER_DIRECT_CARE_ROLE,
    OTHER_NON_CARE_ROLE,
    QUALIFICATION,
    QUALIFICATION_GROUP,
    QUALIFICATION_LEVEL,
    RECRUITMENT_SOURCE,
    REGISTERED_MANAGER,
    REGISTERED_NURSE,
    REGULATED_PROFESSION_ROLES,
    SALARY_INTERVAL,
    SENIOR_MANAGEMENT,
    SOCIAL_WORKER,
)
from careforce.core.vocab.training_codes import (
    ACCREDITED,
    HOW_DELIVERED,
    TRAINING_CATEGORY,
    TRAINING_PROVIDER,
    WHO_DELIVERED,
)
from careforce.core.vocab.workplace_codes import (
    CQC_REGULATED_SERVICES,
    CWP_AWARENESS,
    CWP_USE_REASON,
    DHA_ACTIVITY,
    DHA_SERVICES,
    EMPLOYER_TYPE,
    HEAD_OFFICE_SERVICE,
    OTHER_DESCRIPTION_SERVICES,
    OTHER_SERVICE_USERS,
    REGISTRATION_TYPE,
    REPEAT_TRAINING,
    SERVICE,
    SERVICE_PAY_GROUP,
    SERVICE_USER,
    SLEEP_IN_PAY,
    TRAVEL_TIME,
)

pytestmark = pytest.mark.unit

CODE_MODULES = (code_table, workplace_codes, staff_codes, geography_codes, training_codes)
ALL_TABLES = [
    value
    for module in CODE_MODULES
    for value in vars(module).values()
    if isinstance(value, CodeTable)
]


def _table_id(value: object) -> str | None:
    """Name tables and codes in test ids; let pytest number everything else."""
    if isinstance(value, CodeTable):
        return value.name
    if isinstance(value, int):
        return str(value)
    return None


class TestCodeTable:
    def test_contains_int_code(self) -> None:
        table = CodeTable("example", {1: "One", 3: "Three"})
        assert 1 in table
        assert 2 not in table

    @pytest.mark.parametrize(
        "value",
        [True, "1", 1.0, None],
        ids=["bool", "string", "float", "none"],
    )
    def test_non_int_is_not_a_code(self, value: object) -> None:
        table = CodeTable("example", {1: "One"})
        assert value not in table

    def test_label_of_known_code(self) -> None:
        assert CodeTable("example", {1: "One"}).label(1) == "One"

    def test_label_of_unknown_code_raises(self) -> None:
        table = CodeTable("example", {1: "One"})
        with pytest.raises(UnknownCodeError, match="2 is not a code of the example table"):
            table.label(2)

    def test_unknown_code_error_is_key_error(self) -> None:
        error = UnknownCodeError("example", 2)
        assert isinstance(error, KeyError)
        assert (error.table, error.code) == ("example", 2)

    def test_codes_are_the_label_keys(self) -> None:
        assert CodeTable("example", {3: "Three", 1: "One"}).codes == frozenset({1, 3})

    def test_labels_are_read_only(self) -> None:
        table = CodeTable("example", {1: "One"})
        with pytest.raises(TypeError):
            table.labels[2] = "Two"  # type: ignore[index]

    def test_labels_are_copied(self) -> None:
        source = {1: "One"}
        table = CodeTable("example", source)
        source[2] = "Two"
        assert 2 not in table

    def test_is_frozen(self) -> None:
        table = CodeTable("example", {1: "One"})
        with pytest.raises(dataclasses.FrozenInstanceError):
            table.name = "other"  # type: ignore[misc]

    def test_equal_tables_hash_equal(self) -> None:
        first = CodeTable("example", {1: "One"})
        second = CodeTable("example", {1: "One"})
        assert first == second
        assert hash(first) == hash(second)

    @pytest.mark.parametrize(
        ("name", "labels", "error"),
        [
            ("Example", {1: "One"}, ValueError),
            ("example", {}, ValueError),
            ("example", {True: "One"}, TypeError),
            ("example", {1: " "}, ValueError),
        ],
        ids=["name-not-snake-case", "empty", "bool-code", "blank-label"],
    )
    def test_rejects_invalid_table(
        self, name: str, labels: dict[int, str], error: type[Exception]
    ) -> None:
        with pytest.raises(error):
            CodeTable(name, labels)


class TestAllTables:
    def test_every_table_is_collected(self) -> None:
        assert len(ALL_TABLES) == 32

    def test_names_are_unique(self) -> None:
        names = [table.name for table in ALL_TABLES]
        assert len(names) == len(set(names))

    @pytest.mark.parametrize("table", ALL_TABLES, ids=lambda table: table.name)
    def test_name_is_snake_case(self, table: CodeTable) -> None:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", table.name)

    @pytest.mark.parametrize("table", ALL_TABLES, ids=lambda table: table.name)
    def test_labels_are_trimmed(self, table: CodeTable) -> None:
        assert all(label == label.strip() for label in table.labels.values())


class TestSmallTables:
    @pytest.mark.parametrize(
        ("table", "expected"),
        [
            (EMPLOYER_TYPE, {1, 3, 6, 7, 8}),
            (DHA_ACTIVITY, set(range(1, 9))),
            (CWP_AWARENESS, {1, 2, 3, 4, 999}),
            (CWP_USE_REASON, set(range(1, 11))),
            (TRAVEL_TIME, {1, 2, 3, 4, 5, 6, 999}),
            (RECRUITMENT_SOURCE, {1, 2, 5, 7, 8, 10, 12, 15, 16, 17, 18}),
            (CONTRACT_TYPE, {1, 2, 3, 4, 7}),
            (QUALIFICATION_LEVEL, {0, 1, 2, 3, 4, 5, 6, 7, 8, 999}),
            (CWP_CATEGORY, {1, 2, 3, 4, 5, 6, 7, 998, 999}),
            (GENDER, {1, 2, 3, 4}),
            (DISABLED, {0, 1, 2, 3}),
            (CARE_CERTIFICATE, {1, 2, 3}),
            (L2_CARE_CERTIFICATE, {1, 2, 3}),
            (SALARY_INTERVAL, {1, 3, 999}),
            (NMC_REGISTER, {1, 2, 3, 4, 5}),
            (YES_NO_DONT_KNOW, {1, 2, 999}),
            (ACCREDITED, {0, 1, 999}),
            (WHO_DELIVERED, {1, 2}),
            (HOW_DELIVERED, {1, 2}),
            (REPEAT_TRAINING, {1, 2, 3, 4}),
            (SLEEP_IN_PAY, {1, 2, 999}),
            (PERMISSION, {0, 1}),
            (REGISTRATION_TYPE, {0, 2}),
        ],
        ids=_table_id,
    )
    def test_codes(self, table: CodeTable, expected: set[int]) -> None:
        assert table.codes == expected

    @pytest.mark.parametrize(
        ("table", "code", "label"),
        [
            (EMPLOYER_TYPE, 6, "Private Sector"),
            (EMPLOYER_TYPE, 7, "Voluntary / Charity"),
            (DHA_ACTIVITY, 4, "Compromised skin integrity and wound care"),
            (CWP_AWARENESS, 3, "Aware of the term 'care workforce pathway'"),
            (TRAVEL_TIME, 2, "Minimum wage"),
            (RECRUITMENT_SOURCE, 16, "I do not know"),
            (RECRUITMENT_SOURCE, 17, "Children's, young people's social care"),
            (CONTRACT_TYPE, 3, "Pool/Bank"),
            (QUALIFICATION_LEVEL, 0, "Entry level"),
            (QUALIFICATION_LEVEL, 8, "Level 8 or above"),
            (QUALIFICATION_LEVEL, 999, "Don't know"),
            (CWP_CATEGORY, 998, "None of the above"),
            (DISABLED, 2, "Undisclosed"),
            (CARE_CERTIFICATE, 3, "Yes, in progress or partially completed"),
            (L2_CARE_CERTIFICATE, 2, "Yes, started"),
            (NMC_REGISTER, 5, "Enrolled"),
            (ACCREDITED, 0, "No"),
            (REPEAT_TRAINING, 3, "Yes, but not very often"),
            (SLEEP_IN_PAY, 999, "I do not know"),
            (REGISTRATION_TYPE, 2, "CQC regulated"),
        ],
        ids=_table_id,
    )
    def test_label(self, table: CodeTable, code: int, label: str) -> None:
        assert table.label(code) == label


class TestService:
    def test_has_36_codes(self) -> None:
        assert len(SERVICE.codes) == 36

    @pytest.mark.parametrize(
        ("code", "label"),
        [
            (1, "Care home services with nursing"),
            (8, "Domiciliary care services"),
            (55, "Supported living services"),
            (72, "Head office services"),
            (75, "Any children's, young people's service"),
        ],
        ids=["nursing-home", "domiciliary", "supported-living", "head-office", "children"],
    )
    def test_label(self, code: int, label: str) -> None:
        assert SERVICE.label(code) == label

    @pytest.mark.parametrize("code", [3, 4, 9, 11, 22, 65, 76], ids=str)
    def test_unused_codes_are_unknown(self, code: int) -> None:
        assert code not in SERVICE

    @pytest.mark.parametrize("code", [1, 2, 8, 17, 54, 55, 61, 70, 74], ids=str)
    def test_cqc_regulated(self, code: int) -> None:
        assert code in CQC_REGULATED_SERVICES

    @pytest.mark.parametrize("code", [5, 6, 10, 53, 72, 73, 75], ids=str)
    def test_not_cqc_regulated(self, code: int) -> None:
        assert code not in CQC_REGULATED_SERVICES

    def test_cqc_regulated_count(self) -> None:
        assert len(CQC_REGULATED_SERVICES) == 16

    def test_head_office(self) -> None:
        assert HEAD_OFFICE_SERVICE == 72
        assert SERVICE.label(HEAD_OFFICE_SERVICE) == "Head office services"

    def test_every_service_has_a_pay_group(self) -> None:
        assert set(SERVICE_PAY_GROUP) == SERVICE.codes
        assert set(SERVICE_PAY_GROUP.values()) == {1, 2, 3}

    @pytest.mark.parametrize(
        ("code", "group"),
        [(8, 1), (12, 1), (1, 2), (2, 2), (55, 2), (6, 3), (72, 3)],
        ids=["dom", "other-dom", "nursing", "residential", "supported-living", "day", "head"],
    )
    def test_pay_group(self, code: int, group: int) -> None:
        assert SERVICE_PAY_GROUP[code] == group

    def test_dha_services_exclude_five(self) -> None:
        assert SERVICE.codes - DHA_SERVICES == {10, 13, 19, 60, 72}

    def test_other_description_services(self) -> None:
        assert frozenset({5, 7, 12, 21, 52, 71, 72, 75}) == OTHER_DESCRIPTION_SERVICES
        assert OTHER_DESCRIPTION_SERVICES.issubset(SERVICE.codes)

    def test_subsets_are_services(self) -> None:
        assert CQC_REGULATED_SERVICES.issubset(SERVICE.codes)
        assert DHA_SERVICES.issubset(SERVICE.codes)


class TestServiceUser:
    def test_codes(self) -> None:
        assert SERVICE_USER.codes == {
            *range(1, 10),
            *range(18, 24),
            *range(25, 30),
            31,
            45,
            46,
        }

    def test_published_label(self) -> None:
        assert SERVICE_USER.label(1) == "Older people with dementia"

    def test_placeholder_label(self) -> None:
        assert SERVICE_USER.label(45) == "Service user group 45"

    def test_other_service_users(self) -> None:
        assert frozenset({3, 9, 21}) == OTHER_SERVICE_USERS
        assert OTHER_SERVICE_USERS.issubset(SERVICE_USER.codes)


class TestJobRole:
    def test_has_37_codes(self) -> None:
        assert len(JOB_ROLE.codes) == 37

    @pytest.mark.parametrize(
        ("code", "label"),
        [
            (1, "Senior management"),
            (4, "Registered manager"),
            (7, "Senior care worker"),
            (8, "Care worker"),
            (16, "Registered nurse"),
            (17, "Allied health professional (not occupational therapist)"),
            (23, "Other (directly involved in providing care)"),
            (27, "Other (not directly involved in providing care)"),
            (52, "Support worker"),
        ],
        ids=["senior", "rm", "senior-carer", "carer", "nurse", "ahp", "other-care", "other", "sw"],
    )
    def test_label(self, code: int, label: str) -> None:
        assert JOB_ROLE.label(code) == label

    @pytest.mark.parametrize(
        "code",
        [12, 13, 14, 18, 19, 20, 21, 22, 28, 29, 30, 31, 32, 33, 41, 53],
        ids=str,
    )
    def test_invalid_codes(self, code: int) -> None:
        assert code not in JOB_ROLE

    def test_named_roles(self) -> None:
        assert JOB_ROLE.label(SENIOR_MANAGEMENT) == "Senior management"
        assert JOB_ROLE.label(REGISTERED_MANAGER) == "Registered manager"
        assert JOB_ROLE.label(SOCIAL_WORKER) == "Social worker"
        assert JOB_ROLE.label(REGISTERED_NURSE) == "Registered nurse"
        assert OTHER_DIRECT_CARE_ROLE == 23
        assert OTHER_NON_CARE_ROLE == 27

    def test_regulated_profession_roles(self) -> None:
        assert frozenset({6, 15, 16}) == REGULATED_PROFESSION_ROLES

    def test_dha_job_roles(self) -> None:
        not_allowed = {10, 16, 24, 25, 26, 27, 37, 38, 44, 46, 47, 48, 49, 50, 51}
        assert JOB_ROLE.codes - DHA_JOB_ROLES == not_allowed
        assert {4, 7, 8, 52} <= DHA_JOB_ROLES


class TestEthnicity:
    def test_codes(self) -> None:
        assert ETHNICITY.codes == {*range(31, 48), 98, 99}

    @pytest.mark.parametrize(
        ("code", "label"),
        [(31, "English/Welsh/Scottish/Northern Irish/British"), (98, "Any other ethnic group")],
        ids=["british", "other"],
    )
    def test_label(self, code: int, label: str) -> None:
        assert ETHNICITY.label(code) == label

    def test_dont_know(self) -> None:
        assert ETHNICITY.label(99) == "Don't know"


class TestNationality:
    @pytest.mark.parametrize(
        ("code", "label"),
        [
            (NATIONALITY_BRITISH, "British"),
            (NATIONALITY_DONT_KNOW, "Don't know"),
            (NATIONALITY_OTHER, "Other"),
            (616, "Polish"),
            (372, "Irish"),
            (356, "Indian"),
            (16, "American"),
            (840, "American"),
            (531, "Dutch"),
            (995, "Kosovan"),
        ],
        ids=["british", "dont-know", "other", "pl", "ie", "in", "us-16", "us-840", "nl-531", "xk"],
    )
    def test_label(self, code: int, label: str) -> None:
        assert NATIONALITY.label(code) == label

    def test_special_codes(self) -> None:
        assert (NATIONALITY_BRITISH, NATIONALITY_DONT_KNOW, NATIONALITY_OTHER) == (826, 998, 999)

    def test_size(self) -> None:
        assert len(NATIONALITY.codes) == 220

    def test_invalid_code(self) -> None:
        assert 1 not in NATIONALITY


class TestCountry:
    @pytest.mark.parametrize(
        ("code", "label"),
        [
            (COUNTRY_UK, "United Kingdom"),
            (998, "Don't know"),
            (999, "Other"),
            (372, "Ireland"),
            (384, "Cote d'Ivoire"),
            (418, "Unknown country (418)"),
            (995, "Unknown country (995)"),
        ],
        ids=["uk", "dont-know", "other", "ie", "ci", "unlabelled-418", "unlabelled-995"],
    )
    def test_label(self, code: int, label: str) -> None:
        assert COUNTRY.label(code) == label

    def test_size(self) -> None:
        assert len(COUNTRY.codes) == 252


class TestQualification:
    def test_size(self) -> None:
        assert len(QUALIFICATION.codes) == 145

    @pytest.mark.parametrize(
        ("code", "title"),
        [
            (1, "Health and social care NVQ"),
            (4, "Care NVQ"),
            (16, "Social work degree (UK)"),
            (158, "Level 2 Adult Social Care Certificate"),
            (307, "Leader in adult care (standard)"),
            (313, "Physiotherapist"),
        ],
        ids=["nvq", "care-nvq", "sw-degree", "l2-cert", "leader-standard", "physio"],
    )
    def test_title(self, code: int, title: str) -> None:
        assert QUALIFICATION.label(code) == title

    def test_every_qualification_has_a_group(self) -> None:
        assert set(QUALIFICATION_GROUP) == QUALIFICATION.codes

    def test_groups(self) -> None:
        assert set(QUALIFICATION_GROUP.values()) == {
            "Apprenticeship",
            "Award",
            "Certificate",
            "Degree",
            "Diploma",
            "NVQ",
            "Other type of qualification",
        }

    @pytest.mark.parametrize(
        ("code", "group"),
        [(1, "NVQ"), (8, "Award"), (53, "Diploma"), (144, "Degree"), (301, "Apprenticeship")],
        ids=["nvq", "award", "diploma", "degree", "apprenticeship"],
    )
    def test_group(self, code: int, group: str) -> None:
        assert QUALIFICATION_GROUP[code] == group

    @pytest.mark.parametrize("code", [7, 11, 21, 160, 300, 316], ids=str)
    def test_invalid_codes(self, code: int) -> None:
        assert code not in QUALIFICATION


class TestTraining:
    def test_category_size(self) -> None:
        assert len(TRAINING_CATEGORY.codes) == 48

    @pytest.mark.parametrize("code", [3, 4, 24, 52], ids=str)
    def test_invalid_categories(self, code: int) -> None:
        assert code not in TRAINING_CATEGORY

    @pytest.mark.parametrize(
        ("code", "label"),
        [
            (20, "Safeguarding adults"),
            (13, "Medication management"),
            (51, "Working with digital technology"),
        ],
        ids=["safeguarding", "medication", "digital"],
    )
    def test_category_label(self, code: int, label: str) -> None:
        assert TRAINING_CATEGORY.label(code) == label

    def test_provider_codes(self) -> None:
        assert TRAINING_PROVIDER.codes == {*range(1, 89), 999}

    def test_provider_label(self) -> None:
        assert TRAINING_PROVIDER.label(88) == "Skills for Care"


class TestContracts:
    def test_employed_and_non_employed_partition_contract_types(self) -> None:
        assert EMPLOYED_CONTRACTS.union(NON_EMPLOYED_CONTRACTS) == CONTRACT_TYPE.codes
        assert not EMPLOYED_CONTRACTS & NON_EMPLOYED_CONTRACTS
        assert frozenset({1, 2}) == EMPLOYED_CONTRACTS


class TestDontKnow:
    def test_value(self) -> None:
        assert DONT_KNOW == 999
        assert YES_NO_DONT_KNOW.label(DONT_KNOW) == "Don't know"
