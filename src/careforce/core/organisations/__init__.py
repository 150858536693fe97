"""Organisations behind ASC-WDS workplaces: grouping workplaces into the providers that run them."""
