"""Curriculum v4's new kinds of problem, one module per v3 family that gains some: each module's
`generate(rng, level, templates)` writes only the new kinds (v4.py mixes them with the v3 family of
the same name). They widen what v3 left out — number ranges (quotients past 22, decimals, money in
pence), units given in the question (minutes, a conversion factor, a map scale), structures (ages
from a ratio and a difference, a price from a total and a difference, a new mean after one more
value), and notation (×, −, ², f′) — in the sentence-composed phrasing of v3 (compose.py), with
held-out sentences for the heldout_template split."""
