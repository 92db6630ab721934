// `make lint`: the direction of dependence between the crate's modules, as ARCHITECTURE.md draws it. Each
// top-level module of src/ has a layer; code in a module may name (`crate::x`, `$crate::x`) only modules of
// lower layers. Modules of one layer are peers and never name each other. JavaScript (wasm_bindgen, js_sys,
// web_sys, gloo_net) is named only under src/bindings/. A module missing from the table fails the check, so
// the table and the house stay the same.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const LAYERS = [
  ['language', 'money'],
  ['kind', 'site', 'json'],
  ['validate'],
  ['catalogue'],
  ['inquiry', 'response'],
  ['quote'],
  ['breakdown', 'client'],
  ['comparison'],
  ['error'],
  ['bindings'],
];
const layerOf = new Map(LAYERS.flatMap((mods, layer) => mods.map((m) => [m, layer])));

// The crate's src/ by default; a test passes another tree.
const root = process.argv[2] ?? new URL('../src/', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.rs')) files.push(path);
  }
};
walk(root);

const problems = [];
for (const file of files) {
  const rel = relative(root, file);
  if (rel === 'lib.rs') continue; // the facade names everything
  const module = rel.split('/')[0].replace(/\.rs$/, '');
  const layer = layerOf.get(module);
  if (layer === undefined) {
    problems.push(`${rel}: module \`${module}\` has no layer in scripts/check-layers.mjs (and ARCHITECTURE.md)`);
    continue;
  }
  const code = readFileSync(file, 'utf8')
    .replace(/\/\/.*$/gm, '') // comments name other modules freely
    .replace(/"(?:[^"\\]|\\.)*"/g, '""'); // so do strings
  for (const [, target] of code.matchAll(/\$?crate::([a-z_]+)/g)) {
    if (target === module) continue;
    const other = layerOf.get(target);
    if (other === undefined) {
      problems.push(`${rel}: names \`crate::${target}\`, which has no layer`);
    } else if (other >= layer) {
      const why = other === layer ? 'a peer in the same layer' : 'a higher layer';
      problems.push(`${rel}: \`${module}\` names \`crate::${target}\`, ${why} (${LAYERS.map((l) => l.join('/')).join(' < ')})`);
    }
  }
  if (/\bsuper::super::/.test(code)) {
    problems.push(`${rel}: reaches up with super::super:: (name other modules with crate:: so the check sees them)`);
  }
  if (module !== 'bindings' && /\b(wasm_bindgen|js_sys|web_sys|gloo_net|serde_wasm_bindgen)\b/.test(code)) {
    problems.push(`${rel}: JavaScript bindings are used outside src/bindings/`);
  }
}
const unique = [...new Set(problems)];
if (unique.length > 0) {
  console.error(`layering: ${unique.length} import(s) against the direction of dependence:\n${unique.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`layering: ${files.length} files, every import points down (${LAYERS.map((l) => l.join('/')).join(' < ')})`);
