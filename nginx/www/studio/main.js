// The Creative Studio: an API key once per browser session, then the wizard
// objective → connection → audience → creative → review → launch & status.
import { apiKey, setApiKey, graphql, ApiError } from './api.js';
import { h, replace, field } from './dom.js';
import { loadState, saveState, resetState, initialState } from './state.js';
import { objectiveStep } from './steps/objective.js';
import { connectionStep, finishConnecting } from './steps/connection.js';
import { audienceStep } from './steps/audience.js';
import { budgetStep } from './steps/budget.js';
import { creativeStep } from './steps/creative.js';
import { reviewStep } from './steps/review.js';
import { statusStep } from './steps/status.js';
import { campaignsView } from './steps/campaigns.js';
import { performanceView } from './steps/performance.js';

const STEPS = [objectiveStep, connectionStep, audienceStep, budgetStep, creativeStep, reviewStep, statusStep];
/** Views outside the wizard's order. */
const VIEWS = [campaignsView, performanceView];

const app = document.getElementById('app');
const stepList = document.getElementById('steps');
const announcer = document.getElementById('announcer');
const alertBox = document.getElementById('alert');

/** What steps share: the state, navigation and messages. */
export const studio = {
  state: loadState(),
  capabilities: { mutations: new Set() },
  save() { saveState(this.state); },
  go(id) { showStep(id); },
  next() {
    const index = STEPS.findIndex((step) => step.id === this.state.step);
    showStep(STEPS[Math.min(index + 1, STEPS.length - 1)].id);
  },
  back() {
    const index = STEPS.findIndex((step) => step.id === this.state.step);
    showStep(STEPS[Math.max(index - 1, 0)].id);
  },
  /** A problem the user must see now (role=alert), or null to clear it. */
  alert(message) {
    alertBox.hidden = !message;
    replace(alertBox, message ?? '');
  },
  /** A server refusal as a clear message; an invalid key sends the user back to the key form. */
  fail(error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      setApiKey(null);
      showKeyForm('The server did not accept the API key. Enter it again.');
      return;
    }
    // A refused launch lists every problem in extensions.problems; show each, not only the summary.
    const messages = error instanceof ApiError
      ? error.errors.flatMap((e) => (Array.isArray(e.extensions?.problems) && e.extensions.problems.length
        ? e.extensions.problems.map((p) => p.message)
        : [e.message]))
      : [String(error.message ?? error)];
    // Only the server's answers are called refusals; the page's own messages stand alone.
    const refused = error instanceof ApiError;
    this.alert(h('div', {}, refused ? h('strong', {}, 'The server refused this: ') : null, messages.length === 1 ? messages[0] : h('ul', {}, messages.map((m) => h('li', {}, m)))));
  },
  announce(message) { announcer.textContent = message; },
  /** Good news shown above the step (and read out). */
  notice(message) {
    const note = h('p', { class: 'notice', id: 'notice', role: 'status' }, message);
    app.prepend(note);
  },
  reset() {
    resetState();
    this.state = initialState();
    showStep('objective');
  },
};

function drawStepList() {
  const current = STEPS.findIndex((step) => step.id === studio.state.step);
  replace(stepList, STEPS.map((step, index) => h('li', {},
    h('button', {
      type: 'button',
      class: 'step-link',
      'aria-current': index === current ? 'step' : null,
      disabled: index > current && !step.reachable?.(studio.state),
      onclick: () => showStep(step.id),
    }, h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(index + 1)), ' ', h('span', { class: 'step-title' }, step.title)))));
}

function showStep(id) {
  const step = [...STEPS, ...VIEWS].find((candidate) => candidate.id === id) ?? STEPS[0];
  studio.state.step = step.id;
  studio.save();
  studio.alert(null);
  drawStepList();
  const heading = h('h2', { tabindex: '-1', id: 'step-heading' }, step.title);
  const body = h('div', { class: `step step-${step.id}` });
  replace(app, heading, body);
  step.render(body, studio);
  heading.focus();
  studio.announce(STEPS.includes(step) ? `Step ${STEPS.indexOf(step) + 1} of ${STEPS.length}: ${step.title}` : step.title);
}

function showKeyForm(message) {
  stepList.hidden = true;
  document.getElementById('key-bar').hidden = true;
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'key-form', onsubmit: async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    setApiKey(key);
    await start();
  } },
  h('h2', { tabindex: '-1' }, 'Sign in with your API key'),
  h('p', {}, 'The key is kept in this browser tab only (session storage) and sent with every request.'),
  field('API key', input, 'Your organization\'s administrator gives you its API key.'),
  h('button', { type: 'submit', class: 'primary' }, 'Continue'));
  replace(app, form);
  studio.alert(message ?? null);
  input.focus();
}

async function start() {
  if (!apiKey()) return showKeyForm();
  try {
    const data = await graphql('{ organization { name } __schema { mutationType { fields { name } } } }');
    studio.organization = data.organization;
    studio.capabilities.mutations = new Set(data.__schema.mutationType.fields.map((f) => f.name));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      setApiKey(null);
      return showKeyForm('The server did not accept the API key. Check it and try again.');
    }
    replace(app, h('p', {}, 'The Creative Studio cannot start.'));
    return studio.fail(error);
  }
  stepList.hidden = false;
  const bar = document.getElementById('key-bar');
  bar.hidden = false;
  replace(bar,
    h('span', {}, 'Signed in as ', h('strong', { id: 'organization-name' }, studio.organization.name)),
    h('button', { type: 'button', class: 'link', id: 'show-campaigns', onclick: () => showStep('campaigns') }, 'Campaigns'),
    h('button', { type: 'button', class: 'link', id: 'show-performance', onclick: () => showStep('performance') }, 'Performance'),
    h('button', { type: 'button', class: 'link', onclick: () => studio.reset() }, 'New campaign'),
    h('button', { type: 'button', class: 'link', onclick: () => { setApiKey(null); resetState(); studio.state = initialState(); showKeyForm(); } }, 'Sign out'));
  let connected = null;
  try {
    connected = await finishConnecting(studio);
  } catch (error) {
    showStep('connection');
    return studio.fail(error);
  }
  showStep(studio.state.step);
  if (connected) {
    studio.notice(connected);
  }
}

start();
