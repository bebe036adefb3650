import { sql, type Kysely } from 'kysely';

/**
 * Email: the outbox and each person's mail preferences.
 *
 * An outbox row is written in the same transaction as the change it tells about, so a mail exists
 * exactly when the change committed. The worker moves a row `pending → sending` in a short
 * transaction of its own (claimed with SKIP LOCKED, so instances never take the same row), talks
 * SMTP outside any transaction, then records `sent`, `failed` or back to `pending` with a later
 * `next_attempt_at`. `skipped` rows were never handed to SMTP, and `last_error` says why.
 */
const statements = [
  `CREATE TABLE email_outbox (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind text NOT NULL,
    template text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    -- At most one row per key: the daily digest uses digest:<user>:<day>, so a job that runs
    -- twice (or on two instances) writes it once.
    dedupe_key text UNIQUE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    locked_until timestamptz,
    claimed_by text,
    recipient text,
    last_error text CHECK (length(last_error) <= 1000),
    smtp_response text CHECK (length(smtp_response) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    CONSTRAINT email_outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT email_outbox_sending_lease CHECK ((status = 'sending') = (locked_until IS NOT NULL))
  )`,
  `CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending'`,
  `CREATE INDEX email_outbox_leases ON email_outbox (locked_until) WHERE status = 'sending'`,
  `CREATE INDEX email_outbox_by_user ON email_outbox (user_id, created_at)`,
  `CREATE INDEX email_outbox_recent ON email_outbox (created_at DESC)`,
  `CREATE TABLE notification_preferences (
    user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fil')),
    -- The kinds switched off: a kind added later starts switched on for everyone.
    disabled_kinds text[] NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS notification_preferences').execute(db);
  await sql.raw('DROP TABLE IF EXISTS email_outbox').execute(db);
}
