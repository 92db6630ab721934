// Every documented rule through the npm package: the shared table, passed as JS objects and as JSON text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';
import { table, input } from './rules-table.mjs';

const builders = {
  'on-demand': hwc.buildOnDemandInquiry,
  period: hwc.buildPeriodInquiry,
  renewal: hwc.buildRenewalInquiry,
};

function violationsOf(build, value) {
  try {
    build(value);
    return [];
  } catch (error) {
    assert.ok(error instanceof Error, 'throws a real Error');
    assert.equal(error.name, 'InquiryValidationError');
    // The message: a head line, then one line per violation.
    const lines = error.message.split('\n');
    assert.equal(lines.length, error.violations.length + 1, error.message);
    error.violations.forEach((v, i) => assert.equal(lines[i + 1], v.path ? `  ${v.path}: ${v.message}` : `  ${v.message}`));
    return error.violations.map((v) => [v.path, v.rule, v.message]);
  }
}

test('the table covers every rule code the package declares', () => {
  const rules = new Set(table.cases.flatMap((c) => c.violations.map((v) => v[1])));
  for (const rule of ['json', 'type', 'required', 'unknown_field', 'blank', 'max_length', 'whole_number',
    'range', 'one_of', 'decimal', 'count', 'unique', 'together']) {
    assert.ok(rules.has(rule), `no case for rule ${rule}`);
  }
});

for (const testCase of table.cases) {
  test(`${testCase.kind}: ${testCase.name}`, () => {
    const build = builders[testCase.kind];
    const value = input(testCase);
    assert.deepEqual(violationsOf(build, value), testCase.violations, 'as a JS value');
    if (typeof value !== 'string') {
      assert.deepEqual(violationsOf(build, JSON.stringify(value)), testCase.violations, 'as JSON text');
    }
    const listed = hwc.validateInquiry(testCase.kind, value).map((v) => [v.path, v.rule, v.message]);
    assert.deepEqual(listed, testCase.violations, 'through validateInquiry');
    // In Chinese: the same paths and rules, the table's Chinese messages.
    const chinese = testCase.violations.map(([path, rule], i) => [path, rule, testCase.zh[i]]);
    const zh = { language: 'zh_CN' };
    assert.deepEqual(violationsOf((v) => build(v, zh), value), chinese, 'built in Chinese');
    const listedZh = hwc.validateInquiry(testCase.kind, value, zh).map((v) => [v.path, v.rule, v.message]);
    assert.deepEqual(listedZh, chinese, 'through validateInquiry in Chinese');
  });
}
