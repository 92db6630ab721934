// Type-checked (never run) by `tsc -p pkg-tests`: the package's .d.ts describes every input and output shape.
// Each `@ts-expect-error` line must stay an error, so a loosened type fails the check.
import {
  buildOnDemandInquiry,
  buildPeriodInquiry,
  buildRenewalInquiry,
  validateInquiry,
  isInquiryValidationError,
  signRequest,
  type SignedRequest,
  type OnDemandInquiryInput,
  type PeriodInquiryInput,
  type RenewalInquiryInput,
  type PreparedRequest,
  type Violation,
  type InquiryKind,
  PriceClient,
  Quote,
  PriceApiError,
  PriceClientError,
  type OnDemandRatingResponse,
  type RenewalRatingResponse,
  type PriceClientSummary,
  quoteFromResponse,
  type AnyQuote,
  type PeriodProductInput,
  InquiryValidationError,
  SignRequestError,
  isPriceApiError,
  isPriceClientError,
  isSignRequestError,
  type Breakdown,
  type BreakdownDocument,
  Catalogue,
  Comparison,
  type ComparisonInput,
  type ComparisonDocument,
} from 'hwc-price';
import init from 'hwc-price';

const onDemand: OnDemandInquiryInput = {
  project_id: 'p',
  product_infos: [{
    id: '1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm',
    resource_spec: 'c6.large.2.linux', region: 'ap-southeast-1', usage_factor: 'Duration',
    usage_value: '0.5', usage_measure_id: 4, subscription_num: 1, available_zone: null,
  }],
  inquiry_precision: 1,
};
const request: PreparedRequest = buildOnDemandInquiry(onDemand);
const body: string = request.body;
const method: 'POST' = request.method;

const period: PeriodInquiryInput = {
  project_id: 'p',
  product_infos: [{
    id: '1', cloud_service_type: 's', resource_type: 't', resource_spec: 'u', region: 'r',
    period_type: 2, period_num: 1, subscription_num: 1, resource_size: 40, size_measure_id: 17,
  }],
  fee_installment_mode: 'NA',
};
buildPeriodInquiry(period);
const renewal: RenewalInquiryInput = { resource_ids: ['r'], period_type: 3, period_num: 1, include_relative_resources: true };
buildRenewalInquiry(renewal);
buildRenewalInquiry('{"resource_ids": ["r"], "period_type": 2, "period_num": 1}');

const kind: InquiryKind = 'renewal';
const violations: Violation[] = validateInquiry(kind, renewal);
const firstRule: 'json' | 'type' | 'required' | 'unknown_field' | 'blank' | 'max_length' | 'whole_number' | 'range'
  | 'one_of' | 'decimal' | 'count' | 'unique' | 'together' | 'catalogue' | 'truncated' | undefined = violations[0]?.rule;

try {
  buildRenewalInquiry(renewal);
} catch (e) {
  if (isInquiryValidationError(e)) {
    const paths: string[] = e.violations.map((v) => v.path);
    const code: 'INVALID_INQUIRY' = e.code;
    void paths, code;
  }
}
void init, body, method, firstRule;

const signed: SignedRequest = signRequest({ method: 'POST', url: 'https://h/x', ak: 'a', sk: 's', headers: { 'X-Sdk-Date': '20240102T030405Z' } });
const authorization: string | undefined = signed.headers['Authorization'];
void authorization;
// @ts-expect-error ak and sk are required
signRequest({ method: 'POST', url: 'https://h/x' });

// @ts-expect-error period_type 1 is not a subscribe-rate period
const badPeriod: PeriodInquiryInput = { project_id: 'p', product_infos: [{ ...period.product_infos[0], period_type: 1 }] };
// @ts-expect-error renewals are monthly (2) or yearly (3)
const badRenewal: RenewalInquiryInput = { resource_ids: ['r'], period_type: 0, period_num: 1 };
// @ts-expect-error usage_value is a number or a decimal string
const badUsage: OnDemandInquiryInput = { ...onDemand, product_infos: [{ ...onDemand.product_infos[0], usage_value: true }] };
// @ts-expect-error the kind is one of three strings
validateInquiry('weekly', renewal);
// @ts-expect-error inquiry_precision is 0 or 1
const badPrecision: OnDemandInquiryInput = { ...onDemand, inquiry_precision: 2 };
void badPeriod, badRenewal, badUsage, badPrecision;

// The rating client.
const client = new PriceClient({ endpoint: 'intl', auth: { token: 't' }, language: 'zh_CN', timeoutMs: 5000,
  retry: { maxAttempts: 2 }, concurrency: 2 });
new PriceClient({ endpoint: '/api/hwc', site: 'cn' });
new PriceClient({ endpoint: 'https://proxy.example/hwc', auth: { ak: 'a', sk: 's', domainId: 'd' } });
// @ts-expect-error: language codes are en_US or zh_CN
new PriceClient({ language: 'en' });
// @ts-expect-error: a token is a string
new PriceClient({ auth: { token: 1 } });
const summary: PriceClientSummary = client.toJSON();
const authKind: 'none' | 'token' | 'access-key' = summary.auth;
async function priceAll(signal: AbortSignal): Promise<string | null> {
  const quote: Quote = await client.priceOnDemand(onDemand, { onProgress: (done: number, total: number) => void (done + total), signal });
  await client.pricePeriod(period);
  await client.priceRenewal(renewal, {});
  // @ts-expect-error: onProgress takes numbers
  await client.priceRenewal(renewal, { onProgress: (done: string) => done });
  const answer = quote.response as OnDemandRatingResponse;
  const amount: string | null = answer.product_rating_results[0]?.discount_rating_results[0]?.amount ?? null;
  const currency: string = quote.currency;
  const requests: number = quote.requests + quote.attempts;
  const ids: string[] = quote.requestIds;
  void [currency, requests, ids, authKind];
  return amount;
}
function explain(error: PriceApiError | PriceClientError): string {
  if (error.name === 'PriceApiError') {
    const failed: string[] = error.failedItems;
    const status: number | null = error.status;
    const partial = error.partial?.response as RenewalRatingResponse | undefined;
    const failures: (string | null)[] = partial?.fail_resource_infos.map((f) => f.error_code) ?? [];
    return `${error.code} ${status} ${failed.length} ${failures.length} ${error.requestId ?? ''} ${error.attempts}`;
  }
  return error.violations.map((v) => v.path).join();
}
void [priceAll, explain];

// Breakdowns.
const saved: Quote = quoteFromResponse('renewal', '{}', { site: 'cn', language: 'en_US', inquiry: renewal });
// @ts-expect-error: the kind is one of three
quoteFromResponse('monthly', '{}');
const breakdown: Breakdown = saved.breakdown({ language: 'zh_CN', projections: true, hoursPerMonth: '720' });
const finalTotal: string | null = breakdown.totals.final;
const best: boolean | undefined = breakdown.options[0]?.bestOffer;
const warning: 'lines_do_not_add_up' | 'currency_defaulted' | 'list_price_only' | 'no_price' | 'discounts_do_not_add_up'
  | 'partial_option' | 'answer_error' | 'repeated_line' | 'unasked_line' | undefined = breakdown.warnings[0]?.code;
const doc: BreakdownDocument = saved.toJSON();
const version: 2 = doc.version;
const outputs: string[] = [saved.toText(), saved.toHtml({ language: 'en_US' }), saved.toCsv()];
// @ts-expect-error: projections is a boolean
saved.breakdown({ projections: 'yes' });
void [finalTotal, best, warning, version, outputs];

// Types that narrow, without casts.
async function narrowed(): Promise<void> {
  const bare = new PriceClient();
  const onDemandQuote = await bare.priceOnDemand(onDemand);
  const kindOnDemand: 'on-demand' = onDemandQuote.kind;
  const lines: number = onDemandQuote.response.product_rating_results.length;
  const periodQuote = await bare.pricePeriod(period);
  // @ts-expect-error: a yearly/monthly answer has no product_rating_results at its top
  void periodQuote.response.product_rating_results;
  const renewalQuote = await bare.priceRenewal(renewal);
  const failed: number = renewalQuote.response.fail_resource_infos.length;
  const fromSaved = quoteFromResponse('period', '{}');
  const listPrice: string | null | undefined = fromSaved.response.official_website_rating_result?.official_website_amount;
  void [kindOnDemand, lines, failed, listPrice];
}
function listOf(quote: AnyQuote): string {
  switch (quote.kind) {
    case 'on-demand': return quote.response.amount ?? '';
    case 'period': return quote.response.official_website_rating_result?.official_website_amount ?? '';
    case 'renewal': return String(quote.response.renew_inquiry_results.length);
  }
}
// A product kept in a variable keeps its literal codes with `satisfies`.
const yearly = { id: 'y', cloud_service_type: 's', resource_type: 't', resource_spec: 'u', region: 'r',
  period_type: 3, period_num: 1, subscription_num: 1 } satisfies PeriodProductInput;
buildPeriodInquiry({ project_id: 'p', product_infos: [yearly] });
// @ts-expect-error: the renewal kind takes a renewal inquiry
validateInquiry('renewal', onDemand);
validateInquiry('on-demand', onDemand);
validateInquiry('period', '{"project_id": "p"}');

// Checked against a catalogue: a Catalogue instance, on every reader of inquiries.
async function checkedAgainst(catalogue: Catalogue): Promise<Violation['rule'][]> {
  buildOnDemandInquiry(onDemand, { catalogue, language: 'zh_CN' });
  buildPeriodInquiry(period, { catalogue: null });
  await client.priceOnDemand(onDemand, { catalogue });
  // @ts-expect-error: a catalogue document is not a Catalogue
  validateInquiry('on-demand', onDemand, { catalogue: catalogue.toJSON() });
  const rule: 'catalogue' | undefined = validateInquiry('on-demand', onDemand, { catalogue, batch: true })
    .map((v) => v.rule)
    .find((r): r is 'catalogue' => r === 'catalogue');
  return rule === undefined ? [] : [rule];
}
void checkedAgainst;

// Billing modes compared: the input typed, the document's cells narrowed by `priced`.
async function compared(catalogue: Catalogue): Promise<(string | null)[]> {
  const input: ComparisonInput = {
    project_id: 'p',
    products: [{ id: 'vm', cloud_service_type: 's', resource_type: 'r', resource_spec: 'x', region: 'y', subscription_num: 1 }],
    hoursPerMonth: '176',
    periods: [{ period_type: 2, period_num: 3 }],
  };
  // @ts-expect-error: period_type 1 is not a subscribe-rate period
  const wrong: ComparisonInput = { ...input, periods: [{ period_type: 1, period_num: 1 }] };
  void wrong;
  const comparison: Comparison = await client.compareBillingModes(input, { catalogue, signal: AbortSignal.timeout(1000) });
  const doc: ComparisonDocument = comparison.toJSON();
  const first = doc.products[0]?.cells[0];
  // @ts-expect-error: a cell that may have failed has no amounts until narrowed
  void first?.final;
  const said: (string | null)[] = first === undefined ? [] : [first.priced ? first.perMonth.final : first.code];
  const hours: string[] = doc.totals.cells.flatMap((c) => (c?.breakEven ? [c.breakEven.hoursPerMonth] : []));
  const rounded: ('list' | 'discount' | 'final')[] = doc.totals.cells[0]?.perMonth.rounded ?? [];
  // @ts-expect-error: only the three amounts are named
  const wrongName: 'saving'[] = doc.totals.cells[0]?.perMonth.rounded ?? [];
  void [rounded, wrongName];
  comparison.free();
  return [...said, ...hours, doc.format];
}
void compared;

// Error classes: `instanceof` narrows.
function describe(error: unknown): string {
  if (error instanceof InquiryValidationError) return error.violations.map((v) => v.path).join();
  if (error instanceof PriceApiError) return `${error.code} ${error.failedItems.length} ${error.partial?.kind ?? ''}`;
  if (error instanceof PriceClientError) return error.code;
  if (error instanceof SignRequestError) return error.code;
  if (isPriceApiError(error) || isPriceClientError(error) || isSignRequestError(error)) return error.name;
  return String(error);
}
void [narrowed, listOf, describe];
