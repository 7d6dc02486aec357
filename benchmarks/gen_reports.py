"""Generate a folder of synthetic final-accounts reports for the batch benchmark and tests.

Each report is a short narrative in the standard sentences of the 部门决算 template
(/work/shared/data/narrative-patterns.csv: NP01 totals with the year-on-year change, NP02/NP03
income and expenditure with shares, NP05 general-budget spending, NP10 三公 against budget). The
figures are consistent; every `error_every`-th report states a wrong change so that findings
appear. A few broken files are added the way they arrive at a bureau: empty, a truncated PDF,
binary garbage named .txt, and a GBK-encoded text (which is valid and must be read).

    python benchmarks/gen_reports.py OUT_DIR --text 800 --pdf 200
"""

from __future__ import annotations

import argparse
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DEPARTMENTS = ["财政局", "教育局", "卫生健康委员会", "民政局", "交通运输局", "农业农村局", "人力资源和社会保障局",
               "生态环境局", "住房和城乡建设局", "文化和旅游局", "市场监督管理局", "应急管理局", "统计局", "审计局"]
PLACES = ["某某市", "某某县", "某某区", "甲市", "乙县", "丙区"]
CENT = Decimal("0.01")


def _money(x: Decimal) -> str:
    return str(x.quantize(CENT, ROUND_HALF_UP))


def _pct(part: Decimal, whole: Decimal) -> str:
    return str((part * 100 / whole).quantize(CENT, ROUND_HALF_UP))


def report_lines(n: int, year: int = 2024, wrong: bool = False) -> list[str]:
    """The lines of one report; `wrong` states a change that does not match the two totals."""
    rnd = random.Random(n)
    name = f"{PLACES[n % len(PLACES)]}{DEPARTMENTS[n % len(DEPARTMENTS)]}"
    total = Decimal(rnd.randint(20000, 900000)) / 100
    prior = (total * Decimal(rnd.randint(80, 120)) / 100).quantize(CENT)
    change = total - prior
    stated = change + Decimal("3.00") if wrong else change
    word, rate_word = ("增加", "增长") if stated >= 0 else ("减少", "下降")
    basic = (total * Decimal(rnd.randint(50, 90)) / 100).quantize(CENT)
    project = total - basic
    grant = (total * Decimal(rnd.randint(60, 100)) / 100).quantize(CENT)
    other = total - grant
    budget3 = Decimal(rnd.randint(100, 2000)) / 100
    actual3 = (budget3 * Decimal(rnd.randint(50, 100)) / 100).quantize(CENT)
    return [
        f"{name}",
        f"{year}年度部门决算",
        "第三部分 部门决算情况说明",
        "一、收入支出决算总体情况说明",
        f"{name}{year}年度收入、支出总计{_money(total)}万元。与{year - 1}年度相比，收入、支出总计各{word}"
        f"{_money(abs(stated))}万元，{rate_word}{_pct(abs(stated), prior)}%。主要原因是人员变动。",
        "二、收入决算情况说明",
        f"本年收入合计{_money(total)}万元，其中：财政拨款收入{_money(grant)}万元，占{_pct(grant, total)}%；"
        f"其他收入{_money(other)}万元，占{_pct(other, total)}%。",
        "三、支出决算情况说明",
        f"本年支出合计{_money(total)}万元，其中：基本支出{_money(basic)}万元，占{_pct(basic, total)}%；"
        f"项目支出{_money(project)}万元，占{_pct(project, total)}%。",
        "七、财政拨款“三公”经费支出决算情况说明",
        f"“三公”经费财政拨款支出年初预算为{_money(budget3)}万元，支出决算为{_money(actual3)}万元，"
        f"完成预算的{_pct(actual3, budget3)}%。",
    ]


def write_text(path: Path, lines: list[str], encoding: str = "utf-8") -> None:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)


def write_pdf(path: Path, lines: list[str]) -> None:
    """A small PDF with a real text layer, set in MuPDF's built-in simplified-Chinese font."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    y = 60.0
    for line in lines:
        chunks = [line[i:i + 38] for i in range(0, len(line), 38)] or [""]
        for chunk in chunks:
            if y > 800:
                page, y = doc.new_page(), 60.0
            page.insert_text((40, y), chunk, fontname="china-s", fontsize=11)
            y += 16
        y += 6
    doc.save(str(path))
    doc.close()


def write_broken(out: Path, pdf_source: Path | None = None) -> list[Path]:
    """The four ways a file arrives broken (or looks broken but is fine: GBK)."""
    out.mkdir(parents=True, exist_ok=True)
    empty, garbage, gbk = out / "broken-empty.txt", out / "broken-garbage.txt", out / "gbk-encoded.txt"
    empty.write_bytes(b"")
    rnd = random.Random(7)
    garbage.write_bytes(bytes(rnd.randrange(256) for _ in range(4096)))
    write_text(gbk, report_lines(99999, wrong=True), encoding="gbk")
    truncated = out / "broken-truncated.pdf"
    if pdf_source is None:
        pdf_source = out / "_whole.pdf"
        write_pdf(pdf_source, report_lines(12345))
        data = pdf_source.read_bytes()
        pdf_source.unlink()
    else:
        data = pdf_source.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    return [empty, garbage, gbk, truncated]


def generate(out: Path, text: int, pdf: int, error_every: int = 10, broken: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(text):
        p = out / "text" / f"dept-{n:05d}.txt"
        p.parent.mkdir(exist_ok=True)
        write_text(p, report_lines(n, wrong=n % error_every == 0))
        paths.append(p)
    for n in range(pdf):
        p = out / "pdf" / f"dept-{n:05d}.pdf"
        p.parent.mkdir(exist_ok=True)
        write_pdf(p, report_lines(100000 + n, wrong=n % error_every == 0))
        paths.append(p)
    if broken:
        paths += write_broken(out / "broken")
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--text", type=int, default=800)
    ap.add_argument("--pdf", type=int, default=200)
    ap.add_argument("--error-every", type=int, default=10)
    args = ap.parse_args()
    paths = generate(args.out, args.text, args.pdf, args.error_every)
    print(f"wrote {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
