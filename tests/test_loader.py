"""Loader diagnostics: every broken input gives the right code at the right place.

Each test breaks one copy of examples/heidedorpen and computes the expected position from
the text it wrote, so a wrong line or column in the loader makes the test fail.
"""

import itertools
from pathlib import Path

import pytest

from conftest import PlanCopy, position, related_where, where
from samenplan.check.run import check_plan
from samenplan.load.limits import MAX_BYTES
from samenplan.load.planfolder import NotAPlan, load_plan
from samenplan.plan.steps import DOCUMENTS

# --- the example itself -------------------------------------------------------------------


def test_example_plan_has_no_findings(plan: PlanCopy) -> None:
    result = plan.check()
    assert result.diagnostics == []
    assert result.loaded.plan is not None


# --- SP001 YAML syntax --------------------------------------------------------------------


def test_unclosed_bracket_followed_by_other_bracket(plan: PlanCopy) -> None:
    text = plan.edit("01-urgentie.yaml", "leefdomeinen: [school, online]", "leefdomeinen: [school, online}")
    diag = plan.only("SP001")
    line, col = position(text, "online}")
    assert where(diag) == ("01-urgentie.yaml", line, col + len("online"))


def test_second_colon_on_a_line(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heide: dorpen\n")
    diag = plan.only("SP001")
    line, _ = position(text, "regio: Heide: dorpen")
    assert where(diag) == ("samenplan.yaml", line, len("regio: Heide") + 1)


def test_key_value_value_line(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: tekst\nkey: value: x\n")
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", 2, len("key: value") + 1)


def test_tab_indentation(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: tekst\ndoelgroepen:\n\t- id: x\n")
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", 3, 1)
    assert diag.message == "Deze regel springt in met een tab. YAML telt alleen spaties."
    assert diag.hint.startswith("Vervang de tab door spaties")


@pytest.mark.parametrize("indent", ["  \t", "\t  ", "  -\t"])
def test_a_tab_anywhere_in_the_indentation_is_named_where_it_is(plan: PlanCopy, indent: str) -> None:
    text = plan.read("05-aanpak.yaml")
    line = "    leefdomeinen: [school, thuis]\n"
    at = text.index(line)
    plan.write("05-aanpak.yaml", text[:at] + indent + line.lstrip() + text[at + len(line) :])
    diag = plan.only("SP001")
    assert "springt in met een tab" in diag.message
    assert where(diag) == ("05-aanpak.yaml", text[:at].count("\n") + 1, indent.index("\t") + 1)


@pytest.mark.parametrize("character", ["`", "@"])
def test_a_character_that_cannot_start_a_value_is_named(plan: PlanCopy, character: str) -> None:
    plan.write("01-urgentie.yaml", f"aanleiding: {character}gemeente tekst\n")
    diag = plan.only("SP001")
    assert diag.message == f"Een waarde mag in YAML niet met {character} beginnen."
    assert diag.hint == f'Zet de hele tekst tussen aanhalingstekens: "{character}gemeente tekst".'


def test_second_document_is_a_syntax_error(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: een\n---\naanleiding: twee\n")
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", 2, 1)


def test_second_document_gets_specific_message(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: een\n---\naanleiding: twee\n")
    diag = plan.only("SP001")
    assert "---" in diag.message


def test_unclosed_bracket_at_end_of_file_points_into_the_file(plan: PlanCopy) -> None:
    text = "aanleiding: tekst\ndoelgroepen: [a, b\n"
    plan.write("01-urgentie.yaml", text)
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", *position(text, "[a, b"))


def test_unclosed_quote_points_at_the_quote(plan: PlanCopy) -> None:
    text = "aanleiding: 'niet gesloten\ngedeelde_urgentie: x\n"
    plan.write("01-urgentie.yaml", text)
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", *position(text, "'niet"))


def test_control_character_is_a_syntax_error(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: tekst\ngedeelde_urgentie: a\x07b\n")
    diag = plan.only("SP001")
    assert diag.location.file == "01-urgentie.yaml"


def test_control_character_position(plan: PlanCopy) -> None:
    text = "aanleiding: tekst\ngedeelde_urgentie: a\x07b\n"
    plan.write("01-urgentie.yaml", text)
    diag = plan.only("SP001")
    assert where(diag) == ("01-urgentie.yaml", *position(text, "\x07"))


# --- SP002 missing files ------------------------------------------------------------------


def test_missing_manifest(plan: PlanCopy) -> None:
    plan.path("samenplan.yaml").unlink()
    diag = plan.only("SP002")
    assert where(diag) == ("samenplan.yaml", 1, 1)


def test_missing_step_file(plan: PlanCopy) -> None:
    plan.path("04-resultaten.yaml").unlink()
    diag = plan.only("SP002")
    assert where(diag) == ("04-resultaten.yaml", 1, 1)


def test_every_missing_file_is_reported(plan: PlanCopy) -> None:
    for doc in DOCUMENTS[1:]:
        plan.path(doc.file).unlink()
    diags = plan.diagnostics()
    assert sorted((d.code, d.location.file) for d in diags) == sorted(
        ("SP002", doc.file) for doc in DOCUMENTS[1:]
    )


# --- SP003 empty files --------------------------------------------------------------------


def test_empty_file(plan: PlanCopy) -> None:
    plan.write("03-analyse.yaml", "")
    assert where(plan.only("SP003")) == ("03-analyse.yaml", 1, 1)


def test_whitespace_only_file(plan: PlanCopy) -> None:
    plan.write("03-analyse.yaml", "\n\n   \n")
    assert where(plan.only("SP003")) == ("03-analyse.yaml", 1, 1)


def test_comments_only_file(plan: PlanCopy) -> None:
    plan.write("03-analyse.yaml", "# Stap 3\n# nog niets ingevuld\n")
    assert where(plan.only("SP003")) == ("03-analyse.yaml", 1, 1)


def test_document_marker_only_file_is_empty(plan: PlanCopy) -> None:
    plan.write("03-analyse.yaml", "# Stap 3\n---\n# nog niets ingevuld\n")
    assert plan.only("SP003").location.file == "03-analyse.yaml"


# --- SP004 top level is not a mapping -----------------------------------------------------


def test_top_level_list(plan: PlanCopy) -> None:
    text = "# Stap 4\n- id: r_leren\n- id: r_welbevinden\n"
    plan.write("04-resultaten.yaml", text)
    assert where(plan.only("SP004")) == ("04-resultaten.yaml", *position(text, "- id: r_leren"))


def test_top_level_plain_string(plan: PlanCopy) -> None:
    text = "# Stap 4\n\nHier komen de resultaten.\n"
    plan.write("04-resultaten.yaml", text)
    assert where(plan.only("SP004")) == ("04-resultaten.yaml", *position(text, "Hier"))


# --- SP009 wrong type ---------------------------------------------------------------------


def test_string_where_list_expected(plan: PlanCopy) -> None:
    text = plan.edit("01-urgentie.yaml", "leefdomeinen: [school]\n", "leefdomeinen: school\n")
    diag = plan.only("SP009")
    line, col = position(text, "leefdomeinen: school\n")
    assert where(diag) == ("01-urgentie.yaml", line, col + len("leefdomeinen: "))
    assert diag.key_path == ("signalen", 0, "leefdomeinen")


def test_mapping_where_list_expected(plan: PlanCopy) -> None:
    plan.write("02-samenwerking.yaml", "partners: {a: 1}\n")
    assert where(plan.only("SP009")) == ("02-samenwerking.yaml", 1, len("partners: ") + 1)


def test_list_where_text_expected(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio:\n  - Heidedorpen\n")
    diag = plan.only("SP009")
    assert where(diag) == ("samenplan.yaml", *position(text, "- Heidedorpen"))


def test_empty_value_is_located_on_its_own_line(plan: PlanCopy) -> None:
    text = plan.edit("02-samenwerking.yaml", "    naam: Gemeente Zandloo\n", "    naam:\n")
    diag = plan.only("SP009")
    line, _ = position(text, "naam:\n    soort: gemeente\n    rol: Houdt")
    assert (diag.location.file, diag.location.line) == ("02-samenwerking.yaml", line)


def test_boolean_is_not_a_whole_number(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "formaatversie: 2\n", "formaatversie: true\n")
    diag = plan.only("SP009")
    assert where(diag) == ("samenplan.yaml", *position(text, "true"))


def test_folded_text_is_read_as_plain_text(plan: PlanCopy) -> None:
    plan.edit("01-urgentie.yaml", "gedeelde_urgentie: |\n", "gedeelde_urgentie: >\n")
    result = plan.check()
    assert result.diagnostics == []
    assert result.loaded.plan is not None
    text = result.loaded.plan.urgentie.gedeelde_urgentie
    assert text.startswith(
        "Alle partners zien hetzelfde: kinderen en jongeren in de Heidedorpen lezen minder goed, kunnen"
    )
    assert "\x07" not in text


# --- SP008 missing required field ---------------------------------------------------------


def test_missing_field_in_list_item(plan: PlanCopy) -> None:
    text = plan.edit("02-samenwerking.yaml", "    naam: Gemeente Zandloo\n", "")
    diag = plan.only("SP008")
    # Reported at the partner (the list item) that lacks it: where its first key starts.
    assert where(diag) == ("02-samenwerking.yaml", *position(text, "id: gem_zandloo"))
    assert diag.key_path == ("partners", 1)


def test_missing_field_in_nested_group(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "periode:\n  van: 2023-08-01\n", "periode:\n")
    diag = plan.only("SP008")
    # Reported at the key of the group that lacks it.
    assert where(diag) == ("samenplan.yaml", *position(text, "periode:\n  tot:"))


def test_missing_top_level_field(plan: PlanCopy) -> None:
    plan.edit("samenplan.yaml", "fase: besluit\n", "")
    assert where(plan.only("SP008")) == ("samenplan.yaml", 1, 1)


# --- SP007 unknown key --------------------------------------------------------------------


def test_unknown_key_with_suggestion(plan: PlanCopy) -> None:
    text = plan.edit("01-urgentie.yaml", "leefdomeinen: [school]\n", "leefdomein: [school]\n")
    diag = plan.only("SP007")
    assert where(diag) == ("01-urgentie.yaml", *position(text, "leefdomein: [school]"))
    assert "leefdomeinen" in diag.hint


def test_unknown_top_level_key(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\nregoi: x\n")
    diag = plan.only("SP007")
    assert where(diag) == ("samenplan.yaml", *position(text, "regoi"))


# --- SP010 value outside a closed list ----------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "bad", "suggestion"),
    [
        (
            "01-urgentie.yaml",
            "leefdomeinen: [vrije_tijd, online]",
            "leefdomeinen: [vrije tijd, online]",
            "vrije tijd",
            "vrije_tijd",
        ),
        (
            "01-urgentie.yaml",
            "ontwikkelgebieden: [cognitief, executief]",
            "ontwikkelgebieden: [cognitief, executif]",
            "executif",
            "executief",
        ),
        (
            "02-samenwerking.yaml",
            "soort: kinderopvang\n",
            "soort: kinderopvng\n",
            "kinderopvng",
            "kinderopvang",
        ),
        ("samenplan.yaml", "fase: besluit\n", "fase: besluitt\n", "besluitt", "besluit"),
    ],
    ids=["leefdomein", "ontwikkelgebied", "partner-soort", "fase"],
)
def test_value_outside_closed_list(
    plan: PlanCopy, file: str, old: str, new: str, bad: str, suggestion: str
) -> None:
    text = plan.edit(file, old, new)
    diag = plan.only("SP010")
    assert where(diag) == (file, *position(text, bad))
    assert f"'{suggestion}'" in diag.hint


# --- SP006 duplicate key ------------------------------------------------------------------


def test_duplicate_top_level_key(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\ntitel: Nog een titel\n")
    diag = plan.only("SP006")
    assert where(diag) == ("samenplan.yaml", *position(text, "titel", occurrence=2))
    assert [related_where(r) for r in diag.related] == [("samenplan.yaml", *position(text, "titel"))]


def test_duplicate_key_in_list_item(plan: PlanCopy) -> None:
    text = plan.edit(
        "02-samenwerking.yaml",
        "    naam: Gemeente Aarveld\n",
        "    naam: Gemeente Aarveld\n    naam: Aarveld\n",
    )
    diag = plan.only("SP006")
    second = position(text, "naam: Aarveld\n")
    first = position(text, "naam: Gemeente Aarveld")
    assert where(diag) == ("02-samenwerking.yaml", *second)
    assert [related_where(r) for r in diag.related] == [("02-samenwerking.yaml", *first)]


def test_every_duplicate_is_reported(plan: PlanCopy) -> None:
    text = "aanleiding: a\naanleiding: b\naanleiding: c\n"
    plan.write("01-urgentie.yaml", text)
    diags = plan.diagnostics()
    assert [(d.code, d.location.line) for d in diags] == [("SP006", 2), ("SP006", 3)]
    assert all(d.related[0].location.line == 1 for d in diags)


def test_forgotten_dash_before_a_list_item_is_one_finding(plan: PlanCopy) -> None:
    """Two interventies written as one, without the second '- ': one finding where the second
    begins, not one per repeated key, and no advice to delete anything."""
    text = plan.edit("05-aanpak.yaml", "\n  - id: i_poj_school\n", "\n    id: i_poj_school\n")
    diag = plan.only("SP006")
    assert where(diag) == ("05-aanpak.yaml", *position(text, "id: i_poj_school"))
    assert diag.message == (
        "Hier begint waarschijnlijk een nieuw item: zet er '- ' voor. Nu lijkt het bij het item "
        "erboven te horen (van regel 2), en staat 'id' daarin twee keer."
    )
    assert diag.hint == "Schrijf '- id:', met het streepje recht onder het streepje van het item erboven."
    assert [related_where(r) for r in diag.related] == [("05-aanpak.yaml", *position(text, "id: i_sterk"))]


def test_forgotten_dash_where_the_item_starts_with_another_field(plan: PlanCopy) -> None:
    """The second item starts with 'naam' instead of 'id': two repeated fields in a row also
    mark the start of an item."""
    text = plan.edit(
        "05-aanpak.yaml",
        "\n  - id: i_poj_school\n    naam: Praktijkondersteuner jeugd op school\n",
        "\n    naam: Praktijkondersteuner jeugd op school\n    id: i_poj_school\n",
    )
    diag = plan.only("SP006")
    assert where(diag) == ("05-aanpak.yaml", *position(text, "naam: Praktijkondersteuner"))
    assert diag.message.startswith("Hier begint waarschijnlijk een nieuw item: zet er '- ' voor.")
    assert "'naam'" in diag.message


def test_three_items_without_dashes_give_one_finding_per_item(plan: PlanCopy) -> None:
    text = (
        "verhaal: x\nbevindingen:\n"
        "  - id: b_a\n    tekst: a\n"
        "    id: b_b\n    tekst: b\n"
        "    id: b_c\n    tekst: c\n"
    )
    plan.write("03-analyse.yaml", text)
    diags = [d for d in plan.diagnostics() if d.code == "SP006"]
    assert [(d.location.line, d.message.split(": zet")[0], d.related[0].location.line) for d in diags] == [
        (5, "Hier begint waarschijnlijk een nieuw item", 3),
        (7, "Hier begint waarschijnlijk een nieuw item", 5),
    ]


def test_a_repeated_field_inside_the_next_item_is_still_a_duplicate(plan: PlanCopy) -> None:
    text = plan.edit(
        "05-aanpak.yaml",
        "\n  - id: i_poj_school\n    naam: Praktijkondersteuner jeugd op school\n",
        "\n    id: i_poj_school\n    naam: Praktijkondersteuner jeugd op school\n    naam: POJ\n",
    )
    diags = plan.diagnostics()
    assert [(d.code, d.location.line) for d in diags] == [
        ("SP006", position(text, "id: i_poj_school")[0]),
        ("SP006", position(text, "naam: POJ")[0]),
    ]
    assert diags[1].message.startswith("Het veld 'naam' staat twee keer in dezelfde groep")


# --- SP011 invalid dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("datum: 2023-11-09", "datum: 2024-02-30"),
        ("datum: 2023-09-26", "datum: 2024-13-01"),
        ("datum: 2023-10-03", "datum: 2024-2023"),
        ("datum: 2023-10-05", "datum: morgen"),
        ("datum: 2023-10-05", "datum: 2024-13"),
        ("datum: 2023-10-05", "datum: 2024/2025"),
        ("datum: 2023-10-05", "datum: 20244"),
    ],
    ids=[
        "30-februari",
        "maand-13",
        "schooljaar-omgekeerd",
        "tekst",
        "maand-13-zonder-dag",
        "schuine-streep",
        "jaar-te-lang",
    ],
)
def test_invalid_date(plan: PlanCopy, old: str, new: str) -> None:
    text = plan.edit("02-samenwerking.yaml", old, new)
    diag = plan.only("SP011")
    line, col = position(text, new)
    assert where(diag) == ("02-samenwerking.yaml", line, col + len("datum: "))
    assert "klopt niet" not in diag.message and diag.hint  # a Dutch message of its own


@pytest.mark.parametrize(
    ("bad", "message", "hint"),
    [
        ("2024-13", "maand die niet bestaat", "01 tot en met 12"),
        ("2024-2023", "geen schooljaar", "schooljaar 2024-2025"),
        ("2024-02-30", "bestaat niet", "2024-02"),
        ("2024/2025", "streepje", "2024-2025"),
        ("morgen", "geen geldige datum", "2024-2025, of onbekend"),
        # Dates as a letter writes them: the hint says which date that is, and how to write it.
        ("5-10-2023", "geen geldige datum", "Bedoel je 5 oktober 2023? Schrijf dan datum: 2023-10-05."),
        ("05/10/2023", "geen geldige datum", "Bedoel je 5 oktober 2023? Schrijf dan datum: 2023-10-05."),
        ("5 okt. 2023", "geen geldige datum", "Bedoel je 5 oktober 2023? Schrijf dan datum: 2023-10-05."),
        ("oktober 2023", "geen geldige datum", "Bedoel je oktober 2023? Schrijf dan datum: 2023-10."),
        ("schooljaar 2023-2024", "geen geldige datum", "Schrijf dan datum: 2023-2024."),
        ("30-2-2024", "geen geldige datum", "2024-2025, of onbekend"),  # no such day: no guess
    ],
)
def test_invalid_date_says_what_to_write(plan: PlanCopy, bad: str, message: str, hint: str) -> None:
    plan.edit("02-samenwerking.yaml", "datum: 2023-10-05", f"datum: {bad}")
    diag = plan.only("SP011")
    assert message in diag.message and hint in diag.hint


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-03", "maart 2024"),
        ("2024", "2024"),
        ("2024-2025", "schooljaar 2024-2025"),
        ("onbekend", "onbekend"),
    ],
)
def test_every_kind_of_date_loads(plan: PlanCopy, value: str, shown: str) -> None:
    from samenplan.dutch import datum
    from samenplan.load.planfolder import load_plan

    plan.edit("02-samenwerking.yaml", "datum: 2023-10-05", f"datum: {value}")
    loaded = load_plan(plan.root).plan
    assert loaded is not None
    besluit = next(b for b in loaded.samenwerking.besluitvorming if b.datum and b.datum.tekst == value)
    assert datum(besluit.datum) == shown


def test_invalid_date_in_periode(plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "  van: 2023-08-01\n", "  van: 2023-06-31\n")
    diag = plan.only("SP011")
    assert where(diag) == ("samenplan.yaml", *position(text, "2023-06-31"))


# --- SP012 invalid amounts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["-312000", "veel", "€ 312000", "12.000", "1.250.000", "'12.000'", "-12.000"],
    ids=[
        "negatief",
        "tekst",
        "euroteken",
        "duizendtal",
        "miljoen",
        "duizendtal-quoted",
        "negatief-duizendtal",
    ],
)
def test_invalid_amount(plan: PlanCopy, bad: str) -> None:
    text = plan.edit("02-samenwerking.yaml", "bedrag: 312000\n", f"bedrag: {bad}\n")
    diag = plan.only("SP012")
    line, col = position(text, f"bedrag: {bad}\n")
    assert where(diag) == ("02-samenwerking.yaml", line, col + len("bedrag: "))


def test_thousands_amount_is_not_read_as_twelve(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: 12.000\n")
    diag = plan.only("SP012")
    assert "12.000" in diag.message
    assert plan.check().loaded.plan is None


# --- SP005 encoding -----------------------------------------------------------------------


def test_latin1_bytes(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", b"aanleiding: |\n  Het dorpshuis\n  en het caf\xe9 zijn dicht.\n")
    diag = plan.only("SP005")
    assert where(diag) == ("01-urgentie.yaml", 3, len("  en het caf") + 1)


def test_latin1_after_utf8_characters_counts_characters(plan: PlanCopy) -> None:
    # Column counts characters: the two-byte 'ë' before the bad byte is one column.
    plan.write("01-urgentie.yaml", "aanleiding: ideeën en ".encode() + b"caf\xe9\n")
    diag = plan.only("SP005")
    assert where(diag) == ("01-urgentie.yaml", 1, len("aanleiding: ideeën en caf") + 1)


def test_binary_file(plan: PlanCopy) -> None:
    plan.write("07-uitvoering.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert where(plan.only("SP005")) == ("07-uitvoering.yaml", 3, 1)  # the first NUL


# --- BOM and CRLF -------------------------------------------------------------------------


def _to_bom_crlf(plan: PlanCopy) -> None:
    for doc in DOCUMENTS:
        text = plan.read(doc.file)
        assert "\r" not in text
        plan.write(doc.file, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def test_bom_and_crlf_are_accepted(plan: PlanCopy) -> None:
    _to_bom_crlf(plan)
    assert plan.path("05-aanpak.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    result = plan.check()
    assert result.diagnostics == []
    assert result.loaded.plan is not None


def test_error_position_in_crlf_file(plan: PlanCopy) -> None:
    _to_bom_crlf(plan)
    raw = plan.path("05-aanpak.yaml").read_bytes()
    old = b"bedrag: 52000\r\n"
    assert raw.count(old) == 1
    raw = raw.replace(old, b"bedrag: veel\r\n")
    plan.write("05-aanpak.yaml", raw)
    text = raw.decode("utf-8-sig")  # the BOM is not a column
    diag = plan.only("SP012")
    line, col = position(text, "bedrag: veel")
    assert where(diag) == ("05-aanpak.yaml", line, col + len("bedrag: "))


def test_yaml_error_position_in_crlf_file(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", b"\xef\xbb\xbfaanleiding: tekst\r\nkey: value: x\r\n")
    assert where(plan.only("SP001")) == ("01-urgentie.yaml", 2, len("key: value") + 1)


# --- everything in one run ----------------------------------------------------------------


def test_all_problems_in_all_files_in_one_run(plan: PlanCopy) -> None:
    urgentie = plan.edit("01-urgentie.yaml", "leefdomeinen: [school]\n", "leefdomein: [school]\n")
    aanpak = plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    plan.write("07-uitvoering.yaml", "planning: [\n")
    diags = plan.diagnostics()
    found = {(d.code, d.location.file, d.location.line) for d in diags}
    assert ("SP007", "01-urgentie.yaml", position(urgentie, "leefdomein:")[0]) in found
    assert ("SP012", "05-aanpak.yaml", position(aanpak, "bedrag: veel")[0]) in found
    assert "07-uitvoering.yaml" in {file for code, file, _ in found if code == "SP001"}
    assert len(diags) == 3


def test_several_problems_in_one_file(plan: PlanCopy) -> None:
    text = plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    text = plan.edit(
        "05-aanpak.yaml", "trekkers: [sb_heidekring]\n", "trekkers: [sb_heidekring]\n    trekkr: x\n"
    )
    line, col = position(text, "bedrag: veel")
    diags = plan.diagnostics()
    assert sorted((d.code, where(d)) for d in diags) == [
        ("SP007", ("05-aanpak.yaml", *position(text, "trekkr"))),
        ("SP012", ("05-aanpak.yaml", line, col + len("bedrag: "))),
    ]


def test_diagnostics_are_sorted(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    plan.edit("01-urgentie.yaml", "leefdomeinen: [school]\n", "leefdomein: [school]\n")
    diags = plan.diagnostics()
    assert [d.sort_key for d in diags] == sorted(d.sort_key for d in diags)


# --- SP014 tags ---------------------------------------------------------------------------


def test_python_tag_is_refused_and_not_executed(plan: PlanCopy, tmp_path: Path) -> None:
    marker = tmp_path / "uitgevoerd"
    value = f'!!python/object/apply:os.system ["touch {marker}"]'
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", f"regio: {value}\n")
    diag = plan.only("SP014")
    assert where(diag) == ("samenplan.yaml", *position(text, "!!python"))
    assert not marker.exists()


@pytest.mark.parametrize(
    "tag", ["!!python/name:os.system", "!!python/object:os.PathLike", "!eigen", "!!binary", "!!set", "!!omap"]
)
def test_other_tags_are_refused(plan: PlanCopy, tag: str) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", f"regio: {tag} Heidedorpen\n")
    assert where(plan.only("SP014")) == ("samenplan.yaml", *position(text, tag))


def test_tag_on_a_list_is_refused(plan: PlanCopy) -> None:
    text = plan.edit(
        "01-urgentie.yaml", "leefdomeinen: [school]\n", "leefdomeinen: !!python/tuple [school]\n"
    )
    assert where(plan.only("SP014")) == ("01-urgentie.yaml", *position(text, "!!python/tuple"))


def test_standard_tags_are_allowed(plan: PlanCopy) -> None:
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: !!str Heidedorpen\n")
    assert plan.diagnostics() == []


# --- SP015 too big / too deep -------------------------------------------------------------


def test_alias_bomb(plan: PlanCopy) -> None:
    names = "abcdefghi"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    plan.write("01-urgentie.yaml", "\n".join(lines) + "\n")
    diag = plan.only("SP015")
    assert diag.location.file == "01-urgentie.yaml"


def test_deep_nesting(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: " + "[" * 100 + "]" * 100 + "\n")
    assert plan.only("SP015").location.file == "01-urgentie.yaml"


def test_very_deep_nesting_does_not_crash(plan: PlanCopy) -> None:
    # Deep enough to make the YAML composer itself run out of Python recursion.
    plan.write("01-urgentie.yaml", "aanleiding: " + "[" * 1200 + "]" * 1200 + "\n")
    assert plan.only("SP015").location.file == "01-urgentie.yaml"


def test_huge_file(plan: PlanCopy) -> None:
    plan.write("01-urgentie.yaml", "aanleiding: |\n" + ("  " + "x" * 98 + "\n") * (MAX_BYTES // 100))
    assert where(plan.only("SP015")) == ("01-urgentie.yaml", 1, 1)


# --- SP016 unreadable ---------------------------------------------------------------------


def test_directory_instead_of_step_file(plan: PlanCopy) -> None:
    plan.path("03-analyse.yaml").unlink()
    plan.path("03-analyse.yaml").mkdir()
    assert where(plan.only("SP016")) == ("03-analyse.yaml", 1, 1)


def test_symlink_loop(plan: PlanCopy) -> None:
    path = plan.path("03-analyse.yaml")
    path.unlink()
    path.symlink_to("03-analyse.yaml")
    assert where(plan.only("SP016")) == ("03-analyse.yaml", 1, 1)


def test_dangling_symlink(plan: PlanCopy) -> None:
    path = plan.path("03-analyse.yaml")
    path.unlink()
    path.symlink_to("bestaat-niet.yaml")
    assert where(plan.only("SP016")) == ("03-analyse.yaml", 1, 1)


def test_symlink_to_a_good_file_in_the_plan_folder_is_read(plan: PlanCopy) -> None:
    path = plan.path("03-analyse.yaml")
    (plan.root / "versies").mkdir()
    target = plan.root / "versies" / "analyse-v2.yaml"
    path.replace(target)
    path.symlink_to(target)
    assert plan.diagnostics() == []


# --- not a plan ---------------------------------------------------------------------------


def test_missing_folder_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(NotAPlan):
        check_plan(tmp_path / "bestaat-niet")


def test_empty_folder_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(NotAPlan):
        load_plan(tmp_path)


def test_file_is_not_a_plan(plan: PlanCopy) -> None:
    with pytest.raises(NotAPlan):
        check_plan(plan.path("samenplan.yaml"))


def test_folder_with_other_files_is_not_a_plan(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("hallo\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text("titel: x\n", encoding="utf-8")
    with pytest.raises(NotAPlan):
        check_plan(tmp_path)


def test_an_id_longer_than_64_characters_says_so(plan: PlanCopy) -> None:
    text = plan.read("05-aanpak.yaml")
    first = text.split("  - id: ", 1)[1].split("\n", 1)[0]
    plan.edit("05-aanpak.yaml", f"  - id: {first}\n", f"  - id: {'x' * 65}\n")
    found = plan.only("SP013")
    assert "te lang" in found.message
    assert found.hint == "Maximaal 64 tekens."
