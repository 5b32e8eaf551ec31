"""Everyday stories, v3, in composed sentences (compose.py). The v1 scenarios (families/word_problem.py),
same numbers and steps: a quantity changed by a chain of events, shopping with change, pay for work,
two legs of a journey or pages left to read, ages, sharing what is left. New kinds: one-step gains and
losses, equal groups ("8 bags of 6"), rows of seats plus extra ones, and equal groups with some taken
away.

No training question has a later sentence starting "What is", nor starts "Determine": v2 held those
wordings out (restate.py), and v3 keeps v2's held-out split unseen."""
from __future__ import annotations

import random
from collections.abc import Sequence

from ..compose import compose
from ..example import Example, Level
from ..latex import step
from ..names import CONTAINERS, MORE_ITEMS, people, possessive, pronoun
from ..phrasing import H, T, Template, num

# ---------------------------------------------------------------- a quantity changed by events
START = [T("{name} has {n} {item}."), T("{name} starts with {n} {item}."), T("There are {n} {item} in {name}'s collection."),
         T("At first {name} owns {n} {item}."), H("{name}'s shelf holds {n} {item} to begin with.")]
PACKS = [T("Then {he} buys {k} {cont} with {m} {item} in each."), T("{he} gets {k} {cont} of {item}, and each holds {m}."),
         T("Next, {he} adds {k} {cont} of {m} {item} each."), T("{he} buys {k} more {cont}, each with {m} {item} inside."),
         H("Later {k} {cont} arrive, {m} {item} to a {cont_one}.")]
RECEIVE = [T("{friend} gives {name} {n} more."), T("{he} finds {n} more {item}."), T("Then {he} receives {n} {item} as a gift."),
           T("{friend} hands over another {n} {item}."), H("{n} further {item} come {his} way from {friend}.")]
REMOVE = [T("{he} gives {n} to a friend."), T("{he} loses {n}."), T("{he} uses {n} of them."), T("{he} sells {n}."),
          T("Then {he} gives away {n} {item}."), H("{n} of the {item} go missing.")]
HALF = [T("{he} gives half of them away."), T("Half of the {item} are given to a sister."), T("Then {he} gives away half of the {item}."),
        H("{he} parts with exactly half of the pile.")]
DOUBLE = [T("{he} doubles the number of {item}."), T("Then the number of {item} doubles."), T("Now {he} has twice as many {item}."),
          H("The pile of {item} grows to twice its size.")]
HAVE_ASK = [T("How many {item} does {name} have now?"), T("How many {item} are left?"), T("How many {item} does {he} end up with?"),
            T("How many does {name} have at the end?"), H("At the end, how big is {name}'s pile of {item}?")]

# ---------------------------------------------------------------- one step: a gain or a loss
GAIN = [T("{name} has {a} {item}. {friend} gives {him} {b} more."), T("{name} had {a} {item} and then found {b} more."),
        T("{name} collects {a} {item} on Monday and {b} on Tuesday."), T("There are {a} {item} in a box, and {name} puts in {b} more."),
        H("To {a} {item}, {name} adds another {b}.")]
GAIN_ASK = [T("How many {item} are there now?"), T("How many {item} altogether?"), T("How many does {name} have in all?"),
            T("Find the total number of {item}."), H("Counting both, how many {item} is that?")]
LOSS = [T("{name} has {a} {item} and gives {b} away."), T("{name} had {a} {item}, then lost {b}."),
        T("There were {a} {item} in a jar, and {name} took out {b}."), T("{name} picks up {a} {item} and drops {b} of them."),
        H("Of {a} {item}, {name} hands {b} to friends.")]
LOSS_ASK = [T("How many {item} are left?"), T("How many {item} remain?"), T("How many does {name} have left?"),
            T("How many {item} are still there?"), H("After that, how many {item} stay?")]

# ---------------------------------------------------------------- equal groups, rows, groups minus some
GROUPS = [T("{name} has {k} {cont} of {item}."), T("There are {k} {cont} of {item} on the table."),
          T("{name} buys {k} {cont} of {item}."), T("A shop has {k} {cont} of {item} on a shelf."), H("{k} {cont} of {item} are stacked up.")]
EACH = [T("Each {cont_one} holds {m}."), T("There are {m} {item} in each {cont_one}."), T("Every {cont_one} has {m} {item}."),
        T("Each {cont_one} contains {m} {item}."), H("One {cont_one} takes exactly {m} {item}.")]
TOTAL_ASK = [T("How many {item} are there in all?"), T("How many {item} are there altogether?"), T("Find the total number of {item}."),
             T("How many {item} is that?"), H("Counting every {cont_one}, how many {item} are there?")]
GROUPS_ONE = [T("How many {item} are in {k} {cont} of {m}?"), T("How many {item} are there in {k} {cont} with {m} in each?"),
              T("{k} {cont} hold {m} {item} each. How many {item} is that?"), H("If {k} {cont} each hold {m} {item}, how many in all?")]
TAKEN = [T("{name} gives away {t} {item}."), T("Then {name} uses {t} of them."), T("{t} {item} are sold."),
         T("Later {name} takes out {t} {item}."), H("Later, {t} of the {item} are taken away.")]
TAKEN_ASK = [T("How many {item} are left?"), T("How many {item} remain?"), T("How many are left now?"),
             T("How many {item} are still there?"), H("Once those are gone, how many {item} stay?")]
# Rows of seats (or plants, desks) and some extra: a scene keeps the place, what stands in rows and the extra.
ROW_SCENES = [("hall", "chairs"), ("theatre", "seats"), ("garden", "tulips"), ("classroom", "desks"), ("field", "apple trees"),
              ("car park", "parking spaces")]
ROWS = [T("A {place} has {r} rows of {p} {things}."), T("In a {place} there are {r} rows with {p} {things} in each row."),
        T("The {things} in a {place} stand in {r} rows of {p}."), T("{name} sets out {r} rows of {p} {things} in the {place}."),
        H("The {place} is laid out as {r} rows, {p} {things} per row.")]
EXTRA = [T("There are also {e} extra {things}."), T("Another {e} {things} stand at the back."), T("{e} more {things} are added."),
         T("Besides the rows there are {e} {things}."), H("Off to the side sit {e} further {things}.")]
ROWS_ASK = [T("How many {things} are there in all?"), T("How many {things} does the {place} have altogether?"),
            T("Find the total number of {things}."), T("How many {things} are there in total?"), H("Counting them all, how many {things} is that?")]

# ---------------------------------------------------------------- shopping
BUY = [T("{name} buys {bought}."), T("At the shop, {name} gets {bought}."), T("{name} picks up {bought}."),
       T("For a party, {name} buys {bought}."), H("{name}'s basket holds {bought}.")]
PAY = [T("{he} pays with ${bill}."), T("{he} hands over a ${bill} bill."), T("{name} pays with ${bill}."),
       T("{he} gives the cashier ${bill}."), H("A ${bill} note is what {he} pays with.")]
CHANGE_ASK = [T("How much change does {he} get?"), T("How many dollars of change should {name} receive?"),
              T("How much change is {name} given?"), T("Find the change in dollars."), H("How many dollars come back to {him}?")]
SPENT_ASK = [T("How much does {he} spend in total?"), T("How many dollars does {name} spend?"), T("Find the total cost."),
             T("How much does {name} pay altogether?"), H("How much money leaves {name}'s wallet?")]

# ---------------------------------------------------------------- work
RATE = [T("{name} earns ${rate} per hour."), T("{name} is paid ${rate} an hour."), T("{name}'s job pays ${rate} for each hour."),
        T("{name} makes ${rate} an hour at a cafe."), H("For every hour of work {name} gets ${rate}.")]
HOURS = [T("{he} works {hours} hours a day for {days} days."), T("{he} works {days} days, {hours} hours each day."),
         T("This week {he} works {hours} hours on each of {days} days."), T("{he} does {hours}-hour shifts on {days} days."),
         H("Over {days} days {he} puts in {hours} hours daily.")]
SPEND = [T("{he} spends ${spend} on rent."), T("Then {he} buys a phone for ${spend}."), T("{he} pays ${spend} for a bike."),
         T("Out of that, {he} spends ${spend} on food."), H("A bill of ${spend} is paid from it.")]
LEFT_ASK = [T("How much money does {he} have left?"), T("How many dollars are left?"), T("How much does {name} keep?"),
            T("How much of the money is left?"), H("What sum stays with {name}?")]
EARN_ASK = [T("How much does {he} earn in total?"), T("How many dollars does {name} make?"), T("How much is {name} paid in all?"),
            T("Find {possessive} total pay.") , H("What do the {days} days bring in?")]

# ---------------------------------------------------------------- journeys and reading
LEG1 = [T("{name} drives at {s1} {speed} for {t1} hours."), T("For {t1} hours, {name} drives at {s1} {speed}."),
        T("{name}'s bus travels {t1} hours at {s1} {speed}."), T("{name} travels at {s1} {speed} for {t1} hours."),
        H("{name}'s first {t1} hours on the road go at {s1} {speed}.")]
LEG2 = [T("Then {he} goes at {s2} {speed} for {t2} hours."), T("After that {he} travels {t2} hours at {s2} {speed}."),
        T("Next the speed is {s2} {speed} for {t2} hours."), T("For the next {t2} hours the speed is {s2} {speed}."),
        H("The last {t2} hours are done at {s2} {speed}.")]
DIST_ASK = [T("How many {units} are covered in all?"), T("What distance is covered, in {units}?"), T("How far is the whole trip in {units}?"),
            T("Find the total distance in {units}."), H("Over the two parts, how many {units} is that?")]
BOOK = [T("{name} has a book with {pages} pages."), T("{name}'s book is {pages} pages long."), T("{name} is reading a {pages}-page book."),
        T("There are {pages} pages in {name}'s book."), H("{name}'s novel runs to {pages} pages.")]
DONE = [T("{name} has already read {done} pages."), T("{he} has read {done} pages so far."), T("{done} pages are already read."),
        H("The first {done} pages are behind {him}.")]
PER_DAY = [T("{name} reads {per_day} pages a day."), T("{he} reads {per_day} pages each day."), T("Every day {he} reads {per_day} pages."),
           T("{he} manages {per_day} pages per day."), H("Each evening {per_day} pages get read.")]
DAYS_ASK = [T("How many more days will it take {him} to finish the book?"), T("How many days does {he} need to finish?"),
            T("In how many more days will {he} finish?"), T("How many days are left until the book is done?"),
            H("Count the days still needed to reach the end.")]

# ---------------------------------------------------------------- ages
AGE_C = [T("{c} is {c_age} years old."), T("{c} is {c_age}."), T("{c}'s age is {c_age}."), T("{c} has just turned {c_age}."),
         H("Young {c} is {c_age} years of age.")]
AGE_B = [T("{b} is {k} times as old as {c}."), T("{b}'s age is {k} times {c}'s."), T("{b} is {k} times the age of {c}."),
         T("{b} is {k} times {c}'s age."), H("{b} has lived {k} times as long as {c}.")]
AGE_A = [T("{a} is {diff} years older than {b}."), T("{a} was born {diff} years before {b}."), T("{a} is older than {b} by {diff} years."),
         T("{b} is {diff} years younger than {a}."), H("The age gap between {a} and the younger {b} is {diff} years.")]
AGE_ASK = [T("How old will {a} be in {years} years?"), T("In {years} years, how old will {a} be?"),
           T("How old will {a} be {years} years from now?"), T("Find {a}'s age in {years} years."), H("Once {years} years pass, {a} turns what age?")]

# ---------------------------------------------------------------- sharing
HAS_BOXES = [T("{name} has {boxes} {cont} of {item} with {per_box} in each."), T("{name} buys {boxes} {cont} of {per_box} {item}."),
             T("{name} owns {boxes} {cont} of {item}, {per_box} to a {cont_one}."), H("{boxes} {cont}, {per_box} {item} apiece, belong to {name}.")]
HAS_TOTAL = [T("{name} has {total} {item}."), T("{name} collects {total} {item}."), T("There are {total} {item} in {name}'s bag."),
             H("A heap of {total} {item} belongs to {name}.")]
KEEP = [T("{he} keeps {keep} for {himself}."), T("{he} keeps {keep} of them."), T("First {he} puts {keep} aside."),
        H("{keep} stay in {his} own pocket.")]
SHARE = [T("{he} shares the rest equally among {friends} friends."), T("The rest go equally to {friends} friends."),
         T("{he} splits the others evenly between {friends} friends."), H("{friends} friends get equal shares of what remains.")]
SHARE_ALL = [T("{he} shares them equally among {friends} friends."), T("They are split evenly between {friends} friends."),
             T("{he} gives them out equally to {friends} friends."), H("{friends} friends get equal shares of them.")]
EACH_ASK = [T("How many {item} does each friend get?"), T("How many does each friend receive?"), T("How many {item} is each share?"),
            T("How many {item} go to each friend?"), H("Each friend ends up with how many?")]


ONE_OF = {"boxes": "box", "bags": "bag", "packs": "pack", "jars": "jar", "crates": "crate", "baskets": "basket"}


def filled(slot: Sequence[Template], **values: object) -> list[Template]:
    """A slot whose sentences are filled now: each event of a chain has its own numbers."""
    return [Template(t.text.format(**values), t.heldout) for t in slot]


def word_quantity(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    """v1's chain of events; each event a slot of its own."""
    item = rng.choice(MORE_ITEMS)
    total = rng.randint(5, lv.max_big)
    slots.update(item=item, n=total)
    form: list[Sequence[Template]] = [START]
    steps: list[str] = []
    for _ in range(rng.randint(lv.min_events, lv.max_events)):
        kind = rng.choice(["buy_packs", "receive", "give", "lose", "half", "double"])
        if kind == "buy_packs":
            k, m = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
            cont = rng.choice(CONTAINERS)
            form.append(filled(PACKS, **{**slots, "k": num(k, rng), "m": m, "cont": cont, "cont_one": ONE_OF[cont]}))
            line, add = step(k, "*", m)
            steps.append(line)
            line, total = step(total, "+", add)
            steps.append(line)
        elif kind == "receive":
            n = rng.randint(2, lv.max_big)
            form.append(filled(RECEIVE, **{**slots, "n": n}))
            line, total = step(total, "+", n)
            steps.append(line)
        elif kind in ("give", "lose"):
            if total < 3:
                continue
            n = rng.randint(1, total - 1)
            form.append(filled(REMOVE, **{**slots, "n": n}))
            line, total = step(total, "-", n)
            steps.append(line)
        elif kind == "half":
            if total % 2 or total < 2:
                continue
            form.append(HALF)
            line, total = step(total, "/", 2)
            steps.append(line)
        else:
            if total > lv.max_big * 5:
                continue
            form.append(DOUBLE)
            line, total = step(total, "*", 2)
            steps.append(line)
    if not steps:
        n = rng.randint(2, lv.max_big)
        form.append(filled(RECEIVE, **{**slots, "n": n}))
        line, total = step(total, "+", n)
        steps.append(line)
    q = compose(rng, [form + [HAVE_ASK]], which, **slots)
    return Example("word_problem", q, steps, str(total), {"kind": "quantity", "scenario": "quantity"})


def word_shopping(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    goods = rng.sample(["notebooks", "pens", "sandwiches", "tickets", "shirts", "mugs", "plants",
                        "candles", "socks", "muffins", "batteries", "magazines"], 3)
    n_goods = 2 if lv.name == "train" and rng.random() < 0.7 else 3
    steps: list[str] = []
    parts: list[str] = []
    costs: list[int] = []
    for g in goods[:n_goods]:
        q, p = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small * 2)
        parts.append(rng.choice([f"{q} {g} at ${p} each", f"{q} {g} for ${p} apiece", f"{q} {g} that cost ${p} each"]))
        if q == 1:
            costs.append(p)
        else:
            line, c = step(q, "*", p)
            steps.append(line)
            costs.append(c)
    total = costs[0]
    for c in costs[1:]:
        line, total = step(total, "+", c)
        steps.append(line)
    slots["bought"] = ", ".join(parts[:-1]) + " and " + parts[-1]
    if rng.random() < 0.5:
        bill = max(20, ((total // 10) + 1 + rng.randint(0, 3)) * 10)
        line, ans = step(bill, "-", total)
        steps.append(line)
        slots["bill"] = bill
        q = compose(rng, [[BUY, PAY, CHANGE_ASK]], which, **slots)
    else:
        ans = total
        q = compose(rng, [[BUY, SPENT_ASK]], which, **slots)
    return Example("word_problem", q, steps, str(ans), {"kind": "shopping", "scenario": "shopping"})


def word_work(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    rate, hours, days = rng.randint(5, lv.max_small * 2), rng.randint(2, 10), rng.randint(2, 7)
    steps: list[str] = []
    line, per_day = step(rate, "*", hours)
    steps.append(line)
    line, earned = step(per_day, "*", days)
    steps.append(line)
    slots.update(rate=rate, hours=num(hours, rng), days=num(days, rng))
    ans = earned
    if rng.random() < 0.6:
        spend = rng.randint(1, earned - 1)
        line, ans = step(earned, "-", spend)
        steps.append(line)
        q = compose(rng, [[RATE, HOURS, SPEND, LEFT_ASK]], which, **slots, spend=spend)
    else:
        q = compose(rng, [[RATE, HOURS, EARN_ASK]], which, **slots)
    return Example("word_problem", q, steps, str(ans), {"kind": "work", "scenario": "work"})


def word_rates(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    if rng.random() < 0.5:
        s1, t1, s2, t2 = (rng.randint(20, 70), rng.randint(1, 5), rng.randint(20, 70), rng.randint(1, 5))
        steps = []
        line, d1 = step(s1, "*", t1)
        steps.append(line)
        line, d2 = step(s2, "*", t2)
        steps.append(line)
        line, d = step(d1, "+", d2)
        steps.append(line)
        speed, units = rng.choice([("miles per hour", "miles"), ("km/h", "km"), ("kilometres per hour", "kilometres")])
        slots.update(s1=s1, t1=num(t1, rng), s2=s2, t2=num(t2, rng), speed=speed, units=units)
        q = compose(rng, [[LEG1, LEG2, DIST_ASK]], which, **slots)
        return Example("word_problem", q, steps, str(d), {"kind": "journey", "scenario": "rates"})
    per_day, days = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
    done = rng.randint(0, 3) * per_day
    pages = per_day * days + done
    steps = []
    if done:
        line, left = step(pages, "-", done)
        steps.append(line)
    else:
        left = pages
    line, ans = step(left, "/", per_day)
    steps.append(line)
    slots.update(pages=pages, done=done, per_day=per_day)
    form = [BOOK, DONE, PER_DAY, DAYS_ASK] if done else [BOOK, PER_DAY, DAYS_ASK]
    return Example("word_problem", compose(rng, [form], which, **slots), steps, str(ans), {"kind": "reading", "scenario": "rates"})


def word_ages(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    a, b, c = people(rng, 3)
    c_age = rng.randint(2, 12)
    k = rng.randint(2, 4)
    diff = rng.randint(1, 15)
    years = rng.randint(1, 10)
    steps = []
    line, b_age = step(c_age, "*", k)
    steps.append(line)
    line, a_age = step(b_age, "+", diff)
    steps.append(line)
    line, ans = step(a_age, "+", years)
    steps.append(line)
    slots.update(a=a, b=b, c=c, c_age=c_age, k=num(k, rng, 0.5), diff=num(diff, rng), years=num(years, rng))
    # Facts from the youngest up, or from the eldest down.
    q = compose(rng, [[AGE_C, AGE_B, AGE_A, AGE_ASK], [AGE_A, AGE_B, AGE_C, AGE_ASK]], which, **slots)
    return Example("word_problem", q, steps, str(ans), {"kind": "ages", "scenario": "ages"})


def word_sharing(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    item = rng.choice(MORE_ITEMS)
    friends = rng.randint(2, lv.max_small)
    each = rng.randint(2, lv.max_small * 2)
    keep = rng.randint(0, lv.max_big // 4)
    boxes, per_box = None, None
    steps = []
    total = friends * each + keep
    if rng.random() < 0.5:
        for d in range(2, 13):
            if total % d == 0 and total // d > 1:
                boxes, per_box = total // d, d
        if boxes:
            line, total = step(boxes, "*", per_box)
            steps.append(line)
    if keep:
        line, rest = step(total, "-", keep)
        steps.append(line)
    else:
        rest = total
    line, ans = step(rest, "/", friends)
    steps.append(line)
    cont = rng.choice(CONTAINERS)
    slots.update(item=item, friends=num(friends, rng), keep=keep, boxes=boxes, per_box=per_box, total=total, cont=cont,
                 cont_one=ONE_OF[cont])
    start = HAS_BOXES if boxes else HAS_TOTAL
    form = [start, KEEP, SHARE, EACH_ASK] if keep else [start, SHARE_ALL, EACH_ASK]
    return Example("word_problem", compose(rng, [form], which, **slots), steps, str(ans), {"kind": "sharing", "scenario": "sharing"})


def word_one_step(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    """A single gain or loss."""
    item = rng.choice(MORE_ITEMS)
    a = rng.randint(5, lv.max_big)
    slots.update(item=item, a=a)
    if rng.random() < 0.5:
        b = rng.randint(2, lv.max_big)
        line, ans = step(a, "+", b)
        q = compose(rng, [[GAIN, GAIN_ASK]], which, **slots, b=b)
        return Example("word_problem", q, [line], str(ans), {"kind": "gain", "scenario": "quantity"})
    b = rng.randint(1, a - 1)
    line, ans = step(a, "-", b)
    q = compose(rng, [[LOSS, LOSS_ASK]], which, **slots, b=b)
    return Example("word_problem", q, [line], str(ans), {"kind": "loss", "scenario": "quantity"})


def word_groups(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    """Equal groups: the total (one step), or the total less some taken away."""
    k, m = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
    cont = rng.choice(CONTAINERS)
    slots.update(item=rng.choice(MORE_ITEMS), k=num(k, rng), m=m, cont=cont, cont_one=ONE_OF[cont])
    line, total = step(k, "*", m)
    if rng.random() < 0.5:
        q = compose(rng, [[GROUPS, EACH, TOTAL_ASK], [GROUPS_ONE]], which, **slots)
        return Example("word_problem", q, [line], str(total), {"kind": "groups", "scenario": "quantity"})
    t = rng.randint(1, total - 1)
    line2, ans = step(total, "-", t)
    q = compose(rng, [[GROUPS, EACH, TAKEN, TAKEN_ASK]], which, **slots, t=t)
    return Example("word_problem", q, [line, line2], str(ans), {"kind": "groups_taken", "scenario": "quantity"})


def word_rows(rng: random.Random, lv: Level, which: str, slots: dict[str, object]) -> Example:
    """Rows times the number in a row, plus extra ones."""
    r, p, e = rng.randint(3, lv.max_small), rng.randint(3, lv.max_small), rng.randint(2, 30)
    place, things = rng.choice(ROW_SCENES)
    line, prod = step(r, "*", p)
    line2, ans = step(prod, "+", e)
    slots.update(r=num(r, rng), p=p, e=num(e, rng), place=place, things=things)
    q = compose(rng, [[ROWS, EXTRA, ROWS_ASK]], which, **slots)
    return Example("word_problem", q, [line, line2], str(ans), {"kind": "rows", "scenario": "quantity"})


SCENARIOS = [word_quantity, word_shopping, word_work, word_rates, word_ages, word_sharing, word_one_step, word_groups, word_rows]


def generate(rng: random.Random, lv: Level, which: str) -> Example:
    name, friend = people(rng, 2)
    slots: dict[str, object] = {"name": name, "friend": friend, "he": pronoun(name), "him": "her" if pronoun(name) == "she" else "him",
                                "his": possessive(name), "possessive": possessive(name),
                                "himself": "herself" if pronoun(name) == "she" else "himself"}
    return rng.choice(SCENARIOS)(rng, lv, which, slots)
