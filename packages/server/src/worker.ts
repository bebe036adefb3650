import { EXIT_CONFIG, loadConfigOrExit } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { startEmail } from './features/email/email.service.js';
import { createLogger } from './http/logger.js';

/**
 * `npm run worker`: the mail outbox worker and digest job without the HTTP server, for
 * deployments that scale mail apart from the API. It needs PostgreSQL (`DATABASE_URL`), since
 * the embedded PGlite database belongs to the one server process that opened it, and SMTP.
 */
async function main() {
  const config = loadConfigOrExit();
  if (!config.DATABASE_URL) {
    process.stderr.write('The standalone mail worker needs DATABASE_URL (PostgreSQL); with the embedded database the server runs the worker itself.\n');
    process.exit(EXIT_CONFIG);
  }
  if (!config.MENTORSHIP_SMTP_URL) {
    // Without a transport it would only close mail as skipped, racing the servers that could send it.
    process.stderr.write('The standalone mail worker needs MENTORSHIP_SMTP_URL.\n');
    process.exit(EXIT_CONFIG);
  }
  const logger = createLogger(config.MENTORSHIP_LOG_LEVEL);
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL });
  await migrateToLatest(handle.db);
  const email = startEmail({ db: handle.db, config, logger, now: () => new Date() });
  logger.info('mail worker started', { workerId: email.worker.workerId });
  // The worker's own timers do not hold the process open (they must not in the server): this does.
  const keepAlive = setInterval(() => {}, 3_600_000);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    // A send in progress finishes and is recorded before the database closes.
    void email.stop()
      .then(() => handle.close())
      .then(() => { logger.info('stopped'); process.exit(0); })
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Mentorkit worker failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
