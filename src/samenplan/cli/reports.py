"""Every report of one `samenplan check` run, each written a plan at a time.

A report file is opened before the first plan: a regular file as a temporary file beside
it, put in place after the last plan (files/atomic.AtomicFile), a pipe or device as a
stream. A file that cannot be written is exit 2, and no report file is changed. The screen
gets each plan's text as soon as it is there.
"""

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from samenplan.cli.exits import echo, fail
from samenplan.files.oserrors import reason

if TYPE_CHECKING:
    from samenplan.check.run import CheckResult
    from samenplan.files.atomic import AtomicFile
    from samenplan.files.targets import OutputStream
    from samenplan.output import PlansReport
    from samenplan.output.destinations import Output


class Reports:
    """The reports of ``outputs`` over ``count`` plans; use as a context manager.

    Leaving the block normally ends every report and puts the files in place; leaving it by
    an exception (a usage error, Ctrl-C) removes the temporary files and changes nothing.
    """

    def __init__(self, outputs: "Sequence[Output]", count: int, *, color: bool, width: int | None) -> None:
        from samenplan.output import plans_report

        self.outputs = list(outputs)
        self.reports = [
            plans_report(
                out.format,
                count,
                color=color and out.path is None and out.format == "text",
                width=width if out.path is None and out.format == "text" else None,
            )
            for out in self.outputs
        ]
        self.files: list[AtomicFile | OutputStream | None] = []
        self.summary = _StepSummary(count) if any(o.format == "github" for o in self.outputs) else None

    def __enter__(self) -> "Reports":
        from samenplan.files.targets import open_output

        try:
            for out in self.outputs:
                self.files.append(None if out.path is None else open_output(out.path))
        except OSError as exc:
            self.discard()
            fail(f"Het rapport '{out.path}' kan niet geschreven worden: {reason(exc)}.")
        return self

    def add(self, result: "CheckResult") -> None:
        """Write what each report has of this plan."""
        for out, report, file in zip(self.outputs, self.reports, self.files, strict=True):
            self._write(out, file, report.add(result))
        if self.summary is not None:
            self.summary.add(result)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is not None:
            self.discard()
            return
        try:
            for out, report, file in zip(self.outputs, self.reports, self.files, strict=True):
                self._write(out, file, report.end())
            for out, file in zip(self.outputs, self.files, strict=True):
                if file is not None:
                    try:
                        file.commit()
                    except OSError as error:
                        fail(f"Het rapport '{out.path}' kan niet geschreven worden: {reason(error)}.")
        except BaseException:
            self.discard()
            raise
        self.files = []
        if self.summary is not None:
            self.summary.append()

    def discard(self) -> None:
        """Remove every temporary file; no report file is changed."""
        files, self.files = self.files, []
        for file in files:
            if file is not None:
                file.discard()

    @staticmethod
    def _write(out: "Output", file: "AtomicFile | OutputStream | None", parts: Iterable[str]) -> None:
        if file is None:
            from samenplan.cli.screen import write_screen

            for part in parts:
                write_screen(part)
            return
        try:
            for part in parts:
                file.write(part)
        except OSError as exc:
            fail(f"Het rapport '{out.path}' kan niet geschreven worden: {reason(exc)}.")


class _StepSummary:
    """The Markdown for $GITHUB_STEP_SUMMARY when GitHub Actions sets it, appended at the end."""

    def __init__(self, count: int) -> None:
        self.target = os.environ.get("GITHUB_STEP_SUMMARY")
        self.report: PlansReport | None = None
        if self.target:
            from samenplan.output.github import StepSummaryPlans

            self.report = StepSummaryPlans(count)

    def add(self, result: "CheckResult") -> None:
        if self.report is not None:
            for _ in self.report.add(result):
                pass  # the step summary writes nothing before the end

    def append(self) -> None:
        if self.report is None or not self.target:
            return
        try:
            with Path(self.target).open("a", encoding="utf-8") as handle:
                for part in self.report.end():
                    handle.write(part)
        except OSError as exc:
            echo(
                f"samenplan: de samenvatting voor GitHub kan niet geschreven worden naar "
                f"'{self.target}': {reason(exc)}.",
                err=True,
            )
