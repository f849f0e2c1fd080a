"""Pydantic models of the plan format: shapes only; meaning lives in the rules."""
