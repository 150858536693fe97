"""The uploads data model."""
