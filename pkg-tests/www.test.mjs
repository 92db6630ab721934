// End-to-end tests of the estimate page (www/) in headless Chromium, served by the demo server with its
// sandbox: compose by clicking and typing, validate as you type, price and check the totals against the
// rating API itself, an API error, cancelling a batch, exports, share links, saved estimates, phone width,
// labels and the CSP. Screenshots of the main states go to test-output/www/. The demo server and its sandbox
// listen on loopback and are closed after the tests.
import { test, before, after } from 'node:test';
import { launchChromium } from './helpers.mjs';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createDemoServer } from '../scripts/demo-server.mjs';

const shots = new URL('../test-output/www/', import.meta.url);
let demo;
let url;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  demo = await createDemoServer();
  url = await demo.listen();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** A fresh page on the estimate, ready; console errors and CSP reports are collected in `problems`. */
async function open(path = '', options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(url + path);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const shot = (page, name) => page.screenshot({ path: new URL(`${name}.png`, shots).pathname, fullPage: true });
const field = (page, item, name) => page.locator(`#f-${item}-${name}`);
const error = (page, item, name) => page.locator(`#f-${item}-${name}-error`);

/** What the rating API itself answers for `body`, through the same server. */
async function direct(path, body) {
  const res = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200);
  return res.json();
}

async function priceAndWait(page) {
  await page.getByRole('button', { name: 'Price the estimate' }).click();
  await page.waitForFunction(() => /Priced in|failed|Cancelled|Fix/.test(document.getElementById('status').textContent));
}

test('a newcomer prices the default three-item estimate in each mode', async () => {
  const page = await open();
  assert.equal(await page.locator('#sample-banner').isVisible(), true, 'the page says sample prices are shown');
  await shot(page, '1-start');
  for (const [mode, label] of [['on-demand', 'Pay-per-use'], ['period', 'Yearly/monthly'], ['renewal', 'Renewal']]) {
    await page.getByLabel(label, { exact: true }).check();
    assert.equal(await page.locator('#items > li').count(), 3);
    await priceAndWait(page);
    assert.match(await page.locator('#status').textContent(), /^Priced in 1 request\.$/, mode);
    const total = page.locator('.hwc-total .hwc-final');
    assert.match(await total.textContent(), /^\$[\d,]+\.\d{2,}$|^\(list price only\)$/, mode);
    await shot(page, `2-priced-${mode}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('compose by clicking and typing, validate as you type, price, and check the totals with the API itself', async () => {
  const page = await open();
  await page.getByLabel('Yearly/monthly', { exact: true }).check();
  // Edit the first item, add one, remove the second, duplicate the first.
  await field(page, 0, 'resource_spec').fill('c6.xlarge.2.linux');
  await field(page, 0, 'period_type').selectOption('3');
  await field(page, 0, 'period_num').fill('2');
  await page.getByRole('button', { name: 'Add an item' }).click();
  assert.equal(await page.locator('#items > li').count(), 4);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-3-id', 'focus moves to the new item');
  await field(page, 3, 'id').fill('eip');
  await field(page, 3, 'cloud_service_type').fill('hws.service.type.vpc');
  await field(page, 3, 'resource_type').fill('hws.resource.type.ip');
  await field(page, 3, 'resource_spec').fill('5_bgp');
  await page.getByRole('button', { name: 'Remove item 2' }).click();
  await page.getByRole('button', { name: 'Duplicate item 1' }).click();
  assert.equal(await field(page, 1, 'id').inputValue(), 'item-1-copy');
  await field(page, 1, 'subscription_num').fill('3');

  // A validation error appears beside its field as it is typed, and blocks pricing.
  await field(page, 0, 'subscription_num').fill('0');
  assert.equal(await error(page, 0, 'subscription_num').textContent(), 'must be a whole number from 1 to 10000, got 0');
  assert.equal(await field(page, 0, 'subscription_num').getAttribute('aria-invalid'), 'true');
  await field(page, 2, 'id').fill('item-1');
  assert.match(await error(page, 2, 'id').textContent(), /must be unique in the inquiry/);
  await shot(page, '3-validation');
  await priceAndWait(page);
  assert.equal(await page.locator('#status').textContent(), 'Fix 2 problems first.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-0-subscription_num');
  await field(page, 0, 'subscription_num').fill('1');
  await field(page, 2, 'id').fill('item-3');
  assert.equal(await error(page, 0, 'subscription_num').textContent(), '');

  await priceAndWait(page);
  assert.equal(await page.locator('#status').textContent(), 'Priced in 1 request.');
  const items = [
    { id: 'item-1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.xlarge.2.linux', region: 'ap-southeast-1', subscription_num: 1, period_type: 3, period_num: 2 },
    { id: 'item-1-copy', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.xlarge.2.linux', region: 'ap-southeast-1', subscription_num: 3, period_type: 3, period_num: 2 },
    { id: 'item-3', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth', resource_spec: '19_bgp', region: 'ap-southeast-1', resource_size: 5, size_measure_id: 15, subscription_num: 1, period_type: 2, period_num: 1 },
    { id: 'eip', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.ip', resource_spec: '5_bgp', region: 'ap-southeast-1', subscription_num: 1, period_type: 2, period_num: 1 },
  ];
  const answer = await direct('/v2/bills/ratings/period-resources/subscribe-rate', { project_id: '84c53ec51e794a4888fb0f5c0cfb2420', product_infos: items });
  const best = answer.optional_discount_rating_results.find((o) => o.best_offer === 1);
  const cell = (cls) => page.locator(`.hwc-total .hwc-${cls}`).getAttribute('data-value');
  assert.equal(await cell('list'), String(answer.official_website_rating_result.official_website_amount));
  assert.equal(await cell('final'), String(best.amount));
  assert.equal(await cell('discount'), String(best.discount_amount));
  assert.deepEqual(await page.locator('.hwc-line > th > bdi:first-child').allTextContents(), items.map((i) => i.id));
  assert.equal(await page.locator('.hwc-options .hwc-best').count(), 1, 'the best offer is marked');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results', 'focus moves to the result');
  await shot(page, '4-priced-composed');

  // Export CSV: the file holds the same exact totals.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(csv.suggestedFilename(), 'estimate.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFrecord,id,'));
  assert.ok(text.includes(`\r\ntotal,,,,,,,,USD,${answer.official_website_rating_result.official_website_amount},${best.discount_amount},${best.amount},\r\n`), text);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.deepEqual([doc.format, doc.version, doc.totals.final], ['hwc-price.breakdown', 2, String(best.amount)]);

  // The share link reproduces the estimate in a new page.
  const link = page.url();
  assert.match(link, /#e=[\w-]+$/);
  assert.ok(!link.includes('token') && !link.includes('sk'), 'no credentials in the link');
  const again = await open(link.slice(url.length));
  assert.equal(await again.getByLabel('Yearly/monthly', { exact: true }).isChecked(), true);
  assert.equal(await field(again, 0, 'resource_spec').inputValue(), 'c6.xlarge.2.linux');
  assert.equal(await field(again, 1, 'subscription_num').inputValue(), '3');
  assert.equal(await field(again, 3, 'id').inputValue(), 'eip');
  assert.equal(await again.locator('#items > li').count(), 4);
  await shot(again, '5-from-share-link');
  assert.deepEqual([...page.problems, ...again.problems], []);
  await again.context().close();
  await page.context().close();
});

test('an API error is shown with its plain message and code; partial results are kept', async () => {
  const page = await open();
  await field(page, 1, 'resource_spec').fill('no.such.disk');
  await priceAndWait(page);
  const box = page.locator('#api-error');
  assert.equal(await box.isVisible(), true);
  assert.match(await box.locator('.error-message').textContent(), /^Product not found: cloud_service_type, resource_type, resource_spec and region must together name a product/);
  assert.match(await box.textContent(), /CodeCBC\.99006006HTTP status400Request id[0-9a-f]{32}Attempts1/);
  assert.equal(await page.locator('#status').textContent(), 'Pricing failed.');
  await shot(page, '6-api-error');
  await page.context().close();
});

test('a pasted payload of 250 products loads with its violations; its batch shows progress and can be cancelled', async () => {
  const page = await open();
  const products = Array.from({ length: 250 }, (_, i) => ({
    id: `vm-${i + 1}`, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
    resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration', usage_value: 730,
    usage_measure_id: 4, subscription_num: 1, ...(i === 0 ? { size_measurement_id: 17 } : {}),
  }));
  await page.getByLabel('A request body of any of the three rating APIs').fill(JSON.stringify({ project_id: 'p', product_infos: products }));
  await page.getByRole('button', { name: 'Load into the form' }).click();
  assert.match(await page.locator('#paste-result').textContent(), /breaks 1 rule\(s\):product_infos\[0\]\.size_measurement_id: is not a field of this inquiry; did you mean size_measure_id\?/);
  assert.equal(await page.locator('#items > li').count(), 250);
  assert.equal(await field(page, 249, 'id').inputValue(), 'vm-250');
  await page.screenshot({ path: new URL('7-pasted.png', shots).pathname });

  demo.sandbox.injectFaults([{ delayMs: 10_000 }, { delayMs: 10_000 }, { delayMs: 10_000 }]);
  await page.getByRole('button', { name: 'Price the estimate' }).click();
  await page.locator('#cancel').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#progress').isVisible(), true);
  await page.screenshot({ path: new URL('8-pricing.png', shots).pathname }); // the visible part: quick
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Cancelled.');
  assert.match(await page.locator('#api-error .error-message').textContent(), /The price inquiry was cancelled\.$/);
  assert.equal(await page.locator('#cancel').isVisible(), false);
  await page.locator('#results').screenshot({ path: new URL('9-cancelled.png', shots).pathname });

  // Priced again, the batch goes through: the slow answers were only for the cancelled requests.
  await priceAndWait(page);
  assert.equal(await page.locator('#status').textContent(), 'Priced in 3 requests.');
  assert.equal(await page.locator('.hwc-line').count(), 250);
  await page.context().close();
});

test('named estimates are kept in this browser', async () => {
  const page = await open();
  await page.getByLabel('Renewal', { exact: true }).check();
  await field(page, 0, 'resource_id').fill('res-kept');
  await page.getByLabel('Name', { exact: true }).fill('my renewal');
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  await page.goto(url); // a fresh estimate
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByLabel('Pay-per-use', { exact: true }).isChecked(), true);
  await page.getByLabel('Saved estimates').selectOption('my renewal');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  assert.equal(await field(page, 0, 'resource_id').inputValue(), 'res-kept');
  assert.equal(await page.getByLabel('Renewal', { exact: true }).isChecked(), true);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.doesNotMatch(stored, /token|"sk"|"ak"|auth/i, 'the page stores estimates only, never credentials');
  assert.equal(await page.locator('input[type="password"], [name*="token" i], [name="sk"], [name="ak"]').count(), 0, 'the page asks for no credentials');
  await page.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('#saved-list option').first().textContent(), 'none yet');
  await page.context().close();
});

test('every control is labelled, results are announced, and the page fits a phone', async () => {
  const page = await open('', { viewport: { width: 390, height: 844 }, isMobile: true });
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.id || el.name));
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.locator('#result-live').getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('#status').getAttribute('role'), 'status');
  // Keyboard: from the top, Tab reaches the skip link, then the mode choice, then the language.
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.textContent));
  }
  assert.deepEqual(order, ['Skip to the estimate', 'mode', 'language']);
  await priceAndWait(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  // The package's stylesheet at phone width: each table fits, and every cell lines up under the header cells of
  // the columns it spans (a column dropped from some rows only would shift the rest).
  const layout = await page.evaluate(() => [...document.querySelectorAll('#breakdown table')].map((table) => {
    // Each cell's columns are counted over all cells of its row, shown or not, as the markup means them.
    const edges = (row) => {
      let column = 0;
      return [...row.cells].map((c) => {
        const box = c.getBoundingClientRect();
        const at = { first: column, last: column + c.colSpan - 1, left: box.left, right: box.right, shown: getComputedStyle(c).display !== 'none' };
        column += c.colSpan;
        return at;
      });
    };
    const head = new Map();
    for (const c of edges(table.tHead.rows[0])) for (let i = c.first; i <= c.last; i++) head.set(i, c);
    const lined = (c) => c.shown === head.get(c.first)?.shown && c.shown === head.get(c.last)?.shown
      && (!c.shown || (Math.abs(c.left - head.get(c.first).left) <= 1 && Math.abs(c.right - head.get(c.last).right) <= 1));
    const off = [...table.tBodies[0].rows, ...(table.tFoot?.rows ?? [])].flatMap((row) => edges(row)
      .filter((c) => !lined(c)).map((c) => `${row.className}:${c.first}-${c.last}`));
    return { table: table.className, fits: table.scrollWidth <= table.parentElement.clientWidth, off,
      aligned: getComputedStyle(table.querySelector('td.hwc-amount')).textAlign };
  }));
  assert.ok(layout.length >= 1, 'the breakdown is shown');
  for (const t of layout) assert.deepEqual(t, { ...t, fits: true, off: [], aligned: 'end' }, t.table);
  await shot(page, '10-phone');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the demo server serves the page with a strict CSP and forwards nothing but the rating APIs', async () => {
  const page = await fetch(url);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(demo.server.address().address, '127.0.0.1', 'loopback only');
  const html = await page.text();
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script');
  assert.ok(!/\sstyle=/.test(html), 'no inline style');
  const post = (path, body, headers = { 'content-type': 'application/json' }) => fetch(new URL(path, url), { method: 'POST', headers, body });
  const cases = [
    [await post('/v2/bills/ratings/on-demand-resources', '{not json'), 400, 'DEMO.400'],
    [await post('/v2/bills/ratings/on-demand-resources', '[]'), 400, 'DEMO.400'],
    [await post('/v2/bills/ratings/on-demand-resources', 'x'.repeat((1 << 20) + 10)), 413, 'DEMO.413'],
    [await post('/v2/bills/other', '{}'), 405, 'DEMO.405'],
    [await fetch(new URL('/v2/bills/ratings/on-demand-resources', url)), 405, 'DEMO.405'],
    [await fetch(new URL('/__sandbox/requests', url)), 404, 'DEMO.404'],
    [await fetch(new URL('/pkg/../Cargo.toml', url)), 404, 'DEMO.404'],
    [await fetch(new URL('/server.mjs', url)), 404, 'DEMO.404'],
  ];
  for (const [res, status, code] of cases) {
    assert.equal(res.status, status, res.url);
    assert.equal((await res.json()).error_code, code);
  }
  assert.equal((await fetch(url)).status, 200, 'still serving after bad requests');
});
