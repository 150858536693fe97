"""The jobs data model."""
