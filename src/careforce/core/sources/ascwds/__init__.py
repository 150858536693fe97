"""careforce.core.sources.ascwds."""
