// What the review step sends for the wizard's choices, in one place: the launch compares these with what it sent
// (or what an opened campaign holds) and sends only what changed.
import { keywordInputs } from './steps/targeting.js';

const lines = (text) => (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);

/** The creative's fields; on Google, every headline and description at once, the first being the headline (description). */
export function creativeInput(state) {
  const creative = state.creative;
  const content = { headline: creative.headline, description: creative.description || null,
    mediaUrl: creative.mediaUrl || null, callToAction: creative.callToAction, landingUrl: creative.landingUrl };
  if (state.adAccount.platform === 'GOOGLE_ADS' && lines(creative.moreHeadlines).length) {
    content.headlines = [creative.headline, ...lines(creative.moreHeadlines)];
    delete content.headline;
  }
  if (state.adAccount.platform === 'GOOGLE_ADS' && lines(creative.moreDescriptions).length && creative.description) {
    content.descriptions = [creative.description, ...lines(creative.moreDescriptions)];
    delete content.description;
  }
  return content;
}

export function budgetInput(state) {
  return { type: state.budget.type, amount: state.budget.amount, currency: state.adAccount.currency };
}

export function datesInput(state) {
  return { s: state.dates?.start || null, e: state.dates?.end || null };
}

export function unitKeywords(state) {
  return state.adAccount.platform === 'GOOGLE_ADS' ? keywordInputs(state) : [];
}

/** Marks what the server holds for `state` as sent, so an unchanged field is not sent again. */
export function markSent(state) {
  Object.assign(state.draft, {
    creative: JSON.stringify(creativeInput(state)), budget: JSON.stringify(budgetInput(state)), dates: JSON.stringify(datesInput(state)),
    keywords: JSON.stringify(unitKeywords(state)),
  });
}
