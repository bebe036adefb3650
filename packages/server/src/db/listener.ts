import pg from 'pg';

export type Notify = (payload: string) => void;

/**
 * LISTEN on PostgreSQL through one dedicated connection (not a pooled one, which the pool could
 * hand out or drop unnoticed). When that connection dies — a restart, a failover,
 * `pg_terminate_backend` — it reconnects with backoff and LISTENs again on every channel, so
 * notifications resume without the caller doing anything. Notifications sent while it was down
 * are lost (PostgreSQL does not queue them): readers must also re-read periodically.
 */
export function createListener(connectionString: string) {
  const handlers = new Map<string, Set<Notify>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;
  let closed = false;

  const listenSql = (channel: string) => `LISTEN ${pg.escapeIdentifier(channel)}`;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.payload === undefined) return;
      for (const handler of handlers.get(n.channel) ?? []) handler(n.payload);
    });
    // Errors surface as 'end' too; the handler keeps them from crashing the process.
    c.on('error', () => {});
    c.on('end', () => {
      if (client !== c) return;
      client = undefined;
      scheduleReconnect();
    });
    await c.connect();
    for (const channel of handlers.keys()) await c.query(listenSql(channel));
    if (closed) {
      await c.end().catch(() => {});
      throw new Error('listener closed');
    }
    client = c;
    attempt = 0;
    return c;
  }

  function ensure(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => { connecting = undefined; });
    return connecting;
  }

  function scheduleReconnect() {
    if (closed || retry) return;
    const delay = Math.min(5_000, 250 * 2 ** attempt++);
    retry = setTimeout(() => {
      retry = undefined;
      ensure().catch(() => scheduleReconnect());
    }, delay);
    retry.unref();
  }

  return {
    async listen(channel: string, onPayload: Notify): Promise<() => Promise<void>> {
      let set = handlers.get(channel);
      const first = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(onPayload);
      const c = await ensure();
      if (first && c === client) await c.query(listenSql(channel));
      return async () => {
        set.delete(onPayload);
        if (set.size > 0) return;
        handlers.delete(channel);
        await client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
