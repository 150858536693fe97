"""The web service's Django apps, one per domain. Apps never import each other."""
