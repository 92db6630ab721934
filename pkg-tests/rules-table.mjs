// Builds the inputs of the shared rule table (tests/fixtures/rules.json), exactly as tests/rules_table.rs does.
import { readFileSync } from 'node:fs';

export const table = JSON.parse(readFileSync(new URL('../tests/fixtures/rules.json', import.meta.url), 'utf8'));

function slot(root, path) {
  const segments = path.split('.');
  const last = segments.pop();
  let at = root;
  for (const s of segments) at = Array.isArray(at) ? at[Number(s)] : (at[s] ??= {});
  return [at, Array.isArray(at) ? Number(last) : last];
}

/** The input of `testCase` as a JS value, or its raw text when the case gives one. */
export function input(testCase) {
  if ('text' in testCase) return testCase.text;
  const value = structuredClone(table.bases[testCase.kind]);
  for (const [list, key] of [['products', 'product_infos'], ['resource_ids', 'resource_ids']]) {
    if (!(list in testCase)) continue;
    const first = value[key][0];
    value[key] = Array.from({ length: testCase[list] }, (_, i) =>
      typeof first === 'object' ? { ...structuredClone(first), id: String(i + 1) } : `r${i + 1}`);
  }
  for (const path of testCase.remove ?? []) {
    const [owner, key] = slot(value, path);
    delete owner[key];
  }
  for (const [path, v] of Object.entries(testCase.set ?? {})) {
    const [owner, key] = slot(value, path);
    owner[key] = v;
  }
  return value;
}
