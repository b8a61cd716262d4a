/**
 * bench/results/chart.svg: one bar per result row, its median ratio ours ÷ peer on a log scale, the
 * interquartile range as a whisker and the target as a mark. A few rectangles and lines, written
 * here rather than pulled in from a charting library.
 */
import { fmt, type ResultRow } from './harness.ts';

const WIDTH = 1000;
const LABEL = 380;
const PLOT = 470;
const ROW_H = 26;
const TOP = 56;
const MIN = 0.01;
const MAX = 100;
const TICKS = [0.01, 0.1, 0.5, 1, 2, 10, 100];

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An SVG element with attributes (numbers rounded to 0.1 px) and optional text or children. */
function el(name: string, attrs: Record<string, string | number>, body = ''): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? Math.round(v * 10) / 10 : escapeXml(v)}"`)
    .join('');
  return body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** x of a ratio on the log axis, clamped to the plot. */
export function xOf(ratio: number): number {
  const r = Math.min(MAX, Math.max(MIN, Number.isFinite(ratio) && ratio > 0 ? ratio : MIN));
  return LABEL + (Math.log10(r / MIN) / Math.log10(MAX / MIN)) * PLOT;
}

export function targetBound(target: string): number {
  return Number(target.replace(/[^0-9.]/g, ''));
}

export function ratioChart(rows: readonly ResultRow[]): string {
  const height = TOP + Math.max(1, rows.length) * ROW_H + 40;
  const parts: string[] = [
    el('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }),
    el(
      'text',
      { x: 16, y: 24, 'font-size': 16, 'font-weight': 'bold' },
      escapeXml('Gongfang ÷ peer, median ratio per row (log scale)'),
    ),
    el(
      'text',
      { x: 16, y: 42, 'font-size': 11, fill: '#555555' },
      escapeXml(
        'bar: median ratio · whisker: interquartile range · black mark: target (≥ rows should reach it, ≤ rows stay inside it) · green met, red missed',
      ),
    ),
  ];
  const bottom = TOP + rows.length * ROW_H;
  for (const t of TICKS) {
    const x = xOf(t);
    parts.push(el('line', { x1: x, y1: TOP - 4, x2: x, y2: bottom, stroke: t === 1 ? '#888888' : '#dddddd' }));
    parts.push(el('text', { x, y: bottom + 16, 'font-size': 11, 'text-anchor': 'middle', fill: '#555555' }, String(t)));
  }
  rows.forEach((r, i) => {
    const y = TOP + i * ROW_H;
    const mid = y + ROW_H / 2;
    const label = `${r.row === 0 ? '' : `#${r.row} `}${r.metric}`;
    const short = label.length > 60 ? `${label.slice(0, 59)}…` : label;
    parts.push(el('text', { x: LABEL - 8, y: mid + 4, 'font-size': 12, 'text-anchor': 'end' }, escapeXml(short)));
    const colour = r.met ? '#2e7d32' : '#c62828';
    parts.push(el('rect', { x: LABEL, y: y + 6, width: xOf(r.ratio) - LABEL, height: ROW_H - 12, fill: colour }));
    parts.push(el('line', { x1: xOf(r.spread[0]), y1: mid, x2: xOf(r.spread[1]), y2: mid, stroke: '#222222' }));
    const tx = xOf(targetBound(r.target));
    parts.push(el('line', { x1: tx, y1: y + 2, x2: tx, y2: y + ROW_H - 2, stroke: '#000000', 'stroke-width': 3 }));
    parts.push(
      el('text', { x: LABEL + PLOT + 10, y: mid + 4, 'font-size': 12 }, escapeXml(`${fmt(r.ratio)} (${r.target})`)),
    );
  });
  if (rows.length === 0) {
    parts.push(el('text', { x: LABEL, y: TOP + 16, 'font-size': 12 }, 'no result rows'));
  }
  return `${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      'font-family': 'sans-serif',
      role: 'img',
      'aria-label': 'Benchmark ratios against their targets',
    },
    parts.join('\n'),
  )}\n`;
}
