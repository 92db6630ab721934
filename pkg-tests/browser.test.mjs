// The built package in a real browser page (headless Chromium): an ES module import plus init(), under a
// strict Content-Security-Policy, with the .wasm served beside the module; PriceClient in the page and in a
// module worker, through the page server's same-origin proxy (/api/hwc) to a sandbox rating service. Both
// servers listen on loopback only and are closed after the tests.
import { test, before, after } from 'node:test';
import { launchChromium } from './helpers.mjs';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createSandbox } from '../sandbox/server.mjs';

const root = new URL('../', import.meta.url);
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
let server;
let browser;
let origin;
let sandbox;
let sandboxUrl;
const proxied = [];

/** Forwards a POST under /api/hwc/ to the sandbox, as a site's own proxy would (it would add credentials). */
async function proxy(req, res, rest) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const upstream = await fetch(sandboxUrl + rest, { method: req.method, body: Buffer.concat(chunks),
    headers: { 'content-type': req.headers['content-type'], 'x-language': req.headers['x-language'] } });
  proxied.push({ path: rest, language: req.headers['x-language'] });
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type'), 'x-request-id': upstream.headers.get('x-request-id') });
  res.end(await upstream.text());
}

before(async () => {
  sandbox = createSandbox();
  sandboxUrl = await sandbox.listen();
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/api/hwc/') && req.method === 'POST') {
      await proxy(req, res, path.slice('/api/hwc'.length));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it on its own; the page has none
      return;
    }
    const allowed = path.startsWith('/pkg/') || path.startsWith('/pkg-tests/browser-page.') || path === '/pkg-tests/browser-worker.mjs';
    const ext = path.slice(path.lastIndexOf('.'));
    if (!allowed || !(ext in types) || path.includes('..')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(new URL(`.${path}`, root));
      res.writeHead(200, { 'content-type': types[ext] }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await sandbox?.close();
});

test('a browser page imports the package, calls init(), builds inquiries and prices them in the page and a worker', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(`${origin}/pkg-tests/browser-page.html`);
  await page.waitForFunction(() => document.getElementById('result').textContent !== '');
  const result = JSON.parse(await page.textContent('#result'));
  assert.deepEqual(errors, []);
  assert.equal(result.failure, undefined);
  assert.ok(result.body.includes('"usage_value":0.0000000001,'), result.body);
  assert.equal(result.error.name, 'InquiryValidationError');
  assert.equal(result.error.isError, true);
  assert.deepEqual(result.error.violations.map((v) => v.path), ['resource_ids', 'period_num']);
  assert.deepEqual([result.page.requests, result.page.amount, result.page.progress], [2, '7.452', ['1/2', '2/2']]);
  assert.deepEqual(result.page.ids, Array.from({ length: 150 }, (_, i) => `p${i + 1}`));
  assert.deepEqual(result.worker, { requests: 1, amount: '0.14904', ids: ['p1', 'p2', 'p3'] });
  assert.deepEqual(proxied.map((p) => p.path), Array(3).fill('/v2/bills/ratings/on-demand-resources'));
  assert.ok(proxied.every((p) => p.language === 'en_US'));
  await page.close();
});
