"""People and things the word problems are about."""
from __future__ import annotations

import random

NAMES = ["Ava", "Ben", "Carla", "Dev", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jamal", "Kim", "Leo",
         "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yuki",
         "Zoe", "Liam", "Mia", "Omar", "Nina", "Raj"]
ITEMS = ["apples", "stickers", "marbles", "books", "cookies", "pencils", "cards", "shells", "stamps",
         "coins", "eggs", "balloons", "cupcakes", "toy cars", "beads", "oranges"]
CONTAINERS = ["boxes", "bags", "packs", "jars", "crates", "baskets"]

_SHE = {"Ava", "Carla", "Emma", "Grace", "Iris", "Kim", "Maya", "Olga", "Priya", "Rosa", "Tara", "Vera", "Yuki", "Zoe", "Mia", "Nina",
        "Amara", "Beatriz", "Chloe", "Dana", "Elena", "Fatima", "Hana", "Isabel", "Julia", "Lena", "Mei", "Nora", "Sofia", "Aisha", "Lucy"}

# Curriculum v2 draws from more people and things (v1 keeps its lists so its output stays the same).
MORE_NAMES = NAMES + ["Amara", "Beatriz", "Chloe", "Dana", "Elena", "Fatima", "Hana", "Isabel", "Julia", "Lena", "Mei", "Nora",
                      "Sofia", "Aisha", "Lucy", "Ahmed", "Carlos", "Daniel", "Ethan", "Finn", "Gabriel", "Ivan", "Jack",
                      "Kofi", "Luca", "Mateo", "Nikhil", "Oscar", "Pablo", "Tom"]
MORE_ITEMS = ITEMS + ["erasers", "crayons", "bottles", "tickets", "seeds", "plates", "candies", "paper clips", "buttons",
                      "postcards", "pebbles", "muffins", "bananas", "comic books", "flowers", "bricks"]
GOODS = ["notebook", "pen", "sandwich", "ticket", "shirt", "mug", "plant", "candle", "pair of socks", "muffin", "magazine",
         "ruler", "calculator", "backpack", "water bottle", "puzzle", "kite", "scarf"]


def pronoun(name: str) -> str:
    return "she" if name in _SHE else "he"


def possessive(name: str) -> str:
    return "her" if name in _SHE else "his"


def person(rng: random.Random) -> str:
    return rng.choice(MORE_NAMES)


def people(rng: random.Random, n: int) -> list[str]:
    return rng.sample(MORE_NAMES, n)
