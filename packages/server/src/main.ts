import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createAuthState } from './auth/auth.middleware.js';
import { createVerifier } from './auth/verify.js';
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { serveDemoPortal } from './http/demo-portal.js';
import { createLogger } from './http/logger.js';
import { SERVER_TIMEOUTS } from './http/server-options.js';
import { startRequestJobs } from './jobs/requests.job.js';
import { startEmail } from './features/email/email.service.js';
import { attachRealtime } from './realtime/realtime.server.js';

/** How long after listening the background jobs start (see below). */
const BACKGROUND_START_DELAY_MS = 1_000;

/** The entry point: parse configuration, open and migrate the database, serve, shut down cleanly. */
async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.MENTORSHIP_LOG_LEVEL);
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.MENTORSHIP_DATA_DIR });
  await migrateToLatest(handle.db);
  logger.info('database ready', { kind: handle.kind, dataDir: handle.kind === 'pglite' ? config.MENTORSHIP_DATA_DIR : undefined });
  if (config.MENTORSHIP_DEMO) {
    const seeded = await seedDemo(handle.db, { issuer: config.MENTORSHIP_JWT_ISSUER ?? '', now: new Date() });
    logger.info(seeded ? 'demo data seeded' : 'demo data already present');
  }

  const deps = { config, db: handle.db, verifier: createVerifier(config), logger, now: () => new Date() };
  // One authentication state for the HTTP app and the realtime socket of this process.
  const auth = createAuthState(handle.db);
  const app = createApp(deps, { auth });
  // The demo portal: a plain alumni site embedding the elements (examples/portal).
  if (config.MENTORSHIP_DEMO) serveDemoPortal(app);

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: SERVER_TIMEOUTS }, (info) => {
    const url = `http://localhost:${info.port}/`;
    logger.info('listening', { port: info.port, url, pid: process.pid });
    if (config.MENTORSHIP_DEMO) process.stdout.write(`\n  Mentorkit demo portal: ${url}\n  API: ${url}api/v1  (pick a persona at the top of the page)\n\n`);
  });

  // The realtime socket (GET /api/v1/realtime) on the same HTTP server; events fan out through LISTEN.
  // It shares the app's verifier and its count of invalid tokens per address.
  const realtime = await attachRealtime(server, { ...deps, listen: handle.listen, auth });

  // Background work: expiry and reminders (at start, catching up on downtime, then every five
  // minutes), the mail outbox worker and the daily digest (`npm run worker` runs more of them).
  // It starts a moment after the server listens: its first round takes about a second on the
  // embedded database, which runs one statement at a time on this thread, and readiness and the
  // first pages need not wait for it.
  let jobs: ReturnType<typeof startRequestJobs> | undefined;
  let email: ReturnType<typeof startEmail> | undefined;
  const background = setTimeout(() => {
    jobs = startRequestJobs(handle.db, { now: () => new Date(), logger });
    email = startEmail({ db: handle.db, config, logger, now: () => new Date() });
  }, BACKGROUND_START_DELAY_MS);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearTimeout(background);
    void realtime.close(); // sockets get 1001 now; server.close() waits for them
    server.close(async () => {
      await realtime.close().catch(() => {});
      await jobs?.stop().catch(() => {});
      await email?.stop().catch(() => {});
      await handle.close().catch(() => {});
      logger.info('stopped');
      process.exit(0);
    });
    // Idle keep-alive sockets would hold close() open until they time out.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Mentorkit failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
