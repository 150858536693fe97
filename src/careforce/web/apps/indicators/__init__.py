"""Indicators: the published workforce measures, their pages, charts and downloads."""
