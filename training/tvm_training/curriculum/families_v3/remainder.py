"""Division with a remainder, v3: quotient and remainder, what is left over, whole groups, and
rounding up to whole groups, each asked in composed sentences (compose.py)."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import MORE_ITEMS, person
from ..phrasing import H, T
from ..registry import Templates

BOTH = [[[T("Divide {a} by {b}."), T("Work out {a} ÷ {b}."), T("Find {a} divided by {b}."), H("Share {a} into {b} equal parts.")],
         [T("Give the quotient and the remainder."), T("What are the quotient and remainder?"),
          H("State the whole-number answer and what remains.")]],
        [[T("What is {a} divided by {b}, with remainder?"), T("Find the quotient and remainder when {a} is divided by {b}."),
          T("{a} ÷ {b} = ? (with remainder)"), H("How many times does {b} go into {a}, and what is left?")]]]
# Facts: the total and the group size, in either order; then what is asked.
TOTAL = [T("{name} has {a} {items}."), T("There are {a} {items}."), T("A teacher has {a} {items}."),
         T("{a} {items} are shared out."), H("{name} collects {a} {items} in all.")]
SHARE = [T("{name} shares {a} {items} equally among {b} friends."), T("{a} {items} are split equally between {b} children."),
         T("{name} gives out {a} {items}, the same number to each of {b} people."),
         H("{b} friends divide {a} {items} evenly between them.")]
GROUP_SIZE = [T("{name} puts {b} in each bag."), T("They are packed in boxes of {b}."), T("Each box holds {b}."),
              T("They go into groups of {b}."), H("Every pack takes exactly {b} of them.")]
LEFT_ASK = [T("How many {items} are left over?"), T("How many are left?"), T("What is left over?"),
            T("How many {items} remain?"), H("How many cannot be used?")]
LEFT_DIRECT = [T("What is the remainder when {a} is divided by {b}?"), T("Find the remainder of {a} ÷ {b}."),
               T("What is left when {a} is divided by {b}?"), H("What remains after dividing {a} by {b}?")]
GROUPS_ASK = [T("How many full boxes are there?"), T("How many bags can be filled?"), T("How many full groups can be made?"),
              T("How many complete groups are there?"), H("How many packs are completely full?")]
GROUPS_DIRECT = [H("How many complete groups of {b} can be made from {a} {items}?"), T("How many groups of {b} can {a} {items} make?"),
                 T("How many boxes of {b} can be filled from {a} {items}?"),
                 H("From {a} {items}, how many full packs of {b} can be made?")]
# Rounding up: a scene keeps the container, what it holds and the verb together, so that every
# composed question tells one story.
SCENES = [("bus", "buses", "students", "holds"), ("table", "tables", "guests", "seats"), ("box", "boxes", "books", "holds"),
          ("van", "vans", "people", "carries"), ("boat", "boats", "campers", "takes"), ("shelf", "shelves", "jars", "holds"),
          ("tent", "tents", "scouts", "sleeps"), ("car", "cars", "children", "takes")]
CAPACITY = [T("Each {one} {verb} {b} {who}."), T("One {one} {verb} {b} {who}."), T("A {one} {verb} at most {b} {who}."),
            T("{b} {who} fit in each {one}."), H("No {one} can take more than {b} {who}.")]
CROWD = [T("There are {a} {who}."), T("{name} has {a} {who} to fit in."), T("{name} has to find room for {a} {who}."),
         T("In all there are {a} {who}."), H("Altogether {a} {who} need a place.")]
NEEDED = [T("How many {many} are needed?"), T("What is the least number of {many} needed?"),
          T("How many {many} are needed so that everyone fits?"), T("How many {many} does {name} need?"),
          H("What is the smallest number of {many} that will do?")]
NEEDED_DIRECT = [T("How many {many} are needed for {a} {who} if each {one} {verb} {b}?"),
                 T("Each {one} {verb} {b} {who}. What is the least number of {many} needed for {a} {who}?"),
                 T("How many {many} of {b} are needed for {a} {who}?"),
                 H("If {b} {who} fit in a {one}, how many {many} do {a} {who} need?")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    b = rng.randint(3, lv.max_small)
    quotient, rest = rng.randint(2, lv.max_small), rng.randint(1, b - 1)
    a = b * quotient + rest
    kind = rng.choice(["both", "left", "groups", "round_up"])
    steps = [step(b, "*", quotient)[0], step(a, "-", b * quotient)[0]]
    slots = {"a": a, "b": b, "name": person(rng), "items": rng.choice(MORE_ITEMS)}
    if kind == "both":
        return Example("remainder", compose(rng, BOTH, which, **slots), steps, f"{quotient} remainder {rest}", {"kind": kind})
    if kind == "left":
        forms = [[TOTAL, GROUP_SIZE, LEFT_ASK], [SHARE, LEFT_ASK], [LEFT_DIRECT]]
        return Example("remainder", compose(rng, forms, which, **slots), steps, str(rest), {"kind": kind})
    if kind == "groups":
        forms = [[TOTAL, GROUP_SIZE, GROUPS_ASK], [GROUPS_DIRECT]]
        return Example("remainder", compose(rng, forms, which, **slots), steps, str(quotient), {"kind": kind})
    line, ans = step(quotient, "+", 1)
    one, many, who, verb = rng.choice(SCENES)
    forms = [[CAPACITY, CROWD, NEEDED], [NEEDED_DIRECT]]
    slots.update(one=one, many=many, who=who, verb=verb)
    return Example("remainder", compose(rng, forms, which, shuffle_facts=True, **slots), steps + [line], str(ans), {"kind": kind})
