// Loaded by browser-page.html: the package as a page without a bundler uses it, with the usual init().
import init, { buildOnDemandInquiry, buildRenewalInquiry, PriceClient } from '/pkg/hwc_price.js';

const vm = (id) => ({ id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
  resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration', usage_value: '0.5',
  usage_measure_id: 4, subscription_num: 1 });
const inquiry = (n) => ({ project_id: 'p', product_infos: Array.from({ length: n }, (_, i) => vm(`p${i + 1}`)) });

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
  // Pricing through the page's own same-origin proxy (no credentials in the page), in the page and in a worker.
  const progress = [];
  const quote = await new PriceClient({ endpoint: '/api/hwc' }).priceOnDemand(inquiry(150), { onProgress: (d, t) => progress.push(`${d}/${t}`) });
  result.page = { requests: quote.requests, amount: quote.response.amount, progress, ids: quote.response.product_rating_results.map((l) => l.id) };
  const worker = new Worker('/pkg-tests/browser-worker.mjs', { type: 'module' });
  result.worker = await new Promise((resolve) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (e) => resolve({ failure: e.message });
    worker.postMessage(inquiry(3));
  });
  worker.terminate();
} catch (error) {
  result.failure = `${error.name}: ${error.message}`;
}
document.getElementById('result').textContent = JSON.stringify(result);
