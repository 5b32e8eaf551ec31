"""Ratios and proportions, v3: the cost (or count) of more at the same rate, scaling a recipe, a ratio
in simplest form (bare or from two counts), sharing an amount in a ratio and how much more one share
is, a missing term of a proportion "a : b = x : d", one part from the other and the whole from one
part, and map scales (1 cm to k km both ways, and 1 : n), each asked in composed sentences
(compose.py). The v2 kinds (unitary, recipe, simplest, share) keep v2's numbers and step lines."""
from __future__ import annotations

import math
import random

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines
from ..names import MORE_ITEMS, people, person
from ..phrasing import H, T, money, num
from ..registry import Templates

# ---------------------------------------------------------------- the same rate for more
GOODS = ["pencils", "notebooks", "apples", "tickets", "pens", "bottles of juice", "muffins"] + MORE_ITEMS[:4]
COST_FACT = [T("{n} {goods} cost {cost}."), T("{name} pays {cost} for {n} {goods}."), T("A pack of {n} {goods} costs {cost}."),
             T("At a market stall, {n} {goods} sell for {cost}."), H("{cost} is the price of {n} {goods}.")]
COST_ASK = [T("How much do {m} {goods} cost?"), T("At the same price, how much would {m} {goods} cost?"), T("Find the cost of {m} {goods}."),
            T("What is the price of {m} {goods} at the same rate?"), H("Paying the same rate, what does {name} spend on {m} {goods}?")]
COST_DIRECT = [T("If {n} {goods} cost {cost}, what do {m} {goods} cost?"), T("How much do {m} {goods} cost when {n} cost {cost}?"),
               T("{n} {goods} cost {cost}. At the same price, find the cost of {m}."),
               H("Given that {cost} buys {n} {goods}, how much money buys {m}?")]
# The same steps with things in containers: a unit rate that is not a price.
BOXES = [("box", "boxes", "eggs"), ("pack", "packs", "cards"), ("bag", "bags", "marbles"), ("tray", "trays", "cupcakes"),
         ("crate", "crates", "bottles"), ("jar", "jars", "sweets")]
HOLD_FACT = [T("{n} {boxes} {hold} {cost} {items}."), T("There are {cost} {items} in {n} {boxes}."), T("{name} fills {n} {boxes} with {cost} {items}."),
             T("{n} full {boxes} contain {cost} {items}."), H("{cost} {items} fit exactly into {n} {boxes}.")]
HOLD_ASK = [T("How many {items} are in {m} {boxes}?"), T("How many {items} do {m} {boxes} {hold}?"), T("How many {items} fill {m} {boxes}?"),
            T("Find the number of {items} in {m} {boxes}."), H("Each {box} is the same. How many {items} do {m} of them take?")]

# ---------------------------------------------------------------- recipes and mixtures: first : second
MIXES = [("flour", "sugar", "cup"), ("blue paint", "white paint", "tin"), ("orange juice", "lemonade", "cup"), ("sand", "cement", "bucket"),
         ("oats", "raisins", "spoon"), ("water", "rice", "cup")]
MIX_RATIO = [T("The mix uses {a_q} of {x} for every {b_q} of {y}."), T("{x} and {y} are mixed in the ratio {a}:{b}."),
             T("The ratio of {x} to {y} is {a} : {b}."), T("For every {b_q} of {y}, {name} adds {a_q} of {x}."),
             H("{name} always puts in {a_q} of {x} with each {b_q} of {y}.")]
MIX_GIVEN = [T("{name} uses {c_q} of {y}."), T("There are {c_q} of {y}."), T("This time {name} has {c_q} of {y}."),
             T("{name} makes a bigger batch with {c_q} of {y}."), H("A large batch needs {c_q} of {y}.")]
MIX_ASK = [T("How many {units} of {x} are needed?"), T("How much {x} does {name} need, in {units}?"), T("How many {units} of {x} go in?"),
           T("Find the amount of {x} in {units}."), H("Keeping the mix the same, how many {units} of {x} go with it?")]
MIX_DIRECT = [T("How many {units} of {x} go with {c_q} of {y} if the ratio of {x} to {y} is {a}:{b}?"),
              T("{x} and {y} are in the ratio {a}:{b}. How many {units} of {x} are needed for {c_q} of {y}?"),
              T("The ratio of {x} to {y} is {a} : {b}. If there are {c_q} of {y}, how many {units} of {x} are there?"),
              H("If {x} and {y} must stay in the ratio {a}:{b}, how many {units} of {x} go with {c_q} of {y}?")]

# ---------------------------------------------------------------- two groups: x : y
GROUPS = [("boys", "girls", "at a school"), ("cats", "dogs", "at an animal shelter"), ("red beads", "blue beads", "in a jar"),
          ("adults", "children", "at a concert"), ("apples", "pears", "in a crate"), ("cars", "vans", "in a car park"),
          ("sheep", "cows", "on a farm"), ("fiction books", "non-fiction books", "on a shelf")]
GROUP_RATIO = [T("The ratio of {x} to {y} {where} is {r}."), T("{x} and {y} {where} are in the ratio {r}."),
               T("For every {p} {x} {where} there are {q} {y}."), T("{where} the ratio of {x} to {y} is {r}."),
               H("{where} you find {p} {x} to every {q} {y}.")]
KNOWN = [T("There are {known} {kn}."), T("{name} counts {known} {kn}."), T("The number of {kn} is {known}."), T("{known} of them are {kn}."),
         H("Exactly {known} {kn} are there.")]
ASK_OTHER = [T("How many {other} are there?"), T("Find the number of {other}."), T("Work out how many {other} there are."),
             T("How many {other} does that make?"), H("So how many {other} must there be?")]
ASK_ALL = [T("How many {x} and {y} are there altogether?"), T("How many are there in total?"), T("Find the total number of {x} and {y}."),
           T("What is the total number of {x} and {y}?"), H("Counting both, how many are there?")]
COUNTS = [T("There are {pg} {x} and {qg} {y} {where}."), T("{where} there are {pg} {x} and {qg} {y}."),
          T("{name} counts {pg} {x} and {qg} {y} {where}."), H("{where} we find {pg} {x} alongside {qg} {y}.")]
ASK_SIMPLEST = [T("Write the ratio of {x} to {y} in simplest form."), T("What is the ratio of {x} to {y} in its simplest form?"),
                T("Simplify the ratio of {x} to {y}."), T("Give the ratio {x} : {y} in lowest terms."),
                H("Reduce the ratio of {x} to {y} as far as it goes.")]
SIMPLEST = [T("Write the ratio {r} in simplest form."), T("Simplify the ratio {r}."), T("Reduce {r} to its simplest form."),
            T("Simplify {r}."), T("Write {r} in its simplest form."), H("Cut {r} down to lowest terms.")]

# ---------------------------------------------------------------- sharing in a ratio
SHARE_FACT = [T("{a} and {b} share {total_q} in the ratio {r}."), T("{total_q} {is} split between {a} and {b} in the ratio {r}."),
              T("{a} and {b} divide {total_q} between them in the ratio {r}."), T("{total_q} {is} shared by {a} and {b} in the ratio {r}."),
              H("{a} and {b} get {total_q} between them, split {p} to {q}.")]
SHARE_ASK = [T("{how} does {asked} get?"), T("What is {asked}'s share?"), T("Find {asked}'s share."), T("{how} does {asked} receive?"),
             H("So what does {asked} end up with?")]
SHARE_DIRECT = [T("Divide {total} in the ratio {r}. What is the {part} part?"), T("Share {total} in the ratio {r}. Find the {part} part."),
                T("What is the {part} part when {total} is divided in the ratio {r}?"),
                H("Splitting {total} in the ratio {r}, how big is the {part} part?")]
MORE_ASK = [T("{how_more} does {big} get than {small}?"), T("How much bigger is {big}'s share than {small}'s?"),
            T("Find the difference between their shares."), T("By how much is {big}'s share larger?"),
            H("Compare the two shares: by how much do they differ?")]

# ---------------------------------------------------------------- a missing term
PROPORTION = [T("Find {v} if {eq}."), T("Solve {eq} for {v}."), T("What is the value of {v} in {eq}?"), T("Work out {v} when {eq}."),
              T("Find the missing number: {blank}"), H("Fill in the gap so that the ratios match: {blank}")]
IN_WORDS = [T("{t1} is to {t2} as {t3} is to {t4}."), T("The ratios {t1}:{t2} and {t3}:{t4} are equal."), T("{eq} is a proportion."),
            T("{t1} and {t2} are in the same ratio as {t3} and {t4}."), H("{t3} stands to {t4} just as {t1} stands to {t2}.")]
ASK_V = [T("Find {v}."), T("What is {v}?"), T("Work out the value of {v}."), T("Calculate {v}."), H("Determine {v}.")]

# ---------------------------------------------------------------- map scales
PLACES = ["two towns", "two villages", "the school and the park", "the farm and the lake", "two campsites", "the castle and the bridge"]
SCALE = [T("On the map, 1 cm stands for {k} km."), T("The map's scale is 1 cm to {k} km."), T("Each centimetre on the map is {k} km in real life."),
         T("The map uses a scale where 1 cm represents {k} km."), H("On this map, every 1 cm means {k} km on the ground.")]
SCALE_RATIO = [T("A map has a scale of 1:{n}."), T("The scale of the map is 1 : {n}."), T("The map is drawn to a scale of 1:{n}."),
               T("{name} has a map with scale 1 : {n}."), H("Lengths on the map are {n} times shorter than in real life.")]
ON_MAP = [T("{places} are {d} cm apart on the map."), T("On the map, {places} are {d} cm apart."), T("The distance between {places} on the map is {d} cm."),
          T("{name} measures {d} cm between {places} on the map."), H("{name}'s ruler shows {d} cm between {places}.")]
ASK_REAL = [T("How far apart are they in real life, in km?"), T("What is the real distance in km?"), T("Find the actual distance in kilometres."),
            T("How many kilometres apart are they really?"), H("How great is the true distance, in km?")]
REAL = [T("{places} are {D} km apart."), T("The real distance between {places} is {D} km."), T("In real life, {places} are {D} km apart."),
        T("{places} are {D} km from each other."), H("{D} km separate {places}.")]
ASK_MAP = [T("How far apart are they on the map?"), T("What is the distance on the map in cm?"), T("How many centimetres apart are they on the map?"),
           T("Find the map distance in cm."), H("How long a line on the map joins them, in cm?")]


def ratio(rng: random.Random, p: int, q: int) -> str:
    return f"{p}:{q}" if rng.random() < 0.6 else f"{p} : {q}"


def coprime_pair(rng: random.Random) -> tuple[int, int]:
    """Two different terms from 2-9 with no common factor: a ratio as books state it, and plural nouns on both sides."""
    while True:
        p, q = rng.randint(2, 9), rng.randint(2, 9)
        if math.gcd(p, q) == 1:
            return p, q


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    kind = rng.choice(["unitary", "recipe", "simplest", "share", "share_more", "missing_term", "part_to_part", "total_from_part",
                       "map_scale", "map_distance", "map_ratio"])
    name = person(rng)
    steps = StepLines()

    def done(forms: list, answer: object, **values: object) -> Example:
        return Example("ratio_proportion", compose(rng, forms, which, name=name, **values), steps, str(answer), {"kind": kind})

    line = steps.whole

    if kind == "unitary":
        n, price = rng.randint(2, 9), rng.randint(2, lv.max_small)
        m = rng.choice([k for k in range(2, lv.max_small + 1) if k != n])
        unit = line(n * price, "/", n)
        ans = line(unit, "*", m)
        if rng.random() < 0.5:
            box, boxes, items = rng.choice(BOXES)
            return done([[HOLD_FACT, HOLD_ASK]], ans, n=num(n, rng), m=m, cost=n * price, box=box, boxes=boxes, items=items, hold="hold")
        cost = money(n * price * 100) if rng.random() < 0.7 else f"{n * price} dollars"
        return done([[COST_FACT, COST_ASK], [COST_DIRECT]], ans, n=num(n, rng), m=m, cost=cost, goods=rng.choice(GOODS))
    if kind == "recipe":
        a, b, k = rng.randint(1, 9), rng.randint(1, 9), rng.randint(2, 9)
        times = line(b * k, "/", b)
        ans = line(a, "*", times)
        x, y, unit = rng.choice(MIXES)

        def q(count: int) -> str:
            return f"{count} {unit}" + ("" if count == 1 else "s")
        return done([[MIX_RATIO, MIX_GIVEN, MIX_ASK], [MIX_DIRECT]], ans, a=a, b=b, a_q=q(a), b_q=q(b), c_q=q(b * k), x=x, y=y, units=unit + "s")
    if kind == "simplest":
        p, q0 = rng.randint(1, 9), rng.randint(1, 9)
        while math.gcd(p, q0) != 1:
            q0 += 1
        g = rng.randint(2, lv.max_small)
        line(p * g, "/", g)
        line(q0 * g, "/", g)
        x, y, where = rng.choice(GROUPS)
        return done([[SIMPLEST], [COUNTS, ASK_SIMPLEST]], f"{p}:{q0}", r=ratio(rng, p * g, q0 * g), pg=p * g, qg=q0 * g, x=x, y=y, where=where)
    if kind in ("share", "share_more"):
        a, b = people(rng, 2)
        if kind == "share":
            p, q0 = rng.randint(1, 9), rng.randint(1, 9)
        else:
            p, q0 = coprime_pair(rng)
        unit = rng.randint(2, lv.max_small)
        total = (p + q0) * unit
        parts = line(p, "+", q0)
        per = line(total, "/", parts)
        items = rng.choice(["marbles", "stickers", "sweets", "cards", "shells"])
        cash = rng.random() < 0.6
        values = {"a": a, "b": b, "p": p, "q": q0, "r": ratio(rng, p, q0), "total": total,
                  "total_q": money(total * 100) if cash else f"{total} {items}", "how": "How much" if cash else f"How many {items}",
                  "how_more": "How much more" if cash else f"How many more {items}", "is": "is" if cash else "are"}
        if kind == "share":
            first = rng.random() < 0.5
            ans = line(per, "*", p if first else q0)
            forms = [[SHARE_FACT, SHARE_ASK]] + ([[SHARE_DIRECT]] if not cash else [])
            return done(forms, ans, asked=a if first else b, part="first" if first else "second", **values)
        big, small = (a, b) if p > q0 else (b, a)
        gap = line(max(p, q0), "-", min(p, q0))
        ans = line(per, "*", gap)
        return done([[SHARE_FACT, MORE_ASK]], ans, big=big, small=small, **values)
    if kind == "missing_term":
        a, k = rng.randint(2, 9), rng.randint(2, 12)
        b = rng.choice([t for t in range(2, 13) if t != a])
        v = rng.choice(["x", "n", "y", "k"])
        if rng.random() < 0.5:       # a : b = v : d
            d = b * k
            line(d, "/", b)
            ans = line(a, "*", k)
            eq, blank = f"{a} : {b} = {v} : {d}", f"{a} : {b} = ? : {d}"
            frac = f"\\frac{{{a}}}{{{b}}} = \\frac{{{v}}}{{{d}}}"
            terms = (a, b, v, d)
        else:                        # a : b = c : v
            c = a * k
            line(c, "/", a)
            ans = line(b, "*", k)
            eq, blank = f"{a} : {b} = {c} : {v}", f"{a} : {b} = {c} : ?"
            frac = f"\\frac{{{a}}}{{{b}}} = \\frac{{{c}}}{{{v}}}"
            terms = (a, b, c, v)
        shown = f"${frac}$" if rng.random() < 0.25 else f"${eq}$" if rng.random() < 0.6 else eq
        t1, t2, t3, t4 = terms
        return done([[PROPORTION], [IN_WORDS, ASK_V]], ans, v=v, t1=t1, t2=t2, t3=t3, t4=t4, eq=shown, blank=blank)
    if kind in ("part_to_part", "total_from_part"):
        p, q0 = coprime_pair(rng)
        k = rng.randint(2, lv.max_small)
        x, y, where = rng.choice(GROUPS)
        first = rng.random() < 0.5
        known, kn, other = (p * k, x, y) if first else (q0 * k, y, x)
        values = {"p": p, "q": q0, "r": ratio(rng, p, q0), "x": x, "y": y, "where": where, "known": known, "kn": kn, "other": other}
        if kind == "part_to_part":
            per = line(known, "/", p if first else q0)
            ans = line(q0 if first else p, "*", per)
            return done([[GROUP_RATIO, KNOWN, ASK_OTHER]], ans, **values)
        parts = line(p, "+", q0)
        per = line(known, "/", p if first else q0)
        ans = line(per, "*", parts)
        return done([[GROUP_RATIO, KNOWN, ASK_ALL]], ans, **values)
    places = rng.choice(PLACES)
    d = rng.randint(2, lv.max_small)
    if kind == "map_ratio":
        n = rng.choice([100000, 200000, 250000, 500000])
        d += d % 2                   # 1 : 250000 gives whole kilometres from an even number of cm
        cm = line(d, "*", n)
        ans = line(cm, "/", 100000)
        return done([[SCALE_RATIO, ON_MAP, ASK_REAL]], ans, n=n, d=d, places=places)
    k = rng.choice([2, 3, 4, 5, 10, 20, 25, 50])
    if kind == "map_scale":
        ans = line(d, "*", k)
        return done([[SCALE, ON_MAP, ASK_REAL], [ON_MAP, SCALE, ASK_REAL]], ans, k=k, d=d, places=places)
    ans = line(d * k, "/", k)
    return done([[SCALE, REAL, ASK_MAP], [REAL, SCALE, ASK_MAP]], ans, k=k, D=d * k, places=places)
