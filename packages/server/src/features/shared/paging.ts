import { ApiError } from '../../http/errors.js';

/** Keyset position in a list ordered by a timestamp then id. */
export interface TimeCursor {
  at: Date;
  id: string;
}

export function encodeTimeCursor(c: TimeCursor): string {
  return Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');
}

export function decodeTimeCursor(raw: string | undefined): TimeCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const date = typeof at === 'string' ? new Date(at) : undefined;
    if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { at: date, id };
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'Invalid query: cursor', [{ path: ['cursor'], message: 'Not a cursor from this list' }]);
}

/** Cuts the extra row fetched to learn whether another page exists. */
export function pageOf<R, T>(rows: R[], limit: number, map: (rows: R[]) => Promise<T[]> | T[], cursorOf: (row: R) => TimeCursor) {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return Promise.resolve(map(kept)).then((items) => ({
    items,
    nextCursor: more && last ? encodeTimeCursor(cursorOf(last)) : null,
  }));
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
