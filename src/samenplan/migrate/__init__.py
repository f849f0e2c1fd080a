"""``samenplan migrate``: bring a formaatversie 1 plan to formaatversie 2, keeping every value.

Each renamed or reshaped key has one step: a small function over the round-trip documents of
the plan folder (comments, key order and formatting are kept). ``STEPS`` lists them in the order
they run; the CLI shows the changes first and writes only when told to.

A step that moves values to another key says where in ``MOVES`` (a tuple of changes.Move) in
its module: tests/test_migrate.py follows those moves to prove that every value and every
comment of the formaatversie 1 fixtures is still in the migrated plan.
"""

from samenplan.migrate import step_formaatversie, step_money, step_monitor, step_partners
from samenplan.migrate.changes import Change, PlanFiles, Step

#: The migration steps from formaatversie 1 to 2, in the order they run.
STEPS: list[Step] = [
    step_formaatversie.migrate,
    step_money.migrate,
    step_partners.migrate,
    step_monitor.migrate,
]

__all__ = ["STEPS", "Change", "PlanFiles", "Step"]
