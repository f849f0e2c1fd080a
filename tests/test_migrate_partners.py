"""migrate/step_partners.py: trekker, locaties, verantwoording wie and ontvangers in formaat 2.

Each test migrates a small formaatversie 1 snippet and checks that every value is still there
(in its new place), that comments stay, and that a second run changes nothing.
"""

import io
import re
from textwrap import dedent

from ruamel.yaml import YAML

from samenplan.migrate import STEPS
from samenplan.migrate.changes import PlanFiles
from samenplan.migrate.step_partners import gebied_id, migrate


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _load(**texts: str) -> PlanFiles:
    names = {
        "manifest": "samenplan.yaml",
        "aanpak": "05-aanpak.yaml",
        "meten": "06-meten-en-bijsturen.yaml",
    }
    return {names[k]: _yaml().load(dedent(v)) for k, v in texts.items()}


def _dump(files: PlanFiles, name: str) -> str:
    out = io.StringIO()
    _yaml().dump(files[name], out)
    return out.getvalue()


AANPAK = """\
interventies:
  - id: zomerschool
    naam: Zomerschool
    # wie het doet
    trekker: stroomwijs  # de trekker
    partners: [bibliotheek]
    locaties:
      - "Oeverlanden: IKC De Meander"  # eerste plek
      - De Waard
  - id: huiswerkclub
    naam: Huiswerkclub
    trekker: bibliotheek
    locaties: [De Waard, online]
  - id: zonder
    naam: Nog zonder trekker
"""

MANIFEST = """\
formaatversie: 1
titel: Plan
periode: {van: 2022-08-01, tot: 2025-07-31}
fase: concept
regelingen:
  - id: eigen
    naam: Eigen budget
    ontvangers: [gemeente]  # wie het krijgt
    bestedingsdoelen: [{id: a, naam: A}]
"""

METEN = """\
verantwoording:
  - geldstroom: npo
    vorm: sisa
    wie: gemeente  # de penvoerder
  - geldstroom: eigen
    vorm: jaarverslag
    wie: [gemeente, swv]
"""


def test_trekker_becomes_a_list_in_its_place_with_its_comments() -> None:
    files = _load(aanpak=AANPAK, manifest=MANIFEST)
    migrate(files)
    ivs = files["05-aanpak.yaml"]["interventies"]
    assert list(ivs[0]["trekkers"]) == ["stroomwijs"]
    assert list(ivs[1]["trekkers"]) == ["bibliotheek"]
    assert "trekker" not in ivs[0] and "trekkers" not in ivs[2]
    assert list(ivs[0].keys())[:4] == ["id", "naam", "trekkers", "partners"]
    text = _dump(files, "05-aanpak.yaml")
    assert re.search(r"# wie het doet\n    trekkers: \[stroomwijs\] +# de trekker\n", text)


def test_locaties_become_gebieden_defined_once_in_samenplan_yaml() -> None:
    files = _load(aanpak=AANPAK, manifest=MANIFEST)
    changes = migrate(files)
    manifest = files["samenplan.yaml"]
    gebieden = [(g["id"], g["naam"]) for g in manifest["gebieden"]]
    assert gebieden == [
        ("oeverlanden-ikc-de-meander", "Oeverlanden: IKC De Meander"),
        ("de-waard", "De Waard"),
        ("online", "online"),
    ]
    ivs = files["05-aanpak.yaml"]["interventies"]
    assert list(ivs[0]["gebieden"]) == ["oeverlanden-ikc-de-meander", "de-waard"]
    assert list(ivs[1]["gebieden"]) == ["de-waard", "online"]  # the same text, the same gebied
    assert list(manifest.keys()).index("gebieden") == list(manifest.keys()).index("periode") + 1
    text = _dump(files, "05-aanpak.yaml")
    assert re.search(r'\n      - "?oeverlanden-ikc-de-meander"? +# eerste plek\n', text)  # block list kept
    assert "gebieden: [de-waard, online]" in text  # flow list stays a flow list
    said = [c.text for c in changes if c.file == "samenplan.yaml"]
    assert "gebied 'de-waard' gemaakt voor 'De Waard'" in said
    assert any(c.file == "05-aanpak.yaml" and c.line == 7 and "gebieden" in c.text for c in changes)


def test_an_existing_gebied_with_the_same_naam_is_reused() -> None:
    manifest = MANIFEST + "gebieden:\n  - {id: waard, naam: De Waard, soort: wijk}\n"
    files = _load(aanpak=AANPAK, manifest=manifest)
    migrate(files)
    ids = [g["id"] for g in files["samenplan.yaml"]["gebieden"]]
    assert ids == ["waard", "oeverlanden-ikc-de-meander", "online"]
    assert list(files["05-aanpak.yaml"]["interventies"][1]["gebieden"]) == ["waard", "online"]


def test_without_samenplan_yaml_locaties_stay_and_it_says_so() -> None:
    files = _load(aanpak=AANPAK)
    changes = migrate(files)
    iv = files["05-aanpak.yaml"]["interventies"][0]
    assert list(iv["locaties"]) == ["Oeverlanden: IKC De Meander", "De Waard"]
    assert any("niet omgezet" in c.text for c in changes)


def test_verantwoording_wie_becomes_a_list_and_a_list_stays() -> None:
    files = _load(meten=METEN)
    changes = migrate(files)
    rows = files["06-meten-en-bijsturen.yaml"]["verantwoording"]
    assert list(rows[0]["wie"]) == ["gemeente"]
    assert list(rows[1]["wie"]) == ["gemeente", "swv"]
    assert re.search(r"wie: \[gemeente\] +# de penvoerder\n", _dump(files, "06-meten-en-bijsturen.yaml"))
    assert [c.line for c in changes] == [4]


def test_ontvangers_of_a_regeling_is_now_aanvragers() -> None:
    files = _load(manifest=MANIFEST)
    migrate(files)
    regeling = files["samenplan.yaml"]["regelingen"][0]
    assert list(regeling["aanvragers"]) == ["gemeente"] and "ontvangers" not in regeling
    assert list(regeling.keys()) == ["id", "naam", "aanvragers", "bestedingsdoelen"]
    assert "aanvragers: [gemeente]  # wie het krijgt\n" in _dump(files, "samenplan.yaml")


def test_a_second_run_changes_nothing() -> None:
    files = _load(aanpak=AANPAK, manifest=MANIFEST, meten=METEN)
    migrate(files)
    before = {name: _dump(files, name) for name in files}
    assert migrate(files) == []
    assert {name: _dump(files, name) for name in files} == before


def test_both_old_and_new_key_keep_both_values_and_say_so() -> None:
    files = _load(aanpak="interventies:\n  - {id: a, naam: A, trekker: x, trekkers: [y]}\n")
    changes = migrate(files)
    iv = files["05-aanpak.yaml"]["interventies"][0]
    assert iv["trekker"] == "x" and list(iv["trekkers"]) == ["y"]
    assert "voeg ze zelf samen" in changes[0].text


def test_gebied_ids_are_valid_and_distinct() -> None:
    taken: set[str] = set()
    first = gebied_id("Wijk 't Zand (Noord)", taken)
    taken.add(first)
    assert first == "wijk-t-zand-noord"
    assert gebied_id("Wijk 't Zand (Noord)", taken) == "wijk-t-zand-noord-2"
    assert gebied_id("Één école", set()) == "een-ecole"
    assert gebied_id("!!!", set()) == "gebied"


def test_the_step_is_in_steps() -> None:
    assert migrate in STEPS
