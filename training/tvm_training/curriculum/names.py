"""People and things the word problems are about."""
from __future__ import annotations

NAMES = ["Ava", "Ben", "Carla", "Dev", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jamal", "Kim", "Leo",
         "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yuki",
         "Zoe", "Liam", "Mia", "Omar", "Nina", "Raj"]
ITEMS = ["apples", "stickers", "marbles", "books", "cookies", "pencils", "cards", "shells", "stamps",
         "coins", "eggs", "balloons", "cupcakes", "toy cars", "beads", "oranges"]
CONTAINERS = ["boxes", "bags", "packs", "jars", "crates", "baskets"]


def pronoun(name: str) -> str:
    return "she" if name in {"Ava", "Carla", "Emma", "Grace", "Iris", "Kim", "Maya", "Olga", "Priya",
                             "Rosa", "Tara", "Vera", "Yuki", "Zoe", "Mia", "Nina"} else "he"
