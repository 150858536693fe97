"""careforce.services."""
