// A module worker: the package in a WorkerGlobalScope (no window), set up with initSync, pricing through the
// page's same-origin proxy.
import { initSync, PriceClient } from '/pkg/hwc_price.js';

self.onmessage = async ({ data: inquiry }) => {
  try {
    // Synchronous instantiation from bytes (the page itself uses the async init()).
    initSync({ module: await (await fetch('/pkg/hwc_price_bg.wasm')).arrayBuffer() });
    const quote = await new PriceClient({ endpoint: '/api/hwc' }).priceOnDemand(inquiry);
    self.postMessage({ requests: quote.requests, amount: quote.response.amount, ids: quote.response.product_rating_results.map((l) => l.id) });
  } catch (error) {
    self.postMessage({ failure: `${error.name}: ${error.message}` });
  }
};
