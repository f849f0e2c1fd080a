"""migrate/step_money.py: the money keys of formaatversie 1 get their formaatversie 2 names."""

import io

from ruamel.yaml import YAML

from samenplan.migrate import STEPS
from samenplan.migrate.changes import PlanFiles
from samenplan.migrate.step_money import AANPAK, SAMENWERKING, migrate
from samenplan.plan.models.aanpak import Aanpak
from samenplan.plan.models.samenwerking import Samenwerking

SAMENWERKING_V1 = """\
geldstromen:
  - id: gs_npo
    naam: NPO-geld
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 100000
    bestedingsdoelen: [bovenschools]
    # Geld dat nog niet vastligt.
    reserveringen:  # het subsidiemenu
      - id: res_menu
        thema: Subsidiemenu  # de naam van het menu
        bedrag: 40000
        bestedingsdoel: bovenschools
    verdelingen:
      - naam: per sector
        posten:
          - label: po   # primair onderwijs
            bedrag: 60000
          - {label: vo, bedrag: 40000}
"""

SAMENWERKING_V2 = """\
geldstromen:
  - id: gs_npo
    naam: NPO-geld
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 100000
    bestedingsdoelen: [bovenschools]
    # Geld dat nog niet vastligt.
    posten:  # het subsidiemenu
      - id: res_menu
        naam: Subsidiemenu  # de naam van het menu
        bedrag: 40000
        bestedingsdoel: bovenschools
    verdelingen:
      - naam: per sector
        posten:
          - naam: po   # primair onderwijs
            bedrag: 60000
          - {naam: vo, bedrag: 40000}
"""

AANPAK_V1 = """\
interventies:
  - id: i_club
    naam: Huiswerkclub
    begroting:
      - geldstroom: gs_npo
        bestedingsdoel: bovenschools
        bedrag: 10000
        reservering: res_menu   # uit het menu
        jaar: 2024
"""


def _load(text: str) -> PlanFiles:
    return YAML().load(text)  # type: ignore[no-any-return]


def _dump(doc: object) -> str:
    out = io.StringIO()
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.dump(doc, out)
    return out.getvalue()


def test_reserveringen_become_posten_with_their_values_and_comments() -> None:
    files = {SAMENWERKING: _load(SAMENWERKING_V1)}
    changes = migrate(files)
    assert _dump(files[SAMENWERKING]) == SAMENWERKING_V2
    assert [(c.file, c.line) for c in changes] == [
        (SAMENWERKING, 9),
        (SAMENWERKING, 11),
        (SAMENWERKING, 17),
        (SAMENWERKING, 19),
    ]
    assert changes[0].text == "geldstroom 'gs_npo': 'reserveringen' heet nu 'posten'."
    assert changes[1].text == "post 'res_menu': 'thema' heet nu 'naam'."


def test_migrated_samenwerking_loads_as_formaatversie_2() -> None:
    files = {SAMENWERKING: _load(SAMENWERKING_V1)}
    migrate(files)
    model = Samenwerking.model_validate(YAML(typ="safe").load(_dump(files[SAMENWERKING])))
    [g] = model.geldstromen
    assert [(p.id, p.naam, p.bedrag.waarde) for p in g.posten] == [("res_menu", "Subsidiemenu", 40000)]
    assert [p.naam for p in g.verdelingen[0].posten] == ["po", "vo"]


def test_begroting_reservering_becomes_post_in_place() -> None:
    files = {AANPAK: _load(AANPAK_V1)}
    [change] = migrate(files)
    text = _dump(files[AANPAK])
    assert text == AANPAK_V1.replace("reservering: res_menu", "post: res_menu")
    assert (change.line, change.text) == (
        8,
        "begroting van interventie 'i_club': 'reservering' heet nu 'post'.",
    )
    line = Aanpak.model_validate(YAML(typ="safe").load(text)).interventies[0].begroting[0]
    assert (line.post, str(line.jaar)) == ("res_menu", "2024")


def test_a_migrated_plan_is_left_alone_the_second_time() -> None:
    files = {SAMENWERKING: _load(SAMENWERKING_V1), AANPAK: _load(AANPAK_V1)}
    migrate(files)
    before = {name: _dump(doc) for name, doc in files.items()}
    assert migrate(files) == []
    assert {name: _dump(doc) for name, doc in files.items()} == before


def test_both_old_and_new_key_keeps_both_and_says_so() -> None:
    text = SAMENWERKING_V1.replace("    verdelingen:", "    posten: []\n    verdelingen:")
    files = {SAMENWERKING: _load(text)}
    changes = migrate(files)
    g = files[SAMENWERKING]["geldstromen"][0]
    assert g["reserveringen"][0]["thema"] == "Subsidiemenu"  # nothing moved, nothing lost
    assert g["posten"] == []
    assert "allebei" in changes[0].text


def test_files_without_money_and_absent_files_give_no_changes() -> None:
    assert migrate({}) == []
    assert migrate({SAMENWERKING: _load("partners: []\n")}) == []


def test_the_step_is_in_steps() -> None:
    assert migrate in STEPS
