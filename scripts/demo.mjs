// `make demo`: builds validated payloads for the three rating APIs with the freshly built package, and shows
// what a rejected inquiry looks like. No account or network is needed.
import * as hwc from '../pkg/node.mjs';

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

const show = (title, { method, path, body }) => {
  console.log(`\n== ${title}\n${method} ${path}\n${indent(body)}`);
};

show('Pay-per-use: an ECS for 730 hours and a 40 GB disk', hwc.buildOnDemandInquiry({
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
}));

show('Yearly/monthly: a 1-year, 100 Mbit/s bandwidth', hwc.buildPeriodInquiry({
  project_id: '84c53ec51e794a4888fb0f5c0cfb2420',
  product_infos: [
    { id: 'bw', cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth',
      resource_spec: '19_bgp', region: 'ap-southeast-1', resource_size: 100, size_measure_id: 15,
      period_type: 3, period_num: 1, subscription_num: 1 },
  ],
}));

show('Renewal: two resources for 3 months', hwc.buildRenewalInquiry({
  resource_ids: ['230221_169ee9d5b8af6a38f099abea', '230221_27aa0c1f3e9b4c5d8e7f6a5b'],
  period_type: 2,
  period_num: 3,
  include_relative_resources: true,
}));

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
console.log('\nPricing these payloads against the rating service is not built yet; see README.md, "Status".');
