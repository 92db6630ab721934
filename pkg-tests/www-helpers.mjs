// Shared by the estimate page's end-to-end tests (www*.test.mjs): the demo server with its sandbox and headless
// Chromium around a test file, opening the page, opening an item's row to reach a field, axe-core checks and
// screenshots of each state (test-output/www/<state>-<width>.png). Servers listen on loopback and are closed
// after the file's tests.
import { before, after } from 'node:test';
import { launchChromium } from './helpers.mjs';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createDemoServer } from '../scripts/demo-server.mjs';

const shots = new URL('../test-output/www/', import.meta.url);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** The demo server (with its sandbox) and the browser of the test file that called setup(). */
export const env = { demo: null, url: null, browser: null };

/** Starts the demo server and Chromium before the file's tests and stops both after them. */
export function setup() {
  before(async () => {
    mkdirSync(shots, { recursive: true });
    env.demo = await createDemoServer();
    env.url = await env.demo.listen();
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.demo?.close();
  });
}

/** A fresh page on the estimate, ready; console errors and CSP reports are collected in `problems`. */
export async function open(path = '', options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: LAPTOP, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(env.url + path);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export const shot = (page, name) => page.screenshot({ path: new URL(`${name}.png`, shots).pathname, fullPage: true });
export const error = (page, item, name) => page.locator(`#f-${item}-${name}-error`);

/** Item `item`'s field `name`, its row opened (and "More" too) the way a reader opens them: by clicking. */
export async function field(page, item, name) {
  const input = page.locator(`#f-${item}-${name}`);
  const row = page.locator(`.item[data-index="${item}"] > details`);
  if ((await row.getAttribute('open')) === null) await row.locator('> summary').click();
  const more = row.locator('details.more');
  if (!(await input.isVisible()) && (await more.count()) && (await more.getAttribute('open')) === null) await more.locator('> summary').click();
  return input;
}

/** axe-core's violations on the page as it is now, as readable lines (the page is not changed by it). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE); // evaluated, not injected: the CSP stays on
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return found.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Checks the state with axe-core and keeps a screenshot of it named `name` at this page's width. */
export async function state(page, name) {
  const width = page.viewportSize().width;
  assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
  await shot(page, `${name}-${width}`);
}

/** What the rating API itself answers for `body`, through the same server. */
export async function direct(path, body) {
  const res = await fetch(new URL(path, env.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200);
  return res.json();
}

export const settled = (page) => page.waitForFunction(() => /^(priced|failed|cancelled|invalid|partial)$/.test(document.getElementById('results').dataset.state));

export async function priceAndWait(page) {
  await page.getByRole('button', { name: 'Price the estimate' }).click();
  await settled(page);
}


/**
 * Switches the billing mode to the radio labelled `label` as a reader does: clicks it, reads what the page says
 * would be set aside, and confirms with "Switch to …". Resolves to the warning's text ('' when there was none).
 */
export async function switchTo(page, label) {
  const radio = page.getByLabel(label, { exact: true });
  if (await radio.isChecked()) return '';
  await radio.click();
  const go = page.locator('#notice').getByRole('button', { name: `Switch to ${label.toLowerCase()}` });
  if (!(await go.count())) return '';
  const warning = await page.locator('#notice .confirm p').textContent();
  await go.click();
  assert.equal(await radio.isChecked(), true);
  return warning;
}
