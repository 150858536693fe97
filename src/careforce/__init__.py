"""careforce: social care workforce intelligence and planning."""

__version__ = "0.1.0"
