"""Formaat 2, shapes 5-8: partners as they are, place, taakverdeling, randvoorwaardelijk.

Each shape has a small plan under tests/fixtures/formaat2/ that loads as written (no trick).
The tests say what `check` reports and does not report for it, and what the HTML and Markdown
documents say; a copy with one change shows the finding the shape prevents.
"""

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from samenplan.check.run import CheckResult, check_plan
from samenplan.document.render import render_report

#: Marks the start of a heading in the text of a document: '§Per gebied'.
HEADING = "§"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formaat2"
SHAPES = ("basis", "partners-zoals-ze-zijn", "gebieden", "taakverdeling", "randvoorwaardelijk")


class _Text(HTMLParser):
    """The text a reader sees in an HTML document, without style and script."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("style", "script")
        if tag in ("h1", "h2", "h3", "h4", "h5"):
            self.parts.append(f" {HEADING}")
        elif tag in ("p", "li", "tr", "td", "th", "dt", "dd", "caption", "br", "div"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _plain(text: str) -> str:
    """One space for every run of white space, and no Markdown escapes."""
    return re.sub(r"\s+", " ", text).replace("\\", "")


def documents(plan: Path | CheckResult) -> dict[str, str]:
    """The plan document as a reader sees it: 'md' (without escapes) and 'html' (its text)."""
    result = plan if isinstance(plan, CheckResult) else check_plan(plan)
    md = render_report(result, "md", today=date(2024, 11, 1), git=False)
    md = re.sub(r"^#+ ", HEADING, md, flags=re.MULTILINE)
    parser = _Text()
    parser.feed(render_report(result, "html", today=date(2024, 11, 1), git=False))
    return {"md": _plain(md.replace("**", "")), "html": _plain("".join(parser.parts))}


def codes(result: CheckResult) -> set[str]:
    return {d.code for d in result.diagnostics}


def copy(tmp_path: Path, shape: str) -> Path:
    target = tmp_path / shape
    shutil.copytree(FIXTURES / shape, target)
    return target


def edit(plan: Path, file: str, old: str, new: str) -> None:
    path = plan / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def between(text: str, start: str, end: str) -> str:
    """The text from the last ``start`` (after the table of contents) up to the next ``end``."""
    i = text.rindex(start)
    j = text.find(end, i + len(start))
    return text[i : j if j >= 0 else len(text)]


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_loads_as_written_and_check_finds_nothing(shape: str) -> None:
    result = check_plan(FIXTURES / shape)
    assert result.loaded.plan is not None
    assert result.diagnostics == []


# --- shape 5: partners as they are ---------------------------------------------------------


def test_partners_as_they_are_in_the_document() -> None:
    for fmt, text in documents(FIXTURES / "partners-zoals-ze-zijn").items():
        partners = between(text, "Partners in het plan", "Werkgroep")
        for words in (
            "OBS De Linde",
            "schoollocatie",
            "12AB00",  # the BRIN, in capitals as the BRIN register writes it
            "afdeling",
            "overleg",
            "koepel",
            "kennisinstelling",
            "bedrijf",
            "open groep",
            "Deel van",
        ):
            assert words in partners, (fmt, words)
        assert "open_groep" not in partners, fmt
        assert re.search(
            r"OBS De Linde \|? ?schoollocatie \|? ?Stichting Veldscholen \|? ?12AB00", partners
        ), fmt
        assert re.search(r"Ontvangt het geld voor:?\s*Gemeente Oosterveld", text), fmt
        assert re.search(r"Trekkers:?\s*Gemeente Veldhoven\s*·?\s*Leerplicht Veldhoven", text), fmt
        verantwoording = between(text, "Verantwoording", "Stap 7")
        assert "Gemeente Veldhoven" in verantwoording and "Gemeente Oosterveld" in verantwoording, fmt


def test_a_wrong_brin_is_refused_in_dutch(tmp_path: Path) -> None:
    plan = copy(tmp_path, "partners-zoals-ze-zijn")
    edit(plan, "02-samenwerking.yaml", "brin: 12ab00", "brin: 12AB0")
    [diag] = check_plan(plan).diagnostics
    assert diag.location.file == "02-samenwerking.yaml"
    assert "'12AB0' is geen geldig BRIN-nummer" in diag.message and "12AB00" in diag.hint


def test_a_partner_under_itself_is_a_ring(tmp_path: Path) -> None:
    plan = copy(tmp_path, "partners-zoals-ze-zijn")
    edit(
        plan,
        "02-samenwerking.yaml",
        "    soort: schoolbestuur\n",
        "    soort: schoolbestuur\n    onder: obs-de-linde\n",
    )
    [diag] = check_plan(plan).diagnostics
    assert diag.code == "SP203"
    assert "'stichting' → 'obs-de-linde' → 'stichting'" in diag.message


def test_onder_and_voor_must_name_a_partner(tmp_path: Path) -> None:
    plan = copy(tmp_path, "partners-zoals-ze-zijn")
    edit(plan, "02-samenwerking.yaml", "onder: stichting", "onder: stichtng")
    edit(plan, "02-samenwerking.yaml", "voor: [oosterveld]", "voor: [oostervld]")
    found = {d.message for d in check_plan(plan).diagnostics if d.code == "SP201"}
    assert found == {
        "Partner 'obs-de-linde' noemt partner 'stichtng', maar er is geen partner met die id.",
        "Geldstroom 'jeugdbudget' noemt partner 'oostervld', maar er is geen partner met die id.",
    }


def test_the_old_single_trekker_key_points_to_trekkers(tmp_path: Path) -> None:
    plan = copy(tmp_path, "basis")
    edit(plan, "05-aanpak.yaml", "trekkers: [gemeente]", "trekker: gemeente")
    [diag] = [d for d in check_plan(plan).diagnostics if d.code == "SP007"]
    assert "'trekker'" in diag.message and "trekkers" in diag.hint


# --- shape 6: place -------------------------------------------------------------------------


def test_per_gebied_says_what_happens_and_what_is_spent() -> None:
    for fmt, text in documents(FIXTURES / "gebieden").items():
        part = between(text, f"{HEADING}Per gebied ", f"{HEADING}Geld ")
        noord = between(part, f"{HEADING}Veldhoven-Noord ", HEADING)
        assert "Naschools aanbod" in noord and "Zomerweek" in noord, fmt
        assert re.search(r"Begroot voor dit gebied alleen:? € 60\.000", noord), fmt
        assert "Kinderen van 4 tot 12 jaar" in noord, fmt  # the doelgroep
        assert "20% van de kinderen voelt zich vaak somber" in noord, fmt  # the bevinding
        assert "Zomerweek (€ 40.000 voor Veldhoven-Noord en Veldhoven-Zuid samen)" in noord, fmt
        zuid = between(part, f"{HEADING}Veldhoven-Zuid ", HEADING)
        assert "Leesclub in de bibliotheek" in zuid, fmt
        assert "Zonder begroting (bedrag onbekend): Leesclub in de bibliotheek." in zuid, fmt
        assert "Begroot voor dit gebied alleen" not in zuid, fmt  # nothing is for Zuid alone
        assert "€ 0" not in part, fmt
        veldhoven = between(part, f"{HEADING}Veldhoven ", HEADING)
        assert re.search(r"Gebieden hierin:? Veldhoven-Noord (· )?Veldhoven-Zuid", veldhoven), fmt
        assert (
            "In een gebied hierin" in veldhoven and "Leesclub in de bibliotheek (Veldhoven-Zuid)" in veldhoven
        )
        zomerweek = between(text, f"{HEADING}Zomerweek ", HEADING)
        assert re.search(r"Gebieden:? Veldhoven-Noord (· )?Veldhoven-Zuid", zomerweek), fmt


def test_per_gebied_names_the_posten_for_that_gebied(tmp_path: Path) -> None:
    plan = copy(tmp_path, "gebieden")
    edit(
        plan,
        "02-samenwerking.yaml",
        "    bedrag: 100000\n    bestedingsdoelen: [jeugd]\n",
        "    bedrag: 130000\n    bestedingsdoelen: [jeugd]\n    posten:\n"
        "      - {id: zuid_budget, naam: Budget Zuid, bedrag: ongeveer 30000, gebied: zuid}\n",
    )
    result = check_plan(plan)
    assert codes(result) == set()
    for fmt, text in documents(result).items():
        part = between(text, f"{HEADING}Per gebied ", f"{HEADING}Geld ")
        zuid = between(part, f"{HEADING}Veldhoven-Zuid ", HEADING)
        assert "Budget Zuid (Jeugdbudget Veldhoven): ongeveer € 30.000" in zuid, fmt
        noord = between(part, f"{HEADING}Veldhoven-Noord ", HEADING)
        assert "Budget Zuid" not in noord, fmt


def test_a_plan_without_gebieden_has_no_per_gebied_chapter() -> None:
    for fmt, text in documents(FIXTURES / "basis").items():
        assert "Per gebied" not in text, fmt


def test_a_gebied_that_is_not_defined_is_reported(tmp_path: Path) -> None:
    plan = copy(tmp_path, "gebieden")
    edit(plan, "05-aanpak.yaml", "    gebieden: [zuid]\n", "    gebieden: [zudi]\n")
    [diag] = check_plan(plan).diagnostics
    assert diag.code == "SP201"
    assert diag.message == "Interventie 'leesclub' noemt gebied 'zudi', maar er is geen gebied met die id."
    assert diag.hint == "Bedoelde je 'zuid'? Gebieden staan in samenplan.yaml onder gebieden."


def test_a_gebied_inside_itself_is_reported_once(tmp_path: Path) -> None:
    plan = copy(tmp_path, "gebieden")
    edit(plan, "samenplan.yaml", "    soort: gemeente\n", "    soort: gemeente\n    binnen: noord\n")
    [diag] = check_plan(plan).diagnostics
    assert diag.code == "SP203" and diag.location.file == "samenplan.yaml"
    assert "'veldhoven' → 'noord' → 'veldhoven'" in diag.message


# --- shape 7: taakverdeling -----------------------------------------------------------------


def test_a_documented_taakverdeling_is_covered() -> None:
    for fmt, text in documents(FIXTURES / "taakverdeling").items():
        samenhang = between(text, f"{HEADING}Samenhang: leefdomeinen", f"{HEADING}Geld ")
        assert (
            "Cognitief: geen interventie in dit plan; volgens de taakverdeling doet Stichting "
            "Veldscholen dit. De scholen doen de cognitieve inhaalslag uit hun eigen NPO-geld."
        ) in samenhang, fmt
        assert "School: geen interventie in dit plan; volgens de taakverdeling" in samenhang, fmt
        assert "0 – taakverdeling" in samenhang, fmt
        assert "Geen enkele interventie bereikt" not in samenhang, fmt
        assert "0 – gat" not in samenhang, fmt
        taken = between(text, f"{HEADING}Taakverdeling ", HEADING)
        assert "Stichting Veldscholen" in taken and "cognitief" in taken, fmt


def test_without_the_taakverdeling_the_gaps_are_reported(tmp_path: Path) -> None:
    covered = check_plan(FIXTURES / "taakverdeling")
    assert not codes(covered) & {"SP102", "SP103"}
    plan = copy(tmp_path, "taakverdeling")
    edit(plan, "05-aanpak.yaml", "    ontwikkelgebieden: [cognitief]\n    leefdomeinen: [school]\n", "")
    edit(plan, "05-aanpak.yaml", "  - wie: [stichting]\n", "  - wie: [stichting]\n    leefdomeinen: []\n")
    result = check_plan(plan)
    messages = {d.code: d.message for d in result.diagnostics}
    assert messages == {
        "SP102": "Geen enkele interventie bereikt leefdomein school.",
        "SP103": "Geen enkele interventie werkt aan de cognitieve ontwikkeling.",
    }
    assert all("taakverdeling" in d.hint for d in result.diagnostics)
    for fmt, text in documents(result).items():
        assert "Geen enkele interventie bereikt: school." in text, fmt


def test_a_taakverdeling_names_partners(tmp_path: Path) -> None:
    plan = copy(tmp_path, "taakverdeling")
    edit(plan, "05-aanpak.yaml", "  - wie: [stichting]\n", "  - wie: [stichtin]\n")
    [diag] = check_plan(plan).diagnostics
    assert diag.message == "De taakverdeling noemt partner 'stichtin', maar er is geen partner met die id."


# --- shape 8: randvoorwaardelijk ------------------------------------------------------------


def test_a_randvoorwaardelijke_maatregel_needs_no_child_and_serves_a_procesresultaat(tmp_path: Path) -> None:
    result = check_plan(FIXTURES / "randvoorwaardelijk")
    assert codes(result) == set()  # no SP101/SP104 (leefdomein), SP401/SP404 (resultaat), SP311 (geld)
    for fmt, text in documents(result).items():
        coord = between(text, f"{HEADING}Coördinatie en kennisnetwerk ", f"{HEADING}Samenhang tussen")
        assert re.search(r"Soort maatregel:?\s*randvoorwaardelijk", coord), fmt
        assert "We willen dat de partners als één netwerk werken." in coord, fmt
        assert "Coördinatie en samenwerking" in coord and "€ 20.000" in coord, fmt  # its process costs
        assert "Coördinatie en kennisnetwerk (randvoorwaardelijk)" in text, fmt  # in the samenhang matrix
    plan = copy(tmp_path, "randvoorwaardelijk")
    edit(plan, "05-aanpak.yaml", "    randvoorwaardelijk: true\n", "")
    assert "SP101" in codes(check_plan(plan))  # the same measure as a measure for children


def test_a_procesresultaat_is_not_judged_by_leefdomeinen(tmp_path: Path) -> None:
    # A training on school works for children (r_goed, with the naschools aanbod) and for the
    # partners (r_samen): SP104 judges r_goed by leefdomeinen, not the procesresultaat.
    plan = copy(tmp_path, "randvoorwaardelijk")
    edit(
        plan,
        "05-aanpak.yaml",
        "  - id: coordinatie\n",
        """  - id: training
    naam: Training voor leerkrachten
    doelgroepen: [kinderen]
    leefdomeinen: [school]
    ontwikkelgebieden: [emotioneel]
    resultaten: [r_goed, r_samen]
    trekkers: [stichting]
    onderbouwing: [{soort: menukaart, doelgebied: C}]
    periode: {van: 2024-01-01, tot: 2025-07-31}
  - id: coordinatie
""",
    )
    edit(
        plan,
        "07-uitvoering.yaml",
        "  - interventie: coordinatie\n",
        "  - interventie: training\n    start: 2024-01-01\n    eind: 2025-07-31\n"
        "  - interventie: coordinatie\n",
    )
    assert not codes(check_plan(plan)) & {"SP101", "SP104"}
    edit(plan, "04-resultaten.yaml", "    soort: proces\n", "    soort: maatschappelijk\n")
    assert "SP104" in codes(check_plan(plan))  # the same resultaat about children is judged
