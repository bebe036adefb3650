import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../auth/verify.js';
import { CHILD_SECRET, startChild } from '../reliability/child-server.js';
import { percentile } from './load.js';
import { loadAverage, nodeVersion } from './report.js';

/**
 * `node packages/server/dist/bench/hostile-body.bench.js` (a script, never a test; `npx tsc -b`
 * first): what one hostile body costs the server, and everyone else while it is answered
 * (a 1 MB `[[[…]]]` body took ~1.1 s inside `JSON.parse` and held a concurrent
 * `/healthz` for 1,180 ms). `dist/main.js` runs as production does, on a fresh embedded database.
 *
 * For each body, `ROUNDS` times: the hostile request and `HEALTH_PROBES` `/healthz` requests are
 * sent at the same moment; the figures are the hostile answer's time and the probes' slowest
 * answer, against the same probes sent alone.
 */

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const HEALTH_PROBES = 8;
const KB = 1024;

interface Answer { status: number; ms: number }

function send(base: string, path: string, options: { method?: string; body?: string; chunked?: boolean; token?: string } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const headers: Record<string, string> = { connection: 'close' };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = http.request(url, { method: options.method ?? 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    if (options.body !== undefined && options.chunked) {
      for (let i = 0; i < options.body.length; i += 16 * KB) req.write(options.body.slice(i, i + 16 * KB));
    } else if (options.body !== undefined) {
      req.write(options.body);
    }
    req.end();
  });
}

const nestedArrays = (bytes: number) => `{"mentorId":${'['.repeat(bytes / 2 - 8)}${']'.repeat(bytes / 2 - 8)}}`;

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'mentorkit-hostile-'));
  const server = await startChild({ MENTORSHIP_DATA_DIR: dataDir });
  try {
    const { token } = await signToken(CHILD_SECRET, { sub: 'bench-hostile', name: 'Hostile Body' }, { expiresInSeconds: 3600 });
    // Creates the user, and warms the paths up.
    for (let i = 0; i < 5; i++) {
      await send(server.base, '/api/v1/me', { token });
      await send(server.base, '/healthz');
    }
    const probes = () => Promise.all(Array.from({ length: HEALTH_PROBES }, () => send(server.base, '/healthz')));

    const alone: number[] = [];
    for (let i = 0; i < ROUNDS; i++) alone.push(Math.max(...(await probes()).map((a) => a.ms)));
    alone.sort((a, b) => a - b);

    const cases = [
      { name: '1 MB of nested arrays, with Content-Length', body: nestedArrays(1024 * KB), chunked: false },
      { name: '1 MB of nested arrays, chunked (no Content-Length)', body: nestedArrays(1024 * KB), chunked: true },
      { name: '64 KB of nested arrays (just under the size limit)', body: nestedArrays(64 * KB - 16), chunked: false },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      const answers: number[] = [];
      const probeMax: number[] = [];
      const statuses = new Set<number>();
      for (let i = 0; i < ROUNDS; i++) {
        const [hostile, during] = await Promise.all([
          send(server.base, '/api/v1/mentorship-requests', { method: 'POST', body: c.body, chunked: c.chunked, token }),
          probes(),
        ]);
        statuses.add(hostile.status);
        answers.push(hostile.ms);
        probeMax.push(Math.max(...during.map((a) => a.ms)));
      }
      answers.sort((a, b) => a - b);
      probeMax.sort((a, b) => a - b);
      const fmt = (x: number) => x.toFixed(1);
      const signed = (x: number) => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;
      rows.push(`| ${c.name} | ${[...statuses].join(', ')} | ${fmt(percentile(answers, 0.5))} / ${fmt(answers.at(-1)!)} | ${fmt(percentile(probeMax, 0.5))} / ${fmt(probeMax.at(-1)!)} | ${signed(percentile(probeMax, 0.5) - percentile(alone, 0.5))} |`);
    }
    process.stdout.write([
      `Hostile bodies against dist/main.js (PGlite), ${ROUNDS} rounds each, ${HEALTH_PROBES} concurrent /healthz per round; ${nodeVersion()}; load average ${loadAverage()}.`,
      `/healthz alone (slowest of ${HEALTH_PROBES}), median / max: ${percentile(alone, 0.5).toFixed(1)} / ${alone.at(-1)!.toFixed(1)} ms`,
      '',
      '| body | status | answer ms, median / max | slowest concurrent /healthz ms, median / max | /healthz delay vs alone (median) |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'));
  } finally {
    await server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
