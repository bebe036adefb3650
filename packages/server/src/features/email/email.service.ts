import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../http/logger.js';
import { startDigestJob } from './digest.job.js';
import { smtpTransport } from './transport.js';
import { createMailWorker } from './worker.js';

/**
 * The mail side of a process: the outbox worker plus the hourly digest job. The server runs it
 * in-process; `npm run worker` runs it alone. Any number may run against one PostgreSQL.
 */
export function startEmail(options: { db: Kysely<Database>; config: Config; logger: Logger; now: () => Date }) {
  const { db, config, logger, now } = options;
  const transport = config.MENTORSHIP_SMTP_URL ? smtpTransport(config.MENTORSHIP_SMTP_URL) : undefined;
  if (!transport) logger.info('no SMTP server configured: the outbox fills and mail is recorded as skipped', { demo: config.MENTORSHIP_DEMO ? '/dev/mail' : undefined });
  const worker = createMailWorker({ db, config, transport, logger, now });
  worker.start();
  const digests = startDigestJob(db, { now, logger });
  return {
    worker,
    async stop() {
      await digests.stop();
      await worker.stop();
    },
  };
}
