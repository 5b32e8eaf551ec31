// A small SVG line chart of the value along the chosen path (one point per step).
import type { ValueView } from '../../src/shared/webviewProtocol.js';
import { svg } from './dom.js';

export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 80;
const PAD = 6;

export interface ChartPoint {
  step: number;
  x: number;
  y: number;
  value: ValueView;
}

/** Points for the steps that have a value; x spreads steps evenly, y maps 1 to the top. */
export function chartPoints(values: readonly (ValueView | null)[], width = CHART_WIDTH, height = CHART_HEIGHT): ChartPoint[] {
  const span = Math.max(1, values.length - 1);
  return values.flatMap((value, step) =>
    value === null
      ? []
      : [{ step, value, x: PAD + ((width - 2 * PAD) * step) / span, y: PAD + (height - 2 * PAD) * (1 - value.value) }],
  );
}

export function valueChart(values: readonly (ValueView | null)[]): SVGSVGElement {
  const points = chartPoints(values);
  const mid = CHART_HEIGHT / 2;
  return svg('svg', { id: 'value-chart', viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, role: 'img', 'aria-label': 'Value along the chosen path' }, [
    svg('line', { class: 'chart-grid', x1: PAD, x2: CHART_WIDTH - PAD, y1: mid, y2: mid }),
    svg('polyline', { class: 'chart-line', points: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') }),
    ...points.map((p) =>
      svg('circle', { class: 'chart-point', cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 3, 'data-bucket': p.value.bucket, 'data-step': p.step }, [
        svg('title', {}, [`Step ${p.step + 1}: ${p.value.percent}`]),
      ]),
    ),
  ]);
}
