"""Rates, v3: distance, time and speed (km/h, mph, "km an hour"); a unit price times a count, the price
of one from a total, the price of more from a total, how many a sum of money buys; work at a rate
(how much is made, how long a job takes, the rate from a total), each asked in composed sentences
(compose.py). The v2 kinds keep v2's numbers and step lines: distance, time, speed, price, work."""
from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, possessive, pronoun
from ..phrasing import H, T, Template, money, num
from ..registry import Templates


def first(slot: list[Template]) -> list[Template]:
    """The same sentences opening the story: the mover is introduced ("a train"), not referred back to."""
    text = {"{the}": "{a}", "{The}": "{A}", "{poss}": "{a_poss}", "{Poss}": "{A_poss}"}
    out = []
    for t in slot:
        s = t.text
        for old, new in text.items():
            s = s.replace(old, new)
        out.append(Template(s, t.heldout))
    return out


# ---------------------------------------------------------------- distance, speed and time
# A scene: who moves, the verb in both forms; a person's name replaces NAME.
MOVERS = [("a train", "the train", "travels", "travel"), ("a car", "the car", "travels", "travel"), ("a bus", "the bus", "travels", "travel"),
          ("a coach", "the coach", "travels", "travel"), ("a boat", "the boat", "sails", "sail"), ("NAME", "NAME", "drives", "drive"),
          ("a truck", "the truck", "travels", "travel"), ("a cyclist", "the cyclist", "rides", "ride")]
# (distance unit, its singular, speed units as written in facts, speed units asked for)
UNITS = [("km", "km", ["km/h", "km per hour", "km an hour", "kilometres per hour"], ["km/h", "km per hour", "kilometres per hour"]),
         ("kilometres", "kilometre", ["kilometres per hour", "km/h", "kilometres an hour"], ["km/h", "kilometres per hour"]),
         ("miles", "mile", ["miles per hour", "mph", "miles an hour"], ["miles per hour", "mph"])]
SPEED_FACT = [T("{The} {goes} at {speed} {per}."), T("{The} {goes} at a steady {speed} {per}."), T("{Poss} average speed is {speed} {per}."),
              T("{The} keeps to a speed of {speed} {per}."), H("{The} moves along at an even {speed} {per}.")]
HOURS_FACT = [T("The journey takes {time} hours."), T("The trip lasts {time} hours."), T("{The} is on the way for {time} hours."),
              T("The whole trip takes {time} hours."), H("{The} is on the move for {time} hours.")]
DIST_FACT = [T("{The} {goes} {distance} {unit}."), T("{The} covers {distance} {unit}."), T("{The} makes a trip of {distance} {unit}."),
             T("{The} has {distance} {unit} to go."), H("{The} sets out on a {distance}-{unit1} journey.")]
SPEED_HOURS = [T("{A} {goes} at {speed} {per} for {time} hours."), T("For {time} hours, {a} {goes} at {speed} {per}."),
               T("{A} {goes} for {time} hours at a steady {speed} {per}."), H("{A} spends {time} hours moving at {speed} {per}.")]
DIST_HOURS = [T("{A} {goes} {distance} {unit} in {time} hours."), T("In {time} hours, {a} covers {distance} {unit}."),
              T("{A} takes {time} hours to {go} {distance} {unit}."), H("It takes {a} {time} hours to get through {distance} {unit}.")]
DIST_SPEED = [T("{A} {goes} {distance} {unit} at {speed} {per}."), T("{A} covers {distance} {unit} at a steady {speed} {per}."),
              T("At {speed} {per}, {a} {goes} {distance} {unit}."), H("{A} does a {distance}-{unit1} trip, never leaving {speed} {per}.")]
ASK_DISTANCE = [T("How far does {the} {go}?"), T("How many {unit} does {the} cover?"), T("What distance does {the} cover?"),
                T("Find the distance {the} {goes}."), T("Work out how far {the} {goes}, in {unit}."),
                H("How long is the whole trip in {unit}?")]
ASK_HOURS = [T("How many hours does the journey take?"), T("How long does it take, in hours?"), T("How long does {the} take?"),
             T("Find the time taken in hours."), T("Work out the journey time in hours."), H("For how many hours is {the} on the way?")]
ASK_SPEED = [T("What is {poss} average speed?"), T("Find {poss} speed in {per_ask}."), T("How fast does {the} {go}, in {per_ask}?"),
             T("Calculate {poss} average speed in {per_ask}."), T("What is the speed in {per_ask}?"),
             H("At what speed, in {per_ask}, is {the} moving?")]
DIRECT_DISTANCE = [T("How far does {a} {go} in {time} hours at {speed} {per}?"),
                   T("At {speed} {per}, how many {unit} does {a} cover in {time} hours?"),
                   T("Find the distance covered in {time} hours at {speed} {per}."),
                   T("What distance is travelled in {time} hours at a speed of {speed} {per}?"),
                   H("If {a} {goes} at {speed} {per} for {time} hours, what distance is covered?")]
DIRECT_HOURS = [T("How many hours does it take to {go} {distance} {unit} at {speed} {per}?"),
                T("At {speed} {per}, how long does a {distance}-{unit1} trip take?"),
                T("Find the time, in hours, to cover {distance} {unit} at {speed} {per}."),
                T("How long will {a} take to {go} {distance} {unit} at {speed} {per}?"),
                H("Going at {speed} {per}, after how many hours are {distance} {unit} done?")]
DIRECT_SPEED = [T("What is the average speed for a trip of {distance} {unit} that takes {time} hours?"),
                T("Find the speed needed to cover {distance} {unit} in {time} hours."),
                T("How fast, in {per_ask}, must {a} {go} to cover {distance} {unit} in {time} hours?"),
                T("{distance} {unit} in {time} hours: what is the average speed in {per_ask}?"),
                H("Covering {distance} {unit} in {time} hours means going at what speed?")]

# ---------------------------------------------------------------- prices
GOODS = [("pencil", "pencils"), ("notebook", "notebooks"), ("apple", "apples"), ("ticket", "tickets"), ("cupcake", "cupcakes"),
         ("marker", "markers"), ("pen", "pens"), ("sticker book", "sticker books"), ("orange", "oranges"), ("mug", "mugs"),
         ("comic", "comics"), ("bag of rice", "bags of rice"), ("plant pot", "plant pots")]
EACH = [T("{goods} cost {price} each."), T("One {good} costs {price}."), T("A {good} is {price}."), T("The shop sells {goods} at {price} each."),
        T("Each {good} costs {price}."), H("{goods} are priced at {price} apiece.")]
BUYS = [T("{name} buys {count} {goods}."), T("{name} wants {count} {goods}."), T("{name} orders {count} {goods}."),
        T("{name} picks up {count} {goods}."), H("{name} takes {count} {goods} to the till.")]
ASK_TOTAL = [T("How much does {he} pay?"), T("What is the total cost?"), T("How much does {he} spend?"), T("Find the total cost in dollars."),
             T("Work out how much {he} pays altogether."), H("How big is the bill for all of them?")]
DIRECT_TOTAL = [T("How much do {count} {goods} cost at {price} each?"), T("What is the cost of {count} {goods} if one costs {price}?"),
                T("Find the price of {count} {goods} when each is {price}."), T("{name} buys {count} {goods} at {price} each. What does {he} pay?"),
                H("{count} {goods} at {price} each come to how much?")]
TOTAL_FACT = [T("{count} {goods} cost {total}."), T("{name} pays {total} for {count} {goods}."), T("A pack of {count} {goods} costs {total}."),
              T("{name} spends {total} on {count} {goods}."), H("{total} buys {count} {goods}.")]
ASK_ONE = [T("How much does one {good} cost?"), T("What is the price of one {good}?"), T("Find the cost of a single {good}."),
           T("What does each {good} cost?"), H("How much is that per {good}?")]
DIRECT_ONE = [T("If {count} {goods} cost {total}, what does one cost?"), T("What is the price of one {good} when {count} cost {total}?"),
              T("{count} {goods} cost {total}. Find the cost of one {good}."), T("How much is one {good} if {count} of them cost {total}?"),
              H("{count} {goods} sell for {total} altogether. How much does just one cost?")]
ASK_MORE = [T("How much do {m} {goods} cost?"), T("What would {m} {goods} cost?"), T("At the same price, how much are {m} {goods}?"),
            T("Find the cost of {m} {goods}."), H("At this rate, what is the price of {m} of them?")]
DIRECT_MORE = [T("If {count} {goods} cost {total}, how much do {m} cost?"), T("How much do {m} {goods} cost if {count} cost {total}?"),
               T("{count} {goods} cost {total}. What is the cost of {m} {goods}?"),
               H("Paying {total} for {count} {goods}, what would {m} of the same cost?")]
BUDGET = [T("{name} has {total} to spend."), T("{name} has {total}."), T("{name} brings {total} to the shop."), T("{name}'s budget is {total}."),
          H("{name} is carrying {total} in {his} wallet.")]
ASK_AFFORD = [T("How many {goods} can {he} buy?"), T("How many can {he} buy?"), T("How many {goods} can {he} afford?"),
              T("What is the largest number of {goods} {he} can buy?"), H("How many {goods} does that pay for?")]
DIRECT_AFFORD = [T("How many {goods} at {price} each can {name} buy with {total}?"), T("With {total}, how many {goods} at {price} each can you buy?"),
                 T("{goods} cost {price} each. How many can be bought with {total}?"),
                 H("{total} is spent on {goods} costing {price} apiece. How many are bought?")]

# ---------------------------------------------------------------- work at a rate
# (who, the verb in both forms, what is made, the time unit)
WORKERS = [("a machine", "the machine", "makes", "make", "bolts", "minute"), ("a printer", "the printer", "prints", "print", "pages", "minute"),
           ("a pump", "the pump", "pumps", "pump", "litres", "minute"), ("NAME", "NAME", "types", "type", "words", "minute"),
           ("a bottling line", "the bottling line", "fills", "fill", "bottles", "minute"), ("a baker", "the baker", "bakes", "bake", "rolls", "hour"),
           ("a robot", "the robot", "packs", "pack", "boxes", "minute"), ("NAME", "NAME", "folds", "fold", "leaflets", "minute")]
RATE_FACT = [T("{The} {makes} {rate} {items} per {unit}."), T("{The} {makes} {rate} {items} every {unit}."), T("{The} {makes} {rate} {items} a {unit}."),
             T("Each {unit}, {the} {makes} {rate} {items}."), H("{The} manages {rate} {items} in one {unit}.")]
WORK_TIME = [T("{The} works for {time} {units}."), T("{The} keeps going for {time} {units}."), T("This goes on for {time} {units}."),
             T("{The} works at this rate for {time} {units}."), H("{The} does not stop for {time} {units}.")]
ASK_MADE = [T("How many {items} does {the} {make} in that time?"), T("How many {items} is that altogether?"), T("Find the total number of {items}."),
            T("How many {items} does {the} {make} in all?"), H("Altogether, how many {items} come out?")]
DIRECT_MADE = [T("How many {items} does {a} {make} in {time} {units} at {rate} per {unit}?"),
               T("At {rate} {items} per {unit}, how many {items} are done in {time} {units}?"),
               T("{A} {makes} {rate} {items} per {unit}. How many in {time} {units}?"),
               H("Working for {time} {units} at {rate} {items} a {unit}, how many {items} does {a} {make}?")]
JOB = [T("{The} has to {make} {total} {items}."), T("There are {total} {items} to {make}."), T("The job is {total} {items}."),
       T("{total} {items} are needed."), H("{The} must get through {total} {items}.")]
ASK_HOW_LONG = [T("How many {units} does it take?"), T("How long does it take, in {units}?"), T("How many {units} will {the} need?"),
                T("Find the time needed in {units}."), H("After how many {units} is the job done?")]
DIRECT_HOW_LONG = [T("How many {units} does {a} need to {make} {total} {items} at {rate} per {unit}?"),
                   T("At {rate} {items} per {unit}, how long does it take to {make} {total} {items}?"),
                   T("{A} {makes} {rate} {items} per {unit}. How many {units} for {total} {items}?"),
                   H("To get {total} {items} at {rate} a {unit}, how many {units} of work are needed?")]
TOTAL_IN = [T("{A} {makes} {total} {items} in {time} {units}."), T("In {time} {units}, {a} {makes} {total} {items}."),
            T("It takes {a} {time} {units} to {make} {total} {items}."), H("{total} {items} come from {a} over {time} {units}.")]
ASK_RATE = [T("How many {items} does {the} {make} per {unit}?"), T("What is the rate in {items} per {unit}?"),
            T("How many {items} is that each {unit}?"), T("Find how many {items} {the} {makes} in one {unit}."),
            H("At this steady pace, what is the output for one {unit}?")]
DIRECT_RATE = [T("{A} {makes} {total} {items} in {time} {units}. How many per {unit}?"),
               T("What is the rate per {unit} if {total} {items} take {time} {units}?"),
               T("Find the number of {items} per {unit} when {a} {makes} {total} in {time} {units}."),
               H("Spread evenly over {time} {units}, {total} {items} means how many each {unit}?")]


def up(words: str) -> str:
    """A sentence that opens with "a train" must read "A train" (compose capitalises only a first word of two letters or more)."""
    return words[0].upper() + words[1:]


def cash(dollars: int, sign: bool) -> str:
    return money(dollars * 100) if sign else f"{dollars} dollars"


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    slots: dict[str, object] = {"name": name, "he": pronoun(name), "his": possessive(name)}
    kind = rng.choice(["distance", "time", "speed", "price", "work", "unit_price", "price_of_more", "afford", "work_time", "work_rate"])
    steps: list[str] = []
    if kind in ("distance", "time", "speed"):
        # v2's numbers: speeds 15-60 in fives, 2-7 hours (2-8 hard).
        speed, time = rng.randint(3, 12) * 5, rng.randint(2, max(3, lv.max_small // 3))
        a, the, goes, go = rng.choice([m for m in MOVERS if speed <= 30 or m[2] != "rides"])
        a, the = a.replace("NAME", name), the.replace("NAME", name)
        unit, unit1, pers, asks = rng.choice(UNITS)
        slots.update(a=a, the=the, A=up(a), The=up(the), goes=goes, go=go, poss=f"{the}'s", a_poss=f"{a}'s", Poss=up(f"{the}'s"), A_poss=up(f"{a}'s"),
                     unit=unit, unit1=unit1, per=rng.choice(pers),
                     per_ask=rng.choice(asks), speed=speed, time=num(time, rng), distance=speed * time)
        if kind == "distance":
            line, ans = step(speed, "*", time)
            forms = [[first(SPEED_FACT), HOURS_FACT, ASK_DISTANCE], [SPEED_HOURS, ASK_DISTANCE], [DIRECT_DISTANCE]]
        elif kind == "time":
            line, ans = step(speed * time, "/", speed)
            forms = [[first(DIST_FACT), SPEED_FACT, ASK_HOURS], [first(SPEED_FACT), DIST_FACT, ASK_HOURS], [DIST_SPEED, ASK_HOURS],
                     [DIRECT_HOURS]]
        else:
            line, ans = step(speed * time, "/", time)
            forms = [[first(DIST_FACT), HOURS_FACT, ASK_SPEED], [DIST_HOURS, ASK_SPEED], [DIRECT_SPEED]]
        return Example("rates", compose(rng, forms, which, **slots), [line], str(ans), {"kind": kind})
    if kind in ("price", "unit_price", "price_of_more", "afford"):
        good, goods = rng.choice(GOODS)
        price, count = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
        m = rng.choice([k for k in range(2, lv.max_small + 1) if k != count])
        sign = rng.random() < 0.75     # one way of writing money in the whole question
        slots.update(good=good, goods=goods, price=cash(price, sign), count=num(count, rng), m=num(m, rng), total=cash(price * count, sign))
        if kind == "price":
            line, ans = step(count, "*", price)
            forms = [[EACH, BUYS, ASK_TOTAL], [BUYS, EACH, ASK_TOTAL], [DIRECT_TOTAL]]
        elif kind == "unit_price":
            line, ans = step(price * count, "/", count)
            forms = [[TOTAL_FACT, ASK_ONE], [DIRECT_ONE]]
        elif kind == "price_of_more":
            steps.append(step(price * count, "/", count)[0])
            line, ans = step(price, "*", m)
            forms = [[TOTAL_FACT, ASK_MORE], [DIRECT_MORE]]
        else:
            line, ans = step(price * count, "/", price)
            forms = [[EACH, BUDGET, ASK_AFFORD], [BUDGET, EACH, ASK_AFFORD], [DIRECT_AFFORD]]
        return Example("rates", compose(rng, forms, which, **slots), steps + [line], str(ans), {"kind": kind})
    # Work: v2's numbers, a rate of 2-44 for 2-22 time units.
    rate, time = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    a, the, makes, make, items, unit = rng.choice(WORKERS)
    a, the = a.replace("NAME", name), the.replace("NAME", name)
    slots.update(a=a, the=the, A=up(a), The=up(the), makes=makes, make=make, items=items, unit=unit, units=unit + "s", rate=rate,
                 time=num(time, rng), total=rate * time)
    if kind == "work":
        line, ans = step(rate, "*", time)
        forms = [[first(RATE_FACT), WORK_TIME, ASK_MADE], [DIRECT_MADE]]
    elif kind == "work_time":
        line, ans = step(rate * time, "/", rate)
        forms = [[first(RATE_FACT), JOB, ASK_HOW_LONG], [DIRECT_HOW_LONG]]
    else:
        line, ans = step(rate * time, "/", time)
        forms = [[TOTAL_IN, ASK_RATE], [DIRECT_RATE]]
    return Example("rates", compose(rng, forms, which, **slots), [line], str(ans), {"kind": kind})
