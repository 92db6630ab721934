// The page's billing-mode comparison, end to end in Chromium through the demo server and its sandbox: the
// verdict, the two charts and their text equivalents, each item's cheapest mode, the full table, exports and
// the share link, out of date when the estimate or the hours change, the hours checked by the package at their
// field, renewal set apart, a product one mode cannot price, a cancelled comparison; axe-core in every state at
// laptop and phone widths. What the page shows is held against the package's own comparison of the same input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PriceClient } from 'hwc-price';
import { setup, env, open, field, state, LAPTOP, PHONE, switchTo } from './www-helpers.mjs';
import { initialState, toComparison } from '../www/estimate.mjs';
import { roundTo } from '../www/money.mjs';

setup();

const compared = (page) => page.waitForFunction(() => /^(compared|failed|cancelled|invalid)$/.test(document.getElementById('comparison').dataset.state));

async function compareAndWait(page, button = 'Compare billing modes') {
  await page.getByRole('button', { name: button, exact: true }).click();
  await compared(page);
}

/** The package's comparison of `input` through the same server, as its document. */
async function expected(input) {
  const client = new PriceClient({ endpoint: env.url });
  try {
    const comparison = await client.compareBillingModes(input);
    const doc = comparison.toJSON();
    comparison.free();
    return doc;
  } finally {
    client.free();
  }
}

for (const viewport of [LAPTOP, PHONE]) {
  const size = viewport === PHONE ? 'phone' : 'laptop';

  test(`${size}: the estimate's billing modes compared, in words, charts and tables, exported and shared`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    await state(page, 'compare-empty');
    await compareAndWait(page);
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'compared');
    const doc = await expected(toComparison(initialState(), '730'));
    const best = doc.totals.cheapest;
    assert.equal(doc.modes[best].name, '1 year', 'the sandbox makes the year cheapest at full use');
    // The verdict: the cheapest mode and its exact amount a month, the saving, and each break-even.
    assert.equal(await page.locator('#compare-verdict .glance-label').textContent(), 'Cheapest at 730 hours of use a month');
    assert.equal(await page.locator('#compare-verdict .glance-pay').getAttribute('data-value'), doc.totals.cells[best].perMonth.final);
    // Marked as the package marks that one amount: exact here, though the year's discount a month is rounded.
    assert.ok(doc.totals.cells[best].perMonth.rounded.includes('discount') && !doc.totals.cells[best].perMonth.rounded.includes('final'));
    assert.match(await page.locator('#compare-verdict .glance-pay').textContent(), /^≈ \$\d+\.\d\d exactly \$\d+\.\d{3,}$/);
    const evens = await page.locator('#compare-verdict .break-evens li').allTextContents();
    assert.equal(evens.length, 2);
    assert.match(evens[0], /^1 month pays off above ≈\d+\.\d\d hours of use a month\.$/);
    assert.equal(evens[1], `1 year pays off above ≈${roundTo(doc.totals.cells[2].breakEven.hoursPerMonth, 2).value} hours of use a month.`);
    // The monthly bars: one per mode, the cheapest marked; the list after it says the same in words.
    assert.equal(await page.locator('svg.bars .bar').count(), 3);
    assert.equal(await page.locator('svg.bars .bar-cheapest').count(), 1);
    const words = await page.locator('#modes-words li').allTextContents();
    assert.deepEqual(words.map((w) => w.split(':')[0]), doc.modes.map((m) => m.name));
    assert.deepEqual(words.map((w) => w.endsWith(' a month (cheapest, ★)')), doc.modes.map((_, i) => i === best));
    // The hours chart: pay-per-use rising, a line per subscription, a point at each break-even inside it.
    assert.equal(await page.locator('svg.hours-chart').getAttribute('role'), 'img');
    assert.equal(await page.locator('svg.hours-chart line.mode-line').count(), 3);
    assert.equal(await page.locator('svg.hours-chart circle.break-even').count(), 2);
    assert.equal(await page.locator('#hours-words li').count(), 4);
    // Each item's card: its name in words and its cheapest mode.
    const cards = page.locator('#compare-items .cost-item');
    assert.equal(await cards.count(), 3);
    assert.match(await cards.first().textContent(), /^Item 1: Cloud server c6\.large\.2\.linux.*Cheapest: 1 year/);
    // The full table is the package's own.
    await page.locator('#compare-full > summary').click();
    assert.equal(await page.locator('#compare-table table.hwc-comparison-table').count(), 4, 'three products and the total');
    await state(page, 'compared');

    // Exports: the package's CSV and versioned document, named after the estimate and the day.
    await page.getByLabel('Name', { exact: true }).fill('Web tier');
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export comparison CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), `hwc-Web-tier-compared-${today}.csv`);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFFrecord,id,mode,period_type,period_num,currency,'), text.slice(0, 80));
    assert.ok(text.includes(`\r\ntotal,,pay-per-use,,,USD,${doc.totals.cells[0].list},`), text);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export comparison JSON' }).click()]);
    assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), doc);

    // The share link opens the comparison too.
    const link = page.url();
    assert.match(link, /#e=[\w-]+&compare=730$/);
    const again = await open(link.slice(env.url.length), { viewport, isMobile: viewport === PHONE });
    await compared(again);
    assert.equal(await again.locator('#comparison').getAttribute('data-state'), 'compared');
    assert.equal(await again.locator('#compare-verdict .glance-pay').getAttribute('data-value'), doc.totals.cells[best].perMonth.final);
    await again.context().close();

    // Fewer hours: out of date at once (exports off), then compared again, pay-per-use cheapest.
    await page.getByRole('textbox', { name: 'Hours of use a month' }).fill('200');
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'stale');
    assert.equal(await page.locator('#compare-stale').isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Export comparison CSV' }).isDisabled(), true);
    await state(page, 'compare-stale');
    await compareAndWait(page, 'Compare at these hours');
    const fewer = await expected(toComparison(initialState(), '200'));
    assert.equal(fewer.totals.cheapest, 0);
    assert.equal(await page.locator('#compare-verdict .glance-pay').getAttribute('data-value'), fewer.totals.cells[0].perMonth.final);
    assert.match((await page.locator('#compare-verdict .break-evens li').allTextContents())[0], /^1 month pays off only above ≈\d+\.\d\d hours of use a month, more than the 200 hours asked for\.$/);
    assert.equal(await page.locator('svg.hours-chart circle.break-even').count(), 2, 'break-evens past the hours asked are still on the chart');
    assert.match(page.url(), /&compare=200$/);
    await state(page, 'compared-200');

    // Changing the estimate makes it out of date too.
    await (await field(page, 0, 'subscription_num')).fill('2');
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'stale');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`${size}: hours the package refuses, a product one mode cannot price, renewal, and cancelling`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    await page.getByRole('textbox', { name: 'Hours of use a month' }).fill('800');
    await compareAndWait(page, 'Compare at these hours');
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'failed');
    assert.equal(await page.locator('#hours').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#hours-error').textContent(), /744/);
    assert.match(await page.locator('#compare-error .error-list').textContent(), /^Hours of use a month: /);
    await state(page, 'compare-invalid');

    // A flavour the sandbox does not sell: its row keeps the failure and the totals leave it out.
    await page.getByRole('textbox', { name: 'Hours of use a month' }).fill('730');
    await (await field(page, 2, 'resource_spec')).fill('no.such.flavour');
    await compareAndWait(page);
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'compared');
    assert.match(await page.locator('#compare-verdict .partial-note').textContent(), /leave out 1 item .*: item-3\./);
    assert.match(await page.locator('#compare-items .cost-item[data-id="item-3"]').textContent(), /pay-per-use: not priced\. Product not found: .* \(CBC\.99006006\)/);
    await state(page, 'compare-partial');

    // A comparison held up, then cancelled: nothing compared, said plainly.
    env.demo.sandbox.injectFaults([{ delayMs: 30_000 }]);
    await page.getByRole('button', { name: 'Compare billing modes', exact: true }).click();
    await page.locator('#compare-cancel').waitFor({ state: 'visible' });
    await state(page, 'comparing');
    await page.getByRole('button', { name: 'Cancel the comparison' }).click();
    await compared(page);
    assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'cancelled');
    assert.equal(await page.locator('#compare-status').textContent(), 'Comparison cancelled: nothing compared.');

    // Renewal prices resources, not products: nothing to compare, and the page says so.
    await switchTo(page, 'Renewal');
    assert.equal(await page.locator('#compare').isHidden(), true);
    assert.equal(await page.locator('#compare-renewal').isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Compare at these hours' }).isDisabled(), true);
    await state(page, 'compare-renewal');
    assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
    await page.context().close();
  });
}

test('a yearly/monthly estimate is compared for its own periods too, in Chinese', async () => {
  const page = await open();
  await switchTo(page, 'Yearly/monthly');
  await (await field(page, 0, 'period_num')).fill('3');
  await page.getByLabel('Language of results').selectOption('zh_CN');
  await compareAndWait(page);
  const names = await page.locator('#modes-words bdi').allTextContents();
  assert.deepEqual(names, ['按需', '1 个月', '1 年', '3 个月']);
  assert.equal(await page.locator('#compare-table').getAttribute('lang'), 'zh-CN');
  await page.context().close();
});

test('an item whose monthly subscription never pays off within a month says so on its card', async () => {
  const page = await open();
  // The sandbox prices a Windows desktop's month above 730 hours of pay-per-use.
  await (await field(page, 0, 'resource_spec')).fill('c6.large.2.win');
  await compareAndWait(page);
  const card = await page.locator('#compare-items .cost-item[data-id="item-1"]').textContent();
  assert.match(card, /1 month: pays off above ≈785\.17 hours a month, more than a month has/);
  assert.match(card, /1 year: pays off above ≈678\.09 hours a month(?!,)/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an item not sold by the year: no totals to compare, yet each mode it has is shown, and nothing breaks', async () => {
  const page = await open();
  // The sandbox sells s3.medium.4.linux pay-per-use and by the month only; the estimate is that one item.
  for (const item of [2, 1]) {
    await page.locator(`.item[data-index="${item}"] > details > summary`).click();
    await page.getByRole('button', { name: `Remove item ${item + 1}` }).click();
  }
  await (await field(page, 0, 'resource_spec')).fill('s3.medium.4.linux');
  await compareAndWait(page);
  assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'compared');
  assert.equal(await page.locator('#compare-verdict .partial-note').textContent(), 'No item could be priced in every mode, so there are no totals to compare.');
  assert.equal(await page.locator('#compare-charts svg').count(), 0, 'no totals: no charts');
  const card = await page.locator('#compare-items .cost-item').textContent();
  assert.match(card, /Cheapest: 1 month, /);
  assert.match(card, /1 year: not priced\. Product not found: .* \(CBC\.99006006\)/);
  assert.equal(await page.getByRole('button', { name: 'Export comparison JSON' }).isDisabled(), false);
  await state(page, 'compare-no-totals');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), [], 'only the refused year in the console');
  await page.context().close();
});

test('typing while a comparison runs: "Compare at these hours" stays off until it ends, and the refusal stays with the hours sent', async () => {
  const page = await open();
  const hours = page.getByRole('textbox', { name: 'Hours of use a month' });
  await hours.fill('0');
  env.demo.sandbox.injectFaults([{ delayMs: 1500 }]);
  await (await field(page, 0, 'subscription_num')).fill('2');
  await page.getByRole('button', { name: 'Compare billing modes', exact: true }).click();
  await compared(page);
  assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'failed', 'hours of 0 are refused before anything is sent');
  assert.match(await page.locator('#hours-error').textContent(), /greater than 0/);
  await hours.fill('100');
  assert.equal(await page.locator('#hours-error').textContent(), '', 'the refusal was of 0, not of 100');
  await page.getByRole('button', { name: 'Compare at these hours' }).click();
  await page.locator('#compare-cancel').waitFor({ state: 'visible' });
  await hours.fill('150');
  assert.equal(await page.getByRole('button', { name: 'Compare at these hours' }).isDisabled(), true, 'no click is lost while comparing');
  await page.locator('#compare-cancel').waitFor({ state: 'hidden' });
  assert.equal(await page.getByRole('button', { name: 'Compare at these hours' }).isDisabled(), false);
  assert.equal(await page.locator('#comparison').getAttribute('data-state'), 'stale', 'compared at 100, asked 150 since');
  assert.match(await page.locator('#compare-verdict .glance-label').textContent(), /^Cheapest at 100 hours/);
  await page.context().close();
});
