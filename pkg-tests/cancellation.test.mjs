// Honest progress and cancellation, hooks, causes and per-call options, with fetch doubles that count their
// calls and hang on demand: nothing here waits for a clock, except AbortSignal.timeout's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient } from 'hwc-price';
import { createSandbox } from '../sandbox/server.mjs';
import { onDemand, rejection } from './helpers.mjs';

/** A pay-per-use answer pricing every product of a request body at 1.5. */
function priced(body) {
  const ids = JSON.parse(body).product_infos.map((p) => p.id);
  return new Response(JSON.stringify({ currency: 'USD', amount: 1.5 * ids.length, discount_amount: 0,
    official_website_amount: 1.5 * ids.length, measure_id: 1,
    product_rating_results: ids.map((id) => ({ id, amount: 1.5, discount_amount: 0, official_website_amount: 1.5, measure_id: 1 })) }),
  { status: 200 });
}

/**
 * A fetch that answers the first `answered` calls and then hangs for good, ignoring its signal. `calls` counts
 * every call; `hanging` resolves when the first hanging call is made.
 */
function hangsAfter(answered) {
  const double = { calls: 0 };
  double.hanging = new Promise((resolve) => {
    double.fetch = async (url, init) => {
      double.calls += 1;
      if (double.calls <= answered) return priced(init.body);
      resolve();
      return new Promise(() => {});
    };
  });
  return double;
}

const clientOf = (fetch, extra = {}) => new PriceClient({ endpoint: 'http://127.0.0.1:9', fetch, concurrency: 1,
  retry: { maxAttempts: 1 }, ...extra });

test('an abort after 5 of 30 requests: progress 5/30, the call rejects at once, nothing more is sent, partial is exact', async () => {
  const double = hangsAfter(5);
  const progress = [];
  const controller = new AbortController();
  const reason = new Error('user left');
  const call = clientOf(double.fetch).priceOnDemand(onDemand(3_000), { signal: controller.signal,
    onProgress: (done, total) => progress.push(`${done}/${total}`) });
  await double.hanging;
  controller.abort(reason);
  // The sixth fetch never settles: the call rejects all the same.
  const error = await rejection(call);
  assert.equal(error.code, 'ABORTED');
  assert.equal(error.cause, reason);
  assert.deepEqual(progress, ['1/30', '2/30', '3/30', '4/30', '5/30']);
  assert.equal(double.calls, 6, 'nothing sent after the abort');
  // Requests sent, the one the abort cut short included, on the error and its partial quote alike.
  assert.deepEqual([error.requests, error.partial.requests], [6, 6]);
  assert.equal(error.partial.response.product_rating_results.length, 500);
  assert.equal(error.failedItems.length, 2_500);
  assert.deepEqual(error.failedItems.slice(0, 2), ['p501', 'p502']);
  assert.deepEqual(error.failures[0].indexes.slice(0, 2), [500, 501]);
});

test('an abort ends the call from the abort event itself: it settles before any timer or I/O callback runs', async () => {
  // 8 answered, then requests hang in flight (ignoring their signal) while others wait for the quota's window.
  const double = hangsAfter(8);
  const controller = new AbortController();
  const call = clientOf(double.fetch, { concurrency: 4 }).priceOnDemand(onDemand(3_000), { signal: controller.signal });
  await double.hanging;
  let later = false;
  setImmediate(() => { later = true; });
  setTimeout(() => { later = true; }, 0);
  controller.abort();
  const error = await rejection(call);
  assert.equal(error.code, 'ABORTED');
  assert.equal(later, false, 'no timer, poll or I/O callback ran between the abort and the rejection');
});

test('a signal of AbortSignal.timeout() gives TIMEOUT with the DOMException as cause', async () => {
  const double = hangsAfter(0);
  const error = await rejection(clientOf(double.fetch).priceOnDemand(onDemand(1), { signal: AbortSignal.timeout(50) }));
  assert.equal(error.code, 'TIMEOUT');
  assert.equal(error.cause?.name, 'TimeoutError');
  // On a loaded machine the timer may fire before the request leaves: then nothing was sent, never more than one.
  assert.ok(double.calls <= 1, `${double.calls} calls`);
});

test('an onProgress that throws rejects the call with that very error, and nothing more is sent', async () => {
  const double = hangsAfter(1_000);
  const thrown = new Error('progress bar gone');
  const error = await rejection(clientOf(double.fetch).priceOnDemand(onDemand(500), { onProgress: (done) => {
    if (done === 2) throw thrown;
  } }));
  assert.equal(error, thrown);
  assert.equal(double.calls, 2);
});

test('onRetry: a plain event before each retry; per call or per client; a throwing hook rejects the call', async () => {
  let calls = 0;
  const flaky = async (url, init) => {
    calls += 1;
    return calls % 2 === 1 ? new Response('', { status: 503, headers: { 'Retry-After': '0' } }) : priced(init.body);
  };
  const events = [];
  const client = clientOf(flaky, { retry: { maxAttempts: 3 }, onRetry: (e) => events.push(['client', e]) });
  await client.priceOnDemand(onDemand(150));
  assert.deepEqual(events.map(([, e]) => e), [
    { kind: 'status', request: 0, attempt: 1, delayMs: 0, code: 'HTTP.503', status: 503 },
    { kind: 'status', request: 1, attempt: 1, delayMs: 0, code: 'HTTP.503', status: 503 },
  ]);
  const own = [];
  await client.priceOnDemand(onDemand(1), { onRetry: (e) => own.push(e.attempt) });
  assert.deepEqual([own, events.length], [[1], 2], "the call's hook instead of the client's");

  const thrown = new RangeError('logger closed');
  const before = calls;
  const error = await rejection(client.priceOnDemand(onDemand(1), { onRetry: () => { throw thrown; } }));
  assert.equal(error, thrown);
  assert.equal(calls, before + 1, 'no retry after the hook threw');
});

test('501 and 505 are not retried; per-call retry and timeoutMs replace the client\'s', async () => {
  for (const status of [501, 505]) {
    let calls = 0;
    const error = await rejection(clientOf(async () => { calls += 1; return new Response('', { status }); },
      { retry: { maxAttempts: 4, baseDelayMs: 0 } }).priceOnDemand(onDemand(1)));
    assert.deepEqual([error.code, error.attempts, calls], [`HTTP.${status}`, 1, 1]);
  }
  let calls = 0;
  const busy = clientOf(async () => { calls += 1; return new Response('', { status: 503 }); },
    { retry: { maxAttempts: 1 } });
  const error = await rejection(busy.priceOnDemand(onDemand(1), { retry: { maxAttempts: 3, baseDelayMs: 0 } }));
  assert.deepEqual([error.attempts, calls], [3, 3]);
  const slow = await rejection(clientOf(() => new Promise(() => {})).priceOnDemand(onDemand(1), { timeoutMs: 1 }));
  assert.equal(slow.code, 'TIMEOUT');
  assert.match(slow.message, /No answer within 1 ms/);
  for (const [options, message] of [[{ retry: { maxAttempt: 2 } }, /retry\.maxAttempt: is not a known option; did you mean maxAttempts\?/],
    [{ timeoutMs: 0 }, /timeoutMs: must be a whole number from 1 to 600000/], [{ isolateFailures: 'yes' }, /isolateFailures: must be true or false/],
    [{ onRetry: 1 }, /onRetry: must be a function/], [{ onRetyr: () => {} }, /onRetyr: is not a known option; did you mean onRetry\?/]]) {
    const bad = await rejection(busy.priceOnDemand(onDemand(1), options));
    assert.equal(bad.name, 'PriceClientError');
    assert.match(bad.message, message);
  }
  assert.throws(() => new PriceClient({ isolateFailures: 1 }), /isolateFailures: must be true or false/);
  assert.throws(() => new PriceClient({ onRetry: 'log' }), /onRetry: must be a function/);
});

test('a network failure keeps what fetch threw as its cause (ECONNREFUSED on a closed loopback port)', async () => {
  const sandbox = createSandbox();
  const base = await sandbox.listen();
  await sandbox.close();
  const error = await rejection(new PriceClient({ endpoint: base, retry: { maxAttempts: 1 } }).priceOnDemand(onDemand(1)));
  assert.equal(error.code, 'NETWORK');
  assert.ok(error.cause instanceof TypeError, String(error.cause));
  assert.equal(error.cause.message, 'fetch failed');
  assert.equal(error.cause.cause?.code, 'ECONNREFUSED');
  assert.ok(Object.hasOwn(error, 'cause'));
});
