// The `hwc-price` command as a user runs it: the packed package (`npm pack` of pkg/) installed into a scratch
// project (test-output/cli/app/), its bin spawned against sandboxes on 127.0.0.1 (ports chosen by the OS,
// closed after). Every command, every exit code, standard input, credentials from the environment that never
// appear in any output, progress with and without a pseudo-terminal (util-linux `script`), a budget exceeded,
// a diff of two real saved documents, billing modes compared, and the READMEs' ```console examples run as shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSandbox } from '../sandbox/server.mjs';

const repo = new URL('../', import.meta.url);
const app = new URL('../test-output/cli/app/', import.meta.url);
const bin = new URL('node_modules/.bin/hwc-price', app).pathname;
const AK = 'CLITESTACCESSKEY';
const SK = 'cli-test-secret-key-4f9c2a';
const TOKEN = 'cli-test-token-8d1e77';
const WRONG_SK = 'cli-test-wrong-secret-9b3e';
const SECRETS = [SK, TOKEN, WRONG_SK];
const seen = []; // every output of every run, searched for secrets at the end

let sandbox;
let base;

before(async () => {
  rmSync(new URL('../', app), { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: app.pathname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = run('npm', ['pack', new URL('pkg/', repo).pathname, '--pack-destination', new URL('../', app).pathname, '--silent']).trim().split('\n').at(-1);
  writeFileSync(new URL('package.json', app), JSON.stringify({ name: 'cli-user', private: true, version: '0.0.0' }));
  run('npm', ['install', `../${packed}`, '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline']);
  sandbox = createSandbox({ token: TOKEN, ak: AK, sk: SK });
  base = await sandbox.listen();
});

after(async () => {
  await sandbox?.close();
  for (const output of seen) {
    for (const secret of SECRETS) assert.ok(!output.includes(secret), `a secret appeared in: ${output.slice(0, 200)}`);
  }
});

/** Runs `hwc-price args…` in the scratch project: { code, stdout, stderr }. Asynchronous, so the sandbox in
 *  this process keeps answering. The environment has no credentials unless `env` gives them. */
function hwc(args, { stdin, env = {}, file = bin, argv = args } = {}) {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HWC_') && k !== 'NO_COLOR'));
    const child = spawn(file, argv, { cwd: app.pathname, env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      seen.push(stdout, stderr);
      // Expected failures are one plain message: never a stack trace.
      assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, `no stack trace: ${stderr}`);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

const write = (name, text) => {
  const url = new URL(name, app);
  writeFileSync(url, text);
  return url.pathname;
};

const vm = (id, spec = 'c6.large.2.linux', subscription_num = 2) => ({
  id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: spec,
  region: 'ap-southeast-1', period_type: 3, period_num: 1, subscription_num,
});
const disk = { id: 'disk', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
  resource_spec: 'GPSSD', region: 'ap-southeast-1', resource_size: 100, size_measure_id: 17, period_type: 3,
  period_num: 1, subscription_num: 2 };
const estimate = (products) => JSON.stringify({ project_id: '84c53ec51e794a4888fb0f5c0cfb2420', product_infos: products });
const ESTIMATE = estimate([vm('vm'), disk]);

test('validate: a valid file exits 0; violations from standard input, one a line or as JSON, exit 2', async () => {
  const file = write('estimate.json', ESTIMATE);
  const ok = await hwc(['validate', 'period', file]);
  assert.deepEqual([ok.code, ok.stdout, ok.stderr], [0, '', 'valid\n']);
  const bad = '{"resource_ids": [], "period_type": 2, "period_num": 12}';
  const lines = await hwc(['validate', 'renewal'], { stdin: bad });
  assert.equal(lines.code, 2);
  assert.equal(lines.stdout, 'resource_ids: must hold at least 1 resource id, got none\n'
    + 'period_num: must be a whole number from 1 to 11 for months (period_type 2), got 12\n');
  const json = await hwc(['validate', 'renewal', '-', '--json'], { stdin: bad });
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout).map((v) => v.rule), ['count', 'range']);
  const zh = await hwc(['validate', 'renewal', '--language', 'zh_CN'], { stdin: bad });
  assert.match(zh.stdout, /^resource_ids: /);
  assert.doesNotMatch(zh.stdout, /must hold/);
  const notJson = await hwc(['validate', 'on-demand'], { stdin: '{"project_id": ' });
  assert.equal(notJson.code, 2);
  const missing = await hwc(['validate', 'on-demand', 'nope.json']);
  assert.deepEqual([missing.code, missing.stderr], [2, 'error: cannot read nope.json: no such file\n']);
});

test('--catalogue: validate, price and compare check each product against a saved catalogue first', async () => {
  const { PriceClient } = await import('hwc-price');
  const client = new PriceClient({ endpoint: base, auth: { token: TOKEN } });
  const catalogue = await client.catalogue({ onWarning: () => {} });
  const saved = write('catalogue.json', JSON.stringify(catalogue.toJSON()));
  catalogue.free();
  client.free();
  const file = write('estimate.json', ESTIMATE);
  const ok = await hwc(['validate', 'period', file, '--catalogue', saved]);
  assert.deepEqual([ok.code, ok.stderr], [0, 'valid\n']);
  const wrong = write('wrong.json', estimate([{ ...vm('vm'), resource_type: 'hws.resource.type.volume' }]));
  const bad = await hwc(['validate', 'period', wrong, '--catalogue', saved, '--json']);
  assert.equal(bad.code, 2);
  assert.deepEqual(JSON.parse(bad.stdout).map((v) => [v.path, v.rule]), [['product_infos[0].resource_type', 'catalogue']]);
  const without = await hwc(['validate', 'period', wrong]);
  assert.equal(without.code, 0, 'without a catalogue the rules alone pass it');
  const sent = sandbox.requests.length;
  const refused = await hwc(['price', 'period', wrong, '--endpoint', base, '--catalogue', saved], { env: { HWC_TOKEN: TOKEN } });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /product_infos\[0\]\.resource_type/);
  assert.equal(sandbox.requests.length, sent, 'nothing sent');
  const priced = await hwc(['price', 'period', file, '--endpoint', base, '--catalogue', saved], { env: { HWC_TOKEN: TOKEN } });
  assert.equal(priced.code, 0, priced.stderr);
  // compare checks its products against the catalogue too, before anything is sent.
  const { period_type: _type, period_num: _num, ...product } = vm('vm');
  const comparison = (type) => JSON.stringify({ project_id: 'p', products: [{ ...product, resource_type: type }] });
  const compareWrong = write('compare-wrong.json', comparison('hws.resource.type.volume'));
  const before = sandbox.requests.length;
  const notCompared = await hwc(['compare', compareWrong, '--endpoint', base, '--catalogue', saved], { env: { HWC_TOKEN: TOKEN } });
  assert.equal(notCompared.code, 2);
  assert.match(notCompared.stderr, /products\[0\]\.resource_type/);
  assert.equal(sandbox.requests.length, before, 'nothing sent');
  const compared = await hwc(['compare', write('compare.json', comparison('hws.resource.type.vm')), '--endpoint', base, '--catalogue', saved, '-q'], { env: { HWC_TOKEN: TOKEN } });
  assert.equal(compared.code, 0, compared.stderr);
  assert.match(compared.stdout, /^Product vm\n/);
  const noCatalogue = await hwc(['compare', file, '--catalogue', 'nope.json']);
  assert.deepEqual([noCatalogue.code, noCatalogue.stderr], [2, 'error: cannot read --catalogue nope.json: no such file\n']);
  const notCatalogue = await hwc(['validate', 'period', file, '--catalogue', file]);
  assert.equal(notCatalogue.code, 2);
  assert.match(notCatalogue.stderr, /^error: --catalogue .*estimate\.json: /);
});

test('price: every format, from a file or standard input, signed with credentials from the environment', async () => {
  const file = write('estimate.json', ESTIMATE);
  const signed = { HWC_AK: AK, HWC_SK: SK };
  const text = await hwc(['price', 'period', file, '--endpoint', base], { env: signed });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Yearly\/monthly price \(USD\)\n/);
  assert.match(text.stdout, /Total {2,}\$1,430\.82 +\$171\.70 +12% +\$1,259\.12\n/);
  assert.equal(text.stderr, '', 'one request: no progress');
  const viaToken = await hwc(['price', 'period', '-', '--endpoint', base], { env: { HWC_TOKEN: TOKEN }, stdin: ESTIMATE });
  assert.equal(viaToken.stdout, text.stdout);
  const viaEnv = await hwc(['price', 'period', file], { env: { ...signed, HWC_ENDPOINT: base } });
  assert.equal(viaEnv.stdout, text.stdout);
  const formats = {};
  for (const format of ['csv', 'json', 'html', 'markdown']) {
    const r = await hwc(['price', 'period', file, '--endpoint', base, '--format', format], { env: signed });
    assert.equal(r.code, 0, r.stderr);
    formats[format] = r.stdout;
  }
  assert.ok(formats.csv.startsWith('\ufeffrecord,id,'));
  const document = JSON.parse(formats.json);
  assert.deepEqual([document.format, document.version, document.totals.final], ['hwc-price.breakdown', 2, '1259.12']);
  assert.deepEqual(JSON.parse(document.inquiry), JSON.parse(ESTIMATE), 'the document keeps the inquiry priced');
  assert.match(formats.html, /^<table class="hwc-breakdown/);
  assert.match(formats.markdown, /^### Yearly\/monthly price \(USD\)\n\n\| Item \| Covers \|/);
  assert.match(formats.markdown, /\| \*\*Total\*\* \| {2}\| \*\*\$1,430\.82\*\* \|/);
  const zh = await hwc(['price', 'period', file, '--endpoint', base, '--language', 'zh_CN'], { env: signed });
  assert.match(zh.stdout, /^包年\/包月价格/);
});

test('price: exit 1 for an API error, 2 for bad input or credentials, 3 for a partly priced batch', async () => {
  const signed = { HWC_AK: AK, HWC_SK: SK };
  const notSold = write('not-sold.json', estimate([vm('win', 'c6.large.2.windows')]));
  const api = await hwc(['price', 'period', notSold, '--endpoint', base], { env: signed });
  assert.equal(api.code, 1);
  assert.equal(api.stdout, '');
  assert.match(api.stderr, /^error: CBC\.99006006: /);
  const refused = await hwc(['price', 'period', '--endpoint', base], { env: { HWC_AK: AK, HWC_SK: WRONG_SK }, stdin: ESTIMATE });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^error: APIG\.0301: /);
  const partial = write('partial.json', estimate([vm('vm'), vm('win', 'c6.large.2.windows'), disk]));
  const part = await hwc(['price', 'period', partial, '--endpoint', base], { env: signed });
  assert.equal(part.code, 3, part.stderr);
  assert.match(part.stdout, /^vm \(/m);
  assert.match(part.stdout, /^disk \(/m);
  assert.doesNotMatch(part.stdout, /^win/m);
  assert.match(part.stderr, /partly priced: CBC\.99006006/);
  const invalid = await hwc(['price', 'period', '--endpoint', base], { env: signed, stdin: estimate([{ ...disk, size_measure_id: undefined }]) });
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /^error: invalid yearly\/monthly inquiry: 1 problem/);
  const half = await hwc(['price', 'period', '--endpoint', base], { env: { HWC_SK: SK }, stdin: ESTIMATE });
  assert.deepEqual([half.code, half.stderr], [2, 'error: HWC_SK is set but HWC_AK is not: set both to sign requests, or HWC_TOKEN\n']);
  const badEndpoint = await hwc(['price', 'period', '--endpoint', 'ftp://x'], { stdin: ESTIMATE });
  assert.equal(badEndpoint.code, 2);
  const down = await hwc(['price', 'period', '--endpoint', 'http://127.0.0.1:9', '--timeout-ms', '2000'], { stdin: ESTIMATE });
  assert.equal(down.code, 1);
  assert.match(down.stderr, /^error: NETWORK: /);
});

test('price --fail-above: exact, 4 when the final total is above the budget, 0 at or under it', async () => {
  const file = write('estimate.json', ESTIMATE);
  const env = { HWC_TOKEN: TOKEN };
  const over = await hwc(['price', 'period', file, '--endpoint', base, '--fail-above', '1259.11'], { env });
  assert.equal(over.code, 4);
  assert.match(over.stdout, /\$1,259\.12/, 'the breakdown is printed all the same');
  assert.equal(over.stderr, 'over budget: the final total 1259.12 USD is above 1259.11 by 0.01 (0%)\n');
  for (const budget of ['1259.12', '1259.1200000000000000000001', '99999']) {
    const within = await hwc(['price', 'period', file, '--endpoint', base, '--fail-above', budget, '--format', 'json'], { env });
    assert.equal(within.code, 0, `${budget}: ${within.stderr}`);
  }
  const bad = await hwc(['price', 'period', file, '--endpoint', base, '--fail-above', '1,500'], { env });
  assert.deepEqual([bad.code, bad.stdout], [2, '']);
  assert.match(bad.stderr, /^error: --fail-above must be a decimal amount/);
});

test('progress on stderr: a plain line per request without a terminal, a bar on a pseudo-terminal, colour unless NO_COLOR', async () => {
  const many = Array.from({ length: 250 }, (_, i) => ({ id: `vm-${i + 1}`, cloud_service_type: 'hws.service.type.ec2',
    resource_type: 'hws.resource.type.vm', resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1',
    usage_factor: 'Duration', usage_value: 730, usage_measure_id: 4, subscription_num: 1 }));
  const file = write('many.json', JSON.stringify({ project_id: 'p', product_infos: many }));
  const env = { HWC_TOKEN: TOKEN };
  const plain = await hwc(['price', 'on-demand', file, '--endpoint', base, '--format', 'csv'], { env });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stderr, 'priced request 1 of 3\npriced request 2 of 3\npriced request 3 of 3\n');
  const quiet = await hwc(['price', 'on-demand', file, '--endpoint', base, '--quiet'], { env });
  assert.equal(quiet.stderr, '');
  // `script` gives the command a pseudo-terminal; its stdout is redirected to a file so only stderr shows.
  const out = write('tty-stdout.txt', '');
  const command = (env) => `${env} ${bin} price on-demand ${file} --endpoint ${base} > ${out}`;
  const tty = await hwc([], { file: 'script', argv: ['-qfec', command(''), '/dev/null'], env });
  assert.equal(tty.code, 0, tty.stdout);
  assert.match(tty.stdout, /\r\[\x1b\[32m#{10}\x1b\[0m\.{20}\] 1\/3 requests/);
  assert.match(tty.stdout, /\r\[\x1b\[32m#{30}\x1b\[0m\] 3\/3 requests\r?\n/);
  assert.doesNotMatch(tty.stdout, /priced request/);
  assert.match(readFileSync(out, 'utf8'), /^Pay-per-use price \(USD\)/);
  const noColor = await hwc([], { file: 'script', argv: ['-qfec', command('NO_COLOR=1'), '/dev/null'], env });
  assert.match(noColor.stdout, /\r\[#{30}\] 3\/3 requests/);
  assert.doesNotMatch(noColor.stdout, /\x1b/);
  const failed = await hwc([], { file: 'script', argv: ['-qfec', `NO_COLOR=1 ${bin} prcie`, '/dev/null'] });
  assert.doesNotMatch(failed.stdout, /\x1b/);
  assert.match(failed.stdout, /^error: unknown command "prcie" \(did you mean price\?\)/);
});

test('diff: two real saved documents, in text, Markdown and JSON; --reprice prices the saved inquiry again', async () => {
  const env = { HWC_TOKEN: TOKEN };
  const before = await hwc(['price', 'period', '--endpoint', base, '--format', 'json'], { env, stdin: ESTIMATE });
  const after = await hwc(['price', 'period', '--endpoint', base, '--format', 'json'], { env,
    stdin: estimate([vm('vm', 'c6.large.2.linux', 3), vm('vm-2')]) });
  const oldFile = write('before.json', before.stdout);
  const newFile = write('after.json', after.stdout);
  const text = await hwc(['diff', oldFile, newFile]);
  assert.equal(text.code, 0, text.stderr);
  const [summary, header, ...rows] = text.stdout.trimEnd().split('\n');
  assert.equal(summary, 'Price change (USD): $1,259.12 → $2,893.57, +$1,634.45 (+129.81%); 1 added, 1 removed, 1 changed, 0 unchanged');
  assert.match(header, /^Status +Item +Old final price +New final price +Change +%$/);
  assert.match(rows[0], /^changed +vm \(c6\.large\.2\.linux, ap-southeast-1\) +\$1,157\.43 +\$1,736\.14 +\+\$578\.71 +\+50%$/);
  assert.match(rows[1], /^added +vm-2 .* +— +\$1,157\.43 +\+\$1,157\.43$/);
  assert.match(rows[2], /^removed +disk .* +\$101\.69 +— +-\$101\.69 +-100%$/);
  assert.match(rows[3], /^ +Total +\$1,259\.12 +\$2,893\.57 +\+\$1,634\.45 +\+129\.81%$/);
  const md = await hwc(['diff', oldFile, '-', '--format', 'markdown'], { stdin: after.stdout });
  assert.match(md.stdout, /^### Price change \(USD\)\n\n/);
  assert.match(md.stdout, /\| removed \| disk \(GPSSD, ap-southeast-1, 100 GB\) \| \$101\.69 \| — \| -\$101\.69 \| -100% \|/);
  const json = JSON.parse((await hwc(['diff', oldFile, newFile, '-f', 'json'])).stdout);
  assert.deepEqual([json.format, json.changed, json.totals.delta, json.counts], ['hwc-price.diff', true, '1634.45',
    { added: 1, removed: 1, changed: 1, unchanged: 0 }]);
  const again = await hwc(['diff', '--reprice', oldFile, '--endpoint', base], { env });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^Price change \(USD\): \$1,259\.12 → \$1,259\.12, \$0\.00 \(0%\); 0 added, 0 removed, 0 changed, 2 unchanged\. No change\.\n/);
  const cny = createSandbox({ currency: 'CNY' });
  try {
    const other = await hwc(['diff', '--reprice', oldFile, '--endpoint', await cny.listen()]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /new\.currency: is "CNY", but the old document's is "USD"/);
  } finally {
    await cny.close();
  }
  const noInquiry = write('no-inquiry.json', JSON.stringify({ ...JSON.parse(before.stdout), inquiry: undefined }));
  const cannot = await hwc(['diff', '--reprice', noInquiry, '--endpoint', base], { env });
  assert.equal(cannot.code, 2);
  assert.match(cannot.stderr, /does not say which inquiry it priced/);
  const garbage = await hwc(['diff', oldFile, write('garbage.json', '{"format": "other"}')]);
  assert.equal(garbage.code, 2);
  assert.match(garbage.stderr, /new\.format: must be "hwc-price\.breakdown"/);
});

/** A comparison input: a Linux server (subscriptions pay off within the month) and a Windows desktop (the
 *  sandbox's month never does), and `more` products. */
const comparisonInput = (...more) => JSON.stringify({ project_id: '84c53ec51e794a4888fb0f5c0cfb2420', products: [
  { ...vm('office', 'c6.large.2.linux', 1), period_type: undefined, period_num: undefined },
  { ...vm('desktop', 'c6.large.2.win', 1), period_type: undefined, period_num: undefined }, ...more] });

test('compare: every format from a file or standard input, signed from the environment, with progress lines', async () => {
  const file = write('products.json', comparisonInput());
  const signed = { HWC_AK: AK, HWC_SK: SK };
  const text = await hwc(['compare', file, '--endpoint', base], { env: signed });
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stderr, 'priced request 1 of 3\npriced request 2 of 3\npriced request 3 of 3\n');
  assert.match(text.stdout, /^Product office\nMode +Final \(whole period\)/);
  assert.match(text.stdout, /\n1 month +\$56\.73 .* ≈570\.95410628\n/);
  assert.match(text.stdout, /\n1 year +\$578\.71 .* ≈485\.364667203 +cheapest\n/);
  assert.match(text.stdout, /\n1 month +\$106\.28 .* -7\.56% +≈785\.165484634 \(above the 730 h compared\)\n/);
  assert.match(text.stdout, /\nTotals include the products every mode priced: office, desktop\.\n$/);
  const piped = await hwc(['compare', '--endpoint', base, '--quiet'], { env: { HWC_TOKEN: TOKEN }, stdin: comparisonInput() });
  assert.deepEqual([piped.code, piped.stdout, piped.stderr], [0, text.stdout, '']);
  const dash = await hwc(['compare', '-', '--endpoint', base, '-q'], { env: { HWC_TOKEN: TOKEN, NO_COLOR: '1' }, stdin: comparisonInput() });
  assert.equal(dash.stdout, text.stdout);

  const env = { HWC_TOKEN: TOKEN, HWC_ENDPOINT: base };
  const csv = await hwc(['compare', file, '--format', 'csv', '-q'], { env });
  assert.equal(csv.code, 0, csv.stderr);
  const rows = csv.stdout.split('\r\n');
  assert.equal(rows[0], '\ufeffrecord,id,mode,period_type,period_num,currency,list_price,discount,final_price,list_per_month,'
    + 'discount_per_month,final_per_month,exact,rounded,saving_per_month,saving_percent,break_even_hours_per_month,note');
  assert.ok(rows.includes('product,desktop,subscription,2,1,USD,120.77,14.49,106.28,120.77,14.49,106.28,false,break_even_hours_per_month,-7.4672,-7.56,785.165484634,'), csv.stdout);
  assert.ok(rows.some((r) => /^product,office,subscription,3,1,USD,.*,485\.364667203,cheapest$/.test(r)), csv.stdout);
  const json = await hwc(['compare', file, '-f', 'json', '-q'], { env });
  const doc = JSON.parse(json.stdout);
  assert.deepEqual([doc.format, doc.version, doc.products.map((p) => p.cheapest)], ['hwc-price.comparison', 1, [2, 2]]);
  assert.deepEqual(doc.products[1].cells[1].breakEven, { hoursPerMonth: '785.165484634', exact: false, withinMonth: false });
  const html = await hwc(['compare', file, '-f', 'html', '-q'], { env });
  assert.match(html.stdout, /^<div class="hwc-comparison">/);
  assert.match(html.stdout, /<tr class="hwc-cheapest"><th scope="row">1 year<\/th>/);
  assert.match(html.stdout, /≈785\.165484634/);
  const zh = await hwc(['compare', file, '--language', 'zh_CN', '-q'], { env });
  assert.match(zh.stdout, /^产品 office\n计费模式/);
  const months = JSON.stringify({ ...JSON.parse(comparisonInput()), hoursPerMonth: '720', periods: [{ period_type: 2, period_num: 3 }] });
  const three = JSON.parse((await hwc(['compare', '-q', '-f', 'json'], { env, stdin: months })).stdout);
  assert.deepEqual([three.hoursPerMonth, three.modes.map((m) => m.name)], ['720', ['pay-per-use', '3 months']]);
});

test('compare: invalid input exits 2 before anything is sent; a product not priced exits 3; an API error 1', async () => {
  const env = { HWC_TOKEN: TOKEN };
  const sent = sandbox.requests.length;
  const bad = JSON.stringify({ project_id: 'p', products: [{ ...JSON.parse(comparisonInput()).products[0], subscription_num: 0 }], periods: [{ period_type: 1, period_num: 1 }] });
  const invalid = await hwc(['compare', '--endpoint', base], { env, stdin: bad });
  assert.deepEqual([invalid.code, invalid.stdout], [2, '']);
  assert.match(invalid.stderr, /^error: invalid billing-mode comparison: 2 problems\n {2}products\[0\]\.subscription_num: .*\n {2}periods\[0\]\.period_type: /);
  const notJson = await hwc(['compare', '--endpoint', base], { env, stdin: '{"project_id": ' });
  assert.equal(notJson.code, 2);
  assert.equal(sandbox.requests.length, sent, 'nothing sent');
  const ghost = { ...JSON.parse(comparisonInput()).products[0], id: 'ghost', resource_spec: 'no.such.flavour' };
  const part = await hwc(['compare', '--endpoint', base, '-q'], { env, stdin: comparisonInput(ghost) });
  assert.equal(part.code, 3, part.stderr);
  assert.match(part.stdout, /\nProduct ghost\nMode .*\npay-per-use +not priced \(.*CBC\.99006006/);
  assert.match(part.stdout, /Totals include the products every mode priced: office, desktop\. Left out: ghost\./);
  assert.equal(part.stderr, 'partly compared: not priced in every mode, so left out of the totals: ghost\n');
  const refused = await hwc(['compare', '--endpoint', base, '-q'], { env: { HWC_AK: AK, HWC_SK: WRONG_SK }, stdin: comparisonInput() });
  assert.deepEqual([refused.code, refused.stdout], [1, '']);
  assert.match(refused.stderr, /^error: APIG\.0301: /);
  const down = await hwc(['compare', '--endpoint', 'http://127.0.0.1:9', '--timeout-ms', '2000', '-q'], { stdin: comparisonInput() });
  assert.equal(down.code, 1);
  assert.match(down.stderr, /^error: NETWORK: /);
});

test('compare --help: its example runs as printed against the sandbox', async () => {
  const help = await hwc(['compare', '--help']);
  const example = /\n {2}(echo '[\s\S]*?\| hwc-price compare --endpoint \S+)\n/.exec(help.stdout)?.[1];
  assert.ok(example, help.stdout);
  const command = example.replace('http://127.0.0.1:8787', base).replace('| hwc-price', `| ${bin}`);
  const run = await hwc([], { file: 'sh', argv: ['-c', command], env: { HWC_TOKEN: TOKEN } });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Product vm\n/);
  assert.match(run.stdout, /cheapest\n/);
});

test('the READMEs\' console examples print exactly what they show, against the sandbox', async () => {
  // In a ```console block, "$ cat FILE" shows a file (written here from the lines under it) and
  // "$ npx hwc-price …" a run whose whole standard output is the lines under it; nothing else is allowed.
  const blocks = ['README.md', 'npm/README.md'].flatMap((readme) => [...readFileSync(new URL(readme, repo), 'utf8')
    .matchAll(/```console\n([\s\S]*?)```/g)].map((m) => ({ readme, text: m[1] })));
  assert.ok(blocks.some((b) => b.readme === 'README.md') && blocks.some((b) => b.readme === 'npm/README.md'), 'an example in each');
  let runs = 0;
  for (const { readme, text } of blocks) {
    for (const [, command, shown] of text.matchAll(/^\$ (.*)\n((?:(?!\$ ).*\n)*)/gm)) {
      const [program, ...args] = command.split(/\s+/);
      if (program === 'cat' && args.length === 1) {
        write(args[0], shown);
      } else if (program === 'npx' && args[0] === 'hwc-price') {
        const run = await hwc(args.slice(1).map((a) => a.replace('http://127.0.0.1:8787', base)), { env: { HWC_TOKEN: TOKEN } });
        assert.equal(run.code, 0, `${readme}: ${command}: ${run.stderr}`);
        assert.equal(run.stdout, shown, `${readme}: ${command}`);
        runs += 1;
      } else {
        assert.fail(`${readme}: a console example may only cat a file or run npx hwc-price: ${command}`);
      }
    }
  }
  assert.ok(runs >= 2, `${runs} runs`);
});

test('help for every command with examples; unknown commands and flags get a "did you mean"', async () => {
  const top = await hwc(['--help']);
  assert.equal(top.code, 0);
  for (const command of ['validate', 'price', 'compare', 'diff', 'sandbox']) {
    assert.match(top.stdout, new RegExp(`^  ${command} `, 'm'));
    for (const args of [[command, '--help'], ['help', command]]) {
      const r = await hwc(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: hwc-price ${command}`));
      assert.match(r.stdout, /\nExamples:\n {2}hwc-price /);
    }
  }
  assert.equal((await hwc([])).code, 2, 'no command: the usage, and exit 2');
  const version = await hwc(['--version']);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(new URL('node_modules/hwc-price/package.json', app), 'utf8')).version);
  const cases = [
    [['prcie', 'period'], 'error: unknown command "prcie" (did you mean price?); commands: validate, price, compare, diff, sandbox (see hwc-price --help)'],
    [['compare', '--formt', 'csv'], 'error: unknown option --formt for "compare" (did you mean --format?) (see hwc-price compare --help)'],
    [['compare', '--format', 'markdown'], 'error: --format must be text, csv, json, html; got "markdown"'],
    [['compare', '--catalgue', 'c.json'], 'error: unknown option --catalgue for "compare" (did you mean --catalogue?) (see hwc-price compare --help)'],
    [['compare', 'a.json', 'b.json'], 'error: "compare" takes at most 1 argument; unexpected "b.json"'],
    [['price', 'period', '--formt', 'json'], 'error: unknown option --formt for "price" (did you mean --format?) (see hwc-price price --help)'],
    [['price', 'perod'], 'error: unknown kind "perod": use on-demand, period, renewal (did you mean period?)'],
    [['price', 'period', '--format', 'mardown'], 'error: --format must be text, csv, json, html, markdown; got "mardown" (did you mean markdown?)'],
    [['validate', 'period', '--json=yes'], 'error: --json takes no value (see hwc-price validate --help)'],
    [['diff', 'one.json'], 'error: "diff" needs OLD and NEW, two saved breakdown documents (or --reprice OLD)'],
  ];
  for (const [args, message] of cases) {
    const r = await hwc(args);
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', `${message}\n`], args.join(' '));
  }
});

/** A port that a server of this process holds, so it is taken. */
async function takenPort(use) {
  const holder = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => holder.once('listening', resolve));
  try {
    return await use(holder.address().port);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
}

test('sandbox: serves sample prices on a free port until stopped; a taken port gets one plain line', async () => {
  const child = spawn(bin, ['sandbox', '--port', '0'], { cwd: app.pathname, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (found) resolve(found[0]);
      });
      child.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    });
    const priced = await hwc(['price', 'period', '--endpoint', url], { stdin: ESTIMATE });
    assert.equal(priced.code, 0, priced.stderr);
    assert.match(priced.stdout, /Sample partner discount/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  }
  await takenPort(async (port) => {
    const r = await hwc(['sandbox', '--port', String(port)]);
    assert.deepEqual([r.code, r.stdout], [1, '']);
    assert.equal(r.stderr, `hwc-price sandbox: port ${port} on 127.0.0.1 is already in use; choose another with hwc-price sandbox --port <port> (0 picks a free one).\n`);
  });
  const bad = await hwc(['sandbox', '--port', 'eighty']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^hwc-price sandbox: the port must be a whole number from 0 \(any free port\) to 65535, got "eighty"/);
});

test('make sandbox and the demo server: a taken port is one plain line naming it and how to choose another', async () => {
  await takenPort(async (port) => {
    const sandboxRun = await hwc([], { file: process.execPath, argv: [new URL('sandbox/server.mjs', repo).pathname, '--port', String(port)] });
    assert.equal(sandboxRun.code, 1);
    assert.equal(sandboxRun.stderr, `hwc-price sandbox: port ${port} on 127.0.0.1 is already in use; choose another with PORT=<port> make sandbox, or --port <port> (0 picks a free one).\n`);
    const demo = await hwc([], { file: process.execPath, argv: [new URL('scripts/demo-server.mjs', repo).pathname], env: { PORT: String(port) } });
    assert.equal(demo.code, 1);
    assert.equal(demo.stderr, `hwc-price estimate page: port ${port} on 127.0.0.1 is already in use; choose another with PORT=<port> make demo, or --port <port> (0 picks a free one).\n`);
  });
});

test('the bin and the sandbox ship in the package: files, bin and the sandbox entry', () => {
  const dir = new URL('node_modules/hwc-price/', app);
  assert.deepEqual(readdirSync(new URL('sandbox/', dir)).sort(), ['catalogue.json', 'catalogue.mjs', 'decimal.mjs', 'prices.json', 'server.mjs', 'signature.mjs', 'start.mjs']);
  const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  assert.deepEqual(manifest.bin, { 'hwc-price': './cli.mjs' });
  assert.equal(manifest.exports['./sandbox'], './sandbox/server.mjs');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    "import { createSandbox, NOTICE } from 'hwc-price/sandbox'; console.log(typeof createSandbox, NOTICE);"], { cwd: app.pathname, encoding: 'utf8' });
  assert.equal(out, 'function Sample prices from the hwc-price sandbox, not Huawei Cloud prices.\n');
});
