// A small SVG line chart of daily metrics, with a table of the same numbers for screen readers.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#1a73e8', '#e8710a', '#188038', '#a142f4'];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** `points`: [{ date, key, value }] as Campaign.metrics returns them; one line per key. */
export function metricsChart(points, { width = 640, height = 220, labels = {} } = {}) {
  const dates = [...new Set(points.map((p) => p.date))].sort();
  const keys = [...new Set(points.map((p) => p.key))];
  if (!dates.length) return h('p', { class: 'hint', id: 'metrics-empty' }, 'No metrics yet: the platform reports them once the ads run.');
  const pad = { left: 48, right: 12, top: 12, bottom: 28 };
  // One day is a point in the middle (a line needs two); every day is marked, so a single day still shows.
  const x = (i) => (dates.length === 1 ? (pad.left + width - pad.right) / 2 : pad.left + (i * (width - pad.left - pad.right)) / (dates.length - 1));
  const figure = h('figure', { class: 'chart' });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-caption' });
  keys.forEach((key, k) => {
    const values = dates.map((date) => Number(points.find((p) => p.date === date && p.key === key)?.value ?? 0));
    const max = Math.max(...values, 1);
    const y = (v) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
    chart.append(svg('polyline', {
      points: values.map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: COLORS[k % COLORS.length], 'stroke-width': '2',
      'data-key': key,
    }));
    values.forEach((v, i) => chart.append(svg('circle', { cx: x(i), cy: y(v), r: '3', fill: COLORS[k % COLORS.length], 'data-key': key })));
  });
  chart.append(
    svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, stroke: '#c4c7c5' }),
    svg('text', { x: pad.left, y: height - 8, 'font-size': '11', fill: '#5f6368' }, dates[0]),
    svg('text', { x: width - pad.right, y: height - 8, 'font-size': '11', fill: '#5f6368', 'text-anchor': 'end' }, dates[dates.length - 1]));
  figure.append(chart, h('figcaption', { id: 'chart-caption' },
    'Daily ', keys.map((key, k) => h('span', { class: 'legend', style: `--color: ${COLORS[k % COLORS.length]}` }, labels[key] ?? key)),
    ' (each line scaled to its own maximum)'));
  figure.append(h('table', { class: 'visually-hidden' },
    h('caption', {}, 'Daily metrics'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), keys.map((key) => h('th', { scope: 'col' }, labels[key] ?? key)))),
    h('tbody', {}, dates.map((date) => h('tr', {}, h('th', { scope: 'row' }, date),
      keys.map((key) => h('td', {}, points.find((p) => p.date === date && p.key === key)?.value ?? '—')))))));
  return figure;
}
