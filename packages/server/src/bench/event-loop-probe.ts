import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded into a benchmarked server with `node --import` (mix.bench.ts sets it through
 * NODE_OPTIONS): once a second, appends the event loop's delay over that second (p50, p99, max
 * in ms, from `monitorEventLoopDelay`) and the process's CPU time to the file named by
 * MENTORKIT_EVENT_LOOP_FILE, as one JSON line with a timestamp, so the benchmark can summarise
 * the measured window of each server process.
 */
const file = process.env['MENTORKIT_EVENT_LOOP_FILE'];
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    appendFileSync(file, `${JSON.stringify({
      at: Date.now(), pid: process.pid, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max),
      cpuMs: Math.round((used.user + used.system) / 1000),
    })}\n`);
    histogram.reset();
  }, 1000);
  timer.unref();
}
