"""Organisations: the council, care providers and partners, and the workplaces of each."""
