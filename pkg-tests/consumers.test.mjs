// The packed package (`npm pack` of pkg/) installed into scratch projects, used each way a consumer would:
// Node ES modules, Node CommonJS, TypeScript (node16 resolution, both module kinds, Node's types only), a Vite
// build and dev server, webpack 5 production and development builds (each page loaded in headless Chromium, with
// no init call), and a page with no bundler that loads "hwc-price/web" and calls init(). Scratch projects live under
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
  assert.deepEqual(files, ['LICENSE', 'README.md', 'breakdown.css', 'cli-commands.mjs', 'cli.mjs', 'hwc_price.d.ts', 'hwc_price.js', 'hwc_price_bg.wasm', 'index.d.ts',
    'index.js', 'node.cjs', 'node.d.cts', 'node.d.ts', 'node.mjs', 'package.json', 'sandbox', 'snippets']);
  const manifest = JSON.parse(readFileSync(new URL('node_modules/hwc-price/package.json', app), 'utf8'));
  // Only the entries that load the module on import, and the stylesheet, have side effects: a bundler keeps them.
  assert.deepEqual(manifest.sideEffects, ['./index.js', './node.mjs', './node.cjs', './breakdown.css']);
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.repository.url);
  assert.equal(manifest.exports['./hwc_price_bg.wasm'], './hwc_price_bg.wasm');
  for (const name of ['hwc_price.d.ts', 'index.d.ts', 'node.d.ts', 'node.d.cts']) {
    const types = readFileSync(new URL(`node_modules/hwc-price/${name}`, app), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(types, /\bany\b/, `no \`any\` in ${name}`);
    assert.doesNotMatch(types, /__wbg|__wbindgen|wasm_bindgen|install_panic_hook|__panicForTests|_free\b/, `nothing internal in ${name}`);
  }
});

test('Node: ES module import and CommonJS require, ready without init', () => {
  write('esm.mjs', `import { buildOnDemandInquiry, quoteFromResponse } from 'hwc-price';
import init from 'hwc-price';
console.log(buildOnDemandInquiry(${INQUIRY}).body.includes('"usage_value":0.0000000001'), quoteFromResponse('renewal', '{"renew_inquiry_results": []}').kind);
console.log(await init());`);
  assert.equal(run(process.execPath, ['esm.mjs']).trim(), 'true renewal\nundefined');
  write('cjs.cjs', `const hwc = require('hwc-price');
const { headers } = hwc.signRequest({ method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',
  headers: { 'X-Sdk-Date': '20240102T030405Z', 'Content-Type': 'application/json' }, body: '{}', ak: 'AK', sk: 'SK' });
console.log(typeof hwc.PriceClient, hwc.buildOnDemandInquiry(${INQUIRY}).path, headers.Authorization.slice(0, 15));
hwc.default().then((w) => console.log(w));`);
  assert.equal(run(process.execPath, ['cjs.cjs']).trim(), 'function /v2/bills/ratings/on-demand-resources SDK-HMAC-SHA256\nundefined');
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

test('errors are instances of the exported classes, from either Node entry', () => {
  write('errors.mjs', `import { createRequire } from 'node:module';
import { buildRenewalInquiry, InquiryValidationError, PriceApiError, PriceClient, PriceClientError, signRequest, SignRequestError,
  isInquiryValidationError, isPriceClientError, isSignRequestError, isPriceApiError } from 'hwc-price';
const cjs = createRequire(import.meta.url)('hwc-price');
const caught = (f) => { try { f(); } catch (e) { return e; } };
const esmError = caught(() => buildRenewalInquiry({}));
const cjsError = caught(() => cjs.buildRenewalInquiry({}));
const options = caught(() => new PriceClient({ nope: 1 }));
const signing = caught(() => signRequest({ method: 'POST', url: 'nope', ak: 'a', sk: 's' }));
console.log([esmError instanceof InquiryValidationError, cjsError instanceof InquiryValidationError, esmError instanceof cjs.InquiryValidationError,
  esmError instanceof Error, esmError instanceof PriceApiError, isInquiryValidationError(cjsError), isPriceApiError(esmError),
  options instanceof PriceClientError, isPriceClientError(options), signing instanceof SignRequestError, isSignRequestError(signing),
  esmError.name, esmError.constructor === InquiryValidationError, isPriceApiError(new Proxy({}, { get() { throw new Error('trap'); } })),
  // One copy of the module for import and require: the same classes, so one set of quotas too.
  cjs.PriceClient === PriceClient, cjs.InquiryValidationError === InquiryValidationError].join(' '));`);
  assert.equal(run(process.execPath, ['errors.mjs']).trim(),
    'true true true true false true false true true true true InquiryValidationError true false true true');
});

test('TypeScript consumers (node16 resolution, Node types only, no DOM) type-check as ES module and as CommonJS', () => {
  write('ts/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022',
    lib: ['ES2022'], types: ['node'], typeRoots: [new URL('node_modules/@types/', repo).pathname], skipLibCheck: false }, include: ['*.mts', '*.cts'] }));
  write('ts/package.json', JSON.stringify({ name: 'ts-consumer', private: true }));
  write('ts/check.mts', `import { buildPeriodInquiry, type PreparedRequest, PriceClient, PriceApiError, type AnyQuote, type PeriodProductInput } from 'hwc-price';
const product = { id: 'a', cloud_service_type: 's', resource_type: 't', resource_spec: 'u', region: 'r',
  period_type: 2, period_num: 1, subscription_num: 1 } satisfies PeriodProductInput;
const r: PreparedRequest = buildPeriodInquiry({ project_id: 'p', product_infos: [product] });
const c = new PriceClient();
try {
  const quote = await c.priceOnDemand('{}');
  const ids: (string | null)[] = quote.response.product_rating_results.map((p) => p.id);
  const show = (q: AnyQuote) => (q.kind === 'period' ? q.response.official_website_rating_result?.official_website_amount : q.kind);
  show(quote);
  void ids;
} catch (e) {
  if (e instanceof PriceApiError) console.log(e.failedItems.length, e.partial?.kind);
}
void r;
`);
  // The browser entry too: code shared by pages and Node type-checks with Node's types alone.
  write('ts/web.mts', `import init, { initSync, buildRenewalInquiry, type InitInput } from 'hwc-price/web';
const input: InitInput = new URL('https://example.test/hwc_price_bg.wasm');
await init({ module_or_path: input });
initSync({ module: new Uint8Array(0) });
buildRenewalInquiry({ resource_ids: ['a'], period_type: 2, period_num: 1 });
`);
  write('ts/check.cts', `import hwc = require('hwc-price');
const r: hwc.PreparedRequest = hwc.buildRenewalInquiry({ resource_ids: ['a'], period_type: 2, period_num: 1 });
// @ts-expect-error: period_type is 2 or 3
hwc.buildRenewalInquiry({ resource_ids: ['a'], period_type: 5, period_num: 1 });
try { hwc.buildRenewalInquiry({ resource_ids: [], period_type: 2, period_num: 1 }); } catch (e) {
  if (e instanceof hwc.InquiryValidationError) console.log(e.violations.map((v) => v.path));
}
void r;
`);
  run(bin('tsc'), ['-p', new URL('ts/', app).pathname]);
});

/** Serves `dir` on loopback (or uses `base`, a server already running), loads it in Chromium and returns what the
 *  page put in `document.body.dataset.result`. */
async function loadPage(dir, base) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = base ? null : createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html');
    if (path.includes('..')) return res.writeHead(404).end();
    try {
      const body = readFileSync(new URL(`.${path}`, dir));
      res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    }
  });
  if (server) await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base ?? `http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.body.dataset.result !== undefined, null, { timeout: 30_000 });
    const result = await page.evaluate(() => document.body.dataset.result);
    await page.close();
    assert.deepEqual(errors, []);
    return result;
  } finally {
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

// No init call: the "hwc-price" entry is ready on import for bundlers.
const PAGE_SCRIPT = `import { buildOnDemandInquiry, validateInquiry, InquiryValidationError } from 'hwc-price';
let error;
try { buildOnDemandInquiry({}); } catch (e) { error = e; }
const body = buildOnDemandInquiry(${INQUIRY}).body;
document.body.dataset.result = [body.includes('"usage_value":0.0000000001'), validateInquiry('renewal', { resource_ids: [] }).length,
  error instanceof InquiryValidationError].join(' ');
`;
const PAGE_RESULT = 'true 3 true';

test('a Vite build bundles the module and its .wasm, and the built page works with no init call', async () => {
  write('vite/index.html', '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>');
  write('vite/main.js', PAGE_SCRIPT);
  run(bin('vite'), ['build', '--logLevel', 'error', '--emptyOutDir'], new URL('vite/', app));
  const assets = readdirSync(new URL('vite/dist/assets/', app));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is emitted: ${assets}`);
  assert.equal(await loadPage(new URL('vite/dist/', app)), PAGE_RESULT);
});

test('the Vite dev server serves the package with no init call and no configuration', async () => {
  const { createServer: createVite } = await import(new URL('node_modules/vite/dist/node/index.js', repo));
  const root = new URL('vite/', app).pathname;
  write('vite/index.html', '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>');
  write('vite/main.js', PAGE_SCRIPT);
  const server = await createVite({ root, configFile: false, logLevel: 'error', cacheDir: `${root}.vite-cache`,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null } });
  try {
    await server.listen();
    const { port } = server.httpServer.address();
    assert.equal(await loadPage(null, `http://127.0.0.1:${port}/`), PAGE_RESULT);
  } finally {
    await server.close();
  }
});

for (const mode of ['production', 'development']) {
  test(`a webpack 5 ${mode} build bundles the module and its .wasm, and the page works with no init call`, async () => {
    write(`webpack-${mode}/src/index.js`, PAGE_SCRIPT);
    write(`webpack-${mode}/webpack.config.cjs`, `module.exports = { mode: '${mode}', entry: './src/index.js',
  output: { path: require('node:path').resolve(__dirname, 'dist'), filename: 'main.js', clean: true }, performance: { hints: false } };`);
    run(bin('webpack'), ['--config', 'webpack.config.cjs', '--no-stats'], new URL(`webpack-${mode}/`, app));
    write(`webpack-${mode}/dist/index.html`, '<!doctype html><html><head><script src="./main.js"></script></head><body></body></html>');
    const emitted = readdirSync(new URL(`webpack-${mode}/dist/`, app));
    assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the .wasm is emitted: ${emitted}`);
    assert.equal(await loadPage(new URL(`webpack-${mode}/dist/`, app)), PAGE_RESULT);
  });
}

test('a page with no bundler loads "hwc-price/web" and calls init(); a call before it says to await init()', async () => {
  const pkg = new URL('node_modules/hwc-price/', app);
  write('plain/index.html', `<!doctype html><html><head><script type="importmap">{ "imports": { "hwc-price/web": "./pkg/hwc_price.js" } }</script>
<script type="module">
import init, { buildOnDemandInquiry } from 'hwc-price/web';
let early;
try { buildOnDemandInquiry({}); } catch (e) { early = e; }
await init();
document.body.dataset.result = [early.code, /await init\(\)/.test(early.message), buildOnDemandInquiry(${INQUIRY}).path].join(' ');
</script></head><body></body></html>`);
  for (const file of ['hwc_price.js', 'hwc_price_bg.wasm']) write(`plain/pkg/${file}`, readFileSync(new URL(file, pkg)));
  for (const file of readdirSync(new URL('snippets/', pkg), { recursive: true })) {
    const from = new URL(`snippets/${file}`, pkg);
    if (file.endsWith('.js')) write(`plain/pkg/snippets/${file}`, readFileSync(from));
  }
  assert.equal(await loadPage(new URL('plain/', app)), 'NOT_INITIALIZED true /v2/bills/ratings/on-demand-resources');
});
