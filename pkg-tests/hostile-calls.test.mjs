// A JavaScript exception raised while the module reads an argument (a proxy whose traps throw, a getter that
// throws, a revoked proxy) is reported in that call's answer and leaves the module as it was: thousands of
// such calls into every export, then valid calls still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';
import { vm } from './helpers.mjs';

const CALLS = 10_000;

/** Proxies and objects that throw, each in another way, on the first thing a reader does with them. */
function hostileValues() {
  const boom = () => { throw new Error('trap'); };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const throwsSymbol = new Proxy({}, { ownKeys() { throw Symbol('s'); } });
  return [
    new Proxy({}, { ownKeys: boom }),
    new Proxy({ a: 1 }, { get: boom }),
    new Proxy({}, { getPrototypeOf: boom }),
    new Proxy({}, { getOwnPropertyDescriptor: boom, ownKeys: () => ['x'] }),
    new Proxy([], { get: boom }),
    revocable.proxy,
    throwsSymbol,
    { get a() { throw new Error('getter'); } },
    Object.defineProperty({}, 'timeoutMs', { enumerable: true, get: boom }),
  ];
}

/** Each export and argument slot that reads a caller's object. */
function slots(quote) {
  const signed = (h) => ({ method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/x', ak: 'AK', sk: 'SK', headers: h });
  const client = new hwc.PriceClient({ site: 'intl', auth: { token: 't' } });
  return {
    'buildOnDemandInquiry(input)': (h) => hwc.buildOnDemandInquiry(h),
    'buildPeriodInquiry(input)': (h) => hwc.buildPeriodInquiry({ project_id: 'p', product_infos: [h] }),
    'buildRenewalInquiry(input)': (h) => hwc.buildRenewalInquiry(h),
    'validateInquiry(kind)': (h) => hwc.validateInquiry(h, {}),
    'validateInquiry(input)': (h) => hwc.validateInquiry('on-demand', h),
    'validateInquiry(options)': (h) => hwc.validateInquiry('on-demand', '{}', h),
    'isInquiryValidationError(value)': (h) => hwc.isInquiryValidationError(h),
    'quoteFromResponse(kind)': (h) => hwc.quoteFromResponse(h, '{}'),
    'quoteFromResponse(response)': (h) => hwc.quoteFromResponse('on-demand', h),
    'quoteFromResponse(options)': (h) => hwc.quoteFromResponse('on-demand', '{}', h),
    'signRequest(input)': (h) => hwc.signRequest(h),
    'signRequest(input.headers)': (h) => hwc.signRequest(signed(h)),
    'new PriceClient(options)': (h) => new hwc.PriceClient(h),
    'new PriceClient(options.auth)': (h) => new hwc.PriceClient({ site: 'intl', auth: h }),
    'priceOnDemand(input)': (h) => client.priceOnDemand(h),
    // An invalid inquiry, so that nothing is ever sent: the options are read first.
    'priceOnDemand(options)': (h) => client.priceOnDemand('{}', h),
    'pricePeriod(options.signal)': (h) => client.pricePeriod('{}', { signal: h }),
    'quote.breakdown(options)': (h) => quote.breakdown(h),
    'quote.toText(options)': (h) => quote.toText(h),
    'quote.toHtml(options)': (h) => quote.toHtml(h),
    'quote.toCsv(options)': (h) => quote.toCsv(h),
  };
}

const answer = JSON.stringify({
  currency: 'USD', amount: 1, discount_amount: 0, official_website_amount: 1, measure_id: 1,
  product_rating_results: [{ id: '1', amount: 1, discount_amount: 0, official_website_amount: 1, measure_id: 1 }],
});

test('10,000 calls whose arguments throw while read leave every export working', async () => {
  const quote = hwc.quoteFromResponse('on-demand', answer);
  const values = hostileValues();
  const pending = [];
  for (const [name, call] of Object.entries(slots(quote))) {
    for (let i = 0; i < CALLS; i++) {
      const value = values[i % values.length];
      try {
        const result = call(value);
        // A promise must settle, and reject rather than hang; keep a few to await.
        if (result instanceof Promise && i < 20) pending.push(result.then(() => 'resolved', (e) => e));
        else if (result instanceof Promise) result.catch(() => {});
      } catch (error) {
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name}: ${error}`);
        assert.equal(typeof error.message, 'string', name);
      }
    }
    // After each slot's storm a valid call works at once.
    assert.equal(hwc.buildOnDemandInquiry({ project_id: 'p', product_infos: [vm('1')] }).method, 'POST', name);
  }
  for (const settled of await Promise.all(pending)) {
    assert.ok(settled instanceof Error, `a hostile priced call rejects: ${settled}`);
    assert.ok(!(settled instanceof WebAssembly.RuntimeError), String(settled));
  }
  // Every export still answers valid calls exactly.
  assert.equal(hwc.quoteFromResponse('on-demand', answer).toCsv().split('\n').length > 1, true);
  const signedOk = hwc.signRequest({ method: 'GET', url: 'https://bss-intl.myhuaweicloud.com/v2/x', ak: 'AK', sk: 'SK',
    headers: { 'X-Sdk-Date': '20260101T000000Z' } });
  assert.match(signedOk.headers.Authorization, /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/);
  assert.deepEqual(hwc.validateInquiry('renewal', { resource_ids: ['r'], period_type: 2, period_num: 1 }), []);
  assert.equal(quote.toText().includes('1'), true);
});

test('what a caller throws is named in the error, cut when long, and never the raw object', () => {
  const long = 'x'.repeat(100_000);
  const input = new Proxy({}, { ownKeys() { throw new Error(long); } });
  const error = (() => { try { hwc.signRequest({ method: 'GET', url: 'https://h/x', ak: 'A', sk: 'S', headers: input }); } catch (e) { return e; } })();
  assert.ok(error instanceof Error);
  assert.ok(error.message.length < 1_000, `message cut: ${error.message.length} characters`);
  const viaOptions = (() => { try { new hwc.PriceClient(input); } catch (e) { return e; } })();
  assert.ok(viaOptions.message.length < 1_000, `message cut: ${viaOptions.message.length} characters`);
});

test('a lone UTF-16 surrogate is refused by name, never sent or signed as U+FFFD', () => {
  const product = { ...vm('1'), resource_spec: 'c6.large\uD800' };
  const fromObject = (() => { try { hwc.buildOnDemandInquiry({ project_id: 'p', product_infos: [product] }); } catch (e) { return e; } })();
  assert.deepEqual(fromObject.violations.map((v) => v.path), ['product_infos[0].resource_spec']);
  assert.match(fromObject.violations[0].message, /lone UTF-16 surrogate/);
  const fromText = (() => { try { hwc.buildOnDemandInquiry('{"project_id":"p\uDC00","product_infos":[]}'); } catch (e) { return e; } })();
  assert.match(fromText.message, /lone UTF-16 surrogate \(half of a character\) at index 16/);
  // Paired surrogates (an emoji) and a backslash-u text are ordinary text.
  assert.match(hwc.buildOnDemandInquiry({ project_id: 'p \\ud800 😀', product_infos: [vm('1')] }).body, /"p \\\\ud800 😀"/);
  const sign = (fields) => { try { hwc.signRequest({ method: 'POST', url: 'https://h/x', ak: 'A', sk: 'S', body: '{}', ...fields }); } catch (e) { return e; } };
  for (const [fields, field] of [[{ headers: { 'X-A': 'v\uD800' } }, 'headers.X-A'], [{ body: '{"a":"\uD800"}' }, 'body'],
    [{ sk: 'S\uDC00' }, 'sk'], [{ url: 'https://h/\uD800' }, 'url']]) {
    const error = sign(fields);
    assert.equal(error?.code, 'INVALID_INPUT', field);
    assert.equal(error.message, `${field} holds a lone UTF-16 surrogate (half of a character), which cannot be sent as signed`);
  }
});
