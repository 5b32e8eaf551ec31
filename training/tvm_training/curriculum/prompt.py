"""The canonical problem statement in a curriculum v2 prompt: what a student may type differently
without meaning anything else — surrounding and repeated whitespace, the final punctuation, a space
before a comma or question mark, typographic quotes, dashes and spaces, `\\(…\\)` and `\\[…\\]`
delimiters — is written one way, so that the policy reads `Solve 5x = 35`, `Solve 5x = 35.` and
`  Solve 5x = 35 ?` as the same prompt. The cases are in `training/tests/fixtures/prompt_cases.json`,
for the engine's TypeScript mirror to be tested against the same table.
"""
from __future__ import annotations

import re

# Characters that stand for another one a student means: typographic quotes and dashes, a Unicode
# minus, no-break and thin spaces (→ a space), and zero-width characters (→ nothing).
_SAME_AS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2212": "-", "\u2013": "-", "\u2014": "-",
                          "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;!?])")
_SPACE_BEFORE_PERIOD = re.compile(r"\s+\.(?=\s|$)")
_FINAL_PUNCTUATION = re.compile(r"[\s.?!;,:]+$")


def canonical_problem(text: str) -> str:
    """The problem statement as the v2 prompt writes it (idempotent)."""
    text = _CONTROL.sub(" ", text.translate(_SAME_AS))
    text = text.replace("\\(", "$").replace("\\)", "$").replace("\\[", "$$").replace("\\]", "$$")
    text = " ".join(text.split())
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _SPACE_BEFORE_PERIOD.sub(".", text)
    return _FINAL_PUNCTUATION.sub("", text)


def _jinja_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def canonical_problem_jinja(source: str) -> str:
    """Jinja statements that set `canonical.text` to canonical_problem(`source`, a Jinja expression), for
    the chat template of a v2 bundle (hf_format.py): Transformers, vLLM and the engine's @huggingface/jinja
    then build the prompt the policy was trained on. tests/test_prompt_canonical.py renders it with both
    Jinja implementations against canonical_problem on the shared table and on random text.

    Jinja has no regular expressions, so the rules run word by word once the whitespace is split: a word
    that starts with , ; ! or ? joins the word before it (`_SPACE_BEFORE_MARK`), then a word that is "."
    does (`_SPACE_BEFORE_PERIOD`), then final marks and spaces are cut one by one from the end. Before
    that, characters are replaced as canonical_problem replaces them (the control characters are written
    into the template as they are), and U+0085 by a space: Python's split() takes it for whitespace,
    @huggingface/jinja's (JavaScript's) does not. Characters are taken by slices (`word[:1]`), not
    indexes: llama.cpp's Jinja gives undefined for some string indexes. Except NUL: llama.cpp reads a
    GGUF's chat template as a C string, which ends at a NUL, and its Jinja knows no escape that writes
    one (\\u or \\x), so the template leaves a NUL as it is (the engine refuses control characters
    before any prompt is built).
    """
    pairs = [(chr(code), text) for code, text in _SAME_AS.items()]
    pairs += [(chr(code), " ") for code in range(1, 0x80) if _CONTROL.fullmatch(chr(code))]
    pairs += [("\x85", " "), ("\\(", "$"), ("\\)", "$"), ("\\[", "$$"), ("\\]", "$$")]
    table = "[" + ", ".join(f"[{_jinja_string(a)}, {_jinja_string(b)}]" for a, b in pairs) + "]"
    return (
        "{%- set canonical = namespace(text=" + source + ", marked='', end=0) -%}"
        "{%- for pair in " + table + " -%}{%- set canonical.text = canonical.text.replace(pair[0], pair[1]) -%}{%- endfor -%}"
        "{%- for word in canonical.text.split() -%}"
        "{%- if canonical.marked == '' -%}{%- set canonical.marked = word -%}"
        "{%- elif word[:1] in ',;!?' -%}{%- set canonical.marked = canonical.marked + word -%}"
        "{%- else -%}{%- set canonical.marked = canonical.marked + ' ' + word -%}{%- endif -%}"
        "{%- endfor -%}"
        "{%- set canonical.text = '' -%}"
        "{%- for word in canonical.marked.split(' ') -%}"
        "{%- if canonical.text == '' -%}{%- set canonical.text = word -%}"
        "{%- elif word == '.' -%}{%- set canonical.text = canonical.text + word -%}"
        "{%- else -%}{%- set canonical.text = canonical.text + ' ' + word -%}{%- endif -%}"
        "{%- endfor -%}"
        "{%- set canonical.end = canonical.text | length -%}"
        "{%- for i in range(canonical.text | length) -%}"
        "{%- if canonical.end == (canonical.text | length) - i and canonical.text[canonical.end - 1:canonical.end] in ' .?!;,:' -%}"
        "{%- set canonical.end = canonical.end - 1 -%}{%- endif -%}"
        "{%- endfor -%}"
        "{%- set canonical.text = canonical.text[:canonical.end] -%}"
    )
