// The estimate page's pure helpers in Node: exact rounding, comparison and sums of decimal strings (money.mjs,
// never through a JavaScript number), compact share links, and the mode switch that keeps shared fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundTo, compare, sum, perMille, headline, formatAmount } from '../www/money.mjs';
import { initialState, newItem, encodeState, decodeState, switchMode } from '../www/estimate.mjs';

test('amounts round to cents exactly, half away from zero, and say when they were rounded', () => {
  assert.deepEqual(roundTo('221.19876'), { value: '221.20', rounded: true });
  assert.deepEqual(roundTo('0.005'), { value: '0.01', rounded: true });
  assert.deepEqual(roundTo('0.0049999999999999999999'), { value: '0.00', rounded: true });
  assert.deepEqual(roundTo('-1.005'), { value: '-1.01', rounded: true });
  assert.deepEqual(roundTo('12'), { value: '12.00', rounded: false });
  assert.deepEqual(roundTo('12.3400'), { value: '12.34', rounded: false });
  // Past a double's precision: still exact.
  assert.deepEqual(roundTo('9007199254740993.125'), { value: '9007199254740993.13', rounded: true });
  assert.equal(roundTo('1e3'), null);
  assert.deepEqual(headline('1234567.891', 'USD'), { text: '≈ $1,234,567.89', exact: '$1,234,567.891', rounded: true });
  assert.equal(formatAmount('5', 'CNY'), '¥5');
  assert.equal(formatAmount('5', 'GBP'), '5 GBP');
});

test('comparisons, sums and bar lengths use the decimals as written', () => {
  assert.equal(compare('10', '9.99999999999999999999'), 1);
  assert.equal(compare('2.50', '2.5'), 0);
  assert.equal(sum(['0.1', '0.2', '9007199254740993']), '9007199254740993.3');
  assert.equal(perMille('1', '3'), 333);
  assert.equal(perMille('5', '0'), 0);
});

test('share links are compact and round-trip; switching mode keeps shared fields and names what it sets aside', () => {
  const state = initialState('on-demand');
  state.items.push(newItem('on-demand', 4));
  const link = encodeState(state);
  assert.ok(link.length < 700, `${link.length} characters for 4 items`);
  assert.deepEqual(decodeState(`#e=${link}`), state);
  state.items[1].resource_spec = 'SAS';
  const { state: period, dropped } = switchMode(state, 'period');
  assert.equal(period.items.length, 4);
  assert.equal(period.items[1].resource_spec, 'SAS');
  assert.equal(period.items[1].period_type, '2');
  assert.equal(period.top.project_id, state.top.project_id);
  assert.deepEqual(dropped, ['usage factor, usage, usage unit of 4 items']);
  const back = switchMode(period, 'on-demand', state);
  assert.equal(back.state.items[1].usage_value, '730');
  assert.match(switchMode(state, 'renewal').dropped[0], /^the 4 items/);
});
