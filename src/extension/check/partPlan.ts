// A decoration plan is made for a whole notebook (joined lines, see tutorDocument.ts); each text
// document that shows part of it (a markdown file, or one Jupyter cell) gets the part of the plan
// on its own lines, renumbered. Pure.
import type { DecorationPlan, LineRange } from './decorationPlan.js';
import type { ColumnSpan } from './tokenSpans.js';

/** Maps a joined line to the part's own line, or undefined when the line is in another part. */
export type ToLocal = (line: number) => number | undefined;

function localSpans(spans: readonly ColumnSpan[], toLocal: ToLocal): ColumnSpan[] {
  return spans.flatMap((span) => {
    const line = toLocal(span.line);
    return line === undefined ? [] : [{ ...span, line }];
  });
}

function localRange(range: LineRange, toLocal: ToLocal): LineRange | undefined {
  const startLine = toLocal(range.startLine);
  const endLine = toLocal(range.endLine);
  return startLine === undefined || endLine === undefined ? undefined : { ...range, startLine, endLine };
}

export function planInPart(plan: DecorationPlan, toLocal: ToLocal): DecorationPlan {
  return {
    underline: plan.underline.map((spans) => localSpans(spans, toLocal)),
    exact: { sound: localSpans(plan.exact.sound, toLocal), wrong: localSpans(plan.exact.wrong, toLocal) },
    labels: plan.labels.flatMap((label) => {
      const line = toLocal(label.line);
      return line === undefined ? [] : [{ ...label, line }];
    }),
    suspicions: plan.suspicions.flatMap((s) => {
      const line = toLocal(s.span.line);
      return line === undefined ? [] : [{ ...s, span: { ...s.span, line } }];
    }),
    errors: plan.errors.flatMap((e) => {
      const range = localRange(e.range, toLocal);
      return range ? [{ ...e, range }] : [];
    }),
  };
}
