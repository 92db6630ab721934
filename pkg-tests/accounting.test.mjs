// Every product of a batch ends either priced exactly once or in failedItems with a reason, whatever the
// answers to its parts say. The answers come from a fetch test double that prices each request it is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient } from 'hwc-price';
import { onDemand, withSandbox } from './helpers.mjs';

/** A fetch that answers each request with `shape(ids, n)`'s lines (n counts requests from 0). */
function pricing(shape) {
  let n = 0;
  return async (url, init) => {
    const ids = JSON.parse(init.body).product_infos.map((p) => p.id);
    const { currency = 'USD', lines = ids } = shape(ids, n++) ?? {};
    const answer = {
      currency, amount: lines.length, discount_amount: 0, official_website_amount: lines.length, measure_id: 1,
      product_rating_results: lines.map((id) => ({ id, amount: 1, discount_amount: 0, official_website_amount: 1, measure_id: 1 })),
    };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'x-request-id': `req-${n}` } });
  };
}

const priceWith = (shape, products) => new PriceClient({ endpoint: 'http://127.0.0.1:9', concurrency: 1, fetch: pricing(shape) })
  .priceOnDemand(onDemand(products));

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

test('a part priced in another currency fails with its items; the rest is a partial quote', async () => {
  const error = await rejection(priceWith((_, n) => (n === 1 ? { currency: 'CNY' } : {}), 250));
  assert.equal(error.code, 'INCONSISTENT_ANSWERS');
  assert.equal(error.failedItems.length, 100);
  assert.deepEqual([error.failedItems[0], error.failedItems.at(-1)], ['p101', 'p200']);
  assert.equal(error.attempts, 1);
  assert.equal(error.partial.response.product_rating_results.length, 150);
  assert.equal(error.partial.response.amount, '150');
  assert.equal(error.partial.attempts, 3);
  assert.match(error.message, /priced in "CNY", the rest of the inquiry in "USD"/);
});

test('a 200 answer with no lines fails its items instead of resolving with warnings', async () => {
  const error = await rejection(priceWith((_, n) => (n === 0 ? { lines: [] } : {}), 150));
  assert.equal(error.code, 'INCOMPLETE_ANSWER');
  assert.equal(error.failedItems.length, 100);
  assert.equal(error.partial.response.product_rating_results.length, 50);
});

test('a line left out fails by name; lines repeated or never asked for are warnings that name them', async () => {
  const missing = await rejection(priceWith((ids) => ({ lines: ids.filter((id) => id !== 'p2') }), 3));
  assert.deepEqual(missing.failedItems, ['p2']);
  assert.match(missing.message, /not priced: "p2"\. The answer gives no price for these items\./);

  const quote = await priceWith((ids) => ({ lines: [...ids, ids[0], 'stranger'] }), 2);
  const { lines, warnings } = quote.breakdown();
  assert.deepEqual(lines.map((l) => l.id), ['p1', 'p2', 'stranger']);
  // The totals as sent count p1 twice, so the lines shown do not add up to them: said too.
  assert.deepEqual(warnings.map((w) => w.code), ['repeated_line', 'lines_do_not_add_up', 'lines_do_not_add_up', 'unasked_line']);
  assert.match(warnings[0].message, /"p1" more than once/);
  assert.match(warnings[3].message, /"stranger", which the inquiry did not ask for/);
});

test('a yearly/monthly item priced only inside an optional discount has no list price: it fails by name', async () => {
  const fetch = async (url, init) => {
    const ids = JSON.parse(init.body).product_infos.map((p) => p.id);
    const line = (id) => ({ id, product_id: `OFFI-${id}`, official_website_amount: 10, measure_id: 1 });
    const answer = {
      currency: 'USD',
      official_website_rating_result: { official_website_amount: 10, measure_id: 1, product_rating_results: [line(ids[0])] },
      optional_discount_rating_results: [{ discount_id: 'd', discount_type: 607, best_offer: 1, amount: 18, discount_amount: 2,
        official_website_amount: 20, measure_id: 1, product_rating_results: ids.map((id) => ({ id, amount: 9, discount_amount: 1, official_website_amount: 10, measure_id: 1 })) }],
    };
    return new Response(JSON.stringify(answer), { status: 200 });
  };
  const product = (id) => ({ id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
    resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', period_type: 2, period_num: 1, subscription_num: 1 });
  const error = await rejection(new PriceClient({ endpoint: 'http://127.0.0.1:9', fetch })
    .pricePeriod({ project_id: 'p', product_infos: [product('y0'), product('y1')] }));
  assert.equal(error.code, 'INCOMPLETE_ANSWER');
  assert.deepEqual(error.failedItems, ['y1']);
});

test('on the China site a blank currency is CNY, and a part in US dollars is not added to it', async () => {
  const error = await rejection(new PriceClient({ endpoint: 'http://127.0.0.1:9', site: 'cn', concurrency: 1,
    fetch: pricing((_, n) => ({ currency: n === 0 ? '' : 'USD' })) }).priceOnDemand(onDemand(150)));
  assert.equal(error.code, 'INCONSISTENT_ANSWERS');
  assert.equal(error.failedItems.length, 50);
  assert.equal(error.failedItems[0], 'p101');
  assert.equal(error.partial.currency, 'CNY');
});

/** Renewal ids: `good` priced ones and two expired ones, the expired last or mixed in. */
function renewalIds(order) {
  const ids = Array.from({ length: 10 }, (_, i) => `r-${i + 1}`);
  if (order === 'last') return [...ids, 'expired-a', 'expired-b'];
  ids.splice(3, 0, 'expired-a');
  ids.splice(8, 0, 'expired-b');
  return ids;
}

test('a renewal resolves the same whatever the order of its ids: expired ones are failures of the answer', async () => {
  await withSandbox({}, async (base) => {
    for (const order of ['last', 'mixed']) {
      const quote = await new PriceClient({ endpoint: base }).priceRenewal({ resource_ids: renewalIds(order), period_type: 2, period_num: 1 });
      assert.equal(quote.requests, 2);
      assert.equal(quote.response.renew_inquiry_results.length, 10, order);
      assert.deepEqual(quote.response.fail_resource_infos.map((f) => [f.resource_id, f.error_code]),
        [['expired-a', 'CBC.30050009'], ['expired-b', 'CBC.30050009']], order);
      assert.deepEqual(quote.breakdown().failures.map((f) => f.id), ['expired-a', 'expired-b'], order);
      assert.equal(quote.response.error_code ?? null, null);
    }
    const all = await rejection(new PriceClient({ endpoint: base }).priceRenewal({
      resource_ids: Array.from({ length: 12 }, (_, i) => `expired-${i}`), period_type: 2, period_num: 1 }));
    assert.equal(all.code, 'CBC.30050009');
    assert.equal(all.failedItems.length, 12);
    assert.equal(all.partial, null, 'nothing was priced');
  });
});
