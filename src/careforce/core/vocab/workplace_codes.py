"""ASC-WDS code tables of the workplace file.

Each constant says which code table of the bulk-upload guidance it transcribes. Codes that need
special handling (head office, services regulated by CQC...) have named constants.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.code_table import CodeTable

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
