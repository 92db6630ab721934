// Text crossing into the module as UTF-8 bytes (an inquiry's JSON text, an object's JSON.stringify, a saved
// answer, a document): every character arrives as it was, a lone surrogate in an answer becomes U+FFFD as it
// always did, and exact amounts come back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as hwc from 'hwc-price';

const odd = 'é中🎉"\\\u0001\u2028';
const product = {
  id: odd, cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume',
  resource_spec: 'GPSSD', region: 'ap-southeast-1', available_zone: 'ap-southeast-1a', resource_size: 40,
  size_measure_id: 17, usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4, subscription_num: 1,
};
const inquiry = { project_id: 'p', inquiry_precision: 1, product_infos: [product] };

test('non-ASCII, escaped and control characters reach the body as they were, from an object or from JSON text', () => {
  const fromObject = hwc.buildOnDemandInquiry(inquiry).body;
  const fromText = hwc.buildOnDemandInquiry(JSON.stringify(inquiry)).body;
  assert.equal(fromText, fromObject);
  assert.equal(JSON.parse(fromObject).product_infos[0].id, odd);
  assert.ok(fromObject.includes('"id":"é中🎉\\"\\\\\\u0001\u2028"'), fromObject);
});

test('a non-ASCII member name is named by its path, from an object or from JSON text', () => {
  const expected = [{ path: 'régión', rule: 'unknown_field', message: 'is not a field of this inquiry' }];
  assert.deepEqual(hwc.validateInquiry('on-demand', { ...inquiry, régión: 1 }), expected);
  assert.deepEqual(hwc.validateInquiry('on-demand', JSON.stringify({ ...inquiry, régión: 1 })), expected);
  // A lone surrogate in a member name of an object: JSON.stringify escapes it, and the reading refuses it.
  const lone = hwc.validateInquiry('on-demand', { ...inquiry, ['a\ud800']: 1 });
  assert.equal(lone.length, 1);
  assert.equal(lone[0].rule, 'json');
});

const answer = '{"currency":"USD","amount":12345678901234567890.5,"official_website_amount":79228162514264337593543950335,'
  + '"discount_amount":0.0000000000000000000000000001,"measure_id":1,"product_rating_results":[{"id":"é中🎉",'
  + '"amount":-0,"official_website_amount":"18446744073709551616","discount_amount":1844674407370955161.6,"measure_id":1,'
  + '"discount_rating_results":[{"discount_id":"d","discount_type":607,"amount":1,"measure_id":1,'
  + '"discount_name":"Remise été 🎉 \ud800 x"}]}]}';

test('a saved answer keeps its text and its exact amounts; a lone surrogate in it becomes U+FFFD', () => {
  const quote = hwc.quoteFromResponse('on-demand', answer);
  const line = quote.response.product_rating_results[0];
  assert.equal(line.id, 'é中🎉');
  assert.equal(line.amount, '0');
  assert.equal(line.official_website_amount, '18446744073709551616');
  assert.equal(line.discount_amount, '1844674407370955161.6');
  assert.equal(line.discount_rating_results[0].discount_name, 'Remise été 🎉 \ufffd x');
  const b = quote.breakdown();
  assert.deepEqual(b.totals, {
    list: '79228162514264337593543950335', discount: '0.0000000000000000000000000001', final: '12345678901234567890.5',
  });
  assert.equal(b.lines[0].discounts[0].name, 'Remise été 🎉 \ufffd x');
  const text = quote.toText();
  assert.ok(text.includes('$18,446,744,073,709,551,616.00'), text);
  assert.ok(text.includes('$1,844,674,407,370,955,161.60'), text);
  assert.ok(text.includes('$79,228,162,514,264,337,593,543,950,335'), text);
  assert.ok(text.includes('$0.0000000000000000000000000001'), text);
  assert.ok(text.includes('$12,345,678,901,234,567,890.50'), text);
  quote.free();
});

test('an answer that is not a string, or not JSON, fails as it did', () => {
  assert.throws(() => hwc.quoteFromResponse('on-demand', 5), {
    name: 'TypeError', message: "the response must be the answer's JSON text (a string)",
  });
  assert.throws(() => hwc.quoteFromResponse('on-demand', '{"amount": 1, "product_rating_results": [ {"id": "é"}'), (e) => {
    assert.equal(e.name, 'PriceApiError');
    assert.match(e.message, /not JSON: EOF while parsing a list at line 1 column 54/);
    return true;
  });
});

test('a breakdown document with non-ASCII text crosses back in as text or as an object', () => {
  const doc = hwc.quoteFromResponse('on-demand', answer).toJSON();
  const fromText = hwc.diffBreakdowns(JSON.stringify(doc), JSON.stringify(doc)).toJSON();
  const fromObject = hwc.diffBreakdowns(doc, doc).toJSON();
  assert.deepEqual(fromText, fromObject);
  assert.ok(JSON.stringify(fromText).includes('é中🎉'));
});
