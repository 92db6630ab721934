// The packed package (`npm pack` of pkg/) installed into scratch projects, used each way a consumer would:
// Node ES modules, Node CommonJS, TypeScript (node16 resolution, both module kinds), a Vite build and a
// webpack 5 build, each built page loaded in headless Chromium. Scratch projects live under
// test-output/consumers/; the static server used for the built pages listens on loopback and is closed.
import { test, before, after } from 'node:test';
import { launchChromium } from './helpers.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';

const repo = new URL('../', import.meta.url);
const app = new URL('../test-output/consumers/app/', import.meta.url);
const bin = (name) => new URL(`node_modules/.bin/${name}`, repo).pathname;
const run = (cmd, args, cwd = app) => execFileSync(cmd, args, { cwd: cwd.pathname ?? cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const write = (path, text) => {
  const url = new URL(path, app);
  mkdirSync(new URL('./', url), { recursive: true });
  writeFileSync(url, text);
};
let browser;

before(() => {
  rmSync(new URL('../', app), { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const packed = run('npm', ['pack', new URL('pkg/', repo).pathname, '--pack-destination', new URL('../', app).pathname, '--silent']).trim().split('\n').at(-1);
  write('package.json', JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  run('npm', ['install', `../${packed}`, '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline']);
});

after(async () => {
  await browser?.close();
});

const INQUIRY = `{ project_id: 'p', product_infos: [{ id: 'vm', cloud_service_type: 'hws.service.type.ec2',
  resource_type: 'hws.resource.type.vm', resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1',
  usage_factor: 'Duration', usage_value: '0.0000000001', usage_measure_id: 4, subscription_num: 1 }] }`;

test('the tarball holds what the package needs and nothing else', () => {
  const files = readdirSync(new URL('node_modules/hwc-price/', app)).sort();
  assert.deepEqual(files, ['LICENSE', 'README.md', 'breakdown.css', 'hwc_price.d.ts', 'hwc_price.js', 'hwc_price_bg.wasm', 'hwc_price_bg.wasm.d.ts',
    'node.cjs', 'node.d.cts', 'node.mjs', 'package.json', 'snippets']);
  const manifest = JSON.parse(readFileSync(new URL('node_modules/hwc-price/package.json', app), 'utf8'));
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.repository.url);
  assert.equal(manifest.exports['./hwc_price_bg.wasm'], './hwc_price_bg.wasm');
  const types = readFileSync(new URL('node_modules/hwc-price/hwc_price.d.ts', app), 'utf8');
  const api = types.slice(0, types.indexOf('export type InitInput')); // the rest describes the raw wasm exports
  assert.doesNotMatch(api.replace(/\/\*\*[\s\S]*?\*\//g, ''), /\bany\b/, 'no `any` in the public types');
});

test('Node: ES module import and CommonJS require, ready without init', () => {
  write('esm.mjs', `import { buildOnDemandInquiry, quoteFromResponse } from 'hwc-price';
import init from 'hwc-price';
await init();
console.log(buildOnDemandInquiry(${INQUIRY}).body.includes('"usage_value":0.0000000001'), quoteFromResponse('renewal', '{"renew_inquiry_results": []}').kind);`);
  assert.equal(run(process.execPath, ['esm.mjs']).trim(), 'true renewal');
  write('cjs.cjs', `const hwc = require('hwc-price');
const { headers } = hwc.signRequest({ method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',
  headers: { 'X-Sdk-Date': '20240102T030405Z', 'Content-Type': 'application/json' }, body: '{}', ak: 'AK', sk: 'SK' });
console.log(typeof hwc.PriceClient, hwc.buildOnDemandInquiry(${INQUIRY}).path, headers.Authorization.slice(0, 15));
hwc.default().then((w) => console.log(typeof w.memory));`);
  assert.equal(run(process.execPath, ['cjs.cjs']).trim(), 'function /v2/bills/ratings/on-demand-resources SDK-HMAC-SHA256\nobject');
  write('web.mjs', `import { buildRenewalInquiry } from 'hwc-price/web';
console.log(typeof buildRenewalInquiry);`);
  assert.equal(run(process.execPath, ['web.mjs']).trim(), 'function', 'the browser build resolves by its own name');
});

test('the stylesheet for toHtml() ships and resolves as hwc-price/breakdown.css, in Node and in a Vite build', () => {
  write('css.mjs', `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const esm = import.meta.resolve('hwc-price/breakdown.css');
const cjs = createRequire(import.meta.url).resolve('hwc-price/breakdown.css');
console.log(new URL(esm).pathname === cjs, readFileSync(cjs, 'utf8').includes('.hwc-breakdown'));`);
  assert.equal(run(process.execPath, ['css.mjs']).trim(), 'true true');
  write('vite-css/index.html', '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>');
  write('vite-css/main.js', "import 'hwc-price/breakdown.css';\n");
  run(bin('vite'), ['build', '--logLevel', 'error', '--emptyOutDir'], new URL('vite-css/', app));
  const css = readdirSync(new URL('vite-css/dist/assets/', app)).filter((f) => f.endsWith('.css'));
  assert.equal(css.length, 1, 'the stylesheet is emitted');
  assert.match(readFileSync(new URL(`vite-css/dist/assets/${css[0]}`, app), 'utf8'), /\.hwc-best-mark/);
});

test('TypeScript consumers (node16 resolution) type-check as ES module and as CommonJS', () => {
  write('ts/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', types: [], skipLibCheck: false }, include: ['*.mts', '*.cts'] }));
  write('ts/package.json', JSON.stringify({ name: 'ts-consumer', private: true }));
  write('ts/check.mts', `import { buildPeriodInquiry, type PreparedRequest, PriceClient } from 'hwc-price';
const r: PreparedRequest = buildPeriodInquiry({ project_id: 'p', product_infos: [] });
const c = new PriceClient({ endpoint: 'cn' });
void [r, c];
`);
  write('ts/check.cts', `import hwc = require('hwc-price');
const r: hwc.PreparedRequest = hwc.buildRenewalInquiry({ resource_ids: ['a'], period_type: 2, period_num: 1 });
// @ts-expect-error: period_type is 2 or 3
hwc.buildRenewalInquiry({ resource_ids: ['a'], period_type: 5, period_num: 1 });
void r;
`);
  run(bin('tsc'), ['-p', new URL('ts/', app).pathname]);
});

/** Serves `dir` on loopback, loads it in Chromium and returns what the page put in `document.body.dataset.result`. */
async function loadBuilt(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html');
    if (path.includes('..')) return res.writeHead(404).end();
    try {
      const body = readFileSync(new URL(`.${path}`, dir));
      res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.result !== undefined, null, { timeout: 15_000 });
    const result = await page.evaluate(() => document.body.dataset.result);
    await page.close();
    assert.deepEqual(errors, []);
    return result;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const PAGE_SCRIPT = `import init, { buildOnDemandInquiry, validateInquiry } from 'hwc-price';
await init();
const body = buildOnDemandInquiry(${INQUIRY}).body;
document.body.dataset.result = [body.includes('"usage_value":0.0000000001'), validateInquiry('renewal', { resource_ids: [] }).length].join(' ');
`;

test('a Vite build bundles the module and its .wasm, and the built page works', async () => {
  write('vite/index.html', '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>');
  write('vite/main.js', PAGE_SCRIPT);
  run(bin('vite'), ['build', '--logLevel', 'error', '--emptyOutDir'], new URL('vite/', app));
  const assets = readdirSync(new URL('vite/dist/assets/', app));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is emitted: ${assets}`);
  assert.equal(await loadBuilt(new URL('vite/dist/', app)), 'true 3');
});

test('a webpack 5 build bundles the module and its .wasm, and the built page works', async () => {
  write('webpack/src/index.js', PAGE_SCRIPT);
  write('webpack/webpack.config.cjs', `module.exports = { mode: 'production', entry: './src/index.js',
  output: { path: require('node:path').resolve(__dirname, 'dist'), filename: 'main.js', clean: true },
  experiments: { topLevelAwait: true }, performance: { hints: false } };`);
  run(bin('webpack'), ['--config', 'webpack.config.cjs', '--no-stats'], new URL('webpack/', app));
  write('webpack/dist/index.html', '<!doctype html><html><head><script src="./main.js"></script></head><body></body></html>');
  const emitted = readdirSync(new URL('webpack/dist/', app));
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the .wasm is emitted: ${emitted}`);
  assert.equal(await loadBuilt(new URL('webpack/dist/', app)), 'true 3');
});
