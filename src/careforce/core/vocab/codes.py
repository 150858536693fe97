"""ASC-WDS bulk-upload code tables.

The codes are the "BUDI" codes that providers write in the workplace, staff and training files of
an Adult Social Care Workforce Data Set (ASC-WDS) bulk upload; the labels are the names ASC-WDS
gives them. Each constant says which code table of the bulk-upload guidance it transcribes. Codes
that need special handling (don't know, other, head office...) have named constants below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

_TABLE_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


class UnknownCodeError(KeyError):
    """A code is not in the code table it was looked up in."""

    def __init__(self, table: str, code: object) -> None:
        """Record the table name and the offending code."""
        super().__init__(f"{code!r} is not a code of the {table} table")
        self.table = table
        self.code = code

    def __str__(self) -> str:
        """Return the message without the quoting ``KeyError`` adds."""
        return str(self.args[0])


@dataclass(frozen=True)
class CodeTable:
    """An immutable table of BUDI codes and their labels.

    Attributes:
        name: Snake-case name of the table, e.g. ``"job_role"``.
        labels: BUDI code as written in the file -> human label.
    """

    name: str
    labels: Mapping[int, str]
    _codes: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Validate the table and freeze its labels."""
        if not _TABLE_NAME.fullmatch(self.name):
            raise ValueError(f"code table name must be snake_case, got {self.name!r}")
        if not self.labels:
            raise ValueError(f"code table {self.name!r} has no codes")
        for code, label in self.labels.items():
            if type(code) is not int:
                raise TypeError(f"code table {self.name!r}: code {code!r} is not an int")
            if not label.strip():
                raise ValueError(f"code table {self.name!r}: code {code} has an empty label")
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "_codes", frozenset(self.labels))

    def __hash__(self) -> int:
        """Hash by name and contents."""
        return hash((self.name, frozenset(self.labels.items())))

    def __contains__(self, code: object) -> bool:
        """Return True if ``code`` is an int code of this table (bools are not codes)."""
        return type(code) is int and code in self._codes

    def label(self, code: int) -> str:
        """Return the label of ``code``.

        Raises:
            UnknownCodeError: If ``code`` is not a code of this table.
        """
        if code not in self:
            raise UnknownCodeError(self.name, code)
        return self.labels[code]

    @property
    def codes(self) -> frozenset[int]:
        """All codes of the table."""
        return self._codes


# --------------------------------------------------------------------------------------------
# Shared conventions
# --------------------------------------------------------------------------------------------

DONT_KNOW: Final = 999
"""ASC-WDS bulk-upload guidance, common conventions: 999 means "don't know" in numeric fields."""

YES_NO_DONT_KNOW: Final = CodeTable("yes_no_dont_know", {1: "Yes", 2: "No", 999: "Don't know"})
"""ASC-WDS bulk-upload guidance, common conventions: the usual yes/no/don't know triple."""

PERMISSION: Final = CodeTable("permission", {1: "Yes", 0: "No"})
"""ASC-WDS bulk-upload guidance, common conventions: PERMCQC/PERMLA sharing permissions."""

# --------------------------------------------------------------------------------------------
# Workplace file
# --------------------------------------------------------------------------------------------

# Codes 2, 4 and 5 pass the range check in ASC-WDS but are rejected as unknown.
EMPLOYER_TYPE: Final = CodeTable(
    "employer_type",
    {
        1: "Local Authority (adult services)",
        3: "Local Authority (generic/other)",
        6: "Private Sector",
        7: "Voluntary / Charity",
        8: "Other",
    },
)
"""ASC-WDS bulk-upload guidance, table of employer types (ESTTYPE); 8 needs OTHERTYPE."""

REGISTRATION_TYPE: Final = CodeTable("registration_type", {2: "CQC regulated", 0: "Not regulated"})
"""ASC-WDS bulk-upload guidance, workplace REGTYPE column."""

SERVICE: Final = CodeTable(
    "service",
    {
        1: "Care home services with nursing",
        2: "Care home services without nursing",
        5: "Other adult residential care service",
        6: "Day care and day services",
        7: "Other adult day care service",
        8: "Domiciliary care services",
        10: "Domestic services and home help",
        12: "Other adult domiciliary care service",
        13: "Carers support",
        14: "Short breaks, respite care",
        15: "Community support and outreach",
        16: "Social work and care management",
        17: "Shared lives",
        18: "Disability adaptations, assistive technology services",
        19: "Occupational, employment-related services",
        20: "Information and advice services",
        21: "Other adult community care service",
        52: "Other service (not healthcare)",
        53: "Sheltered housing",
        54: "Extra care housing services",
        55: "Supported living services",
        60: "Specialist college services",
        61: "Community based services for people with a learning disability",
        62: "Community based services for people with mental health needs",
        63: "Community based services for people who misuse substances",
        64: "Community healthcare services",
        66: "Hospice services",
        67: "Long-term conditions services",
        68: (
            "Hospital services for people with mental health needs, learning disabilities,"
            " problems with substance misuse"
        ),
        69: "Rehabilitation services",
        70: "Residential substance misuse treatment, rehabilitation services",
        71: "Other service (healthcare)",
        72: "Head office services",
        73: "Live-in care",
        74: "Nurses agency",
        75: "Any children's, young people's service",
    },
)
"""ASC-WDS bulk-upload guidance, table of services (MAINSERVICE, ALLSERVICES)."""

CQC_REGULATED_SERVICES: Final[frozenset[int]] = frozenset(
    {1, 2, 8, 17, 54, 55, 61, 62, 63, 64, 66, 67, 68, 69, 70, 74}
)
"""ASC-WDS bulk-upload guidance, table of services: services that need REGTYPE 2 (CQC)."""

HEAD_OFFICE_SERVICE: Final = 72
"""ASC-WDS bulk-upload guidance, table of services: head office, exempt from REGTYPE checks."""

# 1 = sleep-in and travel-time questions allowed, 2 = sleep-in only, 3 = neither.
SERVICE_PAY_GROUP: Final[Mapping[int, int]] = MappingProxyType(
    {
        1: 2,
        2: 2,
        5: 2,
        6: 3,
        7: 3,
        8: 1,
        10: 3,
        12: 1,
        13: 3,
        14: 2,
        15: 3,
        16: 3,
        17: 3,
        18: 3,
        19: 3,
        20: 3,
        21: 3,
        52: 3,
        53: 3,
        54: 3,
        55: 2,
        60: 3,
        61: 3,
        62: 3,
        63: 3,
        64: 3,
        66: 3,
        67: 3,
        68: 3,
        69: 3,
        70: 3,
        71: 3,
        72: 3,
        73: 3,
        74: 3,
        75: 3,
    }
)
"""ASC-WDS bulk-upload guidance, table of services: pay/pension group of each service."""

# All services except domestic services, carers support, occupational/employment services,
# specialist colleges and head office.
DHA_SERVICES: Final[frozenset[int]] = SERVICE.codes - {10, 13, 19, 60, 72}
"""ASC-WDS bulk-upload guidance, table of services: services that may do delegated healthcare."""

OTHER_DESCRIPTION_SERVICES: Final[frozenset[int]] = frozenset({5, 7, 12, 21, 52, 71, 72, 75})
"""ASC-WDS bulk-upload guidance, table of services: "other" services whose SERVICEDESC is kept."""

# Only codes 1 and 2 have published labels; the others are placeholders naming the code.
SERVICE_USER: Final = CodeTable(
    "service_user",
    {
        1: "Older people with dementia",
        2: (
            "Older people with mental disorders or infirmities, excluding learning disability"
            " or dementia"
        ),
        3: "Service user group 3",
        4: "Service user group 4",
        5: "Service user group 5",
        6: "Service user group 6",
        7: "Service user group 7",
        8: "Service user group 8",
        9: "Service user group 9",
        18: "Service user group 18",
        19: "Service user group 19",
        20: "Service user group 20",
        21: "Service user group 21",
        22: "Service user group 22",
        23: "Service user group 23",
        25: "Service user group 25",
        26: "Service user group 26",
        27: "Service user group 27",
        28: "Service user group 28",
        29: "Service user group 29",
        31: "Service user group 31",
        45: "Service user group 45",
        46: "Service user group 46",
    },
)
"""ASC-WDS bulk-upload guidance, table of service users (SERVICEUSERS)."""

OTHER_SERVICE_USERS: Final[frozenset[int]] = frozenset({3, 9, 21})
"""ASC-WDS bulk-upload guidance, table of service users: "other" groups needing OTHERUSERDESC."""

# 999 (don't know which, with DHA = 1) is the shared DONT_KNOW code, not an activity.
DHA_ACTIVITY: Final = CodeTable(
    "dha_activity",
    {
        1: "Vital signs monitoring",
        2: "Specialised medication administration",
        3: "Complex posture and mobility care",
        4: "Compromised skin integrity and wound care",
        5: "Airways and breathing care",
        6: "Feeding and digestive care",
        7: "Bladder and bowel care",
        8: "Other delegated healthcare activities",
    },
)
"""ASC-WDS bulk-upload guidance, table of delegated healthcare activities (DHAACTIVITIES)."""

CWP_AWARENESS: Final = CodeTable(
    "cwp_awareness",
    {
        1: "Aware of how the care workforce pathway works in practice",
        2: "Aware of the aims of the care workforce pathway",
        3: "Aware of the term 'care workforce pathway'",
        4: "Not aware of the care workforce pathway",
        999: "I do not know how aware our workplace is",
    },
)
"""ASC-WDS bulk-upload guidance, table of care workforce pathway awareness (CWPAWARE)."""

CWP_USE_REASON: Final = CodeTable(
    "cwp_use_reason",
    {
        1: "To help define our organisation's values",
        2: "To help update our job descriptions",
        3: "To help update our HR and learning and development policies",
        4: "To help identify skills and knowledge gaps in our staff",
        5: "To help identify learning and development opportunities for our staff",
        6: "To help set levels of pay",
        7: "To help with advertising job roles and recruitment",
        8: "To help demonstrate delivery and outcomes to commissioners and CQC",
        9: "To help plan our future workforce",
        10: "For something else",
    },
)
"""ASC-WDS bulk-upload guidance, table of care workforce pathway uses (CWPUSE after ``1;``)."""

TRAVEL_TIME: Final = CodeTable(
    "travel_time",
    {
        1: "The same rate for travel time as for visits",
        2: "Minimum wage",
        3: "A different travel time rate",
        4: "We pay for travel time in a different way",
        5: "We do not pay for travel time between visits",
        6: "Workers do not travel between visits",
        999: "I do not know",
    },
)
"""ASC-WDS bulk-upload guidance, table of travel time pay (TRAVELTIME); 3 needs TTDIFFRATE."""

REPEAT_TRAINING: Final = CodeTable(
    "repeat_training",
    {
        1: "Yes, always",
        2: "Yes, very often",
        3: "Yes, but not very often",
        4: "No, never",
    },
)
"""ASC-WDS bulk-upload guidance, small code sets: workplace REPEATTRAINING."""

SLEEP_IN_PAY: Final = CodeTable(
    "sleep_in_pay", {1: "Hourly rate", 2: "Flat rate", 999: "I do not know"}
)
"""ASC-WDS bulk-upload guidance, small code sets: workplace SLEEPINPAY."""

# --------------------------------------------------------------------------------------------
# Staff file
# --------------------------------------------------------------------------------------------

# Codes 12-14, 18-22, 28-33 and 41 are not valid (22 and 41 were retired in 2024).
JOB_ROLE: Final = CodeTable(
    "job_role",
    {
        1: "Senior management",
        2: "Middle management",
        3: "First-line manager",
        4: "Registered manager",
        5: "Supervisor",
        6: "Social worker",
        7: "Senior care worker",
        8: "Care worker",
        9: "Community support and outreach work",
        10: "Employment support",
        11: "Advice, guidance and advocacy",
        15: "Occupational therapist",
        16: "Registered nurse",
        17: "Allied health professional (not occupational therapist)",
        23: "Other (directly involved in providing care)",
        24: "Manager (care-related, but not care-providing)",
        25: "Administrative",
        26: "Ancillary staff (non care-providing)",
        27: "Other (not directly involved in providing care)",
        34: "Activities worker, co-ordinator",
        35: "Safeguarding and reviewing officer",
        36: "Occupational therapist assistant",
        37: "Nursing associate",
        38: "Nursing assistant",
        39: "Assessment officer",
        40: "Care co-ordinator",
        42: "Any children's, young people's job role",
        43: "Deputy manager",
        44: "Learning and development lead",
        45: "Team leader",
        46: "Data analyst",
        47: "Data governance manager",
        48: "IT and digital support",
        49: "IT manager",
        50: "IT service desk manager",
        51: "Software developer",
        52: "Support worker",
    },
)
"""ASC-WDS bulk-upload guidance, table of job roles (MAINJOBROLE, ALLJOBROLES)."""

_NON_DHA_JOB_ROLES: Final = frozenset({10, 16, 24, 25, 26, 27, 37, 38, 44, 46, 47, 48, 49, 50, 51})
"""ASC-WDS bulk-upload guidance, table of job roles: roles that cannot do delegated healthcare."""

DHA_JOB_ROLES: Final[frozenset[int]] = JOB_ROLE.codes - _NON_DHA_JOB_ROLES
"""ASC-WDS bulk-upload guidance, table of job roles: roles that may do delegated healthcare."""

SENIOR_MANAGEMENT: Final = 1
"""ASC-WDS bulk-upload guidance, table of job roles: senior management (higher salary limit)."""

REGISTERED_MANAGER: Final = 4
"""ASC-WDS bulk-upload guidance, table of job roles: registered manager."""

SOCIAL_WORKER: Final = 6
"""ASC-WDS bulk-upload guidance, table of job roles: social worker (AMHP expected)."""

REGISTERED_NURSE: Final = 16
"""ASC-WDS bulk-upload guidance, table of job roles: registered nurse (NMCREG expected)."""

OTHER_DIRECT_CARE_ROLE: Final = 23
"""ASC-WDS bulk-upload guidance, table of job roles: other direct care role (needs MAINJRDESC)."""

OTHER_NON_CARE_ROLE: Final = 27
"""ASC-WDS bulk-upload guidance, table of job roles: other non-care role (needs MAINJRDESC)."""

REGULATED_PROFESSION_ROLES: Final[frozenset[int]] = frozenset({6, 15, 16})
"""ASC-WDS bulk-upload guidance, table of job roles: roles given the SCQUAL level warning."""

GENDER: Final = CodeTable("gender", {1: "Male", 2: "Female", 3: "Don't know", 4: "Other"})
"""ASC-WDS bulk-upload guidance, small code sets: staff GENDER."""

# The codes are ASC-WDS's; the labels are the ONS 2011 census categories the codes follow.
# The published ASC-WDS source confirms only that 31 is in the White group and 99 is "Don't know".
ETHNICITY: Final = CodeTable(
    "ethnicity",
    {
        31: "English/Welsh/Scottish/Northern Irish/British",
        32: "Irish",
        33: "Gypsy or Irish Traveller",
        34: "Any other White background",
        35: "White and Black Caribbean",
        36: "White and Black African",
        37: "White and Asian",
        38: "Any other Mixed/multiple background",
        39: "Indian",
        40: "Pakistani",
        41: "Bangladeshi",
        42: "Chinese",
        43: "Any other Asian background",
        44: "African",
        45: "Caribbean",
        46: "Any other Black/African/Caribbean background",
        47: "Arab",
        98: "Any other ethnic group",
        99: "Don't know",
    },
)
"""ASC-WDS bulk-upload guidance, table of ethnicities (ETHNICITY), ONS 2011 category labels."""

NATIONALITY_BRITISH: Final = 826
"""ASC-WDS bulk-upload guidance, table of nationalities: British (special code)."""

NATIONALITY_DONT_KNOW: Final = 998
"""ASC-WDS bulk-upload guidance, table of nationalities: don't know (special code)."""

NATIONALITY_OTHER: Final = 999
"""ASC-WDS bulk-upload guidance, table of nationalities: other, no specific nationality."""

# ISO 3166-1 numeric codes; the Netherlands appears as 528, 531, 534 and 535 and Morocco as
# 504 and 732, as in ASC-WDS. 826, 998 and 999 are handled by ASC-WDS before the table.
NATIONALITY: Final = CodeTable(
    "nationality",
    {
        4: "Afghan",
        8: "Albanian",
        12: "Algerian",
        16: "American",
        20: "Andorran",
        24: "Angolan",
        28: "Citizen of Antigua and Barbuda",
        31: "Azerbaijani",
        32: "Argentine",
        36: "Australian",
        40: "Austrian",
        44: "Bahamian",
        48: "Bahraini",
        50: "Bangladeshi",
        51: "Armenian",
        52: "Barbadian",
        56: "Belgian",
        60: "Bermudian",
        64: "Bhutanese",
        68: "Bolivian",
        70: "Citizen of Bosnia and Herzegovina",
        72: "Botswanan",
        76: "Brazilian",
        84: "Belizean",
        90: "Solomon Islander",
        96: "Bruneian",
        100: "Bulgarian",
        104: "Burmese",
        108: "Burundian",
        112: "Belarusian",
        116: "Cambodian",
        120: "Cameroonian",
        124: "Canadian",
        132: "Cape Verdean",
        136: "Cayman Islander",
        140: "Central African",
        144: "Sri Lankan",
        148: "Chadian",
        152: "Chilean",
        156: "Chinese",
        158: "Taiwanese",
        170: "Colombian",
        174: "Comoran",
        178: "Congolese (Congo)",
        180: "Congolese (DRC)",
        184: "Cook Islander",
        188: "Costa Rican",
        191: "Croatian",
        192: "Cuban",
        196: "Cypriot",
        203: "Czech",
        204: "Beninese",
        208: "Danish",
        212: "Dominican",
        214: "Citizen of the Dominican Republic",
        218: "Ecuadorean",
        222: "Salvadorean",
        226: "Equatorial Guinean",
        231: "Ethiopian",
        232: "Eritrean",
        233: "Estonian",
        234: "Faroese",
        242: "Fijian",
        246: "Finnish",
        250: "French",
        262: "Djiboutian",
        266: "Gabonese",
        268: "Georgian",
        270: "Gambian",
        275: "Palestinian",
        276: "German",
        288: "Ghanaian",
        292: "Gibraltarian",
        296: "Citizen of Kiribati",
        300: "Greek",
        304: "Greenlandic",
        308: "Grenadian",
        316: "Guamanian",
        320: "Guatemalan",
        324: "Guinean",
        328: "Guyanese",
        332: "Haitian",
        340: "Honduran",
        344: "Hong Konger",
        348: "Hungarian",
        352: "Icelandic",
        356: "Indian",
        360: "Indonesian",
        364: "Iranian",
        368: "Iraqi",
        372: "Irish",
        376: "Israeli",
        380: "Italian",
        384: "Ivorian",
        388: "Jamaican",
        392: "Japanese",
        398: "Kazakh",
        400: "Jordanian",
        404: "Kenyan",
        408: "North Korean",
        410: "South Korean",
        414: "Kuwaiti",
        417: "Kyrgyz",
        418: "Lao",
        422: "Lebanese",
        426: "Mosotho",
        428: "Latvian",
        430: "Liberian",
        434: "Libyan",
        438: "Liechtenstein citizen",
        440: "Lithuanian",
        442: "Luxembourger",
        446: "Macanese",
        450: "Malagasy",
        454: "Malawian",
        458: "Malaysian",
        462: "Maldivian",
        466: "Malian",
        470: "Maltese",
        474: "Martiniquais",
        478: "Mauritanian",
        480: "Mauritian",
        484: "Mexican",
        492: "Monegasque",
        496: "Mongolian",
        498: "Moldovan",
        499: "Montenegrin",
        500: "Montserratian",
        504: "Moroccan",
        508: "Mozambican",
        512: "Omani",
        516: "Namibian",
        520: "Nauruan",
        524: "Nepalese",
        528: "Dutch",
        531: "Dutch",
        534: "Dutch",
        535: "Dutch",
        548: "Citizen of Vanuatu",
        554: "New Zealander",
        558: "Nicaraguan",
        562: "Nigerien",
        566: "Nigerian",
        570: "Niuean",
        578: "Norwegian",
        583: "Micronesian",
        584: "Marshallese",
        585: "Palauan",
        586: "Pakistani",
        591: "Panamanian",
        598: "Papua New Guinean",
        600: "Paraguayan",
        604: "Peruvian",
        608: "Filipino",
        616: "Polish",
        620: "Portuguese",
        624: "Citizen of Guinea-Bissau",
        626: "East Timorese",
        630: "Puerto Rican",
        634: "Qatari",
        642: "Romanian",
        643: "Russian",
        646: "Rwandan",
        654: "St Helenian",
        659: "Kittitian",
        660: "Anguillan",
        662: "St Lucian",
        670: "Vincentian",
        674: "Sammarinese",
        678: "Sao Tomean",
        682: "Saudi Arabian",
        686: "Senegalese",
        688: "Serbian",
        690: "Citizen of Seychelles",
        694: "Sierra Leonean",
        702: "Singaporean",
        703: "Slovak",
        704: "Vietnamese",
        705: "Slovenian",
        706: "Somali",
        710: "South African",
        716: "Zimbabwean",
        724: "Spanish",
        728: "South Sudanese",
        732: "Moroccan",
        736: "Sudanese",
        740: "Surinamese",
        748: "Swazi",
        752: "Swedish",
        756: "Swiss",
        760: "Syrian",
        762: "Tajik",
        764: "Thai",
        768: "Togolese",
        776: "Tongan",
        780: "Trinidadian",
        784: "Emirati",
        788: "Tunisian",
        792: "Turkish",
        795: "Turkmen",
        796: "Turks and Caicos Islander",
        798: "Tuvaluan",
        800: "Ugandan",
        804: "Ukrainian",
        807: "Macedonian",
        818: "Egyptian",
        834: "Tanzanian",
        840: "American",
        854: "Burkinan",
        858: "Uruguayan",
        860: "Uzbek",
        862: "Venezuelan",
        876: "Wallisian",
        882: "Samoan",
        887: "Yemeni",
        894: "Zambian",
        995: "Kosovan",
        NATIONALITY_BRITISH: "British",
        NATIONALITY_DONT_KNOW: "Don't know",
        NATIONALITY_OTHER: "Other",
    },
)
"""ASC-WDS bulk-upload guidance, table of nationalities (NATIONALITY) plus its special codes."""

COUNTRY_UK: Final = 826
"""ASC-WDS bulk-upload guidance, table of countries of birth: United Kingdom (special code)."""

# ISO 3166-1 numeric codes. ASC-WDS publishes no name for 418, 531, 534, 535 and 995.
COUNTRY: Final = CodeTable(
    "country",
    {
        4: "Afghanistan",
        8: "Albania",
        10: "Antarctica",
        12: "Algeria",
        16: "American Samoa",
        20: "Andorra",
        24: "Angola",
        28: "Antigua and Barbuda",
        31: "Azerbaijan",
        32: "Argentina",
        36: "Australia",
        40: "Austria",
        44: "Bahamas",
        48: "Bahrain",
        50: "Bangladesh",
        51: "Armenia",
        52: "Barbados",
        56: "Belgium",
        60: "Bermuda",
        64: "Bhutan",
        68: "Bolivia",
        70: "Bosnia and Herzegovina",
        72: "Botswana",
        74: "Bouvet Island",
        76: "Brazil",
        84: "Belize",
        86: "British Indian Ocean Territory",
        90: "Solomon Islands",
        92: "Virgin Islands British",
        96: "Brunei Darussalam",
        100: "Bulgaria",
        104: "Myanmar",
        108: "Burundi",
        112: "Belarus",
        116: "Cambodia",
        120: "Cameroon",
        124: "Canada",
        132: "Cape Verde",
        136: "Cayman Islands",
        140: "Central African Republic",
        144: "Sri Lanka",
        148: "Chad",
        152: "Chile",
        156: "China",
        158: "Taiwan Province of China",
        162: "Christmas Island",
        166: "Cocos (Keeling) Islands",
        170: "Colombia",
        174: "Comoros",
        175: "Mayotte",
        178: "Congo",
        180: "Congo Democratic Republic of the",
        184: "Cook Islands",
        188: "Costa Rica",
        191: "Croatia",
        192: "Cuba",
        196: "Cyprus",
        203: "Czech Republic",
        204: "Benin",
        208: "Denmark",
        212: "Dominica",
        214: "Dominican Republic",
        218: "Ecuador",
        222: "El Salvador",
        226: "Equatorial Guinea",
        231: "Ethiopia",
        232: "Eritrea",
        233: "Estonia",
        234: "Faroe Islands",
        238: "Falkland Islands (Malvinas)",
        239: "South Georgia and the South Sandwich Islands",
        242: "Fiji",
        246: "Finland",
        248: "Aland Islands",
        250: "France",
        254: "French Guiana",
        258: "French Polynesia",
        260: "French Southern Territories",
        262: "Djibouti",
        266: "Gabon",
        268: "Georgia",
        270: "Gambia",
        275: "Palestinian Territory Occupied",
        276: "Germany",
        288: "Ghana",
        292: "Gibraltar",
        296: "Kiribati",
        300: "Greece",
        304: "Greenland",
        308: "Grenada",
        312: "Guadeloupe",
        316: "Guam",
        320: "Guatemala",
        324: "Guinea",
        328: "Guyana",
        332: "Haiti",
        334: "Heard Island and McDonald Islands",
        336: "Holy See (Vatican City State)",
        340: "Honduras",
        344: "Hong Kong",
        348: "Hungary",
        352: "Iceland",
        356: "India",
        360: "Indonesia",
        364: "Iran Islamic Republic of",
        368: "Iraq",
        372: "Ireland",
        376: "Israel",
        380: "Italy",
        384: "Cote d'Ivoire",
        388: "Jamaica",
        392: "Japan",
        398: "Kazakhstan",
        400: "Jordan",
        404: "Kenya",
        408: "Korea Democratic People's Republic of",
        410: "Korea Republic of",
        414: "Kuwait",
        417: "Kyrgyzstan",
        418: "Unknown country (418)",
        422: "Lebanon",
        426: "Lesotho",
        428: "Latvia",
        430: "Liberia",
        434: "Libyan Arab Jamahiriya",
        438: "Liechtenstein",
        440: "Lithuania",
        442: "Luxembourg",
        446: "Macao",
        450: "Madagascar",
        454: "Malawi",
        458: "Malaysia",
        462: "Maldives",
        466: "Mali",
        470: "Malta",
        474: "Martinique",
        478: "Mauritania",
        480: "Mauritius",
        484: "Mexico",
        492: "Monaco",
        496: "Mongolia",
        498: "Moldova",
        499: "Montenegro",
        500: "Montserrat",
        504: "Morocco",
        508: "Mozambique",
        512: "Oman",
        516: "Namibia",
        520: "Nauru",
        524: "Nepal",
        528: "Netherlands",
        530: "Netherlands Antilles",
        531: "Unknown country (531)",
        533: "Aruba",
        534: "Unknown country (534)",
        535: "Unknown country (535)",
        540: "New Caledonia",
        548: "Vanuatu",
        554: "New Zealand",
        558: "Nicaragua",
        562: "Niger",
        566: "Nigeria",
        570: "Niue",
        574: "Norfolk Island",
        578: "Norway",
        580: "Northern Mariana Islands",
        581: "United States Minor Outlying Islands",
        583: "Micronesia Federated States of",
        584: "Marshall Islands",
        585: "Palau",
        586: "Pakistan",
        591: "Panama",
        598: "Papua New Guinea",
        600: "Paraguay",
        604: "Peru",
        608: "Philippines",
        612: "Pitcairn",
        616: "Poland",
        620: "Portugal",
        624: "Guinea-Bissau",
        626: "Timor-Leste",
        630: "Puerto Rico",
        634: "Qatar",
        638: "Reunion",
        642: "Romania",
        643: "Russian Federation",
        646: "Rwanda",
        652: "Saint Barthelemy",
        654: "Saint Helena",
        659: "Saint Kitts and Nevis",
        660: "Anguilla",
        662: "Saint Lucia",
        663: "Saint Martin (French part)",
        666: "Saint Pierre and Miquelon",
        670: "Saint Vincent and the Grenadines",
        674: "San Marino",
        678: "Sao Tome and Principe",
        682: "Saudi Arabia",
        686: "Senegal",
        688: "Serbia",
        690: "Seychelles",
        694: "Sierra Leone",
        702: "Singapore",
        703: "Slovakia",
        704: "Viet Nam",
        705: "Slovenia",
        706: "Somalia",
        710: "South Africa",
        716: "Zimbabwe",
        724: "Spain",
        728: "South Sudan",
        732: "Western Sahara",
        736: "Sudan",
        740: "Suriname",
        744: "Svalbard and Jan Mayen",
        748: "Swaziland",
        752: "Sweden",
        756: "Switzerland",
        760: "Syrian Arab Republic",
        762: "Tajikistan",
        764: "Thailand",
        768: "Togo",
        772: "Tokelau",
        776: "Tonga",
        780: "Trinidad and Tobago",
        784: "United Arab Emirates",
        788: "Tunisia",
        792: "Turkey",
        795: "Turkmenistan",
        796: "Turks and Caicos Islands",
        798: "Tuvalu",
        800: "Uganda",
        804: "Ukraine",
        807: "Macedonia the former Yugoslav Republic of",
        818: "Egypt",
        831: "Guernsey",
        832: "Jersey",
        834: "Tanzania United Republic of",
        840: "United States",
        850: "Virgin Islands U.S.",
        854: "Burkina Faso",
        858: "Uruguay",
        860: "Uzbekistan",
        862: "Venezuela",
        876: "Wallis and Futuna",
        882: "Samoa",
        887: "Yemen",
        894: "Zambia",
        995: "Unknown country (995)",
        COUNTRY_UK: "United Kingdom",
        998: "Don't know",
        999: "Other",
    },
)
"""ASC-WDS bulk-upload guidance, table of countries of birth (COUNTRYOFBIRTH) plus specials."""

DISABLED: Final = CodeTable("disabled", {0: "No", 1: "Yes", 2: "Undisclosed", 3: "Don't know"})
"""ASC-WDS bulk-upload guidance, small code sets: staff DISABLED."""

CARE_CERTIFICATE: Final = CodeTable(
    "care_certificate",
    {1: "Yes, completed", 2: "No", 3: "Yes, in progress or partially completed"},
)
"""ASC-WDS bulk-upload guidance, small code sets: staff CARECERT."""

L2_CARE_CERTIFICATE: Final = CodeTable(
    "l2_care_certificate", {1: "Yes, completed", 2: "Yes, started", 3: "No"}
)
"""ASC-WDS bulk-upload guidance, small code sets: staff L2CARECERT (level 2 care certificate)."""

RECRUITMENT_SOURCE: Final = CodeTable(
    "recruitment_source",
    {
        1: "Adult care sector: local authority",
        2: "Adult care sector: private or voluntary sector",
        5: "Health sector",
        7: "Other care sector",
        8: "Internal promotion, transfer or career development",
        10: "Not previously employed",
        12: "Agency",
        15: "Other",
        16: "I do not know",
        17: "Children's, young people's social care",
        18: "First job role after education",
    },
)
"""ASC-WDS bulk-upload guidance, table of recruitment sources (RECSOURCE)."""

CONTRACT_TYPE: Final = CodeTable(
    "contract_type",
    {1: "Permanent", 2: "Temporary", 3: "Pool/Bank", 4: "Agency", 7: "Other"},
)
"""ASC-WDS bulk-upload guidance, table of contract types (EMPLSTATUS)."""

EMPLOYED_CONTRACTS: Final[frozenset[int]] = frozenset({1, 2})
"""ASC-WDS bulk-upload guidance, table of contract types: employed (CONTHOURS applies)."""

NON_EMPLOYED_CONTRACTS: Final[frozenset[int]] = frozenset({3, 4, 7})
"""ASC-WDS bulk-upload guidance, table of contract types: not employed (AVGHOURS applies)."""

SALARY_INTERVAL: Final = CodeTable(
    "salary_interval", {1: "Annually", 3: "Hourly", 999: "Don't know"}
)
"""ASC-WDS bulk-upload guidance, small code sets: staff SALARYINT."""

NMC_REGISTER: Final = CodeTable(
    "nmc_register",
    {
        1: "Adult",
        2: "Mental Health",
        3: "Learning Disabilities",
        4: "Children's",
        5: "Enrolled",
    },
)
"""ASC-WDS bulk-upload guidance, small code sets: staff NMCREG (nurse register part)."""

QUALIFICATION_LEVEL: Final = CodeTable(
    "qualification_level",
    {
        0: "Entry level",
        1: "Level 1",
        2: "Level 2",
        3: "Level 3",
        4: "Level 4",
        5: "Level 5",
        6: "Level 6",
        7: "Level 7",
        8: "Level 8 or above",
        999: "Don't know",
    },
)
"""ASC-WDS bulk-upload guidance, table of qualification levels (SCQUAL, NONSCQUAL level)."""

CWP_CATEGORY: Final = CodeTable(
    "cwp_category",
    {
        1: "New to care",
        2: "Care or support worker",
        3: "Enhanced care worker",
        4: "Supervisor or leader",
        5: "Practice leader",
        6: "Deputy manager",
        7: "Registered manager",
        998: "None of the above",
        999: "I do not know",
    },
)
"""ASC-WDS bulk-upload guidance, table of care workforce pathway role categories (CWPCATEGORY)."""

# Several titles exist at more than one level under different codes; levels are not published.
# Codes 4-6 and 313 keep their pre-2024 titles.
QUALIFICATION: Final = CodeTable(
    "qualification",
    {
        1: "Health and social care NVQ",
        2: "Health and social care NVQ",
        3: "Health and social care NVQ",
        4: "Care NVQ",
        5: "Care NVQ",
        6: "Care NVQ",
        8: "Any Learning Disabled Awards Framework (LDAF) award",
        9: "Other health and care-related NVQ",
        10: "Registered manager's (adults) NVQ",
        12: "Other management awards",
        13: "A1, A2 or other assessor NVQ",
        14: "V1 or other internal verifier NVQ",
        15: "L20 or other mentoring NVQ",
        16: "Social work degree (UK)",
        17: "Social work diploma or other approved (UK or non UK) social work qualification",
        18: "Combined nursing and social work degree",
        19: "Post Qualifying Award in Social Work (PQSW) Part 1",
        20: "Advanced Award in Social Work (AASW)",
        22: "Mental Health Social Work Award (MHSWA)",
        25: "Mentor award",
        26: "Other Post Qualifying Social Work (PQSW) award",
        27: "Any professional occupational therapy qualification",
        28: "Any registered nursing qualification",
        32: "Any qualification in assessment of work-based learning, other than social work",
        33: "Other relevant professional qualification",
        34: "Basic skills qualification",
        35: "Basic skills qualification",
        36: "Basic skills qualification",
        37: "Other qualification relevant to social care",
        38: "Other qualification relevant to the job role",
        39: "Other qualification",
        41: "Supporting activity provision in social care",
        42: "Activity provision in social care",
        48: "Dementia",
        49: "Awareness of dementia",
        50: "Dementia care",
        51: "Dementia care",
        52: "Emergency first aid at work",
        53: "Health and social care: generic pathway",
        54: "Health and social care: generic pathway",
        55: "Health and social care: dementia",
        56: "Health and social care: dementia",
        57: "Health and social care: learning disabilities",
        58: "Health and social care: learning disabilities",
        62: (
            "Leadership in health and social care, and children's and young people's services:"
            " adults' residential management"
        ),
        63: (
            "Leadership in health and social care, and children's and young people's services:"
            " adults' management"
        ),
        64: (
            "Leadership in health and social care, and children's and young people's services:"
            " adults' advanced practice"
        ),
        67: "Supporting individuals with learning disabilities",
        68: "Supporting individuals with learning disabilities",
        72: "Understanding working with people with mental health issues",
        73: "Assisting and moving individuals in social care",
        74: "Providing an induction into assisting and moving individuals in adult social care",
        76: "Preparing to work in adult social care",
        77: "Preparing to work in adult social care",
        82: "Any assessor qualification",
        83: "Any internal verifier qualification",
        84: "Any mentoring qualification",
        85: "Preparing to work in adult social care",
        86: "Stroke awareness",
        87: "Stroke care management",
        88: "Basic awareness of diabetes",
        89: "Working with individuals with diabetes",
        90: "Food safety in health and social care, and early years and childcare settings",
        91: (
            "Promoting food safety and nutrition in health and social care or early years and"
            " childcare settings"
        ),
        92: "Introduction to health, social care, and children's and young people's settings",
        93: "Introduction to health, social care, and children's and young people's settings",
        94: "Supporting individuals with learning disabilities",
        95: "Supporting individuals with learning disabilities",
        96: (
            "Employment responsibilities and rights in health, social care, and children's and"
            " young people's settings"
        ),
        98: (
            "Delivering chair-based exercise with frailer older adults and adults with"
            " disabilities in care and community settings"
        ),
        99: "Awareness of end of life care",
        100: "Awareness of end of life care",
        101: "Working in end of life care",
        102: "Leading and managing services to support end of life and significant life events",
        103: "Awareness of the mental capacity act, 2005",
        104: "Approved mental health practitioner",
        105: "Approved social worker",
        107: "Supporting individuals with autism",
        108: "Supporting individuals with autism",
        109: "Adult care",
        110: "Adult care",
        111: "Other social care relevant award",
        112: "Other non social care relevant award",
        113: "Other social care relevant certificate",
        114: "Other non social care relevant certificate",
        115: "Other social care relevant diploma",
        116: "Other non social care relevant diploma",
        117: "Any children's or young people's qualification",
        118: "Independent advocacy",
        119: "Assisting and moving individuals for a social care setting",
        120: "Understanding autism",
        121: "Autism support",
        122: "Understanding autism",
        123: "Clinical skills",
        124: "Clinical skills",
        125: "Fundamental knowledge in commissioning for wellbeing",
        126: "Understanding care and management of diabetes",
        127: "Understanding diabetes",
        128: "Understanding care and management of diabetes",
        129: "Diploma in care",
        130: "Diploma in care",
        131: "Principles of leadership and management for adult care",
        132: "Diploma in leadership and management for adult care",
        133: "Understanding the safe handling of medication",
        134: "Principles of safe handling of medication in health and social care",
        135: "Understanding the safe handling of medication in health and social care",
        136: "Awareness of mental health problems",
        137: "Mental health awareness",
        138: "Principles of working with people with mental health needs",
        139: "Understanding working in mental health",
        140: "Understanding working with people with mental health needs",
        141: "Understanding mental health",
        142: "Understanding mental health care",
        143: "Social prescribing",
        144: "Health and social care degree, level 6",
        145: "Epilepsy, level 3",
        146: "TAQA assessment, level 3",
        147: "TAQA internal quality assurance, level 4",
        148: "Falls prevention, level 2",
        149: "Nutrition, level 2",
        150: "Oral health, level 2",
        151: "Occupational therapy degree, level 6",
        152: "Physiotherapy degree, level 6",
        153: "Any nursing degree, level 6",
        154: "Functional skills in English, level 1",
        155: "Functional skills in English, level 2",
        156: "Functional skills in maths, level 1",
        157: "Functional skills in maths, level 2",
        158: "Level 2 Adult Social Care Certificate",
        159: "Understanding Digital Leadership in Adult Social Care, level 5",
        301: "Intermediate apprenticeship in health and social care (framework)",
        302: "Adult care worker (standard)",
        303: "Advanced apprenticeship in health and social care (framework)",
        304: "Lead adult care worker (standard)",
        305: "Lead practitioner in adult care (standard)",
        306: "Higher apprenticeship in care leadership and management (framework)",
        307: "Leader in adult care (standard)",
        308: "Degree social worker (standard)",
        309: "Nursing associate (standard)",
        310: "Degree registered nurse (standard)",
        311: "Other apprenticeship framework or standard",
        312: "Occupational therapist",
        313: "Physiotherapist",
        314: "Think ahead",
        315: "Social worker integrated Degree apprenticeship",
    },
)
"""ASC-WDS bulk-upload guidance, table of qualifications (QUALACHnn); label = title."""

QUALIFICATION_GROUP: Final[Mapping[int, str]] = MappingProxyType(
    {
        1: "NVQ",
        2: "NVQ",
        3: "NVQ",
        4: "NVQ",
        5: "NVQ",
        6: "NVQ",
        8: "Award",
        9: "NVQ",
        10: "NVQ",
        12: "Award",
        13: "NVQ",
        14: "NVQ",
        15: "NVQ",
        16: "Degree",
        17: "Diploma",
        18: "Degree",
        19: "Award",
        20: "Award",
        22: "Award",
        25: "Award",
        26: "Award",
        27: "Other type of qualification",
        28: "Other type of qualification",
        32: "Other type of qualification",
        33: "Other type of qualification",
        34: "Other type of qualification",
        35: "Other type of qualification",
        36: "Other type of qualification",
        37: "Other type of qualification",
        38: "Other type of qualification",
        39: "Other type of qualification",
        41: "Award",
        42: "Certificate",
        48: "Award",
        49: "Award",
        50: "Certificate",
        51: "Certificate",
        52: "Award",
        53: "Diploma",
        54: "Diploma",
        55: "Diploma",
        56: "Diploma",
        57: "Diploma",
        58: "Diploma",
        62: "Diploma",
        63: "Diploma",
        64: "Diploma",
        67: "Certificate",
        68: "Certificate",
        72: "Award",
        73: "Certificate",
        74: "Award",
        76: "Certificate",
        77: "Certificate",
        82: "Other type of qualification",
        83: "Other type of qualification",
        84: "Other type of qualification",
        85: "Award",
        86: "Award",
        87: "Certificate",
        88: "Award",
        89: "Certificate",
        90: "Award",
        91: "Award",
        92: "Award",
        93: "Certificate",
        94: "Award",
        95: "Award",
        96: "Award",
        98: "Certificate",
        99: "Award",
        100: "Award",
        101: "Certificate",
        102: "Certificate",
        103: "Award",
        104: "Diploma",
        105: "Diploma",
        107: "Award",
        108: "Certificate",
        109: "Diploma",
        110: "Certificate",
        111: "Award",
        112: "Award",
        113: "Certificate",
        114: "Certificate",
        115: "Diploma",
        116: "Diploma",
        117: "Other type of qualification",
        118: "Certificate",
        119: "Certificate",
        120: "Certificate",
        121: "Certificate",
        122: "Certificate",
        123: "Certificate",
        124: "Certificate",
        125: "Certificate",
        126: "Certificate",
        127: "Certificate",
        128: "Certificate",
        129: "Diploma",
        130: "Diploma",
        131: "Certificate",
        132: "Diploma",
        133: "Certificate",
        134: "Certificate",
        135: "Certificate",
        136: "Certificate",
        137: "Certificate",
        138: "Certificate",
        139: "Certificate",
        140: "Certificate",
        141: "Certificate",
        142: "Certificate",
        143: "Certificate",
        144: "Degree",
        145: "Award",
        146: "Award",
        147: "Award",
        148: "Certificate",
        149: "Certificate",
        150: "Certificate",
        151: "Degree",
        152: "Degree",
        153: "Degree",
        154: "Other type of qualification",
        155: "Other type of qualification",
        156: "Other type of qualification",
        157: "Other type of qualification",
        158: "Certificate",
        159: "Award",
        301: "Apprenticeship",
        302: "Apprenticeship",
        303: "Apprenticeship",
        304: "Apprenticeship",
        305: "Apprenticeship",
        306: "Apprenticeship",
        307: "Apprenticeship",
        308: "Apprenticeship",
        309: "Apprenticeship",
        310: "Apprenticeship",
        311: "Apprenticeship",
        312: "Apprenticeship",
        313: "Apprenticeship",
        314: "Apprenticeship",
        315: "Apprenticeship",
    }
)
"""ASC-WDS bulk-upload guidance, table of qualifications: group of each qualification code."""

# --------------------------------------------------------------------------------------------
# Training file
# --------------------------------------------------------------------------------------------

# Codes 3, 4 and 24 are not valid.
TRAINING_CATEGORY: Final = CodeTable(
    "training_category",
    {
        1: "Control and restraint",
        2: "Dementia care",
        5: "Emergency aid awareness",
        6: "Fire safety",
        7: "Basic life support and first aid",
        8: "Food hygiene",
        9: "Health and safety awareness",
        10: "Infection prevention and control",
        11: "Leadership and management",
        12: "Learning disability",
        13: "Medication management",
        14: "Mental capacity and liberty safeguards",
        15: "Assisting and moving people",
        16: "Nutrition and hydration",
        17: "Palliative, end of life care",
        18: "Physical disability",
        19: "Positive behaviour support and non-restrictive practice",
        20: "Safeguarding adults",
        21: "Other",
        22: "Dignity, respect, person-centered care",
        23: "Equality and diversity",
        25: "Children's, young people's related training",
        26: "Data management and GDPR",
        27: "Epilepsy",
        28: "Communication",
        29: "Diabetes",
        30: "COSHH",
        31: "Mental health",
        32: "Autism",
        33: "Continence care",
        34: "Duty of care",
        35: "Supervision, performance management",
        36: "Stroke",
        37: "Complaints handling, conflict resolution",
        38: "Personal care",
        39: "Activity provision, wellbeing",
        40: "Sensory disability",
        41: "Oliver McGowan Mandatory Training (elearning)",
        42: "Oliver McGowan Mandatory Training (Tier 1)",
        43: "Oliver McGowan Mandatory Training (Tier 2)",
        44: "Oral health",
        45: "Moving and handling objects",
        46: "Assisted digital and accessibility",
        47: "Digital leadership skills",
        48: "In-house systems and applications",
        49: "Online safety and security",
        50: "Social media and communications",
        51: "Working with digital technology",
    },
)
"""ASC-WDS bulk-upload guidance, table of training categories (CATEGORY)."""

ACCREDITED: Final = CodeTable("accredited", {1: "Yes", 0: "No", 999: "Don't know"})
"""ASC-WDS bulk-upload guidance, small code sets: training ACCREDITED."""

WHO_DELIVERED: Final = CodeTable("who_delivered", {1: "In-house staff", 2: "External provider"})
"""ASC-WDS bulk-upload guidance, small code sets: training WHODELIVERED."""

HOW_DELIVERED: Final = CodeTable("how_delivered", {1: "Face to face", 2: "E-learning"})
"""ASC-WDS bulk-upload guidance, small code sets: training HOWDELIVERED."""

TRAINING_PROVIDER: Final = CodeTable(
    "training_provider",
    {
        1: "1Stop Training",
        2: "AASOG Education and Training",
        3: "Access Skills Ltd",
        4: "Adams Care Training Ltd",
        5: "Alium Care Training",
        6: "AreYou - Training and Consultancy CIC",
        7: "Autism Together",
        8: "Award Training Limited",
        9: "Bespoke Consultancy and Education",
        10: "Centra Training",
        11: "Cera Care",
        12: "Coleman Training Ltd",
        13: "Crossroads Barnsley Ltd",
        14: "DH Associates",
        15: "Distinction Solutions",
        16: "Dominion Consultancy Group",
        17: "DurhamLearn",
        18: "Empeiria Training",
        19: "Estia Centre",
        20: "Experts by Experience Solihull CIC",
        21: "First Response Training and Consultancy Services Limited",
        22: "Flourish",
        23: "FreeBird Associates",
        24: "Guardian Angels Training",
        25: "Gecko Programmes Ltd",
        26: "Glendale Academy",
        27: "Global Skills Services Ltd",
        28: "Hasca Ltd",
        29: "HCPA in partnership with CPA",
        30: "Howe2 Training & Consultancy Ltd",
        31: "Tend Training (was Impact Futures Training Limited)",
        32: "Inspire London College",
        33: "Inspiro Learning Ltd",
        34: "IPS International",
        35: "JAG Training Limited",
        36: "Leeds City Council",
        37: "Lifetime Training",
        38: "Luminate Education Group",
        39: "National Activity Providers Association",
        40: "National Care Forum",
        41: "Newcastle and Stafford Colleges Group",
        42: "Northbrook",
        43: "Pathways Associates CIC Ltd",
        44: "Pentagon Skills Limited",
        45: "Professional Training Solutions",
        46: "Realise",
        47: "Runway Training",
        48: "Social Works Ltd",
        49: "South West Skills Academy",
        50: "Step Up Training and Care",
        51: "Sutton Coldfield Training Ltd",
        52: "The Autism Wellbeing Project",
        53: "The Education Training Collective (Stockton Riverside College)",
        54: "The Prime College",
        55: "The Sheffield College",
        56: "Training in Care Ltd",
        57: "Unique Training Solutions Ltd",
        58: "United Care Network",
        59: "United Care Network (BrightPath Academy)",
        60: "Universal Vibes Limited (Care Trainings)",
        61: "Vision Training (North East) Ltd",
        62: "Vita Training and Development",
        63: "A1 Education and Training",
        64: "Adada Recruitment and Training Services (arts) Ltd",
        65: "ASH Healthcare Training",
        66: "Blackburn College",
        67: "Bluebird Care Franchises Ltd",
        68: "British Institute of Learning Disabilities",
        69: "BSol ICB OMMT Team",
        70: "Caring Alliance",
        71: "Dynamic Training UK Ltd",
        72: "Edify Consultancy Ltd",
        73: "FuturU",
        74: "Gateshead Council - Learning and Skills",
        75: "L&F Training Ltd",
        76: "Lancaster and Morecambe College",
        77: "Medex Group Ltd",
        78: "National Star",
        79: "Neurodiverse Training",
        80: "Pathway First Limited",
        81: "Retain skills",
        82: "Rochdale Training",
        83: "Saracen Care Services Ltd",
        84: "Shreeji Training Ltd",
        85: "The EdgeWorks Limited",
        86: "The Link Training Academy",
        87: "Tutorcare Ltd",
        88: "Skills for Care",
        999: "Other",
    },
)
"""ASC-WDS bulk-upload guidance, table of training providers (PROVIDERNAME, with WHODELIVERED 2)."""
