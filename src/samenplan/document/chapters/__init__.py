"""One module per chapter of the report: the seven steps, then the derived views."""
