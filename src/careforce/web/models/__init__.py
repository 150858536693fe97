"""The web database: one Django app per part of the data model."""
