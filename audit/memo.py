"""Results derived from a Document, computed once per document object.

Several families read the same outline, streams or performance tables of a document. Keeping
them in attributes set on the Document made copies of a document (copy.deepcopy, as tests that
change one figure do) carry stale results; here they are keyed by the very object, held weakly,
so a copy or a new read is analysed afresh and nothing outlives its document. A Document is
not modified after it is read.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
_MEMO: dict[tuple[int, str], tuple[weakref.ref, Any]] = {}


def memo(doc: object, key: str, compute: Callable[[], T]) -> T:
    slot = (id(doc), key)
    entry = _MEMO.get(slot)
    if entry is not None and entry[0]() is doc:
        return entry[1]  # type: ignore[no-any-return]
    value = compute()
    _MEMO[slot] = (weakref.ref(doc, lambda _ref, s=slot: _MEMO.pop(s, None)), value)
    return value
