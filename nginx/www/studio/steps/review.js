// Step 5: budget, name and everything chosen, with every problem the platform would refuse; then
// the launch: the draft campaign with its unit and creative is saved, and launched on the platform.
import { graphql, ApiError } from '../api.js';
import { h, replace, field, setFieldError } from '../dom.js';
import { fetchPreviews, warningItem } from '../previews.js';
import { ctaLabel } from './creative.js';
import { describe } from './audience.js';
import { creativeInput, budgetInput, datesInput, unitKeywords } from '../draft-input.js';
import { stepNav } from './nav.js';
import { budgetProblem } from './budget.js';
import { money, PLATFORM_NAMES } from '../format.js';
import { chooseOnlyMetaPixel } from '../meta-pixel.js';

export const reviewStep = {
  id: 'review',
  title: 'Review & launch',
  reachable: (state) => Boolean(state.creative.headline && state.creative.landingUrl && state.audienceId),
  render(container, studio) {
    const { state } = studio;
    const account = state.adAccount;
    const creative = state.creative;
    if (!state.campaignName) state.campaignName = `${creative.headline.split('|')[0].trim()} – ${PLATFORM_NAMES[account?.platform] ?? ''}`.slice(0, 255);

    const name = h('input', { id: 'campaign-name', value: state.campaignName, oninput: (e) => { state.campaignName = e.target.value; studio.save(); } });
    const dates = state.dates ?? (state.dates = { start: '', end: '' });
    // As typed when it has more decimals than money has (the server will say so), never rounded here.
    const amount = String(state.budget.amount).trim();
    const budgetText = Number(amount) > 0
      ? `${/^\d+(\.\d{1,2})?$/.test(amount) ? money(amount, account?.currency) : `${amount} ${account?.currency ?? ''}`} ${state.budget.type === 'DAILY' ? 'a day' : 'in all'}`
      : '—';

    const audience = h('dd', { id: 'review-audience' }, '…');
    // Meta ads reaching the EU name who benefits from them and who pays for them (the EU Digital Services Act):
    // shown when the audience reaches the EU, filled from the ad account or Meta's suggestions, editable.
    const transparency = h('div', { id: 'eu-transparency-slot' });
    // Meta ads run as a Facebook Page, and Sales ad sets optimize for a pixel: both chosen here, the current ones first.
    const metaAssets = h('div', { id: 'meta-assets-slot' });
    if (account?.platform === 'META_ADS') {
      // Not being able to read them from Meta is no dead end: the launch uses what the account has, or says what is missing.
      metaAssetFields(studio, metaAssets).catch(() => replace(metaAssets,
        h('p', { class: 'hint', id: 'meta-assets-unavailable' }, 'The Pages and pixels could not be read from Meta just now; the launch uses the ad account\'s.')));
    }
    const problems = h('div', { id: 'problems', 'aria-live': 'polite' }, h('p', {}, 'Checking the creative…'));
    container.append(
      h('div', { class: 'review-columns' },
        h('div', {},
          field('Campaign name', name),
          h('dl', { class: 'summary', id: 'review-budget' },
            h('dt', {}, 'Budget'), h('dd', { id: 'review-budget-amount' }, budgetText),
            h('dt', {}, 'Schedule'), h('dd', { id: 'review-schedule' }, `${dates.start || 'From the launch'} – ${dates.end || 'no end date'}`)),
          h('button', { type: 'button', class: 'link', id: 'edit-budget', onclick: () => studio.go('budget') }, 'Change the budget or dates')),
        h('dl', { class: 'summary' },
          h('dt', {}, 'Objective'), h('dd', {}, state.objective?.toLowerCase() ?? '—'),
          h('dt', {}, 'Ad account'), h('dd', {}, account ? `${account.name} (${PLATFORM_NAMES[account.platform]}, ${account.currency})` : '—'),
          h('dt', {}, 'Audience'), audience,
          h('dt', {}, 'Headline'), h('dd', {}, creative.headline),
          h('dt', {}, 'Description'), h('dd', {}, creative.description || '—'),
          h('dt', {}, 'Image'), h('dd', {}, creative.mediaUrl ? h('img', { class: 'thumb', src: creative.mediaUrl, alt: 'The ad image' }) : '—'),
          h('dt', {}, 'Call to action'), h('dd', {}, ctaLabel(creative.callToAction)),
          h('dt', {}, 'Landing page'), h('dd', {}, creative.landingUrl))),
      metaAssets,
      transparency,
      h('h3', {}, 'Problems'),
      problems,
      stepNav(studio, {
        nextLabel: studio.capabilities.mutations.has('launchCampaign') ? 'Launch campaign' : 'Save draft',
        check: () => {
          const budget = budgetProblem(state);
          if (budget) return `${budget} (Budget & schedule step)`;
          const eu = state.euTransparency;
          if (eu?.required && !(eu.beneficiary?.trim() && eu.payor?.trim())) {
            return 'Say who benefits from the ads and who pays for them: Meta requires both for ads reaching the EU.';
          }
          return null;
        },
        onNext: () => launch(studio),
      }));
    describePublishing(studio, container).catch(() => {});

    graphql('query($id: ID!) { node(id: $id) { ... on Audience { id name locations ageMin ageMax interests reachesEU } } }', { id: state.audienceId })
      .then(({ node }) => {
        replace(audience, node ? `${node.name}: ${describe(node)}` : '—');
        state.euTransparency = null;
        if (node?.reachesEU && account?.platform === 'META_ADS') return transparencyFields(studio, transparency);
        return null;
      })
      .catch(() => replace(audience, '—'));
    fetchPreviews({
      headline: creative.headline, description: creative.description || null, mediaUrl: creative.mediaUrl || null,
      callToAction: creative.callToAction, landingUrl: creative.landingUrl, platforms: [account.platform],
    }).then((adPreview) => {
      // Refusals block the launch; review risks and notes are said, in their own colour, and the launch goes ahead.
      const warnings = adPreview.flatMap((preview) => preview.warnings);
      const blocking = warnings.some((w) => w.severity === 'BLOCKING');
      replace(problems,
        blocking ? null : h('p', { class: 'preview-ok' }, `✓ Nothing ${PLATFORM_NAMES[account.platform]} would refuse.`),
        warnings.length ? h('ul', { class: 'problems' }, warnings.map(warningItem)) : null);
    }).catch((error) => studio.fail(error));
  },
};

/** The Page select (the account's current Page first) and, for Sales, the pixel select. */
async function metaAssetFields(studio, slot) {
  const { state } = studio;
  const meta = state.meta ?? (state.meta = { pageId: null, pixelId: null });
  const accountId = state.adAccount.id;
  const [{ node }, { metaPages }] = await Promise.all([
    graphql('query($a: ID!) { node(id: $a) { ... on AdAccount { page { id } } } }', { a: accountId }),
    graphql('query($a: ID!) { metaPages(adAccountId: $a) { id name } }', { a: accountId }),
  ]);
  meta.pageId = meta.pageId ?? node?.page?.id ?? metaPages[0]?.id ?? null;
  const fields = [];
  fields.push(field('Facebook Page the ads run as', h('select', { id: 'meta-page', onchange: (e) => { meta.pageId = e.target.value; studio.save(); } },
    metaPages.length ? metaPages.map((page) => h('option', { value: page.id, selected: page.id === meta.pageId }, page.name))
      : h('option', { value: '' }, 'No Page this connection can advertise for')),
  metaPages.length ? null : 'Meta refuses ads without a Page: give the connected person a role on the Page with the Advertise task.'));
  if (state.objective === 'SALES') {
    const { metaPixels } = await graphql('query($a: ID!) { metaPixels(adAccountId: $a) { id name } }', { a: accountId });
    meta.pixelId = meta.pixelId ?? metaPixels[0]?.id ?? null;
    fields.push(field('Pixel the ads optimize for (purchases)', h('select', { id: 'meta-pixel', onchange: (e) => { meta.pixelId = e.target.value; studio.save(); } },
      metaPixels.length ? metaPixels.map((pixel) => h('option', { value: pixel.id, selected: pixel.id === meta.pixelId }, pixel.name))
        : h('option', { value: '' }, 'This ad account has no pixel')),
    metaPixels.length ? null : 'Meta refuses Sales ad sets without a pixel: add one in Events Manager.'));
  }
  studio.save();
  replace(slot, h('div', { class: 'row', id: 'meta-assets' }, fields));
}

/** Sets the chosen Page on the ad account and pixel on the campaign, when they differ from what the server has. */
async function saveMetaAssets(studio, campaignId) {
  const { state } = studio;
  const meta = state.meta;
  if (state.adAccount.platform !== 'META_ADS' || !meta) return;
  const { campaign } = await graphql('query($id: ID!) { campaign(id: $id) { metaPixelId adAccount { page { id } } } }', { id: campaignId });
  if (meta.pageId && campaign?.adAccount?.page?.id !== meta.pageId) {
    await graphql('mutation($a: ID!, $p: String!) { setAdAccountPage(adAccountId: $a, pageId: $p) { id } }', { a: state.adAccount.id, p: meta.pageId });
  }
  if (state.objective === 'SALES' && meta.pixelId && campaign?.metaPixelId !== meta.pixelId) {
    await graphql('mutation($id: ID!, $p: String!) { setCampaignMetaPixel(id: $id, pixelId: $p) { id } }', { id: campaignId, p: meta.pixelId });
  }
}

/** The beneficiary and payer inputs, filled from the ad account's saved values or else Meta's first suggestion. */
async function transparencyFields(studio, slot) {
  const { state } = studio;
  const accountId = state.adAccount.id;
  const { node } = await graphql('query($a: ID!) { node(id: $a) { ... on AdAccount { euTransparency { beneficiary payor } } } }', { a: accountId });
  let saved = node?.euTransparency ?? null;
  let suggestion = '';
  if (!saved) {
    try {
      suggestion = (await graphql('query($a: ID!) { metaEUTransparencySuggestions(adAccountId: $a) }', { a: accountId })).metaEUTransparencySuggestions[0] ?? '';
    } catch { suggestion = ''; }
  }
  const eu = state.euTransparency = {
    required: true, saved, beneficiary: saved?.beneficiary ?? suggestion, payor: saved?.payor ?? suggestion,
  };
  const input = (id, key) => h('input', { id, value: eu[key], maxlength: '255', oninput: (e) => { eu[key] = e.target.value; studio.save(); } });
  replace(slot, h('fieldset', { id: 'eu-transparency', class: 'eu-transparency' },
    h('legend', {}, 'Ads reaching the EU'),
    h('p', { class: 'hint' }, saved
      ? 'Meta shows these beside the ads. They are saved on the ad account; change them here if they are wrong.'
      : 'Meta shows these beside ads reaching the EU and refuses ads without them. Check Meta\'s suggestion before launching.'),
    h('div', { class: 'row' },
      field('Who benefits from the ads', input('dsa-beneficiary', 'beneficiary')),
      field('Who pays for the ads', input('dsa-payor', 'payor')))));
}

/** Saves the beneficiary and payer on the ad account when they are new or changed. */
async function saveTransparency(studio) {
  const eu = studio.state.euTransparency;
  if (!eu?.required) return;
  const values = { beneficiary: eu.beneficiary.trim(), payor: eu.payor.trim() };
  if (eu.saved && eu.saved.beneficiary === values.beneficiary && eu.saved.payor === values.payor) return;
  const { setAdAccountEUTransparency } = await graphql(
    'mutation($a: ID!, $b: String!, $p: String!) { setAdAccountEUTransparency(adAccountId: $a, beneficiary: $b, payor: $p) { euTransparency { beneficiary payor } } }',
    { a: studio.state.adAccount.id, b: values.beneficiary, p: values.payor });
  eu.saved = setAdAccountEUTransparency.euTransparency;
}

const BUDGET_FIELD_IDS = new Set(['budget-amount', 'budget-type', 'start-date', 'end-date']);

const ERROR_FIELDS = {
  pageId: 'meta-page', pixelId: 'meta-pixel',
  'input.name': 'campaign-name', 'input.budget.amount': 'budget-amount', 'input.budget.type': 'budget-type', 'input.budget.currency': 'budget-amount',
  startDate: 'start-date', endDate: 'end-date', beneficiary: 'dsa-beneficiary', payor: 'dsa-payor',
};

async function campaignStatus(id) {
  const { campaign } = await graphql('query($id: ID!) { campaign(id: $id) { status } }', { id });
  return campaign?.status ?? null;
}

/** Once the campaign is on its platform, Next publishes changes instead of launching, and says what that does. */
async function describePublishing(studio, container) {
  const id = studio.state.draft?.campaignId;
  const status = id ? await campaignStatus(id) : null;
  if (status !== 'LIVE' && status !== 'PAUSED') return;
  const next = container.querySelector('#next');
  if (next) next.textContent = 'Publish changes';
  container.prepend(h('p', { class: 'notice', id: 'publish-notice' },
    `This campaign is ${status === 'LIVE' ? 'live' : 'paused'} on ${PLATFORM_NAMES[studio.state.adAccount.platform]}. `
    + 'Publishing sends each change to the platform first: a new text runs as a new ad that replaces the current one, '
    + 'and nothing is saved here that the platform refused.'));
}

/** Saves the draft once (a retry reuses it), then launches it when the server can; publishes changes once launched. */
async function launch(studio) {
  const { state } = studio;
  const creative = state.creative;
  Object.values(ERROR_FIELDS).forEach((id) => setFieldError(id, null));
  const button = document.getElementById('next');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    // Each object is remembered as soon as it exists, so a retry after a refusal creates nothing twice.
    const draft = state.draft ?? (state.draft = {});
    // A launched campaign is not launched again: its changes are published, each on the platform first.
    const status = draft.campaignId ? await campaignStatus(draft.campaignId) : null;
    if (status === 'COMPLETED') throw new Error('This campaign is completed: its ads cannot change. Build a new campaign instead.');
    const published = status === 'LIVE' || status === 'PAUSED';
    if (published && draft.audienceId && draft.audienceId !== state.audienceId) {
      throw new Error('A launched campaign keeps the audience it launched with. Choose it again on the Audience step, or build a new campaign for the new audience.');
    }
    if (!draft.campaignId) {
      const { createCampaign } = await graphql(
        'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
        { input: { adAccountId: state.adAccount.id, name: state.campaignName, objective: state.objective, budget: budgetInput(state) } });
      draft.campaignId = createCampaign.id;
      draft.name = state.campaignName;
      studio.save();
    } else if (draft.name && draft.name !== state.campaignName) {
      await graphql('mutation($id: ID!, $name: String!) { updateCampaign(id: $id, input: { name: $name }) { id } }', { id: draft.campaignId, name: state.campaignName });
      draft.name = state.campaignName;
    }
    if (!draft.unitId) {
      const { createCampaignUnit } = await graphql(
        'mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }',
        { input: { campaignId: draft.campaignId, audienceId: state.audienceId, name: `${state.campaignName} – audience`,
          keywords: unitKeywords(state) } });
      draft.unitId = createCampaignUnit.id;
      draft.audienceId = state.audienceId;
      draft.keywords = JSON.stringify(unitKeywords(state));
      studio.save();
    } else if (!published && draft.keywords !== JSON.stringify(unitKeywords(state))) {
      // Keywords added after the unit was saved (a refused launch, or a campaign copied from Meta).
      await graphql('mutation($id: ID!, $k: [KeywordInput!]!) { setCampaignUnitKeywords(id: $id, keywords: $k) { id } }',
        { id: draft.unitId, k: unitKeywords(state) });
      draft.keywords = JSON.stringify(unitKeywords(state));
    }
    const content = creativeInput(state);
    if (!draft.creativeId) {
      const { createAdCreative } = await graphql('mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }',
        { input: { campaignUnitId: draft.unitId, ...content } });
      draft.creativeId = createAdCreative.id;
    } else if (draft.creative !== JSON.stringify(content)) {
      // Edited after a refused launch, or on a launched campaign: the saved creative gets a new version (which
      // the server puts live, pausing the replaced ad, when the campaign is on its platform).
      const { reviseAdCreative } = await graphql('mutation($id: ID!, $input: ReviseAdCreativeInput!) { reviseAdCreative(id: $id, input: $input) { id } }',
        { id: draft.creativeId, input: content });
      draft.creativeId = reviseAdCreative.id;
    }
    draft.creative = JSON.stringify(content);
    const budget = budgetInput(state);
    if (draft.budget && draft.budget !== JSON.stringify(budget)) {
      await graphql('mutation($id: ID!, $budget: CampaignBudgetInput!) { setCampaignBudget(id: $id, budget: $budget) { id } }', { id: draft.campaignId, budget });
    }
    draft.budget = JSON.stringify(budget);
    const dates = datesInput(state);
    if ((dates.s || dates.e || draft.dates) && draft.dates !== JSON.stringify(dates)) {
      await graphql('mutation($id: ID!, $s: Date, $e: Date) { setCampaignDates(id: $id, startDate: $s, endDate: $e) { id } }',
        { id: draft.campaignId, ...dates });
    }
    draft.dates = JSON.stringify(dates);
    state.campaignId = draft.campaignId;
    studio.save();
    await saveTransparency(studio);
    await saveMetaAssets(studio, state.campaignId);
    if (published) {
      studio.announce('Changes published.');
    } else if (studio.capabilities.mutations.has('launchCampaign')) {
      await chooseOnlyMetaPixel(state.campaignId);
      await graphql('mutation($id: ID!) { launchCampaign(id: $id) { campaign { id status } } }', { id: state.campaignId });
      studio.announce('Campaign launched.');
    } else {
      studio.announce('Draft saved. This server cannot launch campaigns yet.');
    }
    studio.next();
  } catch (error) {
    const refused = error instanceof ApiError ? error.errors.filter((e) => ERROR_FIELDS[e.extensions?.field]) : [];
    // A refused budget or date is fixed on its own step: the page goes there and marks the field.
    if (refused.some((e) => BUDGET_FIELD_IDS.has(ERROR_FIELDS[e.extensions.field]))) studio.go('budget');
    for (const e of refused) setFieldError(ERROR_FIELDS[e.extensions.field], e.message);
    studio.fail(error);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
