export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Paths that carry secrets (the private calendar feed) are logged with the secret cut out. */
export function redactPath(path: string): string {
  return path.replace(/\/calendar\/[^/]+/, '/calendar/[redacted]');
}

let pending: string[] = [];
let flushing = false;
let exitHooked = false;

function flushStdout() {
  flushing = false;
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}

/**
 * A line for stdout, written with the others of the same turn of the event loop in one write.
 * Writes to a pipe or a file are synchronous in Node: one per request line is a system call on
 * the event loop for every request (and a wait whenever the reader lags). Whatever is pending
 * when the process exits is written then.
 */
function stdoutLine(line: string) {
  pending.push(line + '\n');
  if (flushing) return;
  if (pending.length === 1 && !exitHooked) {
    exitHooked = true;
    process.once('exit', flushStdout);
  }
  flushing = true;
  setImmediate(flushStdout);
}

/** One JSON object per line on stdout, so any log shipper can read it. */
export function createLogger(level: LogLevel, write: (line: string) => void = stdoutLine): Logger {
  const log = (at: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
