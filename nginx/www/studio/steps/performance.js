// Performance: Google and Meta side by side over a range, a chart of spend and conversions per day, a sortable
// report table with CSV export, the live campaigns' budget pacing, the rules' alerts, and the rules themselves.
import { graphql } from '../api.js';
import { h, replace, field } from '../dom.js';
import { metricsChart } from '../chart.js';
import { openCampaign } from '../open-campaign.js';
import { PLATFORM_NAMES, money } from '../format.js';
import { rulesPanel } from './rules.js';

const FIGURES = 'figures { impressions clicks spend conversions conversionValue ctr cpc cpm conversionRate costPerConversion roas }';
const REPORT = `query($from: Date!, $to: Date!, $groupBy: [ReportDimension!]!, $first: Int!, $after: String) {
  performanceReport(from: $from, to: $to, groupBy: $groupBy, first: $first, after: $after) {
    rows { date platform currency campaign { id name } unit { name } creative { headline } ${FIGURES} }
    pageInfo { hasNextPage endCursor } totals { currency ${FIGURES} } } }`;
const PACING = `{ campaigns(first: 100, status: LIVE) { edges { node { id name platform
  pacing { budgetType currency periodStart periodEnd periodBudget spendToDate projectedSpend pacing } } } } }`;
const ALERTS = '{ automationAlerts(first: 20) { id message createdAt campaign { id name } rule { name } } }';

/** The columns of the report table: label, how to read a row's value (for sorting and CSV), how to show it. */
const COLUMNS = [
  { key: 'impressions', label: 'Impressions', count: true },
  { key: 'clicks', label: 'Clicks', count: true },
  { key: 'ctr', label: 'CTR', percent: true },
  { key: 'spend', label: 'Spend', money: true },
  { key: 'cpc', label: 'CPC', money: true },
  { key: 'cpm', label: 'CPM', money: true },
  { key: 'conversions', label: 'Conversions', count: true },
  { key: 'conversionRate', label: 'Conv. rate', percent: true },
  { key: 'costPerConversion', label: 'Cost / conv.', money: true },
  { key: 'conversionValue', label: 'Conv. value', money: true },
  { key: 'roas', label: 'ROAS', multiple: true },
];

const GROUPINGS = {
  PLATFORM: { label: 'Platform', dimensions: ['PLATFORM'] },
  CAMPAIGN: { label: 'Campaign', dimensions: ['CAMPAIGN'] },
  UNIT: { label: 'Ad group / ad set', dimensions: ['CAMPAIGN', 'UNIT'] },
  CREATIVE: { label: 'Ad', dimensions: ['CAMPAIGN', 'CREATIVE'] },
  DAY: { label: 'Day', dimensions: ['DAY', 'PLATFORM'] },
};

const day = (date) => date.toISOString().slice(0, 10);

function range(days) {
  const to = new Date();
  const from = new Date(Date.now() - (days - 1) * 86_400_000);
  return { from: day(from), to: day(to) };
}

/** A figure as people read it; '—' where there is none (a rate without a denominator). */
export function show(column, value, currency) {
  if (value === null || value === undefined) return '—';
  const number = Number(value);
  if (column.money) return money(value, currency);
  if (column.percent) return `${(number * 100).toFixed(2)} %`;
  if (column.multiple) return `${number.toFixed(2)} ×`;
  return number.toLocaleString('en-US');
}

/** What a row is about, in words. */
function rowName(row) {
  return [row.date, row.platform ? PLATFORM_NAMES[row.platform] : null, row.campaign?.name, row.unit?.name, row.creative?.headline]
    .filter(Boolean).join(' · ');
}

/** Every row of a report, page after page (at most 20 pages of 500). */
async function allRows(variables) {
  let rows = [];
  let after = null;
  for (let page = 0; page < 20; page += 1) {
    const { performanceReport } = await graphql(REPORT, { ...variables, first: 500, after });
    rows = rows.concat(performanceReport.rows);
    if (!performanceReport.pageInfo.hasNextPage) break;
    after = performanceReport.pageInfo.endCursor;
  }
  return rows;
}

/** RFC 4180 CSV of the report's rows, with the figures as the API gives them (exact, no formatting). */
export function csv(rows) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const header = ['date', 'platform', 'campaign', 'unit', 'creative', 'currency', ...COLUMNS.map((c) => c.key)];
  const lines = rows.map((row) => [row.date ?? '', row.platform ?? '', row.campaign?.name ?? '', row.unit?.name ?? '', row.creative?.headline ?? '',
    row.currency, ...COLUMNS.map((c) => row.figures[c.key] ?? '')].map((v) => quote(String(v))).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export const performanceView = {
  id: 'performance',
  title: 'Performance',
  render(view, studio) {
    const settings = { days: 30, grouping: 'CAMPAIGN', sort: { key: 'spend', descending: true } };
    const rangeSelect = h('select', { id: 'report-range' },
      [7, 30, 90].map((days) => h('option', { value: String(days), selected: days === settings.days }, `Last ${days} days`)));
    const groupSelect = h('select', { id: 'report-grouping' },
      Object.entries(GROUPINGS).map(([id, grouping]) => h('option', { value: id, selected: id === settings.grouping }, grouping.label)));
    const summary = h('section', { id: 'platform-summary', 'aria-labelledby': 'summary-heading' });
    const chart = h('section', { id: 'report-chart', 'aria-labelledby': 'chart-heading' });
    const table = h('section', { id: 'report-table', 'aria-labelledby': 'table-heading' });
    const pacing = h('section', { id: 'pacing', 'aria-labelledby': 'pacing-heading' });
    const alerts = h('section', { id: 'alerts', 'aria-labelledby': 'alerts-heading' });
    const rules = h('section', { id: 'rules', 'aria-labelledby': 'rules-heading' });
    let rows = [];

    const drawTable = () => {
      const column = COLUMNS.find((c) => c.key === settings.sort.key);
      const sorted = [...rows].sort((a, b) => {
        if (!column) return rowName(a).localeCompare(rowName(b)) * (settings.sort.descending ? -1 : 1);
        const left = a.figures[column.key], right = b.figures[column.key];
        // Rows without the figure go last whatever the direction.
        if (left === null) return right === null ? 0 : 1;
        if (right === null) return -1;
        return (Number(left) - Number(right)) * (settings.sort.descending ? -1 : 1);
      });
      const header = (key, label) => {
        const active = settings.sort.key === key;
        return h('th', { scope: 'col', 'aria-sort': active ? (settings.sort.descending ? 'descending' : 'ascending') : 'none' },
          h('button', { type: 'button', class: 'sort', 'data-sort': key, onclick: () => {
            settings.sort = { key, descending: active ? !settings.sort.descending : key !== 'name' };
            drawTable();
            document.querySelector(`[data-sort="${key}"]`)?.focus();
            studio.announce(`Sorted by ${label}, ${settings.sort.descending ? 'highest' : 'lowest'} first.`);
          } }, label, active ? (settings.sort.descending ? ' ▼' : ' ▲') : ''));
      };
      replace(table,
        h('div', { class: 'section-heading' },
          h('h3', { id: 'table-heading' }, `By ${GROUPINGS[settings.grouping].label.toLowerCase()}`),
          h('button', { type: 'button', id: 'export-csv', onclick: () => exportCSV() }, 'Export CSV')),
        rows.length
          ? h('div', { class: 'table-scroll' }, h('table', { class: 'report' },
            h('thead', {}, h('tr', {}, header('name', GROUPINGS[settings.grouping].label), COLUMNS.map((c) => header(c.key, c.label)))),
            h('tbody', {}, sorted.map((row) => h('tr', {},
              h('th', { scope: 'row' }, row.campaign && settings.grouping === 'CAMPAIGN'
                ? h('button', { type: 'button', class: 'link', onclick: () => openCampaign(studio, row.campaign.id).catch((e) => studio.fail(e)) }, rowName(row))
                : rowName(row), h('span', { class: 'hint' }, ` ${row.currency}`)),
              COLUMNS.map((c) => h('td', { 'data-column': c.key }, show(c, row.figures[c.key], row.currency))))))))
          : h('p', { class: 'hint' }, 'No delivery in this range yet: figures appear after the metrics sync reads them from the platforms.'));
    };

    const exportCSV = async () => {
      try {
        const variables = { ...range(settings.days), groupBy: GROUPINGS[settings.grouping].dimensions };
        const text = csv(await allRows(variables));
        const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: `performance-${variables.from}-${variables.to}.csv` });
        document.body.append(link);
        link.click();
        link.remove();
        studio.announce('The report was exported as CSV.');
      } catch (error) {
        studio.fail(error);
      }
    };

    const load = async () => {
      studio.alert(null);
      const dates = range(settings.days);
      try {
        const [byPlatform, byDay, grouped] = await Promise.all([
          allRows({ ...dates, groupBy: ['PLATFORM'] }),
          allRows({ ...dates, groupBy: ['DAY', 'PLATFORM'] }),
          allRows({ ...dates, groupBy: GROUPINGS[settings.grouping].dimensions }),
        ]);
        rows = grouped;
        replace(summary, h('h3', { id: 'summary-heading' }, `Google Ads and Meta, ${dates.from} to ${dates.to}`),
          byPlatform.length
            ? h('div', { class: 'platform-cards' }, byPlatform.map((row) => h('article', { class: 'platform-card', 'data-platform': row.platform },
              h('h4', {}, `${PLATFORM_NAMES[row.platform]} (${row.currency})`),
              h('dl', { class: 'totals' }, ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'conversions', 'costPerConversion', 'roas'].map((key) => {
                const column = COLUMNS.find((c) => c.key === key);
                return h('div', { 'data-metric': key }, h('dt', {}, column.label), h('dd', {}, show(column, row.figures[key], row.currency)));
              })))))
            : h('p', { class: 'hint', id: 'report-empty' }, 'No delivery in this range yet.'));
        // One chart per currency: amounts of two currencies never share an axis.
        const currencies = [...new Set(byDay.map((row) => row.currency))];
        replace(chart, h('h3', { id: 'chart-heading' }, 'Spend and conversions per day'),
          currencies.map((currency) => metricsChart(
            byDay.filter((row) => row.currency === currency).flatMap((row) => [
              { date: row.date, key: 'spend', value: row.figures.spend, series: row.platform },
              { date: row.date, key: 'conversions', value: row.figures.conversions, series: row.platform }]),
            { keys: ['spend', 'conversions'], labels: { spend: 'Spend', conversions: 'Conversions' }, units: { spend: currency },
              seriesLabels: PLATFORM_NAMES, caption: `Per day, in ${currency}` })));
        drawTable();
      } catch (error) {
        studio.fail(error);
      }
      loadPacing();
      loadAlerts();
    };

    const loadPacing = async () => {
      try {
        const { campaigns } = await graphql(PACING);
        const paced = campaigns.edges.map((e) => e.node).filter((c) => c.pacing);
        replace(pacing, h('h3', { id: 'pacing-heading' }, 'Budget pacing of live campaigns'),
          paced.length
            ? h('ul', { class: 'pacing-list' }, paced.map((c) => {
              const ratio = c.pacing.pacing === null ? null : Number(c.pacing.pacing);
              const state = ratio === null ? 'unknown' : ratio > 1.2 ? 'over' : ratio < 0.8 ? 'under' : 'on-track';
              const words = { over: 'Overspending', under: 'Underspending', 'on-track': 'On track', unknown: 'No projection' }[state];
              return h('li', { 'data-campaign': c.id },
                h('span', { class: `badge pacing-${state}` }, words), ' ', h('strong', {}, c.name), ' ',
                h('span', { class: 'hint' }, `${money(c.pacing.spendToDate, c.pacing.currency)} spent of ${money(c.pacing.periodBudget, c.pacing.currency)} `
                  + `(${c.pacing.periodStart} to ${c.pacing.periodEnd}); projected ${money(c.pacing.projectedSpend, c.pacing.currency)}`
                  + (ratio === null ? '' : `, ${(ratio * 100).toFixed(0)} % of the budget`)));
            }))
            : h('p', { class: 'hint' }, 'No live campaign with a budget.'));
      } catch (error) {
        studio.fail(error);
      }
    };

    const loadAlerts = async () => {
      try {
        const { automationAlerts } = await graphql(ALERTS);
        replace(alerts, h('h3', { id: 'alerts-heading' }, `Alerts (${automationAlerts.length})`),
          automationAlerts.length
            ? h('ul', { class: 'alert-list' }, automationAlerts.map((alert) => h('li', { 'data-alert': alert.id },
              h('time', { datetime: alert.createdAt }, new Date(alert.createdAt).toLocaleString()), ' ', alert.message, ' ',
              h('button', { type: 'button', id: `ack-${alert.id}`, onclick: async () => {
                try {
                  await graphql('mutation($id: ID!) { acknowledgeAutomationAlert(id: $id) { id } }', { id: alert.id });
                  studio.announce('Alert acknowledged.');
                  await loadAlerts();
                  document.getElementById('alerts-heading')?.focus();
                } catch (error) {
                  studio.fail(error);
                }
              } }, 'Acknowledge'))))
            : h('p', { class: 'hint' }, 'No open alerts.'));
        alerts.querySelector('h3').tabIndex = -1;
      } catch (error) {
        studio.fail(error);
      }
    };

    rangeSelect.addEventListener('change', () => { settings.days = Number(rangeSelect.value); load(); });
    groupSelect.addEventListener('change', () => { settings.grouping = groupSelect.value; load(); });
    replace(view,
      h('div', { class: 'report-controls' }, field('Range', rangeSelect), field('Table by', groupSelect)),
      summary, chart, pacing, alerts, table, rules);
    rulesPanel(rules, studio, { onChange: loadAlerts });
    load();
  },
};
