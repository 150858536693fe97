"""The outcomes data model."""
