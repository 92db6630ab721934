// Loaded by browser-page.html: the package as a page without a bundler uses it, with the usual init().
import init, { buildOnDemandInquiry, buildRenewalInquiry } from '/pkg/hwc_price.js';

const result = {};
try {
  await init();
  result.body = buildOnDemandInquiry({
    project_id: 'p',
    product_infos: [{ id: '1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
      resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration', usage_value: 1e-10,
      usage_measure_id: 4, subscription_num: 1 }],
  }).body;
  try {
    buildRenewalInquiry({ resource_ids: [], period_type: 2, period_num: 12 });
  } catch (error) {
    result.error = { name: error.name, isError: error instanceof Error, violations: error.violations };
  }
} catch (error) {
  result.failure = String(error);
}
document.getElementById('result').textContent = JSON.stringify(result);
