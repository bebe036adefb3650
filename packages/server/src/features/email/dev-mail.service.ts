import type { ServiceContext } from '../../http/env.js';
import { buildMail } from './compose.js';
import { latestOutbox, type OutboxRow } from './outbox.repository.js';
import type { OutgoingMail } from './transport.js';

/** The latest outbox rows, newest first, each with the mail as it would be sent now. */
export async function recentMail({ db, config, now }: Pick<ServiceContext, 'db' | 'config' | 'now'>, limit: number): Promise<Array<{ row: OutboxRow; mail: OutgoingMail }>> {
  const rows = await latestOutbox(db, limit);
  return Promise.all(rows.map(async (row) => ({ row, mail: (await buildMail(db, config, row, now())).mail })));
}
