"""How large and how complex one plan file may be, and why (see docs/grenzen.md).

Every limit is set from the largest realistic plan, a city-wide plan with 2,000 interventies
and 600 resultaten (``python bench/generate.py PLANMAP 200 60``), with room to spare; and low
enough that a hostile file is refused before it costs much time or memory. The largest file
of that plan is 05-aanpak.yaml: 3.4 MB, 194,000 YAML values.
"""

#: Bytes of one file. 2,000 interventies with full descriptions take 3.4 MB.
MAX_BYTES = 10_000_000
#: YAML values (parser events) in one file before aliases are filled in; this bounds the
#: memory of the parser's node tree. 2,000 interventies have 194,000.
MAX_VALUES = 300_000
#: Values after aliases (``*anker``) and merge keys (``<<:``) are filled in: the "billion
#: laughs" guard. A plan without aliases has at most MAX_VALUES; the rest is room for aliases.
MAX_NODES = 400_000
#: Characters of text after aliases are filled in: one long text repeated by aliases would
#: otherwise fill the memory when the document is made. Twice what the largest file holds.
MAX_CHARS = 2 * MAX_BYTES
#: Levels of nesting (indentation, lists, groups); a plan needs about eight.
MAX_DEPTH = 40
