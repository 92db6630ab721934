// The Node entries hash request bodies for signRequest with node:crypto; the other entries with the module's
// own SHA-256. Both must give the same signature for every request: SIGNING.md's two public vectors and many
// random ones, signed by the Node entry and by the "hwc-price/web" entry (its own copy of the module) side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as node from 'hwc-price';
import * as web from 'hwc-price/web';

const require = createRequire(import.meta.url);
web.initSync({ module: readFileSync(require.resolve('hwc-price/hwc_price_bg.wasm')) });

const DATE = '20060102T150405Z';

test("SIGNING.md's two vectors are signed by both entries with the vectors' payload hashes", () => {
  // The vectors sign no Host; the signer adds one from the URL, so the expected signature is the vectors'
  // canonical request with host:h added, over the payload hash that SIGNING.md gives (not one computed here).
  const vectors = [
    { method: 'GET', url: 'https://h/path?limit=1', query: 'limit=1', body: undefined,
      payload: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { method: 'POST', url: 'https://h/path?key=value', query: 'key=value', body: '{"Name":"test","Id":1}\n',
      payload: 'a29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289' },
  ];
  for (const v of vectors) {
    const canonical = `${v.method}\n/path/\n${v.query}\nhost:h\nx-sdk-date:${DATE}\n\nhost;x-sdk-date\n${v.payload}`;
    const toSign = `SDK-HMAC-SHA256\n${DATE}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const expected = createHmac('sha256', 'SecretKey').update(toSign).digest('hex');
    for (const [entry, hwc] of [['node', node], ['web', web]]) {
      const { headers } = hwc.signRequest({ method: v.method, url: v.url, body: v.body, ak: 'AccessKey', sk: 'SecretKey',
        headers: { 'X-Sdk-Date': DATE, TEST_UNDERSCORE: 'TEST_VALUE' } });
      assert.equal(headers.Authorization,
        `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${expected}`, `${entry}: ${v.method}`);
    }
  }
});

test('the Node entry and the web entry sign random bodies alike', () => {
  let seed = 0x2545f491;
  const random = (n) => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  // ASCII, two-, three- and four-byte UTF-8, and the sizes around SHA-256's 64-byte blocks.
  const alphabet = ['a', '"', '\\', '\n', ' ', '{', 'é', '€', '中', '😀'];
  const sizes = [1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 31_000, 200_000];
  for (let i = 0; i < 60; i++) {
    const size = i < sizes.length ? sizes[i] : 1 + random(5000);
    const body = Array.from({ length: size }, () => alphabet[random(alphabet.length)]).join('');
    const contentType = ['application/json', 'application/json; charset=utf-8', 'text/plain', undefined][i % 4];
    const request = {
      method: 'POST', url: `https://bss-intl.myhuaweicloud.com/v2/x?i=${i}`, body, ak: 'AK', sk: `sk-${i}`,
      headers: { 'X-Sdk-Date': DATE, ...(contentType ? { 'Content-Type': contentType } : {}) },
    };
    assert.deepEqual(node.signRequest(request), web.signRequest(request), `body ${i} (${size} characters)`);
  }
  for (const body of ['', undefined]) {
    const request = { method: 'GET', url: 'https://h/x', body, ak: 'AK', sk: 'SK', headers: { 'X-Sdk-Date': DATE } };
    assert.deepEqual(node.signRequest(request), web.signRequest(request));
  }
});

test('the Node entries hash with node:crypto, once per signed body, and never an empty or unsigned one', () => {
  // In a child process: the entry picks its hash once, as it loads, so the count is installed before it.
  const script = `
    const crypto = require('node:crypto');
    let calls = 0;
    for (const name of ['hash', 'createHash']) {
      const original = crypto[name];
      if (typeof original === 'function') crypto[name] = (...args) => { calls++; return original(...args); };
    }
    const { signRequest } = require('hwc-price');
    const sign = (body, type) => signRequest({ method: 'POST', url: 'https://h/x', body, ak: 'AK', sk: 'SK',
      headers: { 'Content-Type': type } });
    sign('{"a":1}', 'application/json');
    const afterJson = calls;
    sign('', 'application/json');
    sign('plain text', 'text/plain');
    console.log(JSON.stringify([afterJson, calls]));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: new URL('.', import.meta.url).pathname, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), [1, 1]);
});

test('signRequest reads a body getter once and signs and hashes that one value', () => {
  const plain = { method: 'POST', url: 'https://h/x', ak: 'AK', sk: 'SK', body: '{"a":1}',
    headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE } };
  /** `plain` with a body getter giving `bodies` in turn (throwing past them) and counting its reads. */
  const getter = (...bodies) => {
    const request = { ...plain };
    const counter = { reads: 0 };
    Object.defineProperty(request, 'body', { enumerable: true, get() {
      counter.reads++;
      if (counter.reads > bodies.length) throw new Error('read again');
      return bodies[counter.reads - 1];
    } });
    return [request, counter];
  };
  for (const hwc of [node, web]) {
    const expected = hwc.signRequest(plain);
    // A getter that throws on its second read signs exactly as the same body given as a plain property (read
    // again for its hash, the body would be empty, hashed under a signature made as non-empty).
    const [once, onceCount] = getter('{"a":1}');
    assert.deepEqual(hwc.signRequest(once), expected);
    assert.equal(onceCount.reads, 1);
    // A getter giving another string later: what is signed and hashed is the first, the one checked.
    const [changing, changingCount] = getter('{"a":1}', '\ud800', '{"a":2}');
    assert.deepEqual(hwc.signRequest(changing), expected);
    assert.equal(changingCount.reads, 1);
    const [broken, brokenCount] = getter('\ud800', '{"a":1}');
    assert.throws(() => hwc.signRequest(broken), (e) => e.code === 'INVALID_INPUT' && /^body holds a lone UTF-16 surrogate/.test(e.message));
    assert.equal(brokenCount.reads, 1);
  }
});
