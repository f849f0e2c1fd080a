"""The one error a document can fail with: its message says why, in Dutch."""


class RenderError(Exception):
    """The report cannot be made; the message says why, in Dutch."""


class SetupError(RenderError):
    """Not the plan but the set-up: a missing extra or system library, or an unusable template."""
