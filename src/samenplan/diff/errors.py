"""The one error type of the diff core: a usage error (exit 2) whose text is Dutch."""


class DiffError(Exception):
    """A version cannot be read: unknown revision, no plan there, no Git, a newer format."""
