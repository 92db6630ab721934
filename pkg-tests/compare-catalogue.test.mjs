// compareBillingModes with { catalogue }: the comparison's products checked against the sandbox's catalogue as a
// price call's are (rule `catalogue`, the comparison's wire paths, both languages, nothing sent on a violation);
// the price options' type sentence in both languages; and many requests of one call in flight adding one `abort`
// listener to the call's signal, so Node never warns, while cancelling still rejects at once and sends nothing
// more. Each sandbox listens on loopback and is closed by its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PriceClient, Catalogue, InquiryValidationError, PriceApiError, PriceClientError, Comparison,
} from 'hwc-price';
import { withSandbox, rejection } from './helpers.mjs';

/** A cloud server of the sandbox to compare, with `extra` fields. */
const product = (id, extra = {}) => ({
  id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
  resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', subscription_num: 1, ...extra,
});

/** The sandbox's catalogue in `language`, looked up from the sandbox at `base`. */
const catalogueOf = (base, language) => new PriceClient({ endpoint: base, language }).catalogue();

/** The rating requests the sandbox received (its catalogue look-ups left out). */
const rated = (sandbox) => sandbox.requests.filter((r) => r.path.includes('/ratings/'));

const wrong = {
  project_id: 'p',
  products: [
    product('ok'),
    product('a', { cloud_service_type: 'hws.service.type.ecs' }),
    product('b', { resource_type: 'hws.resource.type.volume' }),
    product('c', { usage_factor: 'upflow', resource_size: 40, size_measure_id: 4 }),
    // upflow is the bandwidth's, but pay-per-use is compared by the hour: traffic would be priced as hours.
    product('d', { cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth',
      resource_spec: '19_bgp', usage_factor: 'upflow', resource_size: 5, size_measure_id: 15 }),
  ],
};

test('a comparison breaking the catalogue rejects with every violation by its own paths, and sends nothing', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const catalogue = await catalogueOf(base, 'en_US');
    const error = await rejection(new PriceClient({ endpoint: base }).compareBillingModes(wrong, { catalogue }));
    assert.ok(error instanceof InquiryValidationError, String(error));
    assert.equal(error.code, 'INVALID_INQUIRY');
    assert.equal(error.kind, 'comparison');
    assert.deepEqual(error.violations.map((v) => [v.path, v.rule]), [
      ['products[1].cloud_service_type', 'catalogue'],
      ['products[2].resource_type', 'catalogue'],
      ['products[3].size_measure_id', 'catalogue'],
      ['products[3].usage_factor', 'catalogue'],
      ['products[4].usage_factor', 'catalogue'],
    ]);
    assert.equal(error.violations[4].message,
      'pay-per-use is compared by the hour (unit 4, Hour), which measures only "Duration", got "upflow"');
    assert.equal(error.violations[0].message,
      'is not a service type of the catalogue, got "hws.service.type.ecs"; did you mean "hws.service.type.ec2"?');
    assert.match(error.violations[1].message, /, which belongs to hws\.service\.type\.ebs/);
    assert.match(error.message, /\n {2}products\[3\]\.usage_factor: is not a usage type of hws\.resource\.type\.vm, got "upflow"; must be one of Duration/);
    assert.deepEqual(rated(sandbox), [], 'nothing sent');
    catalogue.free();
  });
});

test('in Chinese, from a client that speaks it', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const catalogue = await catalogueOf(base, 'zh_CN');
    const client = new PriceClient({ endpoint: base, language: 'zh_CN' });
    const error = await rejection(client.compareBillingModes(wrong, { catalogue }));
    assert.ok(error instanceof InquiryValidationError);
    assert.equal(error.violations[0].message,
      '不是目录中的云服务类型，实际为 "hws.service.type.ecs"；是否应为 "hws.service.type.ec2"？');
    assert.equal(error.violations[0].path, 'products[1].cloud_service_type');
    assert.deepEqual(rated(sandbox), []);
  });
});

test('a comparison the catalogue knows is priced as without it; anything but a live Catalogue is refused', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const catalogue = Catalogue.fromJSON(JSON.stringify((await catalogueOf(base, 'en_US')).toJSON()));
    const client = new PriceClient({ endpoint: base });
    const input = { project_id: 'p', products: [product('web', { subscription_num: 2 })] };
    const checked = await client.compareBillingModes(input, { catalogue });
    assert.ok(checked instanceof Comparison);
    const plain = await client.compareBillingModes(input);
    assert.deepEqual(checked.toJSON(), plain.toJSON());
    assert.equal(checked.toJSON().products[0].cells[0].final, '1740.7872');

    const before = rated(sandbox).length;
    const fake = await rejection(client.compareBillingModes(input, { catalogue: catalogue.toJSON() }));
    assert.ok(fake instanceof PriceClientError, String(fake));
    assert.equal(fake.code, 'INVALID_OPTIONS');
    assert.match(fake.message, /catalogue/);
    assert.equal(rated(sandbox).length, before, 'nothing sent');
  });
});

test('price call options that are not an object are said in the client\'s language', async () => {
  const en = await rejection(new PriceClient({ endpoint: 'http://127.0.0.1:9' }).priceOnDemand({}, 5));
  assert.ok(en instanceof PriceClientError);
  assert.match(en.message, /must be an object: \{ signal\?, onProgress\?, onRetry\?, timeoutMs\?, retry\?, isolateFailures\?, catalogue\? \}, got a number$/);
  const zh = await rejection(new PriceClient({ endpoint: 'http://127.0.0.1:9', language: 'zh_CN' }).priceOnDemand({}, 5));
  assert.ok(zh instanceof PriceClientError);
  assert.match(zh.message, /应为对象：\{ signal\?, onProgress\?, onRetry\?, timeoutMs\?, retry\?, isolateFailures\?, catalogue\? \}，实际为数字$/);
});

/** An inquiry of `n` cloud servers of the sandbox: for a month (`period`) or an hour (`on-demand`). */
const inquiry = (kind, n) => ({
  project_id: 'p',
  product_infos: Array.from({ length: n }, (_, i) => ({
    ...product(`p${i + 1}`),
    ...(kind === 'period' ? { period_type: 2, period_num: 1 } : { usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4 }),
  })),
});

// 2,000 products are 20 requests with up to 16 in flight. Yearly/monthly (quota 30 a second): 16 sends at once.
// Pay-per-use (quota 10): 10 sends, and the others waiting for a place. The fetch never answers and ignores its
// signal, so only the call's own abort can end the sends; were one not told, it would end by its timeout
// (TIMEOUT, not ABORTED).
for (const [kind, method, sent] of [['period', 'pricePeriod', 16], ['on-demand', 'priceOnDemand', 10]]) {
  test(`${kind}: ${sent} requests of one call in flight and more waiting: no MaxListenersExceededWarning; an abort still rejects at once and sends nothing more`, async () => {
    const warnings = [];
    const onWarning = (warning) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      let calls = 0;
      let allInFlight;
      const inFlight = new Promise((resolve) => { allInFlight = resolve; });
      const fetch = () => {
        calls += 1;
        if (calls === sent) allInFlight();
        return new Promise(() => {});
      };
      const client = new PriceClient({ endpoint: 'http://127.0.0.1:9', fetch, concurrency: 16, timeoutMs: 60000,
        retry: { maxAttempts: 1 } });
      const controller = new AbortController();
      const call = client[method](inquiry(kind, 2000), { signal: controller.signal });
      await inFlight;
      // Let the requests that found no place start waiting for one.
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(calls, sent);
      controller.abort(new Error('stop'));
      const error = await rejection(call);
      assert.ok(error instanceof PriceApiError, String(error));
      assert.equal(error.code, 'ABORTED');
      assert.equal(error.cause.message, 'stop');
      // Warnings are emitted on a later turn, and a waiting request would send on one: let them come.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(calls, sent, 'nothing sent after the abort');
      assert.deepEqual(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map(String), []);
    } finally {
      process.off('warning', onWarning);
    }
  });
}
