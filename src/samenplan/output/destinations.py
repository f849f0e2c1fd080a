"""Which report goes where: the --format, --output and --report options, and CI detection."""

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from samenplan.output import FORMATS
from samenplan.suggest import did_you_mean

#: The file written in GitLab CI when no format is chosen (declare it under artifacts:reports).
GITLAB_FILE = Path("gl-code-quality-report.json")


class OutputError(Exception):
    """A wrong --format, --output or --report (a usage error, exit 2); the text is Dutch."""


@dataclass(frozen=True)
class Output:
    """One report: its format and its file; ``path`` None means the screen (stdout)."""

    format: str
    path: Path | None = None


def format_name(name: str) -> str:
    """The format called ``name``; raises OutputError for an unknown one."""
    key = name.strip().lower()
    if key not in FORMATS:
        sentences = [
            f"Het formaat '{name}' bestaat niet.",
            did_you_mean(key, FORMATS),
            f"Kies uit: {', '.join(FORMATS)}.",
        ]
        raise OutputError(" ".join(s for s in sentences if s))
    return key


def parse_report(spec: str) -> Output:
    """An Output from a --report value 'FORMAAT:BESTAND'."""
    name, sep, file = spec.partition(":")
    if not sep or not name.strip() or not file.strip():
        raise OutputError(
            f"--report '{spec}' klopt niet: schrijf FORMAAT:BESTAND, "
            "bijvoorbeeld --report sarif:samenplan.sarif."
        )
    return Output(format_name(name), Path(file))


def choose_outputs(
    fmt: str | None, output: Path | None, reports: Sequence[str], env: Mapping[str, str]
) -> list[Output]:
    """Every report of this run; the first goes to ``output`` or the screen."""
    extra = [parse_report(spec) for spec in reports]
    if fmt is not None:
        main = format_name(fmt)
    elif output is None and env.get("GITHUB_ACTIONS") == "true":
        main = "github"
    else:
        main = "text"
    outputs = [Output(main, output), *extra]
    in_gitlab = env.get("GITLAB_CI") == "true" and fmt is None and output is None
    if in_gitlab and not any(o.format == "gitlab" for o in outputs):
        outputs.append(Output("gitlab", GITLAB_FILE))
    check_destinations(outputs)
    return outputs


def check_destinations(outputs: Sequence[Output]) -> None:
    """Every file can be written: its folder exists, it is no folder, no file is named twice."""
    seen: set[Path] = set()
    for out in outputs:
        if out.path is None:
            continue
        where = out.path.resolve()
        if where in seen:
            raise OutputError(f"Twee rapporten gaan naar hetzelfde bestand '{out.path}'.")
        seen.add(where)
        if where.parent.exists() and not where.parent.is_dir():
            raise OutputError(
                f"'{out.path.parent}' is een bestand, geen map; daarin kan het "
                f"rapport '{out.path.name}' niet komen. Kies een andere plek."
            )
        if not where.parent.is_dir():
            raise OutputError(
                f"De map '{out.path.parent}' voor het rapport '{out.path}' "
                "bestaat niet. Maak de map eerst, of kies een andere plek."
            )
        if where.is_dir():
            raise OutputError(f"'{out.path}' is een map; geef een bestandsnaam voor het rapport.")


# What every check report starts with, by format, and what its first bytes must hold: the
# only files a report may replace (besides an empty one). Text formats end with a summary.
_REPORT_STARTS = (
    (b'{\n  "version": ', b'"tool": {\n    "name": "samenplan"'),  # json
    (b'{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json"', b'"name": "samenplan"'),  # sarif
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="samenplan check"', b""),  # junit
    (b"[]\n", b""),  # gitlab, no findings
    (b'[\n  {\n    "description": "SP', b'"check_name": "SP'),  # gitlab
)
_TEXT_ENDS = re.compile(
    rb"(?:Geen problemen gevonden in .*\.|\d+ fouten?, \d+ waarschuwing(?:en)?, \d+ opmerking(?:en)? "
    rb"in \d+ bestand(?:en)? van .*\.|Volledigheid per stap: \d.*%|De samenhang is nog niet "
    rb"gecontroleerd: .*|\d+ plan(?:nen)? gecontroleerd: .* zonder fouten of waarschuwingen\.)"
)


def made_by_check(path: Path) -> bool:
    """Whether the regular file ``path`` is empty or a report that samenplan check wrote.

    Recognised by each format's fixed start (JSON, SARIF, JUnit, GitLab) or, for text,
    concise and github, by the summary line that ends it: a file that only mentions
    samenplan does not count.
    """
    from samenplan.files.targets import peek

    try:
        head, tail, size = peek(path)
    except OSError:
        return False
    if size == 0:
        return True
    if any(head.startswith(start) and holds in head for start, holds in _REPORT_STARTS):
        return True
    last = tail.rstrip(b"\r\n").rsplit(b"\n", 1)[-1]
    return _TEXT_ENDS.fullmatch(last) is not None


def guard_targets(outputs: Sequence[Output], plan_roots: Sequence[Path]) -> None:
    """Refuse any report that would replace a plan's own file, something that is not a file,
    or a file that samenplan did not write. A pipe or terminal is written as a stream."""
    from samenplan.files.targets import Kind, kind_of
    from samenplan.plan.steps import DOCUMENTS

    own = {os.path.realpath(root / d.file) for root in plan_roots for d in DOCUMENTS}
    for out in outputs:
        if out.path is None:
            continue
        kind = kind_of(out.path)
        if os.path.realpath(out.path) in own:
            raise OutputError(
                f"'{out.path}' is een bestand van het plan; het rapport zou het plan overschrijven. "
                "Kies een andere naam, bijvoorbeeld samenplan.sarif."
            )
        if kind is Kind.OTHER:
            raise OutputError(
                f"'{out.path}' is geen gewoon bestand (maar bijvoorbeeld een schijf of een socket)."
            )
        if kind is Kind.FILE and not made_by_check(out.path):
            raise OutputError(
                f"'{out.path}' bestaat al en is geen rapport van samenplan; er is niets overschreven. "
                "Kies een andere naam, of haal het bestand eerst weg."
            )
