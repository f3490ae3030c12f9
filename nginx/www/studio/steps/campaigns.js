// The organization's campaigns, newest first: open one to follow it (and launch a draft) in the status view.
import { graphql } from '../api.js';
import { h, replace } from '../dom.js';
import { openCampaign } from '../open-campaign.js';

const PLATFORM_NAMES = { GOOGLE_ADS: 'Google Ads', META_ADS: 'Meta' };

export const campaignsView = {
  id: 'campaigns',
  title: 'Campaigns',
  render(container, studio) {
    const list = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading campaigns…'));
    container.append(list, h('div', { class: 'step-nav' }, h('span'),
      h('button', { type: 'button', class: 'primary', onclick: () => studio.reset() }, 'Build a new campaign')));
    graphql('{ campaigns(first: 100) { edges { node { id name platform status objective createdAt budget { type amount currency } } } } }')
      .then(({ campaigns }) => {
        list.removeAttribute('aria-busy');
        const nodes = campaigns.edges.map((edge) => edge.node);
        replace(list, nodes.length
          ? h('table', { class: 'campaigns', id: 'campaigns' },
            h('caption', { class: 'visually-hidden' }, 'Your campaigns, newest first'),
            h('thead', {}, h('tr', {}, ['Campaign', 'Platform', 'Objective', 'Budget', 'Status'].map((title) => h('th', { scope: 'col' }, title)))),
            h('tbody', {}, nodes.map((campaign) => h('tr', {},
              h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'data-campaign': campaign.id, onclick: () => openCampaign(studio, campaign.id).catch((error) => studio.fail(error)) }, campaign.name)),
              h('td', {}, PLATFORM_NAMES[campaign.platform]),
              h('td', {}, campaign.objective.toLowerCase()),
              h('td', {}, campaign.budget ? `${campaign.budget.amount} ${campaign.budget.currency} ${campaign.budget.type.toLowerCase()}` : '—'),
              h('td', {}, h('span', { class: `status status-${campaign.status.toLowerCase()}` }, campaign.status.toLowerCase()))))))
          : h('p', {}, 'No campaign yet.'));
      })
      .catch((error) => { replace(list, h('p', {}, 'The campaigns could not be loaded.')); studio.fail(error); });
  },
};
