// The one place hwc-price calls `fetch`: any fetch-compatible function (the global one by default), from
// browsers, workers and Node. Whatever that function does (throw at once, resolve to something that is not a
// Response, ignore its AbortSignal, never settle), the promise returned here settles exactly once: with the
// answer, or with a failure the client understands.

/** Longest description that crosses into the module, which removes credentials and cuts it much shorter. */
const MAX_DETAIL = 2000;

/** `${name}: ${message}`, and the cause's code or message when there is one (Node's `fetch failed`). */
function describe(error) {
  try {
    let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const cause = error?.cause;
    if (cause) text += ` (${cause.code ?? cause.message ?? String(cause)})`;
    return text.length > MAX_DETAIL ? text.slice(0, MAX_DETAIL) : text;
  } catch {
    return 'an exception that cannot be shown';
  }
}

/** Whether `value` can be read as a fetch Response: a numeric status, readable headers, a text body. */
function isResponse(value) {
  return value !== null && typeof value === 'object' && typeof value.status === 'number'
    && value.headers !== null && typeof value.headers?.get === 'function' && typeof value.text === 'function';
}

/**
 * Calls `f` once when `signal` aborts, and returns the function that stops that. With `call` (a `callSignal`
 * whose signal `signal` is), through the call's one `abort` listener, so that any number of requests and waits
 * of one call in flight add one listener to its signal (Node warns past 10); else by a listener of its own.
 * Never throws: a signal that cannot be listened to is only read (`aborted`) before each request.
 */
export function whenAborted(call, signal, f) {
  if (typeof call?.whenAborted === 'function') return call.whenAborted(f);
  try {
    signal?.addEventListener('abort', f, { once: true });
  } catch {
    return () => {};
  }
  return () => {
    try {
      signal?.removeEventListener('abort', f);
    } catch {
      // a signal that cannot be unsubscribed from: it can only call `f`, which then does nothing
    }
  };
}

/**
 * Sends `method` (POST with `body`, or GET) to `url` with `headers` (a flat list: name, value, name, value, ...) through `fetchFn` (the
 * global `fetch` when undefined), giving up after `timeoutMs` or when `signal` aborts, even if `fetchFn`
 * ignores the signal it is given; `call` is the `callSignal` of `signal`, when it is one (see `whenAborted`).
 * Resolves to `[status, requestId, retryAfter, body]`; rejects with `[kind, detail, error]`, `kind` being
 * `TIMEOUT`, `ABORTED`, `NETWORK` or `BAD_RESPONSE`, and `error` what was thrown (kept as the cause of the
 * error the caller sees).
 */
export function send(fetchFn, method, url, headers, body, timeoutMs, signal, call) {
  return new Promise((resolve, reject) => {
    let stopWatching = () => {};
    let settled = false;
    let timer;
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const onAbort = () => {
      controller?.abort(signal?.reason);
      // A signal from AbortSignal.timeout() aborts because time ran out.
      const timedOut = signal?.reason?.name === 'TimeoutError';
      fail(timedOut ? 'TIMEOUT' : 'ABORTED', '', signal?.reason);
    };
    const finish = (settle, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWatching();
      settle(value);
    };
    const fail = (kind, detail, error) => finish(reject, [kind, detail, error]);
    timer = setTimeout(() => {
      controller?.abort();
      fail('TIMEOUT', '');
    }, timeoutMs);
    if (signal?.aborted) {
      onAbort();
      return;
    }
    // A signal that cannot be listened to: the timeout still bounds the call.
    stopWatching = whenAborted(call, signal, onAbort);
    let answer;
    try {
      const init = { method, headers: [], body: method === 'GET' ? undefined : body, signal: controller?.signal };
      for (let i = 0; i + 1 < headers.length; i += 2) init.headers.push([headers[i], headers[i + 1]]);
      answer = Promise.resolve((fetchFn ?? globalThis.fetch)(url, init));
    } catch (error) {
      fail('NETWORK', describe(error), error);
      return;
    }
    answer
      .then(async (response) => {
        if (settled) return;
        if (!isResponse(response)) {
          fail('BAD_RESPONSE', 'fetch resolved to something that is not a Response');
          return;
        }
        const requestId = response.headers.get('x-request-id');
        const retryAfter = response.headers.get('retry-after');
        const text = await response.text();
        finish(resolve, [response.status, requestId ?? null, retryAfter ?? null, String(text)]);
      })
      .catch((error) => fail('NETWORK', describe(error), error));
  });
}

/**
 * The signal of one call: aborted when the caller's `signal` aborts (with its reason) or when the call ends
 * itself (a hook threw). `abort(reason)` aborts it; `dispose()` stops listening to the caller's signal;
 * `whenAborted(f)` calls `f` once when it aborts and returns the function that stops that. The call's signal
 * has one `abort` listener, which calls each `f` in turn: every request and wait of the call is told at once,
 * however many there are.
 */
export function callSignal(signal) {
  const controller = new AbortController();
  const waiting = new Set();
  controller.signal.addEventListener('abort', () => {
    const now = [...waiting];
    waiting.clear();
    for (const f of now) {
      try {
        f();
      } catch {
        // one that throws must not keep the others from being told
      }
    }
  }, { once: true });
  const whenAborted = (f) => {
    const entry = () => f();
    waiting.add(entry);
    return () => waiting.delete(entry);
  };
  const follow = () => controller.abort(signal.reason);
  let listening = false;
  try {
    if (signal?.aborted) follow();
    else if (signal) {
      signal.addEventListener('abort', follow, { once: true });
      listening = true;
    }
  } catch {
    // a signal that cannot be listened to: `aborted` is still read before each request
  }
  return {
    signal: controller.signal,
    whenAborted,
    abort: (reason) => controller.abort(reason),
    dispose: () => {
      if (!listening) return;
      listening = false;
      try {
        signal.removeEventListener('abort', follow);
      } catch {
        // nothing more to do: the listener only aborts a controller no one uses any more
      }
    },
  };
}
