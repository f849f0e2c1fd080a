"""The only module that knows about line numbers: key path → 1-based line and column."""

from dataclasses import dataclass, field

from samenplan.diagnostics import KeyPath, Location


@dataclass
class PositionIndex:
    """Positions of every key and value of one YAML file, by key path (0-based inside)."""

    file: str
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def add(self, path: KeyPath, value: tuple[int, int], key: tuple[int, int] | None = None) -> None:
        """Record where a value (and, for a mapping entry, its key) starts."""
        self.values[path] = value
        if key is not None:
            self.keys[path] = key

    def locate(self, path: KeyPath, *, at_key: bool = False) -> Location:
        """Position of ``path``; falls back to the nearest parent that exists in the file.

        ``at_key`` points at the key of a mapping entry (``trekker:``) instead of its value.
        """
        probe = path
        while True:
            pos = (self.keys.get(probe) if at_key else None) or self.values.get(probe)
            if pos is None and probe in self.keys:
                pos = self.keys[probe]
            if pos is not None:
                return Location(self.file, pos[0] + 1, pos[1] + 1)
            if not probe:
                return Location(self.file, 1, 1)
            probe = probe[:-1]
            at_key = True  # a missing child is best shown at its parent's key

    def has(self, path: KeyPath) -> bool:
        """Whether the file itself holds this path."""
        return path in self.values
