// The layering check fails on an import against the direction of dependence, on a peer import, on a module
// without a layer and on JavaScript outside the bindings; and passes this crate's own src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = new URL('./check-layers.mjs', import.meta.url).pathname;
const src = new URL('../src/', import.meta.url).pathname;
const check = (root) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });

const withCopy = (change) => {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  try {
    cpSync(src, dir, { recursive: true });
    change(dir);
    return check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

test('the crate as it is passes', () => {
  const run = check(src);
  assert.equal(run.status, 0, run.stderr);
});

test('an import against the direction fails', () => {
  const run = withCopy((dir) => appendFileSync(join(dir, 'quote/asked.rs'), '\nuse crate::client::Client;\n'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /quote\/asked\.rs: `quote` names `crate::client`, a higher layer/);
});

test('a peer import fails', () => {
  const run = withCopy((dir) => appendFileSync(join(dir, 'response/model.rs'), '\nuse crate::inquiry::InquiryKind;\n'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /a peer in the same layer/);
});

test('a module without a layer, and JavaScript outside the bindings, fail', () => {
  const run = withCopy((dir) => {
    writeFileSync(join(dir, 'extra.rs'), '//! x\n');
    appendFileSync(join(dir, 'money.rs'), '\nfn f(_: js_sys::Object) {}\n');
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /module `extra` has no layer/);
  assert.match(run.stderr, /money\.rs: JavaScript bindings are used outside src\/bindings\//);
});
