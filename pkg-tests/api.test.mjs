// The package as a Node program uses it: `import * as hwc from 'hwc-price'`, no init call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as hwc from 'hwc-price';
import init from 'hwc-price';

const fixture = (name) => readFileSync(new URL(`../tests/fixtures/requests/${name}`, import.meta.url), 'utf8');

const vm = () => ({
  id: '1',
  cloud_service_type: 'hws.service.type.ec2',
  resource_type: 'hws.resource.type.vm',
  resource_spec: 'c6.large.2.linux',
  region: 'ap-southeast-1',
  usage_factor: 'Duration',
  usage_value: 1,
  usage_measure_id: 4,
  subscription_num: 1,
});

test('imports with no init call; init() is a harmless no-op in Node', async () => {
  for (const name of ['buildOnDemandInquiry', 'buildPeriodInquiry', 'buildRenewalInquiry', 'validateInquiry',
    'isInquiryValidationError']) {
    assert.equal(typeof hwc[name], 'function', name);
  }
  await init();
  assert.equal(hwc.buildRenewalInquiry({ resource_ids: ['r'], period_type: 2, period_num: 1 }).method, 'POST');
});

test('builders return { method, path, body } with the exact body text', () => {
  const request = hwc.buildOnDemandInquiry({ project_id: 'p1', product_infos: [vm()] });
  assert.deepEqual(Object.keys(request), ['method', 'path', 'body']);
  assert.equal(request.path, '/v2/bills/ratings/on-demand-resources');
  assert.equal(
    request.body,
    '{"project_id":"p1","product_infos":[{"id":"1","cloud_service_type":"hws.service.type.ec2",' +
      '"resource_type":"hws.resource.type.vm","resource_spec":"c6.large.2.linux","region":"ap-southeast-1",' +
      '"usage_factor":"Duration","usage_value":1,"usage_measure_id":4,"subscription_num":1}]}',
  );
  assert.equal(hwc.buildPeriodInquiry(fixture('period-12.8.1.json')).path,
    '/v2/bills/ratings/period-resources/subscribe-rate');
  assert.equal(hwc.buildRenewalInquiry(fixture('renewal-4.2.3.json')).path,
    '/v2/bills/ratings/period-resources/renew-rate');
});

test("the reference's request examples produce bodies equal to themselves", () => {
  const withoutNulls = (v) => JSON.parse(JSON.stringify(v, (k, x) => (x === null ? undefined : x)));
  for (const [name, build] of [
    ['on-demand-4.2.1.json', hwc.buildOnDemandInquiry],
    ['on-demand-12.8.2.json', hwc.buildOnDemandInquiry],
    ['period-12.8.1.json', hwc.buildPeriodInquiry],
    ['renewal-4.2.3.json', hwc.buildRenewalInquiry],
  ]) {
    const example = JSON.parse(fixture(name));
    assert.deepEqual(JSON.parse(build(example).body), withoutNulls(example), name);
  }
});

test('usage_value keeps its exact digits, from JS numbers and from strings', () => {
  const cases = [
    [1e-10, '0.0000000001'],
    [0.1, '0.1'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1.5, '1.5'],
    ['0.0000000001', '0.0000000001'],
    ['1.50', '1.50'],
    ['12345678901234567890.12345678', '12345678901234567890.12345678'],
  ];
  for (const [value, written] of cases) {
    const { body } = hwc.buildOnDemandInquiry({ project_id: 'p', product_infos: [{ ...vm(), usage_value: value }] });
    assert.ok(body.includes(`"usage_value":${written},`), `${value} gave ${body}`);
    assert.ok(!/e-?\d/i.test(body.replace(/"[^"]*"/g, '')), `exponent form in ${body}`);
  }
});

test('JS values JSON cannot carry are reported by path, never dropped', () => {
  const product = { ...vm(), resource_size: NaN, size_measure_id: 17, usage_value: Infinity, available_zone: undefined };
  let error;
  try {
    hwc.buildOnDemandInquiry({ project_id: 'p', product_infos: [product], inquiry_precision: -Infinity });
  } catch (e) {
    error = e;
  }
  assert.deepEqual(error.violations.map((v) => [v.path, v.rule, v.message]), [
    ['inquiry_precision', 'type', 'must be one of 0 (up to 6 decimals), 1 (up to 10 decimals), got -Infinity, which JSON cannot carry'],
    ['product_infos[0].resource_size', 'type', 'must be a whole number from 1 to 214783647 (the bound printed in the API reference), got NaN, which JSON cannot carry'],
    ['product_infos[0].usage_value', 'type', 'must be a decimal number (a number, or a string such as "0.5"), got Infinity, which JSON cannot carry'],
  ]);
});

test('errors are real Errors with name, code, kind, message and violations', () => {
  let caught;
  try {
    hwc.buildPeriodInquiry({ project_id: 'p', product_infos: [] });
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'InquiryValidationError');
  assert.equal(caught.code, 'INVALID_INQUIRY');
  assert.equal(caught.kind, 'period');
  assert.equal(caught.message, 'invalid yearly/monthly inquiry: 1 problem\n  product_infos: must hold at least 1 product, got none');
  assert.deepEqual(caught.violations, [{ path: 'product_infos', rule: 'count', message: 'must hold at least 1 product, got none' }]);
  assert.ok(hwc.isInquiryValidationError(caught));
  assert.ok(!hwc.isInquiryValidationError(new TypeError('x')));
  assert.ok(!hwc.isInquiryValidationError(undefined));
  assert.throws(() => hwc.validateInquiry('weekly', {}), { name: 'TypeError', message: /unknown inquiry kind "weekly"/ });
  assert.throws(() => hwc.validateInquiry(undefined, {}), { name: 'TypeError', message: /^unknown inquiry kind undefined: use "on-demand"/ });
  assert.throws(() => hwc.quoteFromResponse(7, '{}'), { name: 'TypeError', message: /^unknown inquiry kind number:/ });
});

test('hostile input never breaks the module', () => {
  const cyclic = { project_id: 'p' };
  cyclic.product_infos = [cyclic];
  const deep = {};
  let at = deep;
  for (let i = 0; i < 50_000; i++) at = at.next = {};
  const hostile = [undefined, null, NaN, 42n, Symbol('s'), () => 1, cyclic, deep, [], '', '{', '[]',
    { toJSON() { throw new Error('nope'); } }, '['.repeat(100_000), { project_id: 'p', product_infos: 'x'.repeat(1e6) }];
  for (const value of hostile) {
    for (const build of [hwc.buildOnDemandInquiry, hwc.buildPeriodInquiry, hwc.buildRenewalInquiry]) {
      assert.throws(() => build(value), { name: 'InquiryValidationError' });
      assert.ok(Array.isArray(hwc.validateInquiry('renewal', value)));
    }
    assert.equal(hwc.buildOnDemandInquiry({ project_id: 'p', product_infos: [vm()] }).method, 'POST', 'still works');
  }
});

test('the same object can be built many times and results are independent', () => {
  const input = { project_id: 'p', product_infos: [vm()] };
  const a = hwc.buildOnDemandInquiry(input);
  input.product_infos[0].usage_value = 3;
  const b = hwc.buildOnDemandInquiry(input);
  assert.ok(a.body.includes('"usage_value":1,') && b.body.includes('"usage_value":3,'));
});
