"""Pages of the workforce demand projections (``/projections/``)."""
