// The estimate behind the page, without the DOM: the fields of each mode, the form state, the inquiry built
// from it, pasted payloads read back into it, and the share-link encoding. Pure functions, tested in Node.

/** The three modes, their inquiry kinds and price methods. */
export const MODES = {
  'on-demand': { label: 'Pay-per-use', method: 'priceOnDemand' },
  period: { label: 'Yearly/monthly', method: 'pricePeriod' },
  renewal: { label: 'Renewal', method: 'priceRenewal' },
};

const PRODUCT_FIELDS = [
  { name: 'id', label: 'Id', type: 'text', required: true, hint: 'Your name for this item, unique in the estimate' },
  { name: 'cloud_service_type', label: 'Cloud service type', type: 'text', pick: true, required: true, example: 'hws.service.type.ec2' },
  { name: 'resource_type', label: 'Resource type', type: 'text', pick: true, required: true, example: 'hws.resource.type.vm' },
  { name: 'resource_spec', label: 'Resource spec', type: 'text', required: true, example: 'c6.large.2.linux' },
  { name: 'region', label: 'Region', type: 'text', pick: true, required: true, example: 'ap-southeast-1' },
  { name: 'available_zone', label: 'Availability zone', type: 'text', example: 'ap-southeast-1a' },
  { name: 'resource_size', label: 'Size', type: 'int', example: '40', hint: 'Disk GB or bandwidth Mbit/s, with its unit' },
  { name: 'size_measure_id', label: 'Size unit', type: 'unit', pick: true, example: '17' },
  { name: 'subscription_num', label: 'Quantity', type: 'int', required: true, example: '1' },
];

/** Fields of one item, per mode. */
export const ITEM_FIELDS = {
  'on-demand': [
    ...PRODUCT_FIELDS,
    { name: 'usage_factor', label: 'Usage factor', type: 'text', pick: true, required: true, example: 'Duration' },
    { name: 'usage_value', label: 'Usage', type: 'decimal', required: true, example: '730' },
    { name: 'usage_measure_id', label: 'Usage unit', type: 'unit', pick: true, required: true, example: '4' },
  ],
  period: [
    ...PRODUCT_FIELDS,
    { name: 'period_type', label: 'Period', type: 'select', required: true, options: [['2', 'months (2)'], ['3', 'years (3)'], ['0', 'days (0)'], ['4', 'hours (4)']] },
    { name: 'period_num', label: 'Periods', type: 'int', required: true, example: '1' },
  ],
  renewal: [
    { name: 'resource_id', label: 'Resource id', type: 'text', required: true, example: '230221_169ee9d5b8af6a38f099abea' },
  ],
};

/** Fields of the estimate as a whole, per mode. */
export const TOP_FIELDS = {
  'on-demand': [
    { name: 'project_id', label: 'Project id', type: 'text', required: true, example: '06488a832f55c016b0e337d7' },
    { name: 'inquiry_precision', label: 'Precision', type: 'select', options: [['', 'default (6 decimals)'], ['1', '10 decimals (1)'], ['0', '6 decimals (0)']] },
  ],
  period: [
    { name: 'project_id', label: 'Project id', type: 'text', required: true, example: '84c53ec51e794a4888fb0f5c0cfb2420' },
  ],
  renewal: [
    { name: 'period_type', label: 'Renew for', type: 'select', required: true, options: [['2', 'months (2)'], ['3', 'years (3)']] },
    { name: 'period_num', label: 'Periods', type: 'int', required: true, example: '1' },
    { name: 'include_relative_resources', label: 'Include attached resources', type: 'checkbox' },
  ],
};

const DEFAULT_ITEMS = {
  'on-demand': [
    { cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.large.2.linux', usage_factor: 'Duration', usage_value: '730', usage_measure_id: '4' },
    { cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'GPSSD', resource_size: '40', size_measure_id: '17', usage_factor: 'Duration', usage_value: '730', usage_measure_id: '4' },
    { cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.ip', resource_spec: '5_bgp', usage_factor: 'Duration', usage_value: '730', usage_measure_id: '4' },
  ],
  period: [
    { cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.large.2.linux', period_type: '2', period_num: '1' },
    { cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'SSD', resource_size: '100', size_measure_id: '17', period_type: '2', period_num: '1' },
    { cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth', resource_spec: '19_bgp', resource_size: '5', size_measure_id: '15', period_type: '2', period_num: '1' },
  ],
  renewal: [
    { resource_id: '230221_169ee9d5b8af6a38f099abea' },
    { resource_id: '230221_27aa0c1f3e9b4c5d8e7f6a5b' },
    { resource_id: '230221_3c1d9e8f7a6b5c4d3e2f1a0b' },
  ],
};

/** A new item of `mode` numbered `n`, with sensible defaults. */
export function newItem(mode, n, template = DEFAULT_ITEMS[mode][(n - 1) % DEFAULT_ITEMS[mode].length]) {
  const item = Object.fromEntries(ITEM_FIELDS[mode].map((f) => [f.name, '']));
  Object.assign(item, template);
  if (mode !== 'renewal') {
    item.id = `item-${n}`;
    item.region ||= 'ap-southeast-1';
    item.subscription_num ||= '1';
  }
  return item;
}

/** The estimate a newcomer starts with: three items in `mode`. */
export function initialState(mode = 'on-demand') {
  const top = {
    'on-demand': { project_id: '06488a832f55c016b0e337d7', inquiry_precision: '' },
    period: { project_id: '84c53ec51e794a4888fb0f5c0cfb2420' },
    renewal: { period_type: '2', period_num: '1', include_relative_resources: false },
  }[mode];
  return { mode, language: 'en_US', top, items: [1, 2, 3].map((n) => newItem(mode, n)) };
}

/** A form value as the wire wants it: whole numbers as numbers when they read as such, else kept as typed. */
function wireValue(field, text) {
  if (field.type === 'checkbox') return Boolean(text);
  const value = String(text ?? '');
  if (field.type === 'int' || field.type === 'select' || field.type === 'unit') {
    return /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  return value;
}

/** Puts the fields of `values` into `target`, leaving out empty optional ones. */
function fill(target, fields, values) {
  for (const field of fields) {
    const raw = values[field.name];
    const empty = raw === undefined || raw === null || raw === '' || (field.type === 'checkbox' && !raw);
    if (empty && !field.required) continue;
    if (empty && field.type !== 'text') continue; // a missing required number is reported as required
    target[field.name] = wireValue(field, raw);
  }
  return target;
}

/** The inquiry, in wire names, that the form describes. */
export function toInquiry(state) {
  const { mode, top, items } = state;
  const inquiry = fill({}, TOP_FIELDS[mode], top);
  if (mode === 'renewal') {
    return { resource_ids: items.map((i) => i.resource_id ?? ''), ...inquiry };
  }
  inquiry.product_infos = items.map((item) => fill({}, ITEM_FIELDS[mode], item));
  return inquiry;
}

/**
 * Where a violation belongs in the form: `{ item, field }` for an item's field, `{ field }` for a field of
 * the estimate, `null` when the form has no place for it (it is listed in the summary).
 */
export function locate(path, mode) {
  let m = /^product_infos\[(\d+)\]\.(\w+)$/.exec(path);
  if (m && mode !== 'renewal' && ITEM_FIELDS[mode].some((f) => f.name === m[2])) return { item: Number(m[1]), field: m[2] };
  m = /^resource_ids\[(\d+)\]$/.exec(path);
  if (m && mode === 'renewal') return { item: Number(m[1]), field: 'resource_id' };
  if (TOP_FIELDS[mode].some((f) => f.name === path)) return { field: path };
  return null;
}

/** The mode a pasted payload is for: renewal by its resource ids, the others by their products' terms. */
export function detectMode(payload, fallback) {
  if (payload && Array.isArray(payload.resource_ids)) return 'renewal';
  const first = Array.isArray(payload?.product_infos) ? payload.product_infos[0] : undefined;
  if (first && ('usage_value' in first || 'usage_factor' in first)) return 'on-demand';
  if (first && ('period_type' in first || 'period_num' in first)) return 'period';
  return fallback;
}

const asText = (value) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The form's values for `fields` read from `values`: text, or a boolean for a checkbox; other keys drop out. */
const formValues = (fields, values) =>
  Object.fromEntries(fields.map((f) => [f.name, f.type === 'checkbox' ? values?.[f.name] === true : asText(values?.[f.name])]));

/** The form state for a pasted payload (an object already parsed); fields the form does not have drop out. */
export function fromInquiry(payload, fallbackMode, language = 'en_US') {
  const mode = detectMode(payload, fallbackMode);
  const top = formValues(TOP_FIELDS[mode], payload);
  let items;
  if (mode === 'renewal') {
    items = (Array.isArray(payload.resource_ids) ? payload.resource_ids : []).map((id) => ({ resource_id: asText(id) }));
  } else {
    const list = Array.isArray(payload?.product_infos) ? payload.product_infos : [];
    items = list.map((p) => formValues(ITEM_FIELDS[mode], p));
  }
  return { mode, language, top, items };
}

const MODE_LIST = Object.keys(MODES);

/** A field's value as the share link carries it: text, or 1/0 for a checkbox. */
const cell = (field, value) => (field.type === 'checkbox' ? (value === true ? 1 : 0) : asText(value));

/**
 * The state as the fragment of a share link: base64url of a compact JSON array,
 * `[2, mode, language, top, items]`, each item its fields in form order with trailing blanks left out and `0`
 * for "the same as the item before" (so repeated items cost a few bytes). Credentials are never part of it.
 */
export function encodeState(state) {
  const fields = ITEM_FIELDS[state.mode];
  let before = null;
  const items = (state.items ?? []).map((item) => {
    const row = fields.map((f) => cell(f, item?.[f.name]));
    const compact = row.map((v, i) => (before && before[i] === v && v !== '' ? 0 : v));
    before = row;
    while (compact.length && compact.at(-1) === '') compact.pop();
    return compact;
  });
  const top = TOP_FIELDS[state.mode].map((f) => cell(f, state.top?.[f.name]));
  const doc = [2, MODE_LIST.indexOf(state.mode), state.language === 'zh_CN' ? 1 : 0, top, items];
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The state of a version-2 document (see encodeState), or null. */
function fromCompact(doc) {
  const [, m, lang, top, items] = doc;
  const mode = MODE_LIST[m];
  if (!mode || !Array.isArray(top) || !Array.isArray(items)) return null;
  const named = (fields, row, before) => Object.fromEntries(fields.map((f, i) => {
    const v = Array.isArray(row) ? row[i] : undefined;
    if (f.type === 'checkbox') return [f.name, v === 1 || v === true];
    return [f.name, v === 0 && before ? before[f.name] : typeof v === 'string' ? v : v === undefined || v === null ? '' : asText(v)];
  }));
  let before = null;
  const list = items.slice(0, 10_000).map((row) => (before = named(ITEM_FIELDS[mode], row, before)));
  return { mode, language: lang === 1 ? 'zh_CN' : 'en_US', top: named(TOP_FIELDS[mode], top, null), items: list };
}

/** The state in a share-link fragment (this version's or the first's), or null when it is not one of ours. */
export function decodeState(fragment) {
  try {
    const base64 = String(fragment).replace(/^#?e=/, '').replace(/&.*$/s, '').replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64);
    const state = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (Array.isArray(state)) return state[0] === 2 ? fromCompact(state) : null;
    if (state?.v !== 1 || !(state.mode in MODES) || !Array.isArray(state.items) || typeof state.top !== 'object') return null;
    return {
      mode: state.mode,
      language: state.language === 'zh_CN' ? 'zh_CN' : 'en_US',
      top: formValues(TOP_FIELDS[state.mode], state.top),
      items: state.items.slice(0, 10_000).map((i) => formValues(ITEM_FIELDS[state.mode], i)),
    };
  } catch {
    return null;
  }
}

/**
 * The state switched to `mode`, keeping every field both modes share (products keep their id, spec, region,
 * size and quantity between pay-per-use and yearly/monthly; the project id stays) and taking the rest from
 * `earlier` (the last state seen in that mode) or the defaults. `dropped` says in words what the new mode
 * has no place for, so the page can warn and offer to undo.
 */
export function switchMode(state, mode, earlier) {
  const next = { mode, language: state.language, top: { ...initialState(mode).top, ...(earlier?.top ?? {}) }, items: [] };
  const dropped = [];
  for (const f of TOP_FIELDS[mode]) if (f.name in state.top && TOP_FIELDS[state.mode].some((g) => g.name === f.name)) next.top[f.name] = state.top[f.name];
  const products = state.mode !== 'renewal' && mode !== 'renewal';
  if (products) {
    const own = ITEM_FIELDS[mode].filter((f) => !PRODUCT_FIELDS.includes(f));
    next.items = state.items.map((item, i) => {
      const base = earlier?.items?.[i] ?? newItem(mode, i + 1);
      const copy = Object.fromEntries(ITEM_FIELDS[mode].map((f) => [f.name, PRODUCT_FIELDS.includes(f) ? item[f.name] : base[f.name] ?? '']));
      for (const f of own) copy[f.name] ||= newItem(mode, 1)[f.name] ?? '';
      return copy;
    });
    const lost = ITEM_FIELDS[state.mode].filter((f) => !PRODUCT_FIELDS.includes(f)).map((f) => f.label.toLowerCase());
    dropped.push(`${lost.join(', ')} of ${plural(state.items.length, 'item')}`);
  } else {
    next.items = earlier?.items?.length ? earlier.items.map((i) => ({ ...i })) : initialState(mode).items;
    dropped.push(`the ${plural(state.items.length, state.mode === 'renewal' ? 'resource' : 'item')} (${mode === 'renewal' ? 'renewal prices resources you already have' : 'renewal items are resource ids, not products'})`);
  }
  for (const f of TOP_FIELDS[state.mode]) if (!TOP_FIELDS[mode].some((g) => g.name === f.name) && state.top[f.name]) dropped.push(f.label.toLowerCase());
  return { state: next, dropped };
}

/** The modes whose items are products, so their billing modes can be compared. */
export const COMPARABLE = new Set(['on-demand', 'period']);

/** The fields an item keeps in a billing-mode comparison: the product's own, and pay-per-use's usage factor. */
const COMPARED_FIELDS = new Set([...PRODUCT_FIELDS.map((f) => f.name), 'usage_factor']);

/** A month and a year: what a comparison prices, with the periods of a yearly/monthly estimate's items added. */
const DEFAULT_PERIODS = [{ period_type: 2, period_num: 1 }, { period_type: 3, period_num: 1 }];

/**
 * The input of `compareBillingModes` for `state` (a pay-per-use or yearly/monthly estimate) at `hoursPerMonth`
 * hours of use a month: the items' product fields as the inquiry has them, the estimate's project, a month and a
 * year, and each other period the items are subscribed for, in the order first seen. The package checks it.
 */
export function toComparison(state, hoursPerMonth) {
  const inquiry = toInquiry(state);
  const products = (inquiry.product_infos ?? []).map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => COMPARED_FIELDS.has(k))));
  const periods = [...DEFAULT_PERIODS];
  const seen = new Set(periods.map((p) => `${p.period_type}:${p.period_num}`));
  if (state.mode === 'period') {
    for (const p of inquiry.product_infos ?? []) {
      const key = `${p.period_type}:${p.period_num}`;
      if (Number.isInteger(p.period_type) && Number.isInteger(p.period_num) && !seen.has(key)) {
        seen.add(key);
        periods.push({ period_type: p.period_type, period_num: p.period_num });
      }
    }
  }
  const input = { project_id: inquiry.project_id, products, hoursPerMonth: String(hoursPerMonth ?? '').trim(), periods };
  if (inquiry.inquiry_precision !== undefined) input.inquiry_precision = inquiry.inquiry_precision;
  return input;
}

/** The hours of use a month of the comparison a share link opens (`&compare=<hours>`), or null. */
export function comparedHours(fragment) {
  const m = /&compare=([\d.]{1,20})(?:&|$)/.exec(String(fragment));
  return m ? m[1] : null;
}

/** Where a comparison's violation belongs in the form, like `locate`; `{ field: 'hoursPerMonth' }` for the hours. */
export function locateCompared(path, mode) {
  if (path === 'hoursPerMonth') return { field: 'hoursPerMonth' };
  const m = /^products\[(\d+)\]\.(\w+)$/.exec(path);
  return m ? locate(`product_infos[${m[1]}].${m[2]}`, mode) : null;
}

/** "1 item", "3 items". */
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
