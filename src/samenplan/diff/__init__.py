"""`samenplan diff`: what changed in a plan between two versions, matched by id.

The pipeline: sides (a plan folder, or a Git revision read into a temporary folder) → two
checked plans → compare (one table of what to compare per id kind, money from plan/money.py,
coverage, findings) → a PlanDiff of plain data → report lines (text, Markdown) or JSON.
"""
