"""Workforce measures: the catalogue, their computation, intervals, comparison and trend."""
