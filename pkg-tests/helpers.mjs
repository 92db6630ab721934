// Shared by the package tests: a sandbox around a test, inquiry builders, awaiting a rejection, and the one
// way to start the machine's Chromium headless.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createSandbox } from '../sandbox/server.mjs';

/** Runs `run(base, sandbox)` with a sandbox rating service on loopback, closed afterwards whatever happens. */
export async function withSandbox(options, run) {
  const sandbox = createSandbox(options);
  const base = await sandbox.listen();
  try {
    assert.equal(sandbox.server.address().address, '127.0.0.1');
    await run(base, sandbox);
  } finally {
    await sandbox.close();
  }
}

/** A pay-per-use product priced by the sandbox: one c6.large.2.linux for one hour, with `extra` fields. */
export const vm = (id, extra = {}) => ({
  id, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
  resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration', usage_value: 1,
  usage_measure_id: 4, subscription_num: 1, ...extra,
});

/** A pay-per-use inquiry of `n` such products, `p1`…`pn`. */
export const onDemand = (n, extra) => ({ project_id: 'p', product_infos: Array.from({ length: n }, (_, i) => vm(`p${i + 1}`, extra)) });

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export const launchChromium = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
