"""Fraction arithmetic, v4's new kind: typed as students type it into a chat box, without LaTeX. v3
writes its fractions as \\frac or "5/6 - 2/9" in well-formed sentences; students write "whats 5/8
minus 1/4", "3/4 times 2/5", "add 1 1/2 and 2/3", in lower case and often without final punctuation,
the operation as a word and the fractions with slashes or in words ("three quarters minus a third").
Sums and differences always need a common denominator. The steps and answers are v3's
(families_v3.fraction_ops: mixed numbers made improper, a common denominator, the operation, lowest
terms, a mixed number when a mixed number was given)."""
from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..families_v3.fraction_ops import in_fraction_words, operate, reduced, simplify
from ..phrasing import H, T
from ..registry import Templates

# {a} {b}: the fractions as typed, {op}: the operation as a word or sign ("minus", "÷"). Every sentence
# is in lower case: the question is lowered whole (see `generate`), and a held-out pattern must still match.
ASK = [T("whats {a} {op} {b}"), T("what is {a} {op} {b}"), T("{a} {op} {b}"), T("{a} {op} {b} = ?"), T("how much is {a} {op} {b}"),
       T("can you do {a} {op} {b}"), T("pls help with {a} {op} {b}"), H("{a} {op} {b} comes out as what"),
       H("what would {a} {op} {b} give me")]
HOMEWORK = [T("my homework says {a} {op} {b}"), T("question 3 is {a} {op} {b}"), T("i have to do {a} {op} {b}"),
            T("stuck on {a} {op} {b}"), H("our worksheet has {a} {op} {b} on it")]
HOMEWORK_ASK = [T("whats the answer"), T("what do i get"), T("what is it"), T("how much is that"), H("what should i write down")]
# The operation as a command, per operation.
COMMAND = {
    "+": [T("add {a} to {b}"), T("{a} and {b} added together"), T("can you add {a} and {b} for me"), T("put {a} and {b} together"),
          H("total up {a} with {b}")],
    "-": [T("take {b} away from {a}"), T("{a} take away {b}"), T("subtract {b} from {a} pls"), T("how much is left if you take {b} from {a}"),
          H("knock {b} off {a}")],
    "*": [T("multiply {a} and {b}"), T("{a} multiplied by {b}"), T("can you multiply {a} by {b}"), T("what is {a} lots of {b}"),
          H("times {a} by {b}")],
    "/": [T("{a} divided by {b}"), T("divide {a} by {b} pls"), T("how many {b} go into {a}"), T("can you divide {a} by {b}"),
          H("how many times does {b} fit into {a}")],
}
WORDS = {"+": ["plus", "plus", "add", "+"], "-": ["minus", "minus", "take away", "-"], "*": ["times", "times", "multiplied by", "×", "*"],
         "/": ["divided by", "divided by", "÷"]}


def typed(whole: int, n: int, d: int, words: bool, rng: random.Random) -> str:
    """A fraction as typed: "5/8", "1 1/2", or said in words ("three quarters")."""
    if words and not whole:
        return in_fraction_words(n, d, rng)
    return f"{whole} {n}/{d}" if whole else f"{n}/{d}"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    maxd = min(lv.max_small, 12)
    op = rng.choice("+--*/")
    while True:
        (n1, d1), (n2, d2) = reduced(rng, maxd), reduced(rng, maxd)
        # A sum or difference over different denominators: the common denominator is the point of it.
        if op in "+-" and d1 == d2:
            continue
        if op == "-" and Fraction(n1, d1) == Fraction(n2, d2):
            continue
        break
    # Mixed numbers now and then, as in "add 1 1/2 and 2/3".
    operands = [(rng.randint(1, 4) if rng.random() < 0.25 else 0, n1, d1), (rng.randint(1, 3) if rng.random() < 0.15 else 0, n2, d2)]
    values = [Fraction(w * d + n, d) for w, n, d in operands]
    if op == "-" and values[0] < values[1]:
        operands.reverse()
    any_mixed = any(w for w, _, _ in operands)
    steps, n, den = operate(operands, op)
    _, answer = simplify(n, den, steps, any_mixed)
    words = rng.random() < 0.2
    a, b = (typed(*o, words, rng) for o in operands)
    forms = [[ASK], [ASK], [HOMEWORK, HOMEWORK_ASK], [COMMAND[op]]]
    q = compose(rng, forms, which, a=a, b=b, op=rng.choice(WORDS[op]))
    # Typed casually: lower case, and a question mark only now and then.
    q = q.lower()
    if rng.random() < 0.3 and q[-1] not in "?.":
        q += "?"
    return Example("fraction_ops", q, steps, answer, {"kind": "typed", "operation": op, "mixed": str(any_mixed)})
