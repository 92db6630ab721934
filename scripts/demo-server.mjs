// `make demo`: one local server for the estimate page. It serves www/ and the built package (pkg/) and forwards
// the three rating APIs (POST /v2/bills/ratings/…) and the six catalogue look-ups (GET /v2/products/… and
// /v2/bases/…, query string as sent), nothing else, either to the sandbox rating service (the
// default: sample prices, no account needed) or, with HWC_AK and HWC_SK set, to Huawei Cloud, signing each
// request here with the package's own signRequest. Credentials never reach the browser. Node's standard
// library only; listens on loopback. It answers only requests addressed to itself (Host 127.0.0.1:<port> or
// localhost:<port>, so a DNS-rebinding page is refused), forwards only same-origin requests (no Origin, or its
// own) with a JSON body (Content-Type application/json, which a cross-site form or a CORS-simple request cannot
// send), and forwards a look-up only when the browser says it comes from the page itself (Sec-Fetch-Site
// same-origin, or no such header from a client that is not a browser) and carries no body, so no other web site
// can get answers signed with the operator's keys, nor spend their quota.
//
//   node scripts/demo-server.mjs [--port N]
//   env: HWC_AK, HWC_SK, HWC_SITE=intl|cn, HWC_DOMAIN_ID, HWC_UPSTREAM (another base URL, e.g. for tests)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createSandbox } from '../sandbox/server.mjs';
import { listenOrExplain, parsePort } from '../sandbox/start.mjs';

const root = new URL('../', import.meta.url);
const MAX_BODY = 1 << 20;
const RATING_PATHS = new Set([
  '/v2/bills/ratings/on-demand-resources',
  '/v2/bills/ratings/period-resources/subscribe-rate',
  '/v2/bills/ratings/period-resources/renew-rate',
]);
/** The six catalogue look-ups (GET; their query strings are forwarded exactly as sent). */
export const LOOKUP_PATHS = new Set([
  '/v2/products/service-types',
  '/v2/products/resource-types',
  '/v2/products/service-resources',
  '/v2/products/usage-types',
  '/v2/bases/measurements',
  '/v2/bases/conversions',
]);
const SITES = { intl: 'https://bss-intl.myhuaweicloud.com', cn: 'https://bss.myhuaweicloud.com' };
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SECURITY = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** A rating-API-shaped error from the demo server itself. */
const fail = (res, status, message) => {
  res.writeHead(status, { 'content-type': 'application/json', ...SECURITY });
  res.end(JSON.stringify({ error_code: `DEMO.${status}`, error_msg: message }));
};

/** The media type of a Content-Type header, lower case, without its parameters ('' when there is none). */
const mediaType = (header) => (header ?? '').split(';')[0].trim().toLowerCase();

/** The Host values and origins of a server listening on loopback `port`: its own names, nothing else. */
function loopbackNames(port) {
  return {
    hosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`]),
    origins: new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]),
  };
}

/** Files the page may load: www/ (at /) and the package's browser build (at /pkg/). */
function fileFor(path) {
  if (path === '/' || path === '/index.html') return 'www/index.html';
  if (path.includes('..') || path.includes('\\') || path.includes('\0')) return null;
  if (path.startsWith('/pkg/') && /^\/pkg\/[\w.-]+\.(js|wasm|css)$/.test(path)) return path.slice(1);
  // The package's own JavaScript snippets, which its browser build imports.
  if (/^\/pkg\/snippets\/[\w-]+\/src\/bindings\/\w+\.js$/.test(path)) return path.slice(1);
  if (/^\/[\w.-]+\.(html|css|mjs|svg)$/.test(path)) return `www${path}`;
  return null;
}

/**
 * Creates the demo server. `upstream` is a base URL to forward to; without one (and without credentials) a
 * sandbox is started beside the server and stopped with it. `credentials` ({ ak, sk, domainId }) make the
 * server sign every forwarded request.
 */
export async function createDemoServer({ upstream, site = 'intl', credentials, sandboxOptions } = {}) {
  let sandbox;
  let base = upstream;
  if (!base && !credentials) {
    sandbox = createSandbox({ currency: site === 'cn' ? 'CNY' : 'USD', ...sandboxOptions });
    base = await sandbox.listen();
  }
  base ??= SITES[site] ?? SITES.intl;
  const sign = credentials ? (await import('../pkg/node.mjs')).signRequest : null;
  const config = { sample: Boolean(sandbox), site, signing: Boolean(credentials) };
  const forwarded = [];

  /** Sends `method` `path` (with `query`, as sent) and `body` upstream, signed when there are credentials. */
  async function send(req, res, { method, path, query = '', body }) {
    const url = base.replace(/\/+$/, '') + path + query;
    let headers = { 'X-Language': req.headers['x-language'] === 'zh_CN' ? 'zh_CN' : 'en_US' };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    if (sign) {
      if (credentials.domainId) headers['X-Domain-Id'] = credentials.domainId;
      headers = sign({ method, url, headers, body: body ?? '', ak: credentials.ak, sk: credentials.sk }).headers;
      delete headers.Host; // fetch sets it from the URL, which is what was signed
    }
    forwarded.push({ method, path, query, bytes: body === undefined ? 0 : Buffer.byteLength(body) });
    let upstreamResponse;
    try {
      upstreamResponse = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      fail(res, 502, `The rating service could not be reached: ${error.cause?.code ?? error.name}.`);
      return;
    }
    const out = { 'content-type': upstreamResponse.headers.get('content-type') ?? 'application/json', ...SECURITY };
    for (const name of ['x-request-id', 'retry-after']) {
      const value = upstreamResponse.headers.get(name);
      if (value !== null) out[name] = value;
    }
    const text = await upstreamResponse.text();
    res.writeHead(upstreamResponse.status, out);
    res.end(text);
  }

  async function forward(req, res, path) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(res, 413, `The request body is larger than ${MAX_BODY} bytes.`);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const parsed = JSON.parse(body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      fail(res, 400, 'The request body must be a JSON object.');
      return;
    }
    await send(req, res, { method: 'POST', path, body });
  }

  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Only requests addressed to this server by its own name: a page on another name (DNS rebinding) gets nothing.
    const own = loopbackNames(req.socket.localPort);
    if (!own.hosts.has((req.headers.host ?? '').toLowerCase())) {
      fail(res, 403, 'The Host header must be this server\'s own address (127.0.0.1:<port> or localhost:<port>).');
      return;
    }
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || own.origins.has(origin.toLowerCase());
    if (RATING_PATHS.has(path)) {
      // Only the page itself (or a client that is not a web page) may have requests forwarded, and signed.
      if (!sameOrigin) {
        fail(res, 403, 'Requests from other web sites are not forwarded.');
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        fail(res, 405, `Use POST for ${path}.`);
        return;
      }
      if (mediaType(req.headers['content-type']) !== 'application/json') {
        fail(res, 415, 'The rating APIs take Content-Type: application/json.');
        return;
      }
      await forward(req, res, path);
      return;
    }
    if (LOOKUP_PATHS.has(path)) {
      // A browser says where a request comes from (Sec-Fetch-Site), even for a GET it sends without Origin:
      // only the page itself (or a client that is not a web page) may have a look-up forwarded, and signed.
      const site = (req.headers['sec-fetch-site'] ?? '').toLowerCase();
      if (!sameOrigin || !['', 'same-origin', 'none'].includes(site)) {
        fail(res, 403, 'Requests from other web sites are not forwarded.');
        return;
      }
      if (req.method !== 'GET') {
        res.setHeader('allow', 'GET');
        fail(res, 405, `Use GET for ${path}.`);
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined) {
        fail(res, 400, 'A look-up takes no request body.');
        return;
      }
      const raw = req.url ?? '';
      const at = raw.indexOf('?');
      await send(req, res, { method: 'GET', path, query: at < 0 ? '' : raw.slice(at) });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (!sameOrigin) {
        fail(res, 403, 'Requests from other web sites are not accepted.');
        return;
      }
      fail(res, 405, 'Only the three rating APIs accept POST here.');
      return;
    }
    if (path === '/demo-config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...SECURITY });
      res.end(JSON.stringify(config));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, SECURITY).end();
      return;
    }
    const file = fileFor(path);
    const type = file && TYPES[file.slice(file.lastIndexOf('.'))];
    if (!file || !type) {
      fail(res, 404, `Nothing at ${path}.`);
      return;
    }
    try {
      const content = await readFile(new URL(file, root));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...SECURITY });
      res.end(req.method === 'HEAD' ? undefined : content);
    } catch {
      fail(res, 404, `Nothing at ${path}${file.startsWith('pkg/') ? ' (run `make pkg` first)' : ''}.`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) fail(res, 500, `The demo server failed: ${error.message}`);
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  return {
    server,
    config,
    forwarded,
    sandbox,
    /** Starts listening on 127.0.0.1 (port 0: a free one) and resolves to the page's URL. */
    listen: (port = 0) => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}/`));
    }),
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
      await sandbox?.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--port');
  const given = i > 0 ? process.argv[i + 1] : process.env.PORT ?? '8080';
  const port = parsePort(given);
  const { HWC_AK: ak, HWC_SK: sk, HWC_SITE: site = 'intl', HWC_DOMAIN_ID: domainId, HWC_UPSTREAM: upstream } = process.env;
  if (!(site in SITES)) {
    console.error(`HWC_SITE must be intl or cn, got ${JSON.stringify(site)}`);
    process.exit(2);
  }
  if (Boolean(ak) !== Boolean(sk)) {
    console.error('Set both HWC_AK and HWC_SK to price with your Huawei Cloud account, or neither for sample prices.');
    process.exit(2);
  }
  const demo = await createDemoServer({ upstream, site, credentials: ak ? { ak, sk, domainId } : undefined });
  const url = await listenOrExplain(demo.listen, port, {
    name: 'hwc-price estimate page', given, how: 'PORT=<port> make demo, or --port <port>',
  }).catch(async (error) => { await demo.close(); throw error; });
  const mode = demo.config.sample
    ? 'sample prices from the local sandbox rating service (no account needed)'
    : `${upstream ?? SITES[site]}, signing each request here with HWC_AK/HWC_SK`;
  console.log(`hwc-price estimate page: ${url}\nPrices: ${mode}\nStop with Ctrl-C.`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
