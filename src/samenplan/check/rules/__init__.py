"""Coherence rules: small functions with metadata, registered with the ``rule`` decorator."""
