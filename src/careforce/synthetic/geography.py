"""Places the synthetic data is set in: Staffordshire's districts and England's councils.

Staffordshire's eight districts carry their real ONS local authority district (LAD) codes and the
real postcode outward codes that lie in them, so that measures can turn a workplace or home
postcode into a district with :data:`POSTCODE_DISTRICTS`. England's 153 upper-tier councils (those
with adult social services responsibilities, boundaries of April 2023) carry their real ONS codes
and region; their populations are approximate Census 2021 figures in thousands (used only to size
the synthetic data) and their postcode areas are the main postal area serving each council, with
plausible but not checked district numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True)
class District:
    """A lower-tier local authority district, or a whole council treated as one district.

    Attributes:
        code: ONS code (E07... for a district, the council's own code otherwise).
        name: Official name.
        outward_codes: Postcode outward codes (the part before the space) inside the district.
        towns: Main towns, first the one used as the post town by default.
    """

    code: str
    name: str
    outward_codes: tuple[str, ...]
    towns: tuple[str, ...]


@dataclass(frozen=True)
class Council:
    """An English upper-tier council with adult social services responsibilities.

    Attributes:
        code: ONS code (E06 unitary, E08 metropolitan district, E09 London borough, E10 county).
        name: Official name.
        region: ONS code of the region (E12...).
        population_thousands: Usual resident population, Census 2021, thousands (approximate).
        postcode_area: Main postcode area (the letters of the outward code).
        postcode_districts: First and last postcode district numbers used for synthetic addresses.
    """

    code: str
    name: str
    region: str
    population_thousands: int
    postcode_area: str
    postcode_districts: tuple[int, int]


STAFFORDSHIRE_CODE: Final = "E10000028"
"""ONS code of Staffordshire County Council (published figures, area.ons_code)."""

STAFFORDSHIRE_DISTRICTS: Final[tuple[District, ...]] = (
    District("E07000192", "Cannock Chase", ("WS11", "WS12", "WS15"), ("Cannock", "Rugeley")),
    District(
        "E07000193",
        "East Staffordshire",
        ("DE13", "DE14", "DE15", "ST14"),
        ("Burton upon Trent", "Uttoxeter"),
    ),
    District("E07000194", "Lichfield", ("WS13", "WS14", "WS7"), ("Lichfield", "Burntwood")),
    District(
        "E07000195",
        "Newcastle-under-Lyme",
        ("ST5",),
        ("Newcastle-under-Lyme", "Kidsgrove"),
    ),
    District(
        "E07000196",
        "South Staffordshire",
        ("WV8", "WV9", "ST19", "WV5"),
        ("Codsall", "Penkridge", "Wombourne"),
    ),
    District("E07000197", "Stafford", ("ST16", "ST17", "ST18", "ST15"), ("Stafford", "Stone")),
    District(
        "E07000198",
        "Staffordshire Moorlands",
        ("ST13", "ST10", "ST8"),
        ("Leek", "Cheadle", "Biddulph"),
    ),
    District("E07000199", "Tamworth", ("B77", "B78", "B79"), ("Tamworth",)),
)
"""Staffordshire's eight districts with their ONS LAD codes and postcode outward codes."""

STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "E07000192": 101,
        "E07000193": 124,
        "E07000194": 106,
        "E07000195": 124,
        "E07000196": 110,
        "E07000197": 137,
        "E07000198": 97,
        "E07000199": 78,
    }
)
"""Census 2021 population of each Staffordshire district, thousands (ONS, rounded)."""

POSTCODE_DISTRICTS: Final[Mapping[str, District]] = MappingProxyType(
    {
        outward: district
        for district in STAFFORDSHIRE_DISTRICTS
        for outward in district.outward_codes
    }
)
"""Postcode outward code -> Staffordshire district (with its ONS LAD code)."""

REGIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "E12000001": "North East",
        "E12000002": "North West",
        "E12000003": "Yorkshire and The Humber",
        "E12000004": "East Midlands",
        "E12000005": "West Midlands",
        "E12000006": "East of England",
        "E12000007": "London",
        "E12000008": "South East",
        "E12000009": "South West",
    }
)
"""ONS region codes and names of England."""

_NE, _NW, _YH, _EM, _WM, _EE, _LO, _SE, _SW = sorted(REGIONS)

_COUNCIL_ROWS: Final = (
    # North East
    ("E06000001", "Hartlepool", _NE, 92, "TS", 24, 27),
    ("E06000002", "Middlesbrough", _NE, 144, "TS", 1, 8),
    ("E06000003", "Redcar and Cleveland", _NE, 137, "TS", 10, 14),
    ("E06000004", "Stockton-on-Tees", _NE, 197, "TS", 15, 21),
    ("E06000005", "Darlington", _NE, 108, "DL", 1, 3),
    ("E06000047", "County Durham", _NE, 522, "DH", 1, 9),
    ("E06000057", "Northumberland", _NE, 320, "NE", 61, 71),
    ("E08000021", "Newcastle upon Tyne", _NE, 300, "NE", 1, 7),
    ("E08000022", "North Tyneside", _NE, 209, "NE", 25, 30),
    ("E08000023", "South Tyneside", _NE, 148, "NE", 31, 36),
    ("E08000024", "Sunderland", _NE, 274, "SR", 1, 6),
    ("E08000037", "Gateshead", _NE, 196, "NE", 8, 11),
    # North West
    ("E06000006", "Halton", _NW, 128, "WA", 7, 8),
    ("E06000007", "Warrington", _NW, 211, "WA", 1, 5),
    ("E06000008", "Blackburn with Darwen", _NW, 154, "BB", 1, 3),
    ("E06000009", "Blackpool", _NW, 141, "FY", 1, 4),
    ("E06000049", "Cheshire East", _NW, 398, "CW", 1, 12),
    ("E06000050", "Cheshire West and Chester", _NW, 357, "CH", 1, 4),
    ("E06000063", "Cumberland", _NW, 273, "CA", 1, 15),
    ("E06000064", "Westmorland and Furness", _NW, 225, "LA", 8, 23),
    ("E08000001", "Bolton", _NW, 296, "BL", 1, 7),
    ("E08000002", "Bury", _NW, 193, "BL", 8, 9),
    ("E08000003", "Manchester", _NW, 552, "M", 1, 23),
    ("E08000004", "Oldham", _NW, 242, "OL", 1, 9),
    ("E08000005", "Rochdale", _NW, 223, "OL", 10, 16),
    ("E08000006", "Salford", _NW, 270, "M", 3, 7),
    ("E08000007", "Stockport", _NW, 294, "SK", 1, 8),
    ("E08000008", "Tameside", _NW, 231, "SK", 14, 16),
    ("E08000009", "Trafford", _NW, 235, "M", 32, 41),
    ("E08000010", "Wigan", _NW, 330, "WN", 1, 7),
    ("E08000011", "Knowsley", _NW, 155, "L", 28, 36),
    ("E08000012", "Liverpool", _NW, 487, "L", 1, 27),
    ("E08000013", "St. Helens", _NW, 183, "WA", 9, 11),
    ("E08000014", "Sefton", _NW, 280, "L", 20, 38),
    ("E08000015", "Wirral", _NW, 320, "CH", 41, 49),
    ("E10000017", "Lancashire", _NW, 1235, "PR", 1, 9),
    # Yorkshire and The Humber
    ("E06000010", "Kingston upon Hull, City of", _YH, 267, "HU", 1, 9),
    ("E06000011", "East Riding of Yorkshire", _YH, 342, "HU", 10, 20),
    ("E06000012", "North East Lincolnshire", _YH, 157, "DN", 31, 37),
    ("E06000013", "North Lincolnshire", _YH, 170, "DN", 15, 20),
    ("E06000014", "York", _YH, 202, "YO", 1, 32),
    ("E06000065", "North Yorkshire", _YH, 615, "HG", 1, 5),
    ("E08000016", "Barnsley", _YH, 245, "S", 70, 75),
    ("E08000017", "Doncaster", _YH, 308, "DN", 1, 12),
    ("E08000018", "Rotherham", _YH, 265, "S", 60, 66),
    ("E08000019", "Sheffield", _YH, 556, "S", 1, 36),
    ("E08000032", "Bradford", _YH, 546, "BD", 1, 22),
    ("E08000033", "Calderdale", _YH, 206, "HX", 1, 7),
    ("E08000034", "Kirklees", _YH, 434, "HD", 1, 9),
    ("E08000035", "Leeds", _YH, 812, "LS", 1, 29),
    ("E08000036", "Wakefield", _YH, 353, "WF", 1, 10),
    # East Midlands
    ("E06000015", "Derby", _EM, 261, "DE", 1, 24),
    ("E06000016", "Leicester", _EM, 368, "LE", 1, 5),
    ("E06000017", "Rutland", _EM, 41, "LE", 15, 15),
    ("E06000018", "Nottingham", _EM, 324, "NG", 1, 11),
    ("E06000061", "North Northamptonshire", _EM, 360, "NN", 8, 18),
    ("E06000062", "West Northamptonshire", _EM, 425, "NN", 1, 7),
    ("E10000007", "Derbyshire", _EM, 795, "DE", 4, 75),
    ("E10000018", "Leicestershire", _EM, 712, "LE", 6, 67),
    ("E10000019", "Lincolnshire", _EM, 768, "LN", 1, 13),
    ("E10000024", "Nottinghamshire", _EM, 824, "NG", 12, 25),
    # West Midlands
    ("E06000019", "Herefordshire, County of", _WM, 187, "HR", 1, 9),
    ("E06000020", "Telford and Wrekin", _WM, 185, "TF", 1, 10),
    ("E06000021", "Stoke-on-Trent", _WM, 258, "ST", 1, 6),
    ("E06000051", "Shropshire", _WM, 323, "SY", 1, 15),
    ("E08000025", "Birmingham", _WM, 1145, "B", 1, 48),
    ("E08000026", "Coventry", _WM, 345, "CV", 1, 6),
    ("E08000027", "Dudley", _WM, 323, "DY", 1, 9),
    ("E08000028", "Sandwell", _WM, 341, "B", 64, 71),
    ("E08000029", "Solihull", _WM, 216, "B", 90, 94),
    ("E08000030", "Walsall", _WM, 284, "WS", 1, 10),
    ("E08000031", "Wolverhampton", _WM, 264, "WV", 1, 11),
    ("E10000028", "Staffordshire", _WM, 876, "ST", 13, 19),
    ("E10000031", "Warwickshire", _WM, 597, "CV", 7, 37),
    ("E10000034", "Worcestershire", _WM, 603, "WR", 1, 15),
    # East of England
    ("E06000031", "Peterborough", _EE, 216, "PE", 1, 7),
    ("E06000032", "Luton", _EE, 225, "LU", 1, 4),
    ("E06000033", "Southend-on-Sea", _EE, 181, "SS", 0, 3),
    ("E06000034", "Thurrock", _EE, 176, "RM", 15, 20),
    ("E06000055", "Bedford", _EE, 185, "MK", 40, 45),
    ("E06000056", "Central Bedfordshire", _EE, 295, "SG", 15, 19),
    ("E10000003", "Cambridgeshire", _EE, 679, "CB", 1, 25),
    ("E10000012", "Essex", _EE, 1503, "CM", 0, 24),
    ("E10000015", "Hertfordshire", _EE, 1198, "AL", 1, 10),
    ("E10000020", "Norfolk", _EE, 917, "NR", 1, 35),
    ("E10000029", "Suffolk", _EE, 761, "IP", 1, 33),
    # London
    ("E09000001", "City of London", _LO, 9, "EC", 1, 4),
    ("E09000002", "Barking and Dagenham", _LO, 219, "IG", 11, 11),
    ("E09000003", "Barnet", _LO, 389, "N", 2, 20),
    ("E09000004", "Bexley", _LO, 247, "DA", 5, 16),
    ("E09000005", "Brent", _LO, 339, "NW", 2, 10),
    ("E09000006", "Bromley", _LO, 330, "BR", 1, 7),
    ("E09000007", "Camden", _LO, 210, "NW", 1, 6),
    ("E09000008", "Croydon", _LO, 391, "CR", 0, 8),
    ("E09000009", "Ealing", _LO, 367, "W", 3, 13),
    ("E09000010", "Enfield", _LO, 330, "EN", 1, 3),
    ("E09000011", "Greenwich", _LO, 289, "SE", 2, 18),
    ("E09000012", "Hackney", _LO, 259, "E", 5, 9),
    ("E09000013", "Hammersmith and Fulham", _LO, 183, "W", 6, 14),
    ("E09000014", "Haringey", _LO, 264, "N", 4, 22),
    ("E09000015", "Harrow", _LO, 261, "HA", 1, 7),
    ("E09000016", "Havering", _LO, 262, "RM", 1, 14),
    ("E09000017", "Hillingdon", _LO, 306, "UB", 3, 10),
    ("E09000018", "Hounslow", _LO, 288, "TW", 3, 14),
    ("E09000019", "Islington", _LO, 217, "N", 1, 19),
    ("E09000020", "Kensington and Chelsea", _LO, 144, "W", 8, 11),
    ("E09000021", "Kingston upon Thames", _LO, 168, "KT", 1, 9),
    ("E09000022", "Lambeth", _LO, 317, "SW", 2, 9),
    ("E09000023", "Lewisham", _LO, 300, "SE", 4, 26),
    ("E09000024", "Merton", _LO, 215, "SW", 19, 20),
    ("E09000025", "Newham", _LO, 351, "E", 6, 16),
    ("E09000026", "Redbridge", _LO, 310, "IG", 1, 8),
    ("E09000027", "Richmond upon Thames", _LO, 195, "TW", 1, 12),
    ("E09000028", "Southwark", _LO, 307, "SE", 1, 22),
    ("E09000029", "Sutton", _LO, 209, "SM", 1, 6),
    ("E09000030", "Tower Hamlets", _LO, 310, "E", 1, 14),
    ("E09000031", "Waltham Forest", _LO, 278, "E", 4, 17),
    ("E09000032", "Wandsworth", _LO, 328, "SW", 11, 18),
    ("E09000033", "Westminster", _LO, 205, "W", 1, 2),
    # South East
    ("E06000035", "Medway", _SE, 279, "ME", 1, 8),
    ("E06000036", "Bracknell Forest", _SE, 125, "RG", 12, 12),
    ("E06000037", "West Berkshire", _SE, 162, "RG", 14, 20),
    ("E06000038", "Reading", _SE, 174, "RG", 1, 6),
    ("E06000039", "Slough", _SE, 158, "SL", 1, 3),
    ("E06000040", "Windsor and Maidenhead", _SE, 153, "SL", 4, 6),
    ("E06000041", "Wokingham", _SE, 177, "RG", 40, 41),
    ("E06000042", "Milton Keynes", _SE, 287, "MK", 1, 19),
    ("E06000043", "Brighton and Hove", _SE, 277, "BN", 1, 3),
    ("E06000044", "Portsmouth", _SE, 208, "PO", 1, 6),
    ("E06000045", "Southampton", _SE, 249, "SO", 14, 19),
    ("E06000046", "Isle of Wight", _SE, 140, "PO", 30, 41),
    ("E06000060", "Buckinghamshire", _SE, 553, "HP", 5, 22),
    ("E10000011", "East Sussex", _SE, 546, "TN", 19, 40),
    ("E10000014", "Hampshire", _SE, 1400, "SO", 20, 53),
    ("E10000016", "Kent", _SE, 1576, "CT", 1, 21),
    ("E10000025", "Oxfordshire", _SE, 725, "OX", 1, 49),
    ("E10000030", "Surrey", _SE, 1203, "GU", 1, 27),
    ("E10000032", "West Sussex", _SE, 882, "RH", 10, 20),
    # South West
    ("E06000022", "Bath and North East Somerset", _SW, 193, "BA", 1, 3),
    ("E06000023", "Bristol, City of", _SW, 472, "BS", 1, 16),
    ("E06000024", "North Somerset", _SW, 216, "BS", 20, 49),
    ("E06000025", "South Gloucestershire", _SW, 290, "BS", 30, 37),
    ("E06000026", "Plymouth", _SW, 264, "PL", 1, 9),
    ("E06000027", "Torbay", _SW, 139, "TQ", 1, 5),
    ("E06000030", "Swindon", _SW, 233, "SN", 1, 6),
    ("E06000052", "Cornwall", _SW, 570, "TR", 1, 20),
    ("E06000053", "Isles of Scilly", _SW, 2, "TR", 21, 25),
    ("E06000054", "Wiltshire", _SW, 510, "SN", 8, 16),
    ("E06000058", "Bournemouth, Christchurch and Poole", _SW, 400, "BH", 1, 23),
    ("E06000059", "Dorset", _SW, 379, "DT", 1, 11),
    ("E06000066", "Somerset", _SW, 572, "TA", 1, 24),
    ("E10000008", "Devon", _SW, 811, "EX", 1, 39),
    ("E10000013", "Gloucestershire", _SW, 645, "GL", 1, 56),
)

ENGLAND_COUNCILS: Final[tuple[Council, ...]] = tuple(
    Council(code, name, region, population, area, (first, last))
    for code, name, region, population, area, first, last in _COUNCIL_ROWS
)
"""England's 153 upper-tier councils (April 2023 boundaries), in region order."""

COUNCILS_BY_CODE: Final[Mapping[str, Council]] = MappingProxyType(
    {council.code: council for council in ENGLAND_COUNCILS}
)
"""England's upper-tier councils by ONS code."""


def council_districts(council: Council) -> tuple[District, ...]:
    """Districts used to place a council's workplaces and workers.

    Staffordshire has its eight real districts; any other council is treated as one district
    whose outward codes are its postcode area with the district numbers of :class:`Council`.
    """
    if council.code == STAFFORDSHIRE_CODE:
        return STAFFORDSHIRE_DISTRICTS
    first, last = council.postcode_districts
    outward = tuple(f"{council.postcode_area}{n}" for n in range(first, last + 1))
    town = council.name.split(",")[0]
    return (District(council.code, council.name, outward, (town,)),)
