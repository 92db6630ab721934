// Breakdowns through the package: from a saved answer (quoteFromResponse) and from a live call against the
// sandbox; every output; options checked. The sandbox listens on loopback and is closed after its test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PriceClient, quoteFromResponse } from 'hwc-price';
import { createSandbox } from '../sandbox/server.mjs';
import { dec, sum, cmp } from '../sandbox/decimal.mjs';

const fixture = (path) => readFileSync(new URL(`../tests/fixtures/${path}`, import.meta.url), 'utf8');

test('a saved answer with its inquiry: the breakdown object, amounts as exact strings', () => {
  const quote = quoteFromResponse('on-demand', fixture('responses/on-demand-4.2.1.json'), { inquiry: fixture('requests/on-demand-4.2.1.json') });
  assert.deepEqual([quote.kind, quote.currency, quote.requests], ['on-demand', 'USD', 0]);
  const b = quote.breakdown({ hoursPerMonth: 730 });
  assert.deepEqual(b.totals, { list: '8.128', discount: '0.0', final: '8.128' });
  assert.deepEqual(b.lines.map((l) => [l.id, l.covers, l.final]), [
    ['1', '1 × 2 hours', '5.48'], ['2', '1 × 2 hours', '0.028'], ['3', '1 × 3 hours', '0.06'], ['4', '1 × 4 GB', '2.56'],
  ]);
  assert.deepEqual(b.lines[0].projection, { perHour: '2.74', perMonth: '2000.2', perYear: '24002.4', exact: true });
  assert.equal(b.lines[3].projection, null, 'traffic is not projected');
  assert.match(b.projections.assumption, /^Projections, not prices: .* 730 hours a month/);
  assert.deepEqual(b.warnings, []);
});

test('toText, toHtml, toCsv and toJSON agree with each other', () => {
  const quote = quoteFromResponse('period', fixture('breakdown/period-options.json'), { inquiry: JSON.parse(fixture('breakdown/period-options.request.json')) });
  const text = quote.toText();
  assert.match(text, /^Yearly\/monthly price \(USD\)\n/);
  assert.match(text, /Partner authorized discount: Partner \[best offer\] +\$1,200\.00 +\$144\.00 +12% +\$1,056\.00\n/);
  const html = quote.toHtml();
  assert.match(html, /^<table class="hwc-breakdown hwc-period">\n<caption>Yearly\/monthly price \(USD\)<\/caption>/);
  assert.match(html, /<tfoot><tr class="hwc-total">.*data-value="1056.00">\$1,056\.00<\/td><\/tr><\/tfoot>/);
  const csv = quote.toCsv();
  assert.ok(csv.startsWith('\uFEFFrecord,id,product_id,'));
  assert.ok(csv.endsWith('total,,,,,,,,USD,1200,144.00,1056.00,\r\n'));
  const doc = JSON.parse(JSON.stringify(quote));
  assert.deepEqual([doc.format, doc.version, doc.kind], ['hwc-price.breakdown', 2, 'period']);
  assert.deepEqual(doc.totals, quote.breakdown().totals);
  assert.deepEqual(doc.options.map((o) => [o.typeCode, o.bestOffer]), [[605, false], [607, true], [700, false]]);
  assert.deepEqual(doc.warnings.map((w) => w.code), ['currency_defaulted']);
  const zh = quote.toText({ language: 'zh_CN' });
  assert.match(zh, /^包年\/包月价格 \(USD\)\n项目/);
  assert.match(zh, /伙伴授权折扣: Partner \[最优\]/);
});

test('a CNY renewal saved from the China site, with its failures', () => {
  const quote = quoteFromResponse('renewal', fixture('breakdown/renewal-cny.json'), { site: 'cn' });
  const b = quote.breakdown();
  assert.equal(b.language, 'zh_CN', "the site's language by default");
  assert.deepEqual(b.failures, [{ id: 'r-3', code: 'CBC.30050009', message: 'The resources have expired and been deleted.' }]);
  assert.equal(b.listPriceOnly, true);
  assert.match(quote.toText({ language: 'en_US' }), /Total +¥800\.000001 +— +\(list price only\)/);
});

test('saved answers that are errors, unreadable, or of an unknown kind are refused clearly', () => {
  assert.throws(() => quoteFromResponse('on-demand', '{"error_code": "CBC.0151", "error_msg": "Access denied."}'), (e) => {
    assert.deepEqual([e.name, e.code, e.status], ['PriceApiError', 'CBC.0151', 200]);
    return true;
  });
  assert.throws(() => quoteFromResponse('period', '{"official_website_rating_result": {"official_website_amount": "lots"}}'), (e) => {
    assert.equal(e.code, 'BAD_RESPONSE');
    assert.match(e.message, /official_website_rating_result\.official_website_amount/);
    return true;
  });
  assert.throws(() => quoteFromResponse('monthly', '{}'), /unknown inquiry kind "monthly"/);
  assert.throws(() => quoteFromResponse('renewal', {}), /JSON text \(a string\)/);
  assert.throws(() => quoteFromResponse('renewal', '{}', { site: 'eu', sitee: 1 }), (e) => e.name === 'PriceClientError' && e.violations.length === 2);
  assert.throws(() => quoteFromResponse('renewal', '{}', { inquiry: { resource_ids: [] } }), (e) => e.name === 'InquiryValidationError');
});

test('every member name of a breakdown and of its JSON document is camelCase, for each kind', () => {
  // The package's own objects use camelCase; only wire-shaped objects (quote.response) keep the API's names.
  const notCamel = [];
  const seen = new Set();
  const walk = (value, at) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [name, v] of Object.entries(value)) {
        if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) notCamel.push(`${at}.${name}`);
        seen.add(name);
        walk(v, `${at}.${name}`);
      }
    }
  };
  const quotes = [
    quoteFromResponse('on-demand', fixture('breakdown/on-demand-discounts.json'), { inquiry: fixture('breakdown/on-demand-discounts.request.json') }),
    quoteFromResponse('on-demand', fixture('breakdown/on-demand-mismatch.json'), { site: 'cn' }),
    quoteFromResponse('period', fixture('breakdown/period-options.json'), { inquiry: fixture('breakdown/period-options.request.json') }),
    quoteFromResponse('renewal', fixture('breakdown/renewal-cny.json'), { site: 'cn', inquiry: fixture('breakdown/renewal-cny.request.json') }),
  ];
  for (const quote of quotes) {
    walk(quote.breakdown({ projections: true }), `${quote.kind}.breakdown()`);
    walk(quote.toJSON(), `${quote.kind}.toJSON()`);
  }
  assert.deepEqual(notCamel, []);
  for (const name of ['discountPercent', 'listPriceOnly', 'productId', 'cloudServiceType', 'discountId', 'typeCode', 'typeName',
    'bestOffer', 'perHour', 'perMonth', 'perYear', 'hoursPerMonth', 'failures', 'warnings', 'version']) {
    assert.ok(seen.has(name), `${name} was met`);
  }
});

test('a saved answer of another kind, or of none, is refused with ANSWER_KIND_MISMATCH', () => {
  const answers = {
    'on-demand': fixture('responses/on-demand-4.2.1.json'),
    period: fixture('responses/period-4.2.2.json'),
    renewal: fixture('responses/renewal-4.2.3.json'),
  };
  for (const [kind, text] of Object.entries(answers)) {
    assert.equal(quoteFromResponse(kind, text).kind, kind);
    for (const stated of Object.keys(answers).filter((k) => k !== kind)) {
      assert.throws(() => quoteFromResponse(stated, text), (e) => {
        assert.deepEqual([e.name, e.code, e.kind, e.answerKind], ['PriceClientError', 'ANSWER_KIND_MISMATCH', stated, kind]);
        assert.match(e.message, /^the answer is not an? .* answer but an? .* answer: it has /);
        return true;
      }, `${kind} as ${stated}`);
    }
  }
  assert.throws(() => quoteFromResponse('on-demand', answers.renewal, { language: 'zh_CN' }),
    (e) => e.message === '该应答不是按需询价的应答，而是续费询价的应答：它含有 renew_inquiry_results, official_website_rating_result, optional_discount_rating_results, fail_resource_infos');
  for (const kind of Object.keys(answers)) {
    assert.throws(() => quoteFromResponse(kind, '{}'), (e) => e.code === 'ANSWER_KIND_MISMATCH' && e.answerKind === null
      && /has no result member of any rating API/.test(e.message));
  }
  // An error answer stays the API's error; a renewal answer may hold only its business error.
  assert.throws(() => quoteFromResponse('period', '{"error_code": "CBC.0151", "error_msg": "Access denied."}'), (e) => e.name === 'PriceApiError');
  assert.equal(quoteFromResponse('renewal', '{"error_code": "CBC.30050009", "error_msg": "gone"}').kind, 'renewal');
});

test('hwc-price/breakdown.css has a rule for every class toHtml() emits, over every kind and state', () => {
  const css = readFileSync(new URL(import.meta.resolve('hwc-price/breakdown.css')), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const styled = new Set();
  for (const [, selectors] of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    for (const [name] of selectors.matchAll(/\.hwc-[\w-]+/g)) styled.add(name.slice(1));
  }
  const quotes = [
    [quoteFromResponse('on-demand', fixture('breakdown/on-demand-discounts.json'), { inquiry: fixture('breakdown/on-demand-discounts.request.json') }), { projections: true }],
    [quoteFromResponse('on-demand', fixture('breakdown/on-demand-mismatch.json')), {}],
    [quoteFromResponse('period', fixture('breakdown/period-options.json'), { inquiry: fixture('breakdown/period-options.request.json') }), { language: 'zh_CN' }],
    [quoteFromResponse('renewal', fixture('breakdown/renewal-cny.json'), { site: 'cn' }), {}],
    [quoteFromResponse('renewal', '{"error_code": "CBC.30050009", "error_msg": "gone"}'), {}],
  ];
  const used = new Set();
  for (const [quote, options] of quotes) {
    for (const [, names] of quote.toHtml(options).matchAll(/class="([^"]*)"/g)) for (const name of names.split(' ')) used.add(name);
  }
  for (const state of ['hwc-on-demand', 'hwc-period', 'hwc-renewal', 'hwc-line-discount', 'hwc-best', 'hwc-missing', 'hwc-list-only',
    'hwc-projections', 'hwc-failures', 'hwc-warnings']) {
    assert.ok(used.has(state), `the quotes show ${state}`);
  }
  assert.deepEqual([...used].filter((name) => !styled.has(name)).sort(), [], 'classes with no rule');
  for (const media of [/@media \(prefers-color-scheme: dark\)/, /@media \(max-width: [\d.]+rem\)/, /@media print/]) assert.match(css, media);
});

test('breakdown options are checked, every problem at once', () => {
  const quote = quoteFromResponse('on-demand', fixture('responses/on-demand-4.2.1.json'));
  for (const call of [(o) => quote.breakdown(o), (o) => quote.toText(o), (o) => quote.toHtml(o), (o) => quote.toCsv(o)]) {
    assert.throws(() => call({ language: 'fr', hoursPerMonth: -1, projection: true }), (e) => {
      assert.equal(e.name, 'PriceClientError');
      assert.deepEqual(e.violations.map((v) => v.path).sort(), ['hoursPerMonth', 'language', 'projection']);
      return true;
    });
  }
});

test('a live quote breaks down to exact totals that match its lines', async () => {
  const sandbox = createSandbox({ currency: 'CNY' });
  const endpoint = await sandbox.listen();
  try {
    const products = Array.from({ length: 120 }, (_, i) => ({
      id: `vm-${i + 1}`, cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
      resource_spec: i % 2 ? 'c6.large.2.linux' : 's6.medium.2.linux', region: 'cn-north-4', usage_factor: 'Duration',
      usage_value: '0.5', usage_measure_id: 4, subscription_num: 1 + (i % 3),
    }));
    const quote = await new PriceClient({ endpoint, site: 'cn', language: 'en_US' }).priceOnDemand({ project_id: 'p', product_infos: products });
    const b = quote.breakdown({ projections: true });
    assert.equal(b.currency, 'CNY');
    assert.equal(b.lines.length, 120);
    assert.deepEqual(b.warnings, [], 'the merged lines add up to the merged totals');
    for (const key of ['list', 'discount', 'final']) {
      assert.equal(cmp(sum(b.lines.map((l) => dec(l[key]))), dec(b.totals[key])), 0, key);
    }
    assert.equal(b.lines[1].covers, '2 × 0.5 hours');
    assert.equal(b.lines[1].description, 'c6.large.2.linux, cn-north-4');
    assert.equal(b.lines[0].discounts[0].typeName, 'Contract commercial discount (Huawei Cloud)');
    assert.ok(b.projections.total.perMonth);
    assert.match(quote.toText(), /^Pay-per-use price \(CNY\)\n/);
  } finally {
    await sandbox.close();
  }
});
