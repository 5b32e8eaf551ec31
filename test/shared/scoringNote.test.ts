import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoringNote } from '../../src/shared/scoringNote.js';

test('the scoring note names the verifier that guided, ranked or valued the search, or says the bundle has none', () => {
  assert.equal(scoringNote({ strategy: 'beam', verifier: 'tvm', ranking: null }), 'guided by the TVM');
  assert.equal(scoringNote({ strategy: 'bon', verifier: 'orm', ranking: 'value' }), 'ranked by the ORM');
  assert.equal(scoringNote({ strategy: 'wvote', verifier: 'tvm', ranking: null }), 'votes weighted by the TVM');
  assert.equal(scoringNote({ strategy: 'greedy', verifier: 'tvm', ranking: null }), 'steps valued by the TVM');
  assert.equal(scoringNote({ strategy: 'bon', verifier: null, ranking: 'likelihood' }), "ranked by the policy's likelihood (mean token log-probability); this bundle has no value model");
  assert.equal(scoringNote({ strategy: 'vote', verifier: null, ranking: null }), 'not valued (this bundle has no value model)');
});
