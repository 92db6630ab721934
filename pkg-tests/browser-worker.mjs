// A module worker: the package in a WorkerGlobalScope (no window), pricing through the page's same-origin proxy.
import init, { PriceClient } from '/pkg/hwc_price.js';

self.onmessage = async ({ data: inquiry }) => {
  try {
    await init();
    const quote = await new PriceClient({ endpoint: '/api/hwc' }).priceOnDemand(inquiry);
    self.postMessage({ requests: quote.requests, amount: quote.response.amount, ids: quote.response.product_rating_results.map((l) => l.id) });
  } catch (error) {
    self.postMessage({ failure: `${error.name}: ${error.message}` });
  }
};
