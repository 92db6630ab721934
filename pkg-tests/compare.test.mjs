// client.compareBillingModes against the sandbox: pay-per-use for the longest period's hours and each
// subscription priced concurrently, compared exactly, in every output; the input checked all at once; a
// cancelled comparison fails as a price call does. Each sandbox listens on loopback and is closed by its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PriceClient, InquiryValidationError, PriceApiError } from 'hwc-price';
import { withSandbox, rejection } from './helpers.mjs';
import { dec, add, sub, mul, cmp, text } from '../sandbox/decimal.mjs';

const product = (id, spec, extra = {}) => ({
  id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: spec,
  region: 'ap-southeast-1', subscription_num: 1, ...extra,
});

const input = {
  project_id: 'p',
  products: [
    product('web', 'c6.large.2.linux', { subscription_num: 2 }),
    // Not sold anywhere in the sandbox: every mode keeps its row with the failure.
    product('ghost', 'no.such.flavour'),
  ],
};

test('pay-per-use, a month and a year compared exactly from the sandbox, with progress over every request', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base });
    const progress = [];
    const comparison = await client.compareBillingModes(input, { onProgress: (done, total) => progress.push([done, total]) });
    const doc = comparison.toJSON();
    assert.equal(doc.format, 'hwc-price.comparison');
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.modes.map((m) => [m.name, m.hours]), [['pay-per-use', '8760'], ['1 month', '730'], ['1 year', '8760']]);
    const [web, ghost] = doc.products;
    // 0.1104 an hour × 2 × 8760 hours = 1934.208, less the sandbox's 10% discount.
    assert.deepEqual(web.cells[0], {
      priced: true, list: '1934.208', discount: '193.4208', final: '1740.7872',
      perMonth: { list: '161.184', discount: '16.1184', final: '145.0656', exact: true, rounded: [] },
      saving: null, breakEven: null,
    });
    assert.deepEqual(web.cells[2].saving, { perMonth: '48.6131', percent: '33.51', exact: true });
    assert.deepEqual(web.cells[2].breakEven, { hoursPerMonth: '485.368860709', exact: false, withinMonth: true });
    assert.equal(web.cheapest, 2);
    assert.deepEqual(ghost.cells.map((c) => c.priced), [false, false, false]);
    assert.ok(ghost.cells.every((c) => c.code.startsWith('CBC.')), JSON.stringify(ghost.cells));
    assert.deepEqual(doc.totals.included, ['web']);
    assert.deepEqual(doc.totals.leftOut, ['ghost']);
    assert.deepEqual(comparison.breakdown(), doc);

    const last = progress.at(-1);
    assert.equal(last[0], last[1], 'every request counted');
    assert.ok(progress.every(([done], i) => done === i + 1), JSON.stringify(progress));
    assert.ok(progress.every(([, total], i) => i === 0 || total >= progress[i - 1][1]), JSON.stringify(progress));

    const text = comparison.toText();
    assert.match(text, /^Product web\nMode {9}Final \(whole period\)/);
    assert.match(text, /\n1 year {18}\$1,157\.43 .* ≈485\.368860709  cheapest\n/);
    assert.match(text, /Totals include the products every mode priced: web\. Left out: ghost\./);
    const html = comparison.toHtml();
    assert.match(html, /^<div class="hwc-comparison">/);
    assert.match(html, /<tr class="hwc-cheapest"><th scope="row">1 year<\/th>/);
    assert.match(html, /<tr class="hwc-failed">/);
    const csv = comparison.toCsv();
    assert.ok(csv.startsWith('\ufeffrecord,id,mode,period_type,period_num,currency,'));
    assert.match(csv, /\r\nproduct,web,subscription,3,1,USD,[^\r]*,485\.368860709,cheapest\r\n/);
    assert.match(csv, /\r\ntotal,,pay-per-use,,,USD,1934\.208,193\.4208,1740\.7872,/);
    // Every class the fragment uses has a rule in hwc-price/breakdown.css.
    const css = readFileSync(new URL(import.meta.resolve('hwc-price/breakdown.css')), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const styled = new Set([...css.matchAll(/\.hwc-[\w-]+/g)].map(([name]) => name.slice(1)));
    const used = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap(([, names]) => names.split(' ')));
    for (const state of ['hwc-comparison', 'hwc-comparison-table', 'hwc-cheapest', 'hwc-failed', 'hwc-failure', 'hwc-notes']) {
      assert.ok(used.has(state), state);
    }
    assert.deepEqual([...used].filter((name) => !styled.has(name)), [], 'classes with no rule');
    comparison.free();
  });
});

/** |a|, exact. */
const abs = (a) => (a[0] < 0n ? [-a[0], a[1]] : a);

/** Half a unit in the 12th significant digit of `hours` (a break-even of 1 hour or more): how far the stated
 *  value may be from the exact quotient. */
const halfUlp = (hours) => dec(`5e${hours.split('.')[0].length - 13}`);

test('the sandbox has break-evens within the month and past it, and pay-per-use at the break-even costs the subscription', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base });
    // c6.large.2.win has its own period factors in sandbox/prices.json: a month above full-time pay-per-use.
    const products = [product('office', 'c6.large.2.linux'), product('desktop', 'c6.large.2.win')];
    const comparison = await client.compareBillingModes({ project_id: 'p', products });
    const doc = comparison.toJSON();
    comparison.free();
    assert.deepEqual(doc.products.map((p) => p.cells.map((c) => c.breakEven)), [
      [null, { hoursPerMonth: '570.95410628', exact: false, withinMonth: true },
        { hoursPerMonth: '485.364667203', exact: false, withinMonth: true }],
      [null, { hoursPerMonth: '785.165484634', exact: false, withinMonth: false },
        { hoursPerMonth: '678.086830181', exact: false, withinMonth: true }],
    ]);
    assert.deepEqual(doc.products.map((p) => p.cheapest), [2, 2]);
    assert.deepEqual(doc.products[1].cells[1].saving, { perMonth: '-7.4672', percent: '-7.56', exact: true });
    // Each amount per month by its own exactness: the office's year lists 657.63 (÷ 12 = 54.8025, exact) and
    // pays 578.71 (÷ 12 does not terminate), so its saving against an exact pay-per-use is rounded too.
    assert.deepEqual(doc.products[0].cells[2].perMonth,
      { list: '54.8025', discount: '6.57666666667', final: '48.2258333333', exact: false, rounded: ['discount', 'final'] });
    assert.equal(doc.products[0].cells[2].saving.exact, false);

    // The property, against the sandbox itself: pay-per-use for the break-even hours (one real on-demand call,
    // 10 decimal places) costs the subscription's monthly final price, exact monthly price = final × 730 / its
    // hours, within the break-even's rounding (half a unit of its 12th significant digit, at pay-per-use's
    // final price per hour) and the sandbox's own (half of 1e-10 on the list price and on the discount).
    const hpm = dec(doc.hoursPerMonth);
    const [ppuMode, ...subscriptions] = doc.modes;
    let checked = 0;
    for (const [i, p] of doc.products.entries()) {
      const ppu = p.cells[0];
      for (const [m, mode] of subscriptions.entries()) {
        const cell = p.cells[m + 1];
        const hours = cell.breakEven.hoursPerMonth;
        const quote = await client.priceOnDemand({ project_id: 'p', inquiry_precision: 1, product_infos: [
          { ...products[i], usage_factor: 'Duration', usage_measure_id: 4, usage_value: hours }] });
        const atBreakEven = dec(quote.breakdown().totals.final);
        quote.free();
        // |ppu(h) − F_sub × hpm / H_sub| ≤ F_ppu / H_ppu × halfUlp(h) + 1e-10, multiplied by H_ppu × H_sub.
        const [hPpu, hSub] = [dec(ppuMode.hours), dec(mode.hours)];
        const gap = abs(sub(mul(mul(atBreakEven, hPpu), hSub), mul(mul(dec(cell.final), hpm), hPpu)));
        const bound = add(mul(mul(dec(ppu.final), halfUlp(hours)), hSub), mul(mul(dec('1e-10'), hPpu), hSub));
        assert.ok(cmp(gap, bound) <= 0, `${p.id}, ${mode.name}: ${hours} hours pay-per-use cost ${text(atBreakEven)}`);
        checked += 1;
      }
    }
    assert.equal(checked, 4);
  });
});

test('periods, hours per month and Chinese', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base, language: 'zh_CN' });
    const comparison = await client.compareBillingModes({
      project_id: 'p', products: [product('web', 'c6.large.2.linux')], hoursPerMonth: '720',
      periods: [{ period_type: 2, period_num: 3 }],
    });
    const doc = comparison.toJSON();
    assert.equal(doc.language, 'zh_CN');
    assert.deepEqual(doc.modes.map((m) => [m.name, m.hours]), [['按需', '2160'], ['3 个月', '2160']]);
    assert.match(comparison.toText(), /^产品 web\n计费模式/);
    assert.match(comparison.toHtml(), /<caption><bdi>产品 web<\/bdi><\/caption>/);
  });
});

test('an invalid comparison is refused with every problem by path, before anything is sent', async () => {
  let sent = 0;
  const client = new PriceClient({ endpoint: 'http://127.0.0.1:9', fetch: async () => { sent += 1; throw new Error('not reached'); } });
  const error = await rejection(client.compareBillingModes({
    project_id: 'p',
    products: [product('a', 'x', { subscription_num: 0 }), product('a', ' y')],
    hoursPerMonth: 0,
    periods: [{ period_type: 1, period_num: 1 }],
    extra: true,
  }));
  assert.ok(error instanceof InquiryValidationError);
  assert.equal(error.code, 'INVALID_INQUIRY');
  assert.equal(error.kind, 'comparison');
  assert.deepEqual(error.violations.map((v) => [v.path, v.rule]), [
    ['extra', 'unknown_field'],
    ['hoursPerMonth', 'range'],
    ['products[0].subscription_num', 'range'],
    ['periods[0].period_type', 'one_of'],
    ['products[1].resource_spec', 'blank'],
    ['products[1].id', 'unique'],
  ]);
  assert.match(error.message, /^invalid billing-mode comparison: 6 problems\n/);
  const zh = await rejection(new PriceClient({ endpoint: 'http://127.0.0.1:9', language: 'zh_CN' }).compareBillingModes({ project_id: 'p', products: [] }));
  assert.match(zh.message, /^计费模式比较无效：1 个问题\n {2}products: /);
  assert.equal(sent, 0);
});

test('a cancelled comparison rejects with the PriceApiError of a cancelled call', async () => {
  await withSandbox({}, async (base) => {
    const client = new PriceClient({ endpoint: base });
    const controller = new AbortController();
    controller.abort(new Error('changed my mind'));
    const error = await rejection(client.compareBillingModes(input, { signal: controller.signal }));
    assert.ok(error instanceof PriceApiError);
    assert.equal(error.code, 'ABORTED');
  });
});

test('four 300-product comparisons at once stay within every quota: no 429 with retries off, every product compared', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, concurrency: 16, retry: { maxAttempts: 1 } });
    const specs = ['c6.large.2.linux', 's6.medium.2.linux', 'c6.xlarge.2.linux'];
    const big = { project_id: 'p', products: Array.from({ length: 300 }, (_, i) => product(`vm-${i}`, specs[i % 3])) };
    const comparisons = await Promise.all([0, 1, 2, 3].map(() => client.compareBillingModes(big)));
    // 300 products are 3 requests of 100 per mode: 12 pay-per-use requests in all, past its quota of 10 a second.
    assert.equal(sandbox.requests.length, 4 * 3 * 3);
    assert.equal(sandbox.requests.filter((r) => r.status === 429).length, 0);
    for (const comparison of comparisons) {
      const doc = comparison.toJSON();
      assert.equal(doc.totals.included.length, 300);
      assert.deepEqual(doc.totals.leftOut, []);
      assert.ok(doc.products.every((p) => p.cells.every((c) => c.priced)));
    }
    assert.deepEqual(comparisons.map((c) => c.toText()), Array(4).fill(comparisons[0].toText()), 'the same answer each time');
    for (const comparison of comparisons) comparison.free();
    client.free();
  });
});
