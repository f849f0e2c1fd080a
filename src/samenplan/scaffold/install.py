"""Where CI jobs and the pre-commit hook install samenplan from: one source, always pinned.

The source is a pip requirement plus, for a mirror, the index it comes from:

- nothing given: ``samenplan==<this version>`` from the public package index;
- ``samenplan==1.2.3``: that exact version from the index (or from PIP_INDEX_URL);
- an index or mirror address (``https://pypi.gemeente.nl/simple``): this version from there;
- a Git address with a tag or commit (``git+https://…/samenplan@v0.1.0``);
- a wheel file: an address or a path ending in ``.whl`` (a path is written as a file:// URL).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from samenplan import __version__

PACKAGE = "samenplan"
_EXACT = re.compile(r"^samenplan\s*==\s*([0-9][0-9A-Za-z.+!-]*)$", re.IGNORECASE)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class SourceError(Exception):
    """A source that is not pinned to one version, or not understood; the message is Dutch."""


@dataclass(frozen=True)
class InstallSource:
    """What `pip install` gets: ``requirement``, from ``index_url`` when that is set."""

    requirement: str
    index_url: str | None = None

    def pip_arguments(self) -> list[str]:
        """The arguments after ``pip install``."""
        index = ["--index-url", self.index_url] if self.index_url else []
        return [*index, self.requirement]


def default_source() -> InstallSource:
    """This version of samenplan from the public package index."""
    return InstallSource(f"{PACKAGE}=={__version__}")


def parse_source(text: str | None) -> InstallSource:
    """The install source the user gave with ``--bron``; raises SourceError when not pinned."""
    if text is None or not text.strip():
        return default_source()
    value = text.strip()
    exact = _EXACT.match(value)
    if exact:
        return InstallSource(f"{PACKAGE}=={exact.group(1)}")
    if value.lower().startswith("git+"):
        return InstallSource(f"{PACKAGE} @ {_pinned_git(value)}")
    if value.split("#", 1)[0].lower().endswith(".whl"):
        return InstallSource(f"{PACKAGE} @ {_wheel_url(value)}")
    if value.lower().startswith(PACKAGE) and not _URL.match(value):
        raise SourceError(
            f"De bron '{value}' heeft geen vaste versie. Schrijf {PACKAGE}=={__version__} "
            "(met ==), zodat elke controle dezelfde samenplan gebruikt."
        )
    if _URL.match(value) and value.lower().startswith(("https://", "http://", "file://")):
        return InstallSource(f"{PACKAGE}=={__version__}", index_url=value)
    raise SourceError(
        f"De bron '{value}' begrijpt samenplan niet. Geef {PACKAGE}=={__version__}, het adres van "
        "een pakketindex (https://…/simple), een Git-adres met tag (git+https://…/samenplan@v"
        f"{__version__}) of een wheel-bestand (…/samenplan-{__version__}-py3-none-any.whl)."
    )


def _pinned_git(url: str) -> str:
    # The ref comes after the last '@' that follows the repository path (not the user@ part).
    path = url.split("://", 1)[-1]
    _, at, ref = path.rpartition("@")
    if not at or "/" in ref or not ref.strip():
        raise SourceError(
            f"Het Git-adres '{url}' heeft geen vaste versie. Zet er een tag of commit achter, "
            f"bijvoorbeeld {url.split('#', 1)[0]}@v{__version__}."
        )
    return url


def _wheel_url(value: str) -> str:
    name = value.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if not name.lower().startswith(f"{PACKAGE}-"):
        raise SourceError(f"'{name}' is geen wheel van samenplan: de naam begint niet met '{PACKAGE}-'.")
    if _URL.match(value):
        return value
    path = Path(value).expanduser().resolve()
    if not path.is_file():
        raise SourceError(f"Het wheel-bestand '{value}' bestaat niet.")
    return path.as_uri()
