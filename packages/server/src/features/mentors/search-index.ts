import { matchRubric, type MentorSearchQuery } from '@mentorkit/contract';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { FACET_MARGIN, FACET_SIZE, lowerAll, type FacetEntry, type Viewer } from './search-sql.js';
import type { SearchFacts, SelfInSearch } from './mentors.repository.js';

/**
 * What mentor search filters, counts and orders by, for every mentor, in this process: the
 * columns of `mentors` the SQL of search-sql.ts reads (`conditions`, `facetConditions`,
 * `score`, `sortKey`), with every string turned into a small integer of one dictionary. A search
 * then scores and counts in a loop over integers instead of PostgreSQL scoring every accepting
 * mentor for every viewer (the default page, sorted by match, scored 13,822 mentors per request
 * at 100,000 alumni); only the page's cards are read from the database, by the same statement as
 * before (`displayStatement`), which also computes the score and reasons shown.
 *
 * Freshness: the index knows the search generation (migrations 0007, 0008) it reflects. A
 * request carries the generation read with its user (`auth/user-lookup.ts`), before anything
 * else; when that is newer than the index, the index first reads the mentors changed since its
 * last read (migration 0010: `mentor_search_changes`, by transaction id), in one statement with
 * the generation they make up. So a change committed on any instance is in the index before the
 * next search that could have seen it, as the search-answers cache guarantees for whole answers;
 * nothing depends on a notification arriving.
 *
 * Exactness: ordering ties, facet order and spellings follow PostgreSQL's (`COLLATE "C"`, byte
 * order; uuid order is the order of their lower-case text); float sort keys that the database
 * computes (text rank, approval time, response time) come from it as float8, and the match
 * sort's `score + rank / 1000` is the same IEEE arithmetic. The property test
 * (search-index.test.ts) holds the two to the same pages over random data and viewers.
 */

/** Strings to small integers, and their byte (code point) order, for `COLLATE "C"` ties. */
class Dictionary {
  readonly #ids = new Map<string, number>();
  readonly #strings: string[] = [];
  #order: Int32Array | undefined;

  get size() {
    return this.#strings.length;
  }

  id(s: string): number {
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.#strings.length;
      this.#ids.set(s, id);
      this.#strings.push(s);
      this.#order = undefined;
    }
    return id;
  }

  /** The id of `s`, or -1 when no mentor holds it (nothing can match it). */
  find(s: string): number {
    return this.#ids.get(s) ?? -1;
  }

  string(id: number): string {
    return this.#strings[id]!;
  }

  /** Each id's rank in byte order of the strings; recomputed when strings were added. */
  get order(): Int32Array {
    if (!this.#order) {
      const ids = this.#strings.map((_, i) => i);
      const bytes = this.#strings.map((s) => Buffer.from(s));
      ids.sort((a, b) => Buffer.compare(bytes[a]!, bytes[b]!));
      const order = new Int32Array(ids.length);
      ids.forEach((id, rank) => (order[id] = rank));
      this.#order = order;
    }
    return this.#order;
  }

  /** A mask over ids: 1 for the ids of `strings` that exist. */
  mask(strings: Iterable<string>): Uint8Array {
    const mask = new Uint8Array(this.size);
    for (const s of strings) {
      const id = this.#ids.get(s);
      if (id !== undefined) mask[id] = 1;
    }
    return mask;
  }
}

/** One mentor as search sees it. Strings are ids of the index's dictionary; -1 for NULL. */
interface Entry {
  id: string;
  /** `status = 'active' AND listed`: may appear at all. */
  visible: boolean;
  active: boolean;
  accepting: boolean;
  /** `YYYY-MM-DD` or null. */
  awayUntil: string | null;
  capacity: number;
  open: number;
  /** Parallel arrays: expertise_keys, expertise_words, expertise (the spelling shown). */
  keys: Int32Array;
  words: Int32Array;
  spellings: Int32Array;
  industry: number;
  industryKey: number;
  languages: Int32Array;
  formats: Int32Array;
  years: number;
  graduationYear: number | null;
  zone: number;
  programme: number;
  /** Sort keys computed by the database: `extract(epoch FROM approved_at)`, `-coalesce(median_response_hours, 1e9)`. */
  newest: number;
  responsiveness: number;
}

interface MentorRow {
  id: string;
  visible: boolean;
  active: boolean;
  accepting_mentees: boolean;
  away_until: string | null;
  capacity: number;
  open_mentorships: number;
  expertise: string[];
  expertise_keys: string[];
  expertise_words: string[];
  industry: string;
  industry_key: string;
  language_keys: string[];
  meeting_formats: string[];
  years_of_experience: number;
  graduation_year: number | null;
  time_zone: string | null;
  programme_key: string;
  newest: number;
  responsiveness: number;
}

interface RefreshRow extends Partial<MentorRow> {
  generation: string;
  xmin: string;
}

const mentorColumns = sql`m.user_id::text AS id, (m.status = 'active' AND m.listed) AS visible, m.status = 'active' AS active,
  m.accepting_mentees, to_char(m.away_until, 'YYYY-MM-DD') AS away_until, m.capacity, m.open_mentorships,
  m.expertise, m.expertise_keys, m.expertise_words, m.industry, m.industry_key, m.language_keys, m.meeting_formats,
  m.years_of_experience, m.graduation_year, m.time_zone, m.programme_key,
  extract(epoch FROM m.approved_at)::float8 AS newest, (-coalesce(m.median_response_hours, 1e9))::float8 AS responsiveness`;

/** The generation and the oldest running transaction of this statement's snapshot. */
const header = sql`(SELECT (SELECT coalesce(sum(n), 0) FROM search_generation)::text AS generation,
  pg_snapshot_xmin(pg_current_snapshot())::text AS xmin) h`;

const ints = (xs: readonly number[]) => Int32Array.from(xs);

/** Where a search's text matched, from the database: mentor id → `ts_rank_cd(…, 1)`. */
export type TextMatches = Map<string, number>;

/** A search's inputs the index needs besides the query. */
export interface IndexSearch {
  query: MentorSearchQuery;
  viewer: Viewer;
  today: string;
  /** The text's tsquery ('' without text). */
  tsq: string;
  /** With text: the visible mentors it matches. */
  matches: TextMatches | undefined;
  after: { key: number; id: string } | undefined;
}

export interface IndexAnswer {
  facts: SearchFacts;
  self: SelfInSearch | undefined;
  /** The page's rows in order (`limit + 1` at most), the viewer left out. */
  rows: { id: string; key: number }[];
}

export class MentorIndex {
  readonly #dict = new Dictionary();
  readonly #entries = new Map<string, Entry>();
  #generation = -1n;
  #xmin: string | undefined;
  #refreshing: Promise<void> | undefined;
  /** Statements run to bring the index up to date (full loads and change reads), for tests and benchmarks. */
  reads = 0;

  constructor(readonly db: Kysely<Database>) {}

  get size() {
    return this.#entries.size;
  }

  get generation() {
    return this.#generation;
  }

  /**
   * Brings the index up to at least `generation` (read before anything the search reads): reads
   * what changed, once for every request waiting at that moment.
   */
  async ensure(generation: bigint): Promise<void> {
    for (let attempt = 0; this.#generation < generation; attempt++) {
      if (attempt === 3) throw new Error(`search index at generation ${this.#generation}, wanted ${generation}`);
      this.#refreshing ??= this.#refresh().finally(() => {
        this.#refreshing = undefined;
      });
      await this.#refreshing;
    }
  }

  async #refresh(): Promise<void> {
    this.reads++;
    const full = this.#xmin === undefined;
    const rows = full
      ? (await sql<RefreshRow>`SELECT h.generation, h.xmin, ${mentorColumns} FROM ${header} LEFT JOIN mentors m ON true`.execute(this.db)).rows
      : (await sql<RefreshRow>`SELECT h.generation, h.xmin, ${mentorColumns} FROM ${header}
          LEFT JOIN (mentor_search_changes c JOIN mentors m ON m.user_id = c.user_id) ON c.xid >= ${this.#xmin}::xid8`.execute(this.db)).rows;
    const first = rows[0]!;
    for (const row of rows) if (row.id) this.#put(row as MentorRow);
    // Generations only grow; a slower, older read finishing late must not move it back.
    const generation = BigInt(first.generation);
    if (generation > this.#generation) {
      this.#generation = generation;
      this.#xmin = first.xmin;
    }
  }

  #put(r: MentorRow) {
    const d = this.#dict;
    const entry: Entry = {
      id: r.id,
      visible: r.visible,
      active: r.active,
      accepting: r.accepting_mentees,
      awayUntil: r.away_until,
      capacity: r.capacity,
      open: r.open_mentorships,
      keys: ints(r.expertise_keys.map((s) => d.id(s))),
      words: ints(r.expertise_words.map((s) => d.id(s))),
      spellings: ints(r.expertise.map((s) => d.id(s))),
      industry: d.id(r.industry),
      industryKey: d.id(r.industry_key),
      languages: ints(r.language_keys.map((s) => d.id(s))),
      formats: ints(r.meeting_formats.map((s) => d.id(s))),
      years: r.years_of_experience,
      graduationYear: r.graduation_year,
      zone: r.time_zone === null ? -1 : d.id(r.time_zone),
      programme: d.id(r.programme_key),
      newest: Number(r.newest),
      responsiveness: Number(r.responsiveness),
    };
    this.#entries.set(r.id, entry);
  }

  /**
   * One search over the index: the facts everyone shares (total, facets, the viewer counted like
   * anyone, as `factsStatement`), the viewer's own row's part in them, and the page's ids.
   */
  search(s: IndexSearch): IndexAnswer {
    const { query, viewer, today, tsq, matches, after } = s;
    const d = this.#dict;
    const size = d.size;

    // Filters (`conditions`): -1 means "not asked".
    const languages = query.language.length ? d.mask(lowerAll(query.language)) : undefined;
    const formats = query.meetingFormat.length ? d.mask(query.meetingFormat) : undefined;
    const minYears = query.minYearsExperience;
    const gradFrom = query.graduationYearFrom;
    const gradTo = query.graduationYearTo;
    const availability = query.availability;
    const expertiseFilter = query.expertise.length ? d.mask(lowerAll(query.expertise)) : undefined;
    const industryFilter = query.industry.length ? d.mask(lowerAll(query.industry)) : undefined;

    const inBase = (e: Entry): boolean => {
      if (!e.visible) return false;
      if (matches && !matches.has(e.id)) return false;
      if (languages && !anyIn(e.languages, languages)) return false;
      if (formats && !anyIn(e.formats, formats)) return false;
      if (minYears !== undefined && !(e.years >= minYears)) return false;
      if (gradFrom !== undefined && !(e.graduationYear !== null && e.graduationYear >= gradFrom)) return false;
      if (gradTo !== undefined && !(e.graduationYear !== null && e.graduationYear <= gradTo)) return false;
      if (availability !== 'all') {
        const open = e.accepting && (e.awayUntil === null || e.awayUntil < today);
        const free = e.capacity - e.open;
        if (!open) return false;
        if (availability === 'accepting' && !(e.open < e.capacity)) return false;
        if (availability === 'available' && !(free >= 2)) return false;
        if (availability === 'limited' && free !== 1) return false;
      }
      return true;
    };
    const inExpertise = (e: Entry) => !expertiseFilter || anyIn(e.keys, expertiseFilter);
    const inIndustry = (e: Entry) => !industryFilter || (e.industryKey < industryFilter.length && industryFilter[e.industryKey] === 1);

    // The score (`score` in search-sql.ts) and the sort key (`sortKey`).
    const skills = d.mask(viewer.skills);
    const phrases = d.mask(viewer.goalPhrases);
    const viewerIndustry = viewer.industry ? d.find(viewer.industry) : -1;
    const viewerLanguages = d.mask(viewer.languages);
    const near = d.mask(viewer.nearZones);
    const viewerProgramme = viewer.programme ? d.find(viewer.programme) : -1;
    const score = (e: Entry): number => {
      let shared = 0;
      const n = Math.max(e.keys.length, e.words.length);
      for (let i = 0; i < n; i++) {
        if ((i < e.keys.length && skills[e.keys[i]!] === 1) || (i < e.words.length && phrases[e.words[i]!] === 1)) shared++;
      }
      let total = Math.min(matchRubric.skills, matchRubric.perSharedSkill * shared);
      if (viewerIndustry >= 0 && e.industryKey === viewerIndustry) total += matchRubric.industry;
      if (anyIn(e.languages, viewerLanguages)) total += matchRubric.language;
      if (e.zone >= 0 && near[e.zone] === 1) total += matchRubric.timeZone;
      if (viewerProgramme >= 0 && e.programme === viewerProgramme) total += matchRubric.programme;
      const free = e.active && e.accepting && (e.awayUntil === null || e.awayUntil < today) ? Math.max(e.capacity - e.open, 0) : 0;
      if (free > 0) total += matchRubric.openCapacity;
      return total;
    };
    const rank = (e: Entry) => (tsq ? (matches?.get(e.id) ?? 0) : 0);
    const keyOf = (e: Entry): number => {
      switch (query.sort) {
        case 'relevance':
          return tsq ? rank(e) : score(e);
        case 'match':
          return score(e) + rank(e) / 1000;
        case 'experience':
          return e.years;
        case 'newest':
          return e.newest;
        case 'responsiveness':
          return e.responsiveness;
      }
    };

    // Facts: total and both facets over the base rows, the viewer included.
    const expertiseCounts = new Int32Array(size);
    const expertiseSpelling = new Int32Array(size).fill(-1);
    const industryCounts = new Int32Array(size);
    const industrySpelling = new Int32Array(size).fill(-1);
    const touchedExpertise: number[] = [];
    const touchedIndustry: number[] = [];
    const order = d.order;
    const emptyKey = d.find('');
    let total = 0;
    const need = query.limit + 1;
    const top: { id: string; key: number }[] = [];
    let self: SelfInSearch | undefined;

    const candidates: Iterable<Entry> = matches ? entriesOf(this.#entries, matches) : this.#entries.values();
    for (const e of candidates) {
      if (!inBase(e)) continue;
      const inE = inExpertise(e);
      const inI = inIndustry(e);
      if (e.id === viewer.id) {
        self = { inBase: true, inExpertise: inE, inIndustry: inI, expertiseKeys: [...e.keys].map((k) => d.string(k)), industryKey: d.string(e.industryKey) };
      }
      if (inI) {
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i]!;
          if (expertiseCounts[k]!++ === 0) touchedExpertise.push(k);
          const sp = i < e.spellings.length ? e.spellings[i]! : -1;
          const was = expertiseSpelling[k]!;
          if (sp >= 0 && (was < 0 || (was !== sp && order[sp]! < order[was]!))) expertiseSpelling[k] = sp;
        }
      }
      if (inE && e.industryKey !== emptyKey) {
        const k = e.industryKey;
        if (industryCounts[k]!++ === 0) touchedIndustry.push(k);
        const was = industrySpelling[k]!;
        if (was < 0 || (was !== e.industry && order[e.industry]! < order[was]!)) industrySpelling[k] = e.industry;
      }
      if (!inE || !inI) continue;
      total++;
      if (e.id === viewer.id) continue;
      const key = keyOf(e);
      if (after && !(key < after.key || (key === after.key && e.id > after.id))) continue;
      // The best `need` rows so far, in order: key descending, id ascending.
      if (top.length === need) {
        const last = top[need - 1]!;
        if (key < last.key || (key === last.key && e.id > last.id)) continue;
        top.pop();
      }
      let at = top.length;
      while (at > 0 && (top[at - 1]!.key < key || (top[at - 1]!.key === key && top[at - 1]!.id > e.id))) at--;
      top.splice(at, 0, { id: e.id, key });
    }

    const facet = (touched: number[], counts: Int32Array, spelling: Int32Array, limit: number): FacetEntry[] =>
      touched
        .sort((a, b) => counts[b]! - counts[a]! || order[a]! - order[b]!)
        .slice(0, limit)
        .map((k) => [d.string(k), spelling[k]! >= 0 ? d.string(spelling[k]!) : '', counts[k]!]);
    return {
      facts: {
        total,
        expertise: facet(touchedExpertise, expertiseCounts, expertiseSpelling, FACET_SIZE + FACET_MARGIN),
        industry: facet(touchedIndustry, industryCounts, industrySpelling, FACET_SIZE + 1),
        top: undefined,
      },
      self,
      rows: top,
    };
  }
}

function anyIn(values: Int32Array, mask: Uint8Array): boolean {
  for (let i = 0; i < values.length; i++) if (mask[values[i]!] === 1) return true;
  return false;
}

function* entriesOf(entries: Map<string, Entry>, ids: TextMatches): Iterable<Entry> {
  for (const id of ids.keys()) {
    const e = entries.get(id);
    if (e) yield e;
  }
}
