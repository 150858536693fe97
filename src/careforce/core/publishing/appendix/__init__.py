"""The annual data appendix: a template (YAML, as data) resolved against tidy measure rows
into sections of sentences, tables and charts whose every number keeps the measure row it
came from."""
