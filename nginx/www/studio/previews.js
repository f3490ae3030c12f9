// Draws the server's previews (Query.adPreview) as Google Search and Meta Feed show ads. Everything
// shown comes from the preview: the page has no platform rules of its own.
import { graphql } from './api.js';
import { h, replace } from './dom.js';

export const PREVIEW_FIELDS = `
  platform placement badge advertiserName sponsoredLabel displayUrl domain headline
  headlineParts { text length maxLength tooLong shown }
  primaryText primaryTextVisibleLength description imageUrl callToActionLabel
  warnings { code severity field part message }`;

/** The server's previews of `input` (an AdPreviewInput), one per platform asked for. */
export async function fetchPreviews(input) {
  const { adPreview } = await graphql(`query($input: AdPreviewInput!) { adPreview(input: $input) { ${PREVIEW_FIELDS} } }`, { input });
  return adPreview;
}

const TITLES = { GOOGLE_SEARCH: 'Google Search', META_FEED: 'Meta Feed' };

/** One line for screen readers: the placement and what it would refuse (not the whole ad, re-read on every key). */
export function previewSummary(preview) {
  const title = TITLES[preview.placement] ?? preview.placement;
  return preview.warnings.length ? `${title}: ${preview.warnings.map((w) => w.message).join(' ')}` : `${title}: fits this placement.`;
}

/** Draws one preview into `container` (its own <section>). */
export function drawPreview(container, preview) {
  const ad = preview.placement === 'GOOGLE_SEARCH' ? googleSearchAd(preview) : metaFeedAd(preview);
  replace(container,
    h('h3', { class: 'preview-title' }, TITLES[preview.placement] ?? preview.placement),
    ad,
    warningList(preview));
  container.dataset.placement = preview.placement;
}

/** The headline parts, a part over the platform's limit marked for eyes and screen readers. */
function headlineParts(preview, separator) {
  const nodes = [];
  preview.headlineParts.forEach((part, index) => {
    if (!part.shown) return;
    if (index > 0) nodes.push(separator);
    const warning = preview.warnings.find((w) => w.code === 'HEADLINE_TOO_LONG' && w.part === index);
    nodes.push(h('span', {
      class: part.tooLong ? 'part too-long' : 'part',
      'data-part': String(index),
      title: part.tooLong ? (warning?.message ?? `${part.length}/${part.maxLength} characters`) : null,
    }, part.text, part.tooLong ? h('span', { class: 'visually-hidden' }, ` (too long: ${part.length} of ${part.maxLength} characters)`) : null));
  });
  return nodes;
}

function googleSearchAd(preview) {
  return h('article', { class: 'google-ad', 'aria-label': 'Google Search ad' },
    h('div', { class: 'g-top' },
      h('span', { class: 'g-badge' }, preview.badge ?? ''),
      h('span', { class: 'g-sep', 'aria-hidden': 'true' }, ' · '),
      h('span', { class: 'g-url' }, preview.displayUrl ?? '')),
    h('div', { class: 'g-headline', role: 'heading', 'aria-level': '4' },
      preview.headlineParts.length ? headlineParts(preview, ' | ') : h('span', { class: 'placeholder' }, 'Your headline')),
    preview.description ? h('p', { class: 'g-description' }, preview.description) : null,
    rotated(preview));
}

/** Headlines the placement takes but does not show at once (Google rotates them in). */
function rotated(preview) {
  const hidden = preview.headlineParts.filter((part) => !part.shown).length;
  return hidden ? h('p', { class: 'g-rotated hint' }, `+ ${hidden} more headline${hidden === 1 ? '' : 's'} shown in turn`) : null;
}

/** Each headline part's length against each placement's limit: "Google Search 24/30 · 7/30 — Meta Feed 24/40". */
export function partCounts(previews) {
  return previews.filter((p) => p.headlineParts.length)
    .map((p) => `${TITLES[p.placement] ?? p.placement} ${p.headlineParts.map((part) => `${part.length}/${part.maxLength}`).join(' · ')}`)
    .join(' — ');
}

function metaFeedAd(preview) {
  const initial = (preview.advertiserName ?? '?').trim().charAt(0).toUpperCase();
  return h('article', { class: 'meta-ad', 'aria-label': 'Meta Feed ad' },
    h('header', { class: 'm-header' },
      h('div', { class: 'm-avatar', 'aria-hidden': 'true' }, initial),
      h('div', {},
        h('div', { class: 'm-page' }, preview.advertiserName ?? ''),
        h('div', { class: 'm-sponsored' }, preview.sponsoredLabel ?? '', h('span', { class: 'm-globe', 'aria-hidden': 'true' }, ' · ', globe()))),
      h('div', { class: 'm-more', 'aria-hidden': 'true' }, '···')),
    preview.primaryText ? primaryText(preview) : null,
    preview.imageUrl
      ? h('img', { class: 'm-image', src: preview.imageUrl, alt: 'The ad image', onerror: (event) => {
        event.target.replaceWith(h('div', { class: 'm-image m-image-empty m-image-broken' }, `The image at ${preview.imageUrl} cannot be loaded.`));
      } })
      : h('div', { class: 'm-image m-image-empty' }, 'No image'),
    h('div', { class: 'm-card' },
      h('div', { class: 'm-card-text' },
        h('div', { class: 'm-domain' }, preview.domain ?? ''),
        h('div', { class: 'm-headline' }, preview.headlineParts.length ? headlineParts(preview, '') : h('span', { class: 'placeholder' }, 'Your headline'))),
      preview.callToActionLabel ? h('span', { class: 'm-cta', role: 'presentation' }, preview.callToActionLabel) : null),
    h('footer', { class: 'm-actions', 'aria-hidden': 'true' }, h('span', {}, 'Like'), h('span', {}, 'Comment'), h('span', {}, 'Share')));
}

/** The feed's text above the image, cut where Meta cuts it, with "See more" to read the rest as Meta does. */
function primaryText(preview) {
  const cut = preview.primaryTextVisibleLength;
  if (cut == null) return h('p', { class: 'm-primary' }, preview.primaryText);
  // The server counts characters as people see them (grapheme clusters), as the platforms do.
  const shown = [...new Intl.Segmenter().segment(preview.primaryText)].slice(0, cut).map((s) => s.segment).join('').trimEnd();
  const paragraph = h('p', { class: 'm-primary' }, shown, '… ', h('button', {
    type: 'button', class: 'm-see-more', onclick: () => replace(paragraph, preview.primaryText),
  }, 'See more'));
  return paragraph;
}

const SEVERITY_LABELS = { BLOCKING: 'Refused', REVIEW_RISK: 'Likely disapproved', NOTE: 'Note' };

/** One warning, marked by its severity in words as well as colour: refused, likely disapproved at review, or a note. */
export function warningItem(warning) {
  return h('li', { 'data-code': warning.code, 'data-field': warning.field, 'data-severity': warning.severity, class: `severity-${warning.severity.toLowerCase()}` },
    h('span', { class: 'severity-label' }, `${SEVERITY_LABELS[warning.severity] ?? warning.severity}: `), warning.message);
}

function warningList(preview) {
  if (!preview.warnings.length) return h('p', { class: 'preview-ok' }, '✓ Fits this placement.');
  return h('ul', { class: 'preview-warnings', 'aria-label': `${TITLES[preview.placement]} warnings` }, preview.warnings.map(warningItem));
}

/** The small globe Meta shows after "Sponsored" (public audience), drawn inline: no icon font needed. */
function globe() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.innerHTML = '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/>'
    + '<ellipse cx="8" cy="8" rx="2.8" ry="6.5" fill="none" stroke="currentColor" stroke-width="1.1"/>'
    + '<path d="M1.8 6h12.4M1.8 10h12.4" stroke="currentColor" stroke-width="1.1"/>';
  return svg;
}
