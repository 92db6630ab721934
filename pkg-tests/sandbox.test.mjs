// The sandbox rating service on its own: the HTTP contract of the three rating APIs, sample prices that add
// up exactly, auth (token, AK/SK signed by the package), quotas, faults. Each server listens on loopback and
// is closed after its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signRequest } from 'hwc-price';
import { NOTICE } from '../sandbox/server.mjs';
import { dec, sum, cmp } from '../sandbox/decimal.mjs';
import { withSandbox } from './helpers.mjs';

const request = (name) => readFileSync(new URL(`../tests/fixtures/requests/${name}`, import.meta.url), 'utf8');
const PATHS = {
  'on-demand': '/v2/bills/ratings/on-demand-resources',
  period: '/v2/bills/ratings/period-resources/subscribe-rate',
  renewal: '/v2/bills/ratings/period-resources/renew-rate',
};

const post = (base, kind, body, headers = {}) =>
  fetch(base + PATHS[kind], { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

test('prices the reference examples, labelled as sample prices, with exact totals', async () => {
  await withSandbox({}, async (base) => {
    const od = await post(base, 'on-demand', request('on-demand-4.2.1.json'));
    assert.equal(od.status, 200);
    assert.match(od.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    assert.equal(od.headers.get('x-sandbox-notice'), 'sample prices');
    const odText = await od.text();
    assert.match(odText, /"official_website_amount":\d/, 'on-demand amounts are JSON numbers');
    const odBody = JSON.parse(odText);
    assert.equal(odBody.sandbox_notice, NOTICE);
    assert.deepEqual(odBody.product_rating_results.map((l) => l.id), ['1', '2', '3', '4']);

    const period = JSON.parse(await (await post(base, 'period', request('period-12.8.1.json'))).text());
    const lines = period.official_website_rating_result.product_rating_results;
    const listTotal = sum(lines.map((l) => dec(String(l.official_website_amount))));
    assert.equal(cmp(dec(String(period.official_website_rating_result.official_website_amount)), listTotal), 0);
    const best = period.optional_discount_rating_results.filter((o) => o.best_offer === 1);
    assert.equal(best.length, 1);
    assert.equal(best[0].discount_type, 607, 'the larger (partner) discount is the best offer');

    const renewalText = await (await post(base, 'renewal', request('renewal-4.2.3.json'))).text();
    assert.match(renewalText, /"amount":"\d/, 'renew-rate amounts are strings');
    assert.deepEqual(JSON.parse(renewalText).fail_resource_infos, []);
  });
});

test('on-demand totals are the exact sums of the lines', async () => {
  await withSandbox({}, async (base) => {
    const body = JSON.parse(await (await post(base, 'on-demand', request('on-demand-12.8.2.json'))).text());
    for (const field of ['amount', 'discount_amount', 'official_website_amount']) {
      const lines = sum(body.product_rating_results.map((l) => dec(String(l[field]))));
      assert.equal(cmp(dec(String(body[field])), lines), 0, field);
    }
    const line = body.product_rating_results[0];
    assert.equal(line.discount_rating_results[0].discount_type, 605);
  });
});

test('CNY sandbox and a sandbox without discount details', async () => {
  await withSandbox({ currency: 'CNY', showDiscounts: false }, async (base) => {
    const body = await (await post(base, 'renewal', request('renewal-4.2.3.json'))).json();
    assert.equal(body.currency, 'CNY');
    assert.deepEqual(body.optional_discount_rating_results, []);
  });
});

test('checks tokens and AK/SK signatures made by the package', async () => {
  await withSandbox({ token: 'tok-1', ak: 'AK1', sk: 'SK-secret' }, async (base) => {
    const body = request('renewal-4.2.3.json');
    assert.equal((await post(base, 'renewal', body, { 'X-Auth-Token': 'tok-1' })).status, 200);
    const bad = await post(base, 'renewal', body, { 'X-Auth-Token': 'nope' });
    assert.equal(bad.status, 401);
    assert.equal((await bad.json()).error_code, 'CBC.0154');
    assert.equal((await post(base, 'renewal', body)).status, 401);

    const url = base + PATHS.renewal;
    const { headers } = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body, ak: 'AK1', sk: 'SK-secret' });
    delete headers.Host; // fetch sets Host itself, to the same value
    assert.equal((await fetch(url, { method: 'POST', headers, body })).status, 200);
    const tampered = await fetch(url, { method: 'POST', headers, body: body.replace('"period_num": 1', '"period_num": 2') });
    assert.equal(tampered.status, 401);
    assert.equal((await tampered.json()).error_code, 'APIG.0301');
    const other = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body, ak: 'AK1', sk: 'wrong' });
    delete other.headers.Host;
    assert.equal((await fetch(url, { method: 'POST', headers: other.headers, body })).status, 401);
  });
});

test('enforces the per-second quota of each API with APIG.0308', async () => {
  let now = 1_000_000;
  await withSandbox({ clock: () => now }, async (base) => {
    const body = request('renewal-4.2.3.json');
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(base, 'renewal', body)).status);
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
    const limited = await post(base, 'renewal', body);
    const answer = await limited.json();
    assert.equal(answer.error_code, 'APIG.0308');
    assert.match(answer.error_message, /limit:10,time:1 second/);
    assert.equal(answer.status_code, 429);
    now += 1001;
    assert.equal((await post(base, 'renewal', body)).status, 200, 'a new second');
    const period = request('period-12.8.1.json');
    for (let i = 0; i < 30; i++) assert.equal((await post(base, 'period', period)).status, 200, `subscribe-rate ${i}`);
    assert.equal((await post(base, 'period', period)).status, 429);
  });
});

test('answers the documented errors', async () => {
  await withSandbox({}, async (base) => {
    const cases = [
      ['on-demand', '{"product_infos": []}', 400, 'CBC.0100'],
      ['on-demand', 'not json', 400, 'CBC.0100'],
      ['period', request('period-12.8.1.json').replace('c6.large.2.linux', 'x9.huge'), 400, 'CBC.99006006'],
      ['renewal', '{"resource_ids": ["a", "a"], "period_type": 2, "period_num": 1}', 400, 'CBC.30050012'],
      ['renewal', '{"resource_ids": ["a"], "period_type": 2, "period_num": 12}', 400, 'CBC.0100'],
    ];
    for (const [kind, body, status, code] of cases) {
      const res = await post(base, kind, body);
      assert.equal(res.status, status, body);
      assert.equal((await res.json()).error_code, code, body);
    }
    const partial = await (await post(base, 'renewal', '{"resource_ids": ["ok-1", "expired-2"], "period_type": 3, "period_num": 1}')).json();
    assert.deepEqual(partial.fail_resource_infos.map((f) => [f.resource_id, f.error_code]), [['expired-2', 'CBC.30050009']]);
    assert.equal(partial.renew_inquiry_results.length, 1);
    const all = await post(base, 'renewal', '{"resource_ids": ["expired-1"], "period_type": 2, "period_num": 1}');
    assert.equal(all.status, 200);
    assert.equal((await all.json()).error_code, 'CBC.30050009');
    const missing = await fetch(`${base}/v2/bills/other`, { method: 'POST', body: '{}' });
    assert.equal(missing.status, 404);
    const huge = await post(base, 'on-demand', 'x'.repeat(2 << 20)).catch((e) => e);
    assert.ok(huge instanceof Error || huge.status === 413);
  });
});

test('injects faults in order: 429 with Retry-After, 5xx, HTML, malformed JSON, a dropped connection, delay', async () => {
  await withSandbox({}, async (base, sandbox) => {
    const body = request('renewal-4.2.3.json');
    sandbox.injectFaults([{ status: 429, retryAfter: 2 }, { status: 503 }, { status: 502, html: true }, { body: '{"currency": "USD", "renew' }, { drop: true }]);
    const r429 = await post(base, 'renewal', body);
    assert.equal(r429.status, 429);
    assert.equal(r429.headers.get('retry-after'), '2');
    assert.equal((await r429.json()).error_code, 'APIG.0308');
    assert.equal((await post(base, 'renewal', body)).status, 503);
    const html = await post(base, 'renewal', body);
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type'), /text\/html/);
    assert.equal(await (await post(base, 'renewal', body)).text(), '{"currency": "USD", "renew');
    await assert.rejects(post(base, 'renewal', body));
    assert.equal((await post(base, 'renewal', body)).status, 200, 'faults are used up');
    const control = await fetch(`${base}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ delayMs: 300 }]) });
    assert.equal((await control.json()).queued, 1);
    const started = Date.now();
    assert.equal((await post(base, 'renewal', body)).status, 200);
    assert.ok(Date.now() - started >= 250, 'the answer was delayed');
    const seen = await (await fetch(`${base}/__sandbox/requests`)).json();
    assert.ok(seen.length >= 7 && seen.every((r) => r.path === PATHS.renewal));
  });
});
