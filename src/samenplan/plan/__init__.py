"""The plan format: the seven steps, vocabularies, id kinds, models, money, catalog and JSON Schema."""
