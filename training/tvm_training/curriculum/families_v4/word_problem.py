"""Everyday stories, v4: larger arrays and textbook stories of several operations of mixed kinds.

v3's word problems (families_v3/word_problem.py) multiply only small numbers (rows and groups up to
22) and chain events of one pattern (a pile that grows and shrinks), so the policy met few stories
whose steps mix ×, ÷, + and − on numbers a school textbook uses. v4 adds:
- arrays with larger numbers: rows of seats in a cinema (then the empty seats, or the ticket money),
  and boxes of packs of items (crates × boxes × items, maybe some sold);
- stories of 3–5 sentences and 2–4 operations, the question last, every number used: pay per hour
  for hours a week over some weeks less what is spent; a farm's eggs a day less those used, sold in
  boxes at a price over some days; a class trip's tickets plus a bus split equally; savings each
  week plus a gift less a purchase; twice / half as many and some more or fewer, then a total.
Money is in $ or £, whole or with cents; each step line is one operation.
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from ..compose import compose
from ..example import Example, Level
from ..latex import apply, op_tex, step
from ..names import MORE_ITEMS, people, possessive, pronoun
from ..phrasing import H, T, Template, decimal, num

# v2 holds out questions whose later sentence starts "What is" and those starting "Determine": the
# training sentences here avoid both, as v3's do.

# ---------------------------------------------------------------- arrays: rows of seats
SCENES = [("cinema", "seats", "tickets"), ("theatre", "seats", "tickets"), ("concert hall", "chairs", "tickets"),
          ("stadium stand", "seats", "tickets"), ("school hall", "chairs", "tickets for the play")]
ROWS = [T("A {place} has {r} rows of {p} {things}."), T("There are {r} rows in a {place}, with {p} {things} in every row."),
        T("The {things} in a {place} are arranged in {r} rows of {p}."), T("In the {place}, {r} rows each have {p} {things}."),
        H("Each of the {r} rows in the {place} holds {p} {things}.")]
ROWS_TOTAL = [T("How many {things} are there in total?"), T("How many {things} does the {place} have?"),
              T("Find the total number of {things}."), T("How many people can sit in the {place}?"),
              H("Altogether, how many {things} are in the {place}?")]
EMPTY = [T("At one show, {e} {things} are empty."), T("On Friday {e} of the {things} are not taken."),
         T("For the evening show, {e} {things} stay empty."), T("At a matinee there are {e} empty {things}."),
         H("When the lights go down, {e} {things} have nobody in them.")]
FULL_ASK = [T("How many {things} are taken?"), T("How many people are in the audience?"), T("How many {things} are filled?"),
            T("How many people are sitting down?"), H("Counting only the occupied {things}, how many are there?")]
PRICE = [T("Every seat is sold for {price}."), T("{cap_tickets} cost {price} each, and every seat is sold."),
         T("All the seats are sold at {price} each."), T("Each ticket costs {price} and the show sells out."),
         H("The show is a sell-out at {price} a ticket.")]
TAKINGS_ASK = [T("How much money do the {tickets} bring in?"), T("How much is taken from ticket sales?"),
               T("How much money is collected for the show?"), T("Find the total ticket money."),
               H("Ticket sales come to how much?")]

# ---------------------------------------------------------------- arrays: crates of boxes of items
CRATES = [T("A shop orders {c} crates of {item}."), T("{c} crates of {item} arrive at a warehouse."),
          T("A school buys {c} crates of {item}."), T("The delivery van brings {c} crates of {item}."),
          H("A supplier sends out {c} crates of {item}.")]
BOXES = [T("Each crate holds {b} boxes, and each box has {m} {item}."), T("There are {b} boxes in a crate and {m} {item} in a box."),
         T("Every crate contains {b} boxes of {m} {item}."), T("A crate has {b} boxes inside, with {m} {item} in each box."),
         H("Inside a crate sit {b} boxes, {m} {item} to a box.")]
SOLD = [T("Later, {s} {item} are sold."), T("By Friday {s} {item} have been used."), T("The shop then sells {s} {item}."),
        T("Then {s} of the {item} are handed out."), H("During the week {s} {item} go out of the door.")]
ITEMS_ASK = [T("How many {item} are there in total?"), T("How many {item} is that altogether?"),
             T("How many {item} arrive?"), T("Find the number of {item}."), H("Counting every box, how many {item} are there?")]
ITEMS_LEFT_ASK = [T("How many {item} are left?"), T("How many {item} remain?"), T("How many {item} are still there?"),
                  T("Find how many {item} are left."), H("After that, how many {item} are still in the boxes?")]

# ---------------------------------------------------------------- pay per hour
RATE = [T("{name} earns {rate} an hour at a weekend job."), T("{name} is paid {rate} per hour."),
        T("{name}'s part-time job pays {rate} for every hour."), T("{name} works at a bookshop for {rate} an hour."),
        H("For each hour at the garden centre, {name} is paid {rate}.")]
WEEK = [T("{he} works {h} hours a week for {w} weeks."), T("Each week {he} works {h} hours, and {he} does this for {w} weeks."),
        T("{he} puts in {h} hours every week for {w} weeks."), T("Over {w} weeks, {he} works {h} hours each week."),
        H("For {w} weeks in a row {his} shifts add up to {h} hours a week.")]
BUY = [T("{he} then spends {spend} on a new bike."), T("Out of {his} pay {he} buys a phone for {spend}."),
       T("{he} spends {spend} on a school trip."), T("Then {he} pays {spend} for driving lessons."),
       H("A guitar costing {spend} comes out of the money.")]
HALF_SAVED = [T("{he} puts half of the rest into a savings account."), T("Half of what is left goes into {his} savings."),
              T("{he} saves half of the money that is left."), H("Of the remainder, exactly half is put aside.")]
MONEY_LEFT_ASK = [T("How much money does {he} have left?"), T("How much of {his} pay is left?"), T("How much does {name} have left?"),
                  T("How much money is left over?"), H("How much remains in {name}'s pocket?")]
SAVED_ASK = [T("How much does {he} save?"), T("How much money goes into savings?"), T("How much does {name} put into savings?"),
             T("Find the amount {he} saves."), H("How big is the amount set aside?")]

# ---------------------------------------------------------------- eggs from a farm
LAID = [T("The hens on {name}'s farm lay {e} eggs a day."), T("{name} collects {e} eggs from the hens every day."),
        T("Each day {name}'s chickens lay {e} eggs."), T("A farm's hens lay {e} eggs each day."), H("Every morning {e} eggs are gathered at the farm.")]
USED = [T("The family uses {u} of them each day."), T("{u} eggs a day are used in the farm kitchen."),
        T("Every day {u} eggs go into baking."), T("The farmer keeps {u} eggs a day for cooking."), H("Meals at home use up {u} eggs a day.")]
BOXED = [T("The rest are packed in boxes of {box} and sold for {price} a box."), T("The other eggs are sold in boxes of {box} at {price} per box."),
         T("The remaining eggs go into boxes of {box}, and each box sells for {price}."),
         T("Any eggs left over are sold at the market in boxes of {box}, at {price} a box."),
         H("Leftover eggs are boxed {box} at a time and fetch {price} a box.")]
EGG_ASK = [T("How much money does the farm make from eggs in {days} days?"), T("How much is earned from egg sales over {days} days?"),
           T("How much money do the eggs bring in over {days} days?"), T("Find the egg money for {days} days."),
           H("Over {days} days, egg sales come to how much?")]

# ---------------------------------------------------------------- a class trip
CLASS = [T("A class of {n} students goes on a trip to a museum."), T("{n} students are going on a class trip to the zoo."),
         T("A teacher takes {n} students to a science centre."), T("There are {n} students going on the Year 6 trip."),
         H("A group of {n} pupils books a day out at the aquarium.")]
TICKET = [T("A ticket costs {price} per student."), T("Entry is {price} for each student."), T("Each student's ticket costs {price}."),
          T("The entrance fee is {price} a student."), H("Every pupil needs a ticket priced at {price}.")]
BUS = [T("The bus costs {bus} in total."), T("Hiring the coach costs {bus}."), T("The school also pays {bus} for a bus."),
       T("A bus for the day costs {bus}."), H("On top of that, transport comes to {bus}.")]
SPLIT_ASK = [T("The total cost is shared equally. How much does each student pay?"),
             T("If the students share the whole cost equally, how much does each one pay?"),
             T("The cost is split evenly between the students. How much is each share?"),
             T("How much must each student pay if the total is split equally?"),
             H("With everything divided equally, what does one student owe?")]

# ---------------------------------------------------------------- savings
SAVES = [T("{name} saves {weekly} each week for {w} weeks."), T("For {w} weeks, {name} puts {weekly} a week into a money box."),
         T("{name} saves {weekly} every week for {w} weeks."), T("Each week for {w} weeks, {name} puts aside {weekly}."),
         H("{name} has been saving {weekly} a week, and has done so for {w} weeks.")]
GIFT = [T("{possessive_cap} grandmother gives {him} another {gift}."), T("For {his} birthday {he} also gets {gift}."),
        T("Then {he} is given {gift} as a present."), T("{he} also earns {gift} washing cars."),
        H("An aunt adds {gift} to the money box.")]
PURCHASE = [T("{he} then buys a game for {cost}."), T("Next, {he} spends {cost} on a pair of trainers."),
            T("{he} uses {cost} of it to buy a watch."), T("{he} then pays {cost} for a concert ticket."),
            H("A skateboard costing {cost} is bought with the savings.")]
SAVINGS_LEFT_ASK = [T("How much money does {name} have now?"), T("How much is left in the money box?"), T("How much does {he} have left?"),
                    T("How much of the money is left?"), H("How much remains after the purchase?")]

# ---------------------------------------------------------------- twice / half as many, then a total
FIRST = [T("{a} has {n} {item}."), T("{a} collects {n} {item}."), T("There are {n} {item} in {a}'s box."),
         T("{a} owns {n} {item}."), H("{a}'s collection counts {n} {item}.")]
TWICE = [T("{b} has twice as many {item} as {a}."), T("{b} has two times as many {item} as {a}."),
         T("{b} owns double the number {a} has."), T("{b}'s collection is twice the size of {a}'s."),
         H("{b} ends up with twice {a}'s number of {item}.")]
HALF = [T("{b} has half as many {item} as {a}."), T("{b} has half the number of {item} that {a} has."),
        T("{b}'s collection is half the size of {a}'s."), T("{b} owns half as many {item} as {a}."),
        H("{b} holds only half of {a}'s count of {item}.")]
MORE = [T("{c} has {d} more {item} than {b}."), T("{c} has {d} {item} more than {b}."), T("{c} owns {d} more than {b} does."),
        T("{c}'s collection has {d} more {item} than {b}'s."), H("{c} beats {b} by {d} {item}.")]
FEWER = [T("{c} has {d} fewer {item} than {b}."), T("{c} has {d} {item} less than {b}."), T("{c} owns {d} fewer than {b} does."),
         T("{c}'s collection has {d} fewer {item} than {b}'s."), H("{c} falls {d} {item} short of {b}.")]
ALL_ASK = [T("How many {item} do the three of them have altogether?"), T("How many {item} do they have in total?"),
           T("How many {item} do {a}, {b} and {c} have between them?"), T("Find the total number of {item} they have."),
           H("Put together, how many {item} is that?")]


def _cash(cents: int, sign: str) -> str:
    """An amount as a story writes it: $7, £7.25."""
    return f"{sign}{decimal(cents)}"


def _money_step(a: int, op: str, b: int, a_money: bool = True, b_money: bool = True) -> tuple[str, int]:
    """One operation on amounts in cents (and counts), written in currency units as v3 writes money:
    `$3 \\times 2.50 = 7.50$`."""
    c = apply(a, op, b)
    left = decimal(a) if a_money else str(a)
    right = decimal(b) if b_money else str(b)
    return f"${left} {op_tex(op)} {right} = {decimal(c)}$", c


def _price(rng: random.Random, low: int, high: int) -> int:
    """A price in cents: whole mostly, sometimes with 50 or 25 cents."""
    return rng.randint(low, high) * 100 + rng.choice([0, 0, 0, 50, 25])


def _array_rows(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    r, p = rng.randint(10, lv.max_small + 18), rng.randint(12, lv.max_small + 23)
    place, things, tickets = rng.choice(SCENES)
    slots.update(r=r, p=p, place=place, things=things, tickets=tickets, cap_tickets=tickets[0].upper() + tickets[1:])
    line, seats = step(r, "*", p)
    steps = [line]
    choice = rng.random()
    if choice < 0.35:
        return Example("word_problem", compose(rng, [[ROWS, ROWS_TOTAL]], which, **slots), steps, str(seats), {"kind": "array_rows"})
    if choice < 0.7:
        e = rng.randint(3, seats // 3)
        line, full = step(seats, "-", e)
        steps.append(line)
        q = compose(rng, [[ROWS, EMPTY, FULL_ASK]], which, **slots, e=e)
        return Example("word_problem", q, steps, str(full), {"kind": "array_rows_empty"})
    price = _price(rng, 4, 15)
    line, takings = _money_step(seats, "*", price, a_money=False)
    steps.append(line)
    q = compose(rng, [[ROWS, PRICE, TAKINGS_ASK]], which, **slots, price=_cash(price, slots["sign"]))  # type: ignore[arg-type]
    return Example("word_problem", q, steps, decimal(takings), {"kind": "array_rows_takings"})


def _array_crates(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    c, b, m = rng.randint(3, lv.max_small), rng.randint(4, 24), rng.randint(6, 48)
    slots.update(c=num(c, rng), b=b, m=m, item=rng.choice(MORE_ITEMS))
    line, boxes = step(c, "*", b)
    line2, total = step(boxes, "*", m)
    steps = [line, line2]
    if rng.random() < 0.5:
        return Example("word_problem", compose(rng, [[CRATES, BOXES, ITEMS_ASK]], which, **slots), steps, str(total),
                       {"kind": "array_crates"})
    s = rng.randint(10, total // 2)
    line, left = step(total, "-", s)
    steps.append(line)
    q = compose(rng, [[CRATES, BOXES, SOLD, ITEMS_LEFT_ASK]], which, **slots, s=s)
    return Example("word_problem", q, steps, str(left), {"kind": "array_crates_sold"})


def _wage(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    rate = _price(rng, 6, 18)
    h, w = rng.randint(4, 20), rng.randint(2, 10)
    sign = str(slots["sign"])
    line, weekly = _money_step(rate, "*", h, b_money=False)
    line2, earned = _money_step(weekly, "*", w, b_money=False)
    steps = [line, line2]
    # A whole price, at most two thirds of the pay.
    spend = rng.randint(max(1, earned // 400), earned * 2 // 300) * 100
    line, left = _money_step(earned, "-", spend)
    steps.append(line)
    slots.update(rate=_cash(rate, sign), h=num(h, rng), w=num(w, rng), spend=_cash(spend, sign))
    if left % 2 or rng.random() < 0.5:
        return Example("word_problem", compose(rng, [[RATE, WEEK, BUY, MONEY_LEFT_ASK]], which, **slots), steps, decimal(left),
                       {"kind": "wage_spent"})
    line, saved = _money_step(left, "/", 2, b_money=False)
    steps.append(line)
    return Example("word_problem", compose(rng, [[RATE, WEEK, BUY, HALF_SAVED, SAVED_ASK]], which, **slots), steps, decimal(saved),
                   {"kind": "wage_saved"})


def _eggs(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    box = rng.choice([6, 6, 10, 12])
    boxes_a_day = rng.randint(2, lv.max_small // 2 + 2)
    u = rng.randint(2, 15)
    e = boxes_a_day * box + u
    days = rng.choice([5, 6, 7, 7, 10, 14])
    price = _price(rng, 1, 5)
    line, rest = step(e, "-", u)
    line2, per_day = step(rest, "/", box)
    line3, daily = _money_step(per_day, "*", price, a_money=False)
    line4, total = _money_step(daily, "*", days, b_money=False)
    slots.update(e=e, u=num(u, rng), box=num(box, rng), price=_cash(price, str(slots["sign"])), days=num(days, rng))
    q = compose(rng, [[LAID, USED, BOXED, EGG_ASK]], which, **slots)
    return Example("word_problem", q, [line, line2, line3, line4], decimal(total), {"kind": "eggs_sold"})


def _class_trip(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    n = rng.randint(15, 34)
    price = _price(rng, 3, 14)
    each_bus = rng.randint(2, 9) * 100 + rng.choice([0, 0, 50])
    bus = n * each_bus
    line, tickets = _money_step(n, "*", price, a_money=False)
    line2, total = _money_step(tickets, "+", bus)
    line3, each = _money_step(total, "/", n, b_money=False)
    sign = str(slots["sign"])
    slots.update(n=n, price=_cash(price, sign), bus=_cash(bus, sign))
    # The facts in any order: the tickets or the bus may be told first.
    q = compose(rng, [[CLASS, TICKET, BUS, SPLIT_ASK], [CLASS, BUS, TICKET, SPLIT_ASK]], which, **slots)
    return Example("word_problem", q, [line, line2, line3], decimal(each), {"kind": "class_trip"})


def _savings(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    weekly = _price(rng, 3, 25)
    w = rng.randint(3, 16)
    gift = rng.randint(1, 10) * 500
    line, saved = _money_step(weekly, "*", w, b_money=False)
    line2, total = _money_step(saved, "+", gift)
    cost = rng.randint(total // 300, total // 100 - 1) * 100
    line3, left = _money_step(total, "-", cost)
    sign = str(slots["sign"])
    slots.update(weekly=_cash(weekly, sign), w=num(w, rng), gift=_cash(gift, sign), cost=_cash(cost, sign))
    q = compose(rng, [[SAVES, GIFT, PURCHASE, SAVINGS_LEFT_ASK]], which, **slots)
    return Example("word_problem", q, [line, line2, line3], decimal(left), {"kind": "savings"})


def _compare(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    a, b, c = people(rng, 3)
    n = rng.randint(6, lv.max_big // 4) * 2
    d = rng.randint(2, 30)
    steps: list[str] = []
    twice = rng.random() < 0.5
    line, nb = step(n, "*", 2) if twice else step(n, "/", 2)
    steps.append(line)
    more = rng.random() < 0.5 or nb <= d
    line, nc = step(nb, "+", d) if more else step(nb, "-", d)
    steps.append(line)
    line, ab = step(n, "+", nb)
    steps.append(line)
    line, total = step(ab, "+", nc)
    steps.append(line)
    slots.update(a=a, b=b, c=c, n=n, d=num(d, rng), item=rng.choice(MORE_ITEMS))
    form: list[Sequence[Template]] = [FIRST, TWICE if twice else HALF, MORE if more else FEWER, ALL_ASK]
    return Example("word_problem", compose(rng, [form], which, **slots), steps, str(total), {"kind": "twice_half"})


KINDS = [_array_rows, _array_crates, _wage, _eggs, _class_trip, _savings, _compare]


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    name = people(rng, 1)[0]
    he = pronoun(name)
    slots: dict[str, object] = {"name": name, "he": he, "him": "her" if he == "she" else "him", "his": possessive(name),
                                "possessive_cap": possessive(name).capitalize(), "sign": rng.choice(["$", "$", "£"])}
    return rng.choice(KINDS)(rng, lv, which, slots)
