// Runs every ```js example of both READMEs against the built package, as a reader would paste it into a file
// beside a project that depends on hwc-price. Each `// → text` comment must appear, in order, in the output.
// Examples that price something call a sandbox rating service, started for each and named in HWC_ENDPOINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createSandbox } from '../sandbox/server.mjs';

const blocks = (path) => [...readFileSync(new URL(path, import.meta.url), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
// The repository's README, then the package's own (npm/README.md, shipped as the package's README.md).
const examples = [...blocks('../README.md'), ...blocks('../npm/README.md')];

test('the README has JavaScript examples', () => {
  assert.ok(examples.length >= 4, `found ${examples.length}`);
});

examples.forEach((code, i) => {
  test(`README example ${i + 1} runs and prints what it says`, async () => {
    const file = new URL(`./.readme-example-${i + 1}.mjs`, import.meta.url);
    writeFileSync(file, code);
    const sandbox = createSandbox();
    const endpoint = await sandbox.listen();
    try {
      const run = await promisify(execFile)(process.execPath, [file.pathname], { encoding: 'utf8', env: { ...process.env, HWC_ENDPOINT: endpoint } });
      const output = run.stdout.split('\n');
      const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
      assert.ok(expected.length > 0, 'the example states its output');
      let at = 0;
      for (const line of expected) {
        const found = output.indexOf(line, at);
        assert.ok(found >= 0, `missing in order: ${line}\noutput:\n${output.join('\n')}`);
        at = found + 1;
      }
    } finally {
      rmSync(file, { force: true });
      await sandbox.close();
    }
  });
});
