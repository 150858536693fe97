"""careforce.core.vocab."""
