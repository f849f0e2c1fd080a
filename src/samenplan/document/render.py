"""Render a checked plan as Markdown or as one self-contained HTML file.

This is the only module that imports jinja2, and only when a report is made, so
`samenplan check` starts fast. Plan text reaches Jinja only as data inside the report nodes,
never as template source: '{{ 7*7 }}' in a plan stays '{{ 7*7 }}'.
"""

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from samenplan.check.run import CheckResult
from samenplan.document.build import build_report
from samenplan.document.gitinfo import git_commit
from samenplan.document.links import safe_url
from samenplan.document.mdescape import md_escape
from samenplan.document.mermaid import gantt_text, mermaid_label
from samenplan.document.templatefiles import read_template

if TYPE_CHECKING:
    import jinja2

    from samenplan.diff.model import PlanDiff

Format = Literal["md", "html"]

#: Written at the top of every report, so `render` knows a file is its own to replace.
GENERATOR_MARK = "samenplan render"


class RenderError(Exception):
    """The report cannot be made; the message says why, in Dutch."""


def render_report(
    result: CheckResult,
    fmt: Format,
    *,
    today: date,
    theme_css: str | None = None,
    force: bool = False,
    git: bool = True,
    changes: "PlanDiff | None" = None,
) -> str:
    """The report of a checked plan as text in ``fmt``.

    ``today`` is the only date in the report besides the plan's own. With errors in the plan,
    only ``force`` makes a report, with a 'Concept — bevat fouten' banner at the top.
    ``theme_css`` (HTML only) comes after the default style, so a gemeente's NL Design System
    theme overrides its custom properties. ``git=False`` leaves out the git commit.
    ``changes`` adds the chapter 'Wat is er veranderd sinds …' (render --sinds).
    """
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
    commit = git_commit(result.loaded.root) if git else None
    report = build_report(result, plan, today=today, commit=commit, changes=changes)
    env = _environment(fmt)
    text = env.get_template(f"plan.{fmt}.j2").render(
        report=report,
        css=_read("style.css"),
        theme_css=_theme(theme_css or ""),
        generator_mark=GENERATOR_MARK,
    )
    return _tidy(text, fmt)


def _read(name: str) -> str:
    source = read_template(name)
    if source is None:
        raise RenderError(f"Het sjabloon '{name}' ontbreekt in de installatie van samenplan.")
    return source


def _theme(css: str) -> str:
    # A theme sits inside <style>: '<' (as in '</style>') becomes a CSS escape.
    return css.replace("<", "\\3c ")


def _environment(fmt: Format) -> "jinja2.Environment":
    import jinja2

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


def _tidy(text: str, fmt: Format) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    joined = "\n".join(lines).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", joined) if fmt == "md" else joined
