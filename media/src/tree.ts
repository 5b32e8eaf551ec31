// The search tree: every candidate of every beam-search step with its value and whether it was
// kept, pruned or chosen; for whole-path strategies, every sampled path and the vote.
import type { BeamView, CandidateView, PathView, SolveView, TreeLevelView, VoteView } from '../../src/shared/webviewProtocol.js';
import { h } from './dom.js';
import { markdownBlock, valueAttrs } from './parts.js';

function candidateState(c: CandidateView): string {
  if (c.chosen) return 'chosen';
  if (c.kept) return 'kept';
  if (c.contradiction !== null) return 'false';
  return c.duplicateOf === null ? 'pruned' : 'duplicate';
}

function candidate(c: CandidateView): HTMLElement {
  const state = candidateState(c);
  return h('li', { class: 'candidate', 'data-id': c.id, 'data-state': state, 'data-rank': c.rank, 'data-finished': c.finished, ...valueAttrs(c.value) }, [
    h('span', { class: 'sr-only' }, [`Candidate ${c.rank + 1}, `]),
    h('span', { class: 'candidate-value' }, [c.value?.percent ?? '–']),
    h('span', { class: 'candidate-state', title: c.contradiction ?? (c.duplicateOf === null ? null : `same step as candidate ${c.duplicateOf}`) }, [state]),
    markdownBlock({ class: 'candidate-text' }, c.text, true),
    c.answer !== null && h('span', { class: 'candidate-answer' }, [` → ${c.answer}`]),
  ]);
}

function beam(b: BeamView): HTMLElement {
  return h('li', { class: 'beam', 'data-beam': b.index, ...valueAttrs(b.value) }, [
    h('span', { class: 'beam-label' }, [`Beam ${b.index + 1}${b.value ? ` (${b.value.percent})` : ''}`]),
    h('ol', { class: 'candidates', 'aria-label': `Candidates of beam ${b.index + 1}` }, b.candidates.map(candidate)),
  ]);
}

function level(l: TreeLevelView): HTMLElement {
  return h('section', { class: 'tree-level', 'data-depth': l.depth }, [h('h3', {}, [`Step ${l.depth + 1}`]), h('ul', { class: 'beams', 'aria-label': `Beams at step ${l.depth + 1}` }, l.beams.map(beam))]);
}

function path(p: PathView): HTMLElement {
  return h('li', { class: 'path', 'data-index': p.index, 'data-state': p.chosen ? 'chosen' : 'other', ...valueAttrs(p.value) }, [
    // Absent (undefined) in a panel state saved before paths were ranked by likelihood.
    h('span', { class: 'candidate-value' }, [p.value?.percent ?? p.likelihood ?? '–']),
    h('span', { class: 'path-answer' }, [p.answer === null ? 'no answer' : `answer ${p.answer}`]),
    h('ol', { class: 'path-steps' }, p.steps.map((s) => h('li', {}, [markdownBlock({}, s, true)]))),
  ]);
}

function vote(v: VoteView): HTMLElement {
  const weight = v.weight === null ? '' : `, weight ${v.weight.toFixed(2)}`;
  return h('li', { class: 'vote', 'data-winner': v.winner }, [`${v.answer}: ${v.count} path${v.count === 1 ? '' : 's'}${weight}`]);
}

export function searchTree(view: SolveView): HTMLElement[] {
  return [
    h('h2', {}, ['Search tree']),
    ...view.tree.map(level),
    view.votes.length > 0 ? h('ul', { id: 'votes', 'aria-label': 'Votes per answer' }, view.votes.map(vote)) : null,
    view.paths.length > 0 ? h('ol', { id: 'paths', 'aria-label': 'Sampled paths' }, view.paths.map(path)) : null,
  ].filter((e): e is HTMLElement => e !== null);
}
