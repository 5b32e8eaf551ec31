// A small SVG line chart of the value along the chosen path (one point per step), with a y axis
// (0%, 50%, 100%), an x axis numbered by step, the dashed 50% line labelled, and a legend.
import type { ValueView } from '../../src/shared/webviewProtocol.js';
import { svg } from './dom.js';

export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 120;

/** The plotting area inside the SVG; the margins hold the axis labels and the legend. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const PLOT: PlotBox = { left: 34, top: 8, width: CHART_WIDTH - 34 - 10, height: 72 };

/** Most step numbers written under the x axis; longer solutions number every few steps. */
const MAX_X_LABELS = 12;

export interface ChartPoint {
  step: number;
  x: number;
  y: number;
  value: ValueView;
}

/** x of a step: steps spread evenly over the plot (a single step sits at the left). */
function stepX(step: number, count: number, box: PlotBox): number {
  return box.left + (box.width * step) / Math.max(1, count - 1);
}

function valueY(value: number, box: PlotBox): number {
  return box.top + box.height * (1 - value);
}

/** Points for the steps that have a value; x spreads steps evenly, y maps 1 to the top. */
export function chartPoints(values: readonly (ValueView | null)[], box: PlotBox = PLOT): ChartPoint[] {
  return values.flatMap((value, step) => (value === null ? [] : [{ step, value, x: stepX(step, values.length, box), y: valueY(value.value, box) }]));
}

/** The steps numbered under the x axis: all of them, or every few plus the last. */
export function xLabelSteps(count: number): number[] {
  const every = Math.ceil(count / MAX_X_LABELS);
  const steps = Array.from({ length: count }, (_, i) => i).filter((i) => i % every === 0);
  if (count > 0 && steps[steps.length - 1] !== count - 1) {
    // Keep the last step's number; drop a neighbour it would overlap.
    if (count - 1 - steps[steps.length - 1]! < every) steps.pop();
    steps.push(count - 1);
  }
  return steps;
}

/** What a screen reader hears for the chart. */
export function chartSummary(values: readonly (ValueView | null)[]): string {
  const parts = values.map((v, i) => `step ${i + 1} ${v ? v.percent : 'not scored'}`);
  return `Value after each step: ${parts.join(', ')}`;
}

const f = (n: number): string => n.toFixed(1);

function yAxis(box: PlotBox): SVGElement {
  const bottom = box.top + box.height;
  return svg('g', { class: 'chart-axis chart-y-axis' }, [
    svg('line', { class: 'chart-axis-line', x1: box.left, x2: box.left, y1: box.top, y2: bottom }),
    ...[0, 0.5, 1].map((v) =>
      svg('text', { class: 'chart-label', x: box.left - 4, y: f(valueY(v, box) + 3), 'text-anchor': 'end', 'data-value': v }, [`${v * 100}%`]),
    ),
  ]);
}

function xAxis(count: number, box: PlotBox): SVGElement {
  const bottom = box.top + box.height;
  const labelY = bottom + 12;
  return svg('g', { class: 'chart-axis chart-x-axis' }, [
    svg('line', { class: 'chart-axis-line', x1: box.left, x2: box.left + box.width, y1: bottom, y2: bottom }),
    svg('text', { class: 'chart-label chart-axis-title', x: box.left - 4, y: labelY, 'text-anchor': 'end' }, ['step']),
    ...xLabelSteps(count).map((step) =>
      svg('text', { class: 'chart-label chart-step-label', x: f(stepX(step, count, box)), y: labelY, 'text-anchor': 'middle', 'data-step': step }, [String(step + 1)]),
    ),
  ]);
}

function legend(box: PlotBox): SVGElement {
  const y = CHART_HEIGHT - 6;
  const x = box.left;
  return svg('g', { class: 'chart-legend' }, [
    svg('line', { class: 'chart-line', x1: x, x2: x + 16, y1: y - 3, y2: y - 3 }),
    svg('text', { class: 'chart-label', x: x + 20, y }, ['value after each step']),
    svg('line', { class: 'chart-grid', x1: x + 140, x2: x + 156, y1: y - 3, y2: y - 3 }),
    svg('text', { class: 'chart-label', x: x + 160, y }, ['50%']),
  ]);
}

export function valueChart(values: readonly (ValueView | null)[], box: PlotBox = PLOT): SVGSVGElement {
  const points = chartPoints(values, box);
  const mid = valueY(0.5, box);
  const right = box.left + box.width;
  return svg('svg', { id: 'value-chart', viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, role: 'img', 'aria-label': chartSummary(values) }, [
    yAxis(box),
    xAxis(values.length, box),
    svg('line', { class: 'chart-grid', x1: box.left, x2: right, y1: mid, y2: mid }),
    svg('text', { class: 'chart-label chart-grid-label', x: right, y: f(mid - 3), 'text-anchor': 'end' }, ['50%']),
    svg('polyline', { class: 'chart-line', points: points.map((p) => `${f(p.x)},${f(p.y)}`).join(' ') }),
    ...points.map((p) =>
      svg('circle', { class: 'chart-point', cx: f(p.x), cy: f(p.y), r: 3, 'data-bucket': p.value.bucket, 'data-step': p.step }, [
        svg('title', {}, [`Step ${p.step + 1}: ${p.value.percent}`]),
      ]),
    ),
    legend(box),
  ]);
}
