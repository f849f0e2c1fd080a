"""Allow ``python -m samenplan``."""

from samenplan.cli.main import main

main()
