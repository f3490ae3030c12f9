// A Meta Sales campaign optimizes for a pixel of its ad account (promoted_object); Meta refuses its ad sets
// without one. Before a launch, a campaign without a pixel gets its account's only pixel; with several, the
// launch's refusal ("Choose the Meta pixel …") says to choose one.
import { graphql } from './api.js';

export async function chooseOnlyMetaPixel(campaignId) {
  const { campaign } = await graphql(
    'query($id: ID!) { campaign(id: $id) { platform objective metaPixelId adAccount { id } } }', { id: campaignId });
  if (!campaign || campaign.platform !== 'META_ADS' || campaign.objective !== 'SALES' || campaign.metaPixelId) return;
  const { metaPixels } = await graphql('query($a: ID!) { metaPixels(adAccountId: $a) { id } }', { a: campaign.adAccount.id });
  if (metaPixels.length !== 1) return;
  await graphql('mutation($id: ID!, $p: String!) { setCampaignMetaPixel(id: $id, pixelId: $p) { id } }',
    { id: campaignId, p: metaPixels[0].id });
}
