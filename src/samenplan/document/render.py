"""Render a checked plan as Markdown, one self-contained HTML file, a PDF or a Word file.

This is the only module that imports jinja2, and only when a report is made, so
`samenplan check` starts fast. Plan text reaches Jinja only as data inside the report nodes,
never as template source: '{{ 7*7 }}' in a plan stays '{{ 7*7 }}'.
"""

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from samenplan.check.run import CheckResult
from samenplan.document.build import build_report
from samenplan.document.errors import RenderError, SetupError
from samenplan.document.gitinfo import plan_version
from samenplan.document.links import safe_url
from samenplan.document.mermaid import gantt_text, mermaid_label
from samenplan.document.nodes import Report
from samenplan.document.templatefiles import read_template
from samenplan.safetext import markdown as md_escape

if TYPE_CHECKING:
    import jinja2

    from samenplan.diff.model import PlanDiff

__all__ = ["FORMATS", "GENERATOR_MARK", "RenderError", "SetupError", "render_file", "render_report"]

TextFormat = Literal["md", "html"]
Format = Literal["md", "html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("html", "md", "pdf", "docx")

#: Written at the top of every report, so `render` knows a file is its own to replace.
GENERATOR_MARK = "samenplan render"


def render_report(
    result: CheckResult,
    fmt: TextFormat,
    *,
    today: date,
    theme_css: str | None = None,
    force: bool = False,
    git: bool = True,
    werkversie: bool = False,
    changes: "PlanDiff | None" = None,
) -> str:
    """The report of a checked plan as text in ``fmt``.

    ``today`` is the only date in the report besides the plan's own. With errors in the plan,
    only ``force`` makes a report, with a 'Concept — bevat fouten' banner at the top.
    ``theme_css`` (HTML only) comes after the default style, so a gemeente's NL Design System
    theme overrides its custom properties. ``git=False`` leaves out the version line.
    ``werkversie`` makes the working view for the werkgroep, with every finding and its place.
    ``changes`` adds the chapter 'Wat is er veranderd sinds …' (render --sinds).
    """
    report = _report(result, today=today, force=force, git=git, werkversie=werkversie, changes=changes)
    env = _environment(fmt)
    css = _read("style.css")
    text = env.get_template(f"plan.{fmt}.j2").render(
        report=report,
        css=css,
        colours=chart_colours(css),
        theme_css=_theme(theme_css or ""),
        generator_mark=GENERATOR_MARK,
    )
    return _tidy(text, fmt)


def render_file(
    result: CheckResult,
    fmt: Format,
    *,
    today: date,
    theme_css: str | None = None,
    force: bool = False,
    git: bool = True,
    werkversie: bool = False,
    sjabloon: Path | None = None,
    changes: "PlanDiff | None" = None,
) -> bytes:
    """The report as the bytes of a file in ``fmt``; PDF and Word need their optional extras.

    The PDF is the HTML document on paper, the same content; ``sjabloon`` is a Word file whose
    styles the Word document takes (docx only).
    """
    options: dict[str, Any] = {
        "today": today,
        "force": force,
        "git": git,
        "werkversie": werkversie,
        "changes": changes,
    }
    if fmt == "docx":
        from samenplan.document.word import report_to_docx

        return report_to_docx(_report(result, **options), GENERATOR_MARK, sjabloon, _chart_svg)
    if fmt == "pdf":
        from samenplan.document.pdf import html_to_pdf

        return html_to_pdf(render_report(result, "html", theme_css=theme_css, **options), GENERATOR_MARK)
    return render_report(result, fmt, theme_css=theme_css, **options).encode("utf-8")


def _report(
    result: CheckResult,
    *,
    today: date,
    force: bool,
    git: bool,
    werkversie: bool,
    changes: "PlanDiff | None" = None,
) -> Report:
    plan = result.loaded.plan
    if plan is None:
        raise RenderError(
            "Het plan kan niet worden gelezen, dus er is geen document te maken. "
            "Los eerst de fouten op die 'samenplan check' meldt."
        )
    if result.fails() and not force:
        raise RenderError(
            "Het plan bevat fouten. Los ze op, of maak met --force een concept "
            "met de melding 'Concept — bevat fouten' bovenaan."
        )
    version = plan_version(result.loaded.root) if git else None
    return build_report(result, plan, today=today, version=version, werkversie=werkversie, changes=changes)


def _chart_svg(chart: Any) -> str:
    """One chart as a standalone SVG (for a picture in Word), drawn by the HTML macros."""
    env = _environment("html")
    source = '{% import "_charts.html.j2" as charts with context %}{{ draw(charts)(chart) }}'
    svg = env.from_string(source).render(
        chart=chart, colours=chart_colours(_read("style.css")), draw=lambda m: getattr(m, f"{chart.kind}_svg")
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.strip()


def chart_colours(css: str) -> dict[str, str]:
    """The colour tokens of style.css by name, and the chart font: the SVG's own defaults."""
    tokens = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))
    font = re.search(r"--utrecht-document-font-family:\s*([^;]+);", css)
    return {**tokens, "chart-font": font.group(1).strip() if font else "sans-serif"}


def _read(name: str) -> str:
    source = read_template(name)
    if source is None:
        raise RenderError(f"Het sjabloon '{name}' ontbreekt in de installatie van samenplan.")
    return source


def _theme(css: str) -> str:
    # A theme sits inside <style>: '<' (as in '</style>') becomes a CSS escape.
    return css.replace("<", "\\3c ")


@cache
def _environment(fmt: TextFormat) -> "jinja2.Environment":
    """The environment of ``fmt``, made once a process: each template is compiled once (and
    kept compiled in the user's cache, document/templatecache.py)."""
    import jinja2

    from samenplan.document.templatecache import template_cache

    def load(name: str) -> str | None:
        return read_template(name)

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        undefined=jinja2.StrictUndefined,
        # HTML: Jinja's autoescape. Markdown: no HTML escaping; _markdown_finalize escapes instead.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=True, default=True
        )
        if fmt == "html"
        else False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown_finalize if fmt == "md" else None,
        bytecode_cache=template_cache(fmt, Path(__file__)),
    )
    env.filters.update(
        raw=_raw, mermaid_label=_raw_of(mermaid_label), gantt=_raw_of(gantt_text), md_url=_raw_of(_md_url)
    )
    return env


def _raw(value: Any) -> Any:
    """Mark template-made Markdown (heading marks, diagram syntax) as not to be escaped."""
    from markupsafe import Markup

    return Markup(str(value))


def _raw_of(function: Any) -> Any:
    return lambda value: _raw(function(str(value)))


def _markdown_finalize(value: Any) -> Any:
    """Every value printed in a Markdown template is escaped, unless marked with |raw."""
    from markupsafe import Markup

    return value if isinstance(value, Markup) else md_escape(str(value))


def _md_url(href: str) -> str:
    # Nodes only carry checked addresses; check again so a template mistake cannot leak one.
    return safe_url(href) or ""


def _tidy(text: str, fmt: TextFormat) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    joined = "\n".join(lines).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", joined) if fmt == "md" else joined
