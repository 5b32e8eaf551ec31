"""Rates: distance, speed and time; a unit price times a count; work done at a rate."""
from __future__ import annotations

import random

from ..example import Example, Level
from ..latex import step
from ..names import person, pronoun
from ..phrasing import H, T, fill, num
from ..registry import Templates

DISTANCE = [T("{name} drives at {speed} {unit} per hour for {time} hours. How far does {he} travel?"),
            T("A train travels at {speed} {unit} per hour. How many {unit} does it cover in {time} hours?"),
            T("How far does a cyclist go in {time} hours at a steady {speed} {unit} per hour?"),
            T("A bus moves at {speed} {unit} an hour for {time} hours. Find the distance it travels in {unit}."),
            H("Travelling for {time} hours at {speed} {unit} per hour, what distance does {name} cover?"),
            H("At a speed of {speed} {unit}/h, how many {unit} are covered in {time} hours?")]
TIME = [T("{name} drives {distance} {unit} at {speed} {unit} per hour. How many hours does the trip take?"),
        T("A train covers {distance} {unit} at {speed} {unit} per hour. How long does the journey take in hours?"),
        T("How many hours does it take to travel {distance} {unit} at {speed} {unit} per hour?"),
        H("At {speed} {unit} per hour, how long will {name} need for {distance} {unit}?")]
SPEED = [T("{name} runs {distance} {unit} in {time} hours. What is {his_her} average speed in {unit} per hour?"),
         T("A car travels {distance} {unit} in {time} hours. Find its speed in {unit} per hour."),
         T("What is the speed of a boat that goes {distance} {unit} in {time} hours?"),
         H("In {time} hours a plane flies {distance} {unit}. How fast is it going, in {unit} per hour?")]
PRICE = [T("{goods} cost {price} dollars each. How much do {count} {goods} cost?"),
         T("One {good} costs ${price}. What is the cost of {count} {goods}?"),
         T("{name} buys {count} {goods} at ${price} each. How much does {he} pay?"),
         T("If a {good} costs ${price}, how many dollars do {count} of them cost?"),
         H("At ${price} per {good}, find the price of {count} {goods}."),
         H("{count} {goods} are bought for ${price} apiece. What is the total cost?")]
WORK = [T("A machine makes {rate} {items} per minute. How many {items} does it make in {time} minutes?"),
        T("{name} types {rate} words a minute. How many words can {he} type in {time} minutes?"),
        T("A pump fills {rate} litres every minute. How many litres does it pump in {time} minutes?"),
        H("How many {items} does a printer produce in {time} minutes if it prints {rate} {items} each minute?")]
GOODS = [("pencil", "pencils"), ("notebook", "notebooks"), ("apple", "apples"), ("ticket", "tickets"), ("cupcake", "cupcakes"),
         ("marker", "markers"), ("pen", "pens"), ("sticker book", "sticker books"), ("orange", "oranges")]


def generate(rng: random.Random, lv: Level, which: Templates) -> Example:
    name = person(rng)
    he = pronoun(name)
    his_her = "her" if he == "she" else "his"
    unit = rng.choice(["miles", "km", "kilometres"])
    kind = rng.choice(["distance", "time", "speed", "price", "work"])
    speed, time = rng.randint(3, 12) * 5, rng.randint(2, max(3, lv.max_small // 3))
    if kind == "distance":
        line, ans = step(speed, "*", time)
        q = fill(rng, DISTANCE, which, name=name, he=he, speed=speed, unit=unit, time=num(time, rng))
    elif kind in ("time", "speed"):
        distance = speed * time
        line, ans = step(distance, "/", speed if kind == "time" else time)
        q = fill(rng, TIME if kind == "time" else SPEED, which, name=name, he=he, his_her=his_her, speed=speed, unit=unit,
                 distance=distance, time=num(time, rng))
    elif kind == "price":
        good, goods = rng.choice(GOODS)
        price, count = rng.randint(2, lv.max_small), rng.randint(2, lv.max_small)
        line, ans = step(count, "*", price)
        q = fill(rng, PRICE, which, name=name, he=he, good=good, goods=goods, price=price, count=num(count, rng))
    else:
        rate, time = rng.randint(2, lv.max_small * 2), rng.randint(2, lv.max_small)
        line, ans = step(rate, "*", time)
        q = fill(rng, WORK, which, name=name, he=he, rate=rate, time=num(time, rng), items=rng.choice(["bottles", "pages", "bolts", "cans"]))
    return Example("rates", q, [line], str(ans), {"kind": kind})
