// The sandbox's answers to the six product-information APIs (GET /v2/products/… and /v2/bases/…), from
// sandbox/catalogue.json: paged with offset/limit within each API's bounds, total_count, names in the language
// of X-Language (Chinese when it is absent, as the service does), and CBC.0100 for a query the service refuses.
import { readFileSync } from 'node:fs';

/** A fresh copy of the catalogue data; a test may change its copy (to make total_count change mid-way). */
export const loadCatalogue = () => JSON.parse(readFileSync(new URL('./catalogue.json', import.meta.url), 'utf8'));

/** Path → [list member, largest limit (null: not paged), largest offset]. */
export const LOOKUPS = {
  '/v2/products/service-types': ['service_types', 1000, 100_000_000],
  '/v2/products/resource-types': ['resource_types', 1000, 1_000_000_000],
  '/v2/products/service-resources': ['infos', 100, 1_000_000],
  '/v2/products/usage-types': ['usage_types', 100, 100_000_000],
  '/v2/bases/measurements': ['measure_units', null, 0],
  '/v2/bases/conversions': ['conversions', null, 0],
};

class LookupError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const invalid = (message) => new LookupError(400, 'CBC.0100', `Invalid parameter: ${message}`);

/** A whole number from `text` within [low, high], `fallback` when absent; CBC.0100 otherwise ("" included). */
function whole(query, name, low, high, fallback) {
  if (!query.has(name)) return fallback;
  const text = query.get(name);
  if (!/^\d{1,12}$/.test(text)) throw invalid(`${name} must be a whole number from ${low} to ${high}`);
  const n = Number(text);
  if (n < low || n > high) throw invalid(`${name} must be a whole number from ${low} to ${high}`);
  return n;
}

/** `zh` or `en` from X-Language (at most 8 characters; Chinese by default). */
function languageOf(header) {
  if (header === undefined) return 'zh';
  if (header.length > 8) throw invalid('X-Language holds at most 8 characters');
  return header.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The answer to GET `path` with `query` (URLSearchParams) in `header` language, from `data`; throws an error
 * with `status` and `code` for a query the service refuses, and `denied` is true for an account without access.
 */
export function lookup(path, query, header, data) {
  const [member, maxLimit, maxOffset] = LOOKUPS[path];
  const lang = languageOf(header);
  const rtByCode = new Map(data.resource_types.map((r) => [r.resource_type_code, r]));
  const stByCode = new Map(data.service_types.map((s) => [s.service_type_code, s]));
  let list;
  switch (path) {
    case '/v2/products/service-types':
      list = data.service_types.map((s) => ({ service_type_name: s.name[lang], service_type_code: s.service_type_code, abbreviation: s.abbreviation }));
      break;
    case '/v2/products/resource-types':
      list = data.resource_types.map((r) => ({ resource_type_code: r.resource_type_code, resource_type_name: r.name[lang], resource_type_desc: r.desc[lang], service_type_code: r.service_type_code }));
      break;
    case '/v2/products/service-resources': {
      const service = query.get('service_type_code');
      if (!service) throw invalid('service_type_code is required');
      if (service.length > 64) throw invalid('service_type_code holds at most 64 characters');
      if (query.has('limit') && query.get('limit') === '') throw invalid('limit cannot be ""');
      list = data.resource_types.filter((r) => r.service_type_code === service)
        .map((r) => ({ basic_info: { resource_type_code: r.resource_type_code, product_owner_service: r.service_type_code, name: r.name[lang], description: r.desc[lang] } }));
      break;
    }
    case '/v2/products/usage-types': {
      const filter = query.has('resource_type_code') ? query.get('resource_type_code') : undefined;
      if (filter !== undefined && filter.length > 64) throw invalid('resource_type_code holds at most 64 characters');
      list = data.usage_types.filter((u) => filter === undefined || u.resource_type_code === filter).map((u) => {
        const r = rtByCode.get(u.resource_type_code);
        const s = stByCode.get(r?.service_type_code);
        return { code: u.code, name: u.name[lang], resource_type_code: u.resource_type_code, service_type_code: r?.service_type_code,
          resource_type_name: r?.name[lang], service_type_name: s?.name[lang] };
      });
      break;
    }
    case '/v2/bases/measurements':
      return { measure_units: data.measure_units.map((m) => ({ measure_id: m.measure_id, measure_name: m.name[lang], abbreviation: m.abbreviation, measure_type: m.measure_type })) };
    case '/v2/bases/conversions': {
      const type = whole(query, 'measure_type', 1, 2147483647, undefined);
      return { conversions: data.conversions.filter((c) => type === undefined || c.measure_type === type) };
    }
    default:
      throw invalid(`unknown lookup ${path}`);
  }
  const offset = whole(query, 'offset', 0, maxOffset, 0);
  const limit = whole(query, 'limit', 1, maxLimit, 10);
  const cap = data.pageCap ?? limit;
  return { total_count: list.length, [member]: list.slice(offset, offset + Math.min(limit, cap)) };
}

export { LookupError };
