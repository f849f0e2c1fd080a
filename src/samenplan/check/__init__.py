"""Checking a loaded plan: the rule engine, the rules by theme, waivers and rule docs."""
