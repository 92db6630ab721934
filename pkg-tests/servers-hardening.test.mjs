// The demo server and the sandbox refuse what a web page could send them: a DNS-rebinding page (a foreign Host),
// a cross-origin page (a foreign Origin), a CORS-simple `text/plain` POST; the sandbox sends no CORS headers and
// keeps its control endpoints (/__sandbox/…) to Node clients. Raw node:http requests, so that Host and Origin
// are exactly what each test says. Every server listens on loopback and is closed after its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createDemoServer } from '../scripts/demo-server.mjs';
import { createSandbox } from '../sandbox/server.mjs';
import { onDemand } from './helpers.mjs';

const ON_DEMAND = '/v2/bills/ratings/on-demand-resources';
const RENEW = '/v2/bills/ratings/period-resources/renew-rate';
const JSON_TYPE = { 'content-type': 'application/json' };
const EVIL = 'https://evil.example';

/**
 * One raw HTTP request to 127.0.0.1:`port`: `headers` are sent as given (Host too: the default is
 * `127.0.0.1:<port>`, `host: null` sends none). Resolves to { status, headers, text, json }.
 */
function raw(port, { method = 'GET', path = '/', headers = {}, body } = {}) {
  const sent = { host: `127.0.0.1:${port}`, ...headers };
  if (sent.host === null) delete sent.host;
  if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: sent, setHost: false, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const portOf = (url) => Number(new URL(url).port);
const inquiry = JSON.stringify(onDemand(1));

/** Runs `run` with the demo server in its default mode (its own sandbox), closed afterwards. */
async function withDemo(run) {
  const demo = await createDemoServer();
  const url = await demo.listen();
  try {
    assert.equal(demo.server.address().address, '127.0.0.1');
    await run(portOf(url), demo, demo.sandbox);
  } finally {
    await demo.close();
  }
}

/** Runs `run` with the demo server signing with fake credentials, forwarding to a sandbox that checks them. */
async function withSigningDemo(run) {
  const sandbox = createSandbox({ ak: 'FAKEAK', sk: 'fake-secret-key' });
  const upstream = await sandbox.listen();
  let demo;
  try {
    demo = await createDemoServer({ upstream, credentials: { ak: 'FAKEAK', sk: 'fake-secret-key' } });
    const url = await demo.listen();
    assert.equal(demo.config.signing, true);
    await run(portOf(url), demo, sandbox);
  } finally {
    await demo?.close();
    await sandbox.close();
  }
}

/** Runs `run` with a sandbox on its own, closed afterwards. */
async function withSandboxPort(run) {
  const sandbox = createSandbox();
  const base = await sandbox.listen();
  try {
    await run(portOf(base), sandbox);
  } finally {
    await sandbox.close();
  }
}

const refused = (res, status, code) => {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.equal(res.json?.error_code, code, res.text);
  assert.equal(typeof res.json.error_msg, 'string');
};

for (const [mode, withServer] of [['sample', withDemo], ['signing', withSigningDemo]]) {
  test(`demo server (${mode} mode): a rebinding Host is refused with 403 and nothing is forwarded`, async () => {
    await withServer(async (port, demo, sandbox) => {
      for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, `localhost`]) {
        refused(await raw(port, { headers: { host } }), 403, 'DEMO.403');
        refused(await raw(port, { path: '/pkg/hwc_price.js', headers: { host } }), 403, 'DEMO.403');
        refused(await raw(port, { path: '/demo-config.json', headers: { host } }), 403, 'DEMO.403');
        refused(await raw(port, { method: 'POST', path: ON_DEMAND, headers: { host, ...JSON_TYPE }, body: inquiry }), 403, 'DEMO.403');
      }
      assert.deepEqual(demo.forwarded, [], 'nothing was forwarded');
      assert.deepEqual(sandbox.requests, [], 'nothing reached the rating service');
      // Its own names, in any case, still get the page and the package's files.
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
        const page = await raw(port, { headers: { host } });
        assert.equal(page.status, 200, host);
        assert.match(page.text, /<title>hwc-price/);
        assert.equal((await raw(port, { path: '/pkg/hwc_price.js', headers: { host } })).status, 200, host);
      }
    });
  });

  test(`demo server (${mode} mode): a foreign Origin is refused with 403 and nothing is forwarded`, async () => {
    await withServer(async (port, demo, sandbox) => {
      for (const origin of [EVIL, 'null', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://evil.example:${port}`]) {
        const res = await raw(port, { method: 'POST', path: ON_DEMAND, headers: { origin, ...JSON_TYPE }, body: inquiry });
        refused(res, 403, 'DEMO.403');
      }
      assert.deepEqual(demo.forwarded, []);
      assert.deepEqual(sandbox.requests, []);
      // The page's own origin (either name) is forwarded and answered by the rating service.
      for (const [host, origin] of [[`127.0.0.1:${port}`, `http://127.0.0.1:${port}`], [`localhost:${port}`, `http://localhost:${port}`]]) {
        const res = await raw(port, { method: 'POST', path: ON_DEMAND, headers: { host, origin, ...JSON_TYPE }, body: inquiry });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.product_rating_results.length, 1);
      }
      assert.equal(sandbox.requests.length, 2);
      if (mode === 'signing') assert.equal(sandbox.requests[0].headers.authorization, '(signed)');
    });
  });

  test(`demo server (${mode} mode): a rating request that is not application/json is refused with 415`, async () => {
    await withServer(async (port, demo, sandbox) => {
      for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', undefined]) {
        const headers = type === undefined ? {} : { 'content-type': type };
        refused(await raw(port, { method: 'POST', path: RENEW, headers, body: '{"resource_ids": ["r-1"], "period_type": 2, "period_num": 1}' }), 415, 'DEMO.415');
      }
      assert.deepEqual(demo.forwarded, []);
      assert.deepEqual(sandbox.requests, []);
      for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
        const res = await raw(port, { method: 'POST', path: RENEW, headers: { 'content-type': type }, body: '{"resource_ids": ["r-1"], "period_type": 2, "period_num": 1}' });
        assert.equal(res.status, 200, `${type}: ${res.text}`);
      }
      assert.equal(sandbox.requests.length, 3);
    });
  });
}

const LOOKUPS = ['/v2/products/service-types', '/v2/products/resource-types', '/v2/products/service-resources?service_type_code=hws.service.type.vpc',
  '/v2/products/usage-types?resource_type_code=hws.resource.type.bandwidth&limit=100', '/v2/bases/measurements', '/v2/bases/conversions?measure_type=2'];

for (const [mode, withServer] of [['sample', withDemo], ['signing', withSigningDemo]]) {
  test(`demo server (${mode} mode): the six catalogue look-ups are forwarded with their query strings as sent, in the language asked`, async () => {
    await withServer(async (port, demo, sandbox) => {
      for (const path of LOOKUPS) {
        const res = await raw(port, { path, headers: { 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${port}` } });
        assert.equal(res.status, 200, `${path}: ${res.text}`);
        assert.match(res.headers['content-type'], /^application\/json/);
        assert.equal(typeof res.json.total_count === 'number' || Array.isArray(res.json.measure_units) || Array.isArray(res.json.conversions), true, res.text);
        assert.equal(res.headers['content-security-policy'] !== undefined, true);
      }
      assert.deepEqual(sandbox.requests.map((r) => r.path), LOOKUPS.map((p) => p.split('?')[0]), 'each look-up reached the service');
      assert.deepEqual(demo.forwarded.map((f) => f.path + f.query), LOOKUPS, 'with its query string exactly as sent');
      assert.ok(sandbox.requests.every((r) => r.method === 'GET'));
      if (mode === 'signing') assert.ok(sandbox.requests.every((r) => r.headers.authorization === '(signed)'));
      // The query is what the service answered: only the VPC's resources, only the bandwidth's usage types.
      const answers = await Promise.all(LOOKUPS.slice(2, 4).map((path) => raw(port, { path })));
      assert.deepEqual(answers[0].json.infos.map((i) => i.basic_info.resource_type_code), ['hws.resource.type.bandwidth', 'hws.resource.type.ip']);
      assert.deepEqual(answers[1].json.usage_types.map((u) => u.code), ['Duration', 'upflow']);
      // An odd but harmless query (encoded characters, a repeated key) is passed on untouched.
      const odd = '?resource_type_code=hws.resource.type.ip&x=%C3%A9%20a&x=2';
      assert.equal((await raw(port, { path: `/v2/products/usage-types${odd}` })).status, 200);
      assert.equal(demo.forwarded.at(-1).query, odd);
      // Names in the language asked for.
      const zh = await raw(port, { path: '/v2/products/service-types', headers: { 'x-language': 'zh_CN' } });
      const en = await raw(port, { path: '/v2/products/service-types', headers: { 'x-language': 'en_US' } });
      assert.equal(zh.json.service_types.find((s) => s.service_type_code === 'hws.service.type.vpc').service_type_name, '虚拟私有云');
      assert.equal(en.json.service_types.find((s) => s.service_type_code === 'hws.service.type.vpc').service_type_name, 'Virtual Private Cloud');
      // The service's own errors come back as they are.
      const bad = await raw(port, { path: '/v2/products/service-types?limit=abc' });
      assert.ok(bad.status >= 400 && /^CBC\./.test(bad.json.error_code), bad.text);
    });
  });

  test(`demo server (${mode} mode): a look-up from another site, with a body, or not a GET is refused and not forwarded`, async () => {
    await withServer(async (port, demo, sandbox) => {
      const path = '/v2/products/service-types';
      for (const site of ['cross-site', 'same-site', 'CROSS-SITE']) refused(await raw(port, { path, headers: { 'sec-fetch-site': site } }), 403, 'DEMO.403');
      for (const origin of [EVIL, 'null', `http://127.0.0.1:${port + 1}`]) refused(await raw(port, { path, headers: { origin } }), 403, 'DEMO.403');
      for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`]) refused(await raw(port, { path, headers: { host } }), 403, 'DEMO.403');
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await raw(port, { method, path, headers: JSON_TYPE, body: '{}' });
        refused(res, 405, 'DEMO.405');
        assert.equal(res.headers.allow, 'GET');
      }
      refused(await raw(port, { path, headers: JSON_TYPE, body: '{"x": 1}' }), 400, 'DEMO.400');
      // Other paths under the same prefixes are not forwarded; neither are the services' other APIs.
      for (const other of ['/v2/products/other', '/v2/products/service-types/1', '/v2/bases/measurements/', '/v2/bills/customer-bills', '/v2/bases']) {
        refused(await raw(port, { path: other }), 404, 'DEMO.404');
      }
      assert.deepEqual(demo.forwarded, []);
      assert.deepEqual(sandbox.requests, []);
      // The page itself (Sec-Fetch-Site same-origin, or none from a typed address) is forwarded.
      for (const site of ['same-origin', 'none']) assert.equal((await raw(port, { path, headers: { 'sec-fetch-site': site } })).status, 200);
      assert.equal(sandbox.requests.length, 2);
    });
  });
}

test('sandbox: no answer carries a CORS header', async () => {
  await withSandboxPort(async (port) => {
    const answers = [
      await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: inquiry }),
      await raw(port, { method: 'POST', path: ON_DEMAND, headers: { origin: EVIL, ...JSON_TYPE }, body: inquiry }),
      await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: '{}' }),
      await raw(port, { method: 'POST', path: '/v2/bills/other', headers: JSON_TYPE, body: '{}' }),
      await raw(port, { method: 'OPTIONS', path: ON_DEMAND, headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }),
      await raw(port, { path: '/__sandbox/requests' }),
      await raw(port, { path: '/__sandbox/requests', headers: { origin: EVIL } }),
      await raw(port, { method: 'POST', path: '/__sandbox/faults', headers: JSON_TYPE, body: '[]' }),
    ];
    assert.equal(answers[0].status, 200, 'a Node client still prices');
    assert.equal(answers[1].status, 200, 'the rating paths add no Origin check');
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(cors, [], `${res.status} ${res.text}`);
    }
  });
});

test('sandbox: the request log and the fault queue refuse a foreign Origin or Host with 403', async () => {
  await withSandboxPort(async (port, sandbox) => {
    const priced = await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: inquiry });
    assert.equal(priced.status, 200);
    for (const origin of [EVIL, 'null', `http://127.0.0.1:${port + 1}`]) {
      const log = await raw(port, { path: '/__sandbox/requests', headers: { origin } });
      refused(log, 403, 'SANDBOX.403');
      assert.ok(!log.text.includes('product_infos'), 'no inquiry is shown');
      refused(await raw(port, { method: 'POST', path: '/__sandbox/faults', headers: { origin, ...JSON_TYPE }, body: '[{"status": 503}]' }), 403, 'SANDBOX.403');
    }
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      refused(await raw(port, { path: '/__sandbox/requests', headers: { host } }), 403, 'SANDBOX.403');
      refused(await raw(port, { method: 'POST', path: '/__sandbox/faults', headers: { host, ...JSON_TYPE }, body: '[{"status": 503}]' }), 403, 'SANDBOX.403');
    }
    assert.equal((await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: inquiry })).status, 200, 'no fault was queued');
    // Its own origin and names are let through.
    for (const [host, origin] of [[`127.0.0.1:${port}`, `http://127.0.0.1:${port}`], [`LOCALHOST:${port}`, `http://localhost:${port}`]]) {
      const log = await raw(port, { path: '/__sandbox/requests', headers: { host, origin } });
      assert.equal(log.status, 200, log.text);
      assert.equal(log.json.length, sandbox.requests.length);
    }
  });
});

test('sandbox: a control POST that is not application/json is refused with 415; JSON from Node works', async () => {
  await withSandboxPort(async (port, sandbox) => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
      const headers = type === undefined ? {} : { 'content-type': type };
      refused(await raw(port, { method: 'POST', path: '/__sandbox/faults', headers, body: '[{"status": 503}]' }), 415, 'SANDBOX.415');
    }
    assert.equal((await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: inquiry })).status, 200, 'no fault was queued');

    const queued = await raw(port, { method: 'POST', path: '/__sandbox/faults', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '[{"status": 503}]' });
    assert.equal(queued.status, 200, queued.text);
    assert.deepEqual(queued.json, { queued: 1 });
    assert.equal((await raw(port, { method: 'POST', path: ON_DEMAND, headers: JSON_TYPE, body: inquiry })).status, 503, 'the fault applies');
    const log = await raw(port, { path: '/__sandbox/requests' });
    assert.equal(log.status, 200);
    assert.deepEqual(log.json.map((r) => r.status), [200, 503]);
    assert.equal(sandbox.requests.length, 2);
  });
});

test('sandbox: a test run may name the one origin of its test page; no other gets CORS', async () => {
  const page = 'http://127.0.0.1:18555';
  const sandbox = createSandbox({ corsOrigin: page });
  const port = portOf(await sandbox.listen());
  try {
    const preflight = await raw(port, { method: 'OPTIONS', path: ON_DEMAND, headers: { origin: page, 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], page);
    const priced = await raw(port, { method: 'POST', path: ON_DEMAND, headers: { origin: page, ...JSON_TYPE }, body: inquiry });
    assert.equal(priced.headers['access-control-allow-origin'], page);
    assert.match(priced.headers['access-control-expose-headers'], /X-Request-Id/);
    const faults = await raw(port, { method: 'POST', path: '/__sandbox/faults', headers: { origin: page, ...JSON_TYPE }, body: '[]' });
    assert.equal(faults.status, 200, faults.text);
    for (const origin of [EVIL, 'http://127.0.0.1:18556']) {
      const other = await raw(port, { method: 'POST', path: ON_DEMAND, headers: { origin, ...JSON_TYPE }, body: inquiry });
      assert.equal(other.headers['access-control-allow-origin'], undefined, origin);
      const log = await raw(port, { path: '/__sandbox/requests', headers: { origin } });
      assert.equal(log.status, 403, origin);
    }
  } finally {
    await sandbox.close();
  }
});
