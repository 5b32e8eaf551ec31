"""Curriculum v3's families: v2's kinds of problem (and new ones) with questions composed from
sentences (compose.py). Each module keeps the number ranges and step lines of the family of the same
name in families/; where that family draws its numbers and its phrasing from one random stream in
turn, the v3 module repeats the number logic rather than calling it, because any change to the order
of v1's or v2's draws would change the curricula that trained the shipped models and the v2 run."""
