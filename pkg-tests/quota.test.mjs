// The throttle as the gateway sees it: several concurrent calls on one client, each API at once, requests
// delayed at random on their way to the sandbox (as a new connection or a busy network delays them), and no
// retries, so a single 429 from the sandbox's own per-second count fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient } from 'hwc-price';
import { onDemand, vm, withSandbox } from './helpers.mjs';

/** The global fetch, with each request held back 0–300 ms before it leaves (a deterministic sequence). */
function slowPath() {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % 300;
  };
  return (url, init) => new Promise((resolve) => setTimeout(resolve, next())).then(() => fetch(url, init));
}

const period = (n) => ({ project_id: 'p', product_infos: Array.from({ length: n }, (_, i) => ({ ...vm(`y${i}`),
  usage_factor: undefined, usage_value: undefined, usage_measure_id: undefined, period_type: 2, period_num: 1 })) });

test('no second at the sandbox holds more requests of one API than its quota', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, fetch: slowPath(), concurrency: 16, retry: { maxAttempts: 1 } });
    const calls = [];
    for (let c = 0; c < 3; c++) {
      calls.push(client.priceOnDemand(onDemand(1_100)));
      calls.push(client.pricePeriod(JSON.stringify(period(3_500))));
      calls.push(client.priceRenewal({ resource_ids: Array.from({ length: 150 }, (_, i) => `r${c}-${i}`), period_type: 2, period_num: 1 }));
    }
    const quotes = await Promise.all(calls);
    assert.equal(quotes.reduce((n, q) => n + q.requests, 0), 3 * (11 + 35 + 15));
    // The sandbox's own log: when each request reached it.
    for (const [path, quota] of [['on-demand-resources', 10], ['subscribe-rate', 30], ['renew-rate', 10]]) {
      const times = sandbox.requests.filter((r) => r.path.endsWith(path)).map((r) => r.at).sort((a, b) => a - b);
      assert.ok(times.length > 3 * quota, `${path}: enough requests to need spacing`);
      let start = 0;
      let busiest = 0;
      for (let end = 0; end < times.length; end++) {
        while (times[start] + 1_000 <= times[end]) start++;
        busiest = Math.max(busiest, end + 1 - start);
      }
      assert.ok(busiest <= quota, `${path}: ${busiest} requests in one second (quota ${quota})`);
    }
  });
});

test('back-to-back large batches (8 × 3,000 products) never meet a 429, on one client or a new client each', async () => {
  for (const fresh of [false, true]) {
    await withSandbox({}, async (base, sandbox) => {
      const shared = new PriceClient({ endpoint: base, concurrency: 16, retry: { maxAttempts: 1 } });
      for (let batch = 0; batch < 8; batch++) {
        const client = fresh ? new PriceClient({ endpoint: base, concurrency: 16, retry: { maxAttempts: 1 } }) : shared;
        const quote = await client.priceOnDemand(onDemand(3_000));
        assert.equal(quote.requests, 30);
      }
      assert.equal(sandbox.requests.length, 240);
      assert.deepEqual(sandbox.requests.filter((r) => r.status === 429).length, 0, fresh ? 'new clients' : 'one client');
    });
  }
});
