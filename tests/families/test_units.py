"""Unit family (U001): the unit measures the kind of quantity; a share carries its %."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run

CASES = [
    pytest.param("截至2024年12月31日，共有车辆3辆。", [], id="count-pass"),
    pytest.param("截至2024年12月31日，共有车辆3万元。", [("U001", 1)], id="count-in-money"),
    pytest.param("全年安排因公出国（境）团组0次，出国（境）0人。", [], id="trip-counts"),
    pytest.param("国内公务接待4批次，28人次（不包括陪同人员），共计支出0.22万元。", [], id="reception-counts"),
    pytest.param("城乡社区支出(类)100.00 万元，占 50.00;", [("U001", 1)], id="share-without-percent"),
    pytest.param("城乡社区支出（类）100.00 万元，占 50.00%；", [], id="share-with-percent"),
    # “万” without 元 is money (the template writes it so).
    pytest.param("国内公务接待支出0.50万（含外宾接待支出0.10万元）。", [], id="wan-without-yuan"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_units(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"U001"}) == expected
