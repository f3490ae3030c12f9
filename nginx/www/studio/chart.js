// Small SVG line charts of daily figures: one panel per metric, each with its own labeled y axis (in the
// metric's unit) and dated x axis, one line per series, and a table of the same numbers for screen readers.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
export const COLORS = ['#1a73e8', '#e8710a', '#188038', '#a142f4'];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** 0, a round step, …, at or above `max`: ticks people read at a glance. */
function ticks(max) {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough);
  const values = [];
  for (let v = 0; v < max + step; v += step) values.push(Number(v.toFixed(6)));
  return values;
}

let chartCount = 0;

/**
 * `points`: [{ date, key, value, series? }]; one panel per key (in `keys` order when given), one line per
 * series within it. `labels[key]` names a panel, `units[key]` says its unit ("USD", "clicks"), `seriesLabels`
 * names the lines.
 */
export function metricsChart(points, { labels = {}, units = {}, keys: order, seriesLabels = {}, width = 640, height = 200, caption } = {}) {
  const dates = [...new Set(points.map((p) => p.date))].sort();
  if (!dates.length) return h('p', { class: 'hint', id: 'metrics-empty' }, 'No metrics yet: the platform reports them once the ads run.');
  const keys = order ?? [...new Set(points.map((p) => p.key))];
  const series = [...new Set(points.map((p) => p.series ?? ''))];
  const pad = { left: 64, right: 16, top: 16, bottom: 40 };
  // One day is a point in the middle (a line needs two); every day is marked, so a single day still shows.
  const x = (i) => (dates.length === 1 ? (pad.left + width - pad.right) / 2 : pad.left + (i * (width - pad.left - pad.right)) / (dates.length - 1));
  const value = (date, key, name) => points.find((p) => p.date === date && p.key === key && (p.series ?? '') === name)?.value;
  const figure = h('figure', { class: 'chart' });
  for (const key of keys) {
    const id = `chart-${++chartCount}`;
    const all = series.flatMap((name) => dates.map((date) => Number(value(date, key, name) ?? 0)));
    const scale = ticks(Math.max(...all, 0));
    const top = scale[scale.length - 1] || 1;
    const y = (v) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
    const unit = units[key] ? ` (${units[key]})` : '';
    const panel = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id, 'data-panel': key });
    panel.append(svg('title', { id }, `${labels[key] ?? key}${unit} per day, ${dates[0]} to ${dates[dates.length - 1]}`));
    for (const tick of scale) {
      panel.append(
        svg('line', { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), stroke: tick === 0 ? '#80868b' : '#e8eaed' }),
        svg('text', { x: pad.left - 6, y: y(tick) + 4, 'font-size': '11', fill: '#5f6368', 'text-anchor': 'end', class: 'y-tick' },
          tick.toLocaleString('en-US')));
    }
    const shown = dates.length <= 3 ? dates.map((_, i) => i) : [0, Math.floor((dates.length - 1) / 2), dates.length - 1];
    for (const i of shown) {
      // The first and last dates lean inwards, so neither is cut at the chart's edge.
      const anchor = dates.length === 1 ? 'middle' : i === 0 ? 'start' : i === dates.length - 1 ? 'end' : 'middle';
      panel.append(svg('text', { x: x(i), y: height - pad.bottom + 16, 'font-size': '11', fill: '#5f6368', 'text-anchor': anchor, class: 'x-tick' }, dates[i]));
    }
    panel.append(
      svg('text', { x: (pad.left + width - pad.right) / 2, y: height - 6, 'font-size': '11', fill: '#3c4043', 'text-anchor': 'middle', class: 'x-title' }, 'Day'),
      svg('text', { x: 12, y: height / 2, 'font-size': '11', fill: '#3c4043', 'text-anchor': 'middle', transform: `rotate(-90 12 ${height / 2})`, class: 'y-title' },
        `${labels[key] ?? key}${unit}`));
    series.forEach((name, s) => {
      const color = COLORS[s % COLORS.length];
      const values = dates.map((date) => Number(value(date, key, name) ?? 0));
      panel.append(svg('polyline', { points: values.map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': '2', 'data-key': key, 'data-series': name }));
      values.forEach((v, i) => panel.append(svg('circle', { cx: x(i), cy: y(v), r: '3', fill: color, 'data-key': key })));
    });
    figure.append(h('div', { class: 'chart-panel' }, h('h4', {}, `${labels[key] ?? key}${unit}`), panel));
  }
  figure.append(h('figcaption', {}, caption ?? 'Per day',
    series.length > 1 || series[0] ? [': ', series.map((name, s) => h('span', { class: 'legend', style: `--color: ${COLORS[s % COLORS.length]}` }, seriesLabels[name] ?? name))] : null));
  figure.append(h('table', { class: 'visually-hidden' },
    h('caption', {}, caption ?? 'Daily metrics'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), series.flatMap((name) => keys.map((key) => h('th', { scope: 'col' },
      `${seriesLabels[name] ?? name} ${labels[key] ?? key}${units[key] ? ` (${units[key]})` : ''}`.trim()))))),
    h('tbody', {}, dates.map((date) => h('tr', {}, h('th', { scope: 'row' }, date),
      series.flatMap((name) => keys.map((key) => h('td', {}, value(date, key, name) ?? '—'))))))));
  return figure;
}
