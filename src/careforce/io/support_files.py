"""Reading the settings of the support score (TOML, shipped or given by path)."""

from __future__ import annotations

from pathlib import Path

from careforce.core.benchmarks.support import (
    SupportSettings,
    SupportSettingsError,
    support_settings,
)
from careforce.io.config_files import ConfigurationFileError, load_config_file
from careforce.io.package_data import package_data_path

SHIPPED = ("support", "support-score.toml")
"""The shipped settings, under careforce/data."""


def load_support_settings(path: Path | None = None) -> SupportSettings:
    """The support score's settings from a TOML file (default: the shipped one).

    Raises:
        ConfigurationFileError: the file cannot be read, parsed or used.
    """
    chosen = path if path is not None else package_data_path(*SHIPPED)
    document = load_config_file(chosen, "toml")
    try:
        return support_settings(document.data)
    except SupportSettingsError as error:
        raise ConfigurationFileError(chosen, str(error).split("; ")) from None
