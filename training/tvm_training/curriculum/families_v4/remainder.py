"""Division with a remainder, v4's new kinds. v3's quotients never pass 22, and the policy answers
"the remainder when 365 is divided by 7" with a confident wrong number; these kinds add:
- big_left: the remainder of a division whose quotient runs up to ~150 (250 at the hard level),
  divisors 3–15;
- big_both: the same divisions answered "q remainder r", asked as "write the answer as a quotient
  and a remainder";
- calendar: full weeks in n days, full hours in n minutes, full days in n hours, dozens in n eggs,
  full years in n months, and what is left over, often typed terse and in lower case ("how many full
  weeks are there in 100 days").
The steps are v3's: divisor × quotient, then dividend − that product."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..phrasing import H, T
from ..registry import Templates

# {a}: the dividend, {b}: the divisor. Only digits, and the word "remainder" only where the remainder
# is what is asked: the engine reads such a question itself (src/core/exact/remainder.ts).
LEFT = [T("What is the remainder when {a} is divided by {b}?"), T("Find the remainder when {a} is divided by {b}."),
        T("What remainder do you get when you divide {a} by {b}?"), T("Work out the remainder of {a} ÷ {b}."),
        T("Divide {a} by {b}. What is the remainder?"), H("If {a} is shared into groups of {b}, what remainder is there?")]
LEFT_FACT = [T("Divide {a} by {b}."), T("Consider {a} ÷ {b}."), T("A student divides {a} by {b}."), T("Look at {a} divided by {b}."),
             H("Someone splits {a} into lots of {b}.")]
LEFT_ASK = [T("What is the remainder?"), T("Find the remainder."), T("What remainder is left?"), T("Give the remainder."),
            H("Which remainder comes out at the end?")]
BOTH = [T("Divide {a} by {b} and write the answer as a quotient and a remainder."),
        T("Write {a} ÷ {b} as a quotient with a remainder."), T("Find the quotient and the remainder when {a} is divided by {b}."),
        T("Work out {a} divided by {b}, giving the quotient and remainder."), T("What is {a} ÷ {b}, as a quotient and a remainder?"),
        H("Express the division of {a} by {b} as a whole quotient plus a remainder.")]
BOTH_FACT = [T("Work out {a} ÷ {b}."), T("Do the division {a} ÷ {b}."), T("Divide {a} by {b}."), T("Calculate {a} divided by {b}."),
             H("Carry out the long division of {a} by {b}.")]
BOTH_ASK = [T("Give the quotient and the remainder."), T("Write the answer as a quotient and a remainder."),
            T("State the quotient and remainder."), T("Answer with a quotient and a remainder."),
            H("Say how many whole times it goes and the remainder.")]
# Units that come in whole groups: {small} of them make one {big}, {per} of them each.
UNITS = [("days", "weeks", "week", 7), ("minutes", "hours", "hour", 60), ("hours", "days", "day", 24), ("eggs", "dozens", "dozen", 12),
         ("months", "years", "year", 12)]
FULL = [T("how many full {big} are there in {a} {small}?"), T("How many whole {big} are in {a} {small}?"),
        T("{a} {small} make how many complete {big}?"), T("How many full {big} can you make from {a} {small}?"),
        T("how many {big} in {a} {small}?"), H("Count the complete {big} inside {a} {small}.")]
LEFT_OVER = [T("how many {small} are left over after the full {big} in {a} {small}?"),
             T("How many {small} are over when {a} {small} are split into full {big}?"),
             T("After taking out whole {big}, how many of {a} {small} are left?"),
             T("How many {small} are left when {a} {small} are made into full {big}?"),
             H("Once every complete {unit} is taken from {a} {small}, how many {small} stay over?")]
UNIT_FACT = [T("There are {a} {small}."), T("Start with {a} {small}."), T("You have {a} {small}."), T("Take {a} {small}."),
             H("The total comes to {a} {small}.")]
# {one}: the unit with its article ("an hour").
UNIT_RULE = [T("There are {b} {small} in {one}."), T("{one} is {b} {small}."), T("{one} has {b} {small}."),
             T("Remember that {one} is {b} {small}."), H("Each {unit} uses up {b} {small}.")]
FULL_ASK = [T("How many full {big} is that?"), T("How many whole {big} are there?"), T("How many complete {big} does it make?"),
            T("how many full {big}"), H("What number of entire {big} fit in?")]
LEFT_ASK_UNITS = [T("How many {small} are left over?"), T("How many {small} are left after the full {big}?"),
                  T("How many extra {small} are there?"), T("how many {small} left over"),
                  H("Once the complete {big} are counted, how many {small} stay spare?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["big_left", "big_both", "calendar", "calendar"])
    if kind == "calendar":
        return _calendar(rng, lv, which)
    b = rng.randint(3, 15)
    quotient, rest = rng.randint(23, 150 if lv.name == "train" else 250), rng.randint(1, b - 1)
    a = b * quotient + rest
    steps = [step(b, "*", quotient)[0], step(a, "-", b * quotient)[0]]
    if kind == "big_left":
        q = compose(rng, [[LEFT], [LEFT_FACT, LEFT_ASK]], which, a=a, b=b)
        return Example("remainder", q, steps, str(rest), {"kind": kind})
    q = compose(rng, [[BOTH], [BOTH_FACT, BOTH_ASK]], which, a=a, b=b)
    return Example("remainder", q, steps, f"{quotient} remainder {rest}", {"kind": kind})


def _calendar(rng: random.Random, lv: Level, which: Templates) -> Example:
    small, big, unit, b = rng.choice(UNITS)
    top = 150 if lv.name == "train" else 250
    quotient, rest = rng.randint(2, max(3, min(top, 1500 // b))), rng.randint(1, b - 1)
    a = b * quotient + rest
    steps = [step(b, "*", quotient)[0], step(a, "-", b * quotient)[0]]
    asks_full = rng.random() < 0.5
    slots = {"a": a, "b": b, "small": small, "big": big, "unit": unit, "one": f"an {unit}" if unit == "hour" else f"a {unit}"}
    # The rule ("a week is 7 days") is left to the reader in the one-sentence forms, as school questions do.
    forms = [[FULL], [UNIT_FACT, UNIT_RULE, FULL_ASK]] if asks_full else [[LEFT_OVER], [UNIT_FACT, UNIT_RULE, LEFT_ASK_UNITS]]
    q = compose(rng, forms, which, **slots)
    # A one-sentence question is often typed terse: lower case and no question mark, as in a search box.
    if ". " not in q and rng.random() < 0.35:
        q = q[0].lower() + q[1:].rstrip("?.")
    return Example("remainder", q, steps, str(rest if not asks_full else quotient), {"kind": "calendar", "asks": "full" if asks_full else "left"})
