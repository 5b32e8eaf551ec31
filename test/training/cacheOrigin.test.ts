// The pipeline cache's recipe guard (training/tvm_training/cache_origin.py), run in the Python that
// trains the models: a resumed build with the recipe the cache was built from goes on, one whose
// profile or curriculum differs stops with a message naming the difference and the way out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

// The guard logs what it records; the report is the last line.
const outcome = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import dataclasses, json, tempfile
from pathlib import Path
from tvm_training import cache_origin
from tvm_training.common import SMOKE

def attempt(cache, profile):
    try:
        cache_origin.check_origin(cache, profile)
        return None
    except SystemExit as stop:
        return str(stop)

with tempfile.TemporaryDirectory() as d:
    cache = Path(d)
    first = attempt(cache, SMOKE)
    recorded = (cache / "origin.json").exists()
    same = attempt(cache, SMOKE)
    more_paths = attempt(cache, dataclasses.replace(SMOKE, label_paths=SMOKE.label_paths + 4))
    longer = attempt(cache, dataclasses.replace(SMOKE, policy_steps=SMOKE.policy_steps + 1))
    real = cache_origin.tokenizer_corpus
    cache_origin.tokenizer_corpus = lambda profile, n: [t.replace("\\\\times", "*") for t in real(profile, n)]
    restyled = attempt(cache, SMOKE)
print(json.dumps({"first": first, "recorded": recorded, "same": same, "morePaths": more_paths,
                  "longer": longer, "restyled": restyled}))
`], { encoding: 'utf8', cwd: 'training', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } }).trim().split('\n').at(-1) ?? '{}') as Record<string, string | boolean | null>;

test('a cache without a recorded recipe gets one, and the same recipe resumes from it', () => {
  assert.equal(outcome.first, null);
  assert.equal(outcome.recorded, true);
  assert.equal(outcome.same, null);
});

test('more label paths resume from the cache: their outputs are named after the count', () => {
  assert.equal(outcome.morePaths, null);
});

test('another policy size stops the build, naming the field and what to do', () => {
  assert.match(String(outcome.longer), /policy_steps 60 -> 61/);
  assert.match(String(outcome.longer), /TVM_TUTOR_CACHE/);
});

test('a curriculum that writes other texts stops the build', () => {
  assert.match(String(outcome.restyled), /curriculum generates other texts/);
});
