"""The indicators data model."""
