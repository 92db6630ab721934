// The page's estimate logic (www/estimate.mjs) in Node, against the package's own validation; and the demo
// server's signing mode against a sandbox that checks AK/SK signatures. Servers listen on loopback and are
// closed after their test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInquiry } from 'hwc-price';
import { MODES, initialState, toInquiry, locate, detectMode, fromInquiry, encodeState, decodeState, newItem, toComparison, comparedHours, locateCompared } from '../www/estimate.mjs';
import { createDemoServer } from '../scripts/demo-server.mjs';
import { createSandbox } from '../sandbox/server.mjs';

test('the starting estimate of every mode is valid as it is', () => {
  for (const mode of Object.keys(MODES)) {
    const inquiry = toInquiry(initialState(mode));
    assert.deepEqual(validateInquiry(mode, inquiry, { batch: true }), [], mode);
  }
  const od = toInquiry(initialState('on-demand'));
  assert.deepEqual(od.product_infos[1], {
    id: 'item-2', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'GPSSD',
    region: 'ap-southeast-1', resource_size: 40, size_measure_id: 17, subscription_num: 1, usage_factor: 'Duration',
    usage_value: '730', usage_measure_id: 4,
  });
  assert.equal('inquiry_precision' in od, false, 'empty optional fields are left out');
});

test('what is typed reaches the validator as typed, so each violation names its field', () => {
  const state = initialState('on-demand');
  Object.assign(state.items[0], { subscription_num: 'two', usage_value: '1e-3', id: '' });
  delete state.items[1].usage_measure_id;
  const paths = validateInquiry('on-demand', toInquiry(state)).map((v) => [v.path, v.rule]).sort();
  assert.deepEqual(paths, [
    ['product_infos[0].id', 'blank'],
    ['product_infos[0].subscription_num', 'type'],
    ['product_infos[1].usage_measure_id', 'required'],
  ]);
  assert.deepEqual(locate('product_infos[0].subscription_num', 'on-demand'), { item: 0, field: 'subscription_num' });
  assert.deepEqual(locate('resource_ids[3]', 'renewal'), { item: 3, field: 'resource_id' });
  assert.deepEqual(locate('project_id', 'period'), { field: 'project_id' });
  assert.equal(locate('product_infos[0].size_measurement_id', 'on-demand'), null, 'unknown fields go to the summary');
  assert.equal(locate('product_infos', 'on-demand'), null);
});

test('pasted payloads load into the form of their mode', () => {
  assert.equal(detectMode({ resource_ids: [] }, 'period'), 'renewal');
  assert.equal(detectMode({ product_infos: [{ usage_value: 1 }] }, 'period'), 'on-demand');
  assert.equal(detectMode({ product_infos: [{ period_num: 1 }] }, 'on-demand'), 'period');
  assert.equal(detectMode({}, 'period'), 'period');
  const state = fromInquiry({ project_id: 'p', product_infos: [{ id: 'a', period_type: 3, period_num: 1, resource_size: 40, extra: 1 }] }, 'on-demand');
  assert.equal(state.mode, 'period');
  assert.deepEqual([state.items[0].id, state.items[0].period_type, state.items[0].resource_size, 'extra' in state.items[0]], ['a', '3', '40', false]);
  const renewal = fromInquiry({ resource_ids: ['r1', 'r2'], period_type: 2, period_num: 5, include_relative_resources: true }, 'on-demand');
  assert.deepEqual(toInquiry(renewal), { resource_ids: ['r1', 'r2'], period_type: 2, period_num: 5, include_relative_resources: true });
});

test('share links round-trip the estimate and refuse anything else', () => {
  const state = initialState('period');
  state.items.push(newItem('period', 4));
  state.items[3].id = 'ünïcode ✓ "quoted" <tag>';
  state.language = 'zh_CN';
  const fragment = encodeState(state);
  assert.match(fragment, /^[\w-]+$/, 'URL-safe');
  assert.deepEqual(decodeState(`#e=${fragment}`), state);
  for (const junk of ['', '#e=', '#e=!!!', `#e=${btoa('{"v":2}')}`, `#e=${btoa('{"v":1,"mode":"x","items":[],"top":{}}')}`]) {
    assert.equal(decodeState(junk), null, junk);
  }
  const hostile = encodeState({ mode: 'renewal', top: { period_type: { toString: 1 } }, items: [{ resource_id: 5, token: 'secret' }] });
  const back = decodeState(hostile);
  assert.deepEqual(back.items, [{ resource_id: '5' }], 'only the form fields come back, as text');
});

test('the demo server signs what it forwards when given an access key, and never sends the key on', async () => {
  const sandbox = createSandbox({ ak: 'DEMOAK', sk: 'demo-secret-key' });
  const upstream = await sandbox.listen();
  const demo = await createDemoServer({ upstream, credentials: { ak: 'DEMOAK', sk: 'demo-secret-key', domainId: 'dom-1' } });
  const url = await demo.listen();
  try {
    assert.deepEqual(await (await fetch(new URL('/demo-config.json', url))).json(), { sample: false, site: 'intl', signing: true });
    const res = await fetch(new URL('/v2/bills/ratings/period-resources/renew-rate', url), {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-language': 'zh_CN' },
      body: JSON.stringify({ resource_ids: ['r-1'], period_type: 2, period_num: 1 }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    const seen = sandbox.requests[0].headers;
    assert.deepEqual([seen.authorization, seen['x-domain-id'], seen['x-language']], ['(signed)', 'dom-1', 'zh_CN']);
    const page = await (await fetch(url)).text();
    assert.ok(!page.includes('demo-secret-key') && !page.includes('DEMOAK'));

    const wrong = await createDemoServer({ upstream, credentials: { ak: 'DEMOAK', sk: 'wrong' } });
    try {
      const wrongUrl = await wrong.listen();
      const refused = await fetch(new URL('/v2/bills/ratings/on-demand-resources', wrongUrl), { method: 'POST',
        headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).error_code, 'APIG.0301');
    } finally {
      await wrong.close();
    }
  } finally {
    await demo.close();
    await sandbox.close();
  }
});

test('`make demo`s server prints the URL to open, serves the page, and stops cleanly', async () => {
  const { spawn, spawnSync } = await import('node:child_process');
  const script = new URL('../scripts/demo-server.mjs', import.meta.url).pathname;
  const env = { ...process.env, HWC_AK: '', HWC_SK: '' };
  const child = spawn(process.execPath, [script, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const printed = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Ctrl-C')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const [, url] = /estimate page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed);
    assert.match(printed, /Prices: sample prices from the local sandbox rating service/);
    assert.match(await (await fetch(url)).text(), /<title>hwc-price — Huawei Cloud price estimate<\/title>/);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
  const half = spawnSync(process.execPath, [script, '--port', '0'], { env: { ...env, HWC_AK: 'only-the-ak' }, encoding: 'utf8' });
  assert.equal(half.status, 2);
  assert.match(half.stderr, /Set both HWC_AK and HWC_SK/);
  const site = spawnSync(process.execPath, [script, '--port', '0'], { env: { ...env, HWC_SITE: 'eu' }, encoding: 'utf8' });
  assert.equal(site.status, 2);
  assert.match(site.stderr, /HWC_SITE must be intl or cn/);
});

test("a comparison's input: the items' product fields, a month, a year and the items' own periods", () => {
  const od = initialState('on-demand');
  od.top.inquiry_precision = '1';
  const input = toComparison(od, ' 200 ');
  assert.deepEqual(input.products[1], {
    id: 'item-2', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'GPSSD',
    region: 'ap-southeast-1', resource_size: 40, size_measure_id: 17, subscription_num: 1, usage_factor: 'Duration',
  });
  assert.deepEqual([input.project_id, input.hoursPerMonth, input.inquiry_precision], [od.top.project_id, '200', 1]);
  assert.deepEqual(input.periods, [{ period_type: 2, period_num: 1 }, { period_type: 3, period_num: 1 }]);

  const period = initialState('period');
  Object.assign(period.items[1], { period_type: '2', period_num: '3' });
  Object.assign(period.items[2], { period_type: '3', period_num: 'x' }); // not a whole number: left to the form's check
  const byPeriod = toComparison(period, '730');
  assert.deepEqual(byPeriod.periods, [{ period_type: 2, period_num: 1 }, { period_type: 3, period_num: 1 }, { period_type: 2, period_num: 3 }]);
  assert.ok(byPeriod.products.every((p) => !('period_type' in p) && !('usage_factor' in p)));
  assert.equal('inquiry_precision' in byPeriod, false);
});

test('a share link with a comparison keeps its estimate and its hours; violations of a comparison find their fields', () => {
  const state = initialState('on-demand');
  const fragment = `#e=${encodeState(state)}&compare=176`;
  assert.deepEqual(decodeState(fragment), state);
  assert.equal(comparedHours(fragment), '176');
  for (const junk of [`#e=${encodeState(state)}`, '#e=x&compare=', '#e=x&compare=1e9<script>', '&compare=1234567890123456789012']) {
    assert.equal(comparedHours(junk), null, junk);
  }
  assert.deepEqual(locateCompared('hoursPerMonth', 'on-demand'), { field: 'hoursPerMonth' });
  assert.deepEqual(locateCompared('products[2].resource_spec', 'period'), { item: 2, field: 'resource_spec' });
  assert.equal(locateCompared('periods[0].period_type', 'period'), null);
  assert.equal(locateCompared('products[0].usage_value', 'period'), null);
});
