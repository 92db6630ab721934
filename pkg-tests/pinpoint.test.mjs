// Pinpointed failures against the sandbox, which refuses a request holding an unknown spec with "product not
// found" and names that product's index in the request: the client splits the request to find the product,
// prices the rest, and names the product by its index in the whole inquiry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient } from 'hwc-price';
import { withSandbox, onDemand, rejection } from './helpers.mjs';

/** Requests sent to the sandbox's pay-per-use API. */
const rated = (sandbox) => sandbox.requests.filter((r) => r.path.endsWith('on-demand-resources'));

test('one bad product at index 150 of 300: only it fails, by its own index, and the rest is priced', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const inquiry = onDemand(300);
    inquiry.product_infos[150].resource_spec = 'no.such.flavor';
    const error = await rejection(new PriceClient({ endpoint: base }).priceOnDemand(inquiry));
    assert.equal(error.code, 'CBC.99006006');
    assert.deepEqual(error.failedItems, ['p151']);
    assert.equal(error.failures.length, 1);
    const [failure] = error.failures;
    assert.deepEqual([failure.items, failure.indexes, failure.code, failure.status], [['p151'], [150], 'CBC.99006006', 400]);
    assert.match(failure.message, /product_infos\[150\]/);
    assert.doesNotMatch(failure.message, /product_infos\[(0|50)\]/);
    assert.match(error.message, /^1 of 300 items not priced: "p151"\. Product not found/);
    const lines = error.partial.response.product_rating_results.map((l) => l.id);
    assert.deepEqual(lines, inquiry.product_infos.filter((_, i) => i !== 150).map((p) => p.id));
    // 3 requests, then at most 2·1·⌈log2 100⌉ = 14 more; every one answered, none over the quota.
    const sent = rated(sandbox);
    assert.ok(sent.length > 3 && sent.length <= 3 + 14, `${sent.length} requests`);
    assert.ok(sent.every((r) => r.status !== 429));
    assert.equal(error.partial.requests, sent.length);
    assert.equal(error.requests, sent.length, 'requests sent, on the error as on its partial quote');
  });
});

test('the partial quote of a pinpointed failure lists it under failures, with its code and message', async () => {
  await withSandbox({}, async (base) => {
    const inquiry = onDemand(120);
    inquiry.product_infos[110].resource_spec = 'no.such.flavor';
    const error = await rejection(new PriceClient({ endpoint: base }).priceOnDemand(inquiry));
    const breakdown = error.partial.breakdown();
    assert.deepEqual(breakdown.failures.map((f) => [f.id, f.code]), [['p111', 'CBC.99006006']]);
    assert.match(breakdown.failures[0].message, /product_infos\[110\]/);
    assert.deepEqual(breakdown.warnings.filter((w) => w.code === 'no_price'), []);
    const text = error.partial.toText();
    assert.match(text, /p111/);
    assert.match(text, /CBC\.99006006/);
    assert.doesNotMatch(text, /has no price for/);
  });
});

test('progress never reaches its total while a split request is pending', async () => {
  await withSandbox({}, async (base) => {
    const inquiry = onDemand(100);
    inquiry.product_infos[40].resource_spec = 'no.such.flavor';
    const progress = [];
    await rejection(new PriceClient({ endpoint: base }).priceOnDemand(inquiry,
      { onProgress: (done, total) => progress.push([done, total]) }));
    assert.deepEqual(progress[0], [1, 3], 'the halves join the total as the request is counted');
    progress.forEach(([done, total], i) => {
      assert.equal(done, i + 1);
      if (i > 0) assert.ok(total >= progress[i - 1][1], 'total never shrinks');
      if (i < progress.length - 1) assert.ok(done < total, `${done}/${total} with work pending`);
    });
    const [done, total] = progress.at(-1);
    assert.equal(done, total);
  });
});

test('two bad products in different requests, with different codes: each fails with its own', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const inquiry = onDemand(250);
    inquiry.product_infos[7].resource_spec = 'no.such.flavor';
    inquiry.product_infos[230].usage_measure_id = 0;
    inquiry.product_infos[230].usage_factor = 'upflow';
    const error = await rejection(new PriceClient({ endpoint: base, concurrency: 2 }).priceOnDemand(inquiry));
    assert.deepEqual(error.failures.map((f) => [f.items, f.indexes, f.code]),
      [[['p8'], [7], 'CBC.99006006'], [['p231'], [230], 'CBC.99006050']]);
    assert.match(error.failures[0].message, /product_infos\[7\]/);
    assert.match(error.failures[1].message, /product_infos\[230\]/);
    assert.equal(error.partial.response.product_rating_results.length, 248);
    assert.ok(rated(sandbox).length <= 3 + 2 * 14);
  });
});

test('isolateFailures: false, for the client or one call, sends no extra request', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const inquiry = onDemand(150);
    inquiry.product_infos[120].resource_spec = 'no.such.flavor';
    const client = new PriceClient({ endpoint: base });
    const error = await rejection(client.priceOnDemand(inquiry, { isolateFailures: false }));
    assert.equal(error.failedItems.length, 50);
    assert.equal(rated(sandbox).length, 2);
    const off = await rejection(new PriceClient({ endpoint: base, isolateFailures: false }).priceOnDemand(inquiry));
    assert.equal(off.failedItems.length, 50);
    assert.equal(rated(sandbox).length, 4);
  });
});
