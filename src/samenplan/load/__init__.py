"""Loading a plan folder: read the YAML, keep positions, validate into models."""
