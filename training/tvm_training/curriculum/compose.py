"""How curriculum v3 phrases a word problem: composed from sentences, not written whole.

v2 gave each kind of problem three or four whole-question templates, and its policy learnt those
templates rather than reading: on wording it never saw (held-out templates, problems written by hand)
it stayed near 20 % while its val accuracy reached 80 % (training/results/v2-checkpoints.md). v3
builds a question from `Form`s: each form is a sequence of sentence slots (the facts, then the
question, or the question with the facts folded in), each slot a list of alternative sentences.
With four forms of three slots of four sentences each, one kind of problem has hundreds of
phrasings, in several sentence orders, and the policy has to read which number is which.

Held-out phrasings are sentences, not questions: a `heldout` sentence never appears in training,
and a question of the `heldout_template` split uses exactly one of them (the rest of it from the
training sentences), so that split measures reading a sentence the policy has never seen.
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from .phrasing import Template, finish
from .registry import Templates

Slot = Sequence[Template]          # alternative sentences for one place in the question
Form = Sequence[Slot]              # the sentences of one question, in order


def _has(slot: Slot, heldout: bool) -> bool:
    return any(t.heldout == heldout for t in slot)


def _draw(rng: random.Random, slot: Slot, heldout: bool) -> Template:
    return rng.choice([t for t in slot if t.heldout == heldout])


def _capitalised(sentence: str) -> str:
    """A sentence starts with a capital when it starts with a word ("a train …" too), not with math, a
    variable or a function name ("x + y = 12 …", "f(x) = …")."""
    first = sentence.split(" ", 1)[0]
    return sentence[0].upper() + sentence[1:] if (first.isalpha() and len(first) > 1) or first == "a" else sentence


def compose(rng: random.Random, forms: Sequence[Form], which: Templates, shuffle_facts: bool = False, **values: object) -> str:
    """One question: a form drawn at random, one sentence per slot, filled with `values`.

    For training, every sentence is a training one (forms with a slot that has none are skipped);
    for the held-out split, one slot of the form (among those that have a held-out sentence) takes
    a held-out sentence. `shuffle_facts`: the slots before the last are independent facts that may
    come in any order."""
    if which == "train":
        usable = [f for f in forms if all(_has(s, False) for s in f)]
    else:
        usable = [f for f in forms if any(_has(s, True) for s in f)]
    if not usable:
        raise ValueError(f"no form with {which} sentences")
    form = rng.choice(usable)
    held_slot = -1
    if which == "heldout":
        held_slot = rng.choice([i for i, s in enumerate(form) if _has(s, True)])
    sentences = []
    for i, slot in enumerate(form):
        # A slot with only held-out sentences in a held-out question is the held-out one by construction.
        heldout = i == held_slot or not _has(slot, False)
        sentences.append(_capitalised(_draw(rng, slot, heldout).text.format(**values)))
    if shuffle_facts and len(sentences) > 2:
        facts = sentences[:-1]
        rng.shuffle(facts)
        sentences = facts + sentences[-1:]
    return surface(rng, " ".join(sentences))


# First words that a student may type in lower case without making a name look like a word.
_LOWER_CASE_OK = {"A", "An", "The", "Each", "Every", "One", "There", "If", "How", "What", "Find", "Work", "Calculate",
                  "Compute", "Evaluate", "Solve", "Convert", "Write", "Express", "In", "At", "Two", "Three", "Four"}


def surface(rng: random.Random, text: str) -> str:
    """What students do to a question as they type it: sometimes a casual "whats", a lower-case
    first letter, no final punctuation (phrasing.finish)."""
    r = rng.random()
    if r < 0.08 and "What is" in text:
        text = text.replace("What is", rng.choice(["What's", "whats", "what is"]), 1)
    elif r < 0.16 and text.split(" ", 1)[0] in _LOWER_CASE_OK:
        text = text[0].lower() + text[1:]
    return finish(rng, text)
