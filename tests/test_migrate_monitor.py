"""The monitor migration step: vergelijking and onderbouwing become lists, spuk is written out."""

import io
from textwrap import dedent

from ruamel.yaml import YAML

from samenplan.migrate import STEPS, step_monitor
from samenplan.migrate.changes import PlanFiles


def _yaml() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _run(**texts: str) -> tuple[dict[str, str], list[step_monitor.Change]]:
    yaml = _yaml()
    files: PlanFiles = {name: yaml.load(dedent(text)) for name, text in texts.items()}
    changes = step_monitor.migrate(files)
    out = {}
    for name, doc in files.items():
        buf = io.StringIO()
        yaml.dump(doc, buf)
        out[name] = buf.getvalue()
    return out, changes


ANALYSE_V1 = """\
bevindingen:
  - id: bev_lezen
    tekst: Kinderen lezen slechter.
    cijfer:
      waarde: 55
      eenheid: '%'
      # vergeleken met de regio voor corona
      vergelijking:
        waarde: 63   # GGD-monitor 2019
        met: Heidekring in 2019
      # na de vergelijking
  - id: bev_kort
    tekst: Kort.
    cijfer: {waarde: 12, vergelijking: {waarde: 9, met: Nederland}}
"""


def test_vergelijking_becomes_a_list_keeping_values_comments_and_place() -> None:
    out, changes = _run(**{"03-analyse.yaml": ANALYSE_V1})
    assert out["03-analyse.yaml"] == dedent("""\
        bevindingen:
          - id: bev_lezen
            tekst: Kinderen lezen slechter.
            cijfer:
              waarde: 55
              eenheid: '%'
              # vergeleken met de regio voor corona
              vergelijkingen:
                - waarde: 63 # GGD-monitor 2019
                  met: Heidekring in 2019
              # na de vergelijking
          - id: bev_kort
            tekst: Kort.
            cijfer: {waarde: 12, vergelijkingen: [{waarde: 9, met: Nederland}]}
        """)
    assert [(c.file, c.line) for c in changes] == [("03-analyse.yaml", 8), ("03-analyse.yaml", 14)]
    assert "heet nu 'vergelijkingen'" in changes[0].text


def test_the_migrated_analyse_loads_as_formaat_2() -> None:
    from samenplan.plan.models.analyse import Analyse

    out, _ = _run(**{"03-analyse.yaml": ANALYSE_V1})
    analyse = Analyse.model_validate(_yaml().load(out["03-analyse.yaml"]))
    cijfer = analyse.bevindingen[0].cijfer
    assert cijfer is not None
    assert [(str(v.waarde), v.met) for v in cijfer.vergelijkingen] == [("63", "Heidekring in 2019")]


AANPAK_V1 = """\
interventies:
  - id: zomerschool
    naam: Zomerschool
    onderbouwing:  # waarom het werkt
      soort: menukaart
      doelgebied: A
      toelichting: |
        Staat op de menukaart.
    periode: {van: 2023-07-01, tot: 2023-08-31}
  - id: al-een-lijst
    naam: Al een lijst
    onderbouwing:
      - soort: eigen
        toelichting: Eigen proef.
  - id: zonder
    naam: Zonder
"""


def test_onderbouwing_becomes_a_list_of_one() -> None:
    out, changes = _run(**{"05-aanpak.yaml": AANPAK_V1})
    assert out["05-aanpak.yaml"] == dedent("""\
        interventies:
          - id: zomerschool
            naam: Zomerschool
            onderbouwing:  # waarom het werkt
              - soort: menukaart
                doelgebied: A
                toelichting: |
                  Staat op de menukaart.
            periode: {van: 2023-07-01, tot: 2023-08-31}
          - id: al-een-lijst
            naam: Al een lijst
            onderbouwing:
              - soort: eigen
                toelichting: Eigen proef.
          - id: zonder
            naam: Zonder
        """)
    assert [(c.file, c.line) for c in changes] == [("05-aanpak.yaml", 4)]


def test_a_cijfer_with_both_keys_is_left_alone_and_reported() -> None:
    text = """\
    bevindingen:
      - id: b
        tekst: T.
        cijfer:
          waarde: 1
          vergelijking: {waarde: 2, met: regio}
          vergelijkingen: [{waarde: 3, met: Nederland}]
    """
    out, changes = _run(**{"03-analyse.yaml": text})
    assert out["03-analyse.yaml"] == dedent(text)
    assert len(changes) == 1 and "Niets is veranderd" in changes[0].text


def test_kanaal_spuk_of_a_plans_own_regeling_is_written_out() -> None:
    out, changes = _run(
        **{
            "samenplan.yaml": "regelingen:\n  - id: eigen\n    kanaal: spuk  # via SiSa\n"
            "  - id: ander\n    kanaal: subsidie\n"
        }
    )
    assert out["samenplan.yaml"] == (
        "regelingen:\n  - id: eigen\n    kanaal: specifieke_uitkering # via SiSa\n"
        "  - id: ander\n    kanaal: subsidie\n"
    )
    assert [c.line for c in changes] == [3]


def test_a_formaat_2_plan_is_not_changed_and_a_missing_file_is_fine() -> None:
    migrated, _ = _run(**{"03-analyse.yaml": ANALYSE_V1, "05-aanpak.yaml": AANPAK_V1})
    again, changes = _run(**migrated)
    assert again == migrated
    assert changes == []
    assert step_monitor.migrate({}) == []


def test_the_step_is_in_the_list() -> None:
    assert step_monitor.migrate in STEPS
