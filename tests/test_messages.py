"""Messages that name the real cause of natural mistakes (issue 11, point 6).

Each test makes one mistake a person makes, in heidedorpen, and asserts the one finding:
code, file, line, column and tip, computed from the text it wrote.
"""

import pytest

from conftest import PlanCopy, position, where

SAMEN = "02-samenwerking.yaml"
URGENTIE = "01-urgentie.yaml"
AANPAK = "05-aanpak.yaml"
BEGROTING = (
    "      - geldstroom: gs_npo_heidekring\n        bestedingsdoel: d_executieve_functies\n"
    "        bedrag: 52000"
)


def flow_line(bedrag: str) -> str:
    return (
        f"      - {{geldstroom: gs_npo_heidekring, bestedingsdoel: d_executieve_functies, bedrag: {bedrag}}}"
    )


def test_key_without_space_after_the_colon(plan: PlanCopy) -> None:
    text = plan.edit(SAMEN, "    naam: Gemeente Heidebeek", "    naam:Gemeente Heidebeek")
    diag = plan.only("SP001")
    line, col = position(text, "naam:Gemeente")
    assert where(diag) == (SAMEN, line, col + len("naam:"))
    assert diag.message == "Na de dubbele punt van 'naam' ontbreekt een spatie."
    assert diag.hint == "Schrijf 'naam: Gemeente Heidebeek', met een spatie na de dubbele punt."


def test_quote_inside_a_quoted_text(plan: PlanCopy) -> None:
    text = plan.edit(
        AANPAK, "    naam: Sterk op school, sterk thuis", '    naam: "Het "voorlezen" op school"'
    )
    diag = plan.only("SP001")
    assert where(diag) == (AANPAK, *position(text, 'voorlezen" op'))
    assert diag.message == "Een aanhalingsteken sluit de tekst te vroeg af: daarna staat er nog tekst."
    assert diag.hint == (
        "Staan er aanhalingstekens in de tekst zelf? Zet de hele tekst dan tussen enkele "
        "aanhalingstekens: 'Het \"voorlezen\" op school'. Of laat de aanhalingstekens om de "
        "hele tekst weg."
    )


def test_text_that_starts_with_a_bracket(plan: PlanCopy) -> None:
    text = plan.edit(
        AANPAK, "    naam: Sterk op school, sterk thuis", "    naam: [Jongerenwerk] organiseert avonden"
    )
    diag = plan.only("SP001")
    assert where(diag) == (AANPAK, *position(text, "[Jongerenwerk]"))
    assert "leest YAML als een lijst" in diag.message
    assert diag.hint == (
        "Is het een tekst? Zet de hele tekst dan tussen aanhalingstekens: "
        '"[Jongerenwerk] organiseert avonden".'
    )


def test_unclosed_bracket_points_at_its_own_line(plan: PlanCopy) -> None:
    text = plan.edit(
        AANPAK,
        "    leefdomeinen: [school, thuis]\n    ontwikkelgebieden: [executief",
        "    leefdomeinen: [school, thuis\n    ontwikkelgebieden: [executief",
    )
    diag = plan.only("SP001")
    assert where(diag) == (AANPAK, *position(text, "[school, thuis\n"))
    assert diag.message == "Een lijst tussen [ en ] wordt niet gesloten: de ] ontbreekt."
    assert (
        diag.hint == "Zet aan het eind van de lijst een ], op dezelfde regel, bijvoorbeeld [school, thuis]."
    )


def test_dash_where_a_field_belongs_has_no_english(plan: PlanCopy) -> None:
    text = plan.edit(URGENTIE, "gedeelde_urgentie:", "- los item\ngedeelde_urgentie:")
    diag = plan.only("SP001")
    assert where(diag) == (URGENTIE, *position(text, "- los item"))
    assert diag.message == "Hier staat een streepje (-) waar een veld verwacht wordt."
    assert diag.hint.startswith("Hoort dit bij een lijst?")
    assert "technische melding" not in diag.hint


def test_empty_amount_says_it_is_empty(plan: PlanCopy) -> None:
    text = plan.edit(SAMEN, "    bedrag: 312000", "    bedrag:")
    diag = plan.only("SP012")
    assert where(diag) == (SAMEN, *position(text, "bedrag:\n"))
    assert diag.message == "'bedrag' is leeg in geldstroom 'gs_npo_regio'."
    assert "None" not in diag.message
    assert diag.hint.startswith("Vul het bedrag in euro in, als getal zonder punten: 125000.")


def test_amount_with_a_comma(plan: PlanCopy) -> None:
    text = plan.edit(SAMEN, "    bedrag: 312000", "    bedrag: 12,500")
    diag = plan.only("SP012")
    assert where(diag) == (SAMEN, *position(text, "12,500"))
    assert (
        diag.hint == "Bedoel je 12500 euro? Schrijf bedrag: 12500. Bedoel je 12.5 euro? Schrijf bedrag: 12.5."
    )


def test_amount_with_a_comma_between_braces_is_not_silently_12(plan: PlanCopy) -> None:
    text = plan.edit(AANPAK, BEGROTING, flow_line("52,000"))
    diag = plan.only("SP012")  # one finding, no 'Het veld 000 is onbekend'
    assert where(diag) == (AANPAK, *position(text, "52,000"))
    assert diag.message == (
        "Het bedrag in begrotingsregel 1 van interventie 'i_sterk_op_school' is in tweeën "
        "gesplitst: tussen { en } leest YAML een komma als scheiding. Nu staat er bedrag 52 en "
        "een veld '000'."
    )
    assert diag.hint == "Schrijf het bedrag als één getal, zonder komma, punt of ',-': bedrag: 52000."


def test_euro_sign_and_comma_dash_between_braces(plan: PlanCopy) -> None:
    text = plan.edit(AANPAK, BEGROTING, flow_line("€ 52.000,-"))
    diag = plan.only("SP012")  # no second finding for a field '-'
    assert where(diag) == (AANPAK, *position(text, "€ 52.000"))
    assert diag.hint == "Schrijf het bedrag als één getal, zonder komma, punt of ',-': bedrag: 52000."


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("€ 12.500,-", "12500"),
        ("€ 312.000", "312000"),
        ("EUR 40000", "40000"),
        ("312.000 euro", "312000"),
        ("12.500,00", "12500"),
        ("1,5 miljoen", "1500000"),
        ("€ 1,25 mln.", "1250000"),
        ("3 ton", "300000"),
        ("250 duizend", "250000"),
    ],
)
def test_euro_sign_and_dots_in_a_block_amount(plan: PlanCopy, written: str, plain: str) -> None:
    text = plan.edit(SAMEN, "    bedrag: 312000", f"    bedrag: {written}")
    diag = plan.only("SP012")
    assert where(diag) == (SAMEN, *position(text, written))
    assert diag.hint == (
        "Schrijf het bedrag als één getal in euro, zonder euroteken, punten, ',-' of woorden als "
        f"miljoen: bedrag: {plain}."
    )


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("ongeveer 1,5 miljoen", "ongeveer 1500000"),
        ("ca. € 2 mln.", "ca. 2000000"),
        ("minstens 300.000 euro", "minstens 300000"),
    ],
)
def test_a_worded_amount_as_a_letter_writes_it(plan: PlanCopy, written: str, suggested: str) -> None:
    # The suggestion is itself an amount the plan takes: after the edit it loads.
    plan.edit(SAMEN, "    bedrag: 312000", f"    bedrag: {written}")
    diag = plan.only("SP012")
    assert diag.hint == f"Schrijf bedrag: {suggested}."
    plan.edit(SAMEN, f"    bedrag: {written}", f"    bedrag: {suggested}")
    assert "SP012" not in plan.codes()


def test_a_worded_amount_without_a_number_gets_the_forms(plan: PlanCopy) -> None:
    plan.edit(SAMEN, "    bedrag: 312000", "    bedrag: ongeveer twaalf ton")
    diag = plan.only("SP012")
    assert "ongeveer, minstens of hoogstens" in diag.hint


def test_quoted_amount_says_without_quotes(plan: PlanCopy) -> None:
    text = plan.edit(SAMEN, "    bedrag: 312000", "    bedrag: '40000'")
    diag = plan.only("SP012")
    assert where(diag) == (SAMEN, *position(text, "'40000'"))
    assert diag.message == (
        "Het bedrag '40000' in geldstroom 'gs_npo_regio' staat tussen aanhalingstekens; dan is "
        "het tekst, geen getal."
    )
    assert diag.hint == "Schrijf het bedrag zonder aanhalingstekens: bedrag: 40000."


def test_sp101_tip_names_the_missing_leefdomeinen_not_the_one_it_has(plan: PlanCopy) -> None:
    # Hei-Online alone for its doelgroep and resultaat, only at school.
    plan.edit(AANPAK, "leefdomeinen: [online, vrije_tijd, school]", "leefdomeinen: [school]")
    plan.edit(
        AANPAK,
        "doelgroepen: [dg_kinderen_po, dg_jongeren, dg_ouders]",
        "doelgroepen: [dg_kinderen_po, dg_ouders]",
    )
    text = plan.edit(AANPAK, "resultaten: [r_welbevinden, r_jongeren]", "resultaten: [r_welbevinden]")
    diag = plan.only("SP101")
    line, _ = position(text, "leefdomeinen: [school]\n    ontwikkelgebieden: [sociaal")
    assert where(diag) == (AANPAK, line, 5)
    assert diag.hint.startswith("Laat de interventie ook thuis, in de vrije tijd of online werken,")
    assert "op school" not in diag.hint


@pytest.mark.parametrize(("written", "meant"), [("ja", "true"), ("Nee", "false"), ("waar", "true")])
def test_yes_or_no_in_dutch_where_true_or_false_belongs(plan: PlanCopy, written: str, meant: str) -> None:
    text = _vaste_termijn(plan, written)
    diag = plan.only("SP009")
    assert where(diag) == ("samenplan.yaml", *position(text, f"{written}\n"))
    assert diag.message == (
        "'vaste_termijn' moet true of false zijn in regeling 'subsidie_samen_sterker'; nu staat er "
        f"'{written}'."
    )
    assert diag.hint == f"Schrijf vaste_termijn: {meant}."


def _vaste_termijn(plan: PlanCopy, written: str) -> str:
    old = "      tot: 2025-07-31\n    toelichting: |\n      Een kleine regeling"
    new = old.replace("    toelichting", f"    vaste_termijn: {written}\n    toelichting")
    return plan.edit("samenplan.yaml", old, new)


def test_something_else_where_true_or_false_belongs_names_both(plan: PlanCopy) -> None:
    _vaste_termijn(plan, "soms")
    assert plan.only("SP009").hint == "Schrijf vaste_termijn: true (ja) of vaste_termijn: false (nee)."


def test_a_list_without_brackets_gets_them_in_the_hint(plan: PlanCopy) -> None:
    line = "    leefdomeinen: [school, thuis]\n"
    text = plan.read(AANPAK)
    first = text.index(line)
    plan.write(AANPAK, text[:first] + "    leefdomeinen: school, thuis\n" + text[first + len(line) :])
    diag = plan.only("SP009")
    assert diag.hint == (
        "Nu staat er: 'school, thuis'. Zet de waarden tussen blokhaken: leefdomeinen: [school, thuis]."
    )
    plan.write(AANPAK, text)  # what the hint says to write is what the example had
    assert plan.codes() == []


NULMETING = "        nulmeting:\n          waarde: 55\n"


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (
            "1.250",
            "is niet duidelijk: bedoel je 1250 (met een punt tussen de duizendtallen) of 1,25?",
            "Schrijf waarde: 1250 voor 1250, of waarde: 1.25 voor 1,25.",
        ),
        ("'12.500'", "bedoel je 12500", "of waarde: 12.5 voor 12,5."),
        ("1.000.000", "heeft punten tussen de duizendtallen.", "Schrijf waarde: 1000000."),
    ],
)
def test_a_number_with_a_thousands_dot_is_not_read_as_a_fraction(
    plan: PlanCopy, written: str, message: str, hint: str
) -> None:
    # YAML reads 1.250 as 1.25; a Dutch writer means 1250 as often. The document would say
    # "1,25": check asks instead of guessing.
    text = plan.edit("04-resultaten.yaml", NULMETING, NULMETING.replace("55", written))
    diag = plan.only("SP013")
    assert where(diag) == ("04-resultaten.yaml", *position(text, f"{written}\n"))
    assert message in diag.message and hint in diag.hint


@pytest.mark.parametrize("written", ["0.125", "2.5", "1.25", "55"])
def test_a_plain_decimal_number_still_loads(plan: PlanCopy, written: str) -> None:
    plan.edit("04-resultaten.yaml", NULMETING, NULMETING.replace("55", written))
    assert plan.codes() == []


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("5,5", "Schrijf een punt in plaats van de komma: waarde: 5.5."),
        ("55%", "Schrijf alleen het getal: waarde: 55. Dat het om procenten gaat"),
        ("5,5 %", "Schrijf alleen het getal: waarde: 5.5."),
    ],
)
def test_a_number_as_a_letter_writes_it(plan: PlanCopy, written: str, hint: str) -> None:
    plan.edit("04-resultaten.yaml", NULMETING, NULMETING.replace("55", written))
    diag = plan.only("SP009")
    assert hint in diag.hint


def test_an_id_with_capitals_and_spaces_gets_one_that_works(plan: PlanCopy) -> None:
    text = plan.edit(SAMEN, "  - id: gem_aarveld\n", "  - id: Gemeente Aarveld\n")
    diag = plan.only("SP013")
    assert where(diag) == (SAMEN, *position(text, "Gemeente Aarveld"))
    assert diag.hint == (
        "Een id bestaat uit kleine letters, cijfers, - en _, zonder spaties. Schrijf bijvoorbeeld "
        "'gemeente-aarveld', en noem het overal in het plan zo."
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        (
            "Stichting Heidekring",
            "'Stichting Heidekring' is de naam van partner 'sb_heidekring'. Schrijf de id: sb_heidekring.",
        ),
        (
            "stichting heidekring (14 basisscholen)",
            "is de naam van partner 'sb_heidekring'. Schrijf de id: sb_heidekring.",
        ),
        (
            "SB_Heidekring",
            "Bedoel je partner 'sb_heidekring'? Schrijf de id zoals hij er staat: sb_heidekring.",
        ),
        (
            "Stichting Heidekrng",
            "Bedoel je partner 'sb_heidekring' (Stichting Heidekring (14 basisscholen))? Schrijf dan de id: "
            "sb_heidekring.",
        ),
        (
            "Iets Heel Anders",
            "Hier hoort de id van een partner: wat bij die partner achter 'id:' staat, niet de naam. "
            "Partners staan in 02-samenwerking.yaml onder partners.",
        ),
    ],
)
def test_a_name_where_an_id_belongs_gets_the_id(plan: PlanCopy, written: str, hint: str) -> None:
    text = plan.edit(AANPAK, "trekkers: [sb_heidekring]", f"trekkers: [{written}]")
    diag = plan.only("SP013")
    assert where(diag) == (AANPAK, *position(text, written))
    assert hint in diag.hint
    assert "noem het overal" not in diag.hint  # a reference gets no new id of its own


def test_a_name_in_an_earlier_file_finds_the_partner_in_a_later_one(plan: PlanCopy) -> None:
    # 01-urgentie.yaml is read before 02-samenwerking.yaml, where the partners are.
    text = plan.read("01-urgentie.yaml")
    first = text.index("partner: ") + len("partner: ")
    end = text.index("\n", first)
    partner_id = text[first:end].strip()
    samen = plan.read(SAMEN)
    at = samen.index(f"  - id: {partner_id}\n")
    name = samen[samen.index("naam: ", at) + 6 : samen.index("\n", samen.index("naam: ", at))]
    plan.write("01-urgentie.yaml", text[:first] + name + text[end:])
    diag = plan.only("SP013")
    assert diag.hint.endswith(f"Schrijf de id: {partner_id}.")


def test_names_are_looked_up_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    # A hostile plan: thousands of partners and as many wrong references. Exact names are
    # found at once; close matches are looked for a bounded number of times only.
    import difflib

    from samenplan.load import namedids
    from samenplan.load.source import Source
    from samenplan.plan.idkinds import BY_KIND

    calls = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda *a, **k: calls.append(1) or real(*a, **k))
    one = [{"id": "p1", "naam": "Een"}]
    few = {"02-samenwerking.yaml": Source("02-samenwerking.yaml", {"partners": one})}
    names = namedids._Names(few)
    assert names.find(BY_KIND["partner"], "een") == ("p1", "Een", True)
    for _ in range(namedids._MAX_CLOSE_LOOKUPS + 50):
        names.find(BY_KIND["partner"], "eem")
    assert len(calls) == namedids._MAX_CLOSE_LOOKUPS
    many = [{"id": f"p{i}", "naam": f"Partner {i}"} for i in range(namedids._MAX_CLOSE_NAMES + 1)]
    crowd = namedids._Names({"02-samenwerking.yaml": Source("02-samenwerking.yaml", {"partners": many})})
    assert crowd.find(BY_KIND["partner"], "Partner 7") == ("p7", "Partner 7", True)
    assert crowd.find(BY_KIND["partner"], "Partnr 7") is None
    assert len(calls) == namedids._MAX_CLOSE_LOOKUPS
