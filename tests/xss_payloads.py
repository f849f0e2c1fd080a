"""A hostile plan: script and template injection payloads in every free-text field.

The free-text fields are found from the pydantic models, not listed by hand: every field typed
``str`` (or a list of them) without a pattern. Ids, references, dates, amounts and vocabulary
values keep their valid values, so the plan still loads and every chapter is rendered.
"""

import json
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from samenplan.load.source import read_source
from samenplan.plan.models.manifest import Controle
from samenplan.plan.steps import DOCUMENTS

#: Each payload is one line without leading or trailing spaces: the report collapses
#: whitespace and splits text into paragraphs and lists, but must keep every character.
PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "[klik](javascript:alert(1))",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "{{ 7*7 }}",
    "{% raw %}",
    "${7*7}",
    "<iframe src=javascript:alert(1)>",
    "</style><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "![x](javascript:alert(1))",
    "<details open ontoggle=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '"]) ; click A call alert(1)',
    "veilig\u202etxt.exe\u200b\u200c\u200d\ufeffonzichtbaar",
    "<!-- </p><script>alert(1)</script> -->",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=javascript:alert(1)//>",
    "<object data=javascript:alert(1)></object>",
    "<style>@import 'http://example.invalid/x.css';</style>",
    "<link rel=stylesheet href=http://example.invalid/x.css>",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{#",
    "`<script>alert(1)</script>`",
    '<https://example.invalid/"onmouseover="alert(1)>',
    "[x]: javascript:alert(1)",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\<script\\>alert(1)\\</script\\>",
    "<scr<script>ipt>alert(1)</script>",
    "aa" + "lang" * 600 + "<script>alert(1)</script>",
)


def free_text_fields(model: type[BaseModel]) -> dict[str, Any]:
    """The free-text fields of ``model``: name → 'text', ('list', kind) or a nested model."""
    if model is Controle:  # settings for `check` (rule codes), not plan text
        return {}
    found = {}
    for name, info in model.model_fields.items():
        kind = _kind(info.annotation, info.metadata)
        if kind is not None:
            found[name] = kind
    return found


def _kind(annotation: Any, metadata: list[Any]) -> Any:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:  # Field(...) inside Annotated keeps its pattern in .metadata
        inner = [m for a in args[1:] for m in (a.metadata if isinstance(a, FieldInfo) else [a])]
        return _kind(args[0], [*metadata, *inner])
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a, metadata) for a in args if a is not type(None)]
        return kinds[0] if len(kinds) == 1 else None
    if origin is list:
        inner = _kind(args[0], [])
        return ("list", inner) if inner is not None else None
    if annotation is str:
        return None if any(getattr(m, "pattern", None) for m in metadata) else "text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


class Planter:
    """Puts the payloads, in turn, into every free-text value of plan data."""

    def __init__(self, payloads: tuple[str, ...] = PAYLOADS) -> None:
        self.payloads = payloads
        self.planted: list[tuple[str, str]] = []  # (where, payload)

    def fill(self, data: Any, kind: Any, where: str) -> Any:
        """``data`` with every free-text value of ``kind`` replaced by the next payload."""
        if kind == "text":
            return self._next(where) if isinstance(data, str) else data
        if isinstance(kind, tuple) and isinstance(data, list):
            return [self.fill(item, kind[1], f"{where}[{i}]") for i, item in enumerate(data)]
        if isinstance(kind, type) and isinstance(data, dict):
            fields = free_text_fields(kind)
            # A text field the example leaves out (a link, an artikel) gets a payload too.
            missing = {key: "" for key, k in fields.items() if k == "text" and key not in data}
            return {
                key: self.fill(value, fields[key], f"{where}.{key}") if key in fields else value
                for key, value in {**data, **missing}.items()
            }
        return data

    def _next(self, where: str) -> str:
        payload = self.payloads[len(self.planted) % len(self.payloads)]
        self.planted.append((where, payload))
        return payload


def hostile_plan(source: Path, target: Path, planter: Planter | None = None) -> Planter:
    """Copy the plan ``source`` to ``target`` with a payload in every free-text field."""
    target.mkdir(parents=True, exist_ok=True)
    planter = planter or Planter()
    for document in DOCUMENTS:
        data = read_source(source / document.file, document.file).data
        hostile = planter.fill(data, document.model, document.file)
        # JSON is YAML: the payloads need no YAML quoting rules of their own.
        (target / document.file).write_text(
            json.dumps(hostile, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
    return planter
