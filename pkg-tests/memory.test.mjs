// Pricing in a loop with free() keeps the module's memory flat (the README's advice). WebAssembly memory never
// shrinks, so growth shows in the process's resident size; the loop runs in a child process of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const loop = `
import * as hwc from 'hwc-price';
const lines = Array.from({ length: 50 }, (_, i) => ({ id: 'p' + i, amount: 1.5, discount_amount: 0, official_website_amount: 1.5, measure_id: 1 }));
const answer = JSON.stringify({ currency: 'USD', amount: 75, discount_amount: 0, official_website_amount: 75, product_rating_results: lines });
const run = (n) => { for (let i = 0; i < n; i++) { const q = hwc.quoteFromResponse('on-demand', answer); q.toText(); q.toCsv(); q.free(); } };
run(500);
const before = process.memoryUsage().rss;
run(10000);
console.log(process.memoryUsage().rss - before);
`;

test('10,000 quotes freed after use leave the memory where 500 left it', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', loop],
    { cwd: new URL('.', import.meta.url).pathname, encoding: 'utf8' });
  const grown = Number(stdout.trim());
  // Without free() the same loop grows by about 100 MB.
  assert.ok(grown < 30e6, `grew by ${(grown / 1e6).toFixed(1)} MB`);
});
