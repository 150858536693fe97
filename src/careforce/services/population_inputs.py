"""Population files for the projections in any of the layouts careforce reads: its own long
layout, ONS subnational population projections or ONS mid-year estimates, as CSV or as the ONS
workbook (XLSX) itself (counties added up from their districts with the shipped lookup of every
English county, or one given)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.projections.input_tables import InputDataError
from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.population import population_long
from careforce.io.package_data import package_data_path
from careforce.io.population_workbooks import is_workbook, read_population_workbook
from careforce.io.projection_inputs import read_input_table

LOOKUP: Final = ("population", "district_county_lookup.csv")
"""The shipped lookup of districts to counties (``lad_code, lad_name, county_code,
county_name``)."""


def population_table(path: Path, *, lookup: Path | None = None) -> pl.DataFrame:
    """The population file in the long layout (text columns with ``source_line``).

    Raises:
        InputFileError: a file cannot be read.
        InputDataError: the file's cells cannot be used.
    """
    raw = read_population_workbook(path) if is_workbook(path) else read_input_table(path)
    districts = read_input_table(lookup or package_data_path(*LOOKUP))
    try:
        return population_long(raw, districts)
    except LabourFileError as error:
        raise InputDataError(str(error), source=str(path)) from None
