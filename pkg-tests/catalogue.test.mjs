// The catalogue look-ups of the built package against the sandbox: every page, names by language, the
// quota across concurrent look-ups, a page that fails mid-way, the cache, signing, and the Catalogue value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient, PriceApiError, PriceClientError, Catalogue } from 'hwc-price';
import { withSandbox, rejection } from './helpers.mjs';

const lookupsOf = (sandbox) => sandbox.requests.filter((r) => r.method === 'GET');

test('each look-up gathers every page, in order, in the language asked for', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.catalogue.pageCap = 2; // the sandbox gives 2 entries a page, whatever the limit asked
    const client = new PriceClient({ endpoint: base, language: 'en_US' });
    const types = await client.resourceTypes();
    assert.deepEqual(types.map((t) => t.resource_type_code),
      ['hws.resource.type.vm', 'hws.resource.type.volume', 'hws.resource.type.bandwidth', 'hws.resource.type.ip']);
    assert.deepEqual(lookupsOf(sandbox).map((r) => r.path + (r.query ?? '')).length, 2);
    const zh = await client.serviceTypes({ language: 'zh_CN' });
    assert.equal(zh[0].service_type_name, '弹性云服务器');
    const en = await client.serviceTypes();
    assert.equal(en[0].service_type_name, 'Elastic Cloud Server');
    const vpc = await client.serviceResources('hws.service.type.vpc');
    assert.deepEqual(vpc.map((r) => r.resource_type_code), ['hws.resource.type.bandwidth', 'hws.resource.type.ip']);
    const usage = await client.usageTypes({ resource_type_code: 'hws.resource.type.bandwidth' });
    assert.deepEqual(usage.map((u) => u.code), ['Duration', 'upflow']);
    const units = await client.measureUnits();
    assert.ok(units.some((u) => u.measure_id === 4 && u.measure_name === 'Hour'));
    const traffic = await client.unitConversions({ measure_type: 3 });
    assert.ok(traffic.every((c) => c.measure_type === 3 && typeof c.conversion_ratio === 'string'));
  });
});

test('a list that grows while it is read is read again: nothing lost or repeated, and a warning', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.catalogue.pageCap = 2;
    let pages = 0;
    const fetchOnce = async (url, init) => {
      if (pages++ === 1) {
        sandbox.catalogue.service_types.unshift({ service_type_code: 'hws.service.type.new', abbreviation: 'NEW', name: { en: 'New', zh: '新' } });
      }
      return fetch(url, init);
    };
    const warnings = [];
    const client = new PriceClient({ endpoint: base, fetch: fetchOnce });
    const types = await client.serviceTypes({ onWarning: (m) => warnings.push(m) });
    assert.deepEqual(types.map((t) => t.service_type_code),
      ['hws.service.type.new', 'hws.service.type.ec2', 'hws.service.type.ebs', 'hws.service.type.vpc']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /service-types: the service's total changed from 3 to 4/);
  });
});

test('never more than 10 look-ups a second, across concurrent calls; kept and shared afterwards', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, catalogueTtlMs: 60_000, retry: { maxAttempts: 1 } });
    const codes = Array.from({ length: 24 }, (_, i) => `hws.resource.type.r${i}`);
    const all = await Promise.all(codes.map((code) => client.usageTypes({ resource_type_code: code })));
    assert.ok(all.every((list) => list.length === 0));
    const times = lookupsOf(sandbox).map((r) => r.at).sort((a, b) => a - b);
    assert.equal(times.length, 24);
    assert.ok(lookupsOf(sandbox).every((r) => r.status === 200), 'no 429');
    const same = await Promise.all([client.measureUnits(), client.measureUnits(), client.measureUnits()]);
    assert.deepEqual(same[0], same[2]);
    assert.equal(lookupsOf(sandbox).length, 25, 'identical calls in flight share one request');
    await client.measureUnits();
    assert.equal(lookupsOf(sandbox).length, 25, 'kept');
    await client.measureUnits({ language: 'zh_CN' });
    assert.equal(lookupsOf(sandbox).length, 26, 'another language is another query');
    client.clearCatalogueCache();
    await client.measureUnits();
    assert.equal(lookupsOf(sandbox).length, 27);
  });
});

test('a page that fails mid-way fails the look-up with a PriceApiError; faults are retried', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.catalogue.pageCap = 1;
    const client = new PriceClient({ endpoint: base, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    let n = 0;
    const failing = new PriceClient({ endpoint: base, retry: { maxAttempts: 1 },
      fetch: (url, init) => (n++ === 1 ? Promise.resolve(new Response('{"error_code":"CBC.0999","error_msg":"down"}', { status: 500 })) : fetch(url, init)) });
    const error = await rejection(failing.serviceTypes());
    assert.ok(error instanceof PriceApiError);
    assert.equal(error.code, 'CBC.0999');
    assert.equal(error.lookup, 'service-types');
    assert.equal(error.kind, null);
    assert.equal(error.status, 500);
    assert.match(error.message, /service-types/);
    sandbox.injectFaults([{ status: 503 }]);
    assert.equal((await client.serviceTypes()).length, 3, 'retried');
    const bad = await rejection(client.usageTypes({ resource_type_code: 'x'.repeat(65) }));
    assert.equal(bad.code, 'CBC.0100');
    const denied = new PriceClient({ endpoint: base, auth: { token: 'denied-1' } });
    const refused = await rejection(denied.measureUnits({ language: 'zh_CN' }));
    assert.equal(refused.code, 'CBC.0151');
    const aborted = await rejection(client.resourceTypes({ signal: AbortSignal.abort() }));
    assert.equal(aborted.code, 'ABORTED');
    const options = await rejection(client.serviceTypes({ limit: 5 }));
    assert.ok(options instanceof PriceClientError);
    assert.equal(options.code, 'INVALID_OPTIONS');
  });
});

test('signed look-ups are accepted by the sandbox', async () => {
  await withSandbox({ ak: 'AK1', sk: 'SK-secret' }, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, auth: { ak: 'AK1', sk: 'SK-secret' } });
    const resources = await client.serviceResources('hws.service.type.ec2 x&y');
    assert.deepEqual(resources, []);
    assert.equal((await client.usageTypes({ resource_type_code: 'hws.resource.type.vm' })).length, 1);
    assert.ok(lookupsOf(sandbox).every((r) => r.status === 200));
  });
});

test('a Catalogue is gathered, saved, read back and consulted offline', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base, language: 'en_US' });
    const catalogue = await client.catalogue({ services: ['hws.service.type.vpc'] });
    assert.deepEqual(catalogue.serviceTypes().map((s) => s.service_type_code), ['hws.service.type.vpc']);
    assert.deepEqual(catalogue.usageTypesOf('hws.resource.type.bandwidth').map((u) => u.code), ['Duration', 'upflow']);
    const text = JSON.stringify(catalogue);
    const back = Catalogue.fromJSON(text);
    assert.deepEqual(back.toJSON(), catalogue.toJSON());
    assert.equal(back.toJSON().version, 1);
    assert.equal(back.unit(17).measure_type, 7);
    assert.equal(back.unit(999), null);
    assert.equal(back.convert('1.5', 0, 4), '36');
    assert.equal(back.convert(90, 5, 4), '1.5');
    assert.equal(back.convert('3', 12, 11), '3145728');
    const mismatch = (() => { try { back.convert(1, 10, 17); } catch (e) { return e; } })();
    assert.ok(mismatch instanceof PriceClientError);
    assert.equal(mismatch.code, 'UNIT_MISMATCH');
    assert.throws(() => Catalogue.fromJSON('{"format":"hwc-price-catalogue","version":9}'), (e) => e.code === 'INVALID_CATALOGUE');
    const everything = await client.catalogue();
    assert.equal(everything.serviceTypes().length, 3);
    assert.equal(everything.resourceTypesOf('hws.service.type.ec2')[0].resource_type_name, 'Cloud server');
  });
});
