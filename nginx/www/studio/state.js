// What the marketer chose so far, kept in session storage so a reload keeps the wizard where it was.

const STORAGE = 'campaignd.studio';

export function initialState() {
  return {
    objective: null,
    adAccount: null, // { id, name, currency, platform }
    audienceId: null,
    newAudience: { name: '', locations: '', ageMin: 18, ageMax: 65, interests: '', locationTargets: [], interestTargets: [] },
    keywords: { text: '', matchType: 'PHRASE' }, // Google Search keywords, one per line
    // moreHeadlines / moreDescriptions: Google's further headlines and descriptions, one per line.
    creative: { headline: '', description: '', mediaUrl: '', callToAction: 'SHOP_NOW', landingUrl: '', moreHeadlines: '', moreDescriptions: '' },
    meta: { pageId: null, pixelId: null }, // the Facebook Page and pixel chosen on the review step
    budget: { type: 'DAILY', amount: '' },
    campaignName: '',
    campaignId: null,
    draft: null, // { campaignId, unitId, creativeId } as they are created
    step: 'objective',
  };
}

export function loadState() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null');
    return saved ? { ...initialState(), ...saved, creative: { ...initialState().creative, ...saved.creative } } : initialState();
  } catch {
    return initialState();
  }
}

export function saveState(state) {
  // A local image (blob: URL) does not survive a reload; only the uploaded URL is kept.
  const creative = { ...state.creative, mediaUrl: state.creative.mediaUrl.startsWith('blob:') ? '' : state.creative.mediaUrl };
  sessionStorage.setItem(STORAGE, JSON.stringify({ ...state, creative }));
}

export function resetState() {
  sessionStorage.removeItem(STORAGE);
}
