"""Dutch explanations of ruamel.yaml syntax errors, naming the real cause where it is clear.

ruamel reports where its parser got stuck, which is often a line or two after the mistake a
person made. Before the general table, a few natural mistakes are recognised in the text
itself: 'naam:X' without a space, a quote that closes a text too early, text after a list in
[ ], a list in [ ] that is never closed, and a dash where a field is expected.
"""

import re

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
    (
        "sequence entries are not allowed",
        "Hier staat een streepje (-) op een plek waar geen lijst kan beginnen.",
        "Een lijst begint op de regel na 'veld:', met de streepjes verder ingesprongen. Hoort "
        "het streepje er niet, haal het dan weg.",
    ),
)

#: The general message when no explanation fits: never ruamel's English text.
UNKNOWN = (
    "De YAML-opbouw klopt hier niet.",
    "Controleer deze regel en de regel erboven: de inspringing (spaties, geen tabs), de "
    "dubbele punt met een spatie na elke veldnaam, en de aanhalingstekens.",
)

#: 'naam:Gemeente X': a key and its value without the space after the colon.
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:])")

Found = tuple[str, str, StreamMark | None]


def describe_yaml_error(exc: MarkedYAMLError, text: str = "") -> tuple[str, str, StreamMark | None]:
    """Dutch message, hint and the best position for a YAML syntax error."""
    problem = f"{exc.problem or ''} {exc.context or ''}".strip()
    mark = _best_mark(exc, text)
    lines = text.splitlines()
    found = (
        _tab_indent(mark, lines)
        or _missing_space(mark, lines)
        or _unclosed_flow(exc, problem)
        or _after_value(mark, lines)
        or _dash_for_field(mark, lines, problem)
        or _cannot_start(mark, lines, problem)
    )
    if found is not None:
        return found
    for fragment, message, hint in _KNOWN:
        if fragment in problem:
            return message, hint, mark
    return (*UNKNOWN, mark)


def _at(mark: StreamMark, line: int, column: int) -> StreamMark:
    return StreamMark(mark.name, mark.index, line, column)


def _tab_indent(mark: StreamMark | None, lines: list[str]) -> Found | None:
    """A tab in the indentation of the line of the error: YAML indents with spaces only."""
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = line[: len(line) - len(line.lstrip(" \t-"))]
    if "\t" not in indent:
        return None
    return (
        "Deze regel springt in met een tab. YAML telt alleen spaties.",
        "Vervang de tab door spaties, zodat het veld precies onder de velden van dezelfde groep "
        "staat. Stel je editor in om met spaties in te springen.",
        _at(mark, mark.line, indent.index("\t")),
    )


def _missing_space(mark: StreamMark | None, lines: list[str]) -> Found | None:
    """'naam:X' on the line of the error or one of the two above it."""
    if mark is None:
        return None
    for number in range(min(mark.line, len(lines) - 1), max(mark.line - 3, -1), -1):
        match = _NO_SPACE.match(lines[number])
        if match is None or lines[number].lstrip().startswith("#"):
            continue
        key = match.group(2)
        rest = lines[number][match.end() :].strip()
        return (
            f"Na de dubbele punt van '{key}' ontbreekt een spatie.",
            f"Schrijf '{key}: {rest}', met een spatie na de dubbele punt.",
            _at(mark, number, match.end()),
        )
    return None


def _unclosed_flow(exc: MarkedYAMLError, problem: str) -> Found | None:
    """A list in [ ] (or a group in { }) that is not closed: point at where it opens."""
    start, end = exc.context_mark, exc.problem_mark
    if start is None or end is None or end.line <= start.line:
        return None
    for close, what in (("]", "Een lijst tussen [ en ]"), ("}", "Een groep tussen { en }")):
        if f"expected ',' or '{close}'" in problem:
            return (
                f"{what} wordt niet gesloten: de {close} ontbreekt.",
                f"Zet aan het eind van de lijst een {close}, op dezelfde regel, bijvoorbeeld "
                + ("[school, thuis]." if close == "]" else "{waarde: 55, datum: 2023-06-30}."),
                start,
            )
    return None


def _after_value(mark: StreamMark | None, lines: list[str]) -> Found | None:
    """Text after a closing quote or after a list in [ ]: the quote or bracket ended the value."""
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    before = line[: mark.column].rstrip()
    _, colon, value = line.partition(": ")
    value = value.lstrip()
    if not colon or not value or not before:
        return None
    quote = value[0]
    if quote in "\"'" and before.endswith(quote) and len(before) > line.index(value):
        inner = value[1:-1] if len(value) > 1 and value.endswith(quote) else value[1:]
        other, name = ("'", "enkele") if quote == '"' else ('"', "dubbele")
        return (
            "Een aanhalingsteken sluit de tekst te vroeg af: daarna staat er nog tekst.",
            "Staan er aanhalingstekens in de tekst zelf? Zet de hele tekst dan tussen "
            f"{name} aanhalingstekens: {other}{inner}{other}. Of laat de aanhalingstekens om "
            "de hele tekst weg.",
            mark,
        )
    pairs = {"[": "]", "{": "}"}
    if quote in pairs and before.endswith(pairs[quote]):
        return (
            f"Een waarde die met {quote} begint, leest YAML als een lijst of groep; daarna mag "
            "er geen tekst meer staan.",
            f'Is het een tekst? Zet de hele tekst dan tussen aanhalingstekens: "{value}".',
            _at(mark, mark.line, line.index(value)),
        )
    return None


def _cannot_start(mark: StreamMark | None, lines: list[str], problem: str) -> Found | None:
    """A value starting with a character YAML keeps for itself (` or @): name the character."""
    if mark is None or mark.line >= len(lines) or "cannot start any token" not in problem:
        return None
    line = lines[mark.line]
    character = line[mark.column : mark.column + 1]
    if character not in ("`", "@"):
        return None
    value = line[mark.column :].strip()
    quoted = f"'{value}'" if '"' in value else f'"{value}"'
    return (
        f"Een waarde mag in YAML niet met {character} beginnen.",
        f"Zet de hele tekst tussen aanhalingstekens: {quoted}.",
        mark,
    )


def _dash_for_field(mark: StreamMark | None, lines: list[str], problem: str) -> Found | None:
    """A list item ('- ...') where the parser expects a field."""
    if mark is None or mark.line >= len(lines) or "found '-'" not in problem:
        return None
    return (
        "Hier staat een streepje (-) waar een veld verwacht wordt.",
        "Hoort dit bij een lijst? Zet het dan onder het veld van die lijst, verder ingesprongen. "
        "Anders: haal het streepje weg.",
        mark,
    )


def _best_mark(exc: MarkedYAMLError, text: str) -> StreamMark | None:
    """The problem mark, unless it lies at the end of the file: then where the trouble began."""
    mark: StreamMark | None = exc.problem_mark or exc.context_mark
    context: StreamMark | None = exc.context_mark
    at_end = mark is not None and text and mark.index >= len(text.rstrip())
    return context if at_end and context is not None else mark
