"""Submissions: which providers have returned data, the area's coverage, data quality and the
providers that may need most support (for the partnership's administrators and analysts)."""
