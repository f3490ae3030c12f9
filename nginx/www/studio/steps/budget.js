// Step 4: how much the campaign spends and when it runs, chosen before the creative so the review and its checks
// start from them. The server checks them again when the draft is saved (amount format, currency, dates).
import { h, field } from '../dom.js';
import { stepNav } from './nav.js';

/** What is missing or inconsistent in the budget and dates, or null. */
export function budgetProblem(state) {
  if (!(Number(state.budget.amount) > 0)) return 'Enter a budget amount greater than 0.';
  if (state.budget.type === 'LIFETIME' && !state.dates?.end) return 'Enter an end date: a lifetime budget needs one on both platforms.';
  if (state.dates?.start && state.dates?.end && state.dates.end < state.dates.start) return 'The end date must not be before the start date.';
  return null;
}

export const budgetStep = {
  id: 'budget',
  title: 'Budget & schedule',
  reachable: (state) => Boolean(state.audienceId),
  render(container, studio) {
    const { state } = studio;
    const account = state.adAccount;
    const dates = state.dates ?? (state.dates = { start: '', end: '' });
    const type = h('select', { id: 'budget-type', onchange: (e) => { state.budget.type = e.target.value; studio.save(); } },
      h('option', { value: 'DAILY', selected: state.budget.type === 'DAILY' }, 'Daily'),
      h('option', { value: 'LIFETIME', selected: state.budget.type === 'LIFETIME' }, 'Lifetime'));
    const amount = h('input', { id: 'budget-amount', inputmode: 'decimal', value: state.budget.amount, placeholder: '50.00',
      oninput: (e) => { state.budget.amount = e.target.value; studio.save(); } });
    const startDate = h('input', { id: 'start-date', type: 'date', value: dates.start, oninput: (e) => { dates.start = e.target.value; studio.save(); } });
    const endDate = h('input', { id: 'end-date', type: 'date', value: dates.end, oninput: (e) => { dates.end = e.target.value; studio.save(); } });
    container.append(
      h('div', { class: 'row' },
        field('Budget', type, 'Daily: spent each day. Lifetime: spent over the whole schedule.'),
        field(`Amount (${account?.currency ?? ''})`, amount, 'Greater than 0, at most two decimals.')),
      h('div', { class: 'row' },
        field('Start date', startDate, 'Optional: from the launch.'),
        field('End date', endDate, 'Required with a lifetime budget.')),
      stepNav(studio, { check: () => budgetProblem(state) }));
  },
};
