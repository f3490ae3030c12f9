// Targeting picked from the platform's own search (targetingSearch), and Google Search keywords.
import { graphql } from '../api.js';
import { h, replace, field } from '../dom.js';

const ENTRY_FIELDS = 'kind name countryCode googleId metaId detail';
const MATCH_TYPES = ['PHRASE', 'EXACT', 'BROAD'];

/**
 * A search box whose answers (the platform's entries, with their ids) are added to `picked` when chosen.
 * `kind` is LOCATION or INTEREST; `onChange` runs after each pick or removal.
 */
export function targetingPicker({ id, label, kind, platform, picked, onChange, fail }) {
  const chips = h('ul', { class: 'picked', id: `${id}-picked`, 'aria-label': `Chosen ${label.toLowerCase()}` });
  const suggestions = h('ul', { class: 'suggestions', id: `${id}-suggestions`, 'aria-live': 'polite' });
  const query = h('input', { id, type: 'search', maxlength: '100', autocomplete: 'off',
    onkeydown: (event) => { if (event.key === 'Enter') { event.preventDefault(); search(); } } });
  const renderChips = () => replace(chips, picked.map((entry, index) => h('li', { class: 'chip' },
    h('span', {}, entry.detail ? `${entry.name} (${entry.detail})` : entry.name),
    h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${entry.name}`,
      onclick: () => { picked.splice(index, 1); renderChips(); onChange(); } }, '×'))));
  async function search() {
    const text = query.value.trim();
    if (!text) return;
    replace(suggestions, h('li', {}, 'Searching…'));
    try {
      const { targetingSearch } = await graphql(
        `query($p: Platform!, $k: TargetingSearchKind!, $q: String!) { targetingSearch(platform: $p, kind: $k, query: $q) { ${ENTRY_FIELDS} } }`,
        { p: platform, k: kind, q: text });
      replace(suggestions, targetingSearch.length ? targetingSearch.map((entry) => h('li', {},
        h('button', { type: 'button', class: 'suggestion',
          onclick: () => {
            if (!picked.some((other) => other.kind === entry.kind && other.name === entry.name && other.googleId === entry.googleId && other.metaId === entry.metaId)) picked.push(entry);
            replace(suggestions); query.value = ''; renderChips(); onChange();
          } }, entry.detail ? `${entry.name} · ${entry.detail}` : entry.name))) : h('li', {}, 'Nothing found.'));
    } catch (error) {
      replace(suggestions, h('li', {}, 'The search did not answer.'));
      fail(error);
    }
  }
  renderChips();
  return h('div', { class: 'picker' },
    field(label, query, `Search ${platform === 'GOOGLE_ADS' ? 'Google' : 'Meta'}'s own ${kind === 'LOCATION' ? 'locations' : 'interests'}, then choose one.`),
    h('button', { type: 'button', id: `${id}-button`, onclick: search }, 'Search'), suggestions, chips);
}

/** Keywords for a Google Search unit: one per line, with one match type for the list. */
export function keywordsField(state, save) {
  const keywords = state.keywords ?? (state.keywords = { text: '', matchType: 'PHRASE' });
  return h('div', { class: 'keywords' },
    field('Keywords', h('textarea', { id: 'keywords', rows: '4', value: keywords.text,
      oninput: (event) => { keywords.text = event.target.value; save(); } }),
    'One per line, at most 80 characters and 10 words each: Search shows the ads for these searches.'),
    field('Match type', h('select', { id: 'keyword-match', onchange: (event) => { keywords.matchType = event.target.value; save(); } },
      MATCH_TYPES.map((type) => h('option', { value: type, selected: keywords.matchType === type }, type.charAt(0) + type.slice(1).toLowerCase())))));
}

/** The keywords to send with the unit. */
export function keywordInputs(state) {
  const keywords = state.keywords ?? { text: '', matchType: 'PHRASE' };
  return String(keywords.text).split('\n').map((text) => text.trim()).filter(Boolean)
    .map((text) => ({ text, matchType: keywords.matchType }));
}
