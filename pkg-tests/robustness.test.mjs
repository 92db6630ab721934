// Robustness and security through the package: the panic hook, fault injection through the sandbox (each
// fault does what the README says, and a batch keeps what was priced), and secrets that appear nowhere. Each
// sandbox listens on loopback and is closed after its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';
import { initSync } from 'hwc-price/web';
import { readFileSync } from 'node:fs';
import { withSandbox, onDemand, rejection } from './helpers.mjs';

const { PriceClient } = hwc;
const fast = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
test('a panic becomes a thrown Error with its message, and the module keeps working', async () => {
  // The deliberate panic is no export of the package: it is reached through the module's raw exports, which
  // the browser entry's initSync returns (in Node that entry is a copy of its own, loaded here).
  const raw = initSync({ module: readFileSync(new URL(import.meta.resolve('hwc-price/hwc_price_bg.wasm'))) });
  const web = await import('hwc-price/web');
  assert.equal(hwc.__panicForTests, undefined);
  assert.throws(() => raw.__panicForTests(), (e) => {
    assert.ok(e instanceof hwc.HwcPriceInternalError);
    assert.equal(e.name, 'HwcPriceInternalError');
    assert.match(e.message, /^hwc-price internal error \(please report it\): panicked at .*a deliberate panic/s);
    return true;
  });
  assert.equal(web.buildRenewalInquiry({ resource_ids: ['a'], period_type: 2, period_num: 1 }).method, 'POST');
  assert.equal(hwc.buildRenewalInquiry({ resource_ids: ['a'], period_type: 2, period_num: 1 }).method, 'POST');
  assert.equal(hwc.validateInquiry('period', {}).length, 2);
  assert.match(hwc.quoteFromResponse('renewal', '{"renew_inquiry_results": [{"resource_id": "r", "amount": "1.5"}]}').toText(), /\$1\.50/);
});

const FAULTS = [
  ['429 with Retry-After', [{ status: 429, retryAfter: 0 }], 'retried'],
  ['429 without Retry-After', [{ status: 429 }], 'retried'],
  ['500', [{ status: 500 }], 'retried'],
  ['502 HTML page from a proxy', [{ status: 502, html: true }], 'retried'],
  ['503', [{ status: 503 }], 'retried'],
  ['a reset connection', [{ drop: true }], 'retried'],
  ['an answer slower than the timeout', [{ delayMs: 500 }], 'retried'],
];

for (const [name, faults, expected] of FAULTS) {
  test(`fault: ${name} is ${expected}, and the call succeeds`, async () => {
    await withSandbox({}, async (base, sandbox) => {
      sandbox.injectFaults(faults);
      const quote = await new PriceClient({ endpoint: base, timeoutMs: 200, retry: fast }).priceOnDemand(onDemand(2));
      assert.equal(quote.attempts, 2);
      assert.equal(quote.response.product_rating_results.length, 2);
    });
  });
}

test('fault: persistent failures end with the documented code after maxAttempts', async () => {
  const cases = [
    [[{ status: 429 }, { status: 429 }, { status: 429 }], 'APIG.0308', 429],
    [[{ status: 503 }, { status: 503 }, { status: 503 }], 'CBC.0999', 503],
    [[{ drop: true }, { drop: true }, { drop: true }], 'NETWORK', null],
    [[{ delayMs: 400 }, { delayMs: 400 }, { delayMs: 400 }], 'TIMEOUT', null],
  ];
  for (const [faults, code, status] of cases) {
    await withSandbox({}, async (base, sandbox) => {
      sandbox.injectFaults(faults);
      const error = await rejection(new PriceClient({ endpoint: base, timeoutMs: 150, retry: fast }).priceOnDemand(onDemand(1)));
      assert.deepEqual([error.name, error.code, error.status, error.attempts], ['PriceApiError', code, status, 3]);
    });
  }
});

test('fault: a truncated answer or one that is not JSON is BAD_RESPONSE, never a price; the content type is not trusted', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, retry: fast });
    sandbox.injectFaults([{ body: '{"amount": 1.5, "product_rating_results": [{"id": "p1", "amount": 1.' }]);
    assert.equal((await rejection(client.priceOnDemand(onDemand(1)))).code, 'BAD_RESPONSE');
    sandbox.injectFaults([{ body: 'Service Unavailable', contentType: 'text/plain' }]);
    assert.equal((await rejection(client.priceOnDemand(onDemand(1)))).code, 'BAD_RESPONSE');
    // A correct answer under a wrong content type is still read: the body decides.
    sandbox.injectFaults([{ contentType: 'text/plain' }]);
    const quote = await client.priceOnDemand(onDemand(1));
    assert.equal(quote.response.product_rating_results.length, 1);
  });
});

test('fault: a batch whose middle chunk keeps failing reports that chunk and keeps the others', async () => {
  await withSandbox({}, async (base, sandbox) => {
    // Requests go one at a time: the second chunk meets three 503s in a row.
    const client = new PriceClient({ endpoint: base, concurrency: 1, retry: fast });
    sandbox.injectFaults([{}, { status: 503 }, { status: 503 }, { status: 503 }]);
    const error = await rejection(client.priceOnDemand(onDemand(300)));
    assert.equal(error.code, 'CBC.0999');
    assert.deepEqual(error.failures.map((f) => [f.items[0], f.items.length, f.code, f.attempts]), [['p101', 100, 'CBC.0999', 3]]);
    assert.deepEqual(error.partial.response.product_rating_results.map((l) => l.id),
      [...Array.from({ length: 100 }, (_, i) => `p${i + 1}`), ...Array.from({ length: 100 }, (_, i) => `p${i + 201}`)]);
    assert.equal(error.partial.requests, 3);
  });
});

test('secrets appear in no error, message, JSON or console output on any path', async () => {
  const SK = 'sk-NEVER-SHOWN-7f3a';
  const TOKEN = 'tok-NEVER-SHOWN-91b2';
  const seen = [];
  const original = { log: console.log, warn: console.warn, error: console.error };
  for (const level of Object.keys(original)) console[level] = (...args) => seen.push(args.map(String).join(' '));
  try {
    await withSandbox({ token: 'right-token', ak: 'AK', sk: 'right-sk' }, async (base, sandbox) => {
      const clients = [
        new PriceClient({ endpoint: base, auth: { token: TOKEN }, retry: fast }),
        new PriceClient({ endpoint: base, auth: { ak: 'AK', sk: SK }, retry: fast }),
        new PriceClient({ endpoint: 'http://127.0.0.1:1', auth: { token: TOKEN }, retry: { ...fast, maxAttempts: 1 } }),
      ];
      for (const client of clients) {
        seen.push(JSON.stringify(client), String(client));
        for (const input of [onDemand(2), { project_id: '' }]) {
          const error = await rejection(client.priceOnDemand(input));
          seen.push(error.message, error.stack, JSON.stringify(error), JSON.stringify(error.failures ?? []), JSON.stringify(error.violations ?? []));
        }
      }
      sandbox.injectFaults([{ status: 500 }]);
      seen.push(JSON.stringify(sandbox.requests));
      for (const bad of [{ auth: { token: `${TOKEN}\n` } }, { auth: { ak: 'a', sk: `${SK} ` } }, { auth: { token: TOKEN, ak: 'a', sk: SK } }, { auth: TOKEN }]) {
        try {
          new PriceClient(bad);
        } catch (error) {
          seen.push(error.message, JSON.stringify(error));
        }
      }
      for (const input of [{ method: 'POST', url: 'ftp://x', ak: 'a', sk: SK }, { method: 'P O', url: 'https://h/', ak: 'a', sk: SK }, { method: 'POST', url: 'https://h/', ak: '', sk: SK },
        { method: 'POST', url: 'https://h/', ak: 'a', sk: SK, headers: { A: 'x', a: 'y' } }, { method: 'POST', url: 'https://h/', ak: 'a', sk: 5 }]) {
        try {
          hwc.signRequest(input);
        } catch (error) {
          seen.push(error.message, JSON.stringify(error));
        }
      }
    });
  } finally {
    Object.assign(console, original);
  }
  assert.ok(seen.length > 30, `${seen.length} outputs checked`);
  for (const text of seen) {
    assert.ok(!text.includes(SK) && !text.includes(TOKEN), text);
  }
});
