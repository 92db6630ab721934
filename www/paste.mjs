// Pasting a request body copied from Huawei's price calculator or API Explorer: read as JSON, loaded into the
// form in the mode its fields say, and checked with the package's own rules (the catalogue's notes apart).
import { MODES, fromInquiry, plural } from './estimate.mjs';
import { el } from './dom.mjs';

const $ = (id) => document.getElementById(id);

/** Wires "Load into the form"; `page` has `state()`, `load(state)` and `check(input)` (problems and notes). */
export function wirePaste(page) {
  $('paste-load').addEventListener('click', () => loadPasted(page));
}

function loadPasted(page) {
  const out = $('paste-result');
  const text = $('paste-text').value;
  let payload;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    out.replaceChildren(el('p', { class: 'field-error', text: `Not JSON: ${error.message}` }));
    return;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    out.replaceChildren(el('p', { class: 'field-error', text: 'Paste a JSON object: the body of a rating request.' }));
    return;
  }
  const before = page.state();
  page.load(fromInquiry(payload, before.mode, before.language));
  const state = page.state();
  const { problems: violations, notes: found } = page.check(text);
  const label = MODES[state.mode].label.toLowerCase();
  const line = (v) => el('li', { text: v.path ? `${v.path}: ${v.message}` : v.message });
  const summary = violations.length === 0
    ? el('p', { text: `Loaded as a ${label} estimate with ${plural(state.items.length, 'item')}; no problems found.` })
    : el('div', {}, el('p', { text: `Loaded as a ${label} estimate; the payload breaks ${violations.length} rule(s):` }),
      el('ul', {}, ...violations.map(line)));
  const catalogue = found.length === 0 ? '' : el('div', { class: 'catalogue-notes' },
    el('p', { text: `Catalogue notes (${found.length}), kept as typed since the service may still know them:` }),
    el('ul', {}, ...found.map(line)));
  out.replaceChildren(summary, catalogue);
}
