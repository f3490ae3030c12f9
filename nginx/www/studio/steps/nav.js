// The Back / Next buttons every step ends with.
import { h } from '../dom.js';

/** `check` returns a message when the step is not finished, or null to move on. */
export function stepNav(studio, { check = () => null, nextLabel = 'Next', onNext, back = true } = {}) {
  return h('div', { class: 'step-nav' },
    back ? h('button', { type: 'button', onclick: () => studio.back() }, 'Back') : h('span'),
    h('button', { type: 'button', class: 'primary', id: 'next', onclick: async () => {
      const problem = check();
      if (problem) return studio.alert(problem);
      if (onNext) await onNext();
      else studio.next();
    } }, nextLabel));
}
