import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../http/logger.js';
import { prepareMail } from './compose.js';
import { claimDue, failInterrupted, settle, type OutboxRow, type Outcome } from './outbox.repository.js';
import { classifyFailure, type MailTransport } from './transport.js';

export const NO_TRANSPORT = 'no SMTP server configured (MENTORSHIP_SMTP_URL)';

export interface WorkerTuning {
  /** Rows claimed per round. */
  batchSize: number;
  /** Sleep between rounds when nothing was due. */
  pollMs: number;
  /** Attempts in all, the first included; then the row is failed. */
  maxAttempts: number;
  /** Wait after the first failure; doubles with every further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claim lasts; longer than any one SMTP conversation can take (see the timeouts). */
  leaseMs: number;
}

export const DEFAULT_TUNING: WorkerTuning = {
  batchSize: 20,
  pollMs: 5_000,
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  leaseMs: 10 * 60_000,
};

export interface WorkerOptions {
  db: Kysely<Database>;
  config: Config;
  /** Undefined without `MENTORSHIP_SMTP_URL`: rows are then closed as skipped (see README). */
  transport: MailTransport | undefined;
  logger: Logger;
  now: () => Date;
  tuning?: Partial<WorkerTuning>;
  workerId?: string;
}

/** 1 min, 2, 4, 8 … capped: `attempts` counts the attempt that just failed. */
export function backoffMs(attempts: number, tuning: Pick<WorkerTuning, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function createMailWorker(options: WorkerOptions) {
  const tuning: WorkerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const { db, config, transport, logger, now } = options;

  async function deliver(row: OutboxRow): Promise<Outcome> {
    if (!transport) return { status: 'skipped', reason: NO_TRANSPORT };
    const prepared = await prepareMail(db, config, row, now());
    if (!prepared.ok) return { status: prepared.status, reason: prepared.reason, recipient: prepared.recipient };
    try {
      const { response } = await transport.send(prepared.mail);
      return { status: 'sent', recipient: prepared.to, response };
    } catch (err) {
      const failure = classifyFailure(err);
      if (failure.permanent || row.attempts >= tuning.maxAttempts) {
        return { status: 'failed', reason: failure.permanent ? failure.reason : `gave up after ${row.attempts} attempts: ${failure.reason}`, recipient: prepared.to };
      }
      return { status: 'pending', reason: failure.reason, retryAt: new Date(now().getTime() + backoffMs(row.attempts, tuning)), recipient: prepared.to };
    }
  }

  /**
   * One round: close interrupted sends, claim what is due, send each and record the outcome
   * right after the server's answer. Returns how many rows it handled.
   */
  async function runOnce(): Promise<number> {
    const interrupted = await failInterrupted(db, now());
    if (interrupted) logger.warn('mail sends interrupted earlier, closed as failed', { count: interrupted });
    const rows = await claimDue(db, { workerId, limit: tuning.batchSize, now: now(), leaseMs: tuning.leaseMs });
    for (const row of rows) {
      let outcome: Outcome;
      try {
        outcome = await deliver(row);
      } catch (err) {
        // A bug or a database error while preparing: retry later like a transient failure.
        const reason = `internal: ${err instanceof Error ? err.message : String(err)}`;
        outcome = row.attempts >= tuning.maxAttempts
          ? { status: 'failed', reason }
          : { status: 'pending', reason, retryAt: new Date(now().getTime() + backoffMs(row.attempts, tuning)) };
      }
      const recorded = await settle(db, row, workerId, outcome, now());
      const fields = { id: row.id, kind: row.kind, attempts: row.attempts, status: outcome.status, ...(outcome.status !== 'sent' ? { reason: outcome.reason } : {}) };
      if (!recorded) logger.warn('mail outcome not recorded: the claim was lost', fields);
      else if (outcome.status === 'failed') logger.warn('mail failed', fields);
      else if (outcome.status === 'pending') logger.info('mail will be retried', { ...fields, retryAt: outcome.retryAt.toISOString() });
      else logger.debug('mail handled', fields);
    }
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const loop = () => {
    timer = undefined;
    running = (async () => {
      try {
        // Keep going while whole batches come back; then rest.
        while (!stopped && (await runOnce()) >= tuning.batchSize);
      } catch (err) {
        logger.error('mail worker round failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        running = undefined;
        if (!stopped) {
          timer = setTimeout(loop, tuning.pollMs);
          timer.unref();
        }
      }
    })();
  };

  return {
    workerId,
    runOnce,
    /** Starts polling; the first round runs now. */
    start() {
      stopped = false;
      if (!timer && !running) loop();
    },
    /** Lets a round in progress finish (an accepted mail is always recorded), then stops. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      transport?.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
