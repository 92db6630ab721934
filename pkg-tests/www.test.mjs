// End-to-end tests of the estimate page (www/) in headless Chromium, served by the demo server with its
// sandbox: compose by clicking and typing, validate as you type, price and check the totals against the
// rating API itself, API errors in plain words at their fields, cancelling a batch (progress in items),
// exports named after the estimate, share links, saved estimates, labels and the CSP. Every state is checked
// with axe-core and kept as a screenshot in test-output/www/ (www-states.test.mjs does both sizes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, env, open, field, error, state, direct, priceAndWait, settled, switchTo } from './www-helpers.mjs';

setup();

test('compose by clicking and typing, validate as you type, price, and check the totals with the API itself', async () => {
  const page = await open();
  await switchTo(page, 'Yearly/monthly');
  // Edit the first item, add one, remove the second, duplicate the first.
  await (await field(page, 0, 'resource_spec')).fill('c6.xlarge.2.linux');
  await (await field(page, 0, 'period_type')).selectOption('3');
  await (await field(page, 0, 'period_num')).fill('2');
  await page.getByRole('button', { name: 'Add an item' }).click();
  assert.equal(await page.locator('#items > li').count(), 4);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-3-id', 'focus moves to the new item');
  await (await field(page, 3, 'id')).fill('eip');
  await (await field(page, 3, 'cloud_service_type')).fill('hws.service.type.vpc');
  await (await field(page, 3, 'resource_type')).fill('hws.resource.type.ip');
  await (await field(page, 3, 'resource_spec')).fill('5_bgp');
  await field(page, 1, 'id');
  await page.getByRole('button', { name: 'Remove item 2' }).click();
  assert.match(await page.locator('#notice').textContent(), /^Removed item 2\. Undo$/);
  await page.getByRole('button', { name: 'Duplicate item 1' }).click();
  assert.equal(await (await field(page, 1, 'id')).inputValue(), 'item-1-copy');
  await (await field(page, 1, 'subscription_num')).fill('3');

  // A validation error appears beside its field as it is typed, is counted on the item's row, and blocks pricing.
  await (await field(page, 0, 'subscription_num')).fill('0');
  assert.equal(await error(page, 0, 'subscription_num').textContent(), 'must be a whole number from 1 to 10000, got 0');
  assert.equal(await page.locator('#f-0-subscription_num').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.item[data-index="0"] .item-problem').textContent(), ' — 1 problem');
  await (await field(page, 2, 'id')).fill('item-1');
  assert.match(await error(page, 2, 'id').textContent(), /must be unique in the inquiry/);
  await page.locator('.item[data-index="0"] > details > summary').click(); // closed: pricing opens it again
  await state(page, 'validation');
  await priceAndWait(page);
  assert.equal(await page.locator('#status').textContent(), 'Fix 2 problems first.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-0-subscription_num');
  await page.locator('#f-0-subscription_num').fill('1');
  await page.locator('#f-2-id').fill('item-3');
  assert.equal(await error(page, 0, 'subscription_num').textContent(), '');

  await priceAndWait(page);
  const items = [
    { id: 'item-1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.xlarge.2.linux', region: 'ap-southeast-1', subscription_num: 1, period_type: 3, period_num: 2 },
    { id: 'item-1-copy', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 'c6.xlarge.2.linux', region: 'ap-southeast-1', subscription_num: 3, period_type: 3, period_num: 2 },
    // Switching from pay-per-use kept the items' products; only their terms are the yearly/monthly defaults.
    { id: 'item-3', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.ip', resource_spec: '5_bgp', region: 'ap-southeast-1', subscription_num: 1, period_type: 2, period_num: 1 },
    { id: 'eip', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.ip', resource_spec: '5_bgp', region: 'ap-southeast-1', subscription_num: 1, period_type: 2, period_num: 1 },
  ];
  const answer = await direct('/v2/bills/ratings/period-resources/subscribe-rate', { project_id: '84c53ec51e794a4888fb0f5c0cfb2420', product_infos: items });
  const best = answer.optional_discount_rating_results.find((o) => o.best_offer === 1);
  const cell = (cls) => page.locator(`.hwc-total .hwc-${cls}`).getAttribute('data-value');
  assert.equal(await cell('list'), String(answer.official_website_rating_result.official_website_amount));
  assert.equal(await cell('final'), String(best.amount));
  assert.equal(await cell('discount'), String(best.discount_amount));
  assert.equal(await page.locator('.glance-pay').getAttribute('data-value'), String(best.amount), 'the summary shows the exact total');
  assert.deepEqual(await page.locator('.hwc-line > th > bdi:first-child').allTextContents(), items.map((i) => i.id));
  // Item numbers agree between the form and the result: each card names the form's number and the item's id.
  const cards = await page.locator('.cost-item .cost-item-name').allTextContents();
  assert.deepEqual([...cards].sort(), ['Item 1: Cloud server c6.xlarge.2.linux', 'Item 2: Cloud server c6.xlarge.2.linux', 'Item 3: EIP 5_bgp', 'Item 4: EIP 5_bgp']);
  assert.deepEqual((await page.locator('.cost-item .cost-item-detail').allTextContents()).sort(),
    ['in AP-Hong Kong · eip', 'in AP-Hong Kong · item-1', 'in AP-Hong Kong · item-3', 'in AP-Hong Kong × 3 · item-1-copy']);
  assert.equal(await page.locator('.hwc-options .hwc-best').count(), 1, 'the best offer is marked');
  await state(page, 'priced-composed');

  // Exports hold the same exact totals and are named after the estimate and the day it was priced.
  await page.getByLabel('Name', { exact: true }).fill('Staging: 3 VMs');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(csv.suggestedFilename(), `hwc-Staging-3-VMs-${today}.csv`);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFrecord,id,'));
  assert.ok(text.includes(`\r\ntotal,,,,,,,,USD,${answer.official_website_rating_result.official_website_amount},${best.discount_amount},${best.amount},\r\n`), text);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.equal(json.suggestedFilename(), `hwc-Staging-3-VMs-${today}.json`);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.deepEqual([doc.format, doc.version, doc.totals.final], ['hwc-price.breakdown', 2, String(best.amount)]);

  // The share link is short and reproduces the estimate in a new page, priced.
  const link = page.url();
  assert.match(link, /#e=[\w-]+$/);
  assert.ok(link.length - env.url.length < 700, `a four-item link is short: ${link.length} characters`);
  assert.ok(!link.includes('token') && !link.includes('sk'), 'no credentials in the link');
  const again = await open(link.slice(env.url.length));
  await settled(again);
  assert.equal(await again.locator('#results').getAttribute('data-state'), 'priced', 'a share link opens priced');
  assert.equal(await again.locator('.glance-pay').getAttribute('data-value'), String(best.amount));
  assert.equal(await again.getByLabel('Yearly/monthly', { exact: true }).isChecked(), true);
  assert.equal(await again.locator('#f-0-resource_spec').inputValue(), 'c6.xlarge.2.linux');
  assert.equal(await again.locator('#f-1-subscription_num').inputValue(), '3');
  assert.equal(await again.locator('#f-3-id').inputValue(), 'eip');
  assert.equal(await again.locator('#items > li').count(), 4);
  await state(again, 'from-share-link');
  assert.deepEqual([...page.problems, ...again.problems], []);
  await again.context().close();
  await page.context().close();
});

test('an API error is said in plain words at the field it concerns, with the details folded, and focus on it', async () => {
  const page = await open();
  await (await field(page, 1, 'resource_spec')).fill('no.such.disk');
  await page.locator('.item[data-index="1"] > details > summary').click();
  await priceAndWait(page);
  const box = page.locator('#api-error');
  assert.equal(await box.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'api-error', 'focus moves to the error summary');
  assert.equal(await box.locator('.error-title').textContent(), '1 item could not be priced');
  assert.equal(await box.locator('.error-list').textContent(),
    'Item 2: no.such.disk is not sold in ap-southeast-1, or is not a hws.resource.type.volume of hws.service.type.ebs.');
  assert.equal(await box.locator('.error-details').getAttribute('open'), null, 'the details are folded');
  assert.match(await box.locator('.error-details').textContent(), /CodeCBC\.99006006HTTP status400Request id[0-9a-f]{32}Attempts1Message/);
  // At the field, highlighted, the item's row opened.
  assert.match(await error(page, 1, 'resource_spec').textContent(), /^no\.such\.disk is not sold in ap-southeast-1/);
  assert.equal(await page.locator('#f-1-resource_spec').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#f-1-resource_spec').isVisible(), true);
  // What could be priced is shown and says so.
  assert.equal(await page.locator('#partial-note').textContent(), 'Only 2 of 3 items could be priced; the amounts below cover those.');
  assert.equal(await page.locator('.cost-item').count(), 2);
  assert.equal(await page.locator('#status').textContent(), '', 'the error is announced once, by its alert');
  await box.getByRole('button', { name: 'Item 2:' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-1-resource_spec');
  await state(page, 'api-error');
  await page.context().close();
});

test('a pasted payload of 250 products loads with its violations; its batch shows progress in items and can be cancelled', async () => {
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
  assert.equal(await page.locator('#f-249-id').inputValue(), 'vm-250');
  await page.locator('#f-249-id').scrollIntoViewIfNeeded();
  const price = await page.getByRole('button', { name: 'Price the estimate' }).boundingBox();
  assert.ok(price.y >= 0 && price.y + price.height <= 800, `the Price button stays in view among 250 rows: at ${price.y}px`);
  const result = await page.locator('.glance, #result-empty').first().boundingBox();
  assert.ok(result.y >= 0 && result.y < 800, `the result stays in view beside the rows: at ${result.y}px`);
  await state(page, 'pasted');

  env.demo.sandbox.injectFaults([{ delayMs: 10_000 }, { delayMs: 10_000 }, { delayMs: 10_000 }]);
  await page.getByRole('button', { name: 'Price the estimate' }).click();
  await page.locator('#cancel').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#progress').isVisible(), true);
  assert.equal(await page.locator('#progress').getAttribute('max'), '250', 'progress counts items');
  assert.equal(await page.getByRole('progressbar', { name: 'Items priced' }).count(), 1);
  assert.equal(await page.locator('#status').textContent(), 'Pricing 250 items…');
  // (The pricing state is checked with axe-core at both sizes in www-states.test.mjs: here it must stay quick.)
  await page.getByRole('button', { name: 'Cancel' }).click();
  await settled(page);
  assert.equal(await page.locator('#status').textContent(), 'Cancelled: 0 of 250 items priced.');
  assert.equal(await page.locator('#partial-note').textContent(), 'Cancelled: 0 of 250 items priced.');
  assert.equal(await page.locator('#api-error').isVisible(), false, 'cancelling is not an error');
  assert.equal(await page.locator('#cancel').isVisible(), false);
  await state(page, 'cancelled');

  // Priced again, the batch goes through: the slow answers were only for the cancelled requests.
  await priceAndWait(page);
  assert.match(await page.locator('#status').textContent(), /^You pay (about \$[\d,]+\.\d\d \(exactly \$[\d,.]+\)|\$[\d,]+\.\d\d) for the usage entered, for 250 items\.$/);
  assert.equal(await page.locator('.hwc-line').count(), 250);
  assert.equal(await page.locator('.cost-item').count(), 250);
  assert.equal(await page.locator('.more-items > ol > li').count(), 240, 'after the ten costliest, the rest are folded');
  await state(page, 'priced-250');
  await page.context().close();
});

test('named estimates are kept in this browser with their total, currency and date; loading and deleting can be undone', async () => {
  const page = await open();
  await priceAndWait(page);
  const total = await page.locator('.glance-pay .amount-rounded').textContent();
  await page.getByLabel('Name', { exact: true }).fill('my estimate');
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  await switchTo(page, 'Renewal');
  await (await field(page, 0, 'resource_id')).fill('res-kept');
  await page.getByLabel('Name', { exact: true }).fill('my renewal');
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(await page.locator('#saved-list option').allTextContents(),
    [`my estimate — ${total} USD — saved ${today}`, `my renewal — not priced — saved ${today}`]);
  await page.goto(env.url); // a fresh estimate
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByLabel('Pay-per-use', { exact: true }).isChecked(), true);
  await (await field(page, 0, 'subscription_num')).fill('7'); // unsaved work
  await page.getByLabel('Saved estimates').selectOption('my renewal');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  assert.equal(await (await field(page, 0, 'resource_id')).inputValue(), 'res-kept');
  assert.equal(await page.getByLabel('Renewal', { exact: true }).isChecked(), true);
  await state(page, 'saved-loaded');
  await page.locator('#saved-notice').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.getByLabel('Pay-per-use', { exact: true }).isChecked(), true, 'the unsaved work is back');
  assert.equal(await (await field(page, 0, 'subscription_num')).inputValue(), '7');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.doesNotMatch(stored, /token|"sk"|"ak"|auth/i, 'the page stores estimates only, never credentials');
  assert.equal(await page.locator('input[type="password"], [name*="token" i], [name="sk"], [name="ak"]').count(), 0, 'the page asks for no credentials');
  await page.getByLabel('Saved estimates').selectOption('my renewal');
  await page.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('#saved-list option').count(), 1);
  await page.locator('#saved-notice').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('#saved-list option').count(), 2, 'deleting can be undone');
  await page.context().close();
});

test('every control is labelled, and Tab reaches the skip link, the mode, and Price in a few steps', async () => {
  const page = await open();
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.id || el.name));
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.locator('#status').getAttribute('role'), 'status');
  assert.equal(await page.locator('[aria-live] #breakdown, [role="status"] #breakdown').count(), 0, 'the table is not in a live region');
  const order = [];
  for (let i = 0; i < 20 && order.at(-1) !== 'price'; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.textContent.trim()));
  }
  assert.deepEqual(order.slice(0, 3), ['Skip to the result', 'mode', 'language']);
  assert.equal(order.at(-1), 'price');
  assert.ok(order.length <= 12, `${order.length} Tab presses reach Price: ${order}`);
  // The skip link leads to the result.
  assert.equal(await page.locator('.skip').getAttribute('href'), '#results');
  await page.context().close();
});

test('the demo server serves the page with a strict CSP and forwards nothing but the rating APIs', async () => {
  const url = env.url;
  const page = await fetch(url);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(env.demo.server.address().address, '127.0.0.1', 'loopback only');
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
