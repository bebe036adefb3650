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
 * at 100,000 alumni); only the page's cards are read from the database (`readCards`), and their
 * score and reasons computed from its columns (`matchParts`). Besides the columns it keeps the
 * mentors of each expertise (the default page scores those sharing a skill or goal with the
 * viewer first, and often only them), the total and facets of each availability class (the
 * default page's facts), and each mentor's search document with positions and weights (text is
 * matched, and for a word or words joined by OR ranked, here: `textMatches`, `textRanks`).
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
 * computes (approval time, response time, and the text rank it does not compute here) come from
 * it as float8, the ranks computed here are the same arithmetic as `ts_rank_cd`'s, and the match
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
  /**
   * `search_vector` as JSON: `[ln(positions + 1), [[lexeme, positions, weights], …]]`, for
   * matching the search text and ranking it here (`textMatches`, `textRanks`). The logarithm is
   * PostgreSQL's (the same C library call as `ts_rank_cd`'s length normalisation).
   */
  document: string;
}

interface RefreshRow extends Partial<MentorRow> {
  generation: string;
  xmin: string;
}

const mentorColumns = sql`m.user_id::text AS id, (m.status = 'active' AND m.listed) AS visible, m.status = 'active' AS active,
  m.accepting_mentees, to_char(m.away_until, 'YYYY-MM-DD') AS away_until, m.capacity, m.open_mentorships,
  m.expertise, m.expertise_keys, m.expertise_words, m.industry, m.industry_key, m.language_keys, m.meeting_formats,
  m.years_of_experience, m.graduation_year, m.time_zone, m.programme_key,
  extract(epoch FROM m.approved_at)::float8 AS newest, (-coalesce(m.median_response_hours, 1e9))::float8 AS responsiveness,
  (SELECT json_build_array(ln(coalesce(sum(coalesce(array_length(u.positions, 1), 1)), 0)::float8 + 1),
     coalesce(json_agg(json_build_array(u.lexeme, u.positions, u.weights)), '[]'))::text
   FROM unnest(m.search_vector) u) AS document`;

/** The generation and the oldest running transaction of this statement's snapshot. */
const header = sql`(SELECT (SELECT coalesce(sum(n), 0) FROM search_generation)::text AS generation,
  pg_snapshot_xmin(pg_current_snapshot())::text AS xmin) h`;


/** A search's inputs the index needs besides the query. */
export interface IndexSearch {
  query: MentorSearchQuery;
  viewer: Viewer;
  today: string;
  /** The text's tsquery ('' without text). */
  tsq: string;
  /** With text: the slots of the visible mentors it matches (`textMatches`, `slotsOf`). */
  matched: number[] | undefined;
  /** With text: the text rank of mentors that pass every filter (0 for the others). */
  ranks?: Map<string, number> | undefined;
  after: { key: number; id: string } | undefined;
  /**
   * Also list the mentors that pass every filter (the viewer too): those whose text rank can
   * matter. The page is then left empty: it needs their ranks (`then`).
   */
  collect?: boolean;
  /** The answer of the same search with `collect`: its facts stand, and only its mentors are ordered (by `ranks`). */
  then?: IndexAnswer;
}

export interface IndexAnswer {
  facts: SearchFacts;
  self: SelfInSearch | undefined;
  /** The page's rows in order (`limit + 1` at most), the viewer left out. */
  rows: { id: string; key: number }[];
  /** With `collect`: the ids of the mentors that pass every filter, the viewer's own included. */
  candidates: string[];
  /** With `collect`: their slots. */
  passing: number[];
}

/** A growable typed array: Int32 for ids and offsets, Uint16 for what always fits in 16 bits (positions and their counts). */
class Growable<A extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>> {
  length = 0;

  constructor(public data: A) {}

  fit() {
    this.data = this.data.slice(0, Math.max(16, Math.ceil(this.length * 1.125))) as A;
  }

  push(x: number) {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (length: number) => A)(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

const ints = () => new Growable(new Int32Array(1024));
const shorts = () => new Growable(new Uint16Array(1024));

/** The slots holding one lexeme, unordered: a growable Int32Array, small for the many rare lexemes. */
class Postings {
  data = new Int32Array(4);
  length = 0;

  fit() {
    this.data = this.data.slice(0, Math.max(4, this.length));
  }

  push(slot: number) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.max(4, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = slot;
  }

  remove(slot: number) {
    const data = this.data;
    for (let i = 0; i < this.length; i++) {
      if (data[i] === slot) {
        data[i] = data[--this.length]!;
        return;
      }
    }
  }
}

/** What one facet counts over the mentors of a class: per value id, how many hold it, and how many under each spelling. */
class FacetCounts {
  readonly counts = new Map<number, number>();
  readonly spellings = new Map<number, Map<number, number>>();

  add(key: number, spelling: number, sign: 1 | -1) {
    const count = (this.counts.get(key) ?? 0) + sign;
    if (count === 0) this.counts.delete(key);
    else this.counts.set(key, count);
    if (spelling < 0) return;
    let bySpelling = this.spellings.get(key);
    if (!bySpelling) this.spellings.set(key, (bySpelling = new Map()));
    const n = (bySpelling.get(spelling) ?? 0) + sign;
    if (n === 0) bySpelling.delete(spelling);
    else bySpelling.set(spelling, n);
  }
}

/** The facts of the mentors in one availability class: kept current by every change the index reads. */
class ClassFacts {
  total = 0;
  readonly expertise = new FacetCounts();
  readonly industry = new FacetCounts();
}

const NONE = -0x80000000;
/** `tsvector` weights by code: the order of `WEP_GETWEIGHT` (D 0 … A 3). */
const WEIGHT_CODES = ['D', 'C', 'B', 'A'];
/**
 * What one occurrence of a weight adds to `ts_rank_cd`'s sum when it is a cover alone: its
 * `Cpos = 1 / InvSum` with `InvSum = 1 / (double) weight`, the default weights being float4
 * {0.1, 0.2, 0.4, 1.0} (D … A).
 */
const COVER_WEIGHT = [0.1, 0.2, 0.4, 1.0].map((w) => 1 / (1 / Math.fround(w)));
const EMPTY_ID = 0;
/** Availability classes, by `availability` filter: bit i is the filter numbered i in `search`. */
const CLASS_ALL = 1;
const CLASS_ACCEPTING = 2;
const CLASS_AVAILABLE = 4;
const CLASS_LIMITED = 8;
const VISIBLE = 1;
const ACTIVE = 2;
const ACCEPTING = 4;
/** Every lexeme of the document has its positions: `textRanks` can rank the mentor. */
const RANKABLE = 8;
const DAY_MS = 86_400_000;
const dayOf = (isoDay: string) => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);

/**
 * The index, one slot per mentor in columns (typed arrays: about 1 KB of heap per mentor less
 * than an object each, and a loop over them that stays in the CPU's caches). A mentor's lists
 * (expertise, languages) are runs of the flat arrays; a change writes a new run and the old one
 * is garbage until the next compaction.
 */
export class MentorIndex {
  readonly #dict = new Dictionary();
  readonly #slots = new Map<string, number>();
  #ids: string[] = [];
  #capacity = 0;
  #flags = new Uint8Array(0);
  #away = new Int32Array(0);
  #seats = new Int32Array(0);
  #open = new Int32Array(0);
  #exStart = new Int32Array(0);
  #exCount = new Int32Array(0);
  #keys = ints();
  #words = ints();
  #spellings = ints();
  #langStart = new Int32Array(0);
  #langCount = new Int32Array(0);
  #langs = ints();
  #lexStart = new Int32Array(0);
  #lexCount = new Int32Array(0);
  #lexemes = ints();
  /** Parallel to `#lexemes`: how many positions each lexeme has (at most 256 in a tsvector). */
  #posCount = shorts();
  /** Where each mentor's positions start in `#positions`: its lexemes' positions follow one another there. */
  #posStart = new Int32Array(0);
  /** Positions as `tsvector` stores them: weight (D 0 … A 3) in bits 14–15, position in bits 0–13. */
  #positions = shorts();
  /** `ln(number of positions + 1)` of each mentor's document (`MentorRow.document`). */
  #lnLength = new Float64Array(0);
  readonly #lexDict = new Dictionary();
  /** Lexeme id → the slots of the mentors whose search document holds it (unordered). */
  readonly #postings: Postings[] = [];
  #garbage = 0;
  /** Expertise key id → the slots holding it; expertise word id → the slots holding it (one entry per expertise, unordered). */
  readonly #keyPostings: Postings[] = [];
  readonly #wordPostings: Postings[] = [];
  /** The facts of a search without filters but availability, per availability class, as of `#factsDay` (`#classes`). */
  #classFacts: ClassFacts[] | undefined;
  #factsDay = 0;
  /** Scratch marks over slots (all zero between searches). */
  #marks = new Uint8Array(0);
  #formats = new Int32Array(0);
  readonly #formatBits = new Map<string, number>();
  #industry = new Int32Array(0);
  #industryKey = new Int32Array(0);
  #zone = new Int32Array(0);
  #programme = new Int32Array(0);
  #years = new Int32Array(0);
  #graduation = new Int32Array(0);
  #newest = new Float64Array(0);
  #responsiveness = new Float64Array(0);
  #generation = -1n;
  #xmin: string | undefined;
  #refreshing: Promise<void> | undefined;
  /** Statements run to bring the index up to date (full loads and change reads), for tests and benchmarks. */
  reads = 0;
  /** Times the lists were written anew without what changes left behind (`#compact`), for tests. */
  compactions = 0;

  constructor(readonly db: Kysely<Database>) {
    // Id 0 is the empty string, the industry key of a mentor without one (never a facet value).
    this.#dict.id('');
  }

  get size() {
    return this.#ids.length;
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
    if (full) this.#fit();
    if (this.#garbage > 4096 && this.#garbage > (this.#keys.length + this.#langs.length + this.#lexemes.length) / 2) this.#compact();
    // Generations only grow; a slower, older read finishing late must not move it back.
    const generation = BigInt(first.generation);
    if (generation > this.#generation) {
      this.#generation = generation;
      this.#xmin = first.xmin;
    }
  }

  /** Doubles the columns; with `to`, sets their capacity to that many slots (at least the mentors held). */
  #grow(to?: number) {
    const size = to ?? Math.max(1024, this.#capacity * 2);
    const i32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a.subarray(0, size)); return b; };
    const f64 = (a: Float64Array) => { const b = new Float64Array(size); b.set(a.subarray(0, size)); return b; };
    const u8 = new Uint8Array(size);
    u8.set(this.#flags.subarray(0, size));
    this.#flags = u8;
    this.#away = i32(this.#away);
    this.#seats = i32(this.#seats);
    this.#open = i32(this.#open);
    this.#exStart = i32(this.#exStart);
    this.#exCount = i32(this.#exCount);
    this.#langStart = i32(this.#langStart);
    this.#langCount = i32(this.#langCount);
    this.#lexStart = i32(this.#lexStart);
    this.#lexCount = i32(this.#lexCount);
    this.#lnLength = f64(this.#lnLength);
    this.#posStart = i32(this.#posStart);
    this.#formats = i32(this.#formats);
    this.#industry = i32(this.#industry);
    this.#industryKey = i32(this.#industryKey);
    this.#zone = i32(this.#zone);
    this.#programme = i32(this.#programme);
    this.#years = i32(this.#years);
    this.#graduation = i32(this.#graduation);
    this.#newest = f64(this.#newest);
    this.#responsiveness = f64(this.#responsiveness);
    this.#capacity = size;
  }

  #put(r: MentorRow) {
    const d = this.#dict;
    let slot = this.#slots.get(r.id);
    if (slot === undefined) {
      slot = this.#ids.length;
      if (slot === this.#capacity) this.#grow();
      this.#ids.push(r.id);
      this.#slots.set(r.id, slot);
    } else {
      this.#contribute(slot, -1);
      this.#garbage += this.#exCount[slot]! + this.#langCount[slot]! + this.#lexCount[slot]!;
      const from = this.#lexStart[slot]!;
      for (let i = from; i < from + this.#lexCount[slot]!; i++) {
        this.#postings[this.#lexemes.data[i]!]!.remove(slot);
      }
      const es = this.#exStart[slot]!;
      for (let i = es; i < es + this.#exCount[slot]!; i++) {
        const k = this.#keys.data[i]!;
        const w = this.#words.data[i]!;
        if (k >= 0) this.#keyPostings[k]!.remove(slot);
        if (w >= 0) this.#wordPostings[w]!.remove(slot);
      }
    }
    this.#flags[slot] = (r.visible ? VISIBLE : 0) | (r.active ? ACTIVE : 0) | (r.accepting_mentees ? ACCEPTING : 0);
    this.#away[slot] = r.away_until === null ? NONE : dayOf(r.away_until);
    this.#seats[slot] = r.capacity;
    this.#open[slot] = r.open_mentorships;
    // The three expertise arrays are parallel (one entry per expertise); a shorter one is padded with -1, as unnest pads with NULL.
    const n = Math.max(r.expertise_keys.length, r.expertise_words.length, r.expertise.length);
    this.#exStart[slot] = this.#keys.length;
    this.#exCount[slot] = n;
    for (let i = 0; i < n; i++) {
      const k = r.expertise_keys[i];
      const w = r.expertise_words[i];
      const e = r.expertise[i];
      const key = k === undefined || k === null ? -1 : d.id(k);
      const word = w === undefined || w === null ? -1 : d.id(w);
      this.#keys.push(key);
      this.#words.push(word);
      this.#spellings.push(e === undefined || e === null ? -1 : d.id(e));
      if (key >= 0) (this.#keyPostings[key] ??= new Postings()).push(slot);
      if (word >= 0) (this.#wordPostings[word] ??= new Postings()).push(slot);
    }
    this.#langStart[slot] = this.#langs.length;
    this.#langCount[slot] = r.language_keys.length;
    for (const l of r.language_keys) this.#langs.push(d.id(l));
    const [lnLength, lexemes] = JSON.parse(r.document) as [number, [string, number[] | null, string[] | null][]];
    this.#lnLength[slot] = lnLength;
    this.#lexStart[slot] = this.#lexemes.length;
    this.#posStart[slot] = this.#positions.length;
    let rankable = true;
    // In lexeme id order, so that `textRanks` finds a lexeme by binary search.
    const entries = lexemes.map((entry) => ({ id: this.#lexDict.id(entry[0]), entry })).sort((a, b) => a.id - b.id);
    for (const { id, entry: [, positions, weights] } of entries) {
      this.#lexemes.push(id);
      (this.#postings[id] ??= new Postings()).push(slot);
      this.#posCount.push(positions?.length ?? 0);
      // A lexeme without positions (a stripped document) ranks by rules not written here: PostgreSQL ranks this mentor.
      if (!positions || !weights) rankable = false;
      else for (let i = 0; i < positions.length; i++) this.#positions.push((WEIGHT_CODES.indexOf(weights[i]!) << 14) | positions[i]!);
    }
    this.#lexCount[slot] = this.#lexemes.length - this.#lexStart[slot]!;
    if (rankable) this.#flags[slot] = this.#flags[slot]! | RANKABLE;
    let formats = 0;
    for (const f of r.meeting_formats) formats |= this.#formatBit(f);
    this.#formats[slot] = formats;
    this.#industry[slot] = d.id(r.industry);
    this.#industryKey[slot] = d.id(r.industry_key);
    this.#zone[slot] = r.time_zone === null ? -1 : d.id(r.time_zone);
    this.#programme[slot] = d.id(r.programme_key);
    this.#years[slot] = r.years_of_experience;
    this.#graduation[slot] = r.graduation_year ?? NONE;
    this.#newest[slot] = Number(r.newest);
    this.#responsiveness[slot] = Number(r.responsiveness);
    this.#contribute(slot, 1);
  }

  /**
   * The availability classes (`CLASS_*`) a slot is in on `day`, as the filters of `search` decide:
   * none when hidden; `all` when visible; the others by open and free slots.
   */
  #classes(slot: number, day: number): number {
    const f = this.#flags[slot]!;
    if ((f & VISIBLE) === 0) return 0;
    const away = this.#away[slot]!;
    if ((f & ACCEPTING) === 0 || !(away === NONE || away < day)) return CLASS_ALL;
    const free = this.#seats[slot]! - this.#open[slot]!;
    return CLASS_ALL | (free > 0 ? CLASS_ACCEPTING : 0) | (free >= 2 ? CLASS_AVAILABLE : 0) | (free === 1 ? CLASS_LIMITED : 0);
  }

  /** Adds (`sign` 1) or takes away (-1) a slot's part in the per-class facts, when they are kept. */
  #contribute(slot: number, sign: 1 | -1) {
    const facts = this.#classFacts;
    if (!facts) return;
    const classes = this.#classes(slot, this.#factsDay);
    if (classes === 0) return;
    const es = this.#exStart[slot]!;
    const ee = es + this.#exCount[slot]!;
    const industryKey = this.#industryKey[slot]!;
    for (let c = 0; c < facts.length; c++) {
      if ((classes & (1 << c)) === 0) continue;
      const into = facts[c]!;
      into.total += sign;
      for (let i = es; i < ee; i++) {
        const k = this.#keys.data[i]!;
        if (k >= 0) into.expertise.add(k, this.#spellings.data[i]!, sign);
      }
      if (industryKey !== EMPTY_ID) into.industry.add(industryKey, this.#industry[slot]!, sign);
    }
  }

  /** The per-class facts for `day`, counted afresh when the day changed (away dates end at midnight). */
  #factsFor(day: number): ClassFacts[] {
    if (!this.#classFacts || this.#factsDay !== day) {
      this.#classFacts = [new ClassFacts(), new ClassFacts(), new ClassFacts(), new ClassFacts()];
      this.#factsDay = day;
      for (let slot = 0; slot < this.#ids.length; slot++) this.#contribute(slot, 1);
    }
    return this.#classFacts;
  }

  /** After the first load: every array about the size it holds (doubling leaves up to half of each empty), a little room for new mentors. */
  #fit() {
    this.#grow(Math.max(1024, Math.ceil(this.#ids.length * 1.125)));
    for (const list of [this.#keys, this.#words, this.#spellings, this.#langs, this.#lexemes, this.#posCount, this.#positions]) list.fit();
    for (const postings of [this.#postings, this.#keyPostings, this.#wordPostings]) for (const posting of postings) posting?.fit();
  }

  #formatBit(format: string): number {
    let bit = this.#formatBits.get(format);
    if (bit === undefined) {
      if (this.#formatBits.size === 31) throw new Error('more than 31 meeting formats');
      this.#formatBits.set(format, (bit = 1 << this.#formatBits.size));
    }
    return bit;
  }

  /** Writes every mentor's lists anew, without the runs changes left behind. */
  #compact() {
    this.compactions++;
    const keys = ints();
    const words = ints();
    const spellings = ints();
    const langs = ints();
    const lexemes = ints();
    const posCount = shorts();
    const positions = shorts();
    for (let slot = 0; slot < this.#ids.length; slot++) {
      const start = this.#exStart[slot]!;
      this.#exStart[slot] = keys.length;
      for (let i = start; i < start + this.#exCount[slot]!; i++) {
        keys.push(this.#keys.data[i]!);
        words.push(this.#words.data[i]!);
        spellings.push(this.#spellings.data[i]!);
      }
      const lstart = this.#langStart[slot]!;
      this.#langStart[slot] = langs.length;
      for (let i = lstart; i < lstart + this.#langCount[slot]!; i++) langs.push(this.#langs.data[i]!);
      const xstart = this.#lexStart[slot]!;
      this.#lexStart[slot] = lexemes.length;
      let held = 0;
      for (let i = xstart; i < xstart + this.#lexCount[slot]!; i++) {
        lexemes.push(this.#lexemes.data[i]!);
        posCount.push(this.#posCount.data[i]!);
        held += this.#posCount.data[i]!;
      }
      const pstart = this.#posStart[slot]!;
      this.#posStart[slot] = positions.length;
      for (let p = pstart; p < pstart + held; p++) positions.push(this.#positions.data[p]!);
    }
    this.#lexemes = lexemes;
    this.#posCount = posCount;
    this.#positions = positions;
    this.#keys = keys;
    this.#words = words;
    this.#spellings = spellings;
    this.#langs = langs;
    this.#garbage = 0;
  }

  /**
   * The visible mentors whose search document matches `tsq` (a tsquery's text as PostgreSQL
   * prints it), as `search_vector @@ tsq` decides, each with rank 0; undefined when the query uses
   * what only the database evaluates (phrases, prefixes, weights), or is empty.
   */
  textMatches(tsq: string): number[] | undefined {
    const tree = parseTsQuery(tsq);
    if (!tree) return undefined;
    const n = this.#ids.length;
    const postings = this.#postings;
    const lexDict = this.#lexDict;
    const evaluate = (node: TsNode): Uint8Array => {
      if (node.op === 'lexeme') {
        const bits = new Uint8Array(n);
        const id = lexDict.find(node.lexeme);
        if (id >= 0) {
          const { data, length } = postings[id]!;
          for (let i = 0; i < length; i++) bits[data[i]!] = 1;
        }
        return bits;
      }
      if (node.op === 'not') {
        const bits = evaluate(node.arg);
        for (let i = 0; i < n; i++) bits[i] = bits[i]! ^ 1;
        return bits;
      }
      const left = evaluate(node.left);
      const right = evaluate(node.right);
      if (node.op === 'and') for (let i = 0; i < n; i++) left[i] = left[i]! & right[i]!;
      else for (let i = 0; i < n; i++) left[i] = left[i]! | right[i]!;
      return left;
    };
    const bits = evaluate(tree);
    const out: number[] = [];
    const flags = this.#flags;
    for (let slot = 0; slot < n; slot++) if (bits[slot] === 1 && (flags[slot]! & VISIBLE) !== 0) out.push(slot);
    return out;
  }

  /**
   * `ts_rank_cd(search_vector, tsq, 1)::float8` of the mentors in `slots`, as PostgreSQL computes
   * it, when `tsq` is one lexeme or lexemes joined by `|` (every search word without quotes or
   * minus: its English stem, or it and its plain form); undefined otherwise, or when a mentor's
   * document has a lexeme without positions. For such a query every occurrence is a cover of its
   * own (calc_rank_cd in tsrank.c): the rank is the sum, in position order (then weight), of
   * `1 / (1 / weight)` over the occurrences (an occurrence held twice counts once), divided by
   * `ln(positions + 1)`, in double precision, then rounded to a float4 as the function returns it.
   */
  textRanks(tsq: string, slots: number[]): Map<string, number> | undefined {
    const tree = parseTsQuery(tsq);
    const wanted = tree ? alternatives(tree) : undefined;
    if (!wanted) return undefined;
    const queryIds = new Int32Array([...new Set(wanted)].map((l) => this.#lexDict.find(l)).filter((id) => id >= 0));
    const ranks = new Map<string, number>();
    const occurrences: number[] = [];
    for (const slot of slots) {
      if ((this.#flags[slot]! & RANKABLE) === 0) return undefined;
      occurrences.length = 0;
      const from = this.#lexStart[slot]!;
      const to = from + this.#lexCount[slot]!;
      for (let which = 0; which < queryIds.length; which++) {
        const i = findSorted(this.#lexemes.data, from, to, queryIds[which]!);
        if (i < 0) continue;
        let start = this.#posStart[slot]!;
        for (let j = from; j < i; j++) start += this.#posCount.data[j]!;
        for (let p = start; p < start + this.#posCount.data[i]!; p++) {
          const raw = this.#positions.data[p]!;
          // Order: position, then weight, then lexeme (get_docrep's compareDocR).
          occurrences.push((((raw & 0x3fff) * 4 + (raw >>> 14)) * 128) + which);
        }
      }
      occurrences.sort((a, b) => a - b);
      let wdoc = 0;
      for (let k = 0; k < occurrences.length; k++) {
        const o = occurrences[k]!;
        if (k > 0 && o === occurrences[k - 1]) continue;
        wdoc += COVER_WEIGHT[Math.floor(o / 128) % 4]!;
      }
      if (this.#lexCount[slot]! > 0 && occurrences.length > 0) wdoc /= this.#lnLength[slot]!;
      ranks.set(this.#ids[slot]!, Math.fround(wdoc));
    }
    return ranks;
  }

  /** The slots of the mentors `ids` (those the index holds). */
  slotsOf(ids: Iterable<string>): number[] {
    const out: number[] = [];
    for (const id of ids) {
      const slot = this.#slots.get(id);
      if (slot !== undefined) out.push(slot);
    }
    return out;
  }

  /**
   * One search over the index: the facts everyone shares (total, facets, the viewer counted like
   * anyone, as `factsStatement`), the viewer's own row's part in them, and the page's ids.
   */
  search(s: IndexSearch): IndexAnswer {
    const { query, viewer, today, tsq, matched: matchedSlots, ranks, after } = s;
    const collect = s.collect === true;
    const candidates: string[] = [];
    const passing: number[] = [];
    const d = this.#dict;
    const size = d.size;
    const n = this.#ids.length;
    const ids = this.#ids;
    const flags = this.#flags;
    const away = this.#away;
    const seats = this.#seats;
    const openCount = this.#open;
    const exStart = this.#exStart;
    const exCount = this.#exCount;
    const keys = this.#keys.data;
    const words = this.#words.data;
    const spellings = this.#spellings.data;
    const langStart = this.#langStart;
    const langCount = this.#langCount;
    const langs = this.#langs.data;
    const formats = this.#formats;
    const industryOf = this.#industry;
    const industryKeyOf = this.#industryKey;
    const zoneOf = this.#zone;
    const programmeOf = this.#programme;
    const years = this.#years;
    const graduation = this.#graduation;
    const todayDay = dayOf(today);

    // Filters (`conditions`, `facetConditions`).
    const languageFilter = query.language.length ? d.mask(lowerAll(query.language)) : undefined;
    let formatFilter = 0;
    for (const f of query.meetingFormat) formatFilter |= this.#formatBits.get(f) ?? 0;
    const wantsFormat = query.meetingFormat.length > 0;
    const minYears = query.minYearsExperience ?? NONE;
    const gradFrom = query.graduationYearFrom;
    const gradTo = query.graduationYearTo;
    const availability = query.availability === 'all' ? 0 : query.availability === 'accepting' ? 1 : query.availability === 'available' ? 2 : 3;
    const expertiseFilter = query.expertise.length ? d.mask(lowerAll(query.expertise)) : undefined;
    const industryFilter = query.industry.length ? d.mask(lowerAll(query.industry)) : undefined;

    // The score (`score` in search-sql.ts) and the sort key (`sortKey`).
    const skills = d.mask(viewer.skills);
    const phrases = d.mask(viewer.goalPhrases);
    const viewerIndustry = viewer.industry ? d.find(viewer.industry) : -1;
    const viewerLanguages = d.mask(viewer.languages);
    const near = d.mask(viewer.nearZones);
    const viewerProgramme = viewer.programme ? d.find(viewer.programme) : -1;
    const sort = query.sort;
    const byScore = sort === 'match' || (sort === 'relevance' && !tsq);
    const staticKey = sort === 'experience' ? years : sort === 'newest' ? this.#newest : sort === 'responsiveness' ? this.#responsiveness : undefined;
    const order = d.order;
    const viewerSlot = this.#slots.get(viewer.id) ?? -1;

    /** The match score of a slot that passed the filters (`open`: accepting and not away today). */
    const scoreOf = (slot: number, open: boolean): number => {
      const es = exStart[slot]!;
      const ee = es + exCount[slot]!;
      let shared = 0;
      for (let i = es; i < ee; i++) {
        const k = keys[i]!;
        const w = words[i]!;
        if ((k >= 0 && skills[k] === 1) || (w >= 0 && phrases[w] === 1)) shared++;
      }
      let score = Math.min(matchRubric.skills, matchRubric.perSharedSkill * shared);
      if (viewerIndustry >= 0 && industryKeyOf[slot] === viewerIndustry) score += matchRubric.industry;
      const ls = langStart[slot]!;
      if (anyIn(langs, ls, ls + langCount[slot]!, viewerLanguages)) score += matchRubric.language;
      const zone = zoneOf[slot]!;
      if (zone >= 0 && near[zone] === 1) score += matchRubric.timeZone;
      if (viewerProgramme >= 0 && programmeOf[slot] === viewerProgramme) score += matchRubric.programme;
      // Free slots as `freeSlots`: active, accepting, not away, and room.
      if ((flags[slot]! & ACTIVE) !== 0 && open && seats[slot]! - openCount[slot]! > 0) score += matchRubric.openCapacity;
      return score;
    };

    // The best `need` rows so far, in order: key descending, id ascending.
    const need = query.limit + 1;
    const topIds: string[] = [];
    const topKeys: number[] = [];
    const offer = (slot: number, key: number) => {
      const id = ids[slot]!;
      if (after && !(key < after.key || (key === after.key && id > after.id))) return;
      let at = topKeys.length;
      if (at === need) {
        const lastKey = topKeys[need - 1]!;
        if (key < lastKey || (key === lastKey && id > topIds[need - 1]!)) return;
        topKeys.pop();
        topIds.pop();
        at--;
      }
      while (at > 0 && (topKeys[at - 1]! < key || (topKeys[at - 1] === key && topIds[at - 1]! > id))) at--;
      topKeys.splice(at, 0, key);
      topIds.splice(at, 0, id);
    };
    const rows = () => topIds.map((id, i) => ({ id, key: topKeys[i]! }));
    const isOpen = (slot: number) => (flags[slot]! & ACCEPTING) !== 0 && (away[slot] === NONE || away[slot]! < todayDay);
    /** The sort key of a slot that passed the filters. */
    const keyOf = (slot: number, open: boolean): number => {
      if (staticKey) return staticKey[slot]!;
      const rank = tsq && ranks ? (ranks.get(ids[slot]!) ?? 0) : 0;
      if (sort === 'relevance' && tsq) return rank;
      return byScore && !tsq ? scoreOf(slot, open) : scoreOf(slot, open) + rank / 1000;
    };

    if (s.then) {
      for (const slot of s.then.passing) if (slot !== viewerSlot) offer(slot, keyOf(slot, isOpen(slot)));
      return { facts: s.then.facts, self: s.then.self, rows: rows(), candidates: [], passing: [] };
    }

    // Without text, a programme or any filter but availability (the first page everyone sees):
    // the facts are the class's, kept by the index, and only the mentors that share a skill or
    // goal with the viewer need scoring when enough of them beat what the others can reach.
    const filtered = wantsFormat || minYears !== NONE || gradFrom !== undefined || gradTo !== undefined || languageFilter || expertiseFilter || industryFilter;
    if (!matchedSlots && !filtered) {
      const classBit = 1 << availability;
      const facts = this.#factsFor(todayDay)[availability]!;
      const inClass = (slot: number) => (this.#classes(slot, todayDay) & classBit) !== 0;
      let self: SelfInSearch | undefined;
      if (viewerSlot >= 0 && inClass(viewerSlot)) {
        const es = exStart[viewerSlot]!;
        const own: string[] = [];
        for (let i = es; i < es + exCount[viewerSlot]!; i++) if (keys[i]! >= 0) own.push(d.string(keys[i]!));
        self = { inBase: true, inExpertise: true, inIndustry: true, expertiseKeys: own, industryKey: d.string(industryKeyOf[viewerSlot]!) };
      }
      let scanned = false;
      if (byScore) {
        // What a mentor sharing nothing with the viewer can score at most.
        const rest = (viewerIndustry >= 0 ? matchRubric.industry : 0) + (viewer.languages.length ? matchRubric.language : 0)
          + (viewer.nearZones.length ? matchRubric.timeZone : 0) + (viewerProgramme >= 0 ? matchRubric.programme : 0) + matchRubric.openCapacity;
        // By how many expertise each mentor can share (`hits` counts one for a skill's key and one
        // for a goal's words, so it is at least the shared count), most first; the mentors with
        // fewer, and those sharing none, are scored only while they could still reach the page.
        const beaten = (bound: number) => topKeys.length === need && topKeys[need - 1]! > bound;
        const tiers = this.#sharingTiers(viewer.skills, viewer.goalPhrases, Math.ceil(matchRubric.skills / matchRubric.perSharedSkill));
        for (let hits = tiers.length - 1; hits >= 1 && !scanned; hits--) {
          if (beaten(Math.min(matchRubric.skills, matchRubric.perSharedSkill * hits) + rest)) scanned = true;
          else for (const slot of tiers[hits]!) if (slot !== viewerSlot && inClass(slot)) offer(slot, scoreOf(slot, isOpen(slot)));
        }
        scanned ||= beaten(rest);
        if (!scanned) {
          topKeys.length = 0;
          topIds.length = 0;
        }
      }
      if (!scanned) {
        for (let slot = 0; slot < n; slot++) {
          if (slot === viewerSlot || !inClass(slot)) continue;
          offer(slot, staticKey ? staticKey[slot]! : scoreOf(slot, isOpen(slot)));
        }
      }
      return {
        facts: {
          total: facts.total,
          expertise: topFacet(facts.expertise, d, FACET_SIZE + FACET_MARGIN),
          industry: topFacet(facts.industry, d, FACET_SIZE + 1),
          top: undefined,
        },
        self,
        rows: rows(),
        candidates: [],
        passing: [],
      };
    }

    // Facts: total and both facets over the base rows, the viewer included.
    const expertiseCounts = new Int32Array(size);
    const expertiseSpelling = new Int32Array(size).fill(-1);
    const industryCounts = new Int32Array(size);
    const industrySpelling = new Int32Array(size).fill(-1);
    const touchedExpertise: number[] = [];
    const touchedIndustry: number[] = [];
    let total = 0;
    let self: SelfInSearch | undefined;

    const count = matchedSlots ? matchedSlots.length : n;
    for (let c = 0; c < count; c++) {
      const slot = matchedSlots ? matchedSlots[c]! : c;
      const f = flags[slot]!;
      if ((f & VISIBLE) === 0) continue;
      if (wantsFormat && (formats[slot]! & formatFilter) === 0) continue;
      if (minYears !== NONE && !(years[slot]! >= minYears)) continue;
      if (gradFrom !== undefined && !(graduation[slot]! !== NONE && graduation[slot]! >= gradFrom)) continue;
      if (gradTo !== undefined && !(graduation[slot]! !== NONE && graduation[slot]! <= gradTo)) continue;
      const ls = langStart[slot]!;
      if (languageFilter && !anyIn(langs, ls, ls + langCount[slot]!, languageFilter)) continue;
      const open = (f & ACCEPTING) !== 0 && (away[slot] === NONE || away[slot]! < todayDay);
      const free = seats[slot]! - openCount[slot]!;
      if (availability !== 0) {
        if (!open) continue;
        if (availability === 1 ? !(free > 0) : availability === 2 ? !(free >= 2) : free !== 1) continue;
      }
      const es = exStart[slot]!;
      const ee = es + exCount[slot]!;
      const inE = !expertiseFilter || anyIn(keys, es, ee, expertiseFilter);
      const industryKey = industryKeyOf[slot]!;
      const inI = !industryFilter || (industryKey < industryFilter.length && industryFilter[industryKey] === 1);
      if (slot === viewerSlot) {
        const own: string[] = [];
        for (let i = es; i < ee; i++) if (keys[i]! >= 0) own.push(d.string(keys[i]!));
        self = { inBase: true, inExpertise: inE, inIndustry: inI, expertiseKeys: own, industryKey: d.string(industryKey) };
      }
      if (inI) {
        for (let i = es; i < ee; i++) {
          const k = keys[i]!;
          if (k < 0) continue;
          if (expertiseCounts[k]!++ === 0) touchedExpertise.push(k);
          const sp = spellings[i]!;
          const was = expertiseSpelling[k]!;
          if (sp >= 0 && was !== sp && (was < 0 || order[sp]! < order[was]!)) expertiseSpelling[k] = sp;
        }
      }
      if (inE && industryKey !== EMPTY_ID) {
        if (industryCounts[industryKey]!++ === 0) touchedIndustry.push(industryKey);
        const spelling = industryOf[slot]!;
        const was = industrySpelling[industryKey]!;
        if (was !== spelling && (was < 0 || order[spelling]! < order[was]!)) industrySpelling[industryKey] = spelling;
      }
      if (!inE || !inI) continue;
      total++;
      if (collect) {
        candidates.push(ids[slot]!);
        passing.push(slot);
      } else if (slot !== viewerSlot) {
        offer(slot, keyOf(slot, open));
      }
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
      rows: rows(),
      candidates,
      passing,
    };
  }

  /**
   * The mentors with an expertise whose key is one of `skills` or whose words are one of
   * `phrases` (those whose shared-skills part is not 0), by hits: `tiers[h]` holds those with h
   * hits, the last tier those with `most` or more.
   */
  #sharingTiers(skills: string[], phrases: string[], most: number): number[][] {
    if (this.#marks.length < this.#ids.length) this.#marks = new Uint8Array(this.#capacity);
    const hits = this.#marks;
    const touched: number[] = [];
    const gather = (postings: Postings | undefined) => {
      if (!postings) return;
      const { data, length } = postings;
      for (let i = 0; i < length; i++) {
        const slot = data[i]!;
        if (hits[slot] === 0) touched.push(slot);
        if (hits[slot]! < most) hits[slot]!++;
      }
    };
    for (const skill of new Set(skills)) {
      const id = this.#dict.find(skill);
      if (id >= 0) gather(this.#keyPostings[id]);
    }
    for (const phrase of new Set(phrases)) {
      const id = this.#dict.find(phrase);
      if (id >= 0) gather(this.#wordPostings[id]);
    }
    const tiers: number[][] = Array.from({ length: most + 1 }, () => []);
    for (const slot of touched) {
      tiers[hits[slot]!]!.push(slot);
      hits[slot] = 0;
    }
    return tiers;
  }
}

/** A facet's first `limit` values from kept counts: by count, then in byte order; each under its first spelling in byte order. */
function topFacet(counted: FacetCounts, d: Dictionary, limit: number): FacetEntry[] {
  const order = d.order;
  return [...counted.counts]
    .sort(([a, ca], [b, cb]) => cb - ca || order[a]! - order[b]!)
    .slice(0, limit)
    .map(([k, count]): FacetEntry => {
      let spelling = -1;
      for (const sp of counted.spellings.get(k)?.keys() ?? []) if (spelling < 0 || order[sp]! < order[spelling]!) spelling = sp;
      return [d.string(k), spelling >= 0 ? d.string(spelling) : '', count];
    });
}

/** The index of `value` in `values[from, to)`, sorted ascending; -1 when absent. */
function findSorted(values: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function anyIn(values: Int32Array, from: number, to: number, mask: Uint8Array): boolean {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v >= 0 && mask[v] === 1) return true;
  }
  return false;
}

type TsNode =
  | { op: 'lexeme'; lexeme: string }
  | { op: 'not'; arg: TsNode }
  | { op: 'and' | 'or'; left: TsNode; right: TsNode };

/** The lexemes of a query that is a lexeme or lexemes joined by `|`; undefined for any other query. */
function alternatives(node: TsNode): string[] | undefined {
  if (node.op === 'lexeme') return [node.lexeme];
  if (node.op !== 'or') return undefined;
  const left = alternatives(node.left);
  const right = left && alternatives(node.right);
  return left && right ? [...left, ...right] : undefined;
}

/**
 * A tsquery's text (`tsqueryout`: lexemes in single quotes, `''` and `\\` escaped; `!`, `&`, `|`,
 * parentheses where the priorities need them) as a tree, or undefined for anything else (phrase
 * operators `<->` and `<N>`, `:*` prefixes, `:AB` weights): those are left to the database.
 */
export function parseTsQuery(text: string): TsNode | undefined {
  let at = 0;
  const skip = () => {
    while (text[at] === ' ') at++;
  };
  const fail = Symbol('unsupported');
  const primary = (): TsNode => {
    skip();
    const c = text[at];
    if (c === '!') {
      at++;
      return { op: 'not', arg: primary() };
    }
    if (c === '(') {
      at++;
      const inner = or();
      skip();
      if (text[at] !== ')') throw fail;
      at++;
      return inner;
    }
    if (c !== "'") throw fail;
    at++;
    let lexeme = '';
    for (;;) {
      const ch = text[at++];
      if (ch === undefined) throw fail;
      if (ch === '\\') {
        const next = text[at++];
        if (next === undefined) throw fail;
        lexeme += next;
      } else if (ch === "'") {
        if (text[at] === "'") {
          lexeme += "'";
          at++;
        } else break;
      } else lexeme += ch;
    }
    if (text[at] === ':') throw fail;
    return { op: 'lexeme', lexeme };
  };
  const and = (): TsNode => {
    let left = primary();
    for (;;) {
      skip();
      if (text[at] === '<') throw fail;
      if (text[at] !== '&') return left;
      at++;
      left = { op: 'and', left, right: primary() };
    }
  };
  const or = (): TsNode => {
    let left = and();
    for (;;) {
      skip();
      if (text[at] !== '|') return left;
      at++;
      left = { op: 'or', left, right: and() };
    }
  };
  try {
    if (!text.trim()) return undefined;
    const tree = or();
    skip();
    return at === text.length ? tree : undefined;
  } catch (err) {
    if (err === fail) return undefined;
    throw err;
  }
}
