// signRequest through the npm package, checked against an independent implementation on node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signRequest } from 'hwc-price';
import { expectedSignature } from '../sandbox/signature.mjs';

const SK = 'Sk-5ecret-Value-0123456789';

const cases = [
  { method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',
    headers: { 'Content-Type': 'application/json', 'X-Domain-Id': 'd-1' }, body: '{"project_id":"p","product_infos":[]}' },
  { method: 'GET', url: 'http://127.0.0.1:8080/v2/x?limit=1&b=a b&a=%7E&a=1', headers: {} },
  { method: 'POST', url: 'https://h.example/v2/caf%C3%A9/a*b/', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"name":"é €"}' },
  { method: 'put', url: 'https://h.example/upload?z=', headers: { 'Content-Type': 'text/csv', X_Trace: 't' }, body: 'a,b\n1,2' },
  { method: 'POST', url: 'https://h.example/x', headers: { 'X-Sdk-Date': '20060102T150405Z', Host: 'proxy.internal:9000' }, body: '' },
];

for (const [i, c] of cases.entries()) {
  test(`signature ${i + 1} matches the independent implementation (${c.method} ${c.url})`, () => {
    const { headers } = signRequest({ ...c, ak: 'AK-1', sk: SK });
    const { Authorization, ...sent } = headers;
    const expected = expectedSignature({ ...c, headers: sent, sk: SK });
    assert.equal(Authorization, `SDK-HMAC-SHA256 Access=AK-1, SignedHeaders=${expected.signedHeaders}, Signature=${expected.signature}`);
    for (const [name, value] of Object.entries(c.headers)) assert.equal(headers[name], value, `keeps ${name}`);
  });
}

test('adds Host and a current X-Sdk-Date; uses a given X-Sdk-Date as is', () => {
  const before = Date.now();
  const { headers } = signRequest({ method: 'POST', url: 'https://bss.myhuaweicloud.com:443/v2/x', body: '{}', ak: 'a', sk: SK,
    headers: { 'Content-Type': 'application/json' } });
  // The default port is not sent by fetch, so it is neither signed nor in Host.
  assert.equal(headers.Host, 'bss.myhuaweicloud.com');
  const m = headers['X-Sdk-Date'].match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  assert.ok(m, headers['X-Sdk-Date']);
  const signedAt = Date.UTC(m[1], m[2] - 1, m[3], m[4], m[5], m[6]);
  assert.ok(signedAt >= before - 1000 && signedAt <= Date.now() + 1000);
  const fixed = signRequest({ method: 'POST', url: 'https://h/x', ak: 'a', sk: SK, headers: { 'X-Sdk-Date': '20240102T030405Z' } });
  assert.equal(fixed.headers['X-Sdk-Date'], '20240102T030405Z');
});

test('what is signed is what fetch sends: the URL normalised by the WHATWG rules, Host from it', () => {
  for (const url of [
    'http://LOCALHOST:18788/v2/bills/ratings/on-demand-resources',
    'http://127.0.0.1:018788/v2/x',
    'https://host:443/v2/x',
    'http://host:80',
    'HTTPS://Bss-Intl.MyHuaweiCloud.com/v2/a/../b/./c?x=1#frag',
    'http://h/a/b/..',
    'http://h/a/%2e%2E/b',
    'http://h\\a\\b',
    'http://[::1]:8080/x',
  ]) {
    const sent = new URL(url);
    sent.hash = ''; // fetch never sends the fragment
    const signed = signRequest({ method: 'POST', url, body: '{}', ak: 'a', sk: SK, headers: { 'X-Sdk-Date': '20240102T030405Z' } });
    assert.equal(signed.url, sent.href, url);
    assert.equal(signed.headers.Host, sent.host, url);
    const again = signRequest({ method: 'POST', url: sent.href, body: '{}', ak: 'a', sk: SK, headers: { 'X-Sdk-Date': '20240102T030405Z' } });
    assert.equal(signed.headers.Authorization, again.headers.Authorization, url);
  }
  const secret = assert.throws(() => signRequest({ method: 'POST', url: 'https://user:hunter2@h/x', ak: 'a', sk: SK }),
    (e) => e.code === 'INVALID_URL' && !e.message.includes('hunter2') && e.message.includes('***@h'));
  void secret;
  assert.throws(() => signRequest({ method: 'POST', url: 'https://h/x', ak: 'AK, Signature=forged', sk: SK }),
    (e) => e.code === 'INVALID_CREDENTIAL');
  assert.throws(() => signRequest({ method: 'POST', url: 'https://h/x', ak: 'a\r\nX: y', sk: SK }),
    (e) => e.code === 'INVALID_CREDENTIAL');
  assert.throws(() => signRequest({ method: 'POST', url: 'https://h/x', ak: 'a', sk: SK, headers: { 'X-Sdk-Date': 'yesterday' } }),
    (e) => e.code === 'INVALID_HEADER' && e.message.includes('X-Sdk-Date'));
});

test('the same request signed twice with a given date is identical', () => {
  const input = { method: 'POST', url: 'https://h/x?b=1&a=2', ak: 'a', sk: SK, body: '{}', headers: { 'X-Sdk-Date': '20240102T030405Z' } };
  assert.deepEqual(signRequest(input), signRequest(input));
});

test('errors are SignRequestError with a code, and never show the secret key', () => {
  const base = { method: 'POST', url: 'https://h/x', ak: 'a', sk: SK };
  const cases = [
    [{ ...base, url: '/relative' }, 'INVALID_URL'],
    [{ ...base, sk: '' }, 'MISSING_CREDENTIAL'],
    [{ ...base, ak: '' }, 'MISSING_CREDENTIAL'],
    [{ ...base, sk: 12345 }, 'INVALID_INPUT'],
    [{ ...base, method: 'PO ST' }, 'INVALID_METHOD'],
    [{ ...base, headers: { 'X-A': `a\r\nX-Leak: ${SK}` } }, 'INVALID_HEADER'],
    [{ ...base, headers: { Host: 'a', host: 'b' } }, 'DUPLICATE_HEADER'],
    [{ ...base, headers: { 'X-N': 5 } }, 'INVALID_INPUT'],
    [{ ...base, headers: ['x'] }, 'INVALID_INPUT'],
    [null, 'INVALID_INPUT'],
    [SK, 'INVALID_INPUT'],
  ];
  for (const [input, code] of cases) {
    let error;
    try {
      signRequest(input);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof Error, `${code}: throws`);
    assert.equal(error.name, 'SignRequestError');
    assert.equal(error.code, code, error.message);
    for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
      assert.ok(!text.includes(SK), `${code}: the SK leaked in ${text}`);
    }
  }
});
