"""careforce.core."""
