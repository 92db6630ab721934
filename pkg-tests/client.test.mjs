// PriceClient against the sandbox rating service, as an npm consumer uses it: batches, quotas, retries, auth,
// every error path, cancellation, exact amounts. Each sandbox listens on loopback and is closed after its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PriceClient, signRequest } from 'hwc-price';
import { createSandbox } from '../sandbox/server.mjs';
import { withSandbox, vm, onDemand, rejection } from './helpers.mjs';
import { dec, sum, cmp } from '../sandbox/decimal.mjs';

const TOKEN = 'sandbox-token';
const SK = 'sandbox-secret-key-never-shown';

const fast = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 };
const exactSum = (values) => sum(values.map(dec));
const same = (a, b) => cmp(typeof a === 'string' ? dec(a) : a, typeof b === 'string' ? dec(b) : b) === 0;

test('a 1,000-product inquiry: 10 requests within the quota, no 429, exact totals, input order, 10 progress calls', async () => {
  await withSandbox({ token: TOKEN }, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, auth: { token: TOKEN } });
    const progress = [];
    const inquiry = onDemand(1000);
    const quote = await client.priceOnDemand(inquiry, { onProgress: (done, total) => progress.push([done, total]) });
    assert.deepEqual(progress, Array.from({ length: 10 }, (_, i) => [i + 1, 10]));
    assert.equal(sandbox.requests.length, 10);
    assert.ok(sandbox.requests.every((r) => r.status === 200), 'the sandbox never had to answer 429');
    assert.deepEqual([quote.kind, quote.requests, quote.attempts, quote.requestIds.length], ['on-demand', 10, 10, 10]);
    const r = quote.response;
    assert.deepEqual(r.product_rating_results.map((l) => l.id), inquiry.product_infos.map((p) => p.id));
    for (const field of ['amount', 'discount_amount', 'official_website_amount']) {
      assert.equal(typeof r[field], 'string');
      assert.ok(same(r[field], exactSum(r.product_rating_results.map((l) => l[field]))), field);
    }
    assert.equal(r.product_rating_results[0].official_website_amount, '0.1104');
    assert.equal(quote.currency, 'USD');
  });
});

test('amounts reach JS with exactly the digits sent: numbers from subscribe-rate, strings from renew-rate', async () => {
  await withSandbox({ currency: 'CNY' }, async (base) => {
    const client = new PriceClient({ endpoint: base, site: 'cn' });
    const period = await client.pricePeriod({ project_id: 'p', product_infos: [
      { id: 'a', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.large.2.linux',
        region: 'cn-north-4', period_type: 2, period_num: 3, subscription_num: 2 },
    ] });
    const list = period.response.official_website_rating_result;
    assert.equal(period.currency, 'CNY');
    assert.equal(typeof list.official_website_amount, 'string');
    const options = period.response.optional_discount_rating_results;
    assert.equal(options.filter((o) => o.best_offer === 1).length, 1);
    for (const o of options) assert.ok(same(exactSum([o.amount, o.discount_amount]), o.official_website_amount), o.discount_id);

    const renewal = await client.priceRenewal({ resource_ids: ['r-1', 'expired-2', 'r-3'], period_type: 3, period_num: 1 });
    const res = renewal.response;
    assert.deepEqual(res.renew_inquiry_results.map((l) => l.resource_id), ['r-1', 'r-3']);
    assert.match(res.renew_inquiry_results[0].amount, /^\d+\.\d{2}$/);
    assert.deepEqual(res.fail_resource_infos.map((f) => [f.resource_id, f.error_code]), [['expired-2', 'CBC.30050009']], 'failed resources stay in the quote');
    assert.equal(res.error_code, null);
  });
});

test('every amount keeps exactly the digits of the answer: 10 decimals, trailing zeros, exponents', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.injectFaults([{ body: '{"amount":1.0000000001,"discount_amount":0,"official_website_amount":2.50,"currency":"USD",' +
      '"product_rating_results":[{"id":"p1","amount":0.0000000001,"discount_amount":"0.10","official_website_amount":1E-7,' +
      '"discount_rating_results":[{"discount_type":999,"amount":12345678901234567890.12,"unknown":{"x":1}}],"future_field":[1,2]}]}' }]);
    const quote = await new PriceClient({ endpoint: base }).priceOnDemand({ ...onDemand(1), inquiry_precision: 1 });
    const r = quote.response;
    assert.deepEqual([r.amount, r.discount_amount, r.official_website_amount], ['1.0000000001', '0', '2.50']);
    const [line] = r.product_rating_results;
    assert.deepEqual([line.amount, line.discount_amount, line.official_website_amount, line.measure_id], ['0.0000000001', '0.10', '0.0000001', null]);
    assert.deepEqual(line.discount_rating_results, [{ discount_id: null, discount_type: 999, amount: '12345678901234567890.12', measure_id: null, discount_name: null }]);
    assert.equal(r.sandbox_notice, undefined, 'unknown fields are tolerated, not passed on');
  });
});

test('renewals of more than 10 resources are split and merged, failures of every part kept', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const ids = Array.from({ length: 23 }, (_, i) => (i % 10 === 4 ? `expired-${i}` : `res-${i}`));
    const progress = [];
    const quote = await new PriceClient({ endpoint: base }).priceRenewal({ resource_ids: ids, period_type: 2, period_num: 1 },
      { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    assert.equal(sandbox.requests.length, 3);
    assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
    const r = quote.response;
    assert.deepEqual(r.renew_inquiry_results.map((l) => l.resource_id), ids.filter((i) => !i.startsWith('expired-')));
    assert.deepEqual(r.fail_resource_infos.map((f) => f.resource_id), ['expired-4', 'expired-14']);
    assert.ok(same(r.official_website_rating_result.official_website_amount, exactSum(r.renew_inquiry_results.map((l) => l.amount))));
  });
});

test('a renewal whose every resource failed is an error naming them, with no partial quote (HTTP 200 with error_code)', async () => {
  await withSandbox({}, async (base) => {
    const error = await rejection(new PriceClient({ endpoint: base }).priceRenewal({ resource_ids: ['expired-1'], period_type: 2, period_num: 1 }));
    assert.equal(error.name, 'PriceApiError');
    assert.deepEqual([error.code, error.status, error.attempts], ['CBC.30050009', 200, 1]);
    assert.match(error.message, /^The resource has expired and been deleted, or does not exist\. \(CBC\.30050009: /);
    assert.match(error.requestId, /^[0-9a-f]{32}$/);
    assert.deepEqual([error.failedItems, error.partial], [['expired-1'], null]);
  });
});

test('429 bursts are retried after Retry-After, 5xx with backoff, dropped connections too', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.injectFaults([{ status: 429, retryAfter: 1 }, { status: 503 }, { status: 502, html: true }, { drop: true }]);
    const quote = await new PriceClient({ endpoint: base, retry: { maxAttempts: 5, baseDelayMs: 5 } }).priceOnDemand(onDemand(1));
    assert.equal(quote.attempts, 5);
    assert.deepEqual(sandbox.requests.map((r) => r.status), [429, 503, 502, 'dropped', 200]);
    const [first, second] = sandbox.requests;
    assert.ok(second.at - first.at >= 1000, `waited ${second.at - first.at} ms after Retry-After: 1`);
  });
});

test('retries end after maxAttempts with the last answer; other 4xx are never retried', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.injectFaults([{ status: 502, html: true }, { status: 502, html: true }, { status: 502, html: true }]);
    const client = new PriceClient({ endpoint: base, retry: { ...fast, maxAttempts: 3 } });
    const error = await rejection(client.priceOnDemand(onDemand(1)));
    assert.deepEqual([error.code, error.status, error.attempts], ['HTTP.502', 502, 3]);
    assert.equal(error.message, 'HTTP.502: 502 Bad Gateway');
    assert.equal(error.requestId, sandbox.requests[2].requestId ?? error.requestId);

    const notFound = await rejection(client.priceOnDemand(onDemand(1, { resource_spec: 'no.such.flavor' })));
    assert.deepEqual([notFound.code, notFound.status, notFound.attempts], ['CBC.99006006', 400, 1]);
    assert.match(notFound.message, /^Product not found: cloud_service_type, resource_type, resource_spec and region must together name a product/);
    assert.match(notFound.message, /\(CBC\.99006006: Product not found: no sample price/, 'the server text is kept');
    assert.equal(sandbox.requests.length, 4);
  });
});

test('the gateway quota error (error_message, not error_msg) when retries are off', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.injectFaults([{ status: 429, retryAfter: 1 }]);
    const error = await rejection(new PriceClient({ endpoint: base, retry: { maxAttempts: 1 } }).priceOnDemand(onDemand(1)));
    assert.deepEqual([error.code, error.status, error.attempts], ['APIG.0308', 429, 1]);
    assert.match(error.message, /^Too many requests per second for this API; slow down and retry\. \(APIG\.0308: The throttling threshold/);
    assert.match(error.requestId, /^[0-9a-f]{32}$/);
  });
});

test('timeouts, network failures and unreadable answers each have their own code', async () => {
  await withSandbox({}, async (base, sandbox) => {
    sandbox.injectFaults([{ delayMs: 400 }, { delayMs: 400 }]);
    const slow = await rejection(new PriceClient({ endpoint: base, timeoutMs: 50, retry: { ...fast, maxAttempts: 2 } }).priceOnDemand(onDemand(1)));
    assert.deepEqual([slow.code, slow.status, slow.attempts], ['TIMEOUT', null, 2]);
    assert.equal(slow.message, 'No answer within 50 ms (the timeoutMs option).');

    sandbox.injectFaults([{ body: '{"amount": 1.5, "product_rating_results": [' }]);
    const bad = await rejection(new PriceClient({ endpoint: base }).priceOnDemand(onDemand(1)));
    assert.deepEqual([bad.code, bad.status, bad.attempts], ['BAD_RESPONSE', null, 1]);
    assert.match(bad.message, /^The answer could not be read: unreadable answer at the top: not JSON/);
  });
  const closed = await withFreePort();
  const offline = await rejection(new PriceClient({ endpoint: `http://127.0.0.1:${closed}`, retry: { ...fast, maxAttempts: 2 } }).priceOnDemand(onDemand(1)));
  assert.deepEqual([offline.code, offline.status, offline.attempts], ['NETWORK', null, 2]);
  assert.match(offline.message, new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${closed}/v2/bills/ratings/on-demand-resources: `));
});

/** A loopback port with nothing listening on it. */
async function withFreePort() {
  const sandbox = createSandbox();
  const base = await sandbox.listen();
  await sandbox.close();
  return new URL(base).port;
}

test('cancelling with an AbortSignal stops the call, before or during a request', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base });
    const early = new AbortController();
    early.abort();
    const before = await rejection(client.priceOnDemand(onDemand(1), { signal: early.signal }));
    assert.deepEqual([before.code, before.attempts, sandbox.requests.length], ['ABORTED', 0, 0]);

    sandbox.injectFaults([{ delayMs: 2000 }]);
    const during = new AbortController();
    const pending = new PriceClient({ endpoint: base, concurrency: 1 }).priceOnDemand(onDemand(150), { signal: during.signal });
    setTimeout(() => during.abort(), 50);
    const error = await rejection(pending);
    assert.equal(error.code, 'ABORTED');
    assert.equal(error.message.endsWith('The price inquiry was cancelled.'), true);
    assert.deepEqual([error.failedItems.length, error.partial], [150, null]);
    assert.deepEqual(error.failures.map((f) => f.code), ['ABORTED', 'ABORTED']);
    assert.equal(sandbox.requests.length, 1, 'the second request was never sent');
  });
});

test('a failed part of a batch names its items and keeps what was priced', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const inquiry = onDemand(250);
    inquiry.product_infos[120].resource_spec = 'no.such.flavor';
    // Without isolation the whole request fails, and the message names the caller's index, not the request's.
    const whole = await rejection(new PriceClient({ endpoint: base, concurrency: 1, isolateFailures: false }).priceOnDemand(inquiry));
    assert.equal(whole.code, 'CBC.99006006');
    assert.deepEqual([whole.requests, whole.failures.length], [3, 1]);
    assert.deepEqual(whole.failedItems, inquiry.product_infos.slice(100, 200).map((p) => p.id));
    assert.deepEqual(whole.failures[0].indexes, Array.from({ length: 100 }, (_, i) => 100 + i));
    assert.match(whole.message, /^100 of 250 items not priced: "p101", "p102", "p103", "p104", "p105" and 95 more\. Product not found/);
    assert.match(whole.message, /product_infos\[120\]/);
    assert.doesNotMatch(whole.message, /product_infos\[20\]/);
    const priced = whole.partial.response.product_rating_results.map((l) => l.id);
    assert.deepEqual(priced, [...inquiry.product_infos.slice(0, 100), ...inquiry.product_infos.slice(200)].map((p) => p.id));
    assert.equal(whole.partial.requests, 3, 'three requests sent');
    assert.equal(sandbox.requests.length, 3);
  });
});

test('tokens: X-Auth-Token sent, an expired one explained in English or Chinese, the other site named', async () => {
  await withSandbox({ token: TOKEN }, async (base, sandbox) => {
    await new PriceClient({ endpoint: base, auth: { token: TOKEN }, language: 'zh_CN' }).priceOnDemand(onDemand(1));
    assert.equal(sandbox.requests[0].headers['x-auth-token'], '(token)');
    assert.equal(sandbox.requests[0].headers['x-language'], 'zh_CN');

    const expired = await rejection(new PriceClient({ endpoint: base, auth: { token: 'old-token' }, concurrency: 1 }).priceOnDemand(onDemand(300)));
    assert.deepEqual([expired.code, expired.status, expired.attempts], ['CBC.0154', 401, 1]);
    assert.match(expired.message, /^300 of 300 items not priced: .*The token is invalid or has expired \(tokens last 24 hours\); get a new one\. \(CBC\.0154: Invalid or expired token\.\)$/);
    assert.deepEqual(expired.failures.map((f) => f.code), ['CBC.0154', 'NOT_SENT', 'NOT_SENT'], 'the rest would fail the same way');
    assert.equal(sandbox.requests.length, 2);

    const zh = await rejection(new PriceClient({ endpoint: base, auth: { token: 'old' }, language: 'zh_CN' }).priceOnDemand(onDemand(1)));
    assert.match(zh.message, /^Token 无效或已过期（有效期 24 小时），请重新获取。 \(CBC\.0154: Invalid or expired token\.\)$/);

    const site = await rejection(new PriceClient({ endpoint: base, auth: { token: 'other-site-account' } }).priceOnDemand(onDemand(1)));
    assert.deepEqual([site.code, site.status, site.attempts], ['CBC.0156', 403, 1]);
    assert.match(site.message, /use the China site \(endpoint "cn", https:\/\/bss\.myhuaweicloud\.com\) instead/);
  });
});

test('AK/SK: every request signed (with X-Domain-Id), a wrong key refused, the SK never shown', async () => {
  await withSandbox({ ak: 'SANDBOXAK', sk: SK }, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: `${base}/proxy/prefix/`, auth: { ak: 'SANDBOXAK', sk: SK, domainId: 'domain-1' } });
    const quote = await client.priceOnDemand(onDemand(150));
    assert.equal(quote.requests, 2);
    assert.deepEqual(sandbox.requests.map((r) => [r.path, r.headers.authorization, r.headers['x-domain-id']]), [
      ['/proxy/prefix/v2/bills/ratings/on-demand-resources', '(signed)', 'domain-1'],
      ['/proxy/prefix/v2/bills/ratings/on-demand-resources', '(signed)', 'domain-1'],
    ]);
    assert.match(sandbox.requests[0].headers['x-sdk-date'], /^\d{8}T\d{6}Z$/);

    const wrong = new PriceClient({ endpoint: base, auth: { ak: 'SANDBOXAK', sk: 'not-the-key' } });
    const error = await rejection(wrong.priceOnDemand(onDemand(1)));
    assert.deepEqual([error.code, error.status], ['APIG.0301', 401]);
    assert.match(error.message, /^The AK\/SK signature was refused/);
    for (const shown of [JSON.stringify(client), String(client), JSON.stringify(error), error.message, error.stack, JSON.stringify(quote.response)]) {
      assert.ok(!shown.includes(SK) && !shown.includes('not-the-key'), shown);
    }
    assert.deepEqual(client.toJSON(), { endpoint: `${base}/proxy/prefix`, site: 'intl', language: 'en_US', auth: 'access-key' });
  });
});

test('the exported signer produces what the client sends', async () => {
  await withSandbox({ ak: 'SANDBOXAK', sk: SK }, async (base) => {
    const url = `${base}/v2/bills/ratings/on-demand-resources`;
    const body = JSON.stringify(onDemand(1));
    const { headers } = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body, ak: 'SANDBOXAK', sk: SK });
    delete headers.Host;
    const res = await fetch(url, { method: 'POST', headers, body });
    assert.equal(res.status, 200);
  });
});

test('invalid inquiries are rejected before anything is sent', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base });
    const error = await rejection(client.priceOnDemand({ project_id: '', product_infos: [vm('a'), vm('a', { usage_value: -1 })] }));
    assert.equal(error.name, 'InquiryValidationError');
    assert.deepEqual(error.violations.map((v) => v.path).sort(), ['product_infos[1].id', 'product_infos[1].usage_value', 'project_id']);
    const tooMany = await rejection(client.priceRenewal({ resource_ids: Array.from({ length: 1001 }, (_, i) => `r${i}`), period_type: 2, period_num: 1 }));
    assert.equal(tooMany.violations[0].message, 'must hold at most 1000 resource ids per batch, got 1001');
    assert.equal(sandbox.requests.length, 0);
  });
});

test('client and call options are checked, every problem at once', async () => {
  assert.throws(() => new PriceClient({ endpoint: 'ftp://x', auth: { ak: 'a' }, timeoutMs: 0, retrys: {} }), (e) => {
    assert.equal(e.name, 'PriceClientError');
    assert.equal(e.code, 'INVALID_OPTIONS');
    assert.deepEqual(e.violations.map((v) => v.path).sort(), ['auth.sk', 'endpoint', 'retrys', 'timeoutMs']);
    assert.match(e.message, /retrys: is not a known option; did you mean retry\?/);
    return true;
  });
  assert.throws(() => new PriceClient({ auth: { ak: 'a', sk: 'secret with space' } }), (e) => !e.message.includes('secret with space'));
  assert.throws(() => new PriceClient('intl'), /client options must be an object/);
  assert.deepEqual(new PriceClient().toJSON(), { endpoint: 'https://bss-intl.myhuaweicloud.com', site: 'intl', language: 'en_US', auth: 'none' });
  assert.deepEqual(new PriceClient({ endpoint: 'cn' }).toJSON().language, 'zh_CN');
  const client = new PriceClient();
  for (const [options, pattern] of [[{ onProgres: () => {} }, /onProgres: is not a known option/], [{ signal: {} }, /signal: must be an AbortSignal/],
    [{ onProgress: 1 }, /onProgress: must be a function/], ['x', /must be an object/]]) {
    const error = await rejection(client.priceOnDemand(onDemand(1), options));
    assert.equal(error.name, 'PriceClientError');
    assert.match(error.message, pattern);
  }
});

test('calls through one client share its quota', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const client = new PriceClient({ endpoint: base, retry: { maxAttempts: 1 } });
    // 25 single-product calls at once: without the shared throttle the sandbox would answer 429.
    const quotes = await Promise.all(Array.from({ length: 25 }, (_, i) => client.priceOnDemand(onDemand(1 + (i % 3)))));
    assert.equal(quotes.length, 25);
    const times = sandbox.requests.map((r) => r.at);
    for (const start of times) assert.ok(times.filter((t) => t >= start && t < start + 1000).length <= 10);
    assert.ok(sandbox.requests.every((r) => r.status === 200));
  });
});
