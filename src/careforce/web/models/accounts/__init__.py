"""The accounts data model."""
