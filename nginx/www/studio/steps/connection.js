// Step 2: the ad account of a connected Google Ads or Meta integration the campaign runs on.
import { graphql } from '../api.js';
import { h, replace } from '../dom.js';
import { stepNav } from './nav.js';

const PLATFORM_NAMES = { GOOGLE_ADS: 'Google Ads', META_ADS: 'Meta' };

export const connectionStep = {
  id: 'connection',
  title: 'Connection',
  reachable: (state) => Boolean(state.objective),
  render(container, studio) {
    const { state } = studio;
    const list = h('div', { class: 'accounts', 'aria-busy': 'true' }, h('p', {}, 'Loading your connected accounts…'));
    container.append(list, stepNav(studio, { check: () => (state.adAccount ? null : 'Choose an ad account to continue.') }));
    graphql(`{ integrations { id platform connected expiresAt adAccounts { id name currency platform externalAccountId } } }`)
      .then(({ integrations }) => {
        list.removeAttribute('aria-busy');
        const usable = integrations.filter((integration) => integration.connected && integration.adAccounts.length);
        const disconnected = integrations.filter((integration) => !integration.connected);
        replace(list,
          usable.length
            ? h('fieldset', { class: 'choices' },
              h('legend', {}, 'Which ad account should the campaign run on?'),
              usable.flatMap((integration) => integration.adAccounts.map((account) => h('label', { class: 'choice' },
                h('input', {
                  type: 'radio', name: 'ad-account', value: account.id, checked: state.adAccount?.id === account.id,
                  onchange: () => { state.adAccount = account; state.campaignId = null; state.draft = null; studio.save(); },
                }),
                h('span', { class: `choice-title platform-${account.platform.toLowerCase()}` }, account.name),
                h('span', { class: 'choice-text' }, `${PLATFORM_NAMES[account.platform]} · ${account.externalAccountId} · ${account.currency}`)))))
            : h('p', {}, 'No connected ad account yet.'),
          disconnected.length
            ? h('p', { class: 'hint' }, `${disconnected.length} connection(s) need to be connected again: the platform refused them.`)
            : null,
          connectButtons(studio));
      })
      .catch((error) => { replace(list, h('p', {}, 'The accounts could not be loaded.')); studio.fail(error); });
  },
};

/** Connecting a platform goes through the server's OAuth flow, when the server offers it. */
function connectButtons(studio) {
  const start = studio.capabilities.mutations.has('startOAuthConnection') ? 'startOAuthConnection'
    : studio.capabilities.mutations.has('connectIntegration') ? 'connectIntegration' : null;
  if (!start) return h('p', { class: 'hint' }, 'Connect Google Ads or Meta from the command line (see the README) to add accounts.');
  return h('div', { class: 'connect' },
    Object.entries(PLATFORM_NAMES).map(([platform, name]) => h('button', { type: 'button', onclick: async () => {
      try {
        const data = await graphql(`mutation($platform: Platform!) { ${start}(platform: $platform) { authorizationUrl } }`, { platform });
        window.location.assign(data[start].authorizationUrl);
      } catch (error) { studio.fail(error); }
    } }, `Connect ${name}`)));
}
