"""Whether a stated final answer means the same as the reference: the rule behind every training
label. It follows the engine's grader (src/core/grading) so a path the engine counts right is
labelled right; both are tested on one table of cases (test/fixtures/answer-grading-cases.json).

Numbers are exact (Fraction): "0.50" = "1/2" = "\\frac{1}{2}", "2 1/3" = "7/3", "12 dollars" = "12",
"1,234" = "1234", "x = 5" = "5", "50%" = "50" = "0.5". Expressions in one-letter variables
("x^2 + 5x + 6") are compared exactly at fixed rational points. Anything else is compared as
normalised text. Unlike the engine, function names (sqrt, sin, pi) are not evaluated: such
answers are compared as text (the curriculum's answers are rational).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

MAX_MATH_LENGTH = 120
MAX_RAW_LENGTH = 1000
# Units written straight after a number ("5cm"); single letters are not here: "5m" could be 5·m.
ATTACHED_UNITS = {
    "cm", "mm", "km", "kg", "mg", "ml", "lb", "lbs", "oz", "ft", "yd", "mi", "hr", "hrs", "min", "mins", "sec", "secs",
    "mph", "kmh", "kph", "usd", "dollars", "cents", "am", "pm", "st", "nd", "rd", "th",
}
# A separated single letter after a number: these are usually variables ("2 x"), others units ("5 m").
SINGLE_LETTER_VARIABLES = re.compile(r"^[xyzntk]$", re.IGNORECASE)
UNIT_TAIL = re.compile(r"^([^A-Za-z]*\d[^A-Za-z]*?)(\s*)([A-Za-z][A-Za-z\s./²³]*)$")
TRAILING_PUNCTUATION = re.compile(r"(?<![.!;,])[.!;,]+$")
LATEX_MIXED_NUMBER = re.compile(r"^([-+]?)\s*(\d+)\s*\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))$")
WRAPPERS = {"boxed", "fbox", "mathbf", "mathit", "textbf"}
TEXT_WRAPPERS = {"text", "textrm", "mathrm", "mbox", "operatorname", "textit"}
SPACES = {",", ";", ":", "!", " ", "quad", "qquad", "left", "right", "displaystyle"}
SYMBOLS = {"cdot": "*", "times": "*", "ast": "*", "div": "/", "pi": " pi ", "%": "%", "$": "$",
           "{": "(", "}": ")", "circ": "", "degree": "", "ln": "log"}
# Exact points where two expressions are compared; 0 and ±1 are avoided (they hide coefficients).
POINTS = [Fraction(7, 3), Fraction(-5, 4), Fraction(11, 7), Fraction(-13, 5), Fraction(3, 11), Fraction(17, 6),
          Fraction(-2, 9), Fraction(9, 2)]
MIN_VALID_POINTS = 3
MAX_EXPONENT = 64


@dataclass(frozen=True)
class Number:
    value: Fraction
    percent: bool


@dataclass(frozen=True)
class Expression:
    variables: tuple[str, ...]
    node: tuple


@dataclass(frozen=True)
class Text:
    text: str


def answers_equivalent(answer: str | None, reference: str | None) -> bool:
    if answer is None or reference is None:
        return False
    a, b = parse_answer(answer), parse_answer(reference)
    if isinstance(a, Number) and isinstance(b, Number):
        if a.value == b.value:
            return True
        # "50%" against "0.5": the percent side also counts as a fraction of one.
        if a.percent != b.percent:
            return a.value / 100 == b.value if a.percent else b.value / 100 == a.value
        return False
    if isinstance(a, Expression) and isinstance(b, Expression):
        return a.variables == b.variables and _same_function(a, b)
    if isinstance(a, Text) and isinstance(b, Text):
        return a.text == b.text
    return False


def normalize_text(raw: str) -> str:
    """Lower-cased, whitespace-free, delimiter-free text: the last-resort comparison."""
    s = _strip_math_delimiters(raw.strip())
    s = re.sub(r"\\text\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\s+", "", s)
    return re.sub(r"(?<![.!;])[.!;]+$", "", s).lower()


def parse_answer(raw: str) -> Number | Expression | Text:
    text = Text(normalize_text(raw))
    if len(raw) > MAX_RAW_LENGTH:
        return text
    s = _latex_to_plain(_strip_math_delimiters(raw.strip()))
    s = re.sub(r"[−–—]", "-", s)
    s = re.sub(r"[×·⋅]", "*", s).replace("÷", "/")
    s = re.sub(r"\\?\$", "", s).strip()
    s = TRAILING_PUNCTUATION.sub("", s).strip()
    # "x = 5" answers with the value; only a single-letter left side counts ("area = 5" is prose).
    assignment = re.fullmatch(r"[A-Za-z]\s*=\s*([^=]+)", s)
    if assignment:
        s = assignment.group(1).strip()
    percent = False
    tail = _split_unit_tail(s)
    if tail:
        s, unit = tail
        percent = bool(re.match(r"percent", unit, re.IGNORECASE))
    if re.search(r"%\s*$", s):
        percent = True
        s = re.sub(r"%\s*$", "", s).strip()
    # Thousands separators: a comma before exactly three digits ("1,234,567"); "1,2" stays text.
    s = re.sub(r"(\d),(?=\d{3}(?!\d))", r"\1", s)
    # Mixed numbers "2 1/3" (and "-2 1/3" = -(2 + 1/3)).
    s = re.sub(r"^([-+]?)\s*(\d+)\s+(\d+)\s*/\s*(\d+)$", r"\1(\2 + \3/\4)", s)
    if s == "" or len(s) > MAX_MATH_LENGTH or re.search(r"[=<>,;:?\"'\[\]]", s):
        return text
    # Words ("Tuesday", "none", and here also function names) are text; "xy" is a product.
    if re.search(r"[A-Za-z]{3,}", s):
        return text
    try:
        node = _Parser(s).parse()
    except ValueError:
        return text
    variables = tuple(sorted(_variables(node)))
    if variables:
        return text if percent else Expression(variables, node)
    value = _evaluate(node, {})
    return text if value is None else Number(value, percent)


def _strip_math_delimiters(s: str) -> str:
    for open_, close in (("$$", "$$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if s.startswith(open_) and s.endswith(close) and len(s) > len(open_) + len(close):
            return s[len(open_):len(s) - len(close)].strip()
    # "$12$" is inline math; "$12" is a price and keeps its "$" for the currency rule.
    if re.fullmatch(r"\$[^$]+\$[.!]?", s):
        return re.sub(r"[.!]$", "", s)[1:-1].strip()
    return s


def _latex_to_plain(s: str) -> str:
    mixed = LATEX_MIXED_NUMBER.fullmatch(s.strip())
    if mixed:
        sign, whole, num1, num2, den1, den2 = mixed.groups()
        return f"{sign}({whole} + {num1 or num2}/{den1 or den2})"
    s = re.sub(r"\^\s*\{?\s*\\circ\s*\}?", "", s).replace("°", "")
    return _convert(s.replace("{,}", ","))


def _convert(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", s[i:])
            name = match.group(1) if match else ""
            i += 1 + len(name)
            if name in ("frac", "dfrac", "tfrac"):
                numerator, i = _argument(s, i)
                denominator, i = _argument(s, i)
                out.append(f"(({_convert(numerator)})/({_convert(denominator)}))")
            elif name in WRAPPERS or name in TEXT_WRAPPERS:
                content, i = _argument(s, i)
                out.append(f" {_convert(content)} " if name in TEXT_WRAPPERS else f"({_convert(content)})")
            elif name in SPACES:
                out.append(" ")
            else:
                out.append(SYMBOLS.get(name, name))
        else:
            out.append({"{": "(", "}": ")"}.get(ch, ch))
            i += 1
    return "".join(out)


def _argument(s: str, start: int) -> tuple[str, int]:
    """One macro argument at `start`: a braced group, a command, or a single character."""
    i = start
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == "{":
        depth = 0
        for j in range(i, len(s)):
            if s[j] == "{":
                depth += 1
            elif s[j] == "}":
                depth -= 1
                if depth == 0:
                    return s[i + 1:j], j + 1
        return s[i + 1:], len(s)
    if i < len(s) and s[i] == "\\":
        match = re.match(r"\\([A-Za-z]+|.)", s[i:])
        length = 1 + (len(match.group(1)) if match else 0)
        return s[i:i + length], i + length
    return s[i:i + 1], min(i + 1, len(s))


def _split_unit_tail(s: str) -> tuple[str, str] | None:
    """("12", "dollars") for "12 dollars" / "5cm" / "50 percent"; None unless "number + words"."""
    match = UNIT_TAIL.match(s)
    if not match:
        return None
    head, gap, tail = match.group(1).strip(), match.group(2), match.group(3).strip()
    if gap:
        if SINGLE_LETTER_VARIABLES.match(tail) or tail == "pi":
            return None
    elif re.split(r"[\s./]", tail.lower())[0] not in ATTACHED_UNITS:
        return None
    return head, tail


class _Parser:
    """+ - * / ^, parentheses, decimals and one-letter variables, with implicit products ("2x(x+1)")."""

    def __init__(self, s: str) -> None:
        self.tokens = re.findall(r"\d+\.?\d*|\.\d+|[A-Za-z]|[-+*/^()]|\S", s)
        self.i = 0

    def parse(self) -> tuple:
        node = self._sum()
        if self.i != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.i]!r}")
        return node

    def _peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            raise ValueError("unexpected end")
        self.i += 1
        return token

    def _sum(self) -> tuple:
        node = self._product()
        while self._peek() in ("+", "-"):
            node = (self._take(), node, self._product())
        return node

    def _product(self) -> tuple:
        node = self._unary()
        while True:
            token = self._peek()
            if token in ("*", "/"):
                node = (self._take(), node, self._unary())
            elif token is not None and (token == "(" or token[0].isalnum() or token[0] == "."):
                node = ("*", node, self._power())
            else:
                return node

    def _unary(self) -> tuple:
        if self._peek() in ("-", "+"):
            sign = self._take()
            operand = self._unary()
            return ("neg", operand) if sign == "-" else operand
        return self._power()

    def _power(self) -> tuple:
        base = self._atom()
        if self._peek() == "^":
            self._take()
            return ("^", base, self._unary())
        return base

    def _atom(self) -> tuple:
        token = self._take()
        if token == "(":
            node = self._sum()
            if self._take() != ")":
                raise ValueError("unbalanced parenthesis")
            return node
        if token[0].isdigit() or token[0] == ".":
            return ("num", Fraction(token))
        if token.isalpha():
            return ("var", token)
        raise ValueError(f"unexpected {token!r}")


def _variables(node: tuple) -> set[str]:
    if node[0] == "var":
        return {node[1]}
    if node[0] == "num":
        return set()
    return set().union(*(_variables(child) for child in node[1:]))


def _evaluate(node: tuple, scope: dict[str, Fraction]) -> Fraction | None:
    """The exact value; None for division by zero or a power that is not a small integer."""
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return scope.get(node[1])
    values = [_evaluate(child, scope) for child in node[1:]]
    if any(v is None for v in values):
        return None
    if kind == "neg":
        return -values[0]
    a, b = values
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return None if b == 0 else a / b
    if b.denominator != 1 or abs(b) > MAX_EXPONENT or (a == 0 and b < 0):
        return None
    return a ** int(b)


def _same_function(a: Expression, b: Expression) -> bool:
    valid = 0
    for k, point in enumerate(POINTS):
        scope = {name: point + j for j, name in enumerate(a.variables)} if k % 2 else {
            name: point * (j + 1) for j, name in enumerate(a.variables)}
        x, y = _evaluate(a.node, scope), _evaluate(b.node, scope)
        if x is None or y is None:
            continue
        if x != y:
            return False
        valid += 1
    return valid >= MIN_VALID_POINTS
