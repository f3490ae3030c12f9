// Step 1: what the campaign is for; each platform maps it to its own campaign objective.
import { h } from '../dom.js';
import { stepNav } from './nav.js';

const OBJECTIVES = [
  { value: 'LEADS', title: 'Leads', text: 'Collect sign-ups and contact details from interested people.' },
  { value: 'TRAFFIC', title: 'Traffic', text: 'Send people to your website or landing page.' },
  { value: 'SALES', title: 'Sales', text: 'Find people likely to buy your product.' },
];

export const objectiveStep = {
  id: 'objective',
  title: 'Objective',
  reachable: () => true,
  render(container, studio) {
    const { state } = studio;
    container.append(
      h('fieldset', { class: 'choices' },
        h('legend', {}, 'What should this campaign achieve?'),
        OBJECTIVES.map((objective) => h('label', { class: 'choice' },
          h('input', {
            type: 'radio', name: 'objective', value: objective.value, checked: state.objective === objective.value,
            onchange: () => { state.objective = objective.value; studio.save(); },
          }),
          h('span', { class: 'choice-title' }, objective.title),
          h('span', { class: 'choice-text' }, objective.text)))),
      stepNav(studio, { back: false, check: () => (state.objective ? null : 'Choose an objective to continue.') }));
  },
};
