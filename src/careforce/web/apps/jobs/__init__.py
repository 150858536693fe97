"""Jobs: background work (validation, publishing measures) recorded in the database."""
