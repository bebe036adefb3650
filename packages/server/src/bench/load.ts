import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A closed-loop HTTP load generator: `concurrency` clients on keep-alive connections, each
 * sending its next request as soon as the last one answered. Loopback only, bounded in time.
 * It runs in a worker thread so the clients do not share an event loop with the server under test.
 */

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
  /** The status that counts as success (default 200; 304 for a conditional GET). */
  expect?: number;
}

export interface LoadOptions {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  requests: LoadRequest[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Clock ticks per second of /proc times (`getconf CLK_TCK`). */
  ticksPerSecond?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status codes other than the expected one seen in the measured window, with counts. */
  statuses: Record<string, number>;
  elapsedMs: number;
  throughput: number;
  /** CPU the load generator's own thread used over the whole run (so the server's share can be told apart). */
  clientCpuMs: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
}

/** CPU time (user + system, ms) of the calling thread, from /proc (Linux); NaN elsewhere. */
export function threadCpuMs(ticksPerSecond = 100): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return NaN;
  }
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function run(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('load runs against loopback only');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const cpuStart = threadCpuMs(options.ticksPerSecond);
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const endAt = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let lastEnd = measureFrom;
  let next = 0;

  const get = (req: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const r = http.request(
        { host: url.hostname, port: url.port, path: req.path, method: 'GET', agent, headers: req.headers ?? {} },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      r.setTimeout(10_000, () => r.destroy(new Error('timeout')));
      r.on('error', reject);
      r.end();
    });

  const client = async () => {
    while (performance.now() < endAt) {
      const req = options.requests[next++ % options.requests.length]!;
      const t0 = performance.now();
      let status = 0;
      try {
        status = await get(req);
      } catch {
        status = -1;
      }
      const t1 = performance.now();
      if (t0 >= measureFrom) {
        latencies.push(t1 - t0);
        lastEnd = Math.max(lastEnd, t1);
        if (status !== (req.expect ?? 200)) {
          errors++;
          statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  const clientCpuMs = threadCpuMs(options.ticksPerSecond) - cpuStart;
  const elapsedMs = lastEnd - measureFrom;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: sorted.length,
    errors,
    statuses,
    elapsedMs: round(elapsedMs),
    throughput: round(sorted.length / (elapsedMs / 1000)),
    clientCpuMs: round(clientCpuMs),
    latencyMs: {
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted.at(-1) ?? NaN),
      mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    },
  };
}

/** Runs one load in a fresh worker thread and resolves with its measurements. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: options });
    let result: LoadResult | undefined;
    worker.once('message', (m: LoadResult) => { result = m; });
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load worker exited with ${code}`))));
  });
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as LoadOptions).then((r) => port.postMessage(r), (err: unknown) => { throw err; });
}
