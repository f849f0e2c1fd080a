"""Which report goes where: the --format, --output and --report options, and CI detection."""

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
