"""Dutch explanations of ruamel.yaml syntax errors."""

from ruamel.yaml.error import MarkedYAMLError, StreamMark

# (fragment of ruamel's problem text, Dutch message, Dutch hint)
_KNOWN: tuple[tuple[str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "Hier staat een dubbele punt die YAML niet verwacht.",
        "Staat er een ':' in een tekst? Zet de hele tekst dan tussen aanhalingstekens, "
        "of gebruik een blok met '|'. Controleer ook de inspringing.",
    ),
    (
        "could not find expected ':'",
        "Er ontbreekt een dubbele punt na een veldnaam.",
        "Schrijf elk veld als 'naam: waarde'.",
    ),
    (
        "cannot start any token",
        "Hier staat een teken waarmee een waarde niet mag beginnen (vaak een tab).",
        "Spring in met spaties, niet met tabs. Begint de tekst met @ of `? "
        "Zet hem dan tussen aanhalingstekens.",
    ),
    (
        "expected ',' or ']'",
        "Een lijst tussen [ en ] is niet goed gesloten.",
        "Controleer of er een ] staat en of de waarden met komma's gescheiden zijn.",
    ),
    (
        "expected ',' or '}'",
        "Een groep tussen { en } is niet goed gesloten.",
        "Controleer of er een } staat en of de velden met komma's gescheiden zijn.",
    ),
    (
        "found undefined alias",
        "Hier staat een verwijzing (*naam) naar een anker dat niet bestaat.",
        "Maak eerst het anker (&naam) of schrijf de waarde uit.",
    ),
    (
        "expected a single document",
        "Het bestand bevat meer dan één YAML-document (een regel met ---).",
        "Eén plan-bestand is één document: haal de tweede '---' weg.",
    ),
    (
        "found unexpected end of stream",
        "Een aanhalingsteken wordt niet gesloten.",
        "Zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin.",
    ),
    (
        "while scanning a quoted scalar",
        "Een tekst tussen aanhalingstekens is niet goed gesloten.",
        "Zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin.",
    ),
    (
        "did not find expected '-' indicator",
        "De inspringing van een lijst klopt niet.",
        "Zet alle streepjes (-) van dezelfde lijst precies onder elkaar.",
    ),
    (
        "did not find expected key",
        "De inspringing klopt niet: hier wordt een veldnaam verwacht.",
        "Zet velden van dezelfde groep precies onder elkaar, met spaties.",
    ),
    (
        "expected <block end>",
        "De inspringing klopt niet.",
        "Zet velden van dezelfde groep precies onder elkaar, met spaties.",
    ),
    (
        "found duplicate anchor",
        "Hetzelfde anker (&naam) staat twee keer in het bestand.",
        "Geef elk anker een eigen naam.",
    ),
    (
        "found character",
        "Hier staat een teken dat YAML op deze plek niet toestaat.",
        "Zet de tekst tussen aanhalingstekens.",
    ),
)


def describe_yaml_error(exc: MarkedYAMLError, text: str = "") -> tuple[str, str, StreamMark | None]:
    """Dutch message, hint and the best position for a YAML syntax error."""
    problem = f"{exc.problem or ''} {exc.context or ''}".strip()
    mark = _best_mark(exc, text)
    for fragment, message, hint in _KNOWN:
        if fragment in problem:
            return message, hint, mark
    return (
        "De YAML-opbouw klopt hier niet.",
        "Controleer deze regel en de regel erboven: kloppen de inspringing, de dubbele punten "
        "en de aanhalingstekens?",
        mark,
    )


def _best_mark(exc: MarkedYAMLError, text: str) -> StreamMark | None:
    """The problem mark, unless it lies at the end of the file: then where the trouble began."""
    mark: StreamMark | None = exc.problem_mark or exc.context_mark
    context: StreamMark | None = exc.context_mark
    at_end = mark is not None and text and mark.index >= len(text.rstrip())
    return context if at_end and context is not None else mark
