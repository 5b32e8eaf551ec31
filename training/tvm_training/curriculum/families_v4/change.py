"""Change from a purchase, v4's new kinds: v3 wrote every price in dollars ($), in whole dollars,
dollars and a whole number of dimes, or quarters, so the policy never took an amount like 3.27 from a
note, never met pounds, euros or pence, nor prices typed as bare numbers ("paid with a 10"). These kinds
add the change from a note after spending any amount (5 − 3.27 = 1.73, or 85p: 85 ÷ 100 = 0.85 first),
several things at a price in pence or cents, then the change (2 × 1.75 = 3.5, 10 − 3.5 = 6.5), and two
different things, some of them several, then the change; in £, $, € or words, and in casual lower-case
sentences."""

from __future__ import annotations

import random
from fractions import Fraction

from ..compose import compose
from ..example import Example, Level
from ..latex import StepLines
from ..names import person, possessive, pronoun
from ..phrasing import H, T, decimal, num
from ..registry import Templates

# (sign, the currency in words, its note's adjective, the small unit written short and in words)
CURRENCIES = [("£", "pounds", "pound", "p", "pence"), ("$", "dollars", "dollar", "c", "cents"), ("€", "euros", "euro", "c", "cents")]
# Notes: the smallest one above the bill pays it.
NOTES = [500, 1000, 2000, 5000]
# Things with a price range in cents, so that a drink never costs 40 and a coat never costs 1.20.
THINGS = [
    ("drink", "drinks", 60, 350),
    ("sandwich", "sandwiches", 150, 600),
    ("notebook", "notebooks", 80, 450),
    ("pen", "pens", 35, 250),
    ("magazine", "magazines", 150, 700),
    ("bus ticket", "bus tickets", 120, 480),
    ("coffee", "coffees", 180, 420),
    ("bag of crisps", "bags of crisps", 45, 150),
    ("loaf of bread", "loaves of bread", 85, 320),
    ("ice cream", "ice creams", 90, 380),
    ("birthday card", "birthday cards", 99, 450),
    ("box of eggs", "boxes of eggs", 140, 390),
    ("comic", "comics", 150, 499),
    ("pack of batteries", "packs of batteries", 199, 899),
    ("T-shirt", "T-shirts", 499, 1499),
    ("paperback book", "paperback books", 399, 999),
]

# ---------------------------------------------------------------- spending an amount
SPEND = [
    T("{name} spends {spent}."),
    T("{name} spends {spent} at the shop."),
    T("{name}'s shopping comes to {spent}."),
    T("At the corner shop, {name}'s bill is {spent}."),
    T("{name} buys some groceries for {spent}."),
    H("The total at the till for {name} is {spent}."),
]
PAY = [
    T("{he} pays with {paid}."),
    T("{he} hands over {paid}."),
    T("{he} gives the shopkeeper {paid}."),
    T("{he} pays using {paid}."),
    H("{he} settles the bill with {paid}."),
]
HAS = [
    T("{name} has {paid}."),
    T("{name} goes shopping with {paid}."),
    T("{name} takes {paid} to the shop."),
    T("{name} has only {paid} in {his} purse."),
    H("All {name} has on {him} is {paid}."),
]
SPENDS_THEN = [
    T("{he} spends {spent}."),
    T("{he} buys something for {spent}."),
    T("{he} spends {spent} on a snack."),
    T("{he} spends {spent} of it."),
    H("{spent} of it goes on lunch."),
]
ASK = [
    T("How much change does {he} get?"),
    T("How much change should {he} receive?"),
    T("What is {his} change?"),
    T("Find the change."),
    T("How much does {he} get back?"),
    H("What amount comes back to {him}?"),
]
SPEND_DIRECT = [
    T("Work out the change from {paid} when you spend {spent}."),
    T("How much change do you get from {paid} if you spend {spent}?"),
    T("What change is due from {paid} for a bill of {spent}?"),
    T("Find the change from {paid} after spending {spent}."),
    T("Calculate the change when {spent} is paid for with {paid}."),
    H("Paying {spent} with {paid} leaves how much in change?"),
]
SPEND_CASUAL = [
    T("i spent {spent} and paid with {paid} how much change"),
    T("spent {spent}, paid with {paid}, whats the change"),
    T("change from {paid} if i spend {spent}?"),
    T("i paid {paid} for something that cost {spent} what change do i get"),
    H("bill was {spent} and i gave {paid} so how much back"),
]

# ---------------------------------------------------------------- several things, or two kinds of thing
BUY = [
    T("{name} buys {purchase}."),
    T("{name} gets {purchase} at the shop."),
    T("At the market, {name} buys {purchase}."),
    T("{name} orders {purchase}."),
    T("For a picnic, {name} buys {purchase}."),
    H("{name} carries {purchase} to the till."),
]
# Paying first: the money, then what it buys.
BUY_PRON = [
    T("{he} buys {purchase}."),
    T("{he} picks up {purchase}."),
    T("{he} chooses {purchase}."),
    T("{he} spends it on {purchase}."),
    H("Into {his} basket go {purchase}."),
]
BUY_PAY = [
    T("{name} buys {purchase} and pays with {paid}."),
    T("{name} pays for {purchase} with {paid}."),
    T("{name} bought {purchase} and paid with {paid}."),
    T("With {paid}, {name} pays for {purchase}."),
    H("Handing over {paid}, {name} takes {purchase}."),
]
BUY_DIRECT = [
    T("How much change does {name} get from {paid} after buying {purchase}?"),
    T("What change is given from {paid} for {purchase}?"),
    T("Work out the change from {paid} when buying {purchase}."),
    T("If you buy {purchase} and pay with {paid}, how much change do you get?"),
    H("Out of {paid}, what is left in change after {purchase}?"),
]
BUY_CASUAL = [
    T("bought {purchase} and paid with {paid}, how much change"),
    T("i bought {purchase} and paid with {paid} how much change"),
    T("{purchase}, paid with {paid}, whats the change?"),
    T("i got {purchase} and gave {paid}. change?"),
    H("paid {paid} for {purchase} so what do i get back"),
]


def amount(cents: int, style: str, currency: tuple[str, str, str, str, str]) -> str:
    """Money as a question writes it: £3.27, 3.27 pounds, or a bare 3.27."""
    sign, words = currency[0], currency[1]
    text = decimal(cents)
    return f"{sign}{text}" if style == "sign" else f"{text} {words}" if style == "words" else text


def small(cents: int, style: str, currency: tuple[str, str, str, str, str]) -> str:
    """An amount under one pound (or dollar, euro) in pence or cents: 85p, 85c, 85 pence."""
    return f"{cents}{currency[3]}" if style == "sign" else f"{cents} {currency[4]}"


def note(rng: random.Random, cents: int, style: str, currency: tuple[str, str, str, str, str]) -> str:
    sign, _, adjective = currency[:3]
    n = cents // 100
    if style == "bare":
        return rng.choice([f"a {n}", str(n)])
    if style == "words":
        return rng.choice([f"a {n}-{adjective} note", f"{n} {currency[1]}"])
    return rng.choice([f"a {sign}{n} note", f"{sign}{n}"])


def plural_a(rng: random.Random, count: int, thing: tuple[str, str, int, int], price: str) -> str:
    """ "3 drinks at £1.75 each", "a sandwich for £2.40"."""
    one, many = thing[0], thing[1]
    if count == 1:
        article = "an" if one[0] in "aeiou" else "a"
        return rng.choice([f"{article} {one} for {price}", f"{article} {one} costing {price}", f"{article} {one} at {price}"])
    n = num(count, rng)
    return rng.choice([f"{n} {many} at {price} each", f"{n} {many} costing {price} each", f"{n} {many} for {price} each"])


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    currency = rng.choice(CURRENCIES)
    style = rng.choice(["sign", "sign", "words", "bare"])
    kind = rng.choice(["spend_from_note", "several_decimal", "two_kinds"])
    v = {"name": name, "he": he, "his": possessive(name), "him": "her" if he == "she" else "him"}
    steps = StepLines()
    line = steps.decimal

    if kind == "spend_from_note":
        # Any number of pence (3.27, not v3's whole dimes), or a small spend written in pence (85p).
        spent = rng.randint(11, 99) if style != "bare" and rng.random() < 0.25 else rng.randint(101, max(1200, lv.max_big * 5))
        bill = next((b for b in NOTES if b > spent), 10000)
        if spent < 100:
            spent_text = small(spent, style, currency)
            in_units = line(spent, "/", 100)
        else:
            spent_text = amount(spent, style, currency)
            in_units = Fraction(spent, 100)
        line(bill // 100, "-", in_units)
        v.update(spent=spent_text, paid=note(rng, bill, style, currency))
        forms = [[SPEND, PAY, ASK], [HAS, SPENDS_THEN, ASK], [SPEND_DIRECT], [SPEND_CASUAL]]
        return Example("change", compose(rng, forms, which, **v), steps, decimal(bill - spent), {"kind": kind})
    first = rng.choice(THINGS)
    counts = [rng.randint(2, 6 if lv.max_small < 25 else 9)]
    prices = [rng.randint(first[2], first[3])]
    if kind == "two_kinds":
        second = rng.choice([t for t in THINGS if t != first])
        counts.append(rng.choice([1, 1, 2, 3]))
        prices.append(rng.randint(second[2], second[3]))
        things = [first, second]
    else:
        things = [first]
    costs = []
    for count, price in zip(counts, prices):
        if count == 1:
            costs.append(Fraction(price, 100))
        else:
            costs.append(line(count, "*", Fraction(price, 100)))
    total = costs[0] if len(costs) == 1 else line(costs[0], "+", costs[1])
    spent = int(total * 100)
    bill = next((b for b in NOTES if b > spent), 10000)
    line(bill // 100, "-", total)
    purchase = " and ".join(plural_a(rng, c, t, amount(p, style, currency)) for c, t, p in zip(counts, things, prices))
    v.update(purchase=purchase, paid=note(rng, bill, style, currency))
    forms = [[BUY, PAY, ASK], [BUY_PAY, ASK], [HAS, BUY_PRON, ASK], [BUY_DIRECT], [BUY_CASUAL]]
    return Example("change", compose(rng, forms, which, **v), steps, decimal(bill - spent), {"kind": kind})
