"""Fraction and mixed-number arithmetic, v3, in composed sentences (compose.py). Kinds:
- expression: $a op b$ in any of the four operations, mixed numbers included (v2), in `$…$`, `$$…$$`
  or typed ("5/6 - 2/9", "2 1/3 + 3/4"); sometimes asked as a mixed number (v2);
- by_operation: "Subtract b from a", "the product of a and b" (v2);
- story: two lengths, weights or volumes added, or a part used and the rest asked (new);
- of: a fraction of a fraction, "three quarters of 2/3", bare or of a cake that is left (new);
- whole_times: a whole number times a fraction, bare or as full jugs (new);
- of_amount: a fraction of a whole amount, "3/4 of 20", bare or of a class (new).
The steps are v2's: mixed numbers made improper, a common denominator, the operation, lowest terms,
and a mixed number when asked for."""
from __future__ import annotations

import math as intmath
import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..families.fraction_ops import TEX_OP, mixed_tex
from ..latex import common_denominator, frac_tex, raw_frac, step
from ..names import person, possessive, pronoun
from ..phrasing import H, T, in_words

# No training question starts "Work out", "Find ... of" or "How much greater": v2 held those out, and v3
# keeps v2's held-out split unseen.
EXPR = [T("Compute {m}."), T("What is {m}?"), T("Calculate {m}."), T("Evaluate {m}."), T("Determine {m}."), T("{m} = ?"),
        T("Simplify {m}."), T("{m}"), T("What does {m} come to?"), T("Find the answer to {m}."), T("What does {m} equal?"),
        T("Please work out {m}."), T("Can you find {m}?"), H("Give the value of {m}."),
        H("Tell me the result of {m}.")]
# A lead-in, then the question: v2 never split the expression from what is asked.
LEAD = [T("Look at {m}."), T("Consider the expression {m}."), T("Here is a calculation: {m}."), T("{name} writes {m} on the board."),
        H("Your teacher sets the sum {m}.")]
LEAD_ASK = [T("What is its value?"), T("What does it equal?"), T("Work it out."), T("What is the answer?"),
            H("What number comes out?")]
# Someone's exercise, then what they should get.
TASK = [T("{name} has to work out {m}."), T("{name}'s homework asks for {m}."), T("{name} is asked to compute {m}."),
        T("On a quiz, {name} meets {m}."), T("{name} tries the sum {m}."), H("{name} is stuck on {m}.")]
TASK_ASK = [T("What answer should {he} get?"), T("What is the correct answer?"), T("What should {he} write?"),
            T("Help {name} find the answer."), T("What is the result?"), H("Which number is right?")]
# Mixed-number requests after the question. No held-out sentence here: the question before it may start
# with a v2 training wording, and a held-out question must not read as one.
MIXED = [T("Write your answer as a mixed number."), T("Give the result as a mixed number."),
         T("Express the answer as a mixed number."), T("Leave your answer as a mixed number.")]
MIXED_ONE = [T("What is {m} as a mixed number?"), T("Calculate {m} and write it as a mixed number."),
             T("Give {m} as a mixed number."), T("Evaluate {m}, giving a mixed number."),
             H("Turn the result of {m} into a mixed number.")]
BY_OPERATION = {
    "+": [T("Add {a} and {b}."), T("What is the sum of {a} and {b}?"), T("Calculate {a} plus {b}."),
          T("What do {a} and {b} make together?"), H("Increase {a} by {b}.")],
    "-": [T("Subtract {b} from {a}."), T("What is {a} minus {b}?"), T("Take {b} away from {a}."),
          T("Find the difference between {a} and {b}."), H("By how much does {a} exceed {b}?")],
    "*": [T("Multiply {a} by {b}."), T("What is the product of {a} and {b}?"), T("Find {a} times {b}."),
          T("Calculate {a} multiplied by {b}."), H("What do you get when {a} is multiplied by {b}?")],
    "/": [T("Divide {a} by {b}."), T("What is {a} divided by {b}?"), T("Find the quotient when {a} is divided by {b}."),
          H("Work out how many lots of {b} fit into {a}.")],
}
# Two numbers given first, then the operation asked for by name.
PAIR = [T("Take the numbers {a} and {b}."), T("Here are two fractions: {a} and {b}."), T("{name} picks {a} and {b}."),
        T("Look at {a} and {b}."), T("Consider {a} and {b}."), T("You are given {a} and {b}."), H("Two numbers are written down: {a} and {b}.")]
PAIR_ASK = {
    "+": [T("What is their sum?"), T("Add them."), T("Add the two together."),
          T("Find their total."), T("What do they add up to?"), H("How much do they make together?")],
    "-": [T("Subtract the second from the first."), T("What is their difference?"), T("Take the second away from the first."),
          T("What is the first minus the second?"), H("By how much is the first larger?")],
    "*": [T("Multiply them."), T("What is their product?"), T("Multiply the two together."), T("Find the product."), T("Multiply the first by the second."),
          H("What do they give when multiplied together?")],
    "/": [T("Divide the first by the second."), T("What is the first divided by the second?"), T("Find the first divided by the second."),
          T("Work out the first number divided by the second."), H("How many times does the second fit into the first?")],
}

# Two amounts added: a scene keeps the verb, the unit and the two times of the day or week together.
ADD_SCENES = [("walks", "walk", "km", "far"), ("runs", "run", "miles", "far"), ("cycles", "cycle", "km", "far"),
              ("swims", "swim", "km", "far"), ("practises piano for", "practise", "hours", "long"),
              ("reads for", "read", "hours", "long")]
WHEN = [("in the morning", "in the afternoon"), ("on Saturday", "on Sunday"), ("before lunch", "after lunch"),
        ("on Monday", "on Tuesday")]
ADD_FIRST = [T("{name} {verbs} {a} {unit} {when1}."), T("{when1}, {name} {verbs} {a} {unit}."),
             T("{name} {verbs} {a} {unit} {when1} and stops for a rest."), H("First {name} {verbs} {a} {unit}, {when1}.")]
ADD_SECOND = [T("{he} {verbs} another {b} {unit} {when2}."), T("{when2} {he} {verbs} {b} {unit} more."),
              T("Then {he} {verbs} {b} {unit} {when2}."), T("{when2}, {he} {verbs} a further {b} {unit}."),
              H("{when2} {he} adds {b} {unit} to that.")]
ADD_ASK = [T("How {far} does {he} {verb} altogether?"), T("How many {unit} is that in total?"),
           T("How {far} does {name} {verb} in all?"), T("What is the total in {unit}?"), H("Over both times, how many {unit} is it?")]
ADD_ONE = [T("How {far} does {name} {verb} in total if {he} {verbs} {a} {unit} {when1} and {b} {unit} {when2}?"),
           T("{name} {verbs} {a} {unit} {when1} and {b} {unit} {when2}. How many {unit} is that altogether?"),
           T("What is the total if {name} {verbs} {a} {unit} {when1} and {b} {unit} {when2}?"),
           H("Counting {a} {unit} {when1} and {b} {unit} {when2}, how {far} does {name} {verb}?")]

# A part used from an amount: stuff, its unit and the verb that uses it.
SUB_SCENES = [("ribbon", "metres", "cuts off"), ("rope", "metres", "cuts off"), ("flour", "kilograms", "uses"),
              ("juice", "litres", "pours out"), ("paint", "litres", "uses"), ("rice", "kilograms", "cooks"),
              ("fabric", "metres", "cuts off")]
SUB_HAVE = [T("{name} has {a} {unit} of {stuff}."), T("{name} buys {a} {unit} of {stuff}."),
            T("At the start {name} has {a} {unit} of {stuff}."), T("{name} starts with {a} {unit} of {stuff}."),
            H("{a} {unit} of {stuff} is all that {name} owns.")]
SUB_TAKE = [T("{he} {verb} {b} {unit}."), T("Then {he} {verb} {b} {unit}."), T("{name} {verb} {b} {unit} of it."),
            T("Later {he} {verb} {b} {unit}."), H("Out of that, {b} {unit} is what {he} {verb}.")]
SUB_ASK = [T("How much {stuff} is left?"), T("How many {unit} are left?"), T("How much {stuff} does {he} have now?"),
           T("What amount of {stuff} remains?"), H("How much {stuff} is still there at the end?")]
SUB_ONE = [T("{name} has {a} {unit} of {stuff} and {verb} {b} {unit}. How much is left?"),
           T("How much {stuff} is left if {name} has {a} {unit} and {verb} {b} {unit}?"),
           T("From {a} {unit} of {stuff}, {name} {verb} {b} {unit}. How many {unit} remain?"),
           T("{name} {verb} {b} {unit} of {stuff} from a piece of {a} {unit}. What is left?"),
           H("After {name} {verb} {b} {unit} from {a} {unit} of {stuff}, how much of it remains?")]

OF_ONE = [T("What is {fa} of {b}?"), T("What do you get if you take {fa} of {b}?"), T("Calculate {fa} of {b}."),
          T("Multiply to find {fa} of {b}."), T("Take {fa} of {b}."), T("How much is {fa} of the fraction {b}?"),
          H("How large is {fa} of {b}?")]
OF_THINGS = ["cake", "pizza", "pie", "chocolate bar", "loaf of bread", "watermelon"]
OF_HAVE = [T("{name} has {b} of a {thing} left."), T("There is {b} of a {thing} on the plate."),
           T("{b} of a {thing} is left over from the party."), T("{name} keeps {b} of a {thing}."),
           H("Only {b} of a {thing} remains in the kitchen.")]
OF_EAT = [T("{name} eats {fa} of it."), T("{name} eats {fa} of what is left."), T("Then {name} eats {fa} of that piece."),
          T("{name} eats {fa} of this part."), H("Of this piece, {fa} gets eaten by {name}.")]
OF_ASK = [T("What fraction of the whole {thing} does {he} eat?"), T("What fraction of a whole {thing} is that?"),
          T("How much of the whole {thing} does {name} eat?"), T("What part of the whole {thing} is eaten?"),
          H("As a fraction of the full {thing}, how much is eaten?")]

WT_SCENES = [("jug", "jugs", "water", "litre"), ("bottle", "bottles", "juice", "litre"), ("bag", "bags", "rice", "kilogram"),
             ("glass", "glasses", "milk", "litre"), ("tin", "tins", "paint", "litre"), ("scoop", "scoops", "sugar", "cup")]
WT_EACH = [T("Each {one} holds {f} of a {unit} of {stuff}."), T("One {one} holds {f} of a {unit} of {stuff}."),
           T("A {one} takes {f} of a {unit} of {stuff}."), T("There is {f} of a {unit} of {stuff} in each {one}."),
           H("Every {one} is filled with {f} of a {unit} of {stuff}.")]
WT_COUNT = [T("{name} fills {k} {many}."), T("There are {k} {many}."), T("{name} has {k} {many}, all full."),
            T("{name} uses {k} {many}."), H("{k} full {many} stand on the table.")]
WT_ASK = [T("How much {stuff} is there in all?"), T("How many {unit}s of {stuff} is that?"),
          T("How much {stuff} do the {many} hold altogether?"), T("What is the total amount of {stuff}?"),
          H("In total, how much {stuff} does that come to?")]
WT_ONE = [T("How much {stuff} is in {k} {many} if each holds {f} of a {unit}?"),
          T("Each {one} holds {f} of a {unit} of {stuff}. How much do {k} {many} hold?"),
          T("What is {k} times {f}?"), T("What do {k} lots of {f} make?"), T("Calculate the product of {k} and {f}."), T("Multiply {k} by {f}."),
          T("{k} glasses each hold {f} of a litre. How much is that in all?"), H("Add up {k} lots of {f}.")]

OF_AMOUNT = [T("What is {f} of {n}?"), T("Calculate {f} of {n}."), T("Compute {f} of {n}."), T("{f} of {n} is how much?"),
             T("What do you get when you take {f} of {n}?"), T("Evaluate {f} of {n}."),
             T("What number is {f} of {n}?"), H("How much is {f} of {n}?")]
# A group and a part of it: who is counted, where, and what the part of them do.
GROUP_SCENES = [("students", "class", "walk to school"), ("players", "club", "are under ten"), ("books", "library", "are novels"),
                ("trees", "park", "are oaks"), ("cars", "car park", "are red"), ("guests", "party", "are children"),
                ("runners", "race", "finish in under an hour"),
                ("pupils", "school", "have a pet"), ("flowers", "garden", "are roses"), ("eggs", "tray", "are brown")]
GROUP = [T("There are {n} {who} in a {place}."), T("A {place} has {n} {who}."), T("{n} {who} are in the {place}."),
         T("The {place} has {n} {who} in all."), H("Altogether the {place} counts {n} {who}.")]
PART = [T("{f} of them {do}."), T("{f} of the {who} {do}."), T("Of these, {f} {do}."), T("Exactly {f} of the {who} {do}."),
        H("It turns out that {f} of all the {who} {do}.")]
PART_ASK = [T("How many {who} {do}?"), T("How many is that?"), T("Find how many {who} {do}."), T("Work out how many {do}."),
            H("What number of {who} {do}?")]
PART_ONE = [T("In a {place} of {n} {who}, {f} {do}. How many {who} {do}?"),
            T("How many {who} {do} if {f} of the {n} {who} in a {place} {do}?"), H("Out of {n} {who}, {f} {do}: how many is that?")]
# Money and the part of it spent.
MONEY = [T("{name} has ${n}."), T("{name} saves ${n}."), T("{name} is given ${n} for {his} birthday."), T("{name} earns ${n} in a week."),
         H("A purse holds ${n}, and it belongs to {name}.")]
SPEND = [T("{he} spends {f} of it on {thing}."), T("{f} of the money goes on {thing}."), T("{he} uses {f} of it to buy {thing}."),
         T("Then {he} spends {f} of the money on {thing}."), H("On {thing}, {he} lays out {f} of that sum.")]
SPEND_ASK = [T("How much does {he} spend?"), T("How many dollars is that?"), T("How much money goes on {thing}?"),
             T("How much do the {thing} cost?"), H("What does {name} pay for the {thing}?")]
SPEND_ONE = [T("How much does {name} spend if {he} has ${n} and uses {f} of it on {thing}?"),
             T("{name} spends {f} of ${n} on {thing}. How much is that?"), H("Of ${n}, {name} puts {f} towards {thing}: how many dollars?")]
THINGS = ["books", "games", "clothes", "snacks", "tickets", "presents", "art supplies"]

DEN_WORDS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"), 6: ("sixth", "sixths"),
             7: ("seventh", "sevenths"), 8: ("eighth", "eighths"), 9: ("ninth", "ninths"), 10: ("tenth", "tenths"),
             11: ("eleventh", "elevenths"), 12: ("twelfth", "twelfths")}


def in_fraction_words(n: int, d: int, rng: random.Random) -> str:
    """A proper fraction as said: "three quarters", "a third", "half"."""
    one, many = DEN_WORDS[d]
    if n == 1:
        return "half" if d == 2 else rng.choice([f"a {one}", f"one {one}"])
    return f"{in_words(n)} {many}"


def shown(whole: int, n: int, d: int, style: str) -> str:
    """A fraction or mixed number as the question writes it: LaTeX (inside `$…$`) or typed ("2 1/3")."""
    if style == "plain":
        return f"{whole} {n}/{d}" if whole else f"{n}/{d}"
    return f"{whole}{raw_frac(n, d)}" if whole else raw_frac(n, d)


def delimited(text: str, style: str, rng: random.Random, display: bool = True) -> str:
    if style == "plain":
        return text
    return f"$${text}$$" if display and rng.random() < 0.12 else f"${text}$"


def simplify(n: int, den: int, steps: list[str], want_mixed: bool) -> tuple[Fraction, str]:
    """v2's last lines: lowest terms, then a mixed number when asked; the answer as v2 writes it."""
    value = Fraction(n, den)
    if n > 0 and intmath.gcd(n, den) > 1:
        steps.append(f"${raw_frac(n, den)} = {frac_tex(value)}$")
    as_mixed = want_mixed and value.denominator > 1 and value > 1
    if as_mixed:
        steps.append(f"${frac_tex(value)} = {mixed_tex(value)}$")
    answer = f"${mixed_tex(value)}$" if as_mixed else (str(value.numerator) if value.denominator == 1 else f"${frac_tex(value)}$")
    return value, answer


def operate(operands: list[tuple[int, int, int]], op: str) -> tuple[list[str], int, int]:
    """v2's steps for a op b, up to the unsimplified result n/den."""
    steps: list[str] = []
    improper: list[tuple[int, int]] = []
    for w, n, d in operands:
        if w:
            steps.append(f"${w}{raw_frac(n, d)} = {raw_frac(w * d + n, d)}$")
        improper.append((w * d + n, d))
    (a, b), (c, d) = improper
    if op == "/":
        steps.append(f"${raw_frac(a, b)} \\div {raw_frac(c, d)} = {raw_frac(a, b)} \\times {raw_frac(d, c)}$")
        c, d = d, c
    if op in "*/":
        n, den = a * c, b * d
        steps.append(f"${raw_frac(a, b)} \\times {raw_frac(c, d)} = {raw_frac(n, den)}$")
        return steps, n, den
    if b != d:
        more, a, c, den = common_denominator(a, b, c, d)
        steps += more
        b = d = den
    n, den = (a + c if op == "+" else a - c), b
    result = frac_tex(Fraction(n, den)) if n <= 0 else raw_frac(n, den)
    steps.append(f"${raw_frac(a, b)} {TEX_OP[op]} {raw_frac(c, d)} = {result}$")
    return steps, n, den


def reduced(rng: random.Random, maxd: int) -> tuple[int, int]:
    """A proper fraction in lowest terms, as people name it ("two thirds", not "four sixths")."""
    while True:
        d = rng.randint(2, maxd)
        n = rng.randint(1, d - 1)
        if intmath.gcd(n, d) == 1:
            return n, d


def draw(rng: random.Random, maxd: int, mixed: float) -> tuple[int, int, int]:
    d = rng.randint(2, maxd)
    return (rng.randint(1, 5) if rng.random() < mixed else 0, rng.randint(1, d - 1), d)


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    maxd = min(lv.max_small, 12)
    name = person(rng)
    slots: dict[str, object] = {"name": name, "he": pronoun(name), "his": possessive(name)}
    style = rng.choice(["tex", "tex", "plain"])
    kind = rng.choice(["expression", "expression", "by_operation", "story", "story", "of", "whole_times", "of_amount"])
    if kind in ("expression", "by_operation", "story"):
        op = rng.choice("+-*/") if kind != "story" else rng.choice("+-")
        operands = [draw(rng, maxd, 0.45), draw(rng, maxd, 0.45)]
        values = [Fraction(w * d + n, d) for w, n, d in operands]
        while op == "-" and values[0] == values[1]:
            operands[1] = draw(rng, maxd, 0.45)
            values[1] = Fraction(operands[1][0] * operands[1][2] + operands[1][1], operands[1][2])
        if op == "-" and values[0] < values[1]:
            operands.reverse()
        any_mixed = any(w for w, _, _ in operands)
        steps, n, den = operate(operands, op)
        want_mixed = kind != "story" and (any_mixed or rng.random() < 0.3)
        value, answer = simplify(n, den, steps, want_mixed)
        asked_mixed = want_mixed and value.denominator > 1 and value > 1
        a, b = (shown(*o, style) for o in operands)
        meta = {"kind": kind, "operation": op, "mixed": str(any_mixed)}
        if kind == "expression":
            times = rng.choice(["×", "*"]) if style == "plain" else TEX_OP[op]
            sign = {"+": "+", "-": "-", "*": times, "/": "÷" if style == "plain" else TEX_OP[op]}[op]
            slots["m"] = delimited(f"{a} {sign} {b}", style, rng)
            forms = [[EXPR, MIXED], [MIXED_ONE], [TASK, MIXED]] if asked_mixed and rng.random() < 0.7 else [[EXPR], [LEAD, LEAD_ASK], [TASK, TASK_ASK]]
        elif kind == "by_operation":
            slots.update(a=delimited(a, style, rng, display=False), b=delimited(b, style, rng, display=False))
            forms = [[BY_OPERATION[op]], [PAIR, PAIR_ASK[op]]]
            if asked_mixed and rng.random() < 0.7:
                forms = [form + [MIXED] for form in forms]
        elif op == "+":
            verbs, verb, unit, far = rng.choice(ADD_SCENES)
            when1, when2 = rng.choice(WHEN)
            slots.update(a=delimited(a, style, rng, False), b=delimited(b, style, rng, False), verbs=verbs, verb=verb, unit=unit,
                         far=far, when1=when1, when2=when2)
            forms = [[ADD_FIRST, ADD_SECOND, ADD_ASK], [ADD_ONE]]
        else:
            stuff, unit, verb = rng.choice(SUB_SCENES)
            slots.update(a=delimited(a, style, rng, False), b=delimited(b, style, rng, False), stuff=stuff, unit=unit, verb=verb)
            forms = [[SUB_HAVE, SUB_TAKE, SUB_ASK], [SUB_ONE]]
        return Example("fraction_ops", compose(rng, forms, which, **slots), steps, answer, meta)
    if kind == "of":
        first, second = (0, *reduced(rng, maxd)), (0, *reduced(rng, maxd))
        steps, n, den = operate([first, second], "*")
        _, answer = simplify(n, den, steps, False)
        words = rng.random() < 0.6
        slots.update(fa=in_fraction_words(first[1], first[2], rng) if words else delimited(shown(*first, style), style, rng, False),
                     b=delimited(shown(*second, style), style, rng, False), thing=rng.choice(OF_THINGS))
        forms = [[OF_ONE], [OF_HAVE, OF_EAT, OF_ASK], [OF_HAVE, OF_EAT, OF_ASK]]   # the story twice as often
        return Example("fraction_ops", compose(rng, forms, which, **slots), steps, answer, {"kind": kind, "operation": "*"})
    if kind == "whole_times":
        num_, d = reduced(rng, maxd)
        k = rng.randint(2, 9)
        steps = [f"${k} \\times {raw_frac(num_, d)} = {raw_frac(k * num_, d)}$"]
        value, answer = simplify(k * num_, d, steps, rng.random() < 0.3)
        one, many, stuff, unit = rng.choice(WT_SCENES)
        slots.update(k=in_words(k) if rng.random() < 0.4 else k, f=delimited(shown(0, num_, d, style), style, rng, False),
                     one=one, many=many, stuff=stuff, unit=unit)
        forms = [[WT_EACH, WT_COUNT, WT_ASK], [WT_EACH, WT_COUNT, WT_ASK], [WT_ONE]]   # the story twice as often
        return Example("fraction_ops", compose(rng, forms, which, shuffle_facts=True, **slots), steps, answer,
                       {"kind": kind, "operation": "*"})
    num_, d = reduced(rng, maxd)
    n = d * rng.randint(2, max(2, lv.max_small // 2))
    line, part = step(n, "/", d)
    steps = [line]
    if num_ != 1:
        line, part = step(part, "*", num_)
        steps.append(line)
    words = rng.random() < 0.4
    slots.update(n=n, f=in_fraction_words(num_, d, rng) if words else delimited(shown(0, num_, d, style), style, rng, False))
    r = rng.random()
    if r < 0.25:
        forms = [[OF_AMOUNT]]
    elif r < 0.55:
        slots["thing"] = rng.choice(THINGS)
        forms = [[MONEY, SPEND, SPEND_ASK], [MONEY, SPEND, SPEND_ASK], [SPEND_ONE]]
    else:
        who, place, do = rng.choice(GROUP_SCENES)
        slots.update(who=who, place=place, do=do)
        forms = [[GROUP, PART, PART_ASK], [PART_ONE]]
    return Example("fraction_ops", compose(rng, forms, which, **slots), steps, str(part), {"kind": kind, "operation": "of"})
