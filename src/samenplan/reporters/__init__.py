"""Reporters: pure functions from a check result to text in one output format."""
