"""Procedural school-math problems with exact step-by-step reference solutions.

Every generator takes a seeded `random.Random` and a `Level` (difficulty knobs) and returns an
`Example`: the question as a student would type it (plain text or inline `$...$` LaTeX) and one
solution step per line, each step a small `$a op b = c$` move so that a small model can learn the
arithmetic one line at a time. The final line is always `The answer is <answer>`.
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class Level:
    """Difficulty knobs shared by all families."""
    name: str
    max_small: int      # factors, counts, denominators
    max_big: int        # amounts that are added or subtracted
    min_events: int     # steps of a word problem / terms of an expression
    max_events: int


TRAIN = Level("train", max_small=22, max_big=700, min_events=2, max_events=5)
HARD = Level("hard", max_small=25, max_big=1000, min_events=4, max_events=6)


@dataclass
class Example:
    family: str
    question: str
    steps: list[str]
    answer: str
    meta: dict[str, str] = field(default_factory=dict)

    def solution(self) -> str:
        return "\n".join(self.steps + [f"The answer is {self.answer}"])


# ---------------------------------------------------------------- formatting helpers

def op_tex(op: str) -> str:
    return {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}[op]


def apply(a: int, op: str, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    assert a % b == 0
    return a // b


def step(a: int, op: str, b: int) -> tuple[str, int]:
    c = apply(a, op, b)
    return f"${a} {op_tex(op)} {fmt_int(b)} = {c}$", c


def fmt_int(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def frac_tex(q: Fraction) -> str:
    if q.denominator == 1:
        return str(q.numerator)
    sign = "-" if q < 0 else ""
    return f"{sign}\\frac{{{abs(q.numerator)}}}{{{q.denominator}}}"


def raw_frac(n: int, d: int) -> str:
    return f"\\frac{{{n}}}{{{d}}}"


def answer_of(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"${frac_tex(q)}$"


def poly_tex(coeffs: dict[int, int], var: str = "x") -> str:
    """coeffs: power -> coefficient, rendered highest power first (e.g. 3x^2 - x + 4)."""
    parts: list[str] = []
    for p in sorted(coeffs, reverse=True):
        c = coeffs[p]
        if c == 0:
            continue
        mag = abs(c)
        body = str(mag) if p == 0 else ("" if mag == 1 else str(mag)) + (var if p == 1 else f"{var}^{p}")
        if not parts:
            parts.append(("-" if c < 0 else "") + body)
        else:
            parts.append(("- " if c < 0 else "+ ") + body)
    return " ".join(parts) if parts else "0"


# ---------------------------------------------------------------- drills

def arithmetic(rng: random.Random, lv: Level) -> Example:
    op = rng.choice("+-*/")
    if op in "+-":
        a, b = rng.randint(2, lv.max_big * 2), rng.randint(2, lv.max_big)
    elif op == "*":
        a, b = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    else:
        b, q = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small * 2)
        a = b * q
    line, c = step(a, op, b)
    expr = f"{a} {op_tex(op)} {b}"
    plain = f"{a} {'x' if op == '*' else op} {b}"
    question = rng.choice([
        f"Compute ${expr}$.", f"What is ${expr}$?", f"Calculate {plain}.", f"${expr} = ?$",
        f"Find ${expr}$.", f"What is {plain}?",
    ])
    return Example("arithmetic", question, [line], str(c))


def order_of_operations(rng: random.Random, lv: Level) -> Example:
    """A sum/difference of terms, each a number, a product or an exact quotient; maybe one
    parenthesised sum that is multiplied."""
    n_terms = rng.randint(max(2, lv.min_events - 1), max(3, lv.max_events - 1))
    terms: list[list[object]] = []
    for _ in range(n_terms):
        kind = rng.random()
        if kind < 0.4:
            terms.append([rng.randint(1, lv.max_big // 2)])
        elif kind < 0.75:
            terms.append([rng.randint(2, lv.max_small), "*", rng.randint(2, lv.max_small)])
        else:
            d = rng.randint(2, lv.max_small)
            terms.append([d * rng.randint(2, lv.max_small), "/", d])
    signs = [rng.choice("+-") for _ in range(n_terms - 1)]
    paren = rng.random() < 0.3
    steps: list[str] = []
    if paren:
        a, b = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small)
        k = rng.randint(2, lv.max_small)
        inner_op = rng.choice("+-")
        first = f"({a} {inner_op} {b}) \\times {k}"
        line, s = step(a, inner_op, b)
        steps.append(line)
        line, v = step(s, "*", k)
        steps.append(line)
        values = [v]
        texts = [first]
        rest = terms[1:]
    else:
        values, texts, rest = [], [], terms
    for t in rest:
        if len(t) == 1:
            values.append(int(t[0]))  # type: ignore[arg-type]
            texts.append(str(t[0]))
        else:
            a, op, b = int(t[0]), str(t[1]), int(t[2])  # type: ignore[arg-type]
            line, v = step(a, op, b)
            steps.append(line)
            values.append(v)
            texts.append(f"{a} {op_tex(op)} {b}")
    total = values[0]
    for sign, v in zip(signs, values[1:]):
        line, total = step(total, sign, v)
        steps.append(line)
    expr = texts[0] + "".join(f" {s} {t}" for s, t in zip(signs, texts[1:]))
    question = rng.choice([f"Evaluate ${expr}$.", f"Compute ${expr}$.", f"What is ${expr}$?",
                           f"Simplify ${expr}$."])
    return Example("order_of_operations", question, steps, str(total))


# ---------------------------------------------------------------- fractions

def _simplify_steps(n: int, d: int) -> tuple[list[str], Fraction]:
    q = Fraction(n, d)
    g = math.gcd(n, d)
    if g == 1 or d == 0:
        return [], q
    return [f"${raw_frac(n, d)} = {frac_tex(q)}$"], q


def fractions(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["add", "sub", "mul", "div", "simplify", "mixed"])
    maxd = min(lv.max_small, 12) if lv.name == "train" else lv.max_small

    def rand_frac() -> tuple[int, int]:
        d = rng.randint(2, maxd)
        return rng.randint(1, d - 1), d

    (a, b), (c, d) = rand_frac(), rand_frac()
    steps: list[str] = []
    if kind == "simplify":
        g = rng.randint(2, lv.max_small)
        n, den = rand_frac()
        n, den = n * g, den * g
        line = f"${raw_frac(n, den)} = {frac_tex(Fraction(n, den))}$"
        question = rng.choice([f"Simplify ${raw_frac(n, den)}$.", f"Reduce {n}/{den} to lowest terms.",
                               f"Write ${raw_frac(n, den)}$ in simplest form."])
        return Example("fractions", question, [line], answer_of(Fraction(n, den)))
    if kind == "mixed":
        w = rng.randint(1, lv.max_small // 2 + 1)
        steps.append(f"${w}{raw_frac(a, b)} = {raw_frac(w * b + a, b)}$")
        left = (w * b + a, b)
        op = rng.choice("+*")
        qtxt = f"${w}{raw_frac(a, b)} {op_tex(op)} {raw_frac(c, d)}$"
        kind = "add" if op == "+" else "mul"
        a, b = left
    else:
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[kind]
        qtxt = f"${raw_frac(a, b)} {op_tex(op)} {raw_frac(c, d)}$"
        if rng.random() < 0.3:
            qtxt = f"{a}/{b} {op if op in '+-' else ('times' if op == '*' else 'divided by')} {c}/{d}"
    if kind == "div":
        steps.append(f"${raw_frac(a, b)} \\div {raw_frac(c, d)} = {raw_frac(a, b)} \\times {raw_frac(d, c)}$")
        c, d = d, c
        kind = "mul"
    if kind == "mul":
        n, den = a * c, b * d
        steps.append(f"${raw_frac(a, b)} \\times {raw_frac(c, d)} = {raw_frac(n, den)}$")
    else:
        sign = "+" if kind == "add" else "-"
        if b == d:
            n, den = (a + c if sign == "+" else a - c), b
        else:
            den = b * d // math.gcd(b, d)
            a2, c2 = a * den // b, c * den // d
            if den != b:
                steps.append(f"${raw_frac(a, b)} = {raw_frac(a2, den)}$")
            if den != d:
                steps.append(f"${raw_frac(c, d)} = {raw_frac(c2, den)}$")
            a, c, b, d = a2, c2, den, den
            n = a + c if sign == "+" else a - c
        steps.append(f"${raw_frac(a, b)} {sign} {raw_frac(c, d)} = {frac_tex(Fraction(n, den)) if n <= 0 else raw_frac(n, den)}$")
    more, q = _simplify_steps(n, den) if n > 0 else ([], Fraction(n, den))
    steps += more
    question = rng.choice([f"Compute {qtxt}.", f"What is {qtxt}?", f"Calculate {qtxt}.",
                           f"Find {qtxt} in simplest form."])
    return Example("fractions", question, steps, answer_of(q))


# ---------------------------------------------------------------- percentages and ratios

def percentages(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["of", "discount", "increase", "ratio", "what_percent"])
    pct = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 60, 75]) if lv.name == "train" else rng.choice(
        [5, 12, 15, 35, 45, 55, 65, 80, 85, 95])
    base = rng.randint(1, lv.max_big // 10 + 2) * 20
    steps: list[str] = []
    if kind in ("of", "discount", "increase"):
        while (base * pct) % 100:
            base += 20
        line, prod = step(base, "*", pct)
        steps.append(line)
        line, part = step(prod, "/", 100)
        steps.append(line)
        item = rng.choice(["jacket", "bike", "lamp", "pair of shoes", "game", "backpack", "chair", "watch"])
        if kind == "of":
            question = rng.choice([f"What is {pct}% of {base}?", f"Find ${pct}\\%$ of ${base}$.",
                                   f"Compute {pct} percent of {base}."])
            return Example("percentages", question, steps, str(part))
        if kind == "discount":
            line, ans = step(base, "-", part)
            steps.append(line)
            question = rng.choice([
                f"A {item} costs ${base}. It is on sale for {pct}% off. What is the sale price in dollars?",
                f"The price of a {item} is ${base}. A store takes {pct}% off. How much does the {item} cost now?",
                f"A {item} that normally sells for {base} dollars is discounted by {pct}%. What is the new price?",
            ])
            return Example("percentages", question, steps, str(ans))
        line, ans = step(base, "+", part)
        steps.append(line)
        question = rng.choice([
            f"A town had {base} people. The population grew by {pct}%. How many people live there now?",
            f"A {item} cost ${base} last year. Its price went up by {pct}%. What does it cost now?",
        ])
        return Example("percentages", question, steps, str(ans))
    if kind == "what_percent":
        whole = rng.choice([20, 25, 40, 50, 80, 200, 400, 500])
        pct = rng.choice([p for p in range(5, 100, 5) if whole * p % 100 == 0])
        part = whole * pct // 100
        line, prod = step(part, "*", 100)
        steps.append(line)
        line, ans = step(prod, "/", whole)
        steps.append(line)
        question = rng.choice([f"What percent of {whole} is {part}?",
                               f"{part} out of {whole} students passed. What percent passed?"])
        return Example("percentages", question, steps, f"{ans}\\%")
    p, q = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small)
    unit = rng.randint(2, lv.max_small)
    total = (p + q) * unit
    a_name, b_name = rng.choice([("boys", "girls"), ("red marbles", "blue marbles"), ("cats", "dogs"),
                                 ("adults", "children"), ("apples", "oranges")])
    ask_first = rng.random() < 0.5
    line, parts = step(p, "+", q)
    steps.append(line)
    line, per = step(total, "/", parts)
    steps.append(line)
    line, ans = step(per, "*", p if ask_first else q)
    steps.append(line)
    question = rng.choice([
        f"The ratio of {a_name} to {b_name} is {p}:{q}. There are {total} in all. How many {a_name if ask_first else b_name} are there?",
        f"There are {total} {a_name} and {b_name} in the ratio ${p} : {q}$. How many are {a_name if ask_first else b_name}?",
    ])
    return Example("percentages", question, steps, str(ans))


# ---------------------------------------------------------------- equations

def linear_equation(rng: random.Random, lv: Level) -> Example:
    var = rng.choice("xxxyn")
    x = rng.randint(-lv.max_small, lv.max_small * 2)
    a = rng.randint(2, lv.max_small)
    kind = rng.choice(["ax+b", "ax-b", "a(x+b)", "ax+b=cx+d"])
    steps: list[str] = []
    if kind in ("ax+b", "ax-b"):
        b = rng.randint(1, lv.max_big // 2)
        if kind == "ax+b":
            c = a * x + b
            eq = f"{a}{var} + {b} = {c}"
            steps.append(f"${a}{var} = {c} - {b}$")
        else:
            c = a * x - b
            eq = f"{a}{var} - {b} = {c}"
            steps.append(f"${a}{var} = {c} + {b}$")
        steps.append(f"${a}{var} = {a * x}$")
        steps.append(f"${var} = {a * x} \\div {a}$")
    elif kind == "a(x+b)":
        b = rng.randint(1, lv.max_small)
        c = a * (x + b)
        eq = f"{a}({var} + {b}) = {c}"
        steps.append(f"${var} + {b} = {c} \\div {a}$")
        steps.append(f"${var} + {b} = {x + b}$")
        steps.append(f"${var} = {x + b} - {b}$")
    else:
        c = rng.randint(1, a - 1) if a > 2 else 1
        b = rng.randint(1, lv.max_big // 2)
        d = (a - c) * x + b
        cterm = f"{c}{var}" if c != 1 else var
        eq = f"{a}{var} + {b} = {cterm} + {d}"
        steps.append(f"${a}{var} - {cterm} = {d} - {b}$")
        steps.append(f"${a - c}{var} = {d - b}$")
        steps.append(f"${var} = {d - b} \\div {a - c}$")
    steps.append(f"${var} = {x}$")
    question = rng.choice([f"Solve ${eq}$.", f"Solve for ${var}$: ${eq}$.", f"Find ${var}$ if ${eq}$.",
                           f"Solve {eq} for {var}."])
    return Example("linear_equation", question, steps, str(x))


def linear_system(rng: random.Random, lv: Level) -> Example:
    x, y = rng.randint(-lv.max_small // 2, lv.max_small), rng.randint(-lv.max_small // 2, lv.max_small)
    b = rng.randint(1, min(lv.max_small, 9))
    a1, a2 = rng.randint(1, min(lv.max_small, 9)), rng.randint(1, min(lv.max_small, 9))
    add = rng.random() < 0.5 or a1 == a2
    b2 = -b if add else b
    c1, c2 = a1 * x + b * y, a2 * x + b2 * y

    def eq(a: int, bb: int, c: int) -> str:
        xa = "x" if a == 1 else f"{a}x"
        yb = ("y" if abs(bb) == 1 else f"{abs(bb)}y")
        return f"{xa} {'+' if bb > 0 else '-'} {yb} = {c}"

    ask = rng.choice("xy")
    steps: list[str] = []
    coef = a1 + a2 if add else a1 - a2
    rhs = c1 + c2 if add else c1 - c2
    steps.append(f"${coef}x = {rhs}$" if add else f"${coef}x = {c1} - {fmt_int(c2)}$")
    if not add:
        steps.append(f"${coef}x = {rhs}$")
    if coef != 1:
        steps.append(f"$x = {rhs} \\div {fmt_int(coef)}$")
    steps.append(f"$x = {x}$")
    if ask == "y":
        ax = a1 * x
        steps.append(f"${a1} \\times {fmt_int(x)} = {ax}$")
        by = "y" if b == 1 else f"{b}y"
        steps.append(f"${by} = {c1} - {fmt_int(ax)}$")
        steps.append(f"${by} = {c1 - ax}$")
        if b != 1:
            steps.append(f"$y = {c1 - ax} \\div {b}$")
        steps.append(f"$y = {y}$")
    question = rng.choice([
        f"Solve the system ${eq(a1, b, c1)}$ and ${eq(a2, b2, c2)}$. What is ${ask}$?",
        f"If ${eq(a1, b, c1)}$ and ${eq(a2, b2, c2)}$, find ${ask}$.",
        f"{eq(a1, b, c1)} and {eq(a2, b2, c2)}. Find {ask}.",
    ])
    return Example("linear_system", question, steps, str(x if ask == "x" else y))


# ---------------------------------------------------------------- polynomials

def polynomials(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["evaluate", "expand", "derivative"])
    top = 2 if lv.name == "train" else 3
    if kind == "expand":
        a, b = rng.randint(-9, 9) or 1, rng.randint(-9, 9) or 2
        p = rng.randint(1, 3 if lv.name == "train" else 5)
        f1 = f"{'' if p == 1 else p}x {'+' if a > 0 else '-'} {abs(a)}"
        f2 = f"x {'+' if b > 0 else '-'} {abs(b)}"
        raw = f"{'' if p == 1 else p}x^2 {'+' if p * b > 0 else '-'} {abs(p * b)}x {'+' if a > 0 else '-'} {abs(a)}x {'+' if a * b > 0 else '-'} {abs(a * b)}"
        final = poly_tex({2: p, 1: p * b + a, 0: a * b})
        steps = [f"$({f1})({f2}) = {raw}$", f"$= {final}$"]
        question = rng.choice([f"Expand $({f1})({f2})$.", f"Multiply out ({f1})({f2}).",
                               f"Expand and simplify $({f1})({f2})$."])
        return Example("polynomials", question, steps, f"${final}$")
    deg = rng.randint(2, top)
    coeffs = {p: rng.randint(-9, 9) for p in range(deg + 1)}
    coeffs[deg] = rng.randint(1, 9)
    poly = poly_tex(coeffs)
    if kind == "derivative":
        steps = []
        for p in sorted(coeffs, reverse=True):
            c = coeffs[p]
            if c == 0 or p == 0:
                continue
            term = poly_tex({p: c})
            steps.append(f"$\\frac{{d}}{{dx}}({term}) = {poly_tex({p - 1: c * p})}$")
        final = poly_tex({p - 1: c * p for p, c in coeffs.items() if p > 0})
        question = rng.choice([f"Find the derivative of ${poly}$.", f"Differentiate ${poly}$.",
                               f"What is $\\frac{{d}}{{dx}}({poly})$?"])
        return Example("polynomials", question, steps, f"${final}$")
    x = rng.randint(-4, 5)
    steps = []
    values: list[int] = []
    for p in sorted(coeffs, reverse=True):
        c = coeffs[p]
        if c == 0:
            continue
        if p == 0:
            values.append(c)
            continue
        power = x ** p
        if p >= 2:
            steps.append(f"${fmt_int(x)}^{p} = {power}$")
        if abs(c) != 1:
            line, v = step(c, "*", power)
            steps.append(line)
        else:
            v = c * power
        values.append(v)
    total = values[0]
    for v in values[1:]:
        line, total = step(total, "+" if v >= 0 else "-", abs(v))
        steps.append(line)
    question = rng.choice([f"Evaluate ${poly}$ at $x = {x}$.", f"Find the value of ${poly}$ when $x = {x}$.",
                           f"If $x = {x}$, what is ${poly}$?"])
    return Example("polynomials", question, steps, str(total))


# ---------------------------------------------------------------- word problems

NAMES = ["Ava", "Ben", "Carla", "Dev", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jamal", "Kim", "Leo",
         "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yuki",
         "Zoe", "Liam", "Mia", "Omar", "Nina", "Raj"]
ITEMS = ["apples", "stickers", "marbles", "books", "cookies", "pencils", "cards", "shells", "stamps",
         "coins", "eggs", "balloons", "cupcakes", "toy cars", "beads", "oranges"]
CONTAINERS = ["boxes", "bags", "packs", "jars", "crates", "baskets"]


def _pronoun(name: str) -> str:
    return "she" if name in {"Ava", "Carla", "Emma", "Grace", "Iris", "Kim", "Maya", "Olga", "Priya",
                             "Rosa", "Tara", "Vera", "Yuki", "Zoe", "Mia", "Nina"} else "he"


def word_quantity(rng: random.Random, lv: Level) -> Example:
    """A running quantity changed by a chain of everyday events."""
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    he = _pronoun(name)
    total = rng.randint(5, lv.max_big)
    sentences = [rng.choice([f"{name} has {total} {item}.", f"{name} starts with {total} {item}.",
                             f"There are {total} {item} in {name}'s collection."])]
    steps: list[str] = []
    n_events = rng.randint(lv.min_events, lv.max_events)
    for _ in range(n_events):
        kind = rng.choice(["buy_packs", "receive", "give", "lose", "half", "double"])
        if kind == "buy_packs":
            k, m = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
            cont = rng.choice(CONTAINERS)
            sentences.append(rng.choice([f"Then {he} buys {k} {cont} with {m} {item} in each.",
                                         f"{he.capitalize()} gets {k} {cont} of {item}, and each holds {m}.",
                                         f"Next, {he} adds {k} {cont} of {m} {item} each."]))
            line, add = step(k, "*", m)
            steps.append(line)
            line, total = step(total, "+", add)
            steps.append(line)
        elif kind == "receive":
            n = rng.randint(2, lv.max_big)
            friend = rng.choice(NAMES)
            sentences.append(rng.choice([f"{friend} gives {name} {n} more.", f"{he.capitalize()} finds {n} more {item}.",
                                         f"Then {he} receives {n} {item} as a gift."]))
            line, total = step(total, "+", n)
            steps.append(line)
        elif kind in ("give", "lose"):
            if total < 3:
                continue
            n = rng.randint(1, total - 1)
            verb = rng.choice([f"gives {n} to a friend", f"loses {n}", f"uses {n}", f"sells {n}"])
            sentences.append(f"{he.capitalize()} {verb}.")
            line, total = step(total, "-", n)
            steps.append(line)
        elif kind == "half":
            if total % 2 or total < 2:
                continue
            sentences.append(rng.choice([f"{he.capitalize()} gives half of them away.",
                                         f"Half of the {item} are given to a sister."]))
            line, total = step(total, "/", 2)
            steps.append(line)
        else:
            if total > lv.max_big * 5:
                continue
            sentences.append(rng.choice([f"{he.capitalize()} doubles the number of {item}.",
                                         f"Then the number of {item} doubles."]))
            line, total = step(total, "*", 2)
            steps.append(line)
    if not steps:
        n = rng.randint(2, lv.max_big)
        sentences.append(f"{he.capitalize()} finds {n} more {item}.")
        line, total = step(total, "+", n)
        steps.append(line)
    sentences.append(rng.choice([f"How many {item} does {name} have now?", f"How many {item} are left?",
                                 f"How many {item} does {he} end up with?"]))
    return Example("word_problem", " ".join(sentences), steps, str(total), {"scenario": "quantity"})


def word_shopping(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
    goods = rng.sample(["notebooks", "pens", "sandwiches", "tickets", "shirts", "mugs", "plants",
                        "candles", "socks", "muffins", "batteries", "magazines"], 3)
    n_goods = 2 if lv.name == "train" and rng.random() < 0.7 else 3
    steps: list[str] = []
    parts: list[str] = []
    costs: list[int] = []
    for g in goods[:n_goods]:
        q, p = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small * 2)
        parts.append(rng.choice([f"{q} {g} at ${p} each", f"{q} {g} for ${p} apiece", f"{q} {g} that cost ${p} each"]))
        if q == 1:
            costs.append(p)
        else:
            line, c = step(q, "*", p)
            steps.append(line)
            costs.append(c)
    total = costs[0]
    for c in costs[1:]:
        line, total = step(total, "+", c)
        steps.append(line)
    bought = ", ".join(parts[:-1]) + " and " + parts[-1]
    if rng.random() < 0.5:
        bill = max(20, ((total // 10) + 1 + rng.randint(0, 3)) * 10)
        line, ans = step(bill, "-", total)
        steps.append(line)
        question = rng.choice([f"{name} buys {bought}. {_pronoun(name).capitalize()} pays with ${bill}. How much change does {_pronoun(name)} get?",
                               f"{name} pays for {bought} with a ${bill} bill. How many dollars of change should {name} receive?"])
    else:
        ans = total
        question = rng.choice([f"{name} buys {bought}. How much does {_pronoun(name)} spend in total?",
                               f"How many dollars does {name} spend on {bought}?"])
    return Example("word_problem", question, steps, str(ans), {"scenario": "shopping"})


def word_work(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
    he = _pronoun(name)
    rate, hours, days = rng.randint(5, lv.max_small * 2), rng.randint(2, 10), rng.randint(2, 7)
    steps: list[str] = []
    line, per_day = step(rate, "*", hours)
    steps.append(line)
    line, earned = step(per_day, "*", days)
    steps.append(line)
    q = f"{name} earns ${rate} per hour. {he.capitalize()} works {hours} hours a day for {days} days."
    ans = earned
    if rng.random() < 0.6:
        spend = rng.randint(1, earned - 1)
        q += rng.choice([f" {he.capitalize()} spends ${spend} on rent.", f" Then {he} buys a phone for ${spend}."])
        line, ans = step(earned, "-", spend)
        steps.append(line)
        q += f" How much money does {he} have left?"
    else:
        q += rng.choice([f" How much does {he} earn in total?", f" How many dollars does {name} make?"])
    return Example("word_problem", q, steps, str(ans), {"scenario": "work"})


def word_rates(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
    he = _pronoun(name)
    if rng.random() < 0.5:
        s1, t1, s2, t2 = (rng.randint(20, 70), rng.randint(1, 5), rng.randint(20, 70), rng.randint(1, 5))
        steps = []
        line, d1 = step(s1, "*", t1)
        steps.append(line)
        line, d2 = step(s2, "*", t2)
        steps.append(line)
        line, d = step(d1, "+", d2)
        steps.append(line)
        q = rng.choice([f"{name} drives at {s1} miles per hour for {t1} hours, then at {s2} miles per hour for {t2} hours. How many miles does {he} drive?",
                        f"A train travels {t1} hours at {s1} km/h and then {t2} hours at {s2} km/h. What distance does it cover in km?"])
        return Example("word_problem", q, steps, str(d), {"scenario": "rates"})
    per_day, days = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    done = rng.randint(0, 3) * per_day
    pages = per_day * days + done
    steps = []
    if done:
        line, left = step(pages, "-", done)
        steps.append(line)
    else:
        left = pages
    line, ans = step(left, "/", per_day)
    steps.append(line)
    q = f"A book has {pages} pages."
    if done:
        q += f" {name} has already read {done} pages."
    q += f" {name} reads {per_day} pages a day. How many more days will it take {_pronoun(name) if done else name} to finish the book?"
    return Example("word_problem", q, steps, str(ans), {"scenario": "rates"})


def word_ages(rng: random.Random, lv: Level) -> Example:
    a, b, c = rng.sample(NAMES, 3)
    c_age = rng.randint(2, 12)
    k = rng.randint(2, 4)
    diff = rng.randint(1, 15)
    years = rng.randint(1, 10)
    steps = []
    line, b_age = step(c_age, "*", k)
    steps.append(line)
    line, a_age = step(b_age, "+", diff)
    steps.append(line)
    line, ans = step(a_age, "+", years)
    steps.append(line)
    q = rng.choice([
        f"{c} is {c_age} years old. {b} is {k} times as old as {c}. {a} is {diff} years older than {b}. How old will {a} be in {years} years?",
        f"{a} is {diff} years older than {b}, and {b} is {k} times as old as {c}. If {c} is {c_age}, how old will {a} be in {years} years?",
    ])
    return Example("word_problem", q, steps, str(ans), {"scenario": "ages"})


def word_sharing(rng: random.Random, lv: Level) -> Example:
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    people = rng.randint(2, lv.max_small)
    each = rng.randint(2, lv.max_small * 2)
    keep = rng.randint(0, lv.max_big // 4)
    boxes, per_box = None, None
    steps = []
    total = people * each + keep
    if rng.random() < 0.5:
        for d in range(2, 13):
            if total % d == 0 and total // d > 1:
                boxes, per_box = total // d, d
        if boxes:
            line, total = step(boxes, "*", per_box)
            steps.append(line)
    if keep:
        line, rest = step(total, "-", keep)
        steps.append(line)
    else:
        rest = total
    line, ans = step(rest, "/", people)
    steps.append(line)
    start = f"{name} has {boxes} {rng.choice(CONTAINERS)} of {item} with {per_box} in each." if boxes else f"{name} has {total} {item}."
    keep_txt = f" {_pronoun(name).capitalize()} keeps {keep} and" if keep else f" {_pronoun(name).capitalize()}"
    q = f"{start}{keep_txt} shares the rest equally among {people} friends. How many {item} does each friend get?"
    return Example("word_problem", q, steps, str(ans), {"scenario": "sharing"})


Generator = Callable[[random.Random, Level], Example]

WORD_GENERATORS: list[Generator] = [word_quantity, word_shopping, word_work, word_rates, word_ages, word_sharing]


def word_problem(rng: random.Random, lv: Level) -> Example:
    return rng.choice(WORD_GENERATORS)(rng, lv)


FAMILIES: dict[str, Generator] = {
    "arithmetic": arithmetic,
    "order_of_operations": order_of_operations,
    "fractions": fractions,
    "percentages": percentages,
    "linear_equation": linear_equation,
    "linear_system": linear_system,
    "polynomials": polynomials,
    "word_problem": word_problem,
}


def normalise(question: str) -> str:
    return " ".join(question.lower().split())


def mixture(progress: float) -> dict[str, float]:
    """Sampling weights per family; dense drills early, word problems later."""
    drill = max(0.08, 0.5 * (1 - progress))
    rest = 1 - drill
    weights = {"order_of_operations": 0.13, "fractions": 0.14, "percentages": 0.12, "linear_equation": 0.13,
               "linear_system": 0.1, "polynomials": 0.1, "word_problem": 0.28}
    out = {k: v * rest for k, v in weights.items()}
    out["arithmetic"] = drill
    return out


def sample_family(rng: random.Random, weights: dict[str, float]) -> str:
    r = rng.random() * sum(weights.values())
    for k, w in weights.items():
        r -= w
        if r <= 0:
            return k
    return next(iter(weights))


def generate(family: str, rng: random.Random, lv: Level) -> Example:
    return FAMILIES[family](rng, lv)
