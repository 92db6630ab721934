// No work grows faster than its input, in the package as shipped: each job is timed at two sizes ten times
// apart in the same run (fastest of several runs) and the larger may cost at most 30 times the smaller
// (linear work gives about 10, quadratic about 100). No absolute time is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';

const MAX_RATIO = 30;

function fastest(job) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    job();
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best;
}

/** `job(10 n)` costs at most MAX_RATIO times `job(n)`; up to three measurements, as a busy machine can slow
 * one (quadratic work fails all three, at about 100×). */
function assertLinear(what, n, job) {
  job(n);
  const seen = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const small = fastest(() => job(n));
    const large = fastest(() => job(10 * n));
    const ratio = large / small;
    if (ratio <= MAX_RATIO) return;
    seen.push(`${small} ns → ${large} ns (${ratio.toFixed(1)}×)`);
  }
  assert.fail(`${what}, ${n} → ${10 * n}: ${seen.join(', ')}`);
}

const invalid = (n) => ({ project_id: 'p', product_infos: Array.from({ length: n }, () => ({ x: 1 })) });
const invalidText = (n) => JSON.stringify(invalid(n));

test('validation is linear in invalid products, as objects and as text', () => {
  assertLinear('validateInquiry(object)', 1_000, (n) => hwc.validateInquiry('on-demand', invalid(n), { batch: true }));
  assertLinear('validateInquiry(text)', 1_000, (n) => hwc.validateInquiry('on-demand', invalidText(n), { batch: true }));
  assertLinear('buildOnDemandInquiry', 1_000, (n) => assert.throws(() => hwc.buildOnDemandInquiry(invalidText(n))));
});

test('an unknown field name costs time in proportion to its length, and is cut in the message', () => {
  const withKey = (n) => ({ project_id: 'p', product_infos: [], ['x'.repeat(n)]: 1 });
  assertLinear('a long unknown key', 1_000_000, (n) => hwc.validateInquiry('on-demand', withKey(n)));
  const [unknown] = hwc.validateInquiry('on-demand', withKey(10_000_000));
  assert.ok(unknown.path.length < 100, `path of ${unknown.path.length} characters`);
});

test('past the listed limit violations are counted; past the batch bound products are only counted', () => {
  const violations = hwc.validateInquiry('on-demand', invalidText(100_000), { batch: true });
  assert.equal(violations.filter((v) => v.path.includes('[')).length, 1_000);
  assert.equal(violations.at(-1).rule, 'truncated');
  assert.ok(violations.some((v) => v.path === 'product_infos' && v.message.includes('100000')), 'the count is said');
  const atBound = fastest(() => hwc.validateInquiry('on-demand', invalidText(10_000), { batch: true }));
  const pastBound = fastest(() => hwc.validateInquiry('on-demand', invalidText(100_000), { batch: true }));
  assert.ok(pastBound <= 10 * atBound, `10,000: ${atBound} ns, 100,000: ${pastBound} ns`);
});

test('signing is linear in headers and query parameters given in reverse order', () => {
  const sign = (headers, query = '') => hwc.signRequest({ method: 'GET', ak: 'AK', sk: 'SK', headers,
    url: `https://bss-intl.myhuaweicloud.com/v2/x${query}` });
  assertLinear('headers', 1_000, (n) => {
    const headers = {};
    for (let i = n - 1; i >= 0; i--) headers[`X-H${String(i).padStart(6, '0')}`] = 'v';
    sign(headers);
  });
  assertLinear('query parameters', 2_000, (n) => {
    const query = Array.from({ length: n }, (_, i) => `p${String(n - i).padStart(6, '0')}=v`).join('&');
    sign(undefined, `?${query}`);
  });
});
