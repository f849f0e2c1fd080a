"""Answers for `samenplan init`: parse and validate option values into one Answers object."""

import re
from dataclasses import dataclass, field
from datetime import date

from samenplan.plan.catalog import load_catalog
from samenplan.plan.datum import DatumSoort
from samenplan.plan.meant import datum_meant
from samenplan.plan.models.regeling import Bestedingsdoel
from samenplan.plan.vocab import Fase, PartnerSoort
from samenplan.suggest import did_you_mean


class AnswerError(Exception):
    """An option value that cannot be used; the message is Dutch and says how to fix it."""


@dataclass(frozen=True)
class PartnerAnswer:
    """A partner to put in step 2."""

    id: str
    naam: str
    soort: str


@dataclass(frozen=True)
class GeldstroomAnswer:
    """A geldstroom pre-filled from a catalog regeling."""

    id: str
    naam: str
    regeling: str
    ontvanger: str
    doelen: tuple[Bestedingsdoel, ...]


@dataclass(frozen=True)
class Answers:
    """Everything the scaffold templates need."""

    titel: str
    gemeenten: tuple[str, ...]
    van: date
    tot: date
    fase: str
    partners: tuple[PartnerAnswer, ...] = field(default=())
    geldstromen: tuple[GeldstroomAnswer, ...] = field(default=())


DEFAULT_TITEL = "Samen voor herstel en perspectief van kinderen en jongeren"
PLACEHOLDER_GEMEENTE = "<naam van de gemeente>"
PLACEHOLDER_SCHOOL = "<naam van het schoolbestuur of samenwerkingsverband>"


def slug(text: str) -> str:
    """An id from a name: 'Gemeente Rivierstad' → 'gemeente-rivierstad'."""
    ascii_text = text.lower().translate(str.maketrans("áàäâéèëêíìïîóòöôúùüûç", "aaaaeeeeiiiioooouuuuc"))
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return cleaned[:60] or "partner"


def _text(value: str, what: str) -> str:
    """``value`` if it can be saved in a plan file: text from a terminal that is not set to
    UTF-8 arrives as undecodable bytes (surrogates), which no YAML file can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = value.encode("utf-8", "replace").decode("utf-8")
        raise AnswerError(
            f"{what} '{shown}' bevat tekens die geen gewone tekst zijn. Zet je "
            "terminal op UTF-8, of typ de tekst opnieuw."
        ) from None
    return value


def parse_periode(text: str) -> tuple[date, date]:
    """'2024-08-01:2025-07-31' → two dates, start before end."""
    parts = text.split(":")
    if len(parts) != 2:
        raise AnswerError(
            f"De periode '{text}' klopt niet. Schrijf van:tot, bijvoorbeeld 2024-08-01:2025-07-31."
        )
    try:
        van, tot = (date.fromisoformat(p.strip()) for p in parts)
    except ValueError:
        meant = _meant_periode(parts)
        raise AnswerError(
            f"De periode '{text}' bevat geen geldige datums. Schrijf JJJJ-MM-DD, "
            + (f"dus: {meant}." if meant else "bijvoorbeeld 2024-08-01:2025-07-31.")
        ) from None
    if tot <= van:
        raise AnswerError(f"De periode '{text}' eindigt voor hij begint.")
    return van, tot


def _meant_periode(parts: list[str]) -> str | None:
    """'2024-08-01:2025-07-31' for '1-8-2024:31-7-2025': both days written the Dutch way."""
    meant = [datum_meant(p) for p in parts]
    days = [d.tekst for d in meant if d is not None and d.soort is DatumSoort.DAG]
    return ":".join(days) if len(days) == 2 else None


#: 'school' is as close to schoollocatie as to schoolbestuur; a plan's partner is mostly the bestuur.
_SCHOOL = "Bedoelde je 'schoolbestuur'? Voor één school van een bestuur: 'schoollocatie'."


def parse_partner(text: str) -> PartnerAnswer:
    """'Stichting Stroomwijs=schoolbestuur' → a partner."""
    naam, sep, soort = _text(text, "De partner").rpartition("=")
    naam, soort = naam.strip(), soort.strip().lower()
    if not sep or not naam or not soort:
        raise AnswerError(
            f"De partner '{text}' klopt niet. Schrijf naam=soort, bijvoorbeeld "
            "'Stichting Stroomwijs=schoolbestuur'."
        )
    allowed = [s.value for s in PartnerSoort]
    if soort not in allowed:
        hint = (
            _SCHOOL
            if soort == "school"
            else did_you_mean(soort, allowed) or "Toegestaan: " + ", ".join(allowed) + "."
        )
        raise AnswerError(f"'{soort}' is geen soort partner. {hint}")
    return PartnerAnswer(slug(naam), naam, soort)


def parse_fase(text: str) -> str:
    """A valid fase name."""
    allowed = [f.value for f in Fase]
    if text.strip().lower() not in allowed:
        hint = did_you_mean(text, allowed) or ""
        raise AnswerError(f"'{text}' is geen fase. {hint} Kies uit: {', '.join(allowed)}.".replace("  ", " "))
    return text.strip().lower()


def default_periode(today: date) -> tuple[date, date]:
    """The coming school year: 1 August to 31 July."""
    start_year = today.year if today.month >= 8 else today.year - 1
    return date(start_year, 8, 1), date(start_year + 1, 7, 31)


def build_answers(
    *,
    titel: str | None,
    gemeenten: list[str],
    periode: str | None,
    partners: list[str],
    regelingen: list[str],
    fase: str | None,
    today: date,
) -> Answers:
    """Validate every option and fill in defaults; raises AnswerError on the first problem."""
    van, tot = parse_periode(periode) if periode else default_periode(today)
    names = tuple(_text(g, "De gemeente").strip() for g in gemeenten if g.strip()) or (PLACEHOLDER_GEMEENTE,)
    given = [parse_partner(p) for p in partners]
    all_partners = _with_required_partners(names, given)
    return Answers(
        titel=_text(titel or "", "De titel").strip() or DEFAULT_TITEL,
        gemeenten=names,
        van=van,
        tot=tot,
        fase=parse_fase(fase) if fase else Fase.CONCEPT.value,
        partners=all_partners,
        geldstromen=_geldstromen(regelingen, all_partners),
    )


def _with_required_partners(
    gemeenten: tuple[str, ...], given: list[PartnerAnswer]
) -> tuple[PartnerAnswer, ...]:
    # The gemeenten come first, in the order they were given, unless given as partner.
    partners = [
        _gemeente_partner(naam)
        for naam in gemeenten
        if not any(p.naam == naam and p.soort == "gemeente" for p in given)
    ]
    partners += given
    if not any(p.soort in ("schoolbestuur", "samenwerkingsverband") for p in partners):
        partners.append(PartnerAnswer("schoolbestuur", PLACEHOLDER_SCHOOL, "schoolbestuur"))
    return _unique_ids(partners)


def _gemeente_partner(naam: str) -> PartnerAnswer:
    ident = "gemeente" if naam == PLACEHOLDER_GEMEENTE else slug(f"gemeente {naam}")
    return PartnerAnswer(ident, naam, "gemeente")


def _unique_ids(partners: list[PartnerAnswer]) -> tuple[PartnerAnswer, ...]:
    seen: dict[str, int] = {}
    result = []
    for p in partners:
        seen[p.id] = seen.get(p.id, 0) + 1
        ident = p.id if seen[p.id] == 1 else f"{p.id}-{seen[p.id]}"
        result.append(PartnerAnswer(ident, p.naam, p.soort))
    return tuple(result)


def _geldstromen(ids: list[str], partners: tuple[PartnerAnswer, ...]) -> tuple[GeldstroomAnswer, ...]:
    catalog = load_catalog()
    result = []
    for ident in dict.fromkeys(i.strip() for i in ids):
        regeling = catalog.get(ident)
        if regeling is None:
            hint = did_you_mean(ident, catalog) or "Kies uit: " + ", ".join(sorted(catalog)) + "."
            raise AnswerError(f"'{ident}' is geen bekende regeling. {hint}")
        ontvanger = next((p.id for p in partners if p.soort in regeling.aanvragers), partners[0].id)
        result.append(
            GeldstroomAnswer(
                ident.replace("_", "-"),
                regeling.korte_naam or regeling.naam,
                ident,
                ontvanger,
                tuple(regeling.bestedingsdoelen),
            )
        )
    return tuple(result)
