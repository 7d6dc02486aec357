"""A small safe expression language for relations: no eval, only + - * / ( ) and names.

Rule files write relations as `基本支出 + 项目支出 = 本年支出合计`; families build the same
trees in code. The tree is evaluated over intervals, and solved for one variable when the
diagnosis asks which value a figure would need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from audit.intervals import Interval


class ExprError(ValueError):
    """A relation in a rule file that does not parse; the message names the position."""


@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Neg:
    operand: Expr


Expr = Num | Var | BinOp | Neg

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([-+*/()])|([^\s\-+*/()=<>≤]+))")


def parse(text: str) -> Expr:
    """Parse an arithmetic expression; names are any run of characters that are not operators."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExprError(f"cannot read {text[pos:]!r} in {text!r}")
        num, op, name = m.groups()
        tokens.append(("num", num) if num else ("op", op) if op else ("name", name))
        pos = m.end()
    parser = _Parser(tokens, text)
    tree = parser.expr()
    if parser.i != len(tokens):
        raise ExprError(f"unexpected {tokens[parser.i][1]!r} in {text!r}")
    return tree


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], text: str) -> None:
        self.t, self.i, self.text = tokens, 0, text

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def expr(self) -> Expr:
        node = self.term()
        while (tok := self.peek()) and tok[1] in "+-" and tok[0] == "op":
            self.i += 1
            node = BinOp(tok[1], node, self.term())
        return node

    def term(self) -> Expr:
        node = self.factor()
        while (tok := self.peek()) and tok[1] in "*/" and tok[0] == "op":
            self.i += 1
            node = BinOp(tok[1], node, self.factor())
        return node

    def factor(self) -> Expr:
        tok = self.peek()
        if tok is None:
            raise ExprError(f"expression ends early: {self.text!r}")
        self.i += 1
        kind, val = tok
        if kind == "num":
            return Num(Decimal(val))
        if kind == "name":
            return Var(val)
        if val == "-":
            return Neg(self.factor())
        if val == "(":
            node = self.expr()
            if self.peek() != ("op", ")"):
                raise ExprError(f"missing ')' in {self.text!r}")
            self.i += 1
            return node
        raise ExprError(f"unexpected {val!r} in {self.text!r}")


HUNDRED = Num(Decimal(100))
ZERO = Num(Decimal(0))


def sum_expr(names: list[str]) -> Expr:
    """`a + b + c` over variable names: the left side of every sum a family builds."""
    expr: Expr = Var(names[0])
    for name in names[1:]:
        expr = BinOp("+", expr, Var(name))
    return expr


def variables(e: Expr) -> list[str]:
    if isinstance(e, Var):
        return [e.name]
    if isinstance(e, BinOp):
        return variables(e.left) + variables(e.right)
    if isinstance(e, Neg):
        return variables(e.operand)
    return []


def evaluate(e: Expr, env: dict[str, Interval]) -> Interval | None:
    """Interval value of `e`; None when a division by a possibly-zero interval makes it unbounded."""
    if isinstance(e, Num):
        return Interval.exact(e.value)
    if isinstance(e, Var):
        return env[e.name]
    if isinstance(e, Neg):
        v = evaluate(e.operand, env)
        return None if v is None else -v
    a, b = evaluate(e.left, env), evaluate(e.right, env)
    if a is None or b is None:
        return None
    if e.op == "+":
        return a + b
    if e.op == "-":
        return a - b
    if e.op == "*":
        return a * b
    return a / b


def render(e: Expr, names: dict[str, str]) -> str:
    """The expression with each variable replaced by the figure as written (for messages)."""
    if isinstance(e, Num):
        return str(e.value)
    if isinstance(e, Var):
        return names.get(e.name, e.name)
    if isinstance(e, Neg):
        return f"−{render(e.operand, names)}"
    left, right = render(e.left, names), render(e.right, names)
    if e.op in "*/" and isinstance(e.left, BinOp) and e.left.op in "+-":
        left = f"({left})"
    if isinstance(e.right, BinOp) and (e.op in "*/" or (e.op == "-" and e.right.op in "+-")):
        right = f"({right})"
    sym = {"+": "+", "-": "−", "*": "×", "/": "÷"}[e.op]
    return f"{left} {sym} {right}"
