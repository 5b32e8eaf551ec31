"""Percentages, v3, in composed sentences (compose.py). The v1 kinds (families/percentages.py), same
numbers and steps: percent of a number, a discount, an increase, what percent, sharing in a ratio.
New kinds: percent of a group ("25% of the 400 students walk"), the amount taken off (one step of
the discount), "express a out of b as a percentage", and the reverse, the whole from a percent of it.

No training question has a later sentence starting "What is", nor starts "Determine" or "Find the
value of": v2 held those wordings out (restate.py), and v3 keeps v2's held-out split unseen."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T

OF_ONE = [T("What is {p} of {base}?"), T("Find {p} of {base}."), T("Compute {p} of {base}."), T("Calculate {p} of {base}."),
          T("How much is {p} of {base}?"), T("Take {p} of {base}."), H("Tell me {p} of {base}."),
          H("Which number is {p} of {base}?")]
# A group and the percent of it that do something: who, where, what they do.
GROUP_SCENES = [("students", "school", "walk to school"), ("people", "town", "own a bike"), ("trees", "forest", "are pines"),
                ("seats", "theatre", "are taken"), ("emails", "inbox", "are unread"), ("members", "club", "play chess"),
                ("apples", "crate", "are bruised")]
GROUP = [T("There are {base} {who} in a {place}."), T("A {place} has {base} {who}."), T("The {place} has {base} {who} in all."),
         T("{base} {who} are in the {place}."), H("Altogether the {place} counts {base} {who}.")]
SHARE = [T("{p} of them {do}."), T("{p} of the {who} {do}."), T("Of these, {p} {do}."), T("Exactly {p} of the {who} {do}."),
         H("It turns out that {p} of all the {who} {do}.")]
SHARE_ASK = [T("How many {who} {do}?"), T("How many is that?"), T("Find how many {who} {do}."), T("Work out how many {do}."),
             H("Give the count of {who} that {do}.")]

ITEMS = ["jacket", "bike", "lamp", "pair of shoes", "game", "backpack", "chair", "watch", "tablet", "guitar"]
PRICE = [T("A {item} costs ${base}."), T("The price of a {item} is ${base}."), T("A {item} normally sells for {base} dollars."),
         T("{name} wants a {item} that costs ${base}."), H("The label on a {item} says ${base}.")]
SALE = [T("It is on sale for {p} off."), T("The store takes {p} off."), T("The shop gives a {p} discount."),
        T("Today it is {p} cheaper."), T("It is discounted by {p}."), H("A sale knocks {p} off the price.")]
SALE_PRICE = [T("How much does it cost now?"), T("Find the sale price in dollars."), T("How much does the {item} cost in the sale?"),
              T("How many dollars does {name} pay?"), T("Work out the new price."), H("How much has {name} got to pay now?")]
SALE_OFF = [T("How much money is taken off?"), T("How many dollars does {name} save?"), T("Find the discount in dollars."),
            T("How much is the discount?"), H("By how many dollars does the price drop?")]
SALE_ONE = [T("A {item} that normally sells for {base} dollars is discounted by {p}. How much does it cost now?"),
            T("How much does a ${base} {item} cost after a {p} discount?"), H("With {p} off, how much is a {item} priced at ${base}?")]
OFF_ONE = [T("How much is saved on a ${base} {item} with {p} off?"), T("A ${base} {item} is {p} off. How many dollars are taken off?"),
           H("{p} off a ${base} {item} saves how much?")]

GROW_SCENES = [("town", "people", "population"), ("school", "students", "number of students"), ("farm", "sheep", "flock"),
               ("library", "books", "collection"), ("club", "members", "membership")]
GROW_START = [T("A {place} had {base} {who}."), T("Last year a {place} had {base} {who}."), T("There were {base} {who} in a {place}."),
              T("A {place} used to have {base} {who}."), H("Ten years ago a {place} counted {base} {who}.")]
GROW_BY = [T("The number of {who} grew by {p}."), T("Since then it has gone up by {p}."), T("The {what} rose by {p}."),
           T("The {what} has grown by {p}."), H("Since then there has been a rise of {p}.")]
GROW_ASK = [T("How many {who} are there now?"), T("Find the new number of {who}."), T("How many {who} does the {place} have now?"),
            T("Work out the new total."), H("After this growth, how many {who} are there?")]
RISE = [T("A {item} cost ${base} last year."), T("Last year a {item} was ${base}."), T("{name} paid ${base} for a {item} last year."),
        H("A year ago the price of a {item} stood at ${base}.")]
RISE_BY = [T("Its price went up by {p}."), T("The price has risen by {p}."), T("Now it costs {p} more."),
           T("The price increased by {p}."), H("Since then the price has climbed {p}.")]
RISE_ASK = [T("How much does it cost now?"), T("Find the new price in dollars."), T("How many dollars does a {item} cost now?"),
            T("Work out the new price."), H("How much would {name} pay today?")]

WHAT_ONE = [T("What percent of {whole} is {part}?"), T("{part} is what percent of {whole}?"),
            T("Express {part} out of {whole} as a percentage."), T("Write {part} out of {whole} as a percent."),
            T("What percentage is {part} out of {whole}?"), H("As a percentage, how big is {part} compared with {whole}?")]
TEST_SCENES = [("students", "passed the test", "passed"), ("players", "scored a goal", "scored"), ("seeds", "grew", "grew"),
               ("questions", "were answered correctly", "were right"), ("people", "voted yes", "voted yes"),
               ("shots", "hit the target", "hit")]
OUT_OF = [T("{part} out of {whole} {who} {did}."), T("Of {whole} {who}, {part} {did}."), T("Out of {whole} {who}, {part} {did}."),
          T("{part} of the {whole} {who} {did}."), H("From a total of {whole} {who}, {part} {did}.")]
OUT_OF_ASK = [T("What percent {short}?"), T("What percentage {short}?"), T("Find the percentage that {short}."),
              T("Give the percent that {short}."), H("Which percent {short}?")]
TOTAL_SCENES = [("students", "walk to school"), ("tickets", "are sold"), ("people", "said yes"), ("tiles", "are blue")]
REVERSE = [T("{p} of a number is {part}."), T("{part} is {p} of a number."), T("When you take {p} of a number you get {part}."),
           T("{name} says that {p} of a number is {part}."), H("A number has {p} of it equal to {part}.")]
REVERSE_ASK = [T("Find the number."), T("What was the whole amount?"), T("How big is the whole?"), T("Work out the whole."),
               H("Which amount did we start from?")]
REVERSE_ONE = [T("{p} of what number is {part}?"), T("If {p} of a number is {part}, find the number."),
               T("Find the number when {p} of it is {part}."), H("{part} is {p} of some number. Which number?")]

RATIO = [T("The ratio of {a_name} to {b_name} is {ratio}."), T("{a_name} and {b_name} are in the ratio {ratio}."),
         T("{a_name} and {b_name} come in the ratio {ratio}."), H("The numbers of {a_name} and {b_name} compare as {ratio}.")]
RATIO_TOTAL = [T("There are {total} in all."), T("Altogether there are {total}."), T("In total there are {total} {a_name} and {b_name}."),
               T("The total is {total}."), H("Counted together they make {total}.")]
RATIO_ASK = [T("How many {asked} are there?"), T("How many are {asked}?"), T("Find the number of {asked}."),
             T("Work out how many {asked} there are."), H("Give the number of {asked}.")]
RATIO_ONE = [T("There are {total} {a_name} and {b_name} in the ratio {ratio}. How many are {asked}?"),
             T("How many {asked} are there if {total} {a_name} and {b_name} are in the ratio {ratio}?"),
             H("Split {total} in the ratio {ratio} of {a_name} to {b_name}. How many {asked} is that?")]


def percent(p: int, rng: random.Random, money: bool) -> str:
    """A percent as written: "25%", "25 percent", or `$25\\%$` where no dollar sign is in the question."""
    styles = ["{}%", "{}%", "{} percent"] + ([] if money else ["${}\\%$"])
    return rng.choice(styles).format(p)


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    kind = rng.choice(["of", "group", "discount", "discount_amount", "increase", "ratio", "what_percent", "out_of", "reverse"])
    pct = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 60, 75]) if lv.name == "train" else rng.choice(
        [5, 12, 15, 35, 45, 55, 65, 80, 85, 95])
    base = rng.randint(1, lv.max_big // 10 + 2) * 20
    name = person(rng)
    slots: dict[str, object] = {"name": name, "he": pronoun(name)}
    steps: list[str] = []
    if kind in ("of", "group", "discount", "discount_amount", "increase"):
        while (base * pct) % 100:
            base += 20
        line, prod = step(base, "*", pct)
        steps.append(line)
        line, part = step(prod, "/", 100)
        steps.append(line)
        money = kind != "of" and kind != "group"
        slots.update(base=base, p=percent(pct, rng, money), item=rng.choice(ITEMS))
        if kind == "of":
            return Example("percentages", compose(rng, [[OF_ONE]], which, **slots), steps, str(part), {"kind": kind})
        if kind == "group":
            who, place, do = rng.choice(GROUP_SCENES)
            slots.update(who=who, place=place, do=do)
            q = compose(rng, [[GROUP, SHARE, SHARE_ASK]], which, **slots)
            return Example("percentages", q, steps, str(part), {"kind": kind})
        if kind == "discount_amount":
            q = compose(rng, [[PRICE, SALE, SALE_OFF], [PRICE, SALE, SALE_OFF], [OFF_ONE]], which, **slots)
            return Example("percentages", q, steps, str(part), {"kind": kind})
        if kind == "discount":
            line, ans = step(base, "-", part)
            steps.append(line)
            q = compose(rng, [[PRICE, SALE, SALE_PRICE], [PRICE, SALE, SALE_PRICE], [SALE_ONE]], which, **slots)
            return Example("percentages", q, steps, str(ans), {"kind": kind})
        line, ans = step(base, "+", part)
        steps.append(line)
        if rng.random() < 0.5:
            place, who, what = rng.choice(GROW_SCENES)
            slots.update(place=place, who=who, what=what)
            q = compose(rng, [[GROW_START, GROW_BY, GROW_ASK]], which, **slots)
        else:
            q = compose(rng, [[RISE, RISE_BY, RISE_ASK]], which, **slots)
        return Example("percentages", q, steps, str(ans), {"kind": kind})
    if kind in ("what_percent", "out_of"):
        whole = rng.choice([20, 25, 40, 50, 80, 200, 400, 500])
        pct = rng.choice([p for p in range(5, 100, 5) if whole * p % 100 == 0])
        part = whole * pct // 100
        line, prod = step(part, "*", 100)
        steps.append(line)
        line, ans = step(prod, "/", whole)
        steps.append(line)
        slots.update(whole=whole, part=part)
        if kind == "what_percent":
            q = compose(rng, [[WHAT_ONE]], which, **slots)
        else:
            who, did, short = rng.choice(TEST_SCENES)
            slots.update(who=who, did=did, short=short)
            q = compose(rng, [[OUT_OF, OUT_OF_ASK]], which, **slots)
        return Example("percentages", q, steps, f"{ans}\\%", {"kind": kind})
    if kind == "reverse":
        # The whole is a multiple of 20 and the percent one of v1's, so that the part is whole.
        while (base * pct) % 100:
            base += 20
        part = base * pct // 100
        line, prod = step(part, "*", 100)
        steps.append(line)
        line, ans = step(prod, "/", pct)
        steps.append(line)
        slots.update(part=part, p=percent(pct, rng, False))
        forms = [[REVERSE, REVERSE_ASK], [REVERSE_ONE]]
        q = compose(rng, forms, which, **slots)
        return Example("percentages", q, steps, str(ans), {"kind": kind})
    p, q_ = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small)
    unit = rng.randint(2, lv.max_small)
    total = (p + q_) * unit
    a_name, b_name = rng.choice([("boys", "girls"), ("red marbles", "blue marbles"), ("cats", "dogs"),
                                 ("adults", "children"), ("apples", "oranges")])
    ask_first = rng.random() < 0.5
    line, parts = step(p, "+", q_)
    steps.append(line)
    line, per = step(total, "/", parts)
    steps.append(line)
    line, ans = step(per, "*", p if ask_first else q_)
    steps.append(line)
    slots.update(a_name=a_name, b_name=b_name, p=p, q=q_, total=total, asked=a_name if ask_first else b_name,
                 ratio=rng.choice([f"{p}:{q_}", f"${p} : {q_}$", f"{p} to {q_}"]))
    q = compose(rng, [[RATIO, RATIO_TOTAL, RATIO_ASK], [RATIO_ONE]], which, shuffle_facts=True, **slots)
    return Example("percentages", q, steps, str(ans), {"kind": kind})
