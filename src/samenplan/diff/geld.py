"""Money before and after: every sum comes from plan/money.py, the diff only subtracts."""

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TypeVar

from samenplan.diff.model import Amount, Move
from samenplan.diff.values import Names
from samenplan.plan.lookup import bestedingsdoel_name
from samenplan.plan.money import Geld, Som, StroomGeld, geld, som

K = TypeVar("K")


def compare_money(old: Names, new: Names) -> tuple[tuple[Amount, ...], tuple[Move, ...]]:
    """Amounts that differ, plan first; and the money that moved between interventies."""
    g_old, g_new = geld(old.plan), geld(new.plan)
    amounts = [
        *_stromen(g_old, g_new, old, new),
        *_interventies(g_old, g_new, old, new),
    ]
    plan = _plan(g_old, g_new, force=bool(amounts))
    return (*plan, *amounts), _moves(g_old, g_new, old, new)


def _pair(
    kind: str,
    key: str,
    name: str,
    within: str,
    measures: Iterable[tuple[str, Som | None, Som | None]],
    verdeling: str = "",
) -> list[Amount]:
    """The measures that differ; nothing and € 0 count as the same."""
    return [
        Amount(kind, key, name, m, b, a, within, verdeling)
        for m, b, a in measures
        if (b or Som()) != (a or Som())
    ]


def _plan(g_old: Geld, g_new: Geld, *, force: bool) -> list[Amount]:
    """The plan totals that differ; what is not allocated whenever any money changed."""
    found = _pair(
        "plan",
        "plan",
        "",
        "",
        (("beschikbaar", g_old.bedrag, g_new.bedrag), ("toegewezen", g_old.toegewezen, g_new.toegewezen)),
    )
    over = Amount("plan", "plan", "", "niet_toegewezen", g_old.over, g_new.over)
    return [*found, over] if force or found or over.before != over.after else found


def _by_id(g: Geld) -> dict[str, StroomGeld]:
    return {s.geldstroom.id: s for s in g.stromen}


def _stromen(g_old: Geld, g_new: Geld, old: Names, new: Names) -> list[Amount]:
    before, after = _by_id(g_old), _by_id(g_new)
    found: list[Amount] = []
    for key in _keys(before, after):
        b, a = before.get(key), after.get(key)
        name = _name("geldstroom", key, new, old)
        found += _pair(
            "geldstroom",
            key,
            name,
            "",
            (
                ("beschikbaar", _get(b, lambda s: s.bedrag), _get(a, lambda s: s.bedrag)),
                ("toegewezen", _get(b, lambda s: s.toegewezen), _get(a, lambda s: s.toegewezen)),
                ("niet_toegewezen", _get(b, lambda s: s.over), _get(a, lambda s: s.over)),
            ),
        )
        found += _doelen(key, name, b, a, old, new)
        found += _posten(name, b, a)
        found += _verdeelposten(key, name, b, a)
    return found


def _get(s: StroomGeld | None, what: Callable[[StroomGeld], Som]) -> Som | None:
    return what(s) if s is not None else None


def _keys(before: Mapping[K, object], after: Mapping[K, object]) -> list[K]:
    """Keys in the new order, then those only in the old one."""
    return [*after, *(k for k in before if k not in after)]


def _doelen(
    key: str, name: str, b: StroomGeld | None, a: StroomGeld | None, old: Names, new: Names
) -> list[Amount]:
    per_b = dict(b.per_doel) if b else {}
    per_a = dict(a.per_doel) if a else {}
    found: list[Amount] = []
    for doel in _keys(per_b, per_a):
        side, stroom = (new, a) if doel in per_a else (old, b)
        assert stroom is not None
        doel_name = bestedingsdoel_name(side.plan, stroom.geldstroom.regeling, doel)
        found += _pair(
            "bestedingsdoel",
            f"{key}/{doel or ''}",
            doel_name,
            name,
            (("toegewezen", per_b.get(doel), per_a.get(doel)),),
        )
    return found


def _posten(name: str, b: StroomGeld | None, a: StroomGeld | None) -> list[Amount]:
    before = {p.post.id: p for p in (b.posten if b else ())}
    after = {p.post.id: p for p in (a.posten if a else ())}
    found: list[Amount] = []
    for key in _keys(before, after):
        pb, pa = before.get(key), after.get(key)
        naam = (pa or pb).post.naam  # type: ignore[union-attr]
        found += _pair(
            "post",
            key,
            naam,
            name,
            (
                ("in_post", pb.bedrag if pb else None, pa.bedrag if pa else None),
                ("opgenomen", pb.opgenomen if pb else None, pa.opgenomen if pa else None),
            ),
        )
    return found


def _verdeling(s: StroomGeld | None) -> dict[tuple[str, str], Som]:
    """(verdeling, post naam) → bedrag; the first of a repeated naam counts."""
    found: dict[tuple[str, str], Som] = {}
    for v in s.geldstroom.verdelingen if s else ():
        for p in v.posten:
            found.setdefault((v.naam, p.naam), Som.van(p.bedrag))
    return found


def _verdeelposten(key: str, name: str, b: StroomGeld | None, a: StroomGeld | None) -> list[Amount]:
    """The posts of the verdelingen: views on the money, compared as they are written."""
    before, after = _verdeling(b), _verdeling(a)
    found: list[Amount] = []
    for verdeling, post in _keys(before, after):
        found += _pair(
            "verdeelpost",
            f"{key}/{verdeling}/{post}",
            post,
            name,
            (("bedrag", before.get((verdeling, post)), after.get((verdeling, post))),),
            verdeling,
        )
    return found


def _interventies(g_old: Geld, g_new: Geld, old: Names, new: Names) -> list[Amount]:
    before = {i.interventie.id: i.totaal for i in g_old.interventies}
    after = {i.interventie.id: i.totaal for i in g_new.interventies}
    found: list[Amount] = []
    for key in _keys(before, after):
        name = _name("interventie", key, new, old)
        found += _pair("interventie", key, name, "", (("toegewezen", before.get(key), after.get(key)),))
    return found


def _per_stroom(g: Geld) -> dict[str, dict[str, Decimal]]:
    """Geldstroom id → interventie id → what the interventie gets from it, when exactly known."""
    found: dict[str, dict[str, Decimal]] = {}
    for iv in g.interventies:
        for gs in dict.fromkeys(p.geldstroom for p in iv.bijdragen):
            amount = som(p.bedrag for p in iv.bijdragen if p.geldstroom == gs)
            if amount.exact and amount.waarde is not None:
                found.setdefault(gs, {})[iv.interventie.id] = amount.waarde
    return found


def _moves(g_old: Geld, g_new: Geld, old: Names, new: Names) -> tuple[Move, ...]:
    before, after = _per_stroom(g_old), _per_stroom(g_new)
    moves: list[Move] = []
    for gs in _keys(before, after):
        b, a = before.get(gs, {}), after.get(gs, {})
        less = [(k, b[k] - a.get(k, Decimal(0))) for k in b if b[k] > a.get(k, Decimal(0))]
        more = [(k, a[k] - b.get(k, Decimal(0))) for k in a if a[k] > b.get(k, Decimal(0))]
        gs_name = _name("geldstroom", gs, new, old)
        moves += [
            Move(
                gs,
                gs_name,
                van,
                _name("interventie", van, old, new),
                naar,
                _name("interventie", naar, new, old),
                n,
            )
            for van, naar, n in _match(less, more)
        ]
    return tuple(moves)


def _match(
    less: list[tuple[str, Decimal]], more: list[tuple[str, Decimal]]
) -> list[tuple[str, str, Decimal]]:
    """Pair what some lost with what others gained, in order: (from, to, amount)."""
    left, right = [n for _, n in less], [n for _, n in more]
    pairs: list[tuple[str, str, Decimal]] = []
    i = j = 0
    while i < len(less) and j < len(more):
        amount = min(left[i], right[j])
        pairs.append((less[i][0], more[j][0], amount))
        left[i] -= amount
        right[j] -= amount
        i += left[i] == 0
        j += right[j] == 0
    return pairs


def _name(kind: str, key: str, first: Names, second: Names) -> str:
    """The name of ``key`` in the first side that defines it."""
    side = first if key in first.lookup.by_kind.get(kind, {}) else second
    return side.lookup.name(kind, key)
