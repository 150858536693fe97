"""Tests for the groupings of ASC-WDS codes."""

from __future__ import annotations

import pytest

from careforce.core.vocab.code_table import UnknownCodeError
from careforce.core.vocab.geography_codes import NATIONALITY
from careforce.core.vocab.groups import (
    EMPLOYER_SECTOR,
    ETHNICITY_GROUP,
    JOB_ROLE_GROUP,
    KEY_ROLE,
    NATIONALITY_GROUP,
    SERVICE_GROUP,
    AgeBand,
    EthnicityGroup,
    KeyRole,
    NationalityGroup,
    RoleGroup,
    Sector,
    ServiceGroup,
    age_band,
    nationality_group,
)
from careforce.core.vocab.staff_codes import ETHNICITY, JOB_ROLE
from careforce.core.vocab.workplace_codes import EMPLOYER_TYPE, SERVICE

pytestmark = pytest.mark.unit


class TestRoleGroup:
    def test_values(self) -> None:
        assert [group.value for group in RoleGroup] == [
            "direct care",
            "managerial/supervisory",
            "regulated professions",
            "other",
        ]

    def test_every_job_role_has_a_group(self) -> None:
        assert set(JOB_ROLE_GROUP) == JOB_ROLE.codes

    def test_every_group_is_used(self) -> None:
        assert set(JOB_ROLE_GROUP.values()) == set(RoleGroup)

    @pytest.mark.parametrize(
        ("code", "group"),
        [
            (8, RoleGroup.DIRECT_CARE),
            (7, RoleGroup.DIRECT_CARE),
            (52, RoleGroup.DIRECT_CARE),
            (9, RoleGroup.DIRECT_CARE),
            (23, RoleGroup.DIRECT_CARE),
            (34, RoleGroup.DIRECT_CARE),
            (37, RoleGroup.DIRECT_CARE),
            (38, RoleGroup.DIRECT_CARE),
            (42, RoleGroup.DIRECT_CARE),
            (1, RoleGroup.MANAGERIAL),
            (3, RoleGroup.MANAGERIAL),
            (4, RoleGroup.MANAGERIAL),
            (5, RoleGroup.MANAGERIAL),
            (24, RoleGroup.MANAGERIAL),
            (43, RoleGroup.MANAGERIAL),
            (44, RoleGroup.MANAGERIAL),
            (45, RoleGroup.MANAGERIAL),
            (49, RoleGroup.MANAGERIAL),
            (6, RoleGroup.REGULATED_PROFESSION),
            (15, RoleGroup.REGULATED_PROFESSION),
            (16, RoleGroup.REGULATED_PROFESSION),
            (17, RoleGroup.REGULATED_PROFESSION),
            (25, RoleGroup.OTHER),
            (26, RoleGroup.OTHER),
            (27, RoleGroup.OTHER),
            (46, RoleGroup.OTHER),
            (48, RoleGroup.OTHER),
            (51, RoleGroup.OTHER),
        ],
        ids=lambda value: JOB_ROLE.label(value) if isinstance(value, int) else None,
    )
    def test_group(self, code: int, group: RoleGroup) -> None:
        assert JOB_ROLE_GROUP[code] is group

    def test_mapping_is_read_only(self) -> None:
        with pytest.raises(TypeError):
            JOB_ROLE_GROUP[8] = RoleGroup.OTHER  # type: ignore[index]


class TestKeyRole:
    def test_codes(self) -> None:
        assert dict(KEY_ROLE) == {
            4: KeyRole.REGISTERED_MANAGER,
            7: KeyRole.SENIOR_CARE_WORKER,
            8: KeyRole.CARE_WORKER,
            16: KeyRole.REGISTERED_NURSE,
        }

    @pytest.mark.parametrize("code", [4, 7, 8, 16], ids=str)
    def test_value_matches_job_role_label(self, code: int) -> None:
        assert KEY_ROLE[code].value == JOB_ROLE.label(code).lower()


class TestServiceGroup:
    def test_every_service_has_a_group(self) -> None:
        assert set(SERVICE_GROUP) == SERVICE.codes

    def test_every_group_is_used(self) -> None:
        assert set(SERVICE_GROUP.values()) == set(ServiceGroup)

    @pytest.mark.parametrize(
        ("code", "group"),
        [
            (1, ServiceGroup.NURSING),
            (2, ServiceGroup.RESIDENTIAL),
            (5, ServiceGroup.RESIDENTIAL),
            (14, ServiceGroup.RESIDENTIAL),
            (70, ServiceGroup.RESIDENTIAL),
            (8, ServiceGroup.HOME_CARE),
            (12, ServiceGroup.HOME_CARE),
            (17, ServiceGroup.HOME_CARE),
            (54, ServiceGroup.HOME_CARE),
            (55, ServiceGroup.HOME_CARE),
            (73, ServiceGroup.HOME_CARE),
            (74, ServiceGroup.HOME_CARE),
            (6, ServiceGroup.DAY_AND_COMMUNITY),
            (7, ServiceGroup.DAY_AND_COMMUNITY),
            (13, ServiceGroup.DAY_AND_COMMUNITY),
            (15, ServiceGroup.DAY_AND_COMMUNITY),
            (16, ServiceGroup.DAY_AND_COMMUNITY),
            (18, ServiceGroup.DAY_AND_COMMUNITY),
            (19, ServiceGroup.DAY_AND_COMMUNITY),
            (20, ServiceGroup.DAY_AND_COMMUNITY),
            (53, ServiceGroup.DAY_AND_COMMUNITY),
            (61, ServiceGroup.DAY_AND_COMMUNITY),
            (62, ServiceGroup.DAY_AND_COMMUNITY),
            (63, ServiceGroup.DAY_AND_COMMUNITY),
            (52, ServiceGroup.OTHER),
            (60, ServiceGroup.OTHER),
            (64, ServiceGroup.OTHER),
            (66, ServiceGroup.OTHER),
            (68, ServiceGroup.OTHER),
            (69, ServiceGroup.OTHER),
            (71, ServiceGroup.OTHER),
            (72, ServiceGroup.OTHER),
            (75, ServiceGroup.OTHER),
        ],
        ids=lambda value: SERVICE.label(value)[:40] if isinstance(value, int) else None,
    )
    def test_group(self, code: int, group: ServiceGroup) -> None:
        assert SERVICE_GROUP[code] is group

    def test_only_care_homes_with_nursing_are_nursing(self) -> None:
        nursing = {code for code, group in SERVICE_GROUP.items() if group is ServiceGroup.NURSING}
        assert nursing == {1}


class TestEthnicityGroup:
    def test_every_ethnicity_has_a_group(self) -> None:
        assert set(ETHNICITY_GROUP) == ETHNICITY.codes

    @pytest.mark.parametrize(
        ("code", "group"),
        [
            (31, EthnicityGroup.WHITE),
            (34, EthnicityGroup.WHITE),
            (35, EthnicityGroup.BLACK_AND_OTHER),
            (44, EthnicityGroup.BLACK_AND_OTHER),
            (47, EthnicityGroup.BLACK_AND_OTHER),
            (98, EthnicityGroup.BLACK_AND_OTHER),
            (99, EthnicityGroup.UNKNOWN),
        ],
        ids=["31-first-white", "34-last-white", "35", "44", "47", "98-other", "99-dont-know"],
    )
    def test_group(self, code: int, group: EthnicityGroup) -> None:
        assert ETHNICITY_GROUP[code] is group

    def test_white_count(self) -> None:
        white = [code for code, group in ETHNICITY_GROUP.items() if group is EthnicityGroup.WHITE]
        assert sorted(white) == [31, 32, 33, 34]


class TestNationalityGroup:
    @pytest.mark.parametrize(
        ("code", "group"),
        [
            (826, NationalityGroup.BRITISH),
            (616, NationalityGroup.EU),
            (372, NationalityGroup.EU),
            (642, NationalityGroup.EU),
            (528, NationalityGroup.EU),
            (535, NationalityGroup.EU),
            (356, NationalityGroup.OUTSIDE_EU),
            (566, NationalityGroup.OUTSIDE_EU),
            (578, NationalityGroup.OUTSIDE_EU),
            (756, NationalityGroup.OUTSIDE_EU),
            (999, NationalityGroup.OUTSIDE_EU),
            (998, NationalityGroup.UNKNOWN),
        ],
        ids=[
            "british",
            "poland",
            "ireland",
            "romania",
            "netherlands-528",
            "netherlands-535",
            "india",
            "nigeria",
            "norway",
            "switzerland",
            "other",
            "dont-know",
        ],
    )
    def test_nationality_group(self, code: int, group: NationalityGroup) -> None:
        assert nationality_group(code) is group
        assert NATIONALITY_GROUP[code] is group

    def test_mapping_covers_every_nationality(self) -> None:
        assert set(NATIONALITY_GROUP) == NATIONALITY.codes

    def test_eu_has_27_member_states(self) -> None:
        eu = {
            NATIONALITY.label(code)
            for code, group in NATIONALITY_GROUP.items()
            if group is NationalityGroup.EU
        }
        assert len(eu) == 27

    def test_netherlands_codes_are_eu(self) -> None:
        assert all(nationality_group(code) is NationalityGroup.EU for code in (528, 531, 534, 535))

    @pytest.mark.parametrize("code", [1, 0, 1000], ids=str)
    def test_unknown_code_raises(self, code: int) -> None:
        with pytest.raises(UnknownCodeError):
            nationality_group(code)


class TestSector:
    def test_every_employer_type_has_a_sector(self) -> None:
        assert set(EMPLOYER_SECTOR) == EMPLOYER_TYPE.codes

    @pytest.mark.parametrize(
        ("code", "sector"),
        [
            (1, Sector.LOCAL_AUTHORITY),
            (3, Sector.LOCAL_AUTHORITY),
            (6, Sector.INDEPENDENT),
            (7, Sector.INDEPENDENT),
            (8, Sector.INDEPENDENT),
        ],
        ids=["la-adult", "la-generic", "private", "voluntary", "other"],
    )
    def test_sector(self, code: int, sector: Sector) -> None:
        assert EMPLOYER_SECTOR[code] is sector

    def test_personal_assistants_value(self) -> None:
        assert Sector.PERSONAL_ASSISTANTS == "personal assistants"
        assert Sector.PERSONAL_ASSISTANTS not in EMPLOYER_SECTOR.values()


class TestAgeBand:
    def test_values(self) -> None:
        assert [band.value for band in AgeBand] == [
            "under 20",
            "20-24",
            "25-34",
            "35-44",
            "45-54",
            "55-64",
            "65 and over",
        ]

    @pytest.mark.parametrize(
        ("age", "band"),
        [
            (0, AgeBand.UNDER_20),
            (16, AgeBand.UNDER_20),
            (19, AgeBand.UNDER_20),
            (20, AgeBand.AGE_20_TO_24),
            (24, AgeBand.AGE_20_TO_24),
            (25, AgeBand.AGE_25_TO_34),
            (34, AgeBand.AGE_25_TO_34),
            (35, AgeBand.AGE_35_TO_44),
            (44, AgeBand.AGE_35_TO_44),
            (45, AgeBand.AGE_45_TO_54),
            (54, AgeBand.AGE_45_TO_54),
            (55, AgeBand.AGE_55_TO_64),
            (64, AgeBand.AGE_55_TO_64),
            (65, AgeBand.AGE_65_AND_OVER),
            (99, AgeBand.AGE_65_AND_OVER),
        ],
        ids=lambda value: f"age-{value}" if isinstance(value, int) else None,
    )
    def test_boundaries(self, age: int, band: AgeBand) -> None:
        assert age_band(age) is band

    def test_negative_age_raises(self) -> None:
        with pytest.raises(ValueError, match="negative"):
            age_band(-1)
