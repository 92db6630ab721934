// The client's `fetch` option: any fetch-compatible function, and whatever it does, every call settles with a
// Quote or a PriceApiError, and the process lives on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';
import { onDemand, rejection } from './helpers.mjs';

const answer = {
  currency: 'USD', amount: 1.5, discount_amount: 0, official_website_amount: 1.5, measure_id: 1,
  product_rating_results: [{ id: 'p1', amount: 1.5, discount_amount: 0, official_website_amount: 1.5, measure_id: 1 }],
};

/** A client over `fetch`, one attempt per request, a short timeout. */
const clientOf = (fetch, extra = {}) => new hwc.PriceClient({ endpoint: 'http://127.0.0.1:9', auth: { token: 'T' },
  fetch, timeoutMs: 200, retry: { maxAttempts: 1 }, ...extra });

/** Fails the test, instead of hanging it, when `promise` has not settled after `ms`. */
function settlesWithin(promise, ms = 10_000) {
  let timer;
  const guard = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the call never settled')), ms); });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

test('a test double as fetch: what it is given and what it answers', async () => {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'X-Request-Id': 'req-1' } });
  };
  const quote = await clientOf(fetch).priceOnDemand(onDemand(1));
  assert.equal(quote.response.amount, '1.5');
  assert.deepEqual(quote.requestIds, ['req-1']);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].url, 'http://127.0.0.1:9/v2/bills/ratings/on-demand-resources');
  assert.equal(seen[0].init.method, 'POST');
  assert.ok(seen[0].init.signal instanceof AbortSignal);
  assert.ok(new Headers(seen[0].init.headers).get('x-auth-token') === 'T');
  assert.equal(JSON.parse(seen[0].init.body).product_infos[0].id, 'p1');
});

test('a fetch that is not a function is refused with the option named', () => {
  assert.throws(() => clientOf(42), (e) => e.name === 'PriceClientError' && /fetch: must be a function, got a number/.test(e.message));
});

const misbehaving = {
  'throws synchronously': [() => { throw new TypeError('no network here'); }, 'NETWORK'],
  'rejects': [async () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); }, 'NETWORK'],
  'resolves to null': [async () => null, 'BAD_RESPONSE'],
  'resolves to a plain object': [async () => ({ ok: true, status: 200 }), 'BAD_RESPONSE'],
  'returns a plain value': [() => 'hello', 'BAD_RESPONSE'],
  'answers a body that cannot be read': [async () => ({ status: 200, headers: new Headers(), text: async () => { throw new Error('stream broke'); } }), 'NETWORK'],
  'ignores its signal and never settles': [() => new Promise(() => {}), 'TIMEOUT'],
  'ignores its signal and answers late': [() => new Promise((ok) => setTimeout(() => ok(new Response('{}')), 2_000)), 'TIMEOUT'],
};

for (const [name, [fetch, code]] of Object.entries(misbehaving)) {
  test(`a fetch that ${name} gives a PriceApiError ${code}`, async () => {
    const error = await settlesWithin(rejection(clientOf(fetch).priceOnDemand(onDemand(1))));
    assert.equal(error.name, 'PriceApiError', String(error));
    assert.equal(error.code, code, error.message);
    assert.deepEqual(error.failedItems, ['p1']);
    assert.equal(error.attempts, 1);
  });
}

test('a caller abort ends a call whose fetch ignores its signal', async () => {
  const controller = new AbortController();
  const call = clientOf(() => new Promise(() => {}), { timeoutMs: 600_000 }).priceOnDemand(onDemand(1), { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  const error = await settlesWithin(rejection(call));
  assert.equal(error.code, 'ABORTED');
});

test('a throwing fetch is retried like a network error, and the batch still settles once', async () => {
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    if (calls % 2 === 1) throw new TypeError('flaky');
    return new Response(JSON.stringify(answer), { status: 200 });
  };
  const quote = await settlesWithin(clientOf(fetch, { retry: { maxAttempts: 2, baseDelayMs: 0 } }).priceOnDemand(onDemand(1)));
  assert.equal(quote.attempts, 2);
  assert.equal(calls, 2);
});

test('an object made from AbortSignal.prototype is refused as a signal, and the call settles', async () => {
  const fake = Object.create(AbortSignal.prototype);
  const client = clientOf(async () => new Response(JSON.stringify(answer), { status: 200 }));
  const error = await settlesWithin(rejection(client.priceOnDemand(onDemand(1), { signal: fake })));
  assert.match(error.message, /signal: must be an AbortSignal/);
  assert.equal((await client.priceOnDemand(onDemand(1))).response.amount, '1.5', 'the client still works');
});

test('what a fetch function throws is shown cut, and never with the credentials it was given', async () => {
  const token = 'token-that-must-stay-secret';
  const leaky = async (url, init) => { throw new Error(`refused ${JSON.stringify(init.headers)} ${'x'.repeat(100_000)}`); };
  const viaToken = await rejection(clientOf(leaky, { auth: { token } }).priceOnDemand(onDemand(1)));
  assert.equal(viaToken.code, 'NETWORK');
  assert.ok(!JSON.stringify([viaToken.message, viaToken.failures]).includes(token), viaToken.message);
  assert.ok(viaToken.message.length < 1_000, `${viaToken.message.length} characters`);
  const viaKeys = await rejection(clientOf(leaky, { auth: { ak: 'AKAKAKAKAK', sk: 'secret-key-secret' } }).priceOnDemand(onDemand(1)));
  assert.doesNotMatch(viaKeys.message, /Signature=[0-9a-f]{8}/);
  assert.match(viaKeys.message, /\*\*\*/);
});

test('a server message is repeated cut, not whole', async () => {
  const long = async () => new Response(JSON.stringify({ error_code: 'CBC.0999', error_msg: 'y'.repeat(100_000) }), { status: 400 });
  const error = await rejection(clientOf(long).priceOnDemand(onDemand(1)));
  assert.equal(error.code, 'CBC.0999');
  assert.ok(error.message.length < 1_000, `${error.message.length} characters`);
});
