"""Percent of, discounts and increases, what percent, and sharing in a ratio."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step


def generate(rng: random.Random, lv: Level) -> Example:
    kind = rng.choice(["of", "discount", "increase", "ratio", "what_percent"])
    pct = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 60, 75]) if lv.name == "train" else rng.choice(
        [5, 12, 15, 35, 45, 55, 65, 80, 85, 95])
    base = rng.randint(1, lv.max_big // 10 + 2) * 20
    steps: list[str] = []
    if kind in ("of", "discount", "increase"):
        while (base * pct) % 100:
            base += 20
        line, prod = step(base, "*", pct)
        steps.append(line)
        line, part = step(prod, "/", 100)
        steps.append(line)
        item = rng.choice(["jacket", "bike", "lamp", "pair of shoes", "game", "backpack", "chair", "watch"])
        if kind == "of":
            question = rng.choice([f"What is {pct}% of {base}?", f"Find ${pct}\\%$ of ${base}$.",
                                   f"Compute {pct} percent of {base}."])
            return Example("percentages", question, steps, str(part))
        if kind == "discount":
            line, ans = step(base, "-", part)
            steps.append(line)
            question = rng.choice([
                f"A {item} costs ${base}. It is on sale for {pct}% off. What is the sale price in dollars?",
                f"The price of a {item} is ${base}. A store takes {pct}% off. How much does the {item} cost now?",
                f"A {item} that normally sells for {base} dollars is discounted by {pct}%. What is the new price?",
            ])
            return Example("percentages", question, steps, str(ans))
        line, ans = step(base, "+", part)
        steps.append(line)
        question = rng.choice([
            f"A town had {base} people. The population grew by {pct}%. How many people live there now?",
            f"A {item} cost ${base} last year. Its price went up by {pct}%. What does it cost now?",
        ])
        return Example("percentages", question, steps, str(ans))
    if kind == "what_percent":
        whole = rng.choice([20, 25, 40, 50, 80, 200, 400, 500])
        pct = rng.choice([p for p in range(5, 100, 5) if whole * p % 100 == 0])
        part = whole * pct // 100
        line, prod = step(part, "*", 100)
        steps.append(line)
        line, ans = step(prod, "/", whole)
        steps.append(line)
        question = rng.choice([f"What percent of {whole} is {part}?",
                               f"{part} out of {whole} students passed. What percent passed?"])
        return Example("percentages", question, steps, f"{ans}\\%")
    p, q = rng.randint(1, lv.max_small), rng.randint(1, lv.max_small)
    unit = rng.randint(2, lv.max_small)
    total = (p + q) * unit
    a_name, b_name = rng.choice([("boys", "girls"), ("red marbles", "blue marbles"), ("cats", "dogs"),
                                 ("adults", "children"), ("apples", "oranges")])
    ask_first = rng.random() < 0.5
    line, parts = step(p, "+", q)
    steps.append(line)
    line, per = step(total, "/", parts)
    steps.append(line)
    line, ans = step(per, "*", p if ask_first else q)
    steps.append(line)
    question = rng.choice([
        f"The ratio of {a_name} to {b_name} is {p}:{q}. There are {total} in all. How many {a_name if ask_first else b_name} are there?",
        f"There are {total} {a_name} and {b_name} in the ratio ${p} : {q}$. How many are {a_name if ask_first else b_name}?",
    ])
    return Example("percentages", question, steps, str(ans))
