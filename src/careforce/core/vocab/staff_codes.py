"""ASC-WDS code tables of the staff file (job roles, demographics, contracts, qualifications).

Nationalities and countries of birth are in :mod:`careforce.core.vocab.geography_codes`. Each
constant says which code table of the bulk-upload guidance it transcribes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.code_table import CodeTable

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
