import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MentorSearchQuery } from '@mentorkit/contract';
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import type { AppDeps } from '../../http/env.js';
import { isoDay } from './availability.js';
import { SearchCache } from './search-cache.js';
import { zoneOffsets } from './time-zones.js';

/**
 * Whole answers of mentor search, as the JSON sent. An answer is a function of the search
 * generation (which moves with every committed change to anything a search shows: migrations
 * 0007 and 0008), the viewer, the query, the day (availability counts away dates) and the table
 * of zone offsets (the match score's time-zone part). The generation comes with the viewer's
 * user row (`upsertUserFromClaims`), so a repeated search costs no round trip of its own and no
 * search work at all.
 *
 * The same inputs name the answer's `ETag`, so a browser that revalidates (`Cache-Control:
 * no-cache`) gets `304 Not Modified` without a body while nothing it shows has changed. A client
 * that accepts gzip (every browser) gets the answer compressed, once per kept answer: about a
 * sixth of the bytes (20.6 KB → 3.5 KB for a page of 20 cards), for people on slow networks.
 *
 * Reading the generation before the search is what keeps both exact: the answer then reflects
 * data at least as new as the generation its key names, and any later change moves the
 * generation past that key for good.
 */
export interface SearchVersion {
  generation: bigint;
  key: string;
  /**
   * A weak validator (`W/"…"`): the same for the plain and the gzip form of an answer, which
   * differ in bytes only; `If-None-Match` compares weakly anyway.
   */
  etag: string;
}

/** Below this, gzip saves too little to be worth it (an empty page, say). */
const GZIP_FROM_BYTES = 512;

/** One answer as it goes out: UTF-8 JSON, and its gzip form made once, when first asked for. */
export class SearchAnswer {
  readonly json: Uint8Array<ArrayBuffer>;
  #gzip: Uint8Array<ArrayBuffer> | undefined;

  constructor(body: unknown) {
    this.json = new TextEncoder().encode(JSON.stringify(body));
  }

  /** The gzip form, or undefined when the answer is too small to gain from it. */
  get gzip(): Uint8Array<ArrayBuffer> | undefined {
    if (this.json.byteLength < GZIP_FROM_BYTES) return undefined;
    return (this.#gzip ??= new Uint8Array(gzipSync(this.json)));
  }
}

/** The generation alone: a fixed text, so prepared once per connection. */
export async function readSearchGeneration(db: Kysely<Database>): Promise<bigint> {
  const result = await sql<{ g: string }>`${PREPARED} SELECT coalesce(sum(n), 0)::text AS g FROM search_generation`.execute(db);
  return BigInt(result.rows[0]!.g);
}

export class SearchAnswers {
  readonly #cache: SearchCache;
  /** Makes the ETags of this process its own: another build may word an answer differently. */
  readonly #salt = randomBytes(12).toString('base64url');
  readonly #zoneTables = new WeakMap<object, number>();
  #zoneTableCount = 0;

  /** `capacity` answers at most (0: none kept; ETags still work). */
  constructor(capacity: number) {
    this.#cache = new SearchCache(capacity);
  }

  get size() {
    return this.#cache.size;
  }

  /**
   * What names the answer. `generation` must have been read before anything the search will read
   * (the authenticated viewer carries one); without it, it is read here.
   */
  async version(db: Kysely<Database>, viewerId: string, query: MentorSearchQuery, now: Date, generation?: bigint): Promise<SearchVersion> {
    const offsets = await zoneOffsets(db, now);
    generation ??= await readSearchGeneration(db);
    let zones = this.#zoneTables.get(offsets);
    if (zones === undefined) this.#zoneTables.set(offsets, (zones = ++this.#zoneTableCount));
    const key = JSON.stringify([viewerId, isoDay(now), zones, query]);
    const etag = `W/"${createHash('sha256').update(`${this.#salt}\n${generation}\n${key}`).digest('base64url').slice(0, 32)}"`;
    return { generation, key, etag };
  }

  /** The answer named by `version`, kept or computed by `compute`. */
  answer(version: SearchVersion, compute: () => Promise<unknown>): Promise<SearchAnswer> {
    return this.#cache.get(version.generation, version.key, async () => new SearchAnswer(await compute()));
  }
}

const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** Whether an `If-None-Match` header names `etag`: a list, `*`, compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const wanted = opaque(etag);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || opaque(t) === wanted;
  });
}

/**
 * The answers of the app built with `deps` (`createApp` gives every app its own `MentorSearch`,
 * through `deps.mentorSearch` when the caller made one): for tests that look at what is kept.
 */
export function searchAnswersOf(deps: AppDeps): SearchAnswers {
  if (!deps.mentorSearch) throw new Error('these deps carry no mentor search: pass createMentorSearch(…) as deps.mentorSearch');
  return deps.mentorSearch.answers;
}
