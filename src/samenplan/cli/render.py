"""`samenplan render`: its options, then check the plan, render it, write it atomically.

Its options are declared once, in OPTIONS, as check's are (cli/plain.py): cli/main.py reads
plain options without typer and calls run_render; help and usage errors go through typer.
"""

import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samenplan.cli import plain
from samenplan.cli.exits import ExitCode, echo, fail
from samenplan.cli.plain import Option

if TYPE_CHECKING:
    from samenplan.check.run import CheckResult
    from samenplan.diff.model import PlanDiff
    from samenplan.document.render import Format

DATE_VARIABLE = "SAMENPLAN_DATUM"


#: Every parameter of `samenplan render`, declared once: read by parse_plain without typer,
#: and by typer (help, usage errors) through typer_command.
OPTIONS = (
    Option(
        "plan_dir",
        (),
        "Map met het plan.",
        metavar="PLANMAP",
        kind="positional",
        convert=Path,
        default=Path(),
    ),
    Option(
        "fmt",
        ("--format", "-f"),
        "HTML, Markdown, PDF (met samenplan[pdf]) of Word (met samenplan[docx]).",
        metavar="html|md|pdf|docx",
        default="html",
    ),
    Option(
        "output",
        ("--output", "-o"),
        "Waar het document komt; '-' is het scherm. Standaard: plan.<formaat> in de planmap.",
        metavar="BESTAND",
    ),
    Option(
        "force",
        ("--force",),
        "Maak ook een document als het plan fouten bevat; bovenaan staat dan 'Concept — bevat fouten'.",
        kind="flag",
        default=False,
    ),
    Option(
        "theme_css",
        ("--theme-css",),
        "CSS met de huisstijl van de gemeente (NL Design System-thema).",
        metavar="BESTAND",
        convert=Path,
    ),
    Option(
        "datum",
        ("--datum",),
        f"Datum in het document (standaard vandaag, of ${DATE_VARIABLE}).",
        metavar="JJJJ-MM-DD",
    ),
    Option(
        "overwrite",
        ("--overwrite",),
        "Vervang een bestaand bestand dat niet door samenplan is gemaakt.",
        kind="flag",
        default=False,
    ),
    Option(
        "werkversie",
        ("--werkversie",),
        "Werkversie voor de werkgroep: elke melding van check met de plaats in het plan en een tip.",
        kind="flag",
        default=False,
    ),
    Option(
        "sjabloon",
        ("--sjabloon",),
        "Word-bestand met de huisstijl van de gemeente; alleen bij --format docx.",
        metavar="BESTAND.docx",
        convert=Path,
    ),
    Option(
        "sinds",
        ("--sinds",),
        "Voeg het hoofdstuk 'Wat is er veranderd sinds …' toe: vergeleken met deze revisie in Git "
        "(tak, tag, commit, of 'basis': het begin van de merge request).",
        metavar="REVISIE",
    ),
)

HELP = "Maak het plandocument voor college, raad en schoolbesturen: HTML, Markdown, PDF of Word."


def parse_plain(args: Sequence[str]) -> dict[str, Any] | None:
    """run_render's keyword arguments from ``args`` (after 'render'), or None for typer to read."""
    return plain.parse_plain(OPTIONS, args)


def typer_command() -> Callable[..., None]:
    """The render command for typer: its parameters from OPTIONS, its work run_render's."""
    return plain.typer_command(OPTIONS, lambda **given: run_render(**given), HELP)  # run_render as it is then


def run_render(
    plan_dir: Path = Path(),
    fmt: str = "html",
    output: str | None = None,
    force: bool = False,
    theme_css: Path | None = None,
    datum: str | None = None,
    overwrite: bool = False,
    werkversie: bool = False,
    sjabloon: Path | None = None,
    sinds: str | None = None,
    *,
    first_done: Callable[[], None] | None = None,
) -> ExitCode:
    """Check the plan, render it and write it; the exit code. Usage errors stop with 2.

    ``first_done`` is called once the plan is checked.
    """
    from samenplan.check.run import check_plan
    from samenplan.document.render import RenderError, SetupError, render_file
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.text import format_text

    kind = _format(fmt, theme_css, sjabloon)
    if output is not None and not output.strip():
        fail("--output is leeg; geef een bestandsnaam, of '-' voor het scherm.")
    today = _today(datum)
    css = _read_css(theme_css)
    try:
        result = check_plan(plan_dir, today)
    except NotAPlan as exc:
        fail(str(exc))
    if first_done is not None:
        first_done()
    if result.loaded.formaat is not None:
        from samenplan.load.formaat import format_message
        from samenplan.safetext import terminal

        fail(terminal(format_message(result.loaded.formaat, plan_dir)))
    target = None if output == "-" else Path(output) if output is not None else plan_dir / f"plan.{fmt}"
    if target is not None:
        _check_target(target, overwrite=overwrite)
    changes = _changes(result, sinds) if sinds is not None else None
    try:
        data = render_file(
            result,
            kind,
            today=today,
            theme_css=css,
            force=force,
            werkversie=werkversie,
            sjabloon=sjabloon,
            changes=changes,
        )
    except SetupError as exc:
        fail(str(exc))
    except RenderError as exc:
        sys.stderr.write(format_text(result))
        echo(f"samenplan: {exc}", err=True)
        return ExitCode.FINDINGS
    _write(target, data, kind)
    return ExitCode.OK


def _format(fmt: str, theme_css: Path | None, sjabloon: Path | None) -> "Format":
    """The format asked for; refuses one that does not exist and options that do not belong to it."""
    from samenplan.document.render import FORMATS

    kind = next((f for f in FORMATS if f == fmt), None)
    if kind is None:
        fail(f"'{fmt}' is geen formaat voor render; kies html, md, pdf of docx.")
    if sjabloon is not None and fmt != "docx":
        fail(
            "--sjabloon hoort bij --format docx: een Word-sjabloon geeft alleen een Word-bestand zijn stijl."
        )
    if theme_css is not None and fmt in ("md", "docx"):
        fail("--theme-css hoort bij --format html of pdf; geef een Word-bestand zijn stijl met --sjabloon.")
    if sjabloon is not None and not sjabloon.is_file():
        fail(f"het sjabloon '{sjabloon}' bestaat niet of is geen bestand.")
    return kind


def _write(target: Path | None, data: bytes, fmt: str) -> None:
    """The document to the screen (target None) or to its file: atomically, or as a stream."""
    from samenplan.cli.screen import write_screen
    from samenplan.files.targets import write_output
    from samenplan.safetext import terminal

    if target is None:
        write_screen(data if fmt in ("pdf", "docx") else data.decode("utf-8"))
        return
    try:
        write_output(target, data)
    except OSError as exc:
        from samenplan.files.oserrors import reason

        fail(f"kan '{terminal(str(target))}' niet schrijven: {reason(exc)}.")
    write_screen(f"geschreven: {terminal(target.as_posix())}\n")


def _changes(result: "CheckResult", revision: str) -> "PlanDiff":
    from samenplan.diff.build import diff_plans
    from samenplan.diff.errors import DiffError
    from samenplan.diff.sides import current, read_revision

    try:
        return diff_plans(read_revision(revision, result.loaded.root, os.environ), current(result))
    except DiffError as exc:
        fail(str(exc))


def _today(text: str | None) -> date:
    value = text or os.environ.get(DATE_VARIABLE)
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"'{value}' is geen datum; schrijf JJJJ-MM-DD.")


#: The largest theme read: a full NL Design System theme is about 100 kB.
MAX_THEME_BYTES = 2_000_000


def _read_css(path: Path | None) -> str | None:
    if path is None:
        return None
    import errno
    import stat

    from samenplan.files.oserrors import reason

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "folder", str(path))
        if not stat.S_ISREG(mode):  # a pipe or /dev/zero: reading never ends
            fail(f"het thema '{path}' is geen gewoon bestand; geef een .css-bestand.")
        with path.open("rb") as handle:
            raw = handle.read(MAX_THEME_BYTES + 1)
        if len(raw) > MAX_THEME_BYTES:
            fail(f"het thema '{path}' is groter dan {MAX_THEME_BYTES // 1_000_000} MB; is het wel een thema?")
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"het thema '{path}' is niet als UTF-8 opgeslagen.")
    except OSError as exc:
        fail(f"het thema '{path}' kan niet gelezen worden: {reason(exc)}.")


def _check_target(target: Path, *, overwrite: bool) -> None:
    """Refuse a folder, a missing folder, something that is no file, or a file samenplan did not make.

    A pipe or terminal is written as a stream; it is never replaced, with or without --overwrite.
    """
    from samenplan.files.targets import Kind, kind_of

    kind = kind_of(target)
    if kind is Kind.FOLDER:
        fail(f"'{target}' is een map; geef een bestandsnaam op.")
    if not target.parent.is_dir():
        fail(f"de map '{target.parent}' bestaat niet.")
    if kind is Kind.OTHER:
        fail(
            f"'{target}' is geen gewoon bestand (maar bijvoorbeeld een schijf of een socket); "
            "er is niets geschreven."
        )
    if kind is Kind.FILE and not overwrite and not made_by_render(target):
        fail(
            f"'{target}' bestaat al en is niet door samenplan gemaakt; er is niets "
            "overschreven. Kies een andere naam of gebruik --overwrite."
        )


def mark_line() -> bytes:
    """The comment line every document starts (HTML) or ends (Markdown) with."""
    from samenplan.document.render import GENERATOR_MARK

    explained = "gemaakt uit de YAML-bestanden van het plan; wijzig die, niet dit bestand."
    return f"<!-- {GENERATOR_MARK}: {explained} -->".encode()


def made_by_render(path: Path) -> bool:
    """Whether ``path`` is a document samenplan render made: its exact mark line is among the
    first five lines or is the last line. Text that only mentions the command does not count."""
    from samenplan.files.targets import peek

    try:
        head, tail, size = peek(path)
    except OSError:
        return False
    if size == 0:
        return True  # nothing to lose
    if head.startswith((b"%PDF-", b"PK\x03\x04")):
        return _binary_made_by_render(path, head)
    mark = mark_line()
    first = [line.rstrip(b"\r") for line in head.split(b"\n")[:5]]
    last = tail.rstrip(b"\r\n").rsplit(b"\n", 1)[-1].rstrip(b"\r")
    return mark in first or last == mark


#: How far from the end render looks for the mark of its own PDF and Word files.
_TRAILER_BYTES = 65536


def _binary_made_by_render(path: Path, head: bytes) -> bool:
    """Render's mark where its PDF (the trailer's permanent id, document/pdf.py) or its Word
    file (the zip comment at the very end, document/word.py) carries it."""
    from samenplan.document.render import GENERATOR_MARK
    from samenplan.document.word import zip_comment

    try:
        with path.open("rb") as handle:
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - _TRAILER_BYTES))
            tail = handle.read(_TRAILER_BYTES)
    except OSError:
        return False
    if head.startswith(b"%PDF-"):
        pdf_id = rb"/ID \[\(" + re.escape(GENERATOR_MARK.encode()) + rb" [0-9a-f]{16}\)"
        return re.search(pdf_id, tail) is not None
    return tail.endswith(zip_comment(GENERATOR_MARK))
