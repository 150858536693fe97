"""Statistical disclosure control for published tables."""
