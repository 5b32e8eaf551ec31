// axe-core (pinned in package.json) run inside a page or frame that shows the Solve panel: the
// Chromium accessibility test and the E2E themes/accessibility stages share it. The source is
// evaluated through the DevTools protocol, which the panel's CSP does not govern (the page's own
// scripts still cannot load anything).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.x A and AA, and axe's best practices. No rule is disabled. `region` (all content inside
 * landmarks) is a best practice that holds here too: the live region sits outside `main` but
 * axe exempts role=status.
 */
const RUN_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] };

/** Impacts that fail a check; minor and moderate findings are reported but do not fail. */
export const FAILING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

export interface AxeFinding {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  /** CSS selectors of the offending nodes, and axe's summary for the first one. */
  targets: string[];
  summary: string;
}

interface Evaluator {
  evaluate<R>(script: string): Promise<R>;
}

/** Runs axe on the document of `target` (a Playwright Page or Frame) and returns every violation. */
export async function axeViolations(target: Evaluator): Promise<AxeFinding[]> {
  const loaded = await target.evaluate<boolean>(`typeof window.axe !== 'undefined'`);
  if (!loaded) await target.evaluate<unknown>(`${AXE_SOURCE}\n;undefined`);
  const results = await target.evaluate<AxeResults>(`window.axe.run(document, ${JSON.stringify(RUN_OPTIONS)})`);
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summary: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '',
  }));
}

export function failing(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => FAILING_IMPACTS.includes(f.impact ?? null));
}

export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.rule} (${f.help}) at ${f.targets.slice(0, 3).join(', ')}: ${f.summary}`).join('\n');
}
