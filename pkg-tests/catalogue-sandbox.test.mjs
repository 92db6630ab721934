// The sandbox's six product-information look-ups on their own: paging and total_count, names in English and
// Chinese, the documented errors, the quota, faults, and a catalogue that names every product it prices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withSandbox } from './helpers.mjs';

const PRICES = JSON.parse(readFileSync(new URL('../sandbox/prices.json', import.meta.url), 'utf8'));
const get = (base, path, headers = {}) => fetch(base + path, { headers });

test('pages with offset and limit, and says the total', async () => {
  await withSandbox({}, async (base) => {
    const first = await (await get(base, '/v2/products/resource-types?offset=0&limit=3')).json();
    assert.equal(first.total_count, 4);
    assert.equal(first.resource_types.length, 3);
    const rest = await (await get(base, '/v2/products/resource-types?offset=3&limit=3')).json();
    assert.deepEqual(rest.resource_types.map((r) => r.resource_type_code), ['hws.resource.type.ip']);
    const all = await (await get(base, '/v2/products/usage-types?limit=100')).json();
    assert.equal(all.total_count, all.usage_types.length);
    const filtered = await (await get(base, '/v2/products/usage-types?resource_type_code=hws.resource.type.bandwidth&limit=100')).json();
    assert.deepEqual(filtered.usage_types.map((u) => u.code), ['Duration', 'upflow']);
    const none = await (await get(base, '/v2/products/usage-types?resource_type_code=')).json();
    assert.equal(none.total_count, 0, 'an empty code is a filter too');
    const infos = await (await get(base, '/v2/products/service-resources?service_type_code=hws.service.type.vpc&limit=100')).json();
    assert.deepEqual(infos.infos.map((i) => i.basic_info.resource_type_code), ['hws.resource.type.bandwidth', 'hws.resource.type.ip']);
    const units = await (await get(base, '/v2/bases/measurements')).json();
    assert.ok(units.measure_units.some((u) => u.measure_id === 17 && u.measure_type === 7));
    const traffic = await (await get(base, '/v2/bases/conversions?measure_type=3')).json();
    assert.ok(traffic.conversions.length > 0 && traffic.conversions.every((c) => c.measure_type === 3));
  });
});

test('names in the language of X-Language, Chinese by default', async () => {
  await withSandbox({}, async (base) => {
    const zh = await (await get(base, '/v2/products/service-types?limit=1000')).json();
    const en = await (await get(base, '/v2/products/service-types?limit=1000', { 'X-Language': 'en_US' })).json();
    assert.equal(zh.service_types[0].service_type_name, '弹性云服务器');
    assert.equal(en.service_types[0].service_type_name, 'Elastic Cloud Server');
    const usage = await (await get(base, '/v2/products/usage-types?limit=100', { 'X-Language': 'en_US' })).json();
    assert.equal(usage.usage_types[0].service_type_name, 'Elastic Cloud Server');
  });
});

test('answers CBC.0100, CBC.0151 and CBC.0999 as documented', async () => {
  await withSandbox({}, async (base, sandbox) => {
    for (const path of ['/v2/products/service-types?limit=1001', '/v2/products/usage-types?limit=101', '/v2/products/resource-types?offset=',
      '/v2/products/service-resources', '/v2/products/service-types?offset=-1', '/v2/bases/conversions?measure_type=']) {
      const res = await get(base, path);
      assert.equal(res.status, 400, path);
      assert.equal((await res.json()).error_code, 'CBC.0100', path);
    }
    const denied = await get(base, '/v2/products/service-types', { 'X-Auth-Token': 'denied-1' });
    assert.equal(denied.status, 403);
    assert.equal((await denied.json()).error_code, 'CBC.0151');
    sandbox.injectFaults([{ status: 500 }]);
    const failed = await get(base, '/v2/bases/measurements');
    assert.equal(failed.status, 500);
    assert.equal((await failed.json()).error_code, 'CBC.0999');
    assert.equal((await fetch(`${base}/v2/products/service-types`, { method: 'POST', body: '{}' })).status, 404);
  });
});

test('keeps each look-up within 10 calls a second', async () => {
  let now = 5_000_000;
  await withSandbox({ clock: () => now }, async (base) => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await get(base, '/v2/bases/measurements')).status);
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
    assert.equal((await get(base, '/v2/bases/conversions')).status, 200, 'each API has its own quota');
    now += 1001;
    assert.equal((await get(base, '/v2/bases/measurements')).status, 200);
  });
});

test('every product the sandbox prices is in its catalogue', async () => {
  await withSandbox({}, async (base) => {
    const types = (await (await get(base, '/v2/products/resource-types?limit=1000')).json()).resource_types;
    const usage = (await (await get(base, '/v2/products/usage-types?limit=100')).json()).usage_types;
    const units = new Set((await (await get(base, '/v2/bases/measurements')).json()).measure_units.map((u) => u.measure_id));
    const keys = [PRICES.hourly, PRICES.hourly_per_unit, PRICES.flat_hourly, PRICES.per_traffic_gb].flatMap(Object.keys);
    for (const key of keys) {
      const [service, resource] = key.split('|');
      assert.ok(types.some((t) => t.resource_type_code === resource && t.service_type_code === service), key);
      assert.ok(usage.some((u) => u.resource_type_code === resource && u.code === 'Duration') || PRICES.per_traffic_gb[key], key);
    }
    for (const { unit } of Object.values(PRICES.hourly_per_unit)) assert.ok(units.has(unit), `unit ${unit}`);
    for (const id of [0, 4, 10]) assert.ok(units.has(id));
  });
});
