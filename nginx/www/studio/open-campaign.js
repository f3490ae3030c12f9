// Opening a saved campaign puts it into the wizard: the steps then show that campaign, never the one built before.
import { graphql } from './api.js';
import { initialState } from './state.js';
import { markSent } from './draft-input.js';

const CAMPAIGN = `query($id: ID!) { campaign(id: $id) {
  id name status objective startDate endDate metaPixelId
  adAccount { id name currency platform page { id } }
  budget { type amount currency }
  units { id audience { id } keywords { text matchType }
    creatives { id headline headlines description descriptions mediaUrl callToAction landingUrl } } } }`;

/** The wizard state of campaign `id` (its first unit and that unit's first creative), or null when it is gone. */
export async function campaignState(id) {
  const { campaign } = await graphql(CAMPAIGN, { id });
  if (!campaign) return null;
  const state = initialState();
  const unit = campaign.units[0] ?? null;
  const creative = unit?.creatives[0] ?? null;
  state.objective = campaign.objective;
  state.adAccount = campaign.adAccount;
  state.audienceId = unit?.audience.id ?? null;
  state.campaignName = campaign.name;
  state.campaignId = campaign.id;
  state.budget = campaign.budget ? { type: campaign.budget.type, amount: campaign.budget.amount } : state.budget;
  state.dates = { start: campaign.startDate ?? '', end: campaign.endDate ?? '' };
  state.meta = { pageId: campaign.adAccount.page?.id ?? null, pixelId: campaign.metaPixelId ?? null };
  if (unit?.keywords.length) state.keywords = { text: unit.keywords.map((k) => k.text).join('\n'), matchType: unit.keywords[0].matchType };
  if (creative) {
    state.creative = {
      headline: creative.headline, description: creative.description ?? '', mediaUrl: creative.mediaUrl ?? '',
      callToAction: creative.callToAction, landingUrl: creative.landingUrl,
      moreHeadlines: creative.headlines.slice(1).join('\n'), moreDescriptions: creative.descriptions.slice(1).join('\n'),
    };
  }
  // What the server holds, so the review step sends only what changes (see review.js).
  state.draft = { campaignId: campaign.id, unitId: unit?.id ?? null, creativeId: creative?.id ?? null, name: campaign.name,
    audienceId: state.audienceId };
  markSent(state);
  return { state, status: campaign.status };
}

/** Makes campaign `id` the wizard's campaign and shows it: a draft or failed launch at its review, others in the
 *  status view; `step` chooses another step. */
export async function openCampaign(studio, id, step = null) {
  const opened = await campaignState(id);
  if (!opened) throw new Error('This campaign no longer exists.');
  studio.state = opened.state;
  studio.save();
  studio.go(step ?? (opened.status === 'DRAFT' || opened.status === 'ERROR' ? 'review' : 'status'));
}
