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
import { COMMANDS, USAGE } from './cli-commands.mjs';

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
    throw new Stop(`cannot read --catalogue ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
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

/** Runs `call(client, { onProgress, catalogue? })` with the client of `values`, progress on stderr, and the
 *  `catalogue` (freed after): its result, or the partial result of a call that failed part-way (with `error`).
 *  Invalid input stops with 2, an API error with 1. */
async function send(values, call, catalogue = null) {
  const { onProgress, end } = progress(values.quiet);
  let c;
  try {
    c = client(values);
    return { result: await call(c, { onProgress, ...(catalogue ? { catalogue } : {}) }) };
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
    catalogue?.free();
  }
}

/** Prices `text` as `kind`: the quote, or the partial quote of a call that failed part-way (with `error`). */
async function priceText(values, kind, text, catalogue = null) {
  const { result: quote, error } = await send(values, (c, options) => c[PRICE[kind]](text, options), catalogue);
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
  const catalogue = await catalogueFile(values.catalogue);
  const text = await input(positionals[0]);
  const { result: comparison, error } = await send(values, (c, options) => c.compareBillingModes(text, options), catalogue);
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
