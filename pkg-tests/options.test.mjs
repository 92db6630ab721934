// Every options object the package reads refuses an unknown key the same way: a violation at the key's path with
// rule `unknown_field`, "did you mean" when a known name is close, the same words everywhere, thrown as the
// area's one error kind. No request is sent: options are read before anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as hwc from 'hwc-price';

const fixture = (path) => readFileSync(new URL(`../tests/fixtures/${path}`, import.meta.url), 'utf8');

const inquiry = { resource_ids: ['r-1'], period_type: 2, period_num: 1 };
const quote = () => hwc.quoteFromResponse('on-demand', fixture('responses/on-demand-4.2.1.json'));
const client = () => new hwc.PriceClient({ site: 'intl', auth: { token: 't' } });
const sign = (extra) => hwc.signRequest({ method: 'POST', url: 'https://bss-intl.myhuaweicloud.com/v2/x', body: '{}',
  ak: 'AK', sk: 'SK', ...extra });

/** Each options object: how to pass `extra` keys in it, the error it throws, and the path of its keys. */
const bags = {
  'new PriceClient(options)': { call: (extra) => new hwc.PriceClient({ site: 'intl', ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'new PriceClient(options.auth)': { call: (extra) => new hwc.PriceClient({ auth: { token: 't', ...extra } }), name: 'PriceClientError', code: 'INVALID_OPTIONS', prefix: 'auth.' },
  'new PriceClient(options.retry)': { call: (extra) => new hwc.PriceClient({ retry: { maxAttempts: 2, ...extra } }), name: 'PriceClientError', code: 'INVALID_OPTIONS', prefix: 'retry.' },
  'priceOnDemand(input, options)': { call: (extra) => client().priceOnDemand(inquiry, { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'pricePeriod(input, options)': { call: (extra) => client().pricePeriod(inquiry, { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'priceRenewal(input, options)': { call: (extra) => client().priceRenewal(inquiry, { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'validateInquiry(kind, input, options)': { call: (extra) => hwc.validateInquiry('renewal', inquiry, { batch: true, ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'buildOnDemandInquiry(input, options)': { call: (extra) => hwc.buildOnDemandInquiry('{}', { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'buildPeriodInquiry(input, options)': { call: (extra) => hwc.buildPeriodInquiry('{}', { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'buildRenewalInquiry(input, options)': { call: (extra) => hwc.buildRenewalInquiry(inquiry, { ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'quoteFromResponse(kind, response, options)': { call: (extra) => hwc.quoteFromResponse('on-demand', '{}', { site: 'intl', ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'quote.breakdown(options)': { call: (extra) => quote().breakdown({ ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'quote.toText(options)': { call: (extra) => quote().toText({ ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'quote.toHtml(options)': { call: (extra) => quote().toHtml({ ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'quote.toCsv(options)': { call: (extra) => quote().toCsv({ ...extra }), name: 'PriceClientError', code: 'INVALID_OPTIONS' },
  'signRequest(input)': { call: sign, name: 'SignRequestError', code: 'INVALID_INPUT' },
};

/** What `call(extra)` throws or rejects with. */
async function failure(call, extra) {
  try {
    await call(extra);
  } catch (error) {
    return error;
  }
  assert.fail(`no error for ${JSON.stringify(extra)}`);
}

const unknown = /^is not a known option; (did you mean [A-Za-z]+\?|the options are [A-Za-z]+(, [A-Za-z]+)*)$/;

for (const [bag, { call, name, code, prefix = '' }] of Object.entries(bags)) {
  test(`${bag} refuses an unknown key`, async () => {
    const error = await failure(call, { zzzUnheardOf: 1 });
    assert.ok(error instanceof Error);
    assert.equal(error.name, name);
    assert.equal(error.code, code);
    assert.equal(error.violations.length, 1, JSON.stringify(error.violations));
    const [v] = error.violations;
    assert.equal(v.path, `${prefix}zzzUnheardOf`);
    assert.equal(v.rule, 'unknown_field');
    assert.match(v.message, unknown);
    assert.match(v.message, /the options are /, 'no name is close: every option is listed');
    assert.ok(error.message.split('\n').some((line) => line.includes(`${prefix}zzzUnheardOf: ${v.message}`)),
      `the message has a line for the key: ${error.message}`);
  });
}

test('a misspelt key is answered with the name meant, in the same words everywhere', async () => {
  const cases = [
    ['new PriceClient(options)', { langauge: 'en_US' }, 'language'],
    ['new PriceClient(options.retry)', { maxAttempt: 2 }, 'maxAttempts'],
    ['priceOnDemand(input, options)', { onProgres: () => {} }, 'onProgress'],
    ['validateInquiry(kind, input, options)', { bacth: true }, 'batch'],
    ['buildRenewalInquiry(input, options)', { langauge: 'zh_CN' }, 'language'],
    ['quote.toText(options)', { hoursPerMont: 730 }, 'hoursPerMonth'],
    ['quoteFromResponse(kind, response, options)', { inquery: inquiry }, 'inquiry'],
    ['signRequest(input)', { header: {} }, 'headers'],
  ];
  for (const [bag, extra, meant] of cases) {
    const error = await failure(bags[bag].call, extra);
    const messages = error.violations.filter((v) => v.rule === 'unknown_field').map((v) => v.message);
    assert.deepEqual(messages, [`is not a known option; did you mean ${meant}?`], bag);
  }
});

test('the inquiry functions speak the language asked for, the unknown key included', () => {
  const error = (() => {
    try {
      hwc.buildRenewalInquiry({ resource_ids: [''], period_type: 2, period_num: 1 }, { language: 'zh_CN' });
    } catch (e) {
      return e;
    }
  })();
  assert.equal(error.name, 'InquiryValidationError');
  assert.equal(error.message, '续费询价无效：1 个问题\n  resource_ids[0]: 不能为空');
  const options = (() => {
    try {
      hwc.validateInquiry('renewal', inquiry, { language: 'zh_CN', bacth: true });
    } catch (e) {
      return e;
    }
  })();
  assert.deepEqual(options.violations, [{ path: 'bacth', rule: 'unknown_field', message: '不是已知的选项；是否应为 batch？' }]);
  assert.deepEqual(hwc.validateInquiry('renewal', inquiry, { language: 'zh_CN' }), []);
  assert.deepEqual(hwc.validateInquiry('renewal', inquiry, {}), []);
  assert.deepEqual(hwc.validateInquiry('renewal', inquiry), []);
});

test("a client's price call and a saved quote's inquiry are checked in the language they are given", async () => {
  const bad = { resource_ids: ['r-1', 'r-1'], period_type: 2, period_num: 1 };
  const zhClient = new hwc.PriceClient({ site: 'intl', language: 'zh_CN', auth: { token: 't' } });
  const error = await failure(() => zhClient.priceRenewal(bad));
  assert.equal(error.name, 'InquiryValidationError');
  assert.equal(error.message, '续费询价无效：1 个问题\n  resource_ids[1]: 在询价中必须唯一，但 "r-1" 与 resource_ids[0] 重复');
  const english = await failure(() => client().priceRenewal(bad));
  assert.equal(english.violations[0].message, 'must be unique in the inquiry, but "r-1" repeats the value of resource_ids[0]');
  const saved = await failure(() => hwc.quoteFromResponse('renewal', '{}', { language: 'zh_CN', inquiry: bad }));
  assert.equal(saved.name, 'InquiryValidationError');
  assert.deepEqual(saved.violations.map((v) => [v.path, v.rule]), [['resource_ids[1]', 'unique']]);
  assert.match(saved.violations[0].message, /^在询价中必须唯一/);
});

test('every options error is said in its language: a head line naming the options, then one line per problem', async () => {
  const caught = async (f) => { try { await f(); } catch (e) { return e; } assert.fail('no error'); };
  const client = await caught(() => new hwc.PriceClient({ language: 'zh_CN', auth: { token: ' ' }, nope: 1 }));
  const [head, ...lines] = client.message.split('\n');
  assert.equal(head, '客户端选项无效：2 个问题');
  assert.match(lines[0], /^ {2}nope: 不是已知的选项；/);
  assert.equal(lines[1], '  auth.token: 不能为空');
  const english = await caught(() => new hwc.PriceClient({ auth: { ak: 'a' } }));
  assert.equal(english.message, 'invalid client options: 1 problem\n  auth.sk: is required: ak and sk go together');
  // A call's options are read in its client's language.
  const chinese = new hwc.PriceClient({ language: 'zh_CN', endpoint: 'http://127.0.0.1:9' });
  const call = await caught(() => chinese.priceRenewal({ resource_ids: ['r'], period_type: 2, period_num: 1 }, { signal: {} }));
  assert.equal(call.message, '询价调用选项无效：1 个问题\n  signal: 应为 AbortSignal');
  const quote = hwc.quoteFromResponse('renewal', '{"renew_inquiry_results": []}');
  const breakdown = await caught(() => quote.toText({ language: 'zh_CN', hoursPerMonth: 0 }));
  assert.match(breakdown.message, /^明细选项无效：1 个问题\n {2}hoursPerMonth: /);
  const saved = await caught(() => hwc.quoteFromResponse('renewal', '{}', { language: 'zh_CN', sit: 'cn' }));
  assert.match(saved.message, /^已保存应答选项无效：1 个问题\n {2}sit: 不是已知的选项；是否应为 site？$/);
});
