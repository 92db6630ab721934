// Node entry of hwc-price: instantiates the module synchronously on import, so Node programs use the
// exports straight away. `init()` and `initSync()` are kept as no-ops for code shared with browsers.
import { readFileSync } from 'node:fs';
import { initSync as instantiate } from './hwc_price.js';

const wasm = instantiate({ module: readFileSync(new URL('./hwc_price_bg.wasm', import.meta.url)) });

export * from './hwc_price.js';

/** Already done on import in Node; resolves to the module's exports, like the browser `init()`. */
export default async function init() {
  return wasm;
}

/** Already done on import in Node; returns the module's exports, like the browser `initSync()`. */
export function initSync() {
  return wasm;
}
