// KaTeX rendering into elements. katex.render builds DOM nodes and sets styles through the
// CSSOM, which the panel's CSP allows (renderToString's inline style attributes would be blocked).
// Model output and notebooks are untrusted: no \href & co, bounded macro expansion and sizes,
// and a formula that fails shows inline, as its source, instead of breaking the panel.
import katex, { type KatexOptions } from 'katex';

/**
 * throwOnError is off for the options as such (renderToString in tests, any other caller), but
 * renderMath turns it on and draws the error itself: KaTeX's own error node colours itself with a
 * `style` attribute, which the CSP blocks (and reports as a violation).
 */
export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 200,
  maxSize: 20,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;

/**
 * Formulas whose rendering nests deeper than this are shown as source instead: Chromium's layout
 * overflows its stack on a few hundred nested inline blocks (KaTeX's boxes) and the whole webview
 * crashes — e.g. 300 nested \sqrt. Real formulas stay far below (a fraction adds about 7 levels).
 */
export const MAX_MATH_DEPTH = 300;

function deeperThan(root: Node, limit: number): boolean {
  const stack: Array<[Node, number]> = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) stack.push([child, depth + 1]);
  }
  return false;
}

export function renderMath(target: HTMLElement, tex: string, displayMode: boolean): void {
  try {
    katex.render(tex, target, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
    if (deeperThan(target, MAX_MATH_DEPTH)) throw new Error(`This formula is nested too deeply to display (over ${MAX_MATH_DEPTH} levels)`);
  } catch (error) {
    target.textContent = tex;
    target.classList.add('katex-error');
    target.title = error instanceof Error ? error.message : String(error);
  }
}
