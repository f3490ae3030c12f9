// Step 6: the launched campaign: its status, the execution log of what was done on the platform,
// totals and a chart of its daily metrics, refreshed every few seconds while shown.
import { graphql } from '../api.js';
import { openCampaign } from '../open-campaign.js';
import { chooseOnlyMetaPixel } from '../meta-pixel.js';
import { h, replace } from '../dom.js';
import { metricsChart } from '../chart.js';
import { drawPreview, fetchPreviews } from '../previews.js';
import { STATUS_TEXT, PLATFORM_NAMES, formatTotal, money } from '../format.js';


const day = (date) => date.toISOString().slice(0, 10);

/** Where keyboard focus goes when the control that had it is gone after an action (Pause becomes Resume). */
const FOCUS_AFTER = {
  'campaign-pause': 'campaign-resume', 'campaign-resume': 'campaign-pause', 'campaign-complete': 'campaign-status-line',
  'campaign-launch': 'campaign-pause', 'campaign-launch-again': 'campaign-pause', 'campaign-send-pending-changes': 'campaign-pause',
};
// The control an action was started from; its disabling drops focus to the page, so it is remembered here.
let actionFocus = null;

/** Spend so far against the budget, in words: a daily budget is per day, so 30 days may spend 30 of it. */
function budgetLine(campaign, totals) {
  const spend = totals.find((t) => t.key === 'spend');
  if (!campaign.budget || !spend) return null;
  const currency = campaign.budget.currency;
  const text = campaign.budget.type === 'DAILY'
    ? `Spent ${money(spend.value, currency)} in the last 30 days, on a daily budget of ${money(campaign.budget.amount, currency)}.`
    : `Spent ${money(spend.value, currency)} of a lifetime budget of ${money(campaign.budget.amount, currency)} in the last 30 days.`;
  return h('p', { class: 'hint', id: 'budget-line' }, text);
}

export const statusStep = {
  id: 'status',
  title: 'Status',
  reachable: (state) => Boolean(state.campaignId),
  render(container, studio) {
    const { state } = studio;
    if (!state.campaignId) {
      container.append(h('p', {}, 'Launch a campaign to follow it here.'));
      return;
    }
    // Not a live region: it is redrawn every few seconds; a change of status is announced instead.
    const view = h('div', { id: 'campaign-status' }, h('p', {}, 'Loading the campaign…'));
    container.append(view, h('div', { class: 'step-nav' },
      h('span'),
      h('button', { type: 'button', class: 'primary', onclick: () => studio.reset() }, 'Build another campaign')));
    const to = new Date();
    const from = new Date(to.getTime() - 29 * 86400000);
    let timer = null;
    let generation = 0;
    let shownStatus = null;
    const previews = new Map(); // creative id → its preview section, drawn once
    const load = async () => {
      clearTimeout(timer);
      const mine = ++generation;
      if (!view.isConnected) return;
      try {
        const { campaign, metricDefinitions, adAccounts } = await graphql(`query($id: ID!, $from: Date!, $to: Date!) {
          campaign(id: $id) { id name status platform externalCampaignId budget { type amount currency }
            copiedFrom { id name platform status } copies { id name platform status }
            creatives { id headline description mediaUrl callToAction landingUrl externalId review { status platformStatus reasons checkedAt } }
            executionLog(first: 50) { edges { node { id action status message createdAt } } }
            metricTotals(from: $from, to: $to) { key label unit value }
            metrics(from: $from, to: $to, keys: ["spend", "clicks", "conversions"]) { date key value } }
          metricDefinitions { key label }
          adAccounts { id name currency platform } }`, { id: state.campaignId, from: day(from), to: day(to) });
        if (mine !== generation) return;
        if (!campaign) return replace(view, h('p', {}, 'The campaign no longer exists.'));
        // A question being answered (complete for good?) is not swept away by a refresh.
        if (view.querySelector('#complete-confirm, #copy-form')) {
          timer = setTimeout(load, 4000);
          return;
        }
        if (shownStatus !== null && campaign.status !== shownStatus) {
          studio.announce(`${campaign.name} is now ${(STATUS_TEXT[campaign.status] ?? campaign.status).toLowerCase()}.`);
        }
        shownStatus = campaign.status;
        const labels = Object.fromEntries(metricDefinitions.map((d) => [d.key, d.label]));
        // Redrawing replaces the controls: the one that had focus (or the one that follows it) gets it back, so a
        // keyboard or screen-reader user is not thrown to the top of the page every few seconds.
        const focused = actionFocus ?? (view.contains(document.activeElement) ? document.activeElement.id : null);
        actionFocus = null;
        replace(view,
          h('p', { class: 'status-line', id: 'campaign-status-line', tabindex: '-1' },
            h('strong', {}, campaign.name), ' ',
            h('span', { class: `status status-${campaign.status.toLowerCase()}`, id: 'campaign-status-value' }, STATUS_TEXT[campaign.status] ?? campaign.status),
            campaign.externalCampaignId ? h('span', { class: 'hint' }, ` · platform id ${campaign.externalCampaignId}`) : null,
            campaign.budget ? h('span', { class: 'hint' }, ` · ${campaign.budget.type.toLowerCase()} budget ${campaign.budget.amount} ${campaign.budget.currency}`) : null),
          linkedCampaigns(studio, campaign),
          controls(studio, campaign, load),
          copyControl(studio, campaign, adAccounts),
          h('h3', {}, 'Execution log'),
          campaign.executionLog.edges.length
            ? h('ol', { class: 'execution-log', id: 'execution-log' }, campaign.executionLog.edges.map(({ node }) => h('li', { class: `log-${node.status.toLowerCase()}` },
              h('time', { datetime: node.createdAt }, new Date(node.createdAt).toLocaleString()), ' ',
              h('strong', {}, node.action), ' ', h('span', { class: 'log-status' }, node.status === 'SUCCESS' ? '✓ success' : '✗ error'),
              node.message ? h('div', { class: 'log-message' }, node.message) : null)))
            : h('p', { class: 'hint' }, 'Nothing was done on the platform yet.'),
          h('h3', {}, campaign.creatives.length === 1 ? 'The ad' : 'The ads'),
          creativePreviews(campaign, previews),
          h('h3', {}, 'Last 30 days'),
          campaign.metricTotals.length
            ? h('dl', { class: 'totals' }, campaign.metricTotals.map((t) => h('div', { 'data-metric': t.key }, h('dt', {}, t.label),
              h('dd', {}, formatTotal(t, campaign.budget?.currency)))))
            : null,
          budgetLine(campaign, campaign.metricTotals),
          metricsChart(campaign.metrics, {
            labels, keys: CHART_KEYS.filter((key) => campaign.metrics.some((p) => p.key === key)),
            units: { spend: campaign.budget?.currency ?? '' }, caption: 'Spend, clicks and conversions per day' }));
        if (focused) (document.getElementById(focused) ?? document.getElementById(FOCUS_AFTER[focused]) ?? document.getElementById('campaign-status-line'))?.focus();
      } catch (error) {
        studio.fail(error);
      }
      if (view.isConnected && mine === generation) timer = setTimeout(load, 4000);
    };
    load();
  },
};

/** The status view's chart: what the campaign cost and brought, day by day. */
const CHART_KEYS = ['spend', 'clicks', 'conversions'];

/** Pause, resume or complete the campaign, where the server offers it and the status allows it. */
function controls(studio, campaign, reload) {
  const actions = {
    LIVE: [['pauseCampaign', 'Pause'], ['completeCampaign', 'Complete']],
    PAUSED: [['resumeCampaign', 'Resume'], ['completeCampaign', 'Complete']],
    DRAFT: [['launchCampaign', 'Launch']],
    ERROR: [['launchCampaign', 'Launch again']],
  }[campaign.status] ?? [];
  // An addition whose launch failed part-way waits without a platform id; sending it again creates nothing twice.
  if (['LIVE', 'PAUSED'].includes(campaign.status) && campaign.creatives.some((creative) => !creative.externalId)) {
    actions.push(['pushCampaignChanges', 'Send pending changes']);
  }
  const offered = actions.filter(([mutation]) => studio.capabilities.mutations.has(mutation));
  const buttons = offered.map(([mutation, label]) => h('button', {
    type: 'button', id: `campaign-${label.toLowerCase().replaceAll(' ', '-')}`, onclick: async (event) => {
      // Completing cannot be undone: it asks first, in the page (no blocking dialog), focus on the answer.
      if (mutation === 'completeCampaign' && !event.target.dataset.confirmed) {
        const button = event.target;
        const ask = h('span', { class: 'confirm', id: 'complete-confirm', role: 'group', 'aria-label': 'Confirm completing the campaign' },
          h('span', {}, 'Complete for good? It stops on the platform and cannot be resumed.'),
          h('button', { type: 'button', id: 'campaign-complete-confirm', onclick: () => { ask.remove(); button.dataset.confirmed = 'yes'; button.click(); } }, 'Yes, complete'),
          h('button', { type: 'button', id: 'campaign-complete-cancel', onclick: () => { ask.remove(); button.focus(); } }, 'Cancel'));
        button.after(ask);
        ask.querySelector('#campaign-complete-cancel').focus();
        return;
      }
      actionFocus = event.target.id;
      event.target.disabled = true;
      try {
        const selection = mutation === 'launchCampaign' ? '{ campaign { id status } }' : '{ id status }';
        if (mutation === 'launchCampaign') await chooseOnlyMetaPixel(campaign.id);
        await graphql(`mutation($id: ID!) { ${mutation}(id: $id) ${selection} }`, { id: campaign.id });
        studio.announce(`${label}: done.`);
      } catch (error) {
        studio.fail(error);
      }
      actionFocus = actionFocus ?? event.target.id;
      await reload();
    },
  }, label));
  // Editing opens this campaign in the wizard; once it is on its platform, the review step publishes the changes.
  if (['DRAFT', 'ERROR', 'LIVE', 'PAUSED'].includes(campaign.status)) {
    buttons.push(h('button', { type: 'button', id: 'campaign-edit', onclick: () => openCampaign(studio, campaign.id, 'creative').catch((error) => studio.fail(error)) },
      ['LIVE', 'PAUSED'].includes(campaign.status) ? 'Edit the ad' : 'Edit'));
  }
  return buttons.length ? h('div', { class: 'campaign-controls' }, buttons) : null;
}

/** The same campaign on the other platform: the one it was copied from, and its copies, each to open. */
function linkedCampaigns(studio, campaign) {
  const link = (other) => h('button', { type: 'button', class: 'link', 'data-linked-campaign': other.id,
    onclick: () => openCampaign(studio, other.id).catch((error) => studio.fail(error)) }, other.name);
  const items = [
    ...(campaign.copiedFrom ? [h('li', {}, `Copied from `, link(campaign.copiedFrom), ` on ${PLATFORM_NAMES[campaign.copiedFrom.platform]} (${STATUS_TEXT[campaign.copiedFrom.status].toLowerCase()})`)] : []),
    ...campaign.copies.map((copy) => h('li', {}, `Also on ${PLATFORM_NAMES[copy.platform]}: `, link(copy), ` (${STATUS_TEXT[copy.status].toLowerCase()})`)),
  ];
  return items.length ? h('ul', { class: 'linked-campaigns', id: 'linked-campaigns' }, items) : null;
}

/** "Launch on Google Ads too": a draft copy on an account of the other platform, opened at its review. The form
 *  asks which account when there are several, and a budget when the account bills in another currency. */
function copyControl(studio, campaign, adAccounts) {
  const other = campaign.platform === 'META_ADS' ? 'GOOGLE_ADS' : 'META_ADS';
  const accounts = adAccounts.filter((account) => account.platform === other);
  if (!accounts.length || !studio.capabilities.mutations.has('copyCampaign')) return null;
  const label = `Launch on ${PLATFORM_NAMES[other]} too`;
  const create = async (account, amount) => {
    const budget = amount ? { type: campaign.budget?.type ?? 'DAILY', amount, currency: account.currency } : null;
    const { copyCampaign } = await graphql(
      'mutation($id: ID!, $a: ID!, $b: CampaignBudgetInput) { copyCampaign(id: $id, adAccountId: $a, budget: $b) { id } }',
      { id: campaign.id, a: account.id, b: budget });
    studio.announce(`A copy for ${PLATFORM_NAMES[other]} is ready to review.`);
    await openCampaign(studio, copyCampaign.id);
  };
  const button = h('button', { type: 'button', id: 'campaign-copy', onclick: () => {
    const sameCurrency = (account) => account.currency === campaign.budget?.currency;
    if (accounts.length === 1 && sameCurrency(accounts[0])) {
      create(accounts[0], null).catch((error) => studio.fail(error));
      return;
    }
    const select = h('select', { id: 'copy-account' }, accounts.map((account) => h('option', { value: account.id }, `${account.name} (${account.currency})`)));
    const amount = h('input', { id: 'copy-budget', inputmode: 'decimal', placeholder: campaign.budget?.amount ?? '50.00' });
    const amountField = h('label', { class: 'filter' }, h('span', { id: 'copy-budget-label' }, ''), amount);
    const chosen = () => accounts.find((account) => account.id === select.value) ?? accounts[0];
    const showAmount = () => {
      amountField.hidden = sameCurrency(chosen());
      amountField.querySelector('span').textContent = `Budget in ${chosen().currency}`;
    };
    select.addEventListener('change', showAmount);
    const form = h('div', { class: 'confirm', id: 'copy-form', role: 'group', 'aria-label': label },
      h('label', { class: 'filter' }, h('span', {}, `${PLATFORM_NAMES[other]} ad account`), select), amountField,
      h('button', { type: 'button', class: 'primary', id: 'copy-confirm', onclick: () => {
        form.remove();
        create(chosen(), amountField.hidden ? null : amount.value.trim()).catch((error) => studio.fail(error));
      } }, 'Create the copy'),
      h('button', { type: 'button', id: 'copy-cancel', onclick: () => { form.remove(); button.focus(); } }, 'Cancel'));
    showAmount();
    button.after(form);
    select.focus();
  } }, label);
  return h('div', { class: 'campaign-controls' }, button);
}

/** The platform's review of each ad, as the metrics sync last read it. */
const REVIEW_TEXT = {
  APPROVED: 'Approved', APPROVED_LIMITED: 'Approved (limited)', UNDER_REVIEW: 'Under review',
  DISAPPROVED: 'Disapproved', WITH_ISSUES: 'With issues', UNKNOWN: 'Unknown',
};

function reviewLine(campaign, creative) {
  if (['LIVE', 'PAUSED'].includes(campaign.status) && !creative.externalId) {
    return h('p', { class: 'review review-pending', 'data-review': 'PENDING' }, 'Not on the platform yet: send the pending changes.');
  }
  const review = creative.review;
  if (!review) return h('p', { class: 'review hint', 'data-review': 'NONE' }, 'Review: not read from the platform yet.');
  return h('div', { class: `review review-${review.status.toLowerCase()}`, 'data-review': review.status },
    h('strong', {}, `Review: ${REVIEW_TEXT[review.status] ?? review.status}`),
    h('span', { class: 'hint' }, ` · ${review.platformStatus}`),
    review.reasons.length ? h('ul', { class: 'review-reasons' }, review.reasons.map((reason) => h('li', {}, reason))) : null);
}

/** Each creative as the campaign's platform shows it, from the server's adPreview (asked once per creative), with
 * its review (redrawn on every refresh). */
function creativePreviews(campaign, cache) {
  return h('div', { class: 'status-previews' }, campaign.creatives.map((creative) =>
    h('div', { class: 'status-ad' }, preview(campaign, creative, cache), reviewLine(campaign, creative))));
}

/** A creative's preview section, drawn once and kept in `cache` across refreshes. */
function preview(campaign, creative, cache) {
  if (cache.has(creative.id)) return cache.get(creative.id);
  const section = h('section', { class: 'preview', 'data-creative': creative.id, 'aria-label': 'Ad preview' }, h('p', {}, 'Loading the preview…'));
  cache.set(creative.id, section);
  fetchPreviews({
    headline: creative.headline, description: creative.description, mediaUrl: creative.mediaUrl,
    callToAction: creative.callToAction, landingUrl: creative.landingUrl, platforms: [campaign.platform],
  }).then((adPreview) => drawPreview(section, adPreview[0]))
    .catch(() => replace(section, h('p', {}, 'The preview could not be drawn.')));
  return section;
}
