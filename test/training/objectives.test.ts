// The TVM's and the ORM's training objectives (training/tvm_training/objectives.py), run in the
// Python that trains the models: labelled from the same weighted paths by the prefix trie, they are
// one function of a causal verifier's values; a rollout that joins the trie without being a row, or
// labels that forget the paths' multiplicities, make them differ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

interface Difference { prefixes: number; differing_prefixes: number; label_mass_moved: number }
interface Outcome { trie: Difference; rollout: Difference; unweighted: Difference; lossGap: number; rolloutLossGap: number; rolloutRowPrefixes: number }

const outcome = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, math, random, zlib
from tvm_training.labels import LabelledPath, Trie
from tvm_training.objectives import objective_difference

rng = random.Random(4)
prompt = [1, 2]
# Paths over a tiny alphabet share many prefixes; duplicates become one row with their count as weight.
paths = [[rng.choice([5, 6, 7]) for _ in range(rng.randint(2, 5))] for _ in range(300)]
# Grading is deterministic: identical paths have the same outcome.
outcomes = [zlib.crc32(bytes(p)) % 10 < 4 for p in paths]
distinct = {}
for p, ok in zip(paths, outcomes):
    key = tuple(p)
    distinct[key] = (ok, distinct.get(key, (ok, 0))[1] + 1)

def rows(trie, weighted=True):
    return [LabelledPath(ids=prompt + list(p), start=len(prompt),
                         tvm=[c / t for c, t in trie.values(list(p))], orm=[float(ok)] * len(p), prm=[0.0] * len(p),
                         weight=float(n) if weighted else 1.0)
            for p, (ok, n) in distinct.items()]

def value(prefix):
    # Any causal verifier: its value depends on the prefix alone.
    return 0.05 + 0.9 * (zlib.crc32(bytes(prefix)) % 1000) / 1000

def bce_loss(data, kind):
    total = 0.0
    for r in data:
        labels = r.tvm if kind == "tvm" else r.orm
        for j, y in enumerate(labels):
            v = value(r.ids[: r.start + j + 1])
            total -= r.weight * (y * math.log(v) + (1 - y) * math.log(1 - v))
    return total

trie = Trie()
for p, ok in zip(paths, outcomes):
    trie.add(p, ok)
same = rows(trie)
# Labels averaged over distinct paths instead of over samples: the multiplicities are lost.
flat = Trie()
for p, (ok, _) in distinct.items():
    flat.add(list(p), ok)
unweighted = [LabelledPath(ids=r.ids, start=r.start, tvm=[c / t for c, t in flat.values(r.ids[r.start:])], orm=r.orm,
                           prm=r.prm, weight=r.weight) for r in same]
# A rollout from the end of some path's second token joins the trie there and below.
first = next(iter(distinct))
trie.add(list(first) + [9], True, first_counted=1)
joined = rows(trie)
print(json.dumps({
    "trie": objective_difference(same), "rollout": objective_difference(joined),
    "unweighted": objective_difference(unweighted),
    "lossGap": abs(bce_loss(same, "tvm") - bce_loss(same, "orm")),
    "rolloutLossGap": abs(bce_loss(joined, "tvm") - bce_loss(joined, "orm")),
    "rolloutRowPrefixes": len(first) - 1,
}))
`], { encoding: 'utf8', cwd: 'training', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } })) as Outcome;

test('trie labels from the weighted sampled paths give the ORM objective exactly', () => {
  assert.ok(outcome.trie.prefixes > 20, `only ${outcome.trie.prefixes} prefixes`);
  assert.equal(outcome.trie.differing_prefixes, 0);
  assert.equal(outcome.trie.label_mass_moved, 0);
  assert.ok(outcome.lossGap < 1e-9, `BCE losses differ by ${outcome.lossGap}`);
});

test('a rollout joined to the trie moves the TVM objective away from the ORM one at its prefixes only', () => {
  // The rollout passes through the rows' prefixes from its start to the end of the path it left.
  assert.equal(outcome.rollout.differing_prefixes, outcome.rolloutRowPrefixes);
  assert.ok(outcome.rolloutLossGap > 1e-6, `BCE losses differ by only ${outcome.rolloutLossGap}`);
});

test('labels that forget how often each path was sampled no longer match the ORM objective', () => {
  assert.ok(outcome.unweighted.differing_prefixes > 0);
  assert.ok(outcome.unweighted.label_mass_moved > 0);
});
