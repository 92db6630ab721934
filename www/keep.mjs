// Keep and share: estimates saved in this browser with their total, currency and date; loading and deleting
// that can be undone; exports named after the estimate and the day it was priced; the share link.
import { decodeState, encodeState } from './estimate.mjs';
import { el } from './dom.mjs';
import { headline } from './money.mjs';

const $ = (id) => document.getElementById(id);
const STORE = 'hwc-price.estimates';

/** Every saved estimate: name → { fields, total, currency, savedAt } (older entries were the fields alone). */
export function saved() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? { fields: v } : v]));
  } catch {
    return {};
  }
}

const write = (all) => localStorage.setItem(STORE, JSON.stringify(all));

/** A date as 2025-12-01, in the reader's time zone. */
export const day = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** What the list says of a saved estimate: its name, total and currency (when it was priced), and date. */
function describe(name, entry) {
  const parts = [name];
  if (entry.total) parts.push(`${headline(entry.total, entry.currency).text} ${entry.currency ?? ''}`.trim());
  else parts.push('not priced');
  if (entry.savedAt) parts.push(`saved ${entry.savedAt.slice(0, 10)}`);
  return parts.join(' — ');
}

export function renderSaved(selected) {
  const all = saved();
  const names = Object.keys(all).sort();
  $('saved-list').replaceChildren(...(names.length ? names.map((n) => el('option', { value: n, text: describe(n, all[n]) })) : [el('option', { value: '', text: 'none yet' })]));
  if (selected && names.includes(selected)) $('saved-list').value = selected;
  $('load-saved').disabled = $('delete-saved').disabled = names.length === 0;
}

/** A notice with an Undo button in `box`; `undo()` puts things back. */
export function offerUndo(box, text, undo) {
  const button = el('button', { type: 'button', class: 'undo', text: 'Undo' });
  button.addEventListener('click', () => {
    undo();
    box.replaceChildren(el('span', { text: 'Undone.' }));
  }, { once: true });
  box.replaceChildren(el('span', { text: `${text} ` }), button);
}

/** Wires the keep-and-share controls; `page` has `state()`, `load(state)` and `result`. */
export function wireKeep(page) {
  const notice = $('saved-notice');
  $('save').addEventListener('click', () => {
    const name = $('save-name').value.trim();
    if (!name) {
      notice.textContent = 'Give the estimate a name first.';
      $('save-name').focus();
      return;
    }
    const state = page.state();
    const fields = encodeState(state);
    const current = page.result.quote && page.result.key === fields;
    const totals = current ? page.result.quote.breakdown().totals : null;
    const all = saved();
    all[name] = { fields, total: totals ? totals.final ?? totals.list : null, currency: current ? page.result.quote.currency : null, savedAt: new Date().toISOString() };
    write(all);
    renderSaved(name);
    notice.textContent = `Saved "${name}"${current ? ' with its total' : ' (not priced, so without a total)'}.`;
  });
  $('load-saved').addEventListener('click', () => {
    const name = $('saved-list').value;
    const restored = decodeState(saved()[name]?.fields ?? '');
    if (!restored) return;
    const before = structuredClone(page.state());
    page.load(restored);
    $('save-name').value = name;
    offerUndo(notice, `Loaded "${name}" in place of the estimate you had.`, () => page.load(before));
  });
  $('delete-saved').addEventListener('click', () => {
    const name = $('saved-list').value;
    const all = saved();
    const entry = all[name];
    if (!entry) return;
    delete all[name];
    write(all);
    renderSaved();
    offerUndo(notice, `Deleted "${name}".`, () => {
      write({ ...saved(), [name]: entry });
      renderSaved(name);
    });
  });
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $('share-status').textContent = `Link copied: it opens this estimate, priced${/&compare=/.test(location.hash) ? ', with its billing modes compared' : ''}.`;
    } catch {
      $('share-status').textContent = `Copy this link: ${location.href}`;
    }
  });
  $('export-csv').addEventListener('click', () => exportAs(page, 'csv'));
  $('export-json').addEventListener('click', () => exportAs(page, 'json'));
  renderSaved();
}

/** The file name of an export: the estimate's name (or "estimate") and the day it was priced. */
export function exportName(name, date, ext) {
  const stem = String(name ?? '').trim().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'estimate';
  return `hwc-${stem}-${day(date)}.${ext}`;
}

function exportAs(page, kind) {
  const { quote, state, pricedAt } = page.result;
  if (!quote) return;
  const name = exportName($('save-name').value, pricedAt, kind);
  if (kind === 'csv') download(name, 'text/csv;charset=utf-8', quote.toCsv({ language: state.language }));
  else download(name, 'application/json', JSON.stringify(quote.toJSON(), null, 2));
}

/** Saves `text` as a file named `name` of MIME type `type`, the way a link with `download` does. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
