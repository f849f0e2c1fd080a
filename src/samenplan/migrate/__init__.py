"""``samenplan migrate``: bring a formaatversie 1 plan to formaatversie 2, keeping every value.

Each renamed or reshaped key has one step: a small function over the round-trip documents of
the plan folder (comments, key order and formatting are kept). ``STEPS`` lists them in the order
they run; the CLI shows the changes first and writes only when told to.
"""

from samenplan.migrate import step_monitor
from samenplan.migrate.changes import Change, PlanFiles, Step

#: The migration steps from formaatversie 1 to 2, in the order they run.
STEPS: list[Step] = [
    step_monitor.migrate,
]

__all__ = ["STEPS", "Change", "PlanFiles", "Step"]
