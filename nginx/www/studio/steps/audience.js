// Step 3: who sees the ads: a saved audience, or a new one (saved when moving on).
import { graphql, ApiError } from '../api.js';
import { h, replace, field, setFieldError } from '../dom.js';
import { stepNav } from './nav.js';
import { targetingPicker, keywordsField } from './targeting.js';

const AUDIENCE_FIELDS = 'id name locations ageMin ageMax interests';

export const audienceStep = {
  id: 'audience',
  title: 'Audience',
  reachable: (state) => Boolean(state.adAccount),
  render(container, studio) {
    const { state } = studio;
    const saved = h('div', { class: 'saved-audiences', 'aria-busy': 'true' }, h('p', {}, 'Loading saved audiences…'));
    const draft = state.newAudience;
    const input = (id, key, attributes = {}) => h('input', {
      id, value: String(draft[key] ?? ''), ...attributes,
      oninput: (event) => { draft[key] = event.target.value; state.audienceId = null; studio.save(); uncheck(); },
    });
    const uncheck = () => container.querySelectorAll('input[name=audience]').forEach((radio) => { radio.checked = false; });
    const form = h('fieldset', { class: 'new-audience' },
      h('legend', {}, 'Or describe a new audience'),
      field('Name', input('audience-name', 'name')),
      field('Locations', input('audience-locations', 'locations'), 'Country codes, separated by commas: US, CA — or find places below (found ones replace these)'),
      h('div', { class: 'row' },
        field('Minimum age', input('audience-age-min', 'ageMin', { type: 'number', min: '13', max: '65' })),
        field('Maximum age', input('audience-age-max', 'ageMax', { type: 'number', min: '13', max: '65' }), '65 means 65 and over')),
      field('Interests', input('audience-interests', 'interests'), 'Separated by commas: snacks, spicy food'));
    // Picked from the platform's own search, with its ids: what the platform takes (typed names may lack them).
    const platform = state.adAccount?.platform;
    draft.locationTargets ??= [];
    draft.interestTargets ??= [];
    const changed = () => { state.audienceId = null; studio.save(); uncheck(); };
    const fail = (error) => studio.fail(error);
    form.append(
      targetingPicker({ id: 'location-search', label: 'Find locations', kind: 'LOCATION', platform, picked: draft.locationTargets, onChange: changed, fail }),
      platform === 'META_ADS'
        ? targetingPicker({ id: 'interest-search', label: 'Find interests', kind: 'INTEREST', platform, picked: draft.interestTargets, onChange: changed, fail })
        : h('p', { class: 'hint' }, 'Google Search ignores interests: its ads are shown for the keywords below.'));
    const keywords = platform === 'GOOGLE_ADS' ? keywordsField(state, () => studio.save()) : null;
    container.append(h('div', { class: 'audience-columns' }, saved, form), keywords, stepNav(studio, {
      check: () => (state.audienceId || draft.name.trim() ? null : 'Choose a saved audience or describe a new one.'),
      onNext: async () => {
        if (!state.audienceId && !(await createAudience(studio))) return;
        studio.next();
      },
    }));
    // The saved audiences, newest first, searched by name on the server as the user types.
    const search = h('input', { id: 'audience-search', type: 'search', maxlength: '255', autocomplete: 'off', placeholder: 'Part of a name' });
    const savedList = h('div', { id: 'saved-audience-list' });
    const searchField = h('label', { class: 'filter', hidden: true }, h('span', {}, 'Find a saved audience'), search);
    replace(saved, searchField, savedList);
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      const text = search.value.trim();
      graphql('query($s: String) { audiences(first: 50, search: $s) { totalCount edges { node { ' + AUDIENCE_FIELDS + ' } } } }', { s: text || null })
        .then(({ audiences }) => {
          if (mine !== generation) return;
          saved.removeAttribute('aria-busy');
          const nodes = audiences.edges.map((edge) => edge.node);
          if (!text) searchField.hidden = audiences.totalCount <= 5;
          replace(savedList, nodes.length
            ? h('fieldset', { class: 'choices' },
              h('legend', {}, text ? `Saved audiences with "${text}" (${audiences.totalCount})` : 'Reuse a saved audience'),
              nodes.map((audience) => h('label', { class: 'choice' },
                h('input', {
                  type: 'radio', name: 'audience', value: audience.id, checked: state.audienceId === audience.id,
                  onchange: () => { state.audienceId = audience.id; studio.save(); showEstimate(); },
                }),
                h('span', { class: 'choice-title' }, audience.name),
                h('span', { class: 'choice-text' }, describe(audience)))))
            : h('p', { id: 'no-saved-audience' }, text ? `No saved audience has "${text}" in its name.` : 'No saved audience yet.'));
        })
        .catch((error) => { replace(savedList, h('p', {}, 'Saved audiences could not be loaded.')); studio.fail(error); });
    };
    let typing = null;
    search.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(load, 250); });
    load();

    // Meta's estimate of the chosen audience's monthly reach; Google Search reaches people by keywords instead.
    const estimate = h('p', { class: 'hint', id: 'audience-estimate', role: 'status' });
    saved.after(estimate);
    let asked = 0;
    const showEstimate = () => {
      const mine = ++asked;
      replace(estimate);
      if (platform !== 'META_ADS' || !state.audienceId || !state.adAccount?.id) return;
      graphql('query($a: ID!, $u: ID!) { metaAudienceSizeEstimate(adAccountId: $a, audienceId: $u) { lowerBound upperBound } }',
        { a: state.adAccount.id, u: state.audienceId })
        .then(({ metaAudienceSizeEstimate: size }) => {
          if (mine !== asked) return;
          const people = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
          replace(estimate, size
            ? `Meta estimates this audience at ${people.format(size.lowerBound)}–${people.format(size.upperBound)} people a month.`
            : 'Meta has no size estimate for this audience.');
        })
        .catch(() => { if (mine === asked) replace(estimate, 'Meta\'s size estimate is not available just now.'); });
    };
    showEstimate();
  },
};

export function describe(audience) {
  const ages = `${audience.ageMin}–${audience.ageMax === 65 ? '65+' : audience.ageMax}`;
  const interests = audience.interests.length ? ` · ${audience.interests.join(', ')}` : '';
  return `${audience.locations.join(', ')} · ages ${ages}${interests}`;
}

const list = (text) => String(text).split(',').map((item) => item.trim()).filter(Boolean);

/** Saves the new audience; a refused field is marked where the user typed it. */
async function createAudience(studio) {
  const { state } = studio;
  const draft = state.newAudience;
  const ids = { name: 'audience-name', locations: 'audience-locations', ageMin: 'audience-age-min', ageMax: 'audience-age-max', interests: 'audience-interests',
    locationTargets: 'location-search', interestTargets: 'interest-search' };
  Object.values(ids).forEach((id) => setFieldError(id, null));
  // A typed place is a country code; a region or city is found with the platform's search, which knows its id
  // (a typed "Paris" would be a place neither platform can target).
  const notCountry = draft.locationTargets?.length ? null : list(draft.locations).find((place) => !/^[A-Za-z]{2}$/.test(place));
  if (notCountry) {
    const message = `"${notCountry}" is not a country code. Find regions and cities with "Find locations" below.`;
    setFieldError(ids.locations, message);
    studio.alert(message);
    return false;
  }
  try {
    const { createAudience: audience } = await graphql(
      `mutation($input: CreateAudienceInput!) { createAudience(input: $input) { ${AUDIENCE_FIELDS} } }`,
      { input: { name: draft.name, locations: list(draft.locations), ageMin: Number(draft.ageMin), ageMax: Number(draft.ageMax), interests: list(draft.interests),
        locationTargets: draft.locationTargets ?? [],
        interestTargets: draft.interestTargets ?? [] } });
    state.audienceId = audience.id;
    state.newAudience = { name: '', locations: '', ageMin: 18, ageMax: 65, interests: '', locationTargets: [], interestTargets: [] };
    studio.save();
    studio.announce(`Audience ${audience.name} saved.`);
    return true;
  } catch (error) {
    const key = error instanceof ApiError ? String(error.field ?? '').replace(/^input\./, '') : '';
    if (ids[key]) setFieldError(ids[key], error.message);
    studio.fail(error);
    return false;
  }
}
