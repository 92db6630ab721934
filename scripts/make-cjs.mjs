// Writes pkg/node.cjs, the CommonJS entry for `require('hwc-price')` in Node, from the ES module glue that
// wasm-bindgen generated (pkg/hwc_price.js), so both entries share the one .wasm file. The module is
// instantiated synchronously on load, as in the ES module entry for Node (node.mjs).
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../pkg/', import.meta.url);
// Run after make-entries.mjs: the glue re-exports the error classes, which this entry exports its own way.
let glue = readFileSync(new URL('hwc_price.js', dir), 'utf8').replace(/^export \{[^}]*\} from '\.\/snippets\/[^']*\/errors\.js';\n/m, '');

// The glue imports the crate's JavaScript snippets (src/bindings/*.js) as ES modules; in CommonJS each becomes
// an object built from the snippet's own code, with the same names.
const snippets = new Map();
const snippet = (path) => {
  if (!snippets.has(path)) {
    const code = readFileSync(new URL(path, dir), 'utf8');
    const exported = [...code.matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]);
    const id = `__hwc_snippet${snippets.size}`;
    const inner = code.replace(/^export (function|class) /gm, '$1 ');
    snippets.set(path, { id, exported, source: `const ${id} = (() => {\n${inner}\nreturn { ${exported.join(', ')} };\n})();` });
  }
  return snippets.get(path).id;
};
glue = glue
  .replace(/^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';$/gm, (_, names, path) => `const { ${names} } = ${snippet(path)};`)
  .replace(/^import \* as (\w+) from "(\.\/snippets\/[^"]+)"$/gm, (_, name, path) => `const ${name} = ${snippet(path)};`);
glue = [...snippets.values()].map((s) => s.source).join('\n') + '\n' + glue;
// The error classes and guards of errors.js are exports of the package (make-entries.mjs does the same for
// the ES module entries).
const errors = [...snippets.entries()].find(([path]) => path.endsWith('/src/bindings/errors.js'));
if (!errors) throw new Error('the glue does not import src/bindings/errors.js; update scripts/make-cjs.mjs');
const errorExports = errors[1].exported.filter((name) => name !== 'errorOf').map((name) => `${name}: ${errors[1].id}.${name}`);
const names = [];
let body = glue.replace(/^export (class|function) (\w+)/gm, (_, kind, name) => {
  names.push(name);
  return `${kind} ${name}`;
});
const tail = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (!tail.test(body) || /^\s*(import|export)\b/m.test(body.replace(tail, ''))) {
  throw new Error('the generated glue has a shape this script does not know; update scripts/make-cjs.mjs');
}
body = body.replace(tail, '').replaceAll('import.meta.url', "require('node:url').pathToFileURL(__filename)");
const out = `'use strict';
// CommonJS entry of hwc-price for Node (generated from hwc_price.js by scripts/make-cjs.mjs). Ready on require:
// no init call is needed; \`init()\` and \`initSync()\` are kept as no-ops for code shared with browsers.
${body}
initSync({ module: require('node:fs').readFileSync(require('node:path').join(__dirname, 'hwc_price_bg.wasm')) });
module.exports = { ${names.join(', ')}, ${errorExports.join(', ')} };
module.exports.initSync = () => {};
module.exports.default = async () => {};
`;
writeFileSync(new URL('node.cjs', dir), out);
console.log(`node.cjs: ${names.length} exports`);
