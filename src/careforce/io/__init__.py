"""careforce.io."""
