// A dependency-free SVG line chart: accuracy (y, 0-100%) against budget (x, evenly spaced because
// budgets double).

export interface Series {
  name: string;
  /** One value per x label, in 0..1; null leaves a gap. */
  values: ReadonlyArray<number | null>;
  /** Drawn thicker so the method under test stands out. */
  emphasis?: boolean;
}

const PALETTE = ['#4c72b0', '#dd8452', '#55a868', '#c44e52', '#8172b3', '#937860', '#da8bc3', '#8c8c8c', '#ccb974', '#64b5cd'];

export function lineChart(title: string, xLabel: string, xs: readonly string[], series: readonly Series[]): string {
  const width = 720;
  const height = 420;
  const left = 60;
  const right = 200;
  const top = 40;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (xs.length === 1 ? plotW / 2 : (i * plotW) / (xs.length - 1));
  const y = (v: number) => top + plotH * (1 - v);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left + plotW / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
  ];
  for (let tick = 0; tick <= 10; tick += 2) {
    const v = tick / 10;
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${tick * 10}%</text>`);
  }
  xs.forEach((label, i) => parts.push(`<text x="${x(i)}" y="${top + plotH + 18}" text-anchor="middle">${esc(label)}</text>`));
  parts.push(`<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">accuracy</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`);
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length];
    const strokeWidth = s.emphasis ? 3.5 : 1.6;
    const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="${strokeWidth}" points="${points.join(' ')}"/>`);
    for (const p of points) {
      const [cx, cy] = p.split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${s.emphasis ? 4 : 2.5}" fill="${color}"/>`);
    }
    const ly = top + 10 + k * 18;
    parts.push(`<line x1="${left + plotW + 12}" x2="${left + plotW + 34}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="${strokeWidth}"/>`);
    parts.push(`<text x="${left + plotW + 40}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
