// `make demo`: validated payloads for the three rating APIs, priced by the sandbox rating service (sample prices,
// on loopback, started here and stopped at the end) through the freshly built package; then what a rejected
// inquiry looks like. No account is needed.
import * as hwc from '../pkg/node.mjs';
import { createSandbox } from '../sandbox/server.mjs';

// Indents JSON text without parsing it, so every number is shown with exactly the digits that are sent.
function indent(json) {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      depth++;
      out += c + newline();
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else {
      out += c;
    }
  }
  return out;
}

const sandbox = createSandbox();
const endpoint = await sandbox.listen();
const client = new hwc.PriceClient({ endpoint });
console.log(`Sandbox rating service (sample prices, not Huawei Cloud's) on ${endpoint}`);

const rows = (list) => {
  const width = list[0].map((_, i) => Math.max(...list.map((r) => String(r[i]).length)));
  for (const r of list) console.log('  ' + r.map((c, i) => (i ? String(c).padStart(width[i]) : String(c).padEnd(width[i]))).join('  '));
};

async function demo(title, build, price, input, summarize) {
  const { method, path, body } = build(input);
  console.log(`\n== ${title}\n${method} ${path}\n${indent(body)}`);
  const quote = await price(input);
  console.log(`-- priced in ${quote.requests} request(s), amounts in ${quote.currency}:`);
  rows(summarize(quote.response));
}

await demo('Pay-per-use: an ECS for 730 hours and a 40 GB disk', hwc.buildOnDemandInquiry, (i) => client.priceOnDemand(i), {
  project_id: '06488a832f55c016b0e337d7',
  product_infos: [
    { id: 'vm', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
      resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration',
      usage_value: 730, usage_measure_id: 4, subscription_num: 1 },
    { id: 'disk', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
      resource_spec: 'GPSSD', region: 'ap-southeast-1', resource_size: 40, size_measure_id: 17,
      usage_factor: 'Duration', usage_value: '0.0000000001', usage_measure_id: 4, subscription_num: 1 },
  ],
  inquiry_precision: 1,
}, (r) => [
  ['id', 'list price', 'discount', 'final price'],
  ...r.product_rating_results.map((l) => [l.id, l.official_website_amount, l.discount_amount, l.amount]),
  ['total', r.official_website_amount, r.discount_amount, r.amount],
]);

const options = (r) => [
  ['option', 'list price', 'discount', 'final price'],
  ['list price', r.official_website_rating_result?.official_website_amount, '', ''],
  ...r.optional_discount_rating_results.map((o) => [`${o.discount_name} (${o.discount_type})${o.best_offer === 1 ? ' best offer' : ''}`,
    o.official_website_amount, o.discount_amount, o.amount]),
];

await demo('Yearly/monthly: a 1-year, 100 Mbit/s bandwidth', hwc.buildPeriodInquiry, (i) => client.pricePeriod(i), {
  project_id: '84c53ec51e794a4888fb0f5c0cfb2420',
  product_infos: [
    { id: 'bw', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth',
      resource_spec: '19_bgp', region: 'ap-southeast-1', resource_size: 100, size_measure_id: 15,
      period_type: 3, period_num: 1, subscription_num: 1 },
  ],
}, options);

await demo('Renewal: two resources for 3 months (one has expired)', hwc.buildRenewalInquiry, (i) => client.priceRenewal(i), {
  resource_ids: ['230221_169ee9d5b8af6a38f099abea', 'expired-27aa0c1f3e9b4c5d8e7f6a5b'],
  period_type: 2,
  period_num: 3,
  include_relative_resources: true,
}, (r) => [
  ...options(r),
  ...r.renew_inquiry_results.map((l) => [`  ${l.resource_id}`, l.amount, '', '']),
  ...r.fail_resource_infos.map((f) => [`  ${f.resource_id}`, `not priced: ${f.error_code}`, '', '']),
]);

console.log('\n== A rejected inquiry: every violation at once, by wire-name path');
try {
  hwc.buildOnDemandInquiry({
    project_id: '06488a832f55c016b0e337d7',
    product_infos: [
      { id: '1', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
        resource_spec: 'SSD', region: 'ap-southeast-1', resource_size: 10, size_measurement_id: 17,
        usage_factor: 'Duration', usage_value: 0, usage_measure_id: 4, subscription_num: 1 },
      { id: '1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
        resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration',
        usage_value: 1, usage_measure_id: 4, subscription_num: '2' },
    ],
  });
} catch (error) {
  console.log(`${error.name} (${error.violations.length} violations):`);
  for (const v of error.violations) console.log(`  ${v.path}: ${v.message}  [${v.rule}]`);
}
await sandbox.close();
console.log('\nThe same calls price against Huawei Cloud with `new PriceClient({ endpoint: "intl", auth: { token } })`.');
