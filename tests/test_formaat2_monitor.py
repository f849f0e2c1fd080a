"""Formaat 2, shapes 9-11: monitoring over time, verantwoording per geldstroom, onderbouwing as a list.

Each shape has a small plan under tests/fixtures/formaat2/ that loads and checks clean; the tests
assert what `check` says (and does not say) about it and its broken variants, and what the HTML
and Markdown documents say.
"""

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from rulecase import check, col_of, line_of, replace_once, with_code
from samenplan.check import rulecontext
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity, Weight
from samenplan.document.render import render_report
from support import Cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formaat2"
RESULTATEN = "04-resultaten.yaml"
AANPAK = "05-aanpak.yaml"
METEN = "06-meten-en-bijsturen.yaml"
TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulecontext, "today", lambda: TODAY)


def fixture(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def document(plan: Path, fmt: str) -> str:
    """The rendered document as plain text: tags gone and entities undone for HTML."""
    out = render_report(check(plan), fmt, today=TODAY, git=False)
    if fmt == "html":
        out = out.replace("</dt>", ":</dt>")  # a field reads 'Label: value' in both formats
        out = html.unescape(re.sub(r"<[^>]+>", " ", out))
    else:  # Markdown marks: bold, headings, bullets, table bars
        out = re.sub(r"\*\*|^#+ |^- |\|", " ", out, flags=re.MULTILINE)
    return " ".join(out.split())


def only(result: CheckResult, code: str) -> Diagnostic:
    found = with_code(result, code)
    assert len(found) == 1, [d.message for d in result.diagnostics]
    return found[0]


def at(d: Diagnostic) -> tuple[str, int, int]:
    return d.location.file, d.location.line, d.location.col


@pytest.mark.parametrize("name", ["monitoring", "verantwoording", "onderbouwing-lijst"])
def test_each_shape_fixture_loads_and_checks_clean(name: str) -> None:
    result = check(FIXTURES / name)
    assert result.diagnostics == [], [d.message for d in result.diagnostics]


# Shape 9: monitoring over time ----------------------------------------------------------------

TREND = (
    "Van 52% op 30 juni 2025 (de nulmeting) naar 55% op 30 juni 2026 (de laatste meting): "
    "3 procentpunt hoger. Het tussendoel van 56% op 30 juni 2026 is niet gehaald. Tot de "
    "streefwaarde van 60% op 30 juni 2027 is het nog 5 procentpunt."
)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_shows_each_indicator_over_time_with_the_trend_in_words(fmt: str) -> None:
    text = document(FIXTURES / "monitoring", fmt)
    assert "Verloop van Leerlingen groep 8 met niveau 2F lezen" in text
    assert TREND in text
    # the values in date order, each with what it is
    order = [text.index(f"{when} {wat}") for when, wat in (
        ("30 juni 2025", "nulmeting"),
        ("30 juni 2026", "meting"),
        ("30 juni 2026", "tussendoel"),
        ("30 juni 2027", "streefwaarde"),
    )]  # fmt: skip
    assert order == sorted(order)
    # an output indicator: one measurement, no direction claimed beyond what the values say
    assert (
        "Van 0 kinderen op 1 augustus 2025 (de nulmeting) naar 140 kinderen op 1 juli 2026 (de "
        "laatste meting): 140 kinderen meer. Tot de streefwaarde van 200 kinderen op 1 juli 2027 is "
        "het nog 60 kinderen."
    ) in text
    # realised next to planned bereik
    assert "140 op 1 juli 2026 (70% van het geplande aantal)" in text
    # several comparisons for one figure
    assert "52% (Nederland: 63%; Beekdal in 2019: 58%)" in text


def test_md_table_rows_of_the_verloop() -> None:
    out = render_report(check(FIXTURES / "monitoring"), "md", today=TODAY, git=False)
    assert "| 30 juni 2026 | meting | 55% | Doorstroomtoets groep 8, scholen Beekdal |" in out
    assert "| 1 juli 2026 | meting | 140 kinderen | Registratie van de bibliotheek |" in out
    assert "| 30 juni 2026 | tussendoel | 56% | geen |" in out


def test_an_indicator_without_metingen_or_tussendoelen_gets_no_verloop(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(plan, RESULTATEN, "        tussendoelen:\n          - {waarde: 56, datum: 2026-06-30}\n", "")
    replace_once(plan, RESULTATEN, "        metingen:\n          - {waarde: 55, datum: 2026-06-30}\n", "")
    text = document(plan, "md")
    assert "Verloop van Leerlingen groep 8 met niveau 2F lezen" not in text
    assert "Verloop van Kinderen in de leesclub" in text


def test_sp710_a_meting_without_any_bron(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    line = replace_once(
        plan,
        RESULTATEN,
        "          - {waarde: 140, datum: 2026-07-01, bron: telling}\n",
        "          - {waarde: 140, datum: 2026-07-01}\n",
    )
    # the meting in step 6 still names the bron: the value's origin is known
    assert with_code(check(plan), "SP710") == []
    replace_once(plan, METEN, "    wie: bieb\n    bron: telling\n", "    wie: bieb\n")
    diag = only(check(plan), "SP710")
    assert at(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "{"))
    assert diag.message == (
        "De meting van indicator 'ind_leesclub' op 1 juli 2026 zegt niet waar de waarde vandaan komt."
    )
    assert diag.severity is Severity.WARNING


def test_a_meting_inherits_the_bron_of_its_indicator(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(plan, METEN, "    wie: scholen\n    bron: toets\n", "    wie: scholen\n")
    # ind_2f's meting has no bron of its own, but the indicator has bron: toets
    assert with_code(check(plan), "SP710") == []


def test_sp711_output_measured_but_no_outcome(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(plan, RESULTATEN, "        metingen:\n          - {waarde: 55, datum: 2026-06-30}\n", "")
    diag = only(check(plan), "SP711")
    assert at(diag) == (RESULTATEN, 1, 1)
    assert diag.message.startswith(
        "Het plan meet alleen output: er zijn 2 tellingen van wat er gedaan is, maar geen van de 1 "
        "outcome-indicatoren heeft een meting"
    )
    assert diag.weight is Weight.PLAN


def test_sp711_waits_for_uitvoering(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(plan, RESULTATEN, "        metingen:\n          - {waarde: 55, datum: 2026-06-30}\n", "")
    replace_once(plan, "samenplan.yaml", "fase: uitvoering", "fase: besluit")
    assert with_code(check(plan), "SP711") == []


def test_bereik_gerealiseerd_needs_a_date(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(plan, AANPAK, "        - {aantal: 140, datum: 2026-07-01}\n", "        - {aantal: 140}\n")
    diag = only(check(plan), "SP008")
    assert "datum" in diag.message


# Shape 10: verantwoording per geldstroom --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_has_a_verantwoording_per_geldstroom(fmt: str) -> None:
    text = document(FIXTURES / "verantwoording", fmt)
    impuls = text[text.index("Impuls lezen thuis Vorm:") :]
    for part in (
        "Kanaal: specifieke uitkering (SPUK)",
        "Kenmerk: SiSa-indicator uit de bijlage bij de beschikking van 12 maart 2025",
        "Verantwoordt: Gemeente Beekdal",
        "Doet het werk: Bibliotheek Beekdal",
        "Lezen thuis 2025 € 9.000",
        "Uitvoeringskosten 2026 € 500",
        "Totaal besteed € 17.000",
        "Restant: € 3.000 over; dat moet (misschien) terug.",
        "het restant gaat terug na de SiSa-verantwoording",
    ):
        assert part in impuls, part
    lees = text[text.index("Leesbudget Beekdal Vorm:") : text.index("Impuls lezen thuis Vorm:")]
    assert "Kanaal: eigen middelen" in lees
    assert "Doet het werk: Bibliotheek Beekdal" in lees and "Stichting Beekdalscholen" in lees
    # what the plan does not say, the document says it does not say
    assert "Restant: Het plan zegt niet of er aan het eind geld over is." in lees


def test_a_verantwoording_without_besteed_or_kanaal_says_so(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    text = (plan / METEN).read_text(encoding="utf-8")
    start = text.index("    kanaal: eigen_middelen\n")
    end = text.index("  - geldstroom: impuls")
    (plan / METEN).write_text(text[:start] + "    wie: [gemeente]\n" + text[end:], encoding="utf-8")
    out = document(plan, "md")
    lees = out[out.index("Leesbudget Beekdal Vorm:") : out.index("Impuls lezen thuis Vorm:")]
    assert "Het plan zegt nog niet wat er besteed is." in lees
    # the kanaal of the plan's own regeling, said to come from there
    assert "Kanaal: eigen middelen (volgens de regeling Leesbudget Beekdal 2025-2027)" in lees
    assert "€ 0" not in lees


def test_sp707_more_spent_than_the_geldstroom_has(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(
        plan,
        METEN,
        "{bestedingsdoel: thuis_lezen, jaar: 2026, bedrag: 7500}",
        "{bestedingsdoel: thuis_lezen, jaar: 2026, bedrag: 17500}",
    )
    diag = only(check(plan), "SP707")
    besteed = line_of(plan, METEN, "besteed:", 2)
    assert at(diag) == (METEN, besteed, 5)
    assert diag.message == (
        "Volgens de verantwoording is uit geldstroom 'impuls' € 27.000 besteed, € 7.000 meer dan "
        "de € 20.000 van de geldstroom."
    )
    assert diag.severity is Severity.ERROR
    (related,) = diag.related
    assert (related.location.file, related.location.line) == (
        "02-samenwerking.yaml",
        line_of(plan, "02-samenwerking.yaml", "bedrag: 20000"),
    )


def test_sp708_spent_on_a_doel_the_geldstroom_does_not_have(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    line = replace_once(
        plan,
        METEN,
        "      - {bestedingsdoel: uitvoering, jaar: 2026, bedrag: 500}\n",
        "      - {bestedingsdoel: uitvoeren, jaar: 2026, bedrag: 500}\n",
    )
    diag = only(check(plan), "SP708")
    assert at(diag) == (METEN, line, col_of(plan, METEN, line, "uitvoeren"))
    assert "'uitvoeren'" in diag.message and "(die heeft: thuis_lezen, uitvoering)" in diag.message
    assert "uitvoering" in diag.hint  # did you mean


def test_sp709_restant_with_terugbetalen_unknown(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(plan, METEN, "      terugbetalen: true\n", "      terugbetalen: onbekend\n")
    diag = only(check(plan), "SP709")
    assert at(diag) == (METEN, line_of(plan, METEN, "restant:"), 5)
    assert diag.message == (
        "Van geldstroom 'impuls' is € 3.000 over, maar er staat niet of dat terug moet: een "
        "terugbetaalrisico dat niemand kent."
    )
    assert diag.severity is Severity.ERROR  # fase uitvoering


def test_a_stated_restant_leaves_sp313_silent(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    # € 2.000 of the impuls, whose term ended on 31 July 2026, is no longer allocated
    replace_once(
        plan,
        AANPAK,
        "      - {geldstroom: impuls, bestedingsdoel: uitvoering, bedrag: 2000, jaar: 2026}\n",
        "",
    )
    assert with_code(check(plan), "SP313") == []  # the verantwoording states the restant
    text = (plan / METEN).read_text(encoding="utf-8")
    start = text.index("    restant:\n")
    (plan / METEN).write_text(text[:start], encoding="utf-8")
    assert "€ 2.000" in only(check(plan), "SP313").message


def test_sp709_is_a_warning_before_uitvoering(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(plan, METEN, "      terugbetalen: true\n", "")
    replace_once(plan, "samenplan.yaml", "fase: uitvoering", "fase: besluit")
    assert only(check(plan), "SP709").severity is Severity.WARNING


def test_terugbetalen_must_be_true_false_or_onbekend(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(plan, METEN, "      terugbetalen: true\n", "      terugbetalen: misschien\n")
    result = check(plan)
    assert [d.code for d in result.diagnostics] == ["SP009"]


def test_kanaal_uses_the_one_vocabulary_of_the_regelingen(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(plan, METEN, "    kanaal: eigen_middelen\n", "    kanaal: decentralisatie_uitkering\n")
    assert check(plan).diagnostics == []
    replace_once(plan, METEN, "    kanaal: decentralisatie_uitkering\n", "    kanaal: spuk\n")
    assert [d.code for d in check(plan).diagnostics] == ["SP010"]


# Shape 11: onderbouwing as a list -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_lists_every_onderbouwing(fmt: str) -> None:
    text = document(FIXTURES / "onderbouwing-lijst", fmt)
    assert "Onderbouwingen:" in text
    for line in (
        "Databank Effectieve Jeugdinterventies, goed onderbouwd: De leesclub werkt met een erkende aanpak",
        "NPO-menukaart, doelgebied A: Extra leestijd buiten de les staat op de NPO-menukaart.",
        "eigen onderbouwing: In 2024 deed de bibliotheek een proef met 40 kinderen",
    ):
        assert line in text, line


def test_sp408_reports_the_onderbouwing_of_the_list_that_says_nothing(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "onderbouwing-lijst")
    replace_once(plan, AANPAK, "        doelgebied: A\n", "")
    diag = only(check(plan), "SP408")
    line = line_of(plan, AANPAK, "- soort: menukaart")
    assert at(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "menukaart"))
    assert (
        diag.message
        == "Interventie 'leesclub' heeft een onderbouwing uit de NPO-menukaart zonder doelgebied."
    )


def test_sp408_an_empty_list_is_no_onderbouwing(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "onderbouwing-lijst")
    text = (plan / AANPAK).read_text(encoding="utf-8")
    start = text.index("    onderbouwing:\n")
    end = text.index("    periode:", start)
    (plan / AANPAK).write_text(text[:start] + "    onderbouwing: []\n" + text[end:], encoding="utf-8")
    diag = only(check(plan), "SP408")
    assert (
        diag.message == "Interventie 'leesclub' heeft geen onderbouwing: er staat niet waarom ze zou werken."
    )


def test_a_single_onderbouwing_mapping_is_formaat_1_and_not_read(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "onderbouwing-lijst")
    text = (plan / AANPAK).read_text(encoding="utf-8")
    start = text.index("    onderbouwing:\n")
    end = text.index("    periode:", start)
    single = "    onderbouwing:\n      soort: menukaart\n      doelgebied: A\n"
    (plan / AANPAK).write_text(text[:start] + single + text[end:], encoding="utf-8")
    assert [d.code for d in check(plan).diagnostics] == ["SP009"]


def test_status_counts_an_interventie_with_a_list_as_onderbouwd(tmp_path: Path) -> None:
    from samenplan.plan.completeness import missing_parts

    result = check(FIXTURES / "onderbouwing-lijst")
    assert result.loaded.plan is not None
    assert "onderbouwing" not in missing_parts(result.loaded.plan, "aanpak")
    plan = fixture(tmp_path, "onderbouwing-lijst")
    text = (plan / AANPAK).read_text(encoding="utf-8")
    start = text.index("    onderbouwing:\n")
    end = text.index("    periode:", start)
    (plan / AANPAK).write_text(text[:start] + "    onderbouwing: []\n" + text[end:], encoding="utf-8")
    emptied = check(plan).loaded.plan
    assert emptied is not None
    assert "onderbouwing" in missing_parts(emptied, "aanpak")


# What ties the shapes to the rest of the plan ---------------------------------------------------


def test_diff_names_a_new_meting_a_new_besteding_and_a_changed_restant(tmp_path: Path, cli: Cli) -> None:
    shutil.copytree(FIXTURES / "verantwoording", tmp_path / "oud")
    nieuw = fixture(tmp_path, "verantwoording")
    shutil.move(nieuw, tmp_path / "nieuw")
    nieuw = tmp_path / "nieuw"
    replace_once(
        nieuw,
        RESULTATEN,
        "          - {waarde: 55, datum: 2026-06-30}\n",
        "          - {waarde: 55, datum: 2026-06-30}\n          - {waarde: 58, datum: 2026-11-30}\n",
    )
    replace_once(
        nieuw,
        METEN,
        "      - {bestedingsdoel: lezen, jaar: 2026, bedrag: 15000}\n",
        "      - {bestedingsdoel: lezen, jaar: 2026, bedrag: 15000}\n"
        "      - {bestedingsdoel: lezen, jaar: 2027, bedrag: 2000}\n",
    )
    replace_once(nieuw, METEN, "      terugbetalen: true\n", "      terugbetalen: false\n")
    done = cli("diff", "oud", "nieuw", cwd=tmp_path)
    out = done.out
    assert "  - metingen: erbij: 58% op 30 november 2026" in out
    assert "  - besteed: erbij: € 2.000 (lezen, 2027)" in out
    assert "  - restant: € 3.000, moet terug → € 3.000, mag blijven" in out


def test_sp706_a_risico_linked_to_an_interventie_covers_exactly_that_one(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "monitoring")
    replace_once(
        plan,
        AANPAK,
        "    omschrijving: Ouders krijgen boeken mee en een app met voorleesfilmpjes.\n",
        "    omschrijving: Een coach bezoekt ouders thuis en maakt voorleesfilmpjes.\n",
    )
    # the only capacity risico is linked to the leesclub, not to the voorlezen
    diag = only(check(plan), "SP706")
    assert "'voorlezen'" in diag.message and "coach" in diag.message
    assert "`interventies:`" in diag.hint
    replace_once(
        plan,
        "07-uitvoering.yaml",
        "    interventies: [leesclub]\n",
        "    interventies: [leesclub, voorlezen]\n",
    )
    assert with_code(check(plan), "SP706") == []


def test_sp201_checks_the_new_references(tmp_path: Path) -> None:
    plan = fixture(tmp_path, "verantwoording")
    replace_once(
        plan, "07-uitvoering.yaml", "    interventies: [leesclub]\n", "    interventies: [leesclubb]\n"
    )
    replace_once(plan, METEN, "    uitvoerders: [bieb]\n", "    uitvoerders: [biebb]\n")
    replace_once(
        plan,
        RESULTATEN,
        "{waarde: 140, datum: 2026-07-01, bron: telling}",
        "{waarde: 140, datum: 2026-07-01, bron: tellingg}",
    )
    messages = sorted(d.message for d in with_code(check(plan), "SP201"))
    assert len(messages) == 3, messages
    assert any("uitvoerder 'biebb'" in m for m in messages)
    assert any("interventie 'leesclubb'" in m for m in messages)
    assert any("bron 'tellingg'" in m for m in messages)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_says_which_interventies_a_risico_is_about(fmt: str) -> None:
    text = document(FIXTURES / "monitoring", fmt)
    start = text.index("Risico's en maatregelen")
    assert "Interventie" in text[start : start + 200]
    assert "Te weinig vrijwilligers in de bibliotheek." in text[start:]
    assert "Leesclub na school in de bibliotheek" in text[start : text.index("Borging", start)]
