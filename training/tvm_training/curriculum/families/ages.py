"""Ages: times as old, years older, in some years or some years ago, and two ages from their sum
and difference."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import people
from ..phrasing import H, T, fill, num
from ..registry import Templates

TIMES_LATER = [T("{b} is {b_age} years old. {a} is {k} times as old as {b}. How old will {a} be in {n} years?"),
               T("{a} is {k} times as old as {b}, who is {b_age}. How old will {a} be {n} years from now?"),
               T("{b} is {b_age}. {a}'s age is {k} times {b}'s age. What will {a}'s age be in {n} years?"),
               H("In {n} years, how old will {a} be if {a} is {k} times as old as {b} and {b} is {b_age} now?")]
OLDER_AGO = [T("{a} is {d} years older than {b}. {b} is {b_age}. How old was {a} {n} years ago?"),
             T("{b} is {b_age} years old and {a} is {d} years older. How old was {a} {n} years ago?"),
             T("{a} is {d} years older than {b}, who is {b_age} now. What was {a}'s age {n} years ago?"),
             H("{n} years ago, how old was {a}, if {a} is {d} years older than {b} and {b} is {b_age}?")]
SUM_DIFF = [T("The sum of {a}'s and {b}'s ages is {s}. {a} is {d} years older than {b}. How old is {asked}?"),
            T("{a} and {b} are {s} years old together. {a} is {d} years older than {b}. How old is {asked}?"),
            T("Together {a} and {b} are {s}. If {a} is {d} years older, how old is {asked}?"),
            H("{a} is {d} years older than {b}, and their ages add up to {s}. Find {asked}'s age.")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    a, b = people(rng, 2)
    b_age = rng.randint(3, 15)
    n = rng.randint(2, 10)
    kind = rng.choice(["times_later", "older_ago", "sum_diff"])
    steps: list[str] = []
    if kind == "times_later":
        k = rng.randint(2, 4)
        line, a_age = step(b_age, "*", k)
        steps.append(line)
        line, ans = step(a_age, "+", n)
        steps.append(line)
        q = fill(rng, TIMES_LATER, which, a=a, b=b, b_age=b_age, k=num(k, rng, 0.5), n=num(n, rng))
    elif kind == "older_ago":
        d = rng.randint(n, n + 20)
        line, a_age = step(b_age, "+", d)
        steps.append(line)
        line, ans = step(a_age, "-", n)
        steps.append(line)
        q = fill(rng, OLDER_AGO, which, a=a, b=b, b_age=b_age, d=num(d, rng), n=num(n, rng))
    else:
        d = rng.randint(2, 12)
        s = 2 * b_age + d
        line, twice = step(s, "-", d)
        steps.append(line)
        line, younger = step(twice, "/", 2)
        steps.append(line)
        asked = rng.choice([a, b])
        ans = younger
        q = fill(rng, SUM_DIFF, which, a=a, b=b, s=s, d=num(d, rng), asked=asked)
        if asked == a:
            line, ans = step(younger, "+", d)
            steps.append(line)
    return Example("ages", q, steps, str(ans), {"kind": kind})
