// Step 2: the ad account of a connected Google Ads or Meta integration the campaign runs on.
import { graphql } from '../api.js';
import { h, replace } from '../dom.js';
import { stepNav } from './nav.js';
import { PLATFORM_NAMES } from '../format.js';

export const connectionStep = {
  id: 'connection',
  title: 'Connection',
  reachable: (state) => Boolean(state.objective),
  render(container, studio) {
    const { state } = studio;
    const list = h('div', { class: 'accounts', 'aria-busy': 'true' }, h('p', {}, 'Loading your connected accounts…'));
    container.append(list, stepNav(studio, { check: () => (state.adAccount ? null : 'Choose an ad account to continue.') }));
    graphql(`{ integrations { id platform connected health expiresAt adAccounts { id name currency platform externalAccountId } } }`)
      .then(({ integrations }) => {
        list.removeAttribute('aria-busy');
        const usable = integrations.filter((integration) => integration.connected && integration.adAccounts.length);
        const attention = integrations.filter((integration) => integration.health !== 'OK');
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
          attention.map((integration) => connectionWarning(studio, integration)),
          connectButtons(studio));
      })
      .catch((error) => { replace(list, h('p', {}, 'The accounts could not be loaded.')); studio.fail(error); });
  },
};

/**
 * A connection that lapses soon (Meta's last about 60 days and only the user renews them) or has lapsed: said
 * in words, with the button that connects it again.
 */
function connectionWarning(studio, integration) {
  const name = PLATFORM_NAMES[integration.platform];
  const ends = integration.expiresAt ? new Date(integration.expiresAt).toLocaleDateString() : null;
  const text = integration.health === 'EXPIRES_SOON'
    ? `Your ${name} connection ends on ${ends}: connect it again before then, or its campaigns stop syncing.`
    : `Your ${name} connection has ended or was refused by ${name}: connect it again to launch and sync.`;
  return h('div', { class: 'notice notice-warning', role: 'status', id: `health-${integration.platform.toLowerCase().replace('_', '-')}` },
    h('p', {}, text),
    studio.capabilities.mutations.has('startOAuth') ? connectButton(studio, integration.platform, `Reconnect ${name}`) : null);
}

/** Connecting a platform goes through the server's OAuth flow (`startOAuth`), when the server offers it. */
function connectButtons(studio) {
  if (!studio.capabilities.mutations.has('startOAuth')) {
    return h('p', { class: 'hint' }, 'This server cannot connect ad platforms from the page.');
  }
  return h('div', { class: 'connect' },
    h('p', { class: 'hint' }, 'Connect another account: you sign in on the platform and come back here.'),
    Object.entries(PLATFORM_NAMES).map(([platform, name]) => connectButton(studio, platform, `Connect ${name}`,
      `connect-${platform.toLowerCase().replace('_', '-')}`)));
}

function connectButton(studio, platform, label, id) {
  return h('button', {
    type: 'button', id, onclick: async () => {
      try {
        const redirectUri = `${window.location.origin}/?connect=${platform}`;
        const { startOAuth } = await graphql(
          'mutation($platform: Platform!, $redirectUri: String!) { startOAuth(platform: $platform, redirectUri: $redirectUri) { authorizationUrl } }',
          { platform, redirectUri });
        window.location.assign(startOAuth.authorizationUrl);
      } catch (error) { studio.fail(error); }
    },
  }, label);
}

/** The OAuth 2.0 authorization errors (RFC 6749 §4.1.2.1) a platform may send back. */
const OAUTH_ERRORS = {
  access_denied: 'access was not granted on the platform.',
  invalid_request: 'the platform found the request invalid.',
  invalid_scope: 'the platform refused the permissions asked for.',
  unauthorized_client: 'this app may not connect to the platform.',
  unsupported_response_type: 'the platform refused the request.',
  server_error: 'the platform had an error; try again.',
  temporarily_unavailable: 'the platform is temporarily unavailable; try again.',
};

/**
 * Back from the platform's consent page (`/?connect=PLATFORM&code=…&state=…`): finishes the connection
 * with `completeOAuth` and returns a message for the connection step, or null when this is no such return.
 */
export async function finishConnecting(studio) {
  const params = new URLSearchParams(window.location.search);
  const platform = params.get('connect');
  if (!platform) return null;
  window.history.replaceState(null, '', '/');
  if (!PLATFORM_NAMES[platform]) return null;
  // Anyone can send a link to /?connect=…&error_description=…: the page says what the OAuth error code
  // means in its own words, and never shows text from the address.
  const error = params.get('error');
  if (error) throw new Error(`${PLATFORM_NAMES[platform]} did not connect: ${OAUTH_ERRORS[error] ?? 'the platform refused the connection.'}`);
  const { completeOAuth } = await graphql(
    'mutation($platform: Platform!, $code: String!, $state: String!) { completeOAuth(platform: $platform, code: $code, state: $state) { platform adAccounts { id } } }',
    { platform, code: params.get('code') ?? '', state: params.get('state') ?? '' });
  studio.state.step = 'connection';
  studio.save();
  const count = completeOAuth.adAccounts.length;
  return `${PLATFORM_NAMES[completeOAuth.platform]} is connected: ${count} ad account${count === 1 ? '' : 's'} found.`;
}
