// The labels stage checkpoints after every chunk (training/tvm_training/labels.py): a run killed
// right after a checkpoint and started again must label every path exactly as an uninterrupted run,
// for the sampled paths and for the student-error prefixes. Runs the smoke policy in the Python that
// trains the models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

interface Part { rows: number; resumedFrom: number; firstChunkAfterResume: number; same: boolean }

// The pipeline logs its progress; the report is the last line.
const outcome = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, os, tempfile
from pathlib import Path
with tempfile.TemporaryDirectory() as d:
    os.environ["TVM_TUTOR_CACHE"] = d
    from tvm_training import labels, stages
    from tvm_training.common import SMOKE, cache_dir
    from tvm_training.policy import build_splits, build_tokenizer, load_policy
    stages.run(SMOKE, "policy", None, None)
    cache = cache_dir(SMOKE)
    tok = build_tokenizer(SMOKE, cache)
    policy = load_policy(cache, tok)
    problems = labels.label_problems(SMOKE, build_splits(SMOKE, cache).held_out())
    labels.SAMPLED_CHUNK = labels.ERROR_CHUNK = 4
    real_save = labels.save_progress

    def killed_after_first_checkpoint(checkpoint, rows, next_start):
        real_save(checkpoint, rows, next_start)
        raise KeyboardInterrupt

    def compare(run, checkpoint):
        whole = run(None)
        labels.save_progress = killed_after_first_checkpoint
        try:
            run(checkpoint)
        except KeyboardInterrupt:
            pass
        labels.save_progress = real_save
        resumed_from = labels.resume_point(checkpoint)[1]
        saved_after_resume = []

        def recording(checkpoint, rows, next_start):
            saved_after_resume.append(next_start)
            real_save(checkpoint, rows, next_start)

        labels.save_progress = recording
        again = run(checkpoint)
        labels.save_progress = real_save
        key = lambda r: (r.ids, r.start, r.tvm, r.orm, r.prm, r.weight, r.source)
        return {"rows": len(whole), "resumedFrom": resumed_from, "firstChunkAfterResume": saved_after_resume[0],
                "same": [key(r) for r in whole] == [key(r) for r in again]}

    report = {
        "sampled": compare(lambda c: labels.sampled_path_labels(policy, tok, problems, SMOKE, c), Path(d) / "s.partial"),
        "errors": compare(lambda c: labels.error_prefix_labels(policy, tok, problems, SMOKE.error_prefixes,
                                                               SMOKE.error_rollouts, 5, SMOKE.max_new_tokens, c),
                          Path(d) / "e.partial"),
    }
print(json.dumps(report))
`], { encoding: 'utf8', cwd: 'training', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' }, maxBuffer: 16 * 1024 * 1024 })
  .trim().split('\n').at(-1) ?? '{}') as Record<'sampled' | 'errors', Part>;

for (const part of ['sampled', 'errors'] as const) {
  test(`${part === 'sampled' ? 'sampled-path' : 'student-error'} labels resumed after a kill equal an uninterrupted run`, () => {
    const { rows, resumedFrom, firstChunkAfterResume, same } = outcome[part];
    assert.ok(rows > 0, 'no rows labelled');
    assert.equal(resumedFrom, 4, 'the killed run should have checkpointed its first chunk');
    assert.equal(firstChunkAfterResume, 8, 'the resumed run should start at the second chunk');
    assert.equal(same, true);
  });
}
