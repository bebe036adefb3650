import { ApiError } from '../../http/errors.js';

/** Keyset position: the sort key of the last row and its id, bound to the sort that made it. */
export interface SearchCursor {
  sort: string;
  key: number;
  id: string;
}

/** The id is cast to uuid in SQL: anything looser (36 dashes) would be a 500, not a 400. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): SearchCursor {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && typeof key === 'number' && Number.isFinite(key) && typeof id === 'string' && UUID.test(id)) {
      return { sort: s, key, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw new ApiError('validation_failed', 'Invalid query: cursor', [
    { path: ['cursor'], message: 'Not a cursor from this search; start again without it' },
  ]);
}
