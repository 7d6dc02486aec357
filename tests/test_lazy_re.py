"""`lazy` patterns: not compiled until used, then the same answers as `re.compile`."""

from __future__ import annotations

import re

from audit.lazy_re import LazyPattern, lazy


def test_compiled_on_first_use_only() -> None:
    p = lazy(r"(20\d{2})\s*年度")
    assert isinstance(p, LazyPattern)
    assert p._compiled is None
    assert p.search("2024 年度决算").group(1) == "2024"
    assert p._compiled is not None


def test_same_answers_as_the_compiled_pattern() -> None:
    source, text = r"增加|增长|上升", "支出增加10万元，收入增长5%，其他上升"
    eager, late = re.compile(source), lazy(source)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.sub("", text) == eager.sub("", text)
    assert late.pattern == source
    assert lazy("abc", re.I).match("ABC")
