"""Column names of the three ASC-WDS bulk-upload files, in header order.

Source: the ASC-WDS bulk-upload format (workplace, staff and training header rows).
"""

from enum import StrEnum


class WorkplaceColumn(StrEnum):
    """Columns of the workplace (establishment) file, in the order of its header row."""

    LOCALESTID = "LOCALESTID"
    STATUS = "STATUS"
    ESTNAME = "ESTNAME"
    ADDRESS1 = "ADDRESS1"
    ADDRESS2 = "ADDRESS2"
    ADDRESS3 = "ADDRESS3"
    POSTTOWN = "POSTTOWN"
    POSTCODE = "POSTCODE"
    ESTTYPE = "ESTTYPE"
    OTHERTYPE = "OTHERTYPE"
    PERMCQC = "PERMCQC"
    PERMLA = "PERMLA"
    REGTYPE = "REGTYPE"
    PROVNUM = "PROVNUM"
    LOCATIONID = "LOCATIONID"
    MAINSERVICE = "MAINSERVICE"
    ALLSERVICES = "ALLSERVICES"
    CAPACITY = "CAPACITY"
    UTILISATION = "UTILISATION"
    SERVICEDESC = "SERVICEDESC"
    SERVICEUSERS = "SERVICEUSERS"
    OTHERUSERDESC = "OTHERUSERDESC"
    DHA = "DHA"
    DHAACTIVITIES = "DHAACTIVITIES"
    TOTALPERMTEMP = "TOTALPERMTEMP"
    ALLJOBROLES = "ALLJOBROLES"
    STARTERS = "STARTERS"
    LEAVERS = "LEAVERS"
    VACANCIES = "VACANCIES"
    REASONS = "REASONS"
    REASONNOS = "REASONNOS"
    REPEATTRAINING = "REPEATTRAINING"
    CWPAWARE = "CWPAWARE"
    CWPUSE = "CWPUSE"
    CWPUSEDESC = "CWPUSEDESC"
    SICKPAY = "SICKPAY"
    PENSION = "PENSION"
    ACTUALCONT = "ACTUALCONT"
    OPTOUTPEN = "OPTOUTPEN"
    HOLIDAY = "HOLIDAY"
    SLEEPINS = "SLEEPINS"
    SLEEPINPAY = "SLEEPINPAY"
    TRAVELTIME = "TRAVELTIME"
    TTDIFFRATE = "TTDIFFRATE"


class StaffColumn(StrEnum):
    """Columns of the staff (worker) file: the base header plus the two optional inserted columns.

    The optional CHGUNIQUEWRKID and TRANSFERSTAFFRECORD columns come straight after
    UNIQUEWORKERID when present; qualification pairs QUALACH04… may follow QUALACH03NOTES.
    """

    LOCALESTID = "LOCALESTID"
    UNIQUEWORKERID = "UNIQUEWORKERID"
    CHGUNIQUEWRKID = "CHGUNIQUEWRKID"
    TRANSFERSTAFFRECORD = "TRANSFERSTAFFRECORD"
    STATUS = "STATUS"
    DISPLAYID = "DISPLAYID"
    NINUMBER = "NINUMBER"
    POSTCODE = "POSTCODE"
    DOB = "DOB"
    GENDER = "GENDER"
    ETHNICITY = "ETHNICITY"
    NATIONALITY = "NATIONALITY"
    BRITISHCITIZENSHIP = "BRITISHCITIZENSHIP"
    COUNTRYOFBIRTH = "COUNTRYOFBIRTH"
    YEAROFENTRY = "YEAROFENTRY"
    DISABLED = "DISABLED"
    CARECERT = "CARECERT"
    L2CARECERT = "L2CARECERT"
    RECSOURCE = "RECSOURCE"
    HANDCVISA = "HANDCVISA"
    INOUTUK = "INOUTUK"
    STARTDATE = "STARTDATE"
    STARTINSECT = "STARTINSECT"
    DHA = "DHA"
    APPRENTICE = "APPRENTICE"
    EMPLSTATUS = "EMPLSTATUS"
    ZEROHRCONT = "ZEROHRCONT"
    DAYSSICK = "DAYSSICK"
    SALARYINT = "SALARYINT"
    SALARY = "SALARY"
    HOURLYRATE = "HOURLYRATE"
    MAINJOBROLE = "MAINJOBROLE"
    MAINJRDESC = "MAINJRDESC"
    CONTHOURS = "CONTHOURS"
    AVGHOURS = "AVGHOURS"
    NMCREG = "NMCREG"
    AMHP = "AMHP"
    SCQUAL = "SCQUAL"
    NONSCQUAL = "NONSCQUAL"
    CWPCATEGORY = "CWPCATEGORY"


class TrainingColumn(StrEnum):
    """Columns of the training file, in the order of its header row."""

    LOCALESTID = "LOCALESTID"
    UNIQUEWORKERID = "UNIQUEWORKERID"
    CATEGORY = "CATEGORY"
    TRAININGNAME = "TRAININGNAME"
    ACCREDITED = "ACCREDITED"
    WHODELIVERED = "WHODELIVERED"
    PROVIDERNAME = "PROVIDERNAME"
    HOWDELIVERED = "HOWDELIVERED"
    VALIDITY = "VALIDITY"
    DATECOMPLETED = "DATECOMPLETED"
    EXPIRYDATE = "EXPIRYDATE"
    NOTES = "NOTES"


def qualification_column(number: int) -> str:
    """Name of the n-th qualification column of the staff file, e.g. ``QUALACH04``."""
    return f"QUALACH{number:02d}"


def qualification_notes_column(number: int) -> str:
    """Name of the notes column that goes with the n-th qualification, e.g. ``QUALACH04NOTES``."""
    return f"QUALACH{number:02d}NOTES"


LINE = "__line__"
"""Physical line (1-based, header = 1) on which a data row starts in its file."""

FIELD_COUNT = "__fields__"
"""Number of fields the CSV row actually had, before padding to the header's width."""
