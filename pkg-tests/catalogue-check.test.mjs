// Inquiries checked against the sandbox's catalogue ({ catalogue } on validateInquiry, the build functions and
// the price methods): violations of rule `catalogue` with wire paths, all at once, in English and Chinese,
// nothing sent for an inquiry that breaks them; a fake or freed Catalogue is refused with a clear error. Breakdowns
// name units from a catalogue (given, or the one the call was checked against) and project any duration it converts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  PriceClient, Catalogue, validateInquiry, buildOnDemandInquiry, buildPeriodInquiry,
  InquiryValidationError, PriceClientError, quoteFromResponse,
} from 'hwc-price';
import { withSandbox, vm, rejection } from './helpers.mjs';

/** The sandbox's whole catalogue, in English, as a document (gathered once for the file). */
async function sandboxCatalogue() {
  let document;
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base, language: 'en_US' });
    document = JSON.stringify((await client.catalogue()).toJSON());
  });
  return document;
}
const document = await sandboxCatalogue();

const wrong = {
  project_id: 'p',
  product_infos: [
    vm('ok'),
    vm('a', { cloud_service_type: 'hws.service.type.ecs' }),
    vm('b', { resource_type: 'hws.resource.type.volume', usage_factor: 'upflow' }),
    vm('c', { usage_factor: 'upflow', usage_measure_id: 99, resource_size: 40, size_measure_id: 4 }),
  ],
};

test('validateInquiry lists every catalogue problem by wire path, with did you mean', () => {
  const catalogue = Catalogue.fromJSON(document);
  assert.deepEqual(validateInquiry('on-demand', wrong), [], 'without a catalogue: as before');
  const found = validateInquiry('on-demand', wrong, { catalogue });
  assert.deepEqual(found.map((v) => [v.path, v.rule]), [
    ['product_infos[1].cloud_service_type', 'catalogue'],
    ['product_infos[2].resource_type', 'catalogue'],
    ['product_infos[3].size_measure_id', 'catalogue'],
    ['product_infos[3].usage_factor', 'catalogue'],
    ['product_infos[3].usage_measure_id', 'catalogue'],
  ]);
  assert.deepEqual(found.map((v) => v.message), [
    'is not a service type of the catalogue, got "hws.service.type.ecs"; did you mean "hws.service.type.ec2"?',
    'is not a resource type of hws.service.type.ec2 (Elastic Cloud Server), got "hws.resource.type.volume", which belongs to hws.service.type.ebs (Elastic Volume Service)',
    'must be a unit of size (capacity, bandwidth or quantity), not of time, traffic or money, got 4 (Hour, measure type 2)',
    'is not a usage type of hws.resource.type.vm, got "upflow"; must be one of Duration',
    'is not a unit of the catalogue, got 99',
  ]);
  const zh = validateInquiry('on-demand', wrong, { catalogue, language: 'zh_CN' });
  assert.equal(zh[4].message, '不是目录中的度量单位，实际为 99');
  assert.deepEqual(validateInquiry('on-demand', { project_id: 'p', product_infos: [vm('ok')] }, { catalogue, batch: true }), []);
});

test('the build functions throw an InquiryValidationError of them; period products too', () => {
  const catalogue = Catalogue.fromJSON(document);
  const error = (() => {
    try {
      buildOnDemandInquiry(wrong, { catalogue });
    } catch (e) {
      return e;
    }
    return assert.fail('expected a throw');
  })();
  assert.ok(error instanceof InquiryValidationError);
  assert.equal(error.violations.length, 5);
  assert.match(error.message, /^invalid pay-per-use inquiry: 5 problems\n/);
  const disk = {
    project_id: 'p',
    product_infos: [{
      id: 'd', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
      resource_spec: 'SSD', region: 'ap-southeast-1', resource_size: 40, size_measure_id: 10,
      period_type: 2, period_num: 1, subscription_num: 1,
    }],
  };
  assert.equal(buildPeriodInquiry(disk).method, 'POST');
  assert.throws(() => buildPeriodInquiry(disk, { catalogue }),
    (e) => e.violations[0].path === 'product_infos[0].size_measure_id' && e.violations[0].rule === 'catalogue');
  assert.equal(buildPeriodInquiry({ ...disk, product_infos: [{ ...disk.product_infos[0], size_measure_id: 17 }] }, { catalogue }).method, 'POST');
});

test('a price call checked against a catalogue sends nothing when it fails, and prices when it passes', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base });
    const catalogue = await client.catalogue();
    const before = sandbox.requests.length;
    const error = await rejection(client.priceOnDemand(wrong, { catalogue }));
    assert.ok(error instanceof InquiryValidationError);
    assert.equal(error.violations[0].rule, 'catalogue');
    assert.equal(sandbox.requests.length, before, 'nothing sent');
    const quote = await client.priceOnDemand({ project_id: 'p', product_infos: [vm('ok')] }, { catalogue });
    assert.equal(quote.kind, 'on-demand');
  });
});

test('anything but a live Catalogue is refused with a clear error, never a panic', async () => {
  const catalogue = Catalogue.fromJSON(document);
  const fakes = [
    [{}, /catalogue: must be a Catalogue/],
    [{ ...catalogue }, /catalogue: must be a Catalogue/],
    [JSON.parse(document), /catalogue: must be a Catalogue/],
    [Object.create(Catalogue.prototype), /catalogue: must be a Catalogue/],
    [{ [Symbol.for('hwc-price.catalogue')]: 1e9 }, /catalogue: must be a Catalogue/],
    ['catalogue', /catalogue: must be a Catalogue/],
  ];
  for (const [fake, message] of fakes) {
    assert.throws(() => validateInquiry('on-demand', wrong, { catalogue: fake }),
      (e) => e instanceof PriceClientError && e.code === 'INVALID_OPTIONS' && message.test(e.message), String(fake));
  }
  const freed = Catalogue.fromJSON(document);
  freed.free();
  assert.throws(() => buildOnDemandInquiry(wrong, { catalogue: freed }),
    (e) => e instanceof PriceClientError && /catalogue: is a Catalogue that was freed/.test(e.message));
  const client = new PriceClient({ endpoint: 'http://127.0.0.1:9' });
  const error = await rejection(client.priceOnDemand(wrong, { catalogue: freed }));
  assert.equal(error.code, 'INVALID_OPTIONS');
  assert.throws(() => validateInquiry('on-demand', wrong, { catalogue: freed, language: 'zh_CN' }),
    (e) => /已释放的 Catalogue/.test(e.message));
  // The same module still works, and the live one still checks.
  assert.equal(validateInquiry('on-demand', wrong, { catalogue }).length, 5);
  assert.equal(validateInquiry('on-demand', wrong, { catalogue: null }).length, 0);
});

const fixture = (path) => readFileSync(new URL(`../tests/fixtures/${path}`, import.meta.url), 'utf8');

test('breakdowns name units from a catalogue, and project any duration it converts, exactly', () => {
  const inquiry = JSON.parse(fixture('requests/on-demand-4.2.1.json'));
  Object.assign(inquiry.product_infos[0], { usage_value: 7200, usage_measure_id: 6 });
  Object.assign(inquiry.product_infos[2], { usage_value: 180, usage_measure_id: 5 });
  const quote = quoteFromResponse('on-demand', fixture('responses/on-demand-4.2.1.json'), { inquiry });
  const plain = quote.breakdown({ hoursPerMonth: 730 });
  assert.deepEqual(plain.lines.map((l) => l.covers),
    ['1 × 7200 units (measure 6)', '1 × 2 hours', '1 × 180 minutes', '1 × 4 GB']);
  assert.equal(plain.lines[0].projection, null, 'seconds are not built in');
  assert.deepEqual(plain.lines[2].projection, { perHour: '0.02', perMonth: '14.6', perYear: '175.2', exact: true });
  const catalogue = Catalogue.fromJSON(document);
  const named = quote.breakdown({ hoursPerMonth: 730, catalogue });
  assert.deepEqual(named.lines.map((l) => l.covers), ['1 × 7200 seconds', '1 × 2 hours', '1 × 180 minutes', '1 × 4 GB']);
  assert.deepEqual(named.lines[0].projection, { perHour: '2.74', perMonth: '2000.2', perYear: '24002.4', exact: true });
  assert.match(quote.toText({ catalogue }), /1 × 7200 seconds/);
  const zh = Catalogue.fromJSON({ ...JSON.parse(document), language: 'zh_CN',
    measureUnits: JSON.parse(document).measureUnits.map((u) => (u.measure_id === 6 ? { ...u, measure_name: '秒' } : u)) });
  assert.equal(quote.breakdown({ catalogue: zh, language: 'zh_CN' }).lines[0].covers, '1 × 7200秒');
  assert.throws(() => quote.breakdown({ catalogue: {} }), (e) => e.code === 'INVALID_OPTIONS' && /catalogue: must be a Catalogue/.test(e.message));
});

test('a quote keeps the catalogue its call was checked against for its breakdowns', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base, language: 'en_US' });
    const doc = JSON.parse(document);
    doc.measureUnits = doc.measureUnits.map((u) => (u.measure_id === 4 ? { ...u, measure_name: 'Hora' } : u));
    const catalogue = Catalogue.fromJSON(doc);
    const quote = await client.priceOnDemand({ project_id: 'p', product_infos: [vm('a', { usage_value: 3 })] }, { catalogue });
    catalogue.free();
    assert.equal(quote.breakdown().lines[0].covers, '1 × 3 horas');
    assert.equal(quote.toJSON().lines[0].covers, '1 × 3 horas');
    assert.equal(quote.breakdown({ catalogue: Catalogue.fromJSON(document) }).lines[0].covers, '1 × 3 hours');
    const unchecked = await client.priceOnDemand({ project_id: 'p', product_infos: [vm('a', { usage_value: 3 })] });
    assert.equal(unchecked.breakdown().lines[0].covers, '1 × 3 hours');
  });
});
