"""Scaffolding a new plan for `samenplan init`: answers, files, writes."""
