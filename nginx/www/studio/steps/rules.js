// Automated rules: the list with each rule's last outcome, switching a rule on and off, deleting it, running
// every rule now, and the form that adds one (a threshold on a figure, or a pause or resume at a moment).
import { graphql, ApiError } from '../api.js';
import { h, replace, field, setFieldError } from '../dom.js';

const RULE = 'id name kind metric comparison threshold windowDays minimumClicks runAt action dryRun enabled firedAt campaign { id name } runs(first: 1) { outcome message createdAt }';

const METRICS = {
  COST_PER_CONVERSION: 'Cost per conversion (CPA)', CPC: 'Cost per click', CPM: 'Cost per 1,000 impressions', CTR: 'Click-through rate (ratio)',
  CONVERSION_RATE: 'Conversion rate (ratio)', ROAS: 'ROAS (ratio)', SPEND: 'Spend', CLICKS: 'Clicks', IMPRESSIONS: 'Impressions',
  CONVERSIONS: 'Conversions', CONVERSION_VALUE: 'Conversion value', PACING: 'Budget pacing (ratio, 1.2 = 120 %)',
};
const ACTIONS = { PAUSE: 'Pause the campaign', RESUME: 'Resume the campaign', ALERT: 'Raise an alert' };
/** How a rule's sentence starts, by action. */
const VERBS = { PAUSE: 'Pause', RESUME: 'Resume', ALERT: 'Alert on' };
const OUTCOMES = {
  PAUSED: 'paused', RESUMED: 'resumed', ALERTED: 'alerted', WOULD_PAUSE: 'would pause (dry run)', WOULD_RESUME: 'would resume (dry run)',
  WOULD_ALERT: 'would alert (dry run)', FAILED: 'failed',
};

/** A rule in one sentence. */
function describe(rule) {
  const scope = rule.campaign ? `“${rule.campaign.name}”` : 'every campaign';
  if (rule.kind === 'SCHEDULE') return `${VERBS[rule.action]} ${scope} at ${new Date(rule.runAt).toLocaleString()}${rule.firedAt ? ' (done)' : ''}.`;
  const days = rule.windowDays === 1 ? 'today' : `over the last ${rule.windowDays} days`;
  const volume = rule.minimumClicks > 0 ? `, once it has ${rule.minimumClicks} clicks` : '';
  return `${VERBS[rule.action]} ${scope} when ${METRICS[rule.metric].toLowerCase()} is ${rule.comparison === 'GREATER_THAN' ? 'above' : 'below'} ${rule.threshold} ${days}${volume}.`;
}

/** What createAutomationRule and updateAutomationRule take, from a rule as listed. */
function inputOf(rule) {
  return {
    name: rule.name, kind: rule.kind, campaignId: rule.campaign?.id ?? null, metric: rule.metric, comparison: rule.comparison,
    threshold: rule.threshold, windowDays: rule.windowDays, minimumClicks: rule.minimumClicks, runAt: rule.runAt, action: rule.action,
    dryRun: rule.dryRun, enabled: rule.enabled,
  };
}

export function rulesPanel(section, studio, { onChange }) {
  const load = async (focusID) => {
    try {
      const { automationRules, campaigns } = await graphql(`{ automationRules { ${RULE} } campaigns(first: 100) { edges { node { id name status } } } }`);
      draw(automationRules, campaigns.edges.map((e) => e.node));
      if (focusID) document.getElementById(focusID)?.focus();
    } catch (error) {
      studio.fail(error);
    }
  };

  const draw = (rules, campaigns) => {
    replace(section,
      h('div', { class: 'section-heading' },
        h('h3', { id: 'rules-heading', tabindex: '-1' }, 'Automated rules'),
        h('button', { type: 'button', id: 'run-rules', onclick: async () => {
          try {
            const { evaluateAutomationRules: runs } = await graphql('mutation { evaluateAutomationRules { outcome message } }');
            studio.announce(runs.length ? `${runs.length} rule evaluation${runs.length === 1 ? '' : 's'} acted or would act.` : 'No rule had anything to do.');
            await load('run-rules');
            onChange();
          } catch (error) {
            studio.fail(error);
          }
        } }, 'Run rules now')),
      h('p', { class: 'hint' }, 'Rules are evaluated after every metrics sync. A pause or resume goes to the platform first and is written to the campaign\'s execution log.'),
      rules.length
        ? h('ul', { class: 'rule-list' }, rules.map((rule) => h('li', { 'data-rule': rule.id },
          h('strong', {}, rule.name), ' ',
          rule.dryRun ? h('span', { class: 'badge' }, 'Dry run') : null, ' ',
          rule.enabled ? null : h('span', { class: 'badge' }, 'Off'),
          h('div', {}, describe(rule)),
          rule.runs[0] ? h('div', { class: 'hint' }, `Last: ${OUTCOMES[rule.runs[0].outcome]} on ${new Date(rule.runs[0].createdAt).toLocaleString()} — ${rule.runs[0].message}`) : null,
          h('button', { type: 'button', id: `toggle-${rule.id}`, onclick: async () => {
            try {
              await graphql('mutation($id: ID!, $input: AutomationRuleInput!) { updateAutomationRule(id: $id, input: $input) { id } }',
                { id: rule.id, input: { ...inputOf(rule), enabled: !rule.enabled } });
              studio.announce(`${rule.name} is ${rule.enabled ? 'off' : 'on'}.`);
              await load(`toggle-${rule.id}`);
            } catch (error) {
              studio.fail(error);
            }
          } }, rule.enabled ? 'Turn off' : 'Turn on'), ' ',
          h('button', { type: 'button', id: `delete-${rule.id}`, onclick: async () => {
            try {
              await graphql('mutation($id: ID!) { deleteAutomationRule(id: $id) }', { id: rule.id });
              studio.announce(`${rule.name} was deleted.`);
              await load('rules-heading');
              onChange();
            } catch (error) {
              studio.fail(error);
            }
          } }, 'Delete'))))
        : h('p', { class: 'hint', id: 'no-rules' }, 'No rules yet.'),
      ruleForm(studio, campaigns, () => load('rules-heading')));
  };
  load();
}

function ruleForm(studio, campaigns, saved) {
  const name = h('input', { id: 'rule-name', maxlength: '200', required: true });
  const kind = h('select', { id: 'rule-kind' }, h('option', { value: 'METRIC' }, 'When a figure crosses a threshold'), h('option', { value: 'SCHEDULE' }, 'At a date and time'));
  const metric = h('select', { id: 'rule-metric' }, Object.entries(METRICS).map(([value, label]) => h('option', { value }, label)));
  const comparison = h('select', { id: 'rule-comparison' }, h('option', { value: 'GREATER_THAN' }, 'is above'), h('option', { value: 'LESS_THAN' }, 'is below'));
  const threshold = h('input', { id: 'rule-threshold', inputmode: 'decimal' });
  const windowDays = h('input', { id: 'rule-windowDays', type: 'number', min: '1', max: '90', value: '3' });
  const minimumClicks = h('input', { id: 'rule-minimumClicks', type: 'number', min: '0', value: '50' });
  const runAt = h('input', { id: 'rule-runAt', type: 'datetime-local' });
  const action = h('select', { id: 'rule-action' }, Object.entries(ACTIONS).map(([value, label]) => h('option', { value }, label)));
  const campaign = h('select', { id: 'rule-campaignId' }, h('option', { value: '' }, 'Every campaign'),
    campaigns.map((c) => h('option', { value: c.id }, c.name)));
  const dryRun = h('input', { id: 'rule-dryRun', type: 'checkbox' });
  const metricFields = h('div', {}, field('Figure', metric), field('Comparison', comparison),
    field('Threshold', threshold, 'Money in the campaign\'s currency; ratios as ratios (0.02 is 2 %).'),
    field('Days the figures cover', windowDays, 'Today included, 1 to 90.'),
    field('Clicks needed first', minimumClicks, 'The rule judges a campaign only once it has this many clicks in those days.'));
  const scheduleFields = h('div', { hidden: true }, field('When', runAt, 'In your time zone.'));
  kind.addEventListener('change', () => {
    metricFields.hidden = kind.value !== 'METRIC';
    scheduleFields.hidden = kind.value !== 'SCHEDULE';
  });
  const form = h('form', { class: 'rule-form', onsubmit: async (event) => {
    event.preventDefault();
    for (const id of ['name', 'metric', 'threshold', 'windowDays', 'minimumClicks', 'runAt', 'action', 'campaignId']) setFieldError(`rule-${id}`, null);
    const schedule = kind.value === 'SCHEDULE';
    const input = {
      name: name.value, kind: kind.value, campaignId: campaign.value || null, action: action.value, dryRun: dryRun.checked,
      ...(schedule
        ? { runAt: runAt.value ? new Date(runAt.value).toISOString() : null }
        : { metric: metric.value, comparison: comparison.value, threshold: threshold.value.trim() || null,
          windowDays: Number(windowDays.value), minimumClicks: Number(minimumClicks.value) }),
    };
    try {
      await graphql('mutation($input: AutomationRuleInput!) { createAutomationRule(input: $input) { id } }', { input });
      studio.announce(`The rule ${input.name} was added.`);
      saved();
    } catch (error) {
      const fieldName = error instanceof ApiError ? error.field?.replace(/^input\./, '') : null;
      if (!(fieldName && setFieldError(`rule-${fieldName}`, error.message))) studio.fail(error);
      else document.getElementById(`rule-${fieldName}`)?.focus();
    }
  } },
  h('h4', {}, 'New rule'),
  field('Name', name), field('Kind', kind), metricFields, scheduleFields, field('Action', action), field('Campaign', campaign),
  h('div', { class: 'field checkbox' }, dryRun, h('label', { for: 'rule-dryRun' }, 'Dry run: only report what the rule would do')),
  h('button', { type: 'submit', class: 'primary', id: 'rule-save' }, 'Add rule'));
  return form;
}
