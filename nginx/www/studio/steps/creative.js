// Step 4: the creative, in a split screen: inputs on the left, the server's Google Search and Meta
// Feed previews on the right, redrawn as the user types. A chosen image shows in the Meta preview at
// once (a local blob: URL) and is replaced by the uploaded file's URL when the upload finishes.
import { graphql, fileToBase64, ApiError } from '../api.js';
import { h, field, setFieldError } from '../dom.js';
import { drawPreview, fetchPreviews, previewSummary, partCounts } from '../previews.js';
import { stepNav } from './nav.js';

export const CALLS_TO_ACTION = ['SHOP_NOW', 'LEARN_MORE', 'SIGN_UP', 'BOOK_NOW', 'CONTACT_US', 'DOWNLOAD', 'GET_OFFER', 'SUBSCRIBE'];
export const ctaLabel = (value) => value.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');

const FIELD_IDS = { headline: 'headline', description: 'description', mediaUrl: 'media-file', callToAction: 'call-to-action', landingUrl: 'landing-url' };

export const creativeStep = {
  id: 'creative',
  title: 'Creative',
  reachable: (state) => Boolean(state.audienceId),
  render(container, studio) {
    const { state } = studio;
    const creative = state.creative;
    // Not a live region: both ads are redrawn as the user types; what they would refuse is announced when it changes.
    // The campaign's own platform first: on a phone it is the one in sight while typing.
    const googlePreview = h('section', { class: 'preview', id: 'preview-google', 'data-platform': 'GOOGLE_ADS', 'aria-label': 'Google Search preview' });
    const metaPreview = h('section', { class: 'preview', id: 'preview-meta', 'data-platform': 'META_ADS', 'aria-label': 'Meta Feed preview' });
    const previewRegion = h('div', { class: 'previews', id: 'previews', 'aria-busy': 'true' },
      state.adAccount?.platform === 'GOOGLE_ADS' ? [googlePreview, metaPreview] : [metaPreview, googlePreview]);
    const refresh = previewUpdater(studio, previewRegion);

    const text = (id, key, attributes = {}) => h(attributes.multiline ? 'textarea' : 'input', {
      id, value: creative[key], ...attributes, multiline: null,
      oninput: (event) => { creative[key] = event.target.value; studio.save(); refresh(); },
    });
    const counter = (id, key) => h('span', { class: 'counter', id: `${id}-count`, 'aria-hidden': 'true' }, `${creative[key].length} characters`);

    const fileInput = h('input', { id: 'media-file', type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp' });
    const uploadStatus = h('p', { class: 'upload-status', id: 'upload-status', role: 'status' },
      creative.mediaUrl ? 'Image uploaded.' : 'No image.');
    const removeImage = h('button', { type: 'button', class: 'link', hidden: !creative.mediaUrl, onclick: () => {
      uploadsStarted += 1; // an upload still running must not bring the image back
      creative.mediaUrl = ''; fileInput.value = ''; removeImage.hidden = true; uploadStatus.textContent = 'No image.';
      studio.save(); refresh();
    } }, 'Remove image');
    fileInput.addEventListener('change', () => upload(studio, fileInput, uploadStatus, removeImage, refresh));

    const cta = h('select', { id: 'call-to-action', onchange: (event) => { creative.callToAction = event.target.value; studio.save(); refresh(); } },
      CALLS_TO_ACTION.map((value) => h('option', { value, selected: value === creative.callToAction }, ctaLabel(value))));

    const headline = text('headline', 'headline', { autocomplete: 'off' });
    const description = text('description', 'description', { multiline: true, rows: '3' });
    // The headline's counter is each part against each platform's limit, from the server's previews (see below).
    description.addEventListener('input', () => { document.getElementById('description-count').textContent = `${creative.description.length} characters`; });

    // Google's responsive search ads take 3 to 15 headlines and 2 to 4 descriptions: more of each, one per line.
    const google = state.adAccount?.platform === 'GOOGLE_ADS';
    const more = google ? [
      field('More headlines', text('more-headlines', 'moreHeadlines', { multiline: true, rows: '3' }),
        'One per line, at most 30 characters each. Google needs 3 to 15 headlines in all, counting the headline\'s " | " parts.'),
      field('More descriptions', text('more-descriptions', 'moreDescriptions', { multiline: true, rows: '2' }),
        'One per line, at most 90 characters each. Google needs 2 to 4 descriptions in all.'),
    ] : [];
    const inputs = h('form', { class: 'creative-inputs', onsubmit: (event) => event.preventDefault() },
      field('Headline', headline, 'Separate headline parts with " | ": Google shows them side by side, Meta\'s card shows the first.'),
      counter('headline', 'headline'),
      field('Description', description, 'Google shows it under the headline; Meta shows it above the image.'),
      counter('description', 'description'),
      ...more,
      field('Image', fileInput, 'JPEG, PNG, GIF or WebP, up to 5 MB. Search ads show no image.'),
      uploadStatus, removeImage,
      field('Call to action', cta),
      field('Landing page URL', text('landing-url', 'landingUrl', { type: 'url', placeholder: 'https://www.example.com/offer', autocomplete: 'url' })));

    container.append(
      h('div', { class: 'split' },
        h('div', { class: 'split-left' }, inputs),
        h('div', { class: 'split-right' }, h('p', { class: 'hint' }, `Your campaign runs on ${state.adAccount?.platform === 'GOOGLE_ADS' ? 'Google Ads' : 'Meta'}; both previews are shown so you can judge every format.`), previewRegion)),
      stepNav(studio, { check: () => {
        if (!creative.headline.trim()) return 'Write a headline.';
        if (!creative.landingUrl.trim()) return 'Enter the landing page URL.';
        if (creative.mediaUrl.startsWith('blob:')) return 'Wait until the image is uploaded.';
        return null;
      } }));
    refresh();
  },
};

/** Asks the server for both previews, at most one request in flight, the latest input winning. */
function previewUpdater(studio, region) {
  let timer = null;
  let sequence = 0;
  let announced = null; // the warnings last announced (codes); the first drawing is not announced (the step's title is)
  return function refresh() {
    clearTimeout(timer);
    region.setAttribute('aria-busy', 'true');
    timer = setTimeout(async () => {
      const mine = ++sequence;
      const creative = studio.state.creative;
      try {
        const adPreview = await fetchPreviews({
          headline: creative.headline, description: creative.description || null, mediaUrl: creative.mediaUrl || null,
          callToAction: creative.callToAction, landingUrl: creative.landingUrl, platforms: ['GOOGLE_ADS', 'META_ADS'],
        });
        if (mine !== sequence) return;
        for (const preview of adPreview) {
          const container = region.querySelector(`[data-platform="${preview.platform}"]`);
          if (container) drawPreview(container, preview);
        }
        const counts = document.getElementById('headline-count');
        if (counts) counts.textContent = partCounts(adPreview) || '0 characters';
        for (const [key, id] of Object.entries(FIELD_IDS)) {
          if (key !== 'mediaUrl') setFieldError(id, null);
        }
        region.setAttribute('aria-busy', 'false');
        region.dataset.version = String(mine);
        // Announced when a warning comes or goes, not at every key while a part stays too long.
        const codes = adPreview.map((p) => `${p.placement}:${p.warnings.map((w) => `${w.code}/${w.part ?? ''}`).join(',')}`).join(' ');
        if (announced !== null && codes !== announced) studio.announce(adPreview.map(previewSummary).join(' '));
        announced = codes;
      } catch (error) {
        if (mine === sequence) studio.fail(error);
      }
    }, 120);
  };
}

/** Counts the uploads started: only the last file chosen may set the image, whichever upload finishes last. */
let uploadsStarted = 0;

/** What uploadMedia takes (its documented limits), checked before the bytes are read and sent. */
const IMAGE_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP' };
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

function imageProblem(file) {
  if (!IMAGE_TYPES[file.type]) return `${file.name} is not a JPEG, PNG, GIF or WebP image.`;
  if (file.size > IMAGE_MAX_BYTES) return `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; an image can be at most 5 MB.`;
  return null;
}

async function upload(studio, input, status, removeButton, refresh) {
  const file = input.files?.[0];
  if (!file) return;
  const problem = imageProblem(file);
  if (problem) {
    input.value = '';
    setFieldError('media-file', problem);
    return;
  }
  const mine = ++uploadsStarted;
  const creative = studio.state.creative;
  // An image still uploading (blob:) is no image to go back to: this choice replaces it.
  const previous = creative.mediaUrl.startsWith('blob:') ? '' : creative.mediaUrl;
  setFieldError('media-file', null);
  creative.mediaUrl = URL.createObjectURL(file);
  status.textContent = `Uploading ${file.name}…`;
  refresh();
  try {
    const { uploadMedia } = await graphql(
      'mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url byteSize } }',
      { input: { filename: file.name, contentType: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) } });
    if (mine !== uploadsStarted) return;
    creative.mediaUrl = uploadMedia.url;
    status.textContent = `Uploaded ${file.name} (${Math.round(uploadMedia.byteSize / 1024)} KB).`;
    removeButton.hidden = false;
  } catch (error) {
    if (mine !== uploadsStarted) return;
    creative.mediaUrl = previous;
    input.value = '';
    status.textContent = previous ? 'The previous image is kept.' : 'No image.';
    // Too large for nginx or the responder (both say PAYLOAD_TOO_LARGE): said in the user's terms.
    const tooLarge = error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE';
    setFieldError('media-file', tooLarge ? `${file.name} is too large to upload (${(file.size / 1048576).toFixed(1)} MB).`
      : error instanceof ApiError ? error.message : 'The image could not be uploaded.');
    studio.fail(error);
  }
  studio.save();
  refresh();
}
