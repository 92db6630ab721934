// The hwc-price sandbox: a local stand-in for Huawei Cloud's three BSS rating APIs, speaking the same HTTP
// contract, pricing from a small table of SAMPLE prices (sandbox/prices.json) — never real ones — and for the
// six product-information look-ups, answered from sandbox/catalogue.json (sandbox/catalogue.mjs). Node's
// standard library only. It checks tokens and AK/SK signatures, enforces the per-second quotas, and can be
// told to inject faults. It listens on loopback only and sends no CORS headers: pages reach it through a
// same-origin server (the demo server), never directly; only a test run may name the one origin of its test
// page (--cors-origin), which it then serves as its own. Its control endpoints (/__sandbox/…: the request log,
// the fault queue) answer only requests addressed to it by its own name (Host 127.0.0.1:<port> or
// localhost:<port>), with no Origin or its own, and take POST bodies as Content-Type application/json: Node
// clients use them; no web page can.
//
//   node sandbox/server.mjs [--port N] [--currency USD|CNY] [--token T] [--ak AK] [--cors-origin ORIGIN]
//   (SK from HWC_SANDBOX_SK)
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expectedSignature } from './signature.mjs';
import { dec, add, sub, mul, cmp, sum, round, text } from './decimal.mjs';
import { listenOrExplain, parsePort } from './start.mjs';
import { LOOKUPS, LookupError, loadCatalogue, lookup } from './catalogue.mjs';

const PRICES = JSON.parse(readFileSync(new URL('./prices.json', import.meta.url), 'utf8'));
export const NOTICE = 'Sample prices from the hwc-price sandbox, not Huawei Cloud prices.';
const MAX_BODY = 1 << 20;

// On-demand and subscribe-rate answers carry amounts as JSON numbers (renew-rate as strings). JSON.stringify
// cannot write an exact decimal number from a string, so numeric amounts are marked and unmarked on output.
const NUMBER_MARK = '\u0000number:';
const num = (decimal) => NUMBER_MARK + text(decimal);
const toWire = (value) => JSON.stringify(value).replace(/"\\u0000number:(-?\d+(?:\.\d+)?)"/g, '$1');

const ROUTES = {
  '/v2/bills/ratings/on-demand-resources': { kind: 'on-demand', quota: 10 },
  '/v2/bills/ratings/period-resources/subscribe-rate': { kind: 'period', quota: 30 },
  '/v2/bills/ratings/period-resources/renew-rate': { kind: 'renewal', quota: 10 },
};
/** Calls per second of each API (§3.3): the rating APIs' own, 10 for each of the six look-ups. */
const quotaOf = (path) => ROUTES[path]?.quota ?? 10;

/** The media type of a Content-Type header, lower case, without its parameters ('' when there is none). */
const mediaType = (header) => (header ?? '').split(';')[0].trim().toLowerCase();

/**
 * Why a request to a control endpoint (/__sandbox/…) is refused — [status, message] — or null when it may go
 * on: it must name this server in Host (a DNS-rebinding page cannot), carry no Origin or this server's own (a
 * cross-origin page cannot), and POST JSON (a form or a CORS-simple request cannot).
 */
function controlRefusal(req, corsOrigin) {
  const port = req.socket.localPort;
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return [403, 'The control endpoints answer only Host 127.0.0.1:<port> or localhost:<port>.'];
  }
  const origin = req.headers.origin?.toLowerCase();
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`
    && origin !== corsOrigin) {
    return [403, 'The control endpoints do not answer web pages of other origins.'];
  }
  if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
    return [415, 'The control endpoints take Content-Type: application/json.'];
  }
  return null;
}

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const parameterError = (message) => new ApiError(400, 'CBC.0100', `Parameter error: ${message}`);

function need(object, field, type, where) {
  const value = object?.[field];
  const ok = type === 'array' ? Array.isArray(value) : typeof value === type && value !== null;
  if (!ok) throw parameterError(`${where}${field} is required as a ${type}`);
  return value;
}

const key = (p) => `${p.cloud_service_type}|${p.resource_type}|${p.resource_spec}`;
const notFound = (p, where) =>
  new ApiError(400, 'CBC.99006006', `Product not found: no sample price for ${where.slice(0, -1)} (cloud_service_type, resource_type, resource_spec and region must match a product): ${key(p)} in ${p.region}`);

/** The hourly list price in USD of one unit of product `p`, with its product id (and its own `period_factor`, if any). */
function hourly(p, where) {
  const k = key(p);
  if (PRICES.hourly[k]) return { ...PRICES.hourly[k], per: [1n, 0] };
  if (PRICES.flat_hourly[k]) return { ...PRICES.flat_hourly[k], per: [1n, 0] };
  const linear = PRICES.hourly_per_unit[k];
  if (linear) {
    if (p.resource_size == null || p.size_measure_id == null) throw parameterError(`${where}resource_size and size_measure_id are required for ${p.resource_spec}`);
    if (p.size_measure_id !== linear.unit) throw new ApiError(400, 'CBC.99006050', `Incorrect usage measurement unit: ${where}size_measure_id ${p.size_measure_id}`);
    return { ...linear, per: dec(String(p.resource_size)) };
  }
  throw notFound(p, where);
}

/** The product list of an on-demand or subscribe-rate body: a project and 1 to 100 products. */
function productList(body) {
  need(body, 'project_id', 'string', '');
  const products = need(body, 'product_infos', 'array', '');
  if (products.length < 1 || products.length > 100) throw parameterError('product_infos must hold 1 to 100 products');
  return products;
}

function productBase(p, where) {
  for (const f of ['id', 'cloud_service_type', 'resource_type', 'resource_spec', 'region']) need(p, f, 'string', where);
  need(p, 'subscription_num', 'number', where);
}

export function createSandbox({ corsOrigin, currency = 'USD', token, ak, sk, discounts = ['commercial', 'partner'], showDiscounts = true, clock = Date.now, catalogue = loadCatalogue() } = {}) {
  const rate = dec(String(PRICES.currencies[currency] ?? 1));
  const faults = [];
  const requests = [];
  const sent = Object.fromEntries([...Object.keys(ROUTES), ...Object.keys(LOOKUPS)].map((p) => [p, []]));
  const offers = discounts.map((d) => PRICES.discounts[d]).filter(Boolean);
  const money = (usd, places) => text(round(mul(usd, rate), places));

  function checkAuth(req, url, body) {
    if (!token && !ak) return;
    const given = req.headers['x-auth-token'];
    if (token && given !== undefined) {
      if (given.startsWith('other-site-')) throw new ApiError(403, 'CBC.0156', 'The customer does not belong to the website.');
      if (given !== token) throw new ApiError(401, 'CBC.0154', 'Invalid or expired token.');
      return;
    }
    const auth = req.headers.authorization;
    if (ak && auth) {
      const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
      if (!m || m[1] !== ak) throw new ApiError(401, 'APIG.0301', 'Incorrect IAM authentication information: unknown access key or malformed Authorization.');
      const headers = {};
      for (const name of m[2].split(';')) {
        if (req.headers[name] === undefined) throw new ApiError(401, 'APIG.0301', `Incorrect IAM authentication information: signed header ${name} is missing.`);
        headers[name] = req.headers[name];
      }
      const expected = expectedSignature({ method: req.method, url: `http://${req.headers.host}${url}`, headers, body, sk });
      if (expected.signature !== m[3]) throw new ApiError(401, 'APIG.0301', 'Incorrect IAM authentication information: verify AK/SK signature fail.');
      return;
    }
    throw new ApiError(401, 'CBC.0154', 'Invalid or expired token.');
  }

  function throttle(path) {
    const now = clock();
    const window = sent[path].filter((t) => t > now - 1000);
    sent[path] = window;
    if (window.length >= quotaOf(path)) {
      throw Object.assign(new ApiError(429, 'APIG.0308', `The throttling threshold has been reached: policy user over ratelimit,limit:${quotaOf(path)},time:1 second`), { gateway: true });
    }
    window.push(now);
  }

  function onDemand(body) {
    const products = productList(body);
    const places = body.inquiry_precision === 1 ? 10 : 6;
    const commercial = offers.find((o) => o.discount_type === 605) ?? offers[0];
    const lines = products.map((p, i) => {
      const where = `product_infos[${i}].`;
      productBase(p, where);
      need(p, 'usage_factor', 'string', where);
      need(p, 'usage_measure_id', 'number', where);
      const usage = dec(String(need(p, 'usage_value', typeof p.usage_value === 'string' ? 'string' : 'number', where)));
      const traffic = PRICES.per_traffic_gb[key(p)];
      let unitPrice;
      let amountOf;
      if (traffic) {
        if (p.usage_factor.toLowerCase() !== 'upflow' || p.usage_measure_id !== 10) throw new ApiError(400, 'CBC.99006050', `Incorrect usage measurement unit: ${where}usage_factor/usage_measure_id`);
        unitPrice = { product_id: traffic.product_id };
        amountOf = mul(dec(traffic.usd), usage);
      } else {
        unitPrice = hourly(p, where);
        const hours = { 4: usage, 0: mul(usage, [24n, 0]) }[p.usage_measure_id];
        if (p.usage_factor.toLowerCase() !== 'duration' || !hours) throw new ApiError(400, 'CBC.99006050', `Incorrect usage measurement unit: ${where}usage_factor/usage_measure_id`);
        amountOf = mul(mul(dec(unitPrice.usd), unitPrice.per), hours);
      }
      const list = dec(money(mul(amountOf, dec(String(p.subscription_num))), places));
      const discount = commercial ? round(mul(list, dec(commercial.rate)), places) : [0n, 0];
      return {
        id: p.id,
        product_id: unitPrice.product_id,
        amount: sub(list, discount),
        discount_amount: discount,
        official_website_amount: list,
        measure_id: 1,
        discount_rating_results: commercial && showDiscounts
          ? [{ discount_id: commercial.discount_id, discount_type: commercial.discount_type, amount: num(discount), measure_id: 1, discount_name: commercial.discount_name }]
          : [],
      };
    });
    const total = (f) => num(sum(lines.map((l) => l[f])));
    return { amount: total('amount'), discount_amount: total('discount_amount'), official_website_amount: total('official_website_amount'),
      measure_id: 1, currency,
      product_rating_results: lines.map((l) => ({ ...l, amount: num(l.amount), discount_amount: num(l.discount_amount), official_website_amount: num(l.official_website_amount) })) };
  }

  function period(body) {
    const products = productList(body);
    const lines = products.map((p, i) => {
      const where = `product_infos[${i}].`;
      productBase(p, where);
      const type = String(need(p, 'period_type', 'number', where));
      const periods = need(p, 'period_num', 'number', where);
      if (!(type in PRICES.period_hours)) throw parameterError(`${where}period_type ${type} is not 0, 2, 3 or 4`);
      const unit = hourly(p, where);
      // A product not sold for this kind of period (see prices.json) is not found for it, as the service says.
      if (unit.not_sold?.[type]) {
        throw new ApiError(400, 'CBC.99006006', `Product not found: ${key(p)} is not sold for period_type ${type} (${where}period_type)`);
      }
      const hours = mul(dec(String(PRICES.period_hours[type])), dec(String(periods)));
      // The product's own factor for this period type when its entry gives one (see prices.json), else the table's.
      const factor = unit.period_factor?.[type] ?? PRICES.period_factor[type];
      const list = mul(mul(mul(mul(dec(unit.usd), unit.per), hours), dec(factor)), dec(String(p.subscription_num)));
      return { id: p.id, product_id: unit.product_id, list: dec(money(list, 2)) };
    });
    const listTotal = sum(lines.map((l) => l.list));
    const results = showDiscounts ? offers.map((o) => {
      const perLine = lines.map((l) => {
        const discount = round(mul(l.list, dec(o.rate)), 2);
        return { id: l.id, product_id: l.product_id, amount: num(sub(l.list, discount)), official_website_amount: num(l.list), discount_amount: num(discount), measure_id: 1, discount };
      });
      const discount = sum(perLine.map((l) => l.discount));
      return { discount_id: o.discount_id, amount: num(sub(listTotal, discount)), official_website_amount: num(listTotal),
        discount_amount: num(discount), measure_id: 1, discount_type: o.discount_type, discount_name: o.discount_name, best_offer: 0,
        product_rating_results: perLine.map(({ discount: _, ...line }) => line), discount };
    }) : [];
    markBest(results);
    return {
      official_website_rating_result: { official_website_amount: num(listTotal), measure_id: 1,
        product_rating_results: lines.map((l) => ({ id: l.id, product_id: l.product_id, official_website_amount: num(l.list), measure_id: 1 })) },
      optional_discount_rating_results: results,
      currency,
    };
  }

  /**
   * Marks the largest discount as the best offer (on a tie, a commercial discount wins over a partner one),
   * then drops the working `discount` value each result carried for the comparison.
   */
  function markBest(results) {
    let best;
    for (const r of results) {
      const order = best ? cmp(r.discount, best.discount) : 1;
      if (order > 0 || (order === 0 && r.discount_type !== 607 && best.discount_type === 607)) best = r;
    }
    if (best) best.best_offer = 1;
    for (const r of results) delete r.discount;
  }

  function renewal(body) {
    const ids = need(body, 'resource_ids', 'array', '');
    if (ids.length < 1 || ids.length > 10) throw parameterError('resource_ids must hold 1 to 10 ids');
    if (new Set(ids).size !== ids.length) throw new ApiError(400, 'CBC.30050012', 'There are duplicate resource IDs.');
    const type = need(body, 'period_type', 'number', '');
    const periods = need(body, 'period_num', 'number', '');
    if (![2, 3].includes(type) || periods < 1 || periods > (type === 2 ? 11 : 3)) throw parameterError('period_type/period_num');
    const months = dec(String(type === 3 ? periods * 12 : periods));
    const factor = dec(type === 3 ? '0.85' : '1');
    const priced = [];
    const failed = [];
    for (const id of ids) {
      if (typeof id !== 'string' || id === '') throw parameterError('resource_ids must be non-empty strings');
      if (id.startsWith('expired-')) {
        failed.push({ error_code: 'CBC.30050009', error_msg: 'The resources have expired and been deleted or do not exist.', resource_id: id });
        continue;
      }
      const pick = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % PRICES.renewal_monthly_usd.length;
      priced.push({ resource_id: id, list: dec(money(mul(mul(dec(PRICES.renewal_monthly_usd[pick]), months), factor), 2)) });
    }
    const listTotal = sum(priced.map((p) => p.list));
    const results = showDiscounts && priced.length ? offers.map((o) => {
      const discount = round(mul(listTotal, dec(o.rate)), 2);
      return { discount_id: o.discount_id, amount: text(sub(listTotal, discount)), official_website_amount: text(listTotal),
        discount_amount: text(discount), discount_type: o.discount_type, discount_name: o.discount_name, best_offer: 0, discount };
    }) : [];
    markBest(results);
    const answer = {
      currency,
      renew_inquiry_results: priced.map((p) => ({ resource_id: p.resource_id, amount: text(p.list) })),
      official_website_rating_result: { official_website_amount: text(listTotal) },
      optional_discount_rating_results: results,
      fail_resource_infos: failed,
    };
    if (!priced.length) Object.assign(answer, { error_code: failed[0].error_code, error_msg: failed[0].error_msg });
    return answer;
  }

  const handlers = { 'on-demand': onDemand, period, renewal };

  async function handle(req, res) {
    const requestId = randomUUID().replaceAll('-', '');
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    // No CORS headers (a page on another origin can neither read an answer nor pass a preflight), except for
    // the one origin a test run names.
    const headers = { 'x-request-id': requestId, 'x-sandbox-notice': 'sample prices' };
    const allowed = corsOrigin !== undefined && req.headers.origin?.toLowerCase() === corsOrigin;
    if (allowed) {
      Object.assign(headers, { 'access-control-allow-origin': corsOrigin, vary: 'Origin',
        'access-control-expose-headers': 'X-Request-Id, Retry-After, X-Sandbox-Notice' });
    }
    let entry = {};
    const reply = (status, body, extra = {}) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers, ...extra });
      res.end(typeof body === 'string' ? body : toWire(body));
    };
    if (allowed && req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'access-control-allow-methods': 'POST, GET',
        'access-control-allow-headers': 'Content-Type, X-Auth-Token, X-Sdk-Date, Authorization, X-Domain-Id, X-Language',
        'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
      const refusal = controlRefusal(req, allowed ? corsOrigin : undefined);
      if (refusal) {
        reply(refusal[0], { error_code: `SANDBOX.${refusal[0]}`, error_msg: refusal[1] });
        return;
      }
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) {
        reply(413, { error_code: 'CBC.0100', error_msg: 'Parameter error: request body too large' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    if (path === '/__sandbox/faults' && req.method === 'POST') {
      faults.push(...JSON.parse(raw || '[]'));
      reply(200, { queued: faults.length });
      return;
    }
    if (path === '/__sandbox/requests' && req.method === 'GET') {
      reply(200, requests);
      return;
    }
    // A path prefix (a proxy's mount point) is allowed before the API path.
    const lookupPath = req.method === 'GET' ? Object.keys(LOOKUPS).find((r) => path.endsWith(r)) : undefined;
    const routePath = lookupPath ?? Object.keys(ROUTES).find((r) => path.endsWith(r));
    const route = ROUTES[routePath];
    if (!lookupPath && (!route || req.method !== 'POST')) {
      reply(404, { error_code: 'APIG.0101', error_msg: `The API does not exist or has not been published: ${req.method} ${path}` });
      return;
    }
    requests.push(entry = { method: req.method, path, at: clock(), body: raw, headers: { ...req.headers, authorization: req.headers.authorization ? '(signed)' : undefined, 'x-auth-token': req.headers['x-auth-token'] ? '(token)' : undefined } });
    const fault = faults.shift();
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.drop) {
      entry.status = 'dropped';
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      const extra = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      if (fault.html) {
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'text/html', ...headers, ...extra });
        res.end(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`);
      } else if (fault.status === 429) {
        reply(429, { status_code: 429, request_id: requestId, error_code: 'APIG.0308', error_message: 'The throttling threshold has been reached: injected by the sandbox', encoded_authorization_message: '' }, extra);
      } else {
        reply(fault.status, { error_code: fault.code ?? 'CBC.0999', error_msg: `Other errors (injected by the sandbox, HTTP ${fault.status}).` }, extra);
      }
      return;
    }
    try {
      // An account without the permission to read the catalogue (a token the sandbox was told to refuse).
      if (lookupPath && req.headers['x-auth-token']?.startsWith('denied-')) throw new ApiError(403, 'CBC.0151', 'Access denied.');
      checkAuth(req, url, raw);
      throttle(routePath);
      if (lookupPath) {
        const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
        let answer;
        try {
          answer = lookup(lookupPath, query, req.headers['x-language'], catalogue);
        } catch (error) {
          if (error instanceof LookupError) throw new ApiError(error.status, error.code, error.message);
          throw error;
        }
        reply(200, fault?.body ?? answer, fault?.contentType ? { 'content-type': fault.contentType } : {});
        return;
      }
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        throw parameterError('the body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw parameterError('the body must be a JSON object');
      const answer = { ...handlers[route.kind](body), sandbox_notice: NOTICE };
      if (fault?.body !== undefined) {
        reply(200, fault.body, fault.contentType ? { 'content-type': fault.contentType } : {});
        return;
      }
      reply(200, answer, fault?.contentType ? { 'content-type': fault.contentType } : {});
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = error.gateway
        ? { status_code: error.status, request_id: requestId, error_code: error.code, error_message: error.message }
        : { error_code: error.code, error_msg: error.message };
      reply(error.status, body);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_code: 'CBC.0999', error_msg: `Other errors: ${error.message}` }));
    });
  });

  return {
    server,
    /** Queues faults for the next rating requests, in order. */
    injectFaults: (list) => faults.push(...list),
    /** Requests received, secrets masked. */
    requests,
    /** The catalogue the six look-ups answer from (sandbox/catalogue.json); a test may change it, and set
     * `pageCap` on it to serve fewer items per page than asked. */
    catalogue,
    /** Starts listening on 127.0.0.1 (port 0: a free one) and resolves to the base URL. */
    listen: (port = 0) => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
    }),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
  const corsOrigin = arg('cors-origin')?.toLowerCase();
  if (corsOrigin !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(corsOrigin)) {
    console.error('--cors-origin must be a loopback origin such as http://127.0.0.1:8000');
    process.exit(2);
  }
  const sandbox = createSandbox({ corsOrigin, currency: arg('currency') ?? 'USD', token: arg('token'), ak: arg('ak'),
    sk: process.env.HWC_SANDBOX_SK });
  const given = arg('port') ?? '0';
  const base = await listenOrExplain(sandbox.listen, parsePort(given), {
    name: 'hwc-price sandbox', given, how: 'PORT=<port> make sandbox, or --port <port>' });
  console.log(`hwc-price sandbox (sample prices) listening on ${base}`);
}
