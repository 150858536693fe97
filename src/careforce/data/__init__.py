"""Data files shipped with careforce."""
