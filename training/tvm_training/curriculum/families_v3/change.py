"""Change from a purchase, v3, each kind asked in composed sentences (compose.py).

Kinds kept from v2: one (one item, change from a bill) and two (two items, change from a bill).
New kinds: several (a count of one item at a price each, then the change), cents (a small purchase
paid with a coin or a small bill, the change asked in cents), more_needed (how much more money is
needed to buy something) and cost_from_change (the price from the amount paid and the change).
"""

from __future__ import annotations

import random

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import person, possessive, pronoun
from ..phrasing import H, T, decimal, money, num
from ..registry import Templates

# A scene: the shop, what it sells with the most each thing may cost in dollars (so that a café never
# sells kites and a bookmark never costs $40), and cheap things for the change in cents.
SHOPS = [
    (
        "stationery shop",
        [
            ("notebook", 10),
            ("pen", 8),
            ("ruler", 5),
            ("calculator", 50),
            ("pencil case", 15),
            ("glue stick", 5),
            ("set of paints", 30),
            ("school bag", 50),
        ],
        ["pencil", "eraser", "sticker", "envelope"],
    ),
    (
        "café",
        [
            ("sandwich", 12),
            ("muffin", 6),
            ("smoothie", 9),
            ("salad", 15),
            ("pie", 20),
            ("birthday cake", 50),
            ("fruit platter", 40),
        ],
        ["biscuit", "apple", "cookie", "lollipop"],
    ),
    (
        "gift shop",
        [
            ("mug", 15),
            ("candle", 20),
            ("plant", 35),
            ("puzzle", 30),
            ("scarf", 40),
            ("photo frame", 25),
            ("teddy bear", 50),
            ("greeting card", 6),
        ],
        ["postcard", "badge", "sticker", "bookmark"],
    ),
    (
        "toy shop",
        [("kite", 30), ("ball", 15), ("yo-yo", 8), ("board game", 50), ("toy car", 12), ("jigsaw puzzle", 30), ("doll", 40)],
        ["marble", "balloon", "sticker", "bouncy ball"],
    ),
    (
        "sports shop",
        [
            ("water bottle", 15),
            ("pair of socks", 12),
            ("cap", 20),
            ("tennis ball", 5),
            ("skipping rope", 12),
            ("football", 35),
            ("tennis racket", 50),
        ],
        ["energy bar", "shoelace", "whistle"],
    ),
    (
        "bookshop",
        [
            ("magazine", 10),
            ("comic", 8),
            ("bookmark", 5),
            ("map", 15),
            ("calendar", 20),
            ("cookbook", 50),
            ("atlas", 50),
            ("novel", 25),
        ],
        ["postcard", "pencil", "sticker"],
    ),
    (
        "market stall",
        [
            ("melon", 6),
            ("pineapple", 8),
            ("bag of apples", 8),
            ("box of strawberries", 10),
            ("jar of honey", 15),
            ("basket of fruit", 50),
        ],
        ["apple", "banana", "lemon", "orange", "kiwi"],
    ),
]
BILLS = (500, 1000, 2000, 5000, 10000, 20000, 50000)

# ---------------------------------------------------------------- buying and paying ({purchase} is drawn with its prices)
BUY = [
    T("{name} buys {purchase}."),
    T("At the {shop}, {name} buys {purchase}."),
    T("{name} gets {purchase} at the {shop}."),
    T("{name} picks out {purchase} at the {shop}."),
    T("{name} goes to the {shop} and buys {purchase}."),
    H("From the {shop}, {name} takes home {purchase}."),
]
PAY = [
    T("{he} pays with {paid}."),
    T("{he} hands over {paid}."),
    T("{he} gives the cashier {paid}."),
    T("{he} pays using {paid}."),
    H("To pay, {he} offers {paid}."),
]
BUY_PAY = [
    T("{name} buys {purchase} and pays with {paid}."),
    T("{name} pays for {purchase} with {paid}."),
    T("At the {shop}, {name} buys {purchase}, paying with {paid}."),
    T("{name} hands over {paid} for {purchase}."),
    H("Using {paid}, {name} pays for {purchase} at the {shop}."),
]
# Paying first: the money, then what it buys.
HAS = [
    T("{name} has {paid}."),
    T("{name} goes to the {shop} with {paid}."),
    T("{name} takes {paid} to the {shop}."),
    T("{name} has {paid} to spend at the {shop}."),
    H("{name} walks into the {shop} carrying {paid}."),
]
BUY_PRON = [
    T("{he} buys {purchase}."),
    T("{he} chooses {purchase}."),
    T("{he} buys {purchase} with it."),
    T("{he} picks up {purchase}."),
    H("{he} picks {purchase} off the shelf."),
]
# The price first, then how many are bought.
PRICE = [
    T("{a_g1} costs {p1}."),
    T("The price of {a_g1} is {p1}."),
    T("{a_g1} sells for {p1} at the {shop}."),
    T("At the {shop}, {a_g1} costs {p1}."),
    H("The {shop} charges {p1} for {a_g1}."),
]
BUY_COUNT = [
    T("{name} buys {n} and pays with {paid}."),
    T("{name} pays for {n} with {paid}."),
    T("{name} buys {n}, paying with {paid}."),
    T("{name} takes {n} to the till and pays with {paid}."),
    H("{name} takes {n} and hands over {paid}."),
]
ASK_CHANGE = [
    T("How much change does {he} get?"),
    T("How much change should {he} receive?"),
    T("What is {his} change?"),
    T("Find the change."),
    T("How much money does {he} get back?"),
    H("What amount is returned to {him}?"),
]
CHANGE_ONE = [
    T("How much change does {name} get from {paid} after buying {purchase}?"),
    T("How much change is due if {name} pays for {purchase} with {paid}?"),
    T("What change does {name} get from {paid} for {purchase}?"),
    T("How much change do you get from {paid} if you buy {purchase}?"),
    H("If {name} hands {paid} over for {purchase}, how much comes back?"),
]
# ---------------------------------------------------------------- change in cents
ASK_CENTS = [
    T("How many cents change does {he} get?"),
    T("How much change, in cents, should {he} get?"),
    T("Give the change in cents."),
    T("What is {his} change in cents?"),
    H("How many cents come back to {him}?"),
]
CENTS_ONE = [
    T("How many cents change does {name} get from {paid} after buying {purchase}?"),
    T("How much change in cents is due if {name} pays for {purchase} with {paid}?"),
    T("In cents, how much change does {name} get from {paid} for {purchase}?"),
    H("Handing over {paid} for {purchase}, how many cents does {name} get back?"),
]
# ---------------------------------------------------------------- how much more is needed
HAS_MONEY = [
    T("{name} has {have}."),
    T("{name} has saved {have}."),
    T("{name} has {have} in {his} wallet."),
    T("{name}'s purse holds {have}."),
    H("{name}'s savings come to {have}."),
]
WANT = [
    T("{he} wants to buy {purchase}."),
    T("{he} would like {purchase} from the {shop}."),
    T("{he} wants {purchase} from the {shop}."),
    T("At the {shop}, {he} sees {purchase}."),
    H("{he} has {his} eye on {purchase}."),
]
ASK_MORE = [
    T("How much more money does {he} need?"),
    T("How much more does {he} need to save?"),
    T("How much is {he} short?"),
    T("Find how much more {he} needs."),
    T("How much more money must {he} find?"),
    H("By how much does {his} money fall short?"),
]
MORE_ONE = [
    T("How much more money does {name} need to buy {purchase} if {he} has {have}?"),
    T("If {name} has {have}, how much more does {he} need for {purchase}?"),
    T("{name} has {have} and wants {purchase}; how much more money does {he} need?"),
    H("Holding only {have}, how far short is {name} of paying for {purchase}?"),
]
# ---------------------------------------------------------------- the price from the change
GOT_CHANGE = [
    T("{he} gets {change} change."),
    T("{he} receives {change} in change."),
    T("The cashier gives {him} {change} back."),
    T("{he} gets back {change}."),
    H("{change} comes back to {him} as change."),
]
ASK_COST = [
    T("How much did the {g1} cost?"),
    T("What was the price of the {g1}?"),
    T("Find the cost of the {g1}."),
    T("How much was the {g1}?"),
    H("What must the {g1} have cost?"),
]
COST_ONE = [
    T("How much did the {g1} cost if {name} paid with {paid} and got {change} change?"),
    T("{name} paid for {a_g1} with {paid} and got {change} back. What did the {g1} cost?"),
    T("If {name} got {change} change from {paid}, what was the price of the {g1}?"),
    H("After handing over {paid} for {a_g1}, {name} got {change} back; find the price."),
]

KINDS = ["one", "two", "several", "cents", "more_needed", "cost_from_change"]


def plural(good: str) -> str:
    """ "notebooks", "boxes of strawberries", "pairs of socks", "scarves"."""
    head, _, rest = good.partition(" of ")
    head = head[:-1] + "ves" if head.endswith("scarf") else head + ("es" if head.endswith(("ch", "sh", "s", "x")) else "s")
    return f"{head} of {rest}" if rest else head


def a(good: str) -> str:
    return ("an " if good[0] in "aeiou" else "a ") + good


def v2_price(rng: random.Random, lv: Level, whole: bool) -> int:
    """v2's prices in cents: whole dollars, or dollars and cents."""
    return rng.randint(1, lv.max_small * 2) * (100 if whole else 1) + (0 if whole else rng.randint(1, 19) * 100)


def shop_for(rng: random.Random, prices: list[int]) -> tuple[str, list[str]]:
    """A shop and one distinct thing for each price that could cost about that much (at most its
    top price, at least an eighth of it); the bound is dropped where no shop has such things."""
    for ratio in (8, 1000):
        for shop, goods, _ in rng.sample(SHOPS, len(SHOPS)):
            chosen: list[str] = []
            for price in prices:
                fits = [g for g, top in goods if price <= top * 100 <= ratio * price and g not in chosen]
                if not fits:
                    break
                chosen.append(rng.choice(fits))
            if len(chosen) == len(prices):
                return shop, chosen
    raise ValueError(f"no shop sells things at {prices}")


def note(rng: random.Random, bill: int) -> str:
    return rng.choice([f"a {money(bill)} bill", f"a {money(bill)} note", money(bill)])


def each(rng: random.Random, count: int, good: str, price: str) -> str:
    n = num(count, rng)
    return rng.choice(
        [
            f"{n} {plural(good)} at {price} each",
            f"{n} {plural(good)} costing {price} each",
            f"{n} {plural(good)} for {price} each",
        ]
    )


def one(rng: random.Random, good: str, price: str) -> str:
    return rng.choice([f"{a(good)} for {price}", f"{a(good)} that costs {price}", f"{a(good)} priced at {price}"])


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    kind = rng.choice(KINDS)
    whole = rng.random() < 0.4
    v = {"name": name, "he": he, "his": possessive(name), "him": "her" if he == "she" else "him"}
    steps: list[str] = []
    if kind in ("one", "two"):
        cents = [v2_price(rng, lv, whole) for _ in range(2)]
        spent = cents[0] + (cents[1] if kind == "two" else 0)
        bill = next(b for b in BILLS if b > spent)
        p1, p2 = money(cents[0]), money(cents[1])
        if kind == "two":
            shop, (g1, g2) = shop_for(rng, cents)
            steps.append(f"${decimal(cents[0])} + {decimal(cents[1])} = {decimal(spent)}$")
            purchase = rng.choice(
                [
                    f"{a(g1)} for {p1} and {a(g2)} for {p2}",
                    f"{a(g1)} at {p1} and {a(g2)} at {p2}",
                    f"{a(g1)} costing {p1} and {a(g2)} costing {p2}",
                ]
            )
            forms = [[BUY, PAY, ASK_CHANGE], [BUY_PAY, ASK_CHANGE], [HAS, BUY_PRON, ASK_CHANGE], [CHANGE_ONE]]
        else:
            shop, (g1,) = shop_for(rng, cents[:1])
            purchase = one(rng, g1, p1)
            forms = [
                [BUY, PAY, ASK_CHANGE],
                [BUY_PAY, ASK_CHANGE],
                [PRICE, BUY_COUNT, ASK_CHANGE],
                [HAS, BUY_PRON, ASK_CHANGE],
                [CHANGE_ONE],
            ]
        steps.append(f"${decimal(bill)} - {decimal(spent)} = {decimal(bill - spent)}$")
        v.update(purchase=purchase, paid=note(rng, bill), p1=p1, n="one", shop=shop, a_g1=a(g1))
        answer = decimal(bill - spent)
    elif kind == "several":
        count = rng.randint(2, 6)
        price = rng.randint(1, 10) * 100 if whole else rng.randint(4, 40) * 25
        spent = count * price
        bill = next(b for b in BILLS if b > spent)
        shop, (g1,) = shop_for(rng, [price])
        steps.append(f"${count} \\times {decimal(price)} = {decimal(spent)}$")
        steps.append(f"${decimal(bill)} - {decimal(spent)} = {decimal(bill - spent)}$")
        forms = [
            [BUY, PAY, ASK_CHANGE],
            [BUY_PAY, ASK_CHANGE],
            [PRICE, BUY_COUNT, ASK_CHANGE],
            [HAS, BUY_PRON, ASK_CHANGE],
            [CHANGE_ONE],
        ]
        v.update(
            purchase=each(rng, count, g1, money(price)),
            paid=note(rng, bill),
            p1=money(price),
            n=num(count, rng),
            shop=shop,
            a_g1=a(g1),
        )
        answer = decimal(bill - spent)
    elif kind == "cents":
        # Cheap things paid with a coin or a small bill, the price and the change in cents.
        shop, _, cheap = rng.choice(SHOPS)
        g1 = rng.choice(cheap)
        count = 1 if rng.random() < 0.5 else rng.randint(2, 5)
        price = rng.randint(1, 19) * 5 if count > 1 else rng.randint(5, 95)
        spent = count * price
        paid = next(b for b in (100, 200, 500) if b > spent)
        c1 = rng.choice([f"{price} cents", f"{price}¢", f"{price}c"])
        if count > 1:
            line, _ = step(count, "*", price)
            steps.append(line)
        line, change = step(paid, "-", spent)
        steps.append(line)
        coin = {
            100: ["a $1 coin", "$1", "a one-dollar coin"],
            200: ["a $2 coin", "$2", "a two-dollar coin"],
            500: ["a $5 bill", "$5", "a $5 note"],
        }
        forms = [
            [BUY, PAY, ASK_CENTS],
            [BUY_PAY, ASK_CENTS],
            [PRICE, BUY_COUNT, ASK_CENTS],
            [HAS, BUY_PRON, ASK_CENTS],
            [CENTS_ONE],
        ]
        v.update(
            purchase=each(rng, count, g1, c1) if count > 1 else one(rng, g1, c1),
            paid=rng.choice(coin[paid]),
            p1=c1,
            n=num(count, rng),
            shop=shop,
            a_g1=a(g1),
        )
        answer = str(change)
    elif kind == "more_needed":
        count = 1 if rng.random() < 0.6 else rng.randint(2, 5)
        price = v2_price(rng, lv, whole) if count == 1 else rng.randint(4, 40) * 25
        cost = count * price
        # Some of the money, not a few cents of it.
        have = rng.randrange(max(25, cost // 75 * 25), cost, 25)
        shop, (g1,) = shop_for(rng, [price])
        if count > 1:
            steps.append(f"${count} \\times {decimal(price)} = {decimal(cost)}$")
        steps.append(f"${decimal(cost)} - {decimal(have)} = {decimal(cost - have)}$")
        forms = [[HAS_MONEY, WANT, ASK_MORE], [MORE_ONE]]
        v.update(
            purchase=each(rng, count, g1, money(price)) if count > 1 else one(rng, g1, money(price)), have=money(have), shop=shop
        )
        answer = decimal(cost - have)
    else:
        price = v2_price(rng, lv, whole)
        bill = next(b for b in BILLS if b > price)
        shop, (g1,) = shop_for(rng, [price])
        steps.append(f"${decimal(bill)} - {decimal(bill - price)} = {decimal(price)}$")
        forms = [[BUY_PAY, GOT_CHANGE, ASK_COST], [COST_ONE]]
        v.update(purchase=a(g1), paid=note(rng, bill), change=money(bill - price), shop=shop, g1=g1, a_g1=a(g1))
        answer = decimal(price)
    return Example("change", compose(rng, forms, which, **v), steps, answer, {"kind": kind})
