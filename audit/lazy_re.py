"""Regular expressions compiled on their first use.

Every run of the command starts a new interpreter, and compiling a pattern with Chinese
alternatives takes 0.3–2 ms there (the compiled form is not kept in the .pyc). A module-level
pattern that only some documents need — budget wording, a heading with a year, a table title —
is declared with `lazy` so that documents which never reach it do not pay for it.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`: attribute access (search, match, finditer, sub,
    pattern, …) compiles it once and goes to the compiled pattern."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """Typed as the pattern it stands for, so callers read like ordinary `re.compile` users."""
    return LazyPattern(source, flags)  # type: ignore[return-value]
