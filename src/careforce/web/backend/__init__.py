"""The web service's use cases: the only code that queries the data model for the pages."""
