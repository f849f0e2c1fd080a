"""What a person meant by an amount or a date written the everyday Dutch way (plan/meant.py)."""

import pytest

from samenplan.plan.meant import datum_meant, id_meant, plain_amount


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("1-8-2024", "2024-08-01"),
        ("01-08-2024", "2024-08-01"),
        ("1/8/2024", "2024-08-01"),
        ("1.8.2024", "2024-08-01"),
        ("31-7-2025", "2025-07-31"),
        ("8-2024", "2024-08"),
        ("08/2024", "2024-08"),
        ("1 augustus 2024", "2024-08-01"),
        ("1  Augustus  2024", "2024-08-01"),
        ("1 aug 2024", "2024-08-01"),
        ("1 aug. 2024", "2024-08-01"),
        ("15 sept 2023", "2023-09-15"),
        ("3 mrt 2022", "2022-03-03"),
        ("mei 2022", "2022-05"),
        ("okt 2021", "2021-10"),
        ("schooljaar 2023-2024", "2023-2024"),
        ("schooljaar 2023/2024", "2023-2024"),
        ("2023 / 2024", "2023-2024"),
    ],
)
def test_a_dutch_date_is_read_as_meant(written: str, meant: str) -> None:
    found = datum_meant(written)
    assert found is not None and found.tekst == meant


@pytest.mark.parametrize(
    "written",
    [
        "30-2-2024",  # no such day
        "1-13-2024",  # no such month
        "13-2024",
        "1-8-24",  # a two-digit year: which century is a guess
        "1-8/2024",  # mixed separators
        "1 foo 2024",
        "maa 2024",  # not how Dutch shortens maart
        "1 augustus 3024",  # outside 1900-2100
        "schooljaar 2023-2025",
        "morgen",
        "",
    ],
)
def test_no_guess_when_it_is_not_clear(written: str) -> None:
    assert datum_meant(written) is None


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("€ 12.500,-", "12500"),
        ("12.500", "12500"),
        ("1.250,50", "1250.50"),
        ("eur 300", "300"),
        ("12,5", "12.50"),
        ("12.500,00", "12500"),
        ("250.000 euro", "250000"),
        ("250000 €", "250000"),
        ("1,5 miljoen", "1500000"),
        ("€ 1,25 mln.", "1250000"),
        ("2 Mio", "2000000"),
        ("2 ton", "200000"),
        ("250 duizend", "250000"),
        ("250k", "250000"),
        ("1,5 duizend", "1500"),
    ],
)
def test_an_amount_is_read_as_meant(written: str, meant: str) -> None:
    assert plain_amount(written) == meant


@pytest.mark.parametrize("written", ["twaalfduizend", "1.500 miljoen", "1,5 miljard", "twee ton", "€"])
def test_an_unclear_amount_gets_no_guess(written: str) -> None:
    assert plain_amount(written) is None


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Huiswerk Club", "huiswerk-club"),
        ("Café Één", "cafe-een"),
        ("i_Sterk", "i_sterk"),
        ("_x", "x"),
        ("GGD  Hollands-Midden!", "ggd-hollands-midden"),
        ("€€€", None),
    ],
)
def test_an_id_is_read_as_meant(written: str, meant: str | None) -> None:
    assert id_meant(written) == meant


def test_every_id_suggested_is_a_valid_id() -> None:
    # The hint must never suggest an id that check refuses in its turn.
    import random
    import re

    from samenplan.plan.models.common import ID_PATTERN

    rng = random.Random(7)
    alphabet = "aZ9_- .éÉøß€/\t'\"" + "\u0301"
    for _ in range(3000):
        written = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        meant = id_meant(written)
        assert meant is None or (re.match(ID_PATTERN, meant) and len(meant) <= 64), (written, meant)
