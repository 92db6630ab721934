// `make bench`: the package's main jobs in Node, each beside the JavaScript engine's own floor for the same
// data (JSON.stringify / JSON.parse) measured in the same run, with the goals as ratios, met or missed. The data
// has the shapes of Huawei's official Python SDK benchmark (../shared/peer-bench): 100 EBS volumes, an answer
// with 10-decimal amounts and two discounts per line. When that benchmark and its SDK are at hand
// (PEER_SDK_PYTHON, default /tmp/peer-sdk/bin/python), it runs right after, in the same sitting.
// Medians of many timed batches after a warm-up. Not a test: nothing here fails a build.
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as hwc from '../pkg/node.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 41);

/** Median time of one call of `fn`, in microseconds: batches of about 20 ms, `SAMPLES` of them. */
function measure(fn) {
  for (let i = 0; i < 300; i++) fn(); // warm-up: let the JIT and the module settle
  let batch = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    if (Number(process.hrtime.bigint() - t) > 20e6 || batch > 1e6) break;
    batch *= 2;
  }
  const times = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e3 / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// The peer benchmark's request: 100 EBS GPSSD volumes, sizes 40..139 GB, one hour each, precision 1.
const products = Array.from({ length: 100 }, (_, i) => ({
  id: String(i + 1), cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
  resource_spec: 'GPSSD', region: 'ap-southeast-1', available_zone: 'ap-southeast-1a', resource_size: 40 + i,
  size_measure_id: 17, usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4, subscription_num: 1,
}));
const inquiry = { project_id: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', inquiry_precision: 1, product_infos: products };
const inquiryText = JSON.stringify(inquiry);

// The peer benchmark's answer: 10-decimal amounts, a partner discount and a zero promotion per line; exact
// decimal arithmetic by scaled integers (no float touches an amount).
const SCALE = 10n ** 10n;
const dec = (units) => {
  const s = units.toString().padStart(11, '0');
  return `${s.slice(0, -10)}.${s.slice(-10)}`;
};
let total = 0n;
let totalDiscount = 0n;
let totalList = 0n;
const lines = products.map((p, i) => {
  const list = 123456789n * BigInt(i + 1); // 0.0123456789 × (i + 1)
  const discount = (list * 15n + 50n) / 100n; // 15 %, rounded half up to 10 decimals
  const amount = list - discount;
  total += amount;
  totalDiscount += discount;
  totalList += list;
  return `{"id":"${p.id}","product_id":"OFFI${String(7000000 + i).padStart(16, '0')}","amount":${dec(amount)},` +
    `"discount_amount":${dec(discount)},"official_website_amount":${dec(list)},"measure_id":1,` +
    `"discount_rating_results":[{"discount_id":"disc-${i}","discount_type":607,"amount":${dec(discount)},` +
    `"measure_id":1,"discount_name":"Partner discount"},{"discount_id":"promo-${i}","discount_type":700,` +
    `"amount":0,"measure_id":1,"discount_name":"Promotion"}]}`;
});
const answer = `{"amount":${dec(total)},"discount_amount":${dec(totalDiscount)},"official_website_amount":` +
  `${dec(totalList)},"measure_id":1,"currency":"USD","product_rating_results":[${lines.join(',')}]}`;
void SCALE;

const signInput = {
  method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',
  headers: { 'Content-Type': 'application/json', 'X-Domain-Id': '0123456789abcdef0123456789abcdef' },
  body: JSON.stringify({ ...inquiry, product_infos: products.slice(0, 1) }),
  ak: 'HPUAEXAMPLEAK0000001', sk: 'exampleSecretKey0123456789abcdefghijklmnopq',
};

/** Cold start: a fresh Node process compiles and instantiates the module from its bytes; median of 15. */
function instantiate() {
  const wasm = fileURLToPath(new URL('../pkg/hwc_price_bg.wasm', import.meta.url));
  const glue = new URL('../pkg/hwc_price.js', import.meta.url).href;
  const script = `import { readFileSync } from 'node:fs';
const bytes = readFileSync(${JSON.stringify(wasm)});
const { initSync } = await import(${JSON.stringify(glue)});
const t = process.hrtime.bigint();
initSync({ module: bytes });
console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const runs = Array.from({ length: 15 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  runs.sort((a, b) => a - b);
  return runs[7];
}

// Sanity: the jobs do what they say.
const built = hwc.buildOnDemandInquiry(inquiry);
if (!built.body.includes('"usage_value":1') || JSON.parse(built.body).product_infos.length !== 100) throw new Error('bad build');
const probe = hwc.quoteFromResponse('on-demand', answer);
if (probe.breakdown().lines.length !== 100 || probe.breakdown().totals.final !== dec(total)) throw new Error('bad breakdown');
probe.free();

const stringify = measure(() => JSON.stringify(inquiry));
const parse = measure(() => JSON.parse(answer));
const rows = [
  ['build + validate 100 products, JS object in', measure(() => hwc.buildOnDemandInquiry(inquiry)), 'JSON.stringify', stringify, 3],
  ['build + validate 100 products, JSON text in', measure(() => hwc.buildOnDemandInquiry(inquiryText)), 'JSON.stringify', stringify, 2],
  ['read a 100-line answer + breakdown()', measure(() => {
    const quote = hwc.quoteFromResponse('on-demand', answer);
    quote.breakdown();
    quote.free();
  }), 'JSON.parse', parse, 3],
  ['quote.toText() of that answer', (() => {
    const quote = hwc.quoteFromResponse('on-demand', answer);
    const us = measure(() => quote.toText());
    quote.free();
    return us;
  })(), 'JSON.parse', parse, 3],
];
const sign = measure(() => hwc.signRequest(signInput));
const signBig = measure(() => hwc.signRequest({ ...signInput, body: inquiryText }));
// The Node entries hash bodies with node:crypto; the other entries (browsers) with the module's own SHA-256,
// timed here through the "web" entry's separate copy of the module.
const web = await import('../pkg/hwc_price.js');
web.initSync({ module: readFileSync(new URL('../pkg/hwc_price_bg.wasm', import.meta.url)) });
const signBigWeb = measure(() => web.signRequest({ ...signInput, body: inquiryText }));
const cold = instantiate();

const cpus = os.cpus();
console.log(`hwc-price bench: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}; medians of ${SAMPLES} batches`);
console.log(`request ${inquiryText.length} bytes (100 products), answer ${answer.length} bytes (100 lines)\n`);
const pad = (s, n) => String(s).padEnd(n);
const num = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`${pad('job', 46)} ${pad('median µs', 10)} ${pad('floor', 15)} ${pad('floor µs', 9)} ${pad('ratio', 7)} goal`);
for (const [task, us, floorName, floorUs, goal] of rows) {
  const ratio = us / floorUs;
  console.log(`${pad(task, 46)} ${pad(num(us), 10)} ${pad(floorName, 15)} ${pad(num(floorUs), 9)} ${pad(`${ratio.toFixed(1)}×`, 7)} ≤ ${goal}× ${ratio <= goal ? 'met' : 'missed'}`);
}
console.log(`${pad('sign one POST, 1-product body', 46)} ${pad(num(sign), 10)} ${pad('', 15)} ${pad('', 9)} ${pad('', 7)} ≤ 8 µs ${sign <= 8 ? 'met' : 'missed'}`);
console.log(`${pad(`sign one POST, 100-product body`, 46)} ${pad(num(signBig), 10)}`);
console.log(`${pad(`the same, module's own SHA-256 (web entry)`, 46)} ${pad(num(signBigWeb), 10)}`);
console.log(`${pad('instantiate the module, cold (ms)', 46)} ${pad(cold.toFixed(2), 10)} ${pad('', 15)} ${pad('', 9)} ${pad('', 7)} ≤ 10 ms ${cold <= 10 ? 'met' : 'missed'}`);

// The official Python SDK on the same jobs, in the same sitting, when it is installed.
const peer = fileURLToPath(new URL('../../shared/peer-bench/bench_python_sdk.py', import.meta.url));
const python = process.env.PEER_SDK_PYTHON ?? '/tmp/peer-sdk/bin/python';
if (existsSync(peer) && existsSync(python)) {
  console.log('\nthe official Python SDK, same machine, same sitting (../shared/peer-bench):');
  const home = mkdtempSync(`${os.tmpdir()}/peer-home-`);
  const out = execFileSync(python, [peer, process.env.PEER_ITERATIONS ?? '1000', '--json'], { encoding: 'utf8', env: { ...process.env, HOME: home } });
  const results = JSON.parse(out).results;
  const sdk = (prefix) => Object.entries(results).find(([k]) => k.startsWith(prefix))?.[1].median_us;
  const compare = [
    ['build + serialize 100 products (no validation)', sdk('(a) '), rows[0][1], 'build + validate, object in'],
    ['deserialize a 100-line answer', sdk('(b) '), rows[2][1], 'read + breakdown()'],
    ['sign a POST, 1-product body', sdk('(c) '), sign, 'sign'],
    ["sign a POST, 100-product body", sdk("(c') "), signBig, 'sign'],
  ];
  for (const [job, theirs, ours, what] of compare) {
    console.log(`${pad(job, 46)} SDK ${pad(num(theirs), 8)} hwc-price ${pad(num(ours), 8)} (${what}): ${(theirs / ours).toFixed(1)}× faster`);
  }
} else {
  console.log('\n(the official Python SDK benchmark is not at hand: see ../shared/peer-bench/README.md to install it)');
}
