// The command line's commands: each one's options (as node:util parseArgs takes them) and its --help text with
// runnable examples, and the top-level usage. Data only; npm/cli.mjs reads and runs them.

const COMMON = {
  language: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const PRICING = {
  endpoint: { type: 'string' },
  'timeout-ms': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

export const COMMANDS = {
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
    options: { ...COMMON, ...PRICING, format: { type: 'string', short: 'f' }, catalogue: { type: 'string' } },
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
  --catalogue FILE        check each product against a saved catalogue (Catalogue.toJSON()) before anything is
                          sent
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

export const USAGE = `Usage: hwc-price <command> [options]

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
