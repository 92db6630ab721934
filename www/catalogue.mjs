// The product catalogue as the page uses it: loaded once through the page's own server (the package's
// PriceClient.catalogue(), six look-ups) and kept while the page is open, both live (the package's Catalogue,
// which validateInquiry checks each item against: rule "catalogue") and as its plain document. The pickers'
// choices (service types, the resource types of a service, the usage types of a resource type, the units of the
// right measure type) and the names of codes come from the document; whether a value fits the catalogue is the
// package's word, never judged here (catalogueNote words it for the page). Without a catalogue (it could not
// load) the pickers offer the few units the rating APIs' reference names, and every field still takes free
// text. Regions are offered from names.mjs's table. Pure functions over the document, tested in Node.
import { REGIONS, regionName } from './names.mjs';

/** Units the reference names, for when there is no catalogue: [id, name, measure type]. */
const BUILT_IN_UNITS = [
  [4, 'Hour', 2], [0, 'Day', 2], [10, 'GB', 3], [14, 'Times', 4], [17, 'GB', 7], [15, 'Mbit/s', 16],
];

/** Measure types (1 currency, 2 duration, 3 traffic, 4 quantity, 7 capacity, 16 bandwidth). */
const DURATION = 2;
const TRAFFIC = 3;
const QUANTITY = 4;
const CAPACITY = 7;
const BANDWIDTH = 16;

/** The measure types a resource's size can be in, by resource type; any size measure for the others. */
const SIZE_TYPES = { 'hws.resource.type.volume': [CAPACITY], 'hws.resource.type.bandwidth': [BANDWIDTH] };
const ANY_SIZE = [CAPACITY, BANDWIDTH, QUANTITY];

/**
 * The measure types a usage factor is counted in: time for Duration, data for traffic ("upflow",
 * "downflow", "…traffic…"), any usage measure otherwise.
 */
export function usageTypesFor(factor) {
  const f = String(factor ?? '').trim();
  if (/^duration$/i.test(f)) return [DURATION];
  if (/flow|traffic/i.test(f)) return [TRAFFIC];
  return [DURATION, TRAFFIC, QUANTITY];
}

/** The measure types a size of `resourceType` can be in. */
export const sizeTypesFor = (resourceType) => SIZE_TYPES[String(resourceType ?? '').trim()] ?? ANY_SIZE;

/** The built-in units, as the catalogue's document writes them. */
const builtIn = () => BUILT_IN_UNITS.map(([measure_id, measure_name, measure_type]) => ({ measure_id, measure_name, abbreviation: '', measure_type }));

/**
 * The page's view of a catalogue document (`Catalogue.toJSON()`), or of none (`null`): look-ups the pickers
 * and the names use. `loaded` says whether it came from the catalogue.
 */
export function view(doc) {
  const services = doc?.serviceTypes ?? [];
  const resources = doc?.resourceTypes ?? [];
  const usages = doc?.usageTypes ?? [];
  const units = doc?.measureUnits?.length ? doc.measureUnits : builtIn();
  const byCode = (list, key) => new Map(list.map((x) => [x[key], x]));
  const service = byCode(services, 'service_type_code');
  const resource = byCode(resources, 'resource_type_code');
  const unit = new Map(units.map((u) => [String(u.measure_id), u]));
  return {
    loaded: Boolean(doc),
    language: doc?.language ?? 'en_US',
    services: () => services,
    resourcesOf: (code) => resources.filter((r) => r.service_type_code === String(code ?? '').trim()),
    usagesOf: (code) => usages.filter((u) => u.resource_type_code === String(code ?? '').trim()),
    unitsOf: (types) => units.filter((u) => types.includes(u.measure_type)),
    service: (code) => service.get(String(code ?? '').trim()) ?? null,
    resource: (code) => resource.get(String(code ?? '').trim()) ?? null,
    usage: (resourceType, code) => usages.find((u) => u.resource_type_code === String(resourceType ?? '').trim() && u.code === String(code ?? '').trim()) ?? null,
    unit: (id) => unit.get(String(id ?? '').trim()) ?? null,
  };
}

/**
 * What a picker offers for `field` of `item` (the form's fields, wire names) and what its value is called:
 * `{ options: [{ value, label }], name, note }`. `name` is the current value's name when it is one of the
 * choices; `note` says why a field with a value typed has no choices (the choice it depends on is not one of
 * the catalogue's). Whether the value itself fits the catalogue is the package's check (catalogueNote), not
 * this one's. `null` for a field that is not picked.
 */
export function pick(cat, field, item) {
  const value = String(item[field] ?? '').trim();
  let options;
  let name = null;
  let needs = '';
  switch (field) {
    case 'cloud_service_type': {
      options = cat.services().map((s) => ({ value: s.service_type_code, label: `${s.service_type_name}${s.abbreviation ? ` (${s.abbreviation})` : ''}` }));
      name = cat.service(value)?.service_type_name ?? null;
      break;
    }
    case 'resource_type': {
      options = cat.service(item.cloud_service_type) ? cat.resourcesOf(item.cloud_service_type).map((r) => ({ value: r.resource_type_code, label: r.resource_type_name })) : [];
      name = options.find((o) => o.value === value)?.label ?? null;
      needs = 'a service from the catalogue';
      break;
    }
    case 'usage_factor': {
      options = cat.usagesOf(item.resource_type).map((u) => ({ value: u.code, label: u.name }));
      name = options.find((o) => o.value === value)?.label ?? null;
      needs = cat.resource(item.resource_type) ? '' : 'a resource type from the catalogue';
      break;
    }
    case 'usage_measure_id':
    case 'size_measure_id': {
      const types = field === 'usage_measure_id' ? usageTypesFor(item.usage_factor) : sizeTypesFor(item.resource_type);
      options = cat.unitsOf(types).map((u) => ({ value: String(u.measure_id), label: u.measure_name }));
      name = cat.unit(value)?.measure_name ?? null;
      break;
    }
    case 'region': {
      const zh = cat.language === 'zh_CN' ? 1 : 0;
      options = Object.entries(REGIONS).map(([code, names]) => ({ value: code, label: names[zh] }));
      return { options, name: regionName(value, cat.language), note: '' };
    }
    default:
      return null;
  }
  const note = value && !name && cat.loaded && options.length === 0 && needs ? `Kept as typed (pick ${needs} to see choices).` : '';
  return { options, name, note };
}

/**
 * A catalogue violation (rule "catalogue", from validateInquiry) as the page shows it beside its field: a note,
 * not an error, since the value is kept as typed and still sent (the service may know a code the catalogue
 * lacks). `messages` are the violations' messages for one field.
 */
export function catalogueNote(messages) {
  const said = messages.map((m) => (/[.?!。？！]$/.test(m) ? m : `${m}.`)).join(' ');
  return `Catalogue: ${said} Kept as typed; the service may still know it.`;
}

/**
 * The catalogue the page has (none until it loads): every part of the page reads it from here. `cat` is the
 * pickers' view, `live` the package's Catalogue that validateInquiry checks against (null until loaded).
 */
export const shelf = { cat: view(null), live: null };
