"""The report in a real headless Chromium: WCAG 2.1 A/AA by axe-core, reflow, print, and no
plan text that can run script or load anything.

Needs the Debian package `chromium` and axe-core in .ci/node; `.ci/tools` installs both. Without
them these tests fail (they never skip), so CI cannot turn green without a browser.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from samenplan.check.run import check_plan
from samenplan.document.render import render_report
from support import GOOD_EXAMPLES, Cli
from xss_payloads import PAYLOADS, Planter, hostile_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = "Run .ci/tools (it installs the Debian package chromium and axe-core into .ci/node)."
# The machine may have no internet: nothing in the background may try to reach it.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TODAY = date(2024, 11, 1)
DESKTOP, PHONE = 1280, 320  # WCAG 1.4.10 reflow: 320 CSS pixels wide without scrolling sideways
WIDTHS = [320, 390, 1280, 1920]  # the smallest reflow width, a phone, a laptop, a wide screen
TOC_WIDTHS = [320, 390, 600, 768, 1024, 1280, 1440, 1920]

# Records what a page must never do: open a dialog, call alert and friends, log, throw.
HOOKS = """
window.__calls = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = (...args) => { window.__calls.push(name + '(' + args.join(',') + ')'); };
}
"""


# --- Browser and pages ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}. {INSTALL}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: .venv/bin/pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """Everything a page did that a report must never do."""

    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self, page: Any) -> list[str]:
        foreign = [u for u in self.requests if u != self.url and not u.startswith("data:")]
        calls = page.evaluate("window.__calls")
        return (
            [f"request: {u}" for u in foreign]
            + [f"dialog: {d}" for d in self.dialogs]
            + [f"console: {c}" for c in self.console]
            + [f"error: {e}" for e in self.errors]
            + [f"call: {c}" for c in calls]
        )


@dataclass
class Opened:
    page: Any
    watch: Watch


@pytest.fixture
def open_html(browser: Any) -> Iterator[Any]:
    """Opens an HTML file at a width; every request but the file itself is refused."""
    contexts: list[Any] = []

    def open_(path: Path, width: int = DESKTOP, media: str = "screen") -> Opened:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, java_script_enabled=True, service_workers="block"
        )
        contexts.append(context)
        watch = Watch(path.as_uri())
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url == watch.url else route.abort()
        )
        page = context.new_page()
        page.add_init_script(HOOKS)
        page.on("request", lambda r: watch.requests.append(r.url))
        page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: watch.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.emulate_media(media=media)
        page.goto(watch.url, wait_until="load")
        return Opened(page, watch)

    yield open_
    for context in contexts:
        context.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def render(plan: Path, fmt: str, *, force: bool = False) -> str:
    return render_report(check_plan(plan), fmt, today=TODAY, force=force, git=False)  # type: ignore[arg-type]


# --- Accessibility --------------------------------------------------------------------------


def axe(page: Any) -> list[dict[str, Any]]:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}. {INSTALL}")
    # The report's Content-Security-Policy allows no script at all (a script tag would be
    # refused): axe-core goes in through the DevTools protocol, like the console.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Runtime.evaluate", {"expression": AXE.read_text(encoding="utf-8")})
    cdp.detach()
    # Every rule still checks every element; resultTypes only spares axe-core the CSS selector of
    # each of the thousands of passed elements, which took more than half of its time.
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        lines += [
            f"    {' '.join(map(str, n['target']))}: {n.get('failureSummary', '')!r}"[:300]
            for n in v["nodes"][:5]
        ]
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def assert_accessible(opened: Opened) -> None:
    violations = axe(opened.page)
    assert violations == [], "axe-core finds WCAG 2.1 A/AA violations:\n" + describe(violations)
    assert_quiet(opened)


def assert_quiet(opened: Opened) -> None:
    problems = opened.watch.problems(opened.page)
    assert problems == [], "the page did what a report never may:\n" + "\n".join(problems)


def sideways_overflow(page: Any) -> list[str]:
    """Elements that stick out to the right of the viewport, except inside a box that scrolls."""
    return list(
        page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
      function* ancestors(e) {
        for (let a = e.parentElement; a !== document.body; a = a.parentElement) yield a;
      }
      // An absolutely positioned element is clipped only by a box that is positioned itself.
      const clips = (box, e) => scrolls(box) && (getComputedStyle(e).position !== 'absolute'
                                                 || getComputedStyle(box).position !== 'static');
      const boxed = e => [...ancestors(e)].some(box => clips(box, e));
      return [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .filter(e => !boxed(e))
        .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '').split(' ')[0]
                  + ' ' + (e.textContent || '').trim().slice(0, 40));
    }""")
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_example_reports_have_no_wcag_violations(
    name: str, width: int, tmp_path: Path, open_html: Any
) -> None:
    html = write(tmp_path, f"{name}.html", render(EXAMPLES / name, "html"))
    opened = open_html(html, width)
    assert_accessible(opened)
    page = opened.page
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (
        "the page scrolls sideways (WCAG 1.4.10 reflow): " + "; ".join(sideways_overflow(page)[:8])
    )


# The contrast axe-core leaves "incomplete" (it cannot measure it), worked out for what each
# reason means in this report: text over the scroll shadow of a table or chart box
# (bgGradient: the darkest colour of the box's background image counts), SVG text (imgNode,
# bgOverlap: the shape drawn under the middle of the text counts), symbols (nonBmp). Returns
# the elements whose text has less than 4.5:1 (3:1 for large text) against that background.
UNMEASURED_CONTRAST = """targets => {
  const parse = c => {
    const m = c && c.match(/rgba?\\(([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:[,\\s\\/]+([\\d.]+%?))?\\)/);
    if (!m) return null;
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], a];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const page = parse(getComputedStyle(document.body).backgroundColor) || [255, 255, 255, 1];
  const backdrop = el => {
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if (c && c[3] > 0) return over(c, page);
    }
    return page;
  };
  const painted = (style, color) => {
    const c = parse(color);
    if (c) c[3] *= parseFloat(style.fillOpacity || '1') * parseFloat(style.opacity || '1');
    return c;
  };
  const out = [];
  for (const selector of targets) {
    const el = document.querySelector(selector);
    if (!el) { out.push(selector + ': not found'); continue; }
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const color = svg ? painted(style, style.fill) : parse(style.color);
    let backgrounds = [backdrop(svg ? el.ownerSVGElement || el : el)];
    const box = el.closest('.samenplan-table-scroll, .samenplan-chart__scroll');
    if (box) {
      const shades = [...getComputedStyle(box).backgroundImage.matchAll(/rgba?\\([^)]*\\)/g)];
      backgrounds = backgrounds.concat(shades.map(m => over(parse(m[0]), backgrounds[0])));
    }
    if (svg) {
      const r = el.getBoundingClientRect();
      for (const under of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
        if (under === el || el.contains(under) || under.contains(el)) continue;
        if (!(under instanceof SVGGeometryElement)) continue;
        const s = getComputedStyle(under);
        const fill = s.fill !== 'none' && painted(s, s.fill);
        if (fill) { backgrounds = backgrounds.map(b => over(fill, b)); break; }
      }
    }
    if (!color) { out.push(selector + ': no colour'); continue; }
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    for (const bg of backgrounds) {
      const got = ratio(over(color, bg), bg);
      if (got < needed) {
        const text = (el.textContent || '').trim().slice(0, 40);
        const on = `rgb(${bg.slice(0, 3).map(Math.round)})`;
        out.push(`${selector} '${text}': ${got.toFixed(2)}:1 on ${on}, needs ${needed}:1`);
        break;
      }
    }
  }
  return out;
}"""


def unmeasured_contrast(page: Any) -> tuple[int, list[str]]:
    """How many elements axe-core could not measure the contrast of, and those below AA."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Runtime.evaluate", {"expression": AXE.read_text(encoding="utf-8")})
    cdp.detach()
    options = {"runOnly": ["color-contrast"], "resultTypes": ["incomplete"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    targets = [" ".join(map(str, n["target"])) for rule in result["incomplete"] for n in rule["nodes"]]
    return len(targets), list(page.evaluate(UNMEASURED_CONTRAST, targets))


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_contrast_axe_cannot_measure_is_enough_too(
    name: str, width: int, tmp_path: Path, open_html: Any
) -> None:
    """Text on the scroll shadows and in the charts: axe-core marks it 'incomplete', not passed."""
    opened = open_html(write(tmp_path, f"{name}.html", render(EXAMPLES / name, "html")), width)
    measured, below = unmeasured_contrast(opened.page)
    assert measured > 100  # the charts and the wide tables are there to be measured
    assert below == [], "text with too little contrast (WCAG 1.4.3):\n" + "\n".join(below[:10])


def test_contrast_check_finds_light_chart_text_and_a_dark_shadow(tmp_path: Path, open_html: Any) -> None:
    opened = open_html(write(tmp_path, "rivierstad.html", render(EXAMPLES / "rivierstad", "html")))
    opened.page.add_style_tag(
        content=".samenplan-chart__label { fill: #bbb !important; }"
        " .samenplan-table-scroll { background-image: linear-gradient(rgb(0 0 0 / 40%), rgb(0 0 0 / 40%)); }"
    )
    _, below = unmeasured_contrast(opened.page)
    assert any("tspan" in b or "text" in b for b in below), below[:5]
    assert any("samenplan-table-scroll" in b or " td" in b or "caption" in b for b in below), below[:5]


def overlaps(page: Any, selector: str) -> list[str]:
    """Pairs of elements matching ``selector`` whose boxes (their text included) overlap."""
    return list(
        page.evaluate(
            """selector => {
      const items = [...document.querySelectorAll(selector)];
      const boxes = items.flatMap(e => [...e.getClientRects()].map(r => [e, r]));
      const found = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, r] = boxes[i], [b, q] = boxes[j];
        if (a === b || a.contains(b) || b.contains(a)) continue;
        const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
        const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
        const name = e => e.textContent.trim().slice(0, 30);
        if (x > 0.5 && y > 0.5) found.push(name(a) + ' / ' + name(b));
      }
      return found;
    }""",
            selector,
        )
    )


@pytest.fixture(scope="module")
def rivierstad_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("toc"), "rivierstad.html", render(EXAMPLES / "rivierstad", "html"))


@pytest.mark.parametrize("width", TOC_WIDTHS)
def test_table_of_contents_never_overlaps(width: int, rivierstad_html: Path, open_html: Any) -> None:
    page = open_html(rivierstad_html, width).page
    # Each item holds its own number (a ::before box), so item boxes cover number and text.
    items = page.locator(".samenplan-toc__item")
    assert items.count() == 13  # with "Per gebied"
    numbering = page.evaluate(
        "[...document.querySelectorAll('.samenplan-toc__item')].map(e => [getComputedStyle(e).listStyleType,"
        " getComputedStyle(e, '::before').content])"
    )
    assert all(style == "none" and "counter(" in number for style, number in numbering), (
        "a list marker sits outside its item and can run into the column before it"
    )
    assert overlaps(page, ".samenplan-toc__item") == []
    assert overlaps(page, ".samenplan-toc__item > a") == []
    right = page.evaluate("document.querySelector('.samenplan-toc').getBoundingClientRect().right")
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.samenplan-toc__item > a')]"
        ".map(a => a.getBoundingClientRect().right))"
    )
    assert widest <= right + 0.5, "a TOC entry sticks out of the TOC"


def test_charts_stay_readable_on_a_phone(rivierstad_html: Path, open_html: Any) -> None:
    page = open_html(rivierstad_html, 390).page
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg.samenplan-chart__svg')].map(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const font = Math.min(...[...svg.querySelectorAll('text')].map(t =>
            parseFloat(getComputedStyle(t).fontSize)));
        return [svg.querySelector('title').textContent, font * scale];
    })""")
    assert len(sizes) > 10
    small = [(title, round(px, 1)) for title, px in sizes if px < 11]
    assert small == [], "chart text smaller than 11 px on a 390 px phone"
    regions = page.locator(".samenplan-chart__scroll[role=region][tabindex='0']")
    assert regions.count() >= 3, "a chart wider than the phone scrolls in a box a keyboard can reach"


def with_an_error(tmp_path: Path) -> Path:
    """heidedorpen with one unknown reference: a plan with an error, rendered only with --force."""
    plan = tmp_path / "met-fout"
    plan.mkdir()
    for source in (EXAMPLES / "heidedorpen").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        text = text.replace("trekkers: [", "trekkers: [onbekend_", 1)
        (plan / source.name).write_text(text, encoding="utf-8")
    return plan


def test_forced_report_with_errors_has_an_accessible_banner(tmp_path: Path, open_html: Any, cli: Cli) -> None:
    plan = with_an_error(tmp_path)
    html = plan / "plan.html"
    run = cli("render", plan, "--format", "html", "-o", html, "--force", "--datum", "2024-11-01")
    assert run.code == 0, run.err
    for width in (DESKTOP, PHONE):
        opened = open_html(html, width)
        banner = opened.page.locator(".samenplan-banner")
        assert banner.count() == 1 and "bevat fouten" in banner.inner_text()
        assert_accessible(opened)


def test_print_fits_the_page_and_starts_each_chapter_on_one(tmp_path: Path, open_html: Any) -> None:
    html = write(tmp_path, "rivierstad.html", render(EXAMPLES / "rivierstad", "html"))
    paper = 673  # A4 less the 16 mm side margins of style.css, at 96 dpi
    opened = open_html(html, paper, media="print")
    page = opened.page
    assert sideways_overflow(page) == [], "paper cannot scroll: this is cut off when printed"
    breaks = page.evaluate(
        "[...document.querySelectorAll('.samenplan-chapter')].map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    assert page.evaluate("getComputedStyle(document.querySelector('.utrecht-skip-link')).display") == "none"
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pdf.startswith(b"%PDF") and len(breaks) < pages < 200
    assert_quiet(opened)


# --- Script and template injection ----------------------------------------------------------


@dataclass
class Hostile:
    planter: Planter
    html: str
    md: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    plan = tmp_path_factory.mktemp("hostile") / "plan"
    planter = hostile_plan(EXAMPLES / "heidedorpen", plan)
    result = check_plan(plan)
    assert result.loaded.plan is not None, [d.message for d in result.diagnostics][:5]
    html, md = (
        render_report(result, fmt, today=TODAY, force=True, git=False)  # type: ignore[arg-type]
        for fmt in ("html", "md")
    )
    return Hostile(planter, html, md)


def markdown_as_html(md: str) -> str:
    """How a forge could show the Markdown, but less forgiving: raw HTML passes through."""
    body = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(md)
    return (
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>md</title></head>'
        f"<body>{body}</body></html>"
    )


def dom_facts(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate("""() => {
      const all = [...document.querySelectorAll('*')];
      const attrs = all.flatMap(e => [...e.attributes].map(a => [e.tagName.toLowerCase(), a.name, a.value]));
      return {
        tags: [...new Set(all.map(e => e.tagName.toLowerCase()))],
        attributes: [...new Set(attrs.map(([t, n]) => t + '@' + n))],
        handlers: attrs.filter(([t, n]) => n.toLowerCase().startsWith('on')).map(a => a.join(' ')),
        urls: attrs.filter(([t, n]) => ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']
                                       .includes(n)).map(([t, n, v]) => v),
        scripts: document.scripts.length,
        text: document.body.innerText,
      };
    }""")
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_inert(opened: Opened, clean: dict[str, Any]) -> dict[str, Any]:
    """No script ran or can run, nothing was loaded; only markup the clean report also has."""
    facts = dom_facts(opened.page)
    assert_quiet(opened)
    assert facts["scripts"] == 0, "plan text made a <script> element"
    assert facts["handlers"] == [], "plan text made event handlers:\n" + "\n".join(facts["handlers"])
    assert [u for u in facts["urls"] if not re.match(r"(https?://|#)", u)] == [], "unsafe link"
    assert set(facts["tags"]) <= set(clean["tags"]), "plan text made new elements"
    assert set(facts["attributes"]) <= set(clean["attributes"]), "plan text made new attributes"
    return facts


def assert_every_payload_is_text(facts: dict[str, Any]) -> None:
    text = flat(facts["text"])
    missing = [p for p in PAYLOADS if flat(p) not in text]
    assert missing == [], "these payloads do not appear as literal text:\n" + "\n".join(missing)


def test_hostile_html_runs_nothing_and_shows_every_payload(
    hostile: Hostile, tmp_path: Path, open_html: Any
) -> None:
    clean = dom_facts(
        open_html(write(tmp_path, "clean.html", render(with_an_error(tmp_path), "html", force=True))).page
    )
    opened = open_html(write(tmp_path, "hostile.html", hostile.html))
    opened.page.mouse.move(400, 400)
    opened.page.keyboard.press("Tab")
    facts = assert_inert(opened, clean)
    assert_every_payload_is_text(facts)
    title = dict(hostile.planter.planted)["samenplan.yaml.titel"]
    assert flat(title) in flat(opened.page.title())


def test_hostile_markdown_runs_nothing_and_shows_every_payload(
    hostile: Hostile, tmp_path: Path, open_html: Any
) -> None:
    clean_md = render(with_an_error(tmp_path), "md", force=True)
    clean = dom_facts(open_html(write(tmp_path, "clean.html", markdown_as_html(clean_md))).page)
    opened = open_html(write(tmp_path, "hostile.html", markdown_as_html(hostile.md)))
    facts = assert_inert(opened, clean)
    assert_every_payload_is_text(facts)


# Every line a diagram may have once its quoted labels are emptied: plan text is only ever a
# quoted flowchart label or a gantt name without ':', ';', '#' or '%' (that would end it).
FLOWCHART = re.compile(r"(flowchart \w+|subgraph \w+\[\]|\w+\[\]|end|\w+ --> \w+)")
GANTT_NAME = r"(?!(click|call|href|section|title|todaymarker|excludes|includes)\b)[^:;#%]+"
GANTT = re.compile(
    rf"(gantt|title [^:;#%]+|dateFormat \S+|axisFormat %\w(-%\w)?|tickInterval \d+month|section {GANTT_NAME}|"
    rf"{GANTT_NAME} :(milestone, )?\w+, \d{{4}}-\d\d-\d\d, (\d{{4}}-\d\d-\d\d|\d+d))",
    re.I,
)


def test_hostile_mermaid_stays_labels(hostile: Hostile) -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", hostile.md, flags=re.S)
    assert len(blocks) == 2
    bad = []
    for block in blocks:
        grammar = GANTT if block.startswith("gantt") else FLOWCHART
        lines = [re.sub(r'\["[^"]*"\]', "[]", line.strip()) for line in block.splitlines()]
        bad += [line for line in lines if line and not grammar.fullmatch(line)]
    assert bad == [], "plan text became diagram syntax:\n" + "\n".join(bad)


def test_payloads_reach_every_free_text_field(tmp_path: Path) -> None:
    """The corpus test means something only if the report shows every free-text field."""
    plan = tmp_path / "plan"
    markers = hostile_plan(
        EXAMPLES / "heidedorpen", plan, Planter(tuple(f"veld{i:04d}x" for i in range(10_000)))
    )
    html, md = render(plan, "html", force=True), render(plan, "md", force=True)
    assert len(markers.planted) > 200
    # The regelingen's details live in the catalog; the report names a regeling and links it.
    hidden = re.compile(
        r"regelingen\[\d+\]\.(bestedingsdoelen\[\d+\]\.(omschrijving|artikel)|"
        r"verstrekker|aanvragers\[\d+\]|toelichting|bron|bestedingsdoelen_bron|niet_nagekeken\[\d+\])$"
    )
    shown = [(where, m) for where, m in markers.planted if not hidden.search(where)]
    assert [w for w, m in shown if m not in html] == []
    assert [w for w, m in shown if m not in md] == []
    assert len(PAYLOADS) >= 20


def test_a_theme_cannot_make_the_document_load_anything(browser: Any, tmp_path: Path) -> None:
    # Issue 17 item 18: '@import url(https://…)' and 'background: url(https://…)' in a theme
    # made the self-contained document load from outside. Its Content-Security-Policy makes
    # the browser itself refuse each load (failure 'csp'), before any routing of this test.
    theme = (
        "@import url(https://evil.example/thema.css);\n"
        "body { background: url(https://evil.example/pixel.png); }\n"
        "@font-face { font-family: x; src: url(https://evil.example/font.woff2); }\n"
        "h1 { font-family: x; }\n"
    )
    html = render_report(
        check_plan(EXAMPLES / "heidedorpen"), "html", today=TODAY, theme_css=theme, git=False
    )
    url = write(tmp_path, "plan.html", html).as_uri()
    context = browser.new_context()
    try:
        context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        page = context.new_page()
        outcome: dict[str, str | None] = {}
        page.on("requestfailed", lambda r: outcome.__setitem__(r.url, r.failure))
        page.on("requestfinished", lambda r: outcome.__setitem__(r.url, "geladen"))
        page.goto(url, wait_until="load")
    finally:
        context.close()
    outside = {u: why for u, why in outcome.items() if u != url}
    assert outside and set(outside.values()) == {"csp"}, outside
