// Starting a loopback server from a command line without a stack trace for what a user can fix: a port that is
// not a port, or one already taken (a second `make demo`, a sandbox left running). Used by the sandbox
// (`node sandbox/server.mjs`, `make sandbox`, `hwc-price sandbox`) and the demo server (`make demo`).

/** Reads a port from the command line or the environment: a whole number from 0 (any free port) to 65535. */
export function parsePort(text, fallback) {
  const value = text ?? fallback;
  const port = /^\d{1,5}$/.test(String(value).trim()) ? Number(value) : NaN;
  return Number.isInteger(port) && port <= 65535 ? port : null;
}

/**
 * Calls `listen(port)` (which resolves to the server's URL) and resolves to that URL. When the port is taken
 * or not allowed, or `port` is null (not a port), says so in one plain line on stderr, naming the port and
 * `how` to choose another, and exits with code 1; other errors are thrown as they are.
 */
export async function listenOrExplain(listen, port, { name, given, how }) {
  if (port === null) {
    console.error(`${name}: the port must be a whole number from 0 (any free port) to 65535, got ${JSON.stringify(String(given))}; choose one with ${how}.`);
    process.exit(1);
  }
  try {
    return await listen(port);
  } catch (error) {
    const reason = { EADDRINUSE: 'is already in use', EACCES: 'may not be used by this user' }[error?.code];
    if (!reason) throw error;
    console.error(`${name}: port ${port} on 127.0.0.1 ${reason}; choose another with ${how} (0 picks a free one).`);
    process.exit(1);
  }
}
