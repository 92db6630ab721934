// Where the bytes of the .wasm go: reads `twiggy top --format csv` of a build that kept its function names
// (the same code as the shipped module, optimized the same way) and prints the biggest contributors by crate
// and by module of this crate. Used by scripts/size.sh (`make size`).
import { readFileSync } from 'node:fs';

const csv = readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1);
const byCrate = new Map();
const byModule = new Map();
const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
let total = 0;
for (const line of csv) {
  // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent: the name may hold commas (then it
  // is quoted), the numbers never do.
  const match = line.match(/^(.*),(\d+),([\d.]+),[\d.]*,[\d.]*$/);
  if (!match) continue;
  let name = match[1].replace(/^"|"$/g, '').replaceAll('""', '"');
  const bytes = Number(match[2]);
  if (/^custom section|function names|name section/.test(name)) continue;
  total += bytes;
  let crate;
  if (name.startsWith('data segment')) crate = '(data: strings and tables)';
  else if (/ shim/.test(name)) crate = '(exported functions, inlined into their JS shims)';
  else {
    name = name.replace(/^<+/, '').replace(/\[[0-9a-f]+\]/g, '');
    // `<f64 as core::fmt::Display>::fmt` belongs to core: the first crate named in the path.
    const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)::/);
    crate = m ? m[1] : name.startsWith('import ') ? '(imports from JavaScript)' : '(other)';
    if (crate === 'hwc_price') {
      const mm = name.match(/^hwc_price::([a-z_]+)(?:::([a-z_]+))?/);
      add(byModule, mm ? (mm[2] && !/^[A-Z]/.test(mm[2]) ? `${mm[1]}::${mm[2]}` : mm[1]) : '?', bytes);
    }
  }
  add(byCrate, crate, bytes);
}
const show = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${String(bytes).padStart(8)}  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
};
console.log(`code and data: ${total} bytes (optimized, before gzip; names kept only for this report)`);
show('by crate', byCrate, 14);
show('by module of hwc_price', byModule, 24);
