// The organization's campaigns, newest first, a page at a time: searched by name, filtered by platform and status,
// each with its dates, budget and the last 7 days' spend and results. Opening one makes it the wizard's campaign.
import { graphql } from '../api.js';
import { h, replace } from '../dom.js';
import { openCampaign } from '../open-campaign.js';
import { STATUS_TEXT, PLATFORM_NAMES, money, formatTotal } from '../format.js';

const PAGE_SIZE = 25;
const LIST = `query($first: Int!, $after: String, $search: String, $status: CampaignStatus, $platform: Platform, $order: CampaignOrder, $from: Date!, $to: Date!) {
  campaigns(first: $first, after: $after, search: $search, status: $status, platform: $platform, orderBy: $order) {
    totalCount
    edges { node { id name platform status objective startDate endDate budget { type amount currency }
      copiedFrom { platform } copies { platform }
      metricTotals(from: $from, to: $to) { key unit value } } }
    pageInfo { hasNextPage endCursor } } }`;

const day = (date) => date.toISOString().slice(0, 10);

/** Results as each objective counts them: conversions for Sales and Leads, clicks for Traffic. */
function results(campaign) {
  const key = campaign.objective === 'TRAFFIC' ? 'clicks' : 'conversions';
  const total = campaign.metricTotals.find((t) => t.key === key);
  return total ? `${formatTotal(total)} ${key}` : '—';
}

/** The same campaign on the other platform, said under its name. */
function linkNote(campaign) {
  const platforms = [...new Set([...(campaign.copiedFrom ? [campaign.copiedFrom] : []), ...campaign.copies].map((c) => PLATFORM_NAMES[c.platform]))];
  return platforms.length ? h('div', { class: 'hint linked-note' }, `Also on ${platforms.join(' and ')}`) : null;
}

function row(studio, campaign) {
  const spend = campaign.metricTotals.find((t) => t.key === 'spend');
  const budget = campaign.budget;
  return h('tr', {},
    h('th', { scope: 'row' }, h('button', {
      type: 'button', class: 'link', 'data-campaign': campaign.id,
      onclick: () => openCampaign(studio, campaign.id).catch((error) => studio.fail(error)),
    }, campaign.name), linkNote(campaign)),
    h('td', {}, PLATFORM_NAMES[campaign.platform]),
    h('td', {}, campaign.objective.charAt(0) + campaign.objective.slice(1).toLowerCase()),
    h('td', { class: 'dates' }, campaign.startDate || campaign.endDate ? `${campaign.startDate ?? 'launch'} – ${campaign.endDate ?? 'no end'}` : '—'),
    h('td', {}, budget ? `${money(budget.amount, budget.currency)} ${budget.type === 'DAILY' ? 'a day' : 'in all'}` : '—'),
    h('td', { 'data-column': 'spend' }, spend ? money(spend.value, budget?.currency) : '—'),
    h('td', { 'data-column': 'results' }, results(campaign)),
    h('td', {}, h('span', { class: `status status-${campaign.status.toLowerCase()}` }, STATUS_TEXT[campaign.status] ?? campaign.status)));
}

export const campaignsView = {
  id: 'campaigns',
  title: 'Campaigns',
  render(container, studio) {
    const search = h('input', { id: 'campaign-search', type: 'search', maxlength: '255', placeholder: 'Part of a name', autocomplete: 'off' });
    const option = (value, text) => h('option', { value }, text);
    const platform = h('select', { id: 'campaign-platform' }, option('', 'All platforms'),
      Object.entries(PLATFORM_NAMES).map(([value, text]) => option(value, text)));
    const status = h('select', { id: 'campaign-status-filter' }, option('', 'Any status'),
      Object.entries(STATUS_TEXT).map(([value, text]) => option(value, text)));
    const order = h('select', { id: 'campaign-order' }, option('NEWEST', 'Newest first'), option('OLDEST', 'Oldest first'), option('NAME', 'Name, A to Z'));
    const count = h('p', { id: 'campaign-count', role: 'status' });
    const body = h('tbody');
    const table = h('table', { class: 'campaigns', id: 'campaigns' },
      h('caption', { class: 'visually-hidden' }, 'Your campaigns'),
      h('thead', {}, h('tr', {}, ['Campaign', 'Platform', 'Objective', 'Dates', 'Budget', 'Spend, 7 days', 'Results, 7 days', 'Status']
        .map((title) => h('th', { scope: 'col' }, title)))),
      body);
    const more = h('button', { type: 'button', id: 'campaigns-more', hidden: true }, 'Show more campaigns');
    const label = (text, control) => h('label', { class: 'filter' }, h('span', {}, text), control);
    container.append(
      h('div', { class: 'campaign-filters', role: 'search' }, label('Search', search), label('Platform', platform), label('Status', status), label('Sort', order)),
      count, h('div', { class: 'table-scroll' }, table), more,
      h('div', { class: 'step-nav' }, h('span'),
        h('button', { type: 'button', class: 'primary', onclick: () => studio.reset() }, 'Build a new campaign')));

    const to = new Date();
    let generation = 0; // a newer search replaces the rows; an older answer arriving late is dropped
    let cursor = null;
    async function load(append) {
      const mine = append ? generation : ++generation;
      more.disabled = true;
      const variables = {
        first: PAGE_SIZE, after: append ? cursor : null, search: search.value.trim() || null,
        status: status.value || null, platform: platform.value || null, order: order.value,
        from: day(new Date(to.getTime() - 6 * 86400000)), to: day(to),
      };
      try {
        const { campaigns } = await graphql(LIST, variables);
        if (mine !== generation) return;
        const rows = campaigns.edges.map((edge) => row(studio, edge.node));
        if (append) body.append(...rows); else replace(body, rows);
        const filtered = variables.search || variables.status || variables.platform;
        const shown = body.children.length;
        replace(count, campaigns.totalCount === 0
          ? (filtered ? 'No campaign matches.' : 'No campaign yet.')
          : `${shown} of ${campaigns.totalCount} campaign${campaigns.totalCount === 1 ? '' : 's'}${filtered ? ' found' : ''}`);
        table.hidden = campaigns.totalCount === 0;
        cursor = campaigns.pageInfo.endCursor;
        more.hidden = !campaigns.pageInfo.hasNextPage;
      } catch (error) {
        replace(count, 'The campaigns could not be loaded.');
        studio.fail(error);
      } finally {
        more.disabled = false;
      }
    }
    let typing = null;
    search.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => load(false), 250); });
    platform.addEventListener('change', () => load(false));
    status.addEventListener('change', () => load(false));
    order.addEventListener('change', () => load(false));
    more.addEventListener('click', () => load(true));
    load(false);
  },
};
