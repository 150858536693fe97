"""The organisations data model."""
