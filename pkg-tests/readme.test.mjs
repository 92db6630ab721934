// Every ```js and ```ts example of both READMEs, as a reader would paste it into a file beside a project that
// depends on hwc-price: first all of them are type-checked together by TypeScript under `--strict` (JavaScript
// with `checkJs`) with Node's types only, then each runs in Node and its whole output must be exactly what its
// `// → text` comments say, in order. Examples that price something call a sandbox rating service, started for
// each and named in HWC_ENDPOINT.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createSandbox } from '../sandbox/server.mjs';

const blocks = (path) => [...readFileSync(new URL(path, import.meta.url), 'utf8').matchAll(/```(js|ts)\n([\s\S]*?)```/g)]
  .map((m) => ({ language: m[1], code: m[2], readme: path }));
// The repository's README, then the package's own (npm/README.md, shipped as the package's README.md).
const examples = [...blocks('../README.md'), ...blocks('../npm/README.md')];
const dir = new URL('./.readme-examples/', import.meta.url);
const source = (i) => new URL(`example-${i + 1}.${examples[i].language === 'ts' ? 'mts' : 'mjs'}`, dir);
const compiled = (i) => new URL(`out/example-${i + 1}.mjs`, dir);

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  examples.forEach((example, i) => writeFileSync(source(i), example.code));
  writeFileSync(new URL('tsconfig.json', dir), JSON.stringify({
    compilerOptions: {
      strict: true, allowJs: true, checkJs: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022',
      lib: ['ES2022'], types: ['node'], typeRoots: [new URL('../../node_modules/@types/', dir).pathname],
      outDir: 'out', skipLibCheck: false,
    },
    include: ['*.mjs', '*.mts'],
  }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the READMEs have JavaScript and TypeScript examples', () => {
  assert.ok(examples.length >= 8, `found ${examples.length}`);
  assert.ok(examples.some((e) => e.language === 'ts'), 'a TypeScript example');
});

test('every example type-checks under --strict', () => {
  const tsc = new URL('../node_modules/.bin/tsc', import.meta.url).pathname;
  try {
    execFileSync(tsc, ['-p', dir.pathname], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const where = (text) => text.replace(/example-(\d+)\.m[jt]s/g, (name, n) => `${name} (${examples[n - 1].readme}, example ${n})`);
    assert.fail(`TypeScript rejects a README example:\n${where(e.stdout)}`);
  }
});

examples.forEach((example, i) => {
  test(`README example ${i + 1} (${example.readme}) prints exactly what it says`, async () => {
    const expected = [...example.code.matchAll(/^\s*\/\/ → ?(.*)$/gm)].map((m) => m[1]);
    assert.ok(expected.length > 0, 'the example states its output');
    const sandbox = createSandbox();
    const endpoint = await sandbox.listen();
    try {
      const file = example.language === 'ts' ? compiled(i) : source(i);
      const run = await promisify(execFile)(process.execPath, [file.pathname], { encoding: 'utf8', env: { ...process.env, HWC_ENDPOINT: endpoint } });
      assert.deepEqual(run.stdout.replace(/\n$/, '').split('\n'), expected);
    } finally {
      await sandbox.close();
    }
  });
});
