"""careforce.core.sources."""
