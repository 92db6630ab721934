// Shapes pkg/ after wasm-bindgen: the package's entries and their declarations.
// - hwc_price.js ("hwc-price/web", for pages with no bundler): wasm-bindgen's glue, whose `init()` must run
//   first; a call before it throws an error saying so (not "reading properties of undefined"). It also
//   exports the error classes and guards of src/bindings/errors.js.
// - index.js (what bundlers and browsers resolve "hwc-price" to): the same glue, ready on import (top-level
//   await of `init()`), so bundled code needs no init call.
// - node.cjs / node.mjs (Node, by the "node" condition): ready on require or import, one copy of the module for
//   both (make-cjs.mjs, which runs after this script).
// - Declarations: hwc_price.d.ts keeps the browser `init` types; index.d.ts, node.d.ts and node.d.cts have an
//   `init()` that needs nothing, so Node projects type-check without the DOM library. None of them lists the
//   module's raw exports.
// Fails, rather than shipping something half-made, if the generated files do not have the expected shape.
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';

const dir = new URL('../pkg/', import.meta.url);
const read = (name) => readFileSync(new URL(name, dir), 'utf8');
const write = (name, text) => writeFileSync(new URL(name, dir), text);
const replaceOnce = (text, from, to, what) => {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`make-entries: expected ${what} once in the generated files, found ${count}`);
  return text.replace(from, to);
};

const [snippetDir] = readdirSync(new URL('snippets/', dir));
const errorsModule = `./snippets/${snippetDir}/src/bindings/errors.js`;
const errorExports = [...read(errorsModule).matchAll(/^export (?:class|function) (?!errorOf\b)(\w+)/gm)].map((m) => m[1]);

// The browser glue: a clear error before init, and the error classes.
let glue = read('hwc_price.js');
glue = replaceOnce(glue, 'let wasmModule, wasmInstance, wasm;', `let wasmModule, wasmInstance, wasm = __hwc_not_ready();
/** Stands for the module until init() has run: any use throws an error that says what to do. */
function __hwc_not_ready() {
  const fail = () => {
    const error = new Error('hwc-price is not ready: call \`await init()\` (the default export of "hwc-price/web") once before using it; the "hwc-price" entry needs no init');
    error.code = 'NOT_INITIALIZED';
    throw error;
  };
  return new Proxy({}, { get: fail, has: fail, set: fail });
}`, 'the module variable');
const notReady = glue.split('if (wasm !== undefined) return wasm;').length - 1;
if (notReady !== 2) throw new Error(`make-entries: expected 2 init checks in the glue, found ${notReady}`);
glue = glue.replaceAll('if (wasm !== undefined) return wasm;', 'if (wasmInstance !== undefined) return wasm;');
if (/\bwasm\s*[!=]==?\s*undefined\b/.test(glue)) throw new Error('make-entries: the glue tests `wasm` in a way this script does not know');
// Internals stay in the module: the start function (it runs on init by itself) and the deliberate panic that
// tests call through the raw exports.
for (const name of ['install_panic_hook', '__panicForTests']) {
  glue = replaceOnce(glue, `export function ${name}(`, `function ${name}(`, `the export ${name}`);
}
glue += `export { ${errorExports.join(', ')} } from '${errorsModule}';\n`;
write('hwc_price.js', glue);

write('index.js', `// Entry of hwc-price for bundlers (Vite, webpack, Rollup, esbuild) and browsers that resolve packages: the
// WebAssembly module is loaded on import, so the exports are ready to call. Pages with no bundler can use
// "hwc-price/web" and call its \`init()\` themselves.
import init from './hwc_price.js';

await init();

export * from './hwc_price.js';

/** Done on import already; kept so that code shared with the "hwc-price/web" entry runs unchanged. */
export default async function ready() {}

/** Done on import already; kept so that code shared with the "hwc-price/web" entry runs unchanged. */
export function initSync() {}
`);

// Declarations: the API (the same for every entry), then each entry's init.
// The start function's declaration, with its doc comment (a comment that does not end before it).
const hookDeclaration = /\n(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function install_panic_hook\(\): void;/;
const generated = read('hwc_price.d.ts');
const types = replaceOnce(generated, hookDeclaration.exec(generated)?.[0] ?? 'install_panic_hook', '', 'the start function');
const tail = types.indexOf('export type InitInput');
if (tail < 0) throw new Error('make-entries: no InitInput in the generated declarations');
const api = `${types.slice(0, tail).trimEnd()}\n`;
// The browser entry's init declarations, written here so that they need no DOM library (a program shared by
// pages and Node type-checks with Node's types alone): what wasm-bindgen declares, less the deprecated forms.
const webInit = `/** A compiled \`WebAssembly.Module\` (typed loosely, so that these declarations need no DOM library). */
export type CompiledModule = object;

/** Where \`init()\` gets the module: a URL to fetch, a \`Response\`, its bytes, or a compiled module. */
export type InitInput = string | URL | Request | Response | ArrayBuffer | ArrayBufferView | CompiledModule;

/** What \`initSync()\` instantiates: the module's bytes, or a compiled module. */
export type SyncInitInput = ArrayBuffer | ArrayBufferView | CompiledModule;

/** What \`init()\` and \`initSync()\` return: the module's raw exports, which are not for use. */
export type InitOutput = unknown;

/** Instantiates the module from its bytes or a compiled module, synchronously; once is enough. */
export function initSync(module: { module: SyncInitInput }): InitOutput;

/** Loads the module (by default \`hwc_price_bg.wasm\` next to \`hwc_price.js\`); call it once, before anything else. */
export default function init(options?: { module_or_path: InitInput | Promise<InitInput> }): Promise<InitOutput>;
`;
for (const name of ['InitInput', 'InitOutput', 'SyncInitInput']) {
  if (!types.includes(`export type ${name}`) && !types.includes(`export interface ${name}`)) {
    throw new Error(`make-entries: no ${name} in the generated declarations`);
  }
}
replaceOnce(types, 'export default function __wbg_init (', '', 'the init declaration');
write('hwc_price.d.ts', `${api}\n${webInit}`);
const readyInit = `
/** Nothing to do: this entry is ready on import. Kept so that code shared with "hwc-price/web" runs unchanged. */
export default function init(): Promise<void>;
/** Nothing to do: this entry is ready on import. Kept so that code shared with "hwc-price/web" runs unchanged. */
export function initSync(): void;
`;
for (const name of ['index.d.ts', 'node.d.ts', 'node.d.cts']) write(name, api + readyInit);
rmSync(new URL('hwc_price_bg.wasm.d.ts', dir), { force: true });
console.log(`entries: web, index, node; ${errorExports.length} error exports`);
