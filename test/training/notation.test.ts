// The notations training varies (training/tvm_training/notation.py), run in the Python that trains
// the models: the reference style leaves every step as written, another style changes only how a step
// is written (the same numbers, operators and results), keeps LaTeX where a line needs it, and a
// varied example keeps its answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

interface Outcome {
  steps: number;
  referenceChanged: number;
  meaningChanged: string[];
  bareLatex: string[];
  answerChanged: number;
  variedShare: number;
  examples: Record<string, string>;
}

const outcome = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, random, re
from tvm_training.curriculum import FAMILIES, HARD, TRAIN, generate
from tvm_training.notation import REFERENCE, Style, random_style, restyle, varied

def meaning(line):
    # What a step says, whatever its notation: one symbol per operation, no $ and no spaces.
    for old, new in (("$", ""), (" ", ""), ("\\\\times", "*"), ("\\\\cdot", "*"), ("×", "*"), ("\\\\div", "/"), ("÷", "/")):
        line = line.replace(old, new)
    return line

rng = random.Random(11)
steps = reference_changed = answer_changed = varied_count = 0
meaning_changed, bare_latex = [], []
examples = {}
for family in FAMILIES:
    for level in (TRAIN, HARD):
        for _ in range(60):
            ex = generate(family, rng, level)
            out = varied(ex, rng)
            varied_count += out.steps != ex.steps
            answer_changed += out.answer != ex.answer or out.solution().split("\\n")[-1] != ex.solution().split("\\n")[-1]
            style = random_style(rng)
            for s in ex.steps:
                steps += 1
                reference_changed += restyle(s, REFERENCE) != s
                r = restyle(s, style)
                if meaning(r) != meaning(s):
                    meaning_changed.append(f"{s} -> {r}")
                if re.search(r"\\\\(?!times|div|cdot)[A-Za-z]", r) and not r.startswith("$"):
                    bare_latex.append(r)
            examples[family] = restyle(ex.steps[0], Style(False, "*", "/", True))
print(json.dumps({"steps": steps, "referenceChanged": reference_changed, "meaningChanged": meaning_changed[:5],
                  "bareLatex": bare_latex[:5], "answerChanged": answer_changed,
                  "variedShare": varied_count / (len(FAMILIES) * 120), "examples": examples}))
`], { encoding: 'utf8', cwd: 'training', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } })) as Outcome;

test('the reference style writes every curriculum step exactly as generated', () => {
  assert.ok(outcome.steps > 1000, `only ${outcome.steps} steps`);
  assert.equal(outcome.referenceChanged, 0);
});

test('another style changes how a step is written, never what it says', () => {
  assert.deepEqual(outcome.meaningChanged, []);
  assert.equal(outcome.examples.arithmetic?.includes('$'), false, outcome.examples.arithmetic);
  assert.doesNotMatch(outcome.examples.linear_equation ?? ' ', /[ $]/, outcome.examples.linear_equation);
});

test('lines with fractions or derivatives keep their LaTeX inside $…$', () => {
  assert.deepEqual(outcome.bareLatex, []);
  assert.match(outcome.examples.fractions ?? '', /^\$.*\\frac/, outcome.examples.fractions);
});

test('a varied training example keeps its answer line, and most examples keep the reference notation', () => {
  assert.equal(outcome.answerChanged, 0);
  assert.ok(outcome.variedShare > 0.2 && outcome.variedShare < 0.6, `varied share ${outcome.variedShare}`);
});
