// Node entry of hwc-price: instantiates the module synchronously on import, so Node programs use the
// exports straight away. `init()` and `initSync()` are kept as no-ops for code shared with browsers.
import { readFileSync } from 'node:fs';
import { initSync as instantiate } from './hwc_price.js';

instantiate({ module: readFileSync(new URL('./hwc_price_bg.wasm', import.meta.url)) });

export * from './hwc_price.js';

/** Done on import already; kept so that code shared with the "hwc-price/web" entry runs unchanged. */
export default async function init() {}

/** Done on import already; kept so that code shared with the "hwc-price/web" entry runs unchanged. */
export function initSync() {}
