"""Pages: the start page, the accessibility statement and the privacy notice."""
