"""Allow ``python -m samenplan``."""

from samenplan.cli import main

main()
