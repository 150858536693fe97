"""Children's services workforce sources: the council HR extract and providers' returns."""
