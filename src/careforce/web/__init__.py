"""careforce.web."""
