#!/usr/bin/env node
// hwc-price from a terminal or a CI job: validate, price and diff inquiries, compare billing modes, and serve
// the sandbox. Node's standard library and the package's own exports only: every rule, price, rendering,
// comparison and budget check is the package's (the exact decimals are in its core); this file reads
// arguments, files and the environment, and chooses what to print and the exit code.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import {
  PriceClient, Catalogue, validateInquiry, diffBreakdowns,
  isInquiryValidationError, isPriceApiError, isPriceClientError,
} from './node.mjs';

const EXIT = { OK: 0, API: 1, INVALID: 2, PARTIAL: 3, OVER_BUDGET: 4 };
const KINDS = ['on-demand', 'period', 'renewal'];
const FORMATS = ['text', 'csv', 'json', 'html', 'markdown'];
const DIFF_FORMATS = ['text', 'markdown', 'json'];
const COMPARE_FORMATS = ['text', 'csv', 'json', 'html'];
const LANGUAGES = ['en_US', 'zh_CN'];

/** An expected failure: one plain message on stderr, no stack trace, and this exit code. */
class Stop extends Error {
  constructor(message, exitCode = EXIT.INVALID) {
    super(message);
    this.exitCode = exitCode;
  }
}

const color = process.stderr.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const say = (line) => process.stderr.write(`${line}\n`);

/** Optimal string alignment distance, for "did you mean" on commands and flags. */
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
const closest = (word, known) => {
  const [best] = known.map((k) => [k, distance(word, k)]).sort((x, y) => x[1] - y[1]);
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : null;
};
const didYouMean = (word, known) => {
  const near = closest(word, known);
  return near ? ` (did you mean ${near}?)` : '';
};

const COMMON = {
  language: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const PRICING = {
  endpoint: { type: 'string' },
  'timeout-ms': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

const COMMANDS = {
  validate: {
    options: { ...COMMON, json: { type: 'boolean' }, catalogue: { type: 'string' } },
    help: `Usage: hwc-price validate <on-demand|period|renewal> [FILE|-] [--json] [--language en_US|zh_CN] [--catalogue FILE]

Checks a request body (the API's own JSON, as many products or resource ids as the price command takes) from
FILE, or from standard input when FILE is - or absent, against every documented rule. Prints each violation
as "path: message", one a line (or a JSON array with --json). With --catalogue, a saved catalogue document
(the JSON of the package's Catalogue.toJSON()), each product is also checked against it: service and resource
types, usage factors and units (rule "catalogue").

Exit codes: 0 valid, 2 invalid (or unreadable).

Examples:
  hwc-price validate on-demand estimate.json
  cat estimate.json | hwc-price validate on-demand --json
  hwc-price validate period estimate.json --catalogue catalogue.json
  echo '{"resource_ids": [], "period_type": 2, "period_num": 1}' | hwc-price validate renewal --language zh_CN`,
  },
  price: {
    options: { ...COMMON, ...PRICING, format: { type: 'string', short: 'f' }, 'fail-above': { type: 'string' }, projections: { type: 'boolean' },
      catalogue: { type: 'string' } },
    help: `Usage: hwc-price price <on-demand|period|renewal> [FILE|-] [options]

Prices a request body from FILE (or standard input) and prints its breakdown on standard output.

Options:
  --format, -f FORMAT     text (default), csv, json (the breakdown document, which keeps the inquiry for
                          "diff --reprice"), html or markdown (for a pull-request comment)
  --endpoint WHERE        intl (default), cn, or a base URL such as http://127.0.0.1:8787 (the sandbox);
                          HWC_ENDPOINT sets it too
  --language LANG         en_US or zh_CN (default: the site's)
  --fail-above AMOUNT     exit with 4 when the final total is above AMOUNT (an exact decimal, e.g. 1500.00)
  --projections           pay-per-use costs projected per hour, month and year
  --catalogue FILE        check each product against a saved catalogue (Catalogue.toJSON()) before anything is
                          sent, and name units by it
  --timeout-ms MS         longest wait for one answer (default 30000)
  --quiet, -q             no progress on standard error

Credentials come from the environment only, never from arguments, and are never printed:
  HWC_AK and HWC_SK (and HWC_DOMAIN_ID) to sign requests, or HWC_TOKEN for X-Auth-Token.
Progress goes to standard error: a bar on a terminal, a line per request otherwise (batches of more than one
request only).

Exit codes: 0 priced, 1 API or network error, 2 invalid input, 3 partly priced (what was priced is printed),
4 over budget (--fail-above).

Examples:
  hwc-price sandbox &
  hwc-price price period estimate.json --endpoint http://127.0.0.1:8787
  hwc-price price on-demand estimate.json --endpoint http://127.0.0.1:8787 --format markdown > comment.md
  hwc-price price period estimate.json --endpoint http://127.0.0.1:8787 --format json > before.json
  HWC_AK=… HWC_SK=… hwc-price price period estimate.json --fail-above 1500`,
  },
  compare: {
    options: { ...COMMON, ...PRICING, format: { type: 'string', short: 'f' } },
    help: `Usage: hwc-price compare [FILE|-] [options]

Prices the same products pay-per-use and subscribed (a month and a year unless "periods" says otherwise), all
requests at once, and prints them side by side: per product and in total, each mode's price for its whole period
and per month, the saving against pay-per-use, the cheapest mode, and the break-even, the hours of use a month
above which a subscription costs less than paying per use. FILE (or standard input) is the JSON input of
client.compareBillingModes:
  { "project_id": "…", "products": [{ "id", "cloud_service_type", "resource_type", "resource_spec", "region",
    "subscription_num", and "available_zone", "resource_size", "size_measure_id", "usage_factor" if needed }],
    "hoursPerMonth": 730, "periods": [{ "period_type": 2, "period_num": 1 }, …], "inquiry_precision": 0 }
(the last three optional).

Options:
  --format, -f FORMAT     text (default), csv, json (the comparison document) or html
  --endpoint WHERE        intl (default), cn, or a base URL such as http://127.0.0.1:8787 (the sandbox);
                          HWC_ENDPOINT sets it too
  --language LANG         en_US or zh_CN (default: the site's)
  --timeout-ms MS         longest wait for one answer (default 30000)
  --quiet, -q             no progress on standard error

Credentials and progress as for the price command: HWC_AK and HWC_SK (and HWC_DOMAIN_ID), or HWC_TOKEN, from
the environment only, never printed.

Exit codes: 0 compared, 1 API or network error, 2 invalid input, 3 partly compared (a product or a mode could
not be priced: the rest is printed, what failed is said on standard error).

Examples:
  hwc-price sandbox &
  echo '{"project_id": "p", "products": [{"id": "vm", "cloud_service_type": "hws.service.type.ec2",
    "resource_type": "hws.resource.type.vm", "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1",
    "subscription_num": 1}]}' | hwc-price compare --endpoint http://127.0.0.1:8787
  hwc-price compare products.json --endpoint http://127.0.0.1:8787 --format csv > modes.csv`,
  },
  diff: {
    options: { ...COMMON, ...PRICING, format: { type: 'string', short: 'f' }, reprice: { type: 'boolean' } },
    help: `Usage: hwc-price diff OLD NEW [--format text|markdown|json]
       hwc-price diff --reprice OLD [--endpoint WHERE] [--format …]

Compares two saved breakdown documents (written by "hwc-price price … --format json" or quote.toJSON()):
lines added, removed and changed, matched by id, with the change of each final price and of the total in
money and percent, exact. With --reprice, prices the inquiry that OLD was made from again (with the
credentials and endpoint of the price command) and compares the new prices with OLD. One of OLD and NEW may be
- for standard input.

Exit codes: 0 compared, 1 API or network error (--reprice), 2 unreadable or incomparable documents, 3 partly
priced (--reprice).

Examples:
  hwc-price diff before.json after.json
  hwc-price diff before.json after.json --format markdown > comment.md
  hwc-price diff --reprice before.json --endpoint http://127.0.0.1:8787`,
  },
  sandbox: {
    options: { help: COMMON.help, port: { type: 'string', short: 'p' }, currency: { type: 'string' } },
    help: `Usage: hwc-price sandbox [--port N] [--currency USD|CNY]

Starts the sandbox rating service shipped in this package on http://127.0.0.1:8787 (or --port N; 0 picks a
free port). It answers the three rating APIs with SAMPLE prices, never Huawei Cloud's, listens on loopback
only, and needs no account or credentials. Stop it with Ctrl-C.

Examples:
  hwc-price sandbox
  hwc-price sandbox --port 0 --currency CNY`,
  },
};

const USAGE = `Usage: hwc-price <command> [options]

Commands:
  validate <kind> [FILE|-]   check a request body against every documented rule (exit 0 valid, 2 invalid)
  price <kind> [FILE|-]      price it and print the breakdown: text, csv, json, html or markdown
  compare [FILE|-]           pay-per-use, monthly and yearly side by side, with the break-even hours a month
  diff OLD NEW               compare two saved breakdowns; diff --reprice OLD prices OLD's inquiry again
  sandbox [--port N]         the local rating service with sample prices, on 127.0.0.1
  help [command]             this text, or a command's

<kind> is on-demand, period or renewal. "hwc-price <command> --help" shows a command's options and examples.
Exit codes: 0 done, 1 API or network error, 2 invalid input, 3 partly priced or compared, 4 over budget.
Set NO_COLOR to turn colour off.

Example, with no account:
  hwc-price sandbox &
  hwc-price validate on-demand estimate.json
  hwc-price price on-demand estimate.json --endpoint http://127.0.0.1:8787`;

/** The arguments of `command`, with unknown flags refused by name and a near one suggested. */
function parse(command, args) {
  const { options } = COMMANDS[command];
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.keys(options).map((o) => `--${o}`);
      throw new Stop(`unknown option ${flag} for "${command}"${didYouMean(flag, known)} (see hwc-price ${command} --help)`);
    }
    if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new Stop(`${flag} ${options[flag.replace(/^-+/, '')]?.type === 'boolean' ? 'takes no value' : 'needs a value'} (see hwc-price ${command} --help)`);
    }
    throw new Stop(`${error.message} (see hwc-price ${command} --help)`);
  }
}

function oneOf(name, value, allowed, fallback) {
  if (value === undefined) return fallback;
  if (allowed.includes(value)) return value;
  throw new Stop(`--${name} must be ${allowed.join(', ')}; got ${JSON.stringify(value)}${didYouMean(value, allowed)}`);
}

function kindOf(command, value) {
  if (value === undefined) throw new Stop(`"${command}" needs the kind of inquiry: ${KINDS.join(', ')} (see hwc-price ${command} --help)`);
  if (!KINDS.includes(value)) throw new Stop(`unknown kind ${JSON.stringify(value)}: use ${KINDS.join(', ')}${didYouMean(value, KINDS)}`);
  return value;
}

/** The text of FILE, or of standard input for "-" or no FILE (refused when standard input is a terminal). */
async function input(file) {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new Stop('give a FILE, or pipe the request body into standard input');
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Stop(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
  }
}

/** The Catalogue saved in `file` (Catalogue.toJSON()), or null without the flag. */
async function catalogueFile(file) {
  if (file === undefined) return null;
  try {
    return Catalogue.fromJSON(await readFile(file, 'utf8'));
  } catch (error) {
    if (isPriceClientError(error)) throw new Stop(`--catalogue ${file}: ${error.message}`, EXIT.INVALID);
    throw new Stop(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
  }
}

function extra(command, positionals, max) {
  if (positionals.length > max) throw new Stop(`"${command}" takes at most ${max} argument${max === 1 ? '' : 's'}; unexpected ${JSON.stringify(positionals[max])}`);
}

async function validate(args) {
  const { values, positionals } = parse('validate', args);
  extra('validate', positionals, 2);
  const kind = kindOf('validate', positionals[0]);
  const language = oneOf('language', values.language, LANGUAGES, 'en_US');
  const catalogue = await catalogueFile(values.catalogue);
  const text = await input(positionals[1]);
  const violations = validateInquiry(kind, text, { batch: true, language, ...(catalogue ? { catalogue } : {}) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(violations, null, 2)}\n`);
  } else {
    for (const v of violations) process.stdout.write(`${v.path ? `${v.path}: ` : ''}${v.message}\n`);
  }
  if (violations.length > 0) {
    if (!values.json) say(paint('31', `invalid: ${violations.length} problem${violations.length === 1 ? '' : 's'}`));
    return EXIT.INVALID;
  }
  if (!values.json) say('valid');
  return EXIT.OK;
}

/** The client of the price, compare and diff --reprice commands: endpoint from the flag or HWC_ENDPOINT,
 *  credentials from the environment only. Never prints a credential. */
function client(values) {
  const { HWC_AK: ak, HWC_SK: sk, HWC_DOMAIN_ID: domainId, HWC_TOKEN: token, HWC_ENDPOINT } = process.env;
  if (Boolean(ak) !== Boolean(sk)) throw new Stop(`${ak ? 'HWC_AK is set but HWC_SK is not' : 'HWC_SK is set but HWC_AK is not'}: set both to sign requests, or HWC_TOKEN`);
  if (ak && token) throw new Stop('both HWC_AK/HWC_SK and HWC_TOKEN are set: keep one');
  const options = { endpoint: values.endpoint ?? HWC_ENDPOINT ?? 'intl' };
  if (ak) options.auth = { ak, sk, ...(domainId ? { domainId } : {}) };
  else if (token) options.auth = { token };
  if (values.language !== undefined) options.language = oneOf('language', values.language, LANGUAGES);
  if (values['timeout-ms'] !== undefined) {
    const ms = /^\d+$/.test(values['timeout-ms']) ? Number(values['timeout-ms']) : NaN;
    if (!Number.isSafeInteger(ms)) throw new Stop(`--timeout-ms must be a whole number of milliseconds; got ${JSON.stringify(values['timeout-ms'])}`);
    options.timeoutMs = ms;
  }
  return new PriceClient(options);
}

/** Progress of a batch on stderr: a bar redrawn in place on a terminal, a plain line per request otherwise;
 *  nothing for a single request or with --quiet. */
function progress(quiet) {
  let drawn = false;
  const onProgress = (done, total) => {
    if (quiet || total < 2) return;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const bar = paint('32', '#'.repeat(filled)) + '.'.repeat(width - filled);
      process.stderr.write(`\r[${bar}] ${done}/${total} requests`);
      drawn = true;
    } else {
      say(`priced request ${done} of ${total}`);
    }
  };
  const end = () => {
    if (drawn) process.stderr.write('\n');
    drawn = false;
  };
  return { onProgress, end };
}

const PRICE = { 'on-demand': 'priceOnDemand', period: 'pricePeriod', renewal: 'priceRenewal' };

/** Runs `call(client, { onProgress })` with the client of `values` and progress on stderr: its result, or the
 *  partial result of a call that failed part-way (with `error`). Invalid input stops with 2, an API error with 1. */
async function send(values, call) {
  const { onProgress, end } = progress(values.quiet);
  let c;
  try {
    c = client(values);
    return { result: await call(c, { onProgress }) };
  } catch (error) {
    end();
    if (isInquiryValidationError(error) || isPriceClientError(error)) throw new Stop(error.message, EXIT.INVALID);
    if (isPriceApiError(error)) {
      if (error.partial) return { result: error.partial, error };
      throw new Stop(`${error.code}: ${error.message}`, EXIT.API);
    }
    throw error;
  } finally {
    end();
    c?.free();
  }
}

/** Prices `text` as `kind`: the quote, or the partial quote of a call that failed part-way (with `error`). */
async function priceText(values, kind, text, catalogue = null) {
  const { result: quote, error } = await send(values, (c, options) => c[PRICE[kind]](text, { ...options, ...(catalogue ? { catalogue } : {}) }));
  return { quote, error };
}

/** A quote (or a comparison: no markdown, no options) in `format`. */
function render(quote, format, options) {
  switch (format) {
    case 'csv': return quote.toCsv(options);
    case 'json': return `${JSON.stringify(quote, null, 2)}\n`;
    case 'html': return quote.toHtml(options);
    case 'markdown': return quote.toMarkdown(options);
    default: return quote.toText(options);
  }
}

async function price(args) {
  const { values, positionals } = parse('price', args);
  extra('price', positionals, 2);
  const kind = kindOf('price', positionals[0]);
  const format = oneOf('format', values.format, FORMATS, 'text');
  if (values.language !== undefined) oneOf('language', values.language, LANGUAGES);
  const catalogue = await catalogueFile(values.catalogue);
  const text = await input(positionals[1]);
  const { quote, error } = await priceText(values, kind, text, catalogue);
  try {
    const options = { ...(values.language ? { language: values.language } : {}), ...(values.projections ? { projections: true } : {}) };
    const budget = values['fail-above'] === undefined ? null : checkBudget(quote, values['fail-above']);
    process.stdout.write(render(quote, format, options));
    if (error) say(paint('31', `partly priced: ${error.code}: ${error.message}`));
    const failures = quote.breakdown().failures.length;
    if (budget?.over) {
      say(paint('31', `over budget: the final total ${budget.total} ${quote.currency} is above ${budget.budget} by ${budget.excess} (${budget.excessPercent ?? '–'}%)`));
      return EXIT.OVER_BUDGET;
    }
    if (budget && budget.total === null) say('the answer gives no final total to compare with --fail-above');
    if (error || failures > 0) {
      if (!error) say(paint('31', `partly priced: ${failures} item${failures === 1 ? '' : 's'} not priced`));
      return EXIT.PARTIAL;
    }
    return EXIT.OK;
  } finally {
    quote.free();
  }
}

async function compare(args) {
  const { values, positionals } = parse('compare', args);
  extra('compare', positionals, 1);
  const format = oneOf('format', values.format, COMPARE_FORMATS, 'text');
  if (values.language !== undefined) oneOf('language', values.language, LANGUAGES);
  const text = await input(positionals[0]);
  const { result: comparison, error } = await send(values, (c, options) => c.compareBillingModes(text, options));
  if (error) { // a comparison is whole or refused: a partial quote of one of its calls is not printed
    comparison.free();
    throw new Stop(`${error.code}: ${error.message}`, EXIT.API);
  }
  try {
    const { modes, totals } = comparison.breakdown();
    process.stdout.write(render(comparison, format));
    for (const { name, failure } of modes) if (failure) say(paint('31', `not compared: ${name}: ${failure.code}: ${failure.message}`));
    if (totals.leftOut.length > 0) {
      say(paint('31', `partly compared: not priced in every mode, so left out of the totals: ${totals.leftOut.join(', ')}`));
    }
    return modes.some((m) => m.failure) || totals.leftOut.length > 0 ? EXIT.PARTIAL : EXIT.OK;
  } finally {
    comparison.free();
  }
}

function checkBudget(quote, amount) {
  try {
    return quote.checkBudget(amount);
  } catch (error) {
    if (isPriceClientError(error)) throw new Stop(`--fail-above ${error.violations[0]?.message ?? error.message}`);
    throw error;
  }
}

/** The JSON text and the parsed members `kind` and `inquiry` of a saved document, for --reprice. */
function savedInquiry(file, text) {
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Stop(`${file} is not JSON: give a breakdown document written by "hwc-price price … --format json"`);
  }
  if (typeof document?.inquiry !== 'string' || !KINDS.includes(document.kind)) {
    throw new Stop(`${file} does not say which inquiry it priced: --reprice needs a document written by "hwc-price price … --format json" (or quote.toJSON() of a quote from PriceClient)`);
  }
  return { kind: document.kind, inquiry: document.inquiry };
}

async function diff(args) {
  const { values, positionals } = parse('diff', args);
  const format = oneOf('format', values.format, DIFF_FORMATS, 'text');
  const language = oneOf('language', values.language, LANGUAGES, 'en_US');
  if (positionals.filter((p) => p === '-').length > 1) throw new Stop('only one of OLD and NEW can be standard input (-)');
  let oldText;
  let newText;
  let status = EXIT.OK;
  if (values.reprice) {
    extra('diff --reprice', positionals, 1);
    if (positionals.length < 1) throw new Stop('"diff --reprice" needs OLD, a saved breakdown document');
    oldText = await input(positionals[0]);
    const { kind, inquiry } = savedInquiry(positionals[0], oldText);
    const { quote, error } = await priceText(values, kind, inquiry);
    if (error) {
      say(paint('31', `partly priced: ${error.code}: ${error.message}`));
      status = EXIT.PARTIAL;
    }
    newText = JSON.stringify(quote);
    quote.free();
  } else {
    extra('diff', positionals, 2);
    if (positionals.length < 2) throw new Stop('"diff" needs OLD and NEW, two saved breakdown documents (or --reprice OLD)');
    oldText = await input(positionals[0]);
    newText = await input(positionals[1]);
  }
  let d;
  try {
    d = diffBreakdowns(oldText, newText, { language });
  } catch (error) {
    if (isPriceClientError(error)) throw new Stop(error.message, EXIT.INVALID);
    throw error;
  }
  try {
    const out = format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : format === 'markdown' ? d.toMarkdown() : d.toText();
    process.stdout.write(out);
  } finally {
    d.free();
  }
  return status;
}

async function sandbox(args) {
  const { values, positionals } = parse('sandbox', args);
  extra('sandbox', positionals, 0);
  const { createSandbox } = await import('./sandbox/server.mjs');
  const { listenOrExplain, parsePort } = await import('./sandbox/start.mjs');
  const currency = oneOf('currency', values.currency, ['USD', 'CNY'], 'USD');
  const given = values.port ?? '8787';
  const server = createSandbox({ currency });
  const url = await listenOrExplain(server.listen, parsePort(given), { name: 'hwc-price sandbox', given, how: 'hwc-price sandbox --port <port>' });
  process.stdout.write(`hwc-price sandbox: ${url} (SAMPLE prices, not Huawei Cloud prices; no credentials needed)\nStop with Ctrl-C.\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise(() => {}); // serves until stopped
}

const RUN = { validate, price, compare, diff, sandbox };

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT.INVALID : EXIT.OK;
  }
  if (command === '--version' || command === '-v') {
    const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${version}\n`);
    return EXIT.OK;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !COMMANDS[topic]) throw new Stop(`unknown command ${JSON.stringify(topic)}${didYouMean(topic, Object.keys(COMMANDS))}`);
    process.stdout.write(`${topic ? COMMANDS[topic].help : USAGE}\n`);
    return EXIT.OK;
  }
  if (!COMMANDS[command]) {
    const hint = command.startsWith('-') ? ' (options come after the command)' : didYouMean(command, Object.keys(COMMANDS));
    throw new Stop(`unknown command ${JSON.stringify(command)}${hint}; commands: ${Object.keys(COMMANDS).join(', ')} (see hwc-price --help)`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${COMMANDS[command].help}\n`);
    return EXIT.OK;
  }
  return RUN[command](rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof Stop) {
      say(`${paint('31', 'error:')} ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      // Not expected: a bug here or in the package. Say it plainly, with its stack for a report.
      say(`${paint('31', 'internal error:')} ${error?.stack ?? error}`);
      process.exitCode = 70;
    }
  },
);
