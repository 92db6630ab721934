// The estimate page in every state at laptop (1280×800) and phone (390×844) size: axe-core finds no violation
// in any of them, and each is kept as a screenshot (test-output/www/<state>-<width>.png). Also at both sizes:
// the headline is the exact total rounded to cents, a result goes out of date on any edit (visibly, announced,
// exports off) and is current again once priced, switching the billing mode keeps the shared fields and can be
// undone, and at phone size every amount sits under its own heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, env, open, field, state, priceAndWait, settled, switchTo, LAPTOP, PHONE } from './www-helpers.mjs';
import { roundTo, compare } from '../www/money.mjs';

setup();

/** Each amount on the page with the heading it sits under, read from the DOM as a reader pairs them. */
const amountsWithHeadings = (page) => page.evaluate(() => {
  const out = [];
  // The summary's cards: each amount is the <dd> of its own <dt>.
  for (const dd of document.querySelectorAll('.cost-item-amounts dd')) {
    const dt = dd.previousElementSibling;
    const a = dt.getBoundingClientRect();
    const b = dd.getBoundingClientRect();
    out.push({ heading: dt.textContent, value: dd.querySelector('[data-value]')?.dataset.value ?? null, cls: dd.querySelector('.amount')?.className,
      beside: Math.abs(a.top - b.top) < 2 || a.bottom <= b.top + 1 });
  }
  // The full breakdown: each amount cell's column heading, counted over the cells of its row.
  for (const table of document.querySelectorAll('#breakdown table')) {
    const heads = [];
    for (const th of table.tHead.rows[0].cells) for (let i = 0; i < th.colSpan; i++) heads.push(th);
    for (const row of [...table.tBodies[0].rows, ...(table.tFoot?.rows ?? [])]) {
      let column = 0;
      for (const c of row.cells) {
        const head = heads[column];
        column += c.colSpan;
        if (!c.classList.contains('hwc-amount') || !c.textContent) continue;
        const shown = getComputedStyle(c).display !== 'none';
        const hb = head.getBoundingClientRect();
        const cb = c.getBoundingClientRect();
        out.push({ heading: head.textContent, cls: c.className, shown, headShown: getComputedStyle(head).display !== 'none',
          under: !shown || (Math.abs(hb.left - cb.left) <= 1 && Math.abs(hb.right - cb.right) <= 1) });
      }
    }
  }
  return out;
});

const HEADING = { list: 'List price', discount: 'Discount', final: /^(Final price|You pay|Price)$/ };

for (const viewport of [LAPTOP, PHONE]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`${size}: start, priced in each mode, the headline rounded exactly, every amount under its heading`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    assert.equal(await page.locator('#sample-banner').isVisible(), true, 'the page says sample prices are shown');
    await state(page, 'start');
    for (const [mode, label] of [['on-demand', 'Pay-per-use'], ['period', 'Yearly/monthly'], ['renewal', 'Renewal']]) {
      await switchTo(page, label);
      if (mode !== 'on-demand') await state(page, `switched-${mode}`);
      assert.equal(await page.locator('#items > li').count(), 3);
      await priceAndWait(page);
      assert.equal(await page.locator('#results').getAttribute('data-state'), 'priced', mode);
      // The headline is the exact total rounded to cents (half away from zero), "≈" when that changed it.
      const exact = await page.locator('.glance-pay').getAttribute('data-value');
      assert.equal(exact, await page.locator('.hwc-total .hwc-final, .hwc-total .hwc-list').last().getAttribute('data-value'), mode);
      const r = roundTo(exact);
      const shown = await page.locator('.glance-pay .amount-rounded').textContent();
      assert.equal(shown.replace(/[≈$,\s]/g, ''), r.value, mode);
      assert.equal(shown.startsWith('≈ '), r.rounded, mode);
      assert.equal(await page.locator('.glance-pay .amount-exact').count(), r.rounded ? 1 : 0);
      // The status says the total in one sentence; the cards are sorted by cost and charted.
      assert.match(await page.locator('#status').textContent(), /^You pay .+ for 3 (items|resources)\.$/);
      const costs = await page.locator('.cost-item').evaluateAll((cards) => cards.map((c) => (c.querySelector('.cost-final') ?? c.querySelector('.cost-list')).dataset.value));
      assert.equal(costs.length, 3);
      assert.deepEqual(costs, [...costs].sort((a, b) => compare(b, a)), `${mode}: sorted by cost, highest first`);
      assert.equal(await page.locator('svg.bars g.bar').count(), 3);
      assert.equal(await page.getByRole('img', { name: /Bar chart of the cost of each item/ }).count(), 1);
      if (mode === 'on-demand') assert.match(await page.locator('.glance-month').textContent(), /a month, assuming 730 hours of use a month$/);
      // Every amount is under (or beside) its own heading, at this size.
      if ((await page.locator('#ledger').getAttribute('open')) === null) await page.locator('#ledger > summary').click();
      assert.equal(await page.locator('#breakdown').isVisible(), true);
      const amounts = await amountsWithHeadings(page);
      assert.ok(amounts.filter((a) => 'beside' in a).length >= 3 && amounts.filter((a) => 'under' in a).length >= 6, `${mode}: ${amounts.length} amounts read`);
      for (const a of amounts) {
        const kind = /(list|discount|final)/.exec(a.cls)[1];
        assert.match(a.heading, HEADING[kind] instanceof RegExp ? HEADING[kind] : new RegExp(`^${HEADING[kind]}$`), `${mode}: ${JSON.stringify(a)}`);
        if ('beside' in a) assert.ok(a.beside, `${mode}: ${JSON.stringify(a)}`);
        else assert.ok(a.under && a.shown === a.headShown, `${mode}: ${JSON.stringify(a)}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await state(page, `priced-${mode}`);
    }
    // Results in Chinese say so.
    await page.getByLabel('Language of results').selectOption('zh_CN');
    await priceAndWait(page);
    assert.equal(await page.locator('#breakdown').getAttribute('lang'), 'zh-CN');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`${size}: an edit or a mode switch marks the result out of date; switching keeps shared fields and can be undone`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    await (await field(page, 0, 'subscription_num')).fill('2');
    await priceAndWait(page);
    assert.equal(await page.locator('#stale').isVisible(), false);
    const before = await page.locator('.glance-pay').getAttribute('data-value');
    await page.locator('#f-0-subscription_num').fill('4');
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'stale');
    assert.equal(await page.locator('#stale').isVisible(), true);
    assert.equal(await page.locator('#status').textContent(), 'The result is out of date: the estimate changed after it was priced.');
    assert.equal(await page.getByRole('button', { name: 'Export CSV' }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Export JSON' }).isDisabled(), true);
    await state(page, 'stale');
    // Back to what was priced: current again. Then priced again after the edit: a new total.
    await page.locator('#f-0-subscription_num').fill('2');
    assert.equal(await page.locator('#stale').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Export CSV' }).isDisabled(), false);
    await page.locator('#f-0-subscription_num').fill('4');
    await page.getByRole('button', { name: 'Price again' }).click();
    await settled(page);
    assert.equal(await page.locator('#stale').isVisible(), false);
    assert.notEqual(await page.locator('.glance-pay').getAttribute('data-value'), before);

    // Switching to yearly/monthly keeps the items' products and the project, says what it set aside, and marks
    // the result out of date.
    await (await field(page, 1, 'resource_spec')).fill('SAS');
    // The switch warns first, and nothing changes until it is confirmed: "Keep" keeps everything as it was.
    const link = await page.evaluate(() => location.hash);
    await page.getByLabel('Yearly/monthly', { exact: true }).click();
    const warning = page.locator('#notice .confirm');
    assert.equal(await warning.locator('p').textContent(), 'Switching to yearly/monthly sets aside: usage factor, usage, usage unit of 3 items. Switching back brings them back.');
    assert.equal(await page.getByLabel('Pay-per-use', { exact: true }).isChecked(), true, 'not switched yet');
    assert.equal(await page.getByLabel('Yearly/monthly', { exact: true }).isChecked(), false);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Switch to yearly/monthly', 'focus on the choice');
    assert.equal(await page.evaluate(() => location.hash), link, 'the estimate is unchanged');
    await state(page, 'switch-warning');
    await warning.getByRole('button', { name: 'Keep pay-per-use' }).click();
    assert.equal(await page.locator('#notice').textContent(), 'Kept pay-per-use; nothing changed.');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'on-demand');
    assert.equal(await (await field(page, 1, 'usage_value')).inputValue(), '730');
    assert.equal(await switchTo(page, 'Yearly/monthly'), 'Switching to yearly/monthly sets aside: usage factor, usage, usage unit of 3 items. Switching back brings them back.');
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'stale');
    assert.equal(await page.locator('#notice').textContent(), 'Switched to yearly/monthly. Set aside: usage factor, usage, usage unit of 3 items. Undo');
    assert.equal(await (await field(page, 1, 'resource_spec')).inputValue(), 'SAS');
    assert.equal(await (await field(page, 0, 'subscription_num')).inputValue(), '4');
    assert.equal(await page.locator('#f-project_id').inputValue(), '06488a832f55c016b0e337d7');
    await state(page, 'switched-with-undo');
    await page.locator('#notice').getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.getByLabel('Pay-per-use', { exact: true }).isChecked(), true);
    assert.equal(await (await field(page, 1, 'usage_value')).inputValue(), '730');
    assert.equal(await page.locator('#f-1-resource_spec').inputValue(), 'SAS');
    // Renewal has no products: they are set aside, and come back with undo.
    assert.match(await switchTo(page, 'Renewal'), /^Switching to renewal sets aside: the 3 items \(renewal prices resources you already have\)/);
    assert.match(await page.locator('#notice').textContent(), /^Switched to renewal\. Set aside: the 3 items \(renewal prices resources you already have\)/);
    await page.locator('#notice').getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.locator('#f-0-subscription_num').inputValue(), '4');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`${size}: validation, pricing in progress, an API error and a cancelled estimate pass axe-core`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    await (await field(page, 0, 'subscription_num')).fill('0');
    await priceAndWait(page);
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'invalid');
    await state(page, 'validation');
    await page.locator('#f-0-subscription_num').fill('1');
    await (await field(page, 2, 'resource_spec')).fill('c7.large.2.linux');
    await priceAndWait(page);
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'failed');
    assert.match(await page.locator('.error-list').textContent(), /^Item 3: c7\.large\.2\.linux is not sold in ap-southeast-1/);
    await state(page, 'api-error');
    await page.locator('.error-details > summary').click();
    await state(page, 'api-error-details');
    await page.locator('#f-2-resource_spec').fill('5_bgp');
    env.demo.sandbox.injectFaults([{ delayMs: 30_000 }]);
    await page.getByRole('button', { name: 'Price the estimate' }).click();
    await page.locator('#cancel').waitFor({ state: 'visible' });
    await state(page, 'pricing');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await settled(page);
    assert.equal(await page.locator('#status').textContent(), 'Cancelled: 0 of 3 items priced.');
    await state(page, 'cancelled');
    assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
    await page.context().close();
  });
}
