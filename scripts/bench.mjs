// `make bench`: how fast the package's main jobs run in Node, next to the JavaScript engine's own floor for
// the same data (JSON.stringify / JSON.parse). Medians of many timed batches after a warm-up; every figure of
// one run printed together, with ratios and the targets. Not a test: nothing here fails a build.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as hwc from '../pkg/node.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 41);

/** Median time of one call of `fn`, in microseconds: batches sized to about 20 ms, `SAMPLES` of them. */
function measure(fn) {
  for (let i = 0; i < 200; i++) fn(); // warm-up: let the JIT and the module settle
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

const products = Array.from({ length: 100 }, (_, i) => ({
  id: `item-${i + 1}`, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
  resource_spec: i % 2 ? 'c6.large.2.linux' : 's6.medium.2.linux', region: 'ap-southeast-1', available_zone: null,
  usage_factor: 'Duration', usage_value: i % 3 ? 730 : '0.5', usage_measure_id: 4, subscription_num: 1 + (i % 5),
  ...(i % 4 === 0 ? { resource_size: 40, size_measure_id: 17 } : {}),
}));
const inquiry = { project_id: '06488a832f55c016b0e337d7', product_infos: products, inquiry_precision: 1 };
const inquiryText = JSON.stringify(inquiry);

const answer = JSON.stringify({
  amount: 1234.5678901234, discount_amount: 123.4567890123, official_website_amount: 1358.0246791357, measure_id: 1, currency: 'USD',
  product_rating_results: products.map((p, i) => ({
    id: p.id, product_id: `00301-${243025 + i}-0--0`, amount: 12.3456789012, discount_amount: 1.2345678901,
    official_website_amount: 13.5802467913, measure_id: 1,
    discount_rating_results: [{ discount_id: 'c-1', discount_type: 605, amount: 1.2345678901, measure_id: 1, discount_name: 'Contract discount' }],
  })),
});

const signInput = {
  method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',
  headers: { 'Content-Type': 'application/json', 'X-Language': 'en_US' },
  body: JSON.stringify({ ...inquiry, product_infos: products.slice(0, 1) }), ak: 'AKEXAMPLE', sk: 'SKEXAMPLE',
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

const rows = [];
const row = (task, us, floorName, floorUs, target) => {
  rows.push({ task, us, floorName, floorUs, target });
};

const stringify = measure(() => JSON.stringify(inquiry));
row('build + validate 100 products (object in)', measure(() => hwc.buildOnDemandInquiry(inquiry)), 'JSON.stringify', stringify, 3);
row('build + validate 100 products (JSON text in)', measure(() => hwc.buildOnDemandInquiry(inquiryText)), 'JSON.stringify', stringify, null);
row('validateInquiry, 100 products (object in)', measure(() => hwc.validateInquiry('on-demand', inquiry)), 'JSON.stringify', stringify, null);
const parse = measure(() => JSON.parse(answer));
row('parse 100-line answer + breakdown()', measure(() => {
  const quote = hwc.quoteFromResponse('on-demand', answer);
  quote.breakdown();
  quote.free();
}), 'JSON.parse', parse, 4);
row('parse 100-line answer into a Quote only', measure(() => hwc.quoteFromResponse('on-demand', answer).free()), 'JSON.parse', parse, null);
row('quote.toText() of the 100-line answer', (() => {
  const quote = hwc.quoteFromResponse('on-demand', answer);
  return measure(() => quote.toText());
})(), 'JSON.parse', parse, null);
const sign = measure(() => hwc.signRequest(signInput));
const signBig = measure(() => hwc.signRequest({ ...signInput, body: inquiryText }));
const cold = instantiate();

const cpus = os.cpus();
console.log(`hwc-price bench: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}; medians of ${SAMPLES} batches`);
console.log('');
const pad = (s, n) => String(s).padEnd(n);
const num = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`${pad('task', 46)} ${pad('median µs', 10)} ${pad('floor', 15)} ${pad('floor µs', 9)} ${pad('ratio', 7)} target`);
for (const r of rows) {
  const ratio = r.us / r.floorUs;
  const verdict = r.target === null ? '' : `≤ ${r.target}× ${ratio <= r.target ? 'met' : 'missed'}`;
  console.log(`${pad(r.task, 46)} ${pad(num(r.us), 10)} ${pad(r.floorName, 15)} ${pad(num(r.floorUs), 9)} ${pad(`${ratio.toFixed(1)}×`, 7)} ${verdict}`);
}
console.log(`${pad('sign one POST request, 1-product body', 46)} ${pad(num(sign), 10)} ${pad('', 15)} ${pad('', 9)} ${pad('', 7)} ≤ 15 µs ${sign <= 15 ? 'met' : 'missed'}`);
console.log(`${pad(`sign one POST request, 100-product body (${(inquiryText.length / 1024).toFixed(0)} KiB)`, 46)} ${pad(num(signBig), 10)}`);
console.log(`${pad('instantiate the module, cold (ms)', 46)} ${pad(cold.toFixed(2), 10)} ${pad('', 15)} ${pad('', 9)} ${pad('', 7)} ≤ 10 ms ${cold <= 10 ? 'met' : 'missed'}`);
const wasmBytes = readFileSync(new URL('../pkg/hwc_price_bg.wasm', import.meta.url)).length;
console.log(`\n(.wasm: ${wasmBytes} bytes; object in vs JSON text in: ${(rows[0].us / rows[1].us).toFixed(2)}×)`);
