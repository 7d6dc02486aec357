"""Hostile inputs made from seeds by a random.Random: the fuzz tests drive it from hypothesis
(`st.randoms()`, so failures replay), the long run from a numbered seed. Each maker returns the
file's suffix and bytes."""

from __future__ import annotations

import io
import random
import zipfile

from fuzz import seeds

# Every way a report might write a digit, a sign, a percent, an exponent or a separator.
DIGITS = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
          "⁰¹²³⁴⁵⁶⁷⁸⁹", "₀₁₂₃₄₅₆₇₈₉", "〇一二三四五六七八九", "①②③④⑤⑥⑦⑧⑨"]
MINUS = ["-", "−", "－", "‐", "‑", "‒", "–", "—", "―", "﹣", "⁻", "₋", "➖", "(", "（", "+", "＋", "±", "--"]
PERCENT = ["%", "％", "﹪", "٪", "‰", "‱", "%%", "百分之", " %", "pct"]
SEPARATORS = [",", "，", ".", "．", "。", "・", "'", "’", "_", " ", "\u2009", "\u202f", "\u00a0", "\u066b", "\u066c",
              "、", ":", "/"]
EXPONENTS = ["e", "E", "e+", "E-", "e-", "×10^", "x10", "×10⁻", "^"]
UNITS = ["万元", "元", "亿元", "千元", "%", "个", "人", "辆", "", "万", "年", "项"]
WORDS = ["收入总计", "支出总计", "本年收入合计", "财政拨款收入", "基本支出", "项目支出", "比上年增加", "比上年减少",
         "增长", "下降", "占", "其中：", "主要用于", "完成年初预算的", "年末结转和结余", "一般公共预算财政拨款支出"]
SPECIAL = ["∞", "-∞", "NaN", "nan", "Infinity", "sNaN", "1e309", "1E-400", "9" * 400, "0." + "0" * 400 + "1",
           "−0%", "-0.00", "1_000", "1.2.3.4", "0x1F", "¹²³", "½", "Ⅻ", "\ufeff", "\u200b", "\u202e"]


def number(rng: random.Random) -> str:
    """A number as some document might write it, plausible or absurd."""
    if rng.random() < 0.15:
        return rng.choice(SPECIAL)
    digits = rng.choice(DIGITS) if rng.random() < 0.4 else DIGITS[0]
    def run(n: int) -> str:
        return "".join(rng.choice(digits) for _ in range(n))
    out = rng.choice(MINUS) if rng.random() < 0.2 else ""
    groups = [run(rng.randint(1, 4))] + [run(3) for _ in range(rng.randint(0, 3))]
    out += rng.choice(SEPARATORS).join(groups) if rng.random() < 0.3 else "".join(groups)
    if rng.random() < 0.6:
        out += rng.choice([".", "．", "。", "·"]) + run(rng.randint(1, 6))
    if rng.random() < 0.1:
        out += rng.choice(EXPONENTS) + run(rng.randint(1, 4))
    if rng.random() < 0.3:
        out += rng.choice(PERCENT)
    return out


def unicode_numbers(rng: random.Random) -> tuple[str, bytes]:
    """Report-like sentences around numbers written every which way."""
    lines = []
    for _ in range(rng.randint(1, 25)):
        parts = [rng.choice(WORDS) + number(rng) + rng.choice(UNITS) for _ in range(rng.randint(1, 5))]
        lines.append("，".join(parts) + rng.choice(["。", "；", "", "\n"]))
    return ".txt", "\n".join(lines).encode("utf-8")


def random_bytes(rng: random.Random) -> tuple[str, bytes]:
    suffix = rng.choice([*seeds.SEEDS, ".md", ".yml", ".xlsm", ""])
    magic = rng.choice([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"{", b"---\n"])
    return suffix, magic + rng.randbytes(rng.randint(0, 4096))


def truncated(rng: random.Random) -> tuple[str, bytes]:
    suffix, data = _seed(rng)
    return suffix, data[: rng.randint(0, len(data))]


def bit_flipped(rng: random.Random) -> tuple[str, bytes]:
    suffix, data = _seed(rng)
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return suffix, bytes(out)


def rezipped(rng: random.Random) -> tuple[str, bytes]:
    """A .docx or .xlsx unzipped and zipped again with a member dropped, cut, corrupted or added."""
    suffix = rng.choice([".docx", ".xlsx"])
    src = zipfile.ZipFile(io.BytesIO(seeds.SEEDS[suffix]()))
    names = src.namelist()
    victim = rng.choice(names)
    action = rng.choice(["drop", "cut", "flip", "empty", "add", "stored"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if action == "stored" else zipfile.ZIP_DEFLATED) as out:
        for name in names:
            body = src.read(name)
            if name == victim:
                if action == "drop":
                    continue
                if action == "cut":
                    body = body[: rng.randint(0, len(body))]
                elif action == "flip" and body:
                    i = rng.randrange(len(body))
                    body = body[:i] + bytes([body[i] ^ 0xFF]) + body[i + 1:]
                elif action == "empty":
                    body = b""
            out.writestr(name, body)
        if action == "add":
            out.writestr("xl/../../evil.xml", rng.randbytes(64))
    return suffix, buf.getvalue()


def edited(rng: random.Random) -> tuple[str, bytes]:
    """The text sample or a figures file with random edits: slices cut, repeated, swapped, numbers
    rewritten."""
    suffix = rng.choice([".txt", ".txt", ".csv", ".json", ".yaml"])
    text = seeds.SEEDS[suffix]().decode("utf-8")
    for _ in range(rng.randint(1, 20)):
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        op = rng.choice(["cut", "repeat", "number", "char", "swap"])
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "number":
            text = text[:i] + number(rng) + text[i:]
        elif op == "char":
            text = text[:i] + chr(rng.randint(0, 0x2FFFF)) + text[i:]
        else:
            k = rng.randrange(len(text) + 1)
            text = text[:i] + text[j:k] + text[i:j] + text[k:] if k >= j else text
    return suffix, text.encode("utf-8", errors="surrogatepass")


def _seed(rng: random.Random) -> tuple[str, bytes]:
    suffix = rng.choice(list(seeds.SEEDS))
    return suffix, seeds.SEEDS[suffix]()


MAKERS = {"random_bytes": random_bytes, "truncated": truncated, "bit_flipped": bit_flipped, "rezipped": rezipped,
          "unicode_numbers": unicode_numbers, "edited": edited}
