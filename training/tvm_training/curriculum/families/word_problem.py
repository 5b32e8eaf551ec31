"""Everyday stories (quantities, shopping, work, rates, ages, sharing), one scenario drawn per problem."""
from __future__ import annotations

import random
from collections.abc import Callable

from ..example import Example, Level
from ..latex import step
from ..names import CONTAINERS, ITEMS, NAMES, pronoun


def word_quantity(rng: random.Random, lv: Level) -> Example:
    """A running quantity changed by a chain of everyday events."""
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    he = pronoun(name)
    total = rng.randint(5, lv.max_big)
    sentences = [rng.choice([f"{name} has {total} {item}.", f"{name} starts with {total} {item}.",
                             f"There are {total} {item} in {name}'s collection."])]
    steps: list[str] = []
    n_events = rng.randint(lv.min_events, lv.max_events)
    for _ in range(n_events):
        kind = rng.choice(["buy_packs", "receive", "give", "lose", "half", "double"])
        if kind == "buy_packs":
            k, m = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
            cont = rng.choice(CONTAINERS)
            sentences.append(rng.choice([f"Then {he} buys {k} {cont} with {m} {item} in each.",
                                         f"{he.capitalize()} gets {k} {cont} of {item}, and each holds {m}.",
                                         f"Next, {he} adds {k} {cont} of {m} {item} each."]))
            line, add = step(k, "*", m)
            steps.append(line)
            line, total = step(total, "+", add)
            steps.append(line)
        elif kind == "receive":
            n = rng.randint(2, lv.max_big)
            friend = rng.choice(NAMES)
            sentences.append(rng.choice([f"{friend} gives {name} {n} more.", f"{he.capitalize()} finds {n} more {item}.",
                                         f"Then {he} receives {n} {item} as a gift."]))
            line, total = step(total, "+", n)
            steps.append(line)
        elif kind in ("give", "lose"):
            if total < 3:
                continue
            n = rng.randint(1, total - 1)
            verb = rng.choice([f"gives {n} to a friend", f"loses {n}", f"uses {n}", f"sells {n}"])
            sentences.append(f"{he.capitalize()} {verb}.")
            line, total = step(total, "-", n)
            steps.append(line)
        elif kind == "half":
            if total % 2 or total < 2:
                continue
            sentences.append(rng.choice([f"{he.capitalize()} gives half of them away.",
                                         f"Half of the {item} are given to a sister."]))
            line, total = step(total, "/", 2)
            steps.append(line)
        else:
            if total > lv.max_big * 5:
                continue
            sentences.append(rng.choice([f"{he.capitalize()} doubles the number of {item}.",
                                         f"Then the number of {item} doubles."]))
            line, total = step(total, "*", 2)
            steps.append(line)
    if not steps:
        n = rng.randint(2, lv.max_big)
        sentences.append(f"{he.capitalize()} finds {n} more {item}.")
        line, total = step(total, "+", n)
        steps.append(line)
    sentences.append(rng.choice([f"How many {item} does {name} have now?", f"How many {item} are left?",
                                 f"How many {item} does {he} end up with?"]))
    return Example("word_problem", " ".join(sentences), steps, str(total), {"scenario": "quantity"})


def word_shopping(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
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
    bought = ", ".join(parts[:-1]) + " and " + parts[-1]
    if rng.random() < 0.5:
        bill = max(20, ((total // 10) + 1 + rng.randint(0, 3)) * 10)
        line, ans = step(bill, "-", total)
        steps.append(line)
        question = rng.choice([f"{name} buys {bought}. {pronoun(name).capitalize()} pays with ${bill}. How much change does {pronoun(name)} get?",
                               f"{name} pays for {bought} with a ${bill} bill. How many dollars of change should {name} receive?"])
    else:
        ans = total
        question = rng.choice([f"{name} buys {bought}. How much does {pronoun(name)} spend in total?",
                               f"How many dollars does {name} spend on {bought}?"])
    return Example("word_problem", question, steps, str(ans), {"scenario": "shopping"})


def word_work(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
    he = pronoun(name)
    rate, hours, days = rng.randint(5, lv.max_small * 2), rng.randint(2, 10), rng.randint(2, 7)
    steps: list[str] = []
    line, per_day = step(rate, "*", hours)
    steps.append(line)
    line, earned = step(per_day, "*", days)
    steps.append(line)
    q = f"{name} earns ${rate} per hour. {he.capitalize()} works {hours} hours a day for {days} days."
    ans = earned
    if rng.random() < 0.6:
        spend = rng.randint(1, earned - 1)
        q += rng.choice([f" {he.capitalize()} spends ${spend} on rent.", f" Then {he} buys a phone for ${spend}."])
        line, ans = step(earned, "-", spend)
        steps.append(line)
        q += f" How much money does {he} have left?"
    else:
        q += rng.choice([f" How much does {he} earn in total?", f" How many dollars does {name} make?"])
    return Example("word_problem", q, steps, str(ans), {"scenario": "work"})


def word_rates(rng: random.Random, lv: Level) -> Example:
    name = rng.choice(NAMES)
    he = pronoun(name)
    if rng.random() < 0.5:
        s1, t1, s2, t2 = (rng.randint(20, 70), rng.randint(1, 5), rng.randint(20, 70), rng.randint(1, 5))
        steps = []
        line, d1 = step(s1, "*", t1)
        steps.append(line)
        line, d2 = step(s2, "*", t2)
        steps.append(line)
        line, d = step(d1, "+", d2)
        steps.append(line)
        q = rng.choice([f"{name} drives at {s1} miles per hour for {t1} hours, then at {s2} miles per hour for {t2} hours. How many miles does {he} drive?",
                        f"A train travels {t1} hours at {s1} km/h and then {t2} hours at {s2} km/h. What distance does it cover in km?"])
        return Example("word_problem", q, steps, str(d), {"scenario": "rates"})
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
    q = f"A book has {pages} pages."
    if done:
        q += f" {name} has already read {done} pages."
    q += f" {name} reads {per_day} pages a day. How many more days will it take {pronoun(name) if done else name} to finish the book?"
    return Example("word_problem", q, steps, str(ans), {"scenario": "rates"})


def word_ages(rng: random.Random, lv: Level) -> Example:
    a, b, c = rng.sample(NAMES, 3)
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
    q = rng.choice([
        f"{c} is {c_age} years old. {b} is {k} times as old as {c}. {a} is {diff} years older than {b}. How old will {a} be in {years} years?",
        f"{a} is {diff} years older than {b}, and {b} is {k} times as old as {c}. If {c} is {c_age}, how old will {a} be in {years} years?",
    ])
    return Example("word_problem", q, steps, str(ans), {"scenario": "ages"})


def word_sharing(rng: random.Random, lv: Level) -> Example:
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    people = rng.randint(2, lv.max_small)
    each = rng.randint(2, lv.max_small * 2)
    keep = rng.randint(0, lv.max_big // 4)
    boxes, per_box = None, None
    steps = []
    total = people * each + keep
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
    line, ans = step(rest, "/", people)
    steps.append(line)
    start = f"{name} has {boxes} {rng.choice(CONTAINERS)} of {item} with {per_box} in each." if boxes else f"{name} has {total} {item}."
    keep_txt = f" {pronoun(name).capitalize()} keeps {keep} and" if keep else f" {pronoun(name).capitalize()}"
    q = f"{start}{keep_txt} shares the rest equally among {people} friends. How many {item} does each friend get?"
    return Example("word_problem", q, steps, str(ans), {"scenario": "sharing"})


SCENARIOS: list[Callable[[random.Random, Level], Example]] = [word_quantity, word_shopping, word_work, word_rates, word_ages, word_sharing]


def generate(rng: random.Random, lv: Level) -> Example:
    return rng.choice(SCENARIOS)(rng, lv)
