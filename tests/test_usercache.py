"""What samenplan keeps in the user's cache only ever saves time (files/usercache.py).

A kept result is loaded at the next start; one that is missing, damaged, of the wrong kind,
or in a folder or file that others may write in is made again, as without a cache.
"""

from pathlib import Path

import pytest

from samenplan.files import usercache
from samenplan.files.usercache import NO_CACHE_VARIABLE, remembered
from samenplan.plan import catalog


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    return tmp_path / "samenplan" / "proef"


class Maker:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_second_start_loads_what_the_first_made(cache: Path) -> None:
    make = Maker({"a": [1, 2]})
    assert remembered("proef", b"bron", make, dict) == {"a": [1, 2]}
    [file] = cache.iterdir()
    assert file.stat().st_mode & 0o077 == 0
    assert remembered("proef", b"bron", make, dict) == {"a": [1, 2]}
    assert make.calls == 1


def test_a_changed_source_is_made_again_and_the_old_file_goes(cache: Path) -> None:
    remembered("proef", b"bron", Maker({"a": 1}), dict)
    make = Maker({"a": 2})
    assert remembered("proef", b"bron 2", make, dict) == {"a": 2}
    assert make.calls == 1
    assert len(list(cache.iterdir())) == 1


@pytest.mark.parametrize(
    "damage", [b"", b"rommel", b"\x80\x05K\x01."], ids=["empty", "garbage", "not a dict"]
)
def test_a_damaged_file_is_made_again(damage: bytes, cache: Path) -> None:
    remembered("proef", b"bron", Maker({"a": 1}), dict)
    [file] = cache.iterdir()
    file.write_bytes(damage)
    make = Maker({"a": 1})
    assert remembered("proef", b"bron", make, dict) == {"a": 1}
    assert make.calls == 1
    assert remembered("proef", b"bron", make, dict) == {"a": 1}
    assert make.calls == 1  # and written again


def test_a_file_others_may_write_is_not_loaded_but_made_again(cache: Path) -> None:
    remembered("proef", b"bron", Maker({"a": 1}), dict)
    [file] = cache.iterdir()
    file.chmod(0o666)
    make = Maker({"a": 1})
    remembered("proef", b"bron", make, dict)
    assert make.calls == 1
    assert file.stat().st_mode & 0o077 == 0  # written again, the user's own


def test_a_folder_others_may_write_in_is_never_read_or_written(cache: Path) -> None:
    remembered("proef", b"bron", Maker({"a": 1}), dict)
    cache.chmod(0o777)
    [file] = cache.iterdir()
    file.unlink()
    make = Maker({"a": 1})
    remembered("proef", b"bron", make, dict)
    remembered("proef", b"bron", make, dict)
    assert make.calls == 2 and not list(cache.iterdir())


def test_without_a_cache_nothing_is_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    make = Maker({"a": 1})
    remembered("proef", b"bron", make, dict)
    remembered("proef", b"bron", make, dict)
    assert make.calls == 2 and not cache.exists()


def test_the_checksum_tells_sources_apart() -> None:
    assert usercache.checksum(b"ab", b"c") == usercache.checksum(b"abc")
    assert usercache.checksum(b"abc") != usercache.checksum(b"abd")


def test_the_catalog_from_the_cache_is_the_catalog(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    catalog.load_catalog.cache_clear()
    without = catalog.load_catalog()
    monkeypatch.delenv(NO_CACHE_VARIABLE)
    parsed: list[str] = []
    real = catalog._parse_yaml
    monkeypatch.setattr(catalog, "_parse_yaml", lambda text: parsed.append(text) or real(text))
    for _ in range(2):
        catalog.load_catalog.cache_clear()
        assert catalog.load_catalog() == without
    assert len(parsed) == 1  # the second start loaded it
    catalog.load_catalog.cache_clear()


def test_a_home_folder_that_does_not_exist_is_never_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "nonexistent"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    make = Maker({"a": 1})
    assert remembered("proef", b"bron", make, dict) == {"a": 1}
    assert not home.exists()
