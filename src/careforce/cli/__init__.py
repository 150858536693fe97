"""careforce.cli."""
