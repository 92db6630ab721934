// The built package in a real browser page (headless Chromium): an ES module import plus init(), under a
// strict Content-Security-Policy, with the .wasm served beside the module. The server listens on loopback
// only and is closed after the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const root = new URL('../', import.meta.url);
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
let server;
let browser;
let origin;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it on its own; the page has none
      return;
    }
    const allowed = path.startsWith('/pkg/') || path.startsWith('/pkg-tests/browser-page.');
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
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('a browser page imports the package, calls init() and builds inquiries', async () => {
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
  await page.close();
});
