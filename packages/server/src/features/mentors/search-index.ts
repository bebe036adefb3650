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
 * before (`displayStatement`), and their score and reasons computed from its columns (`matchParts`).
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
  /** The lexemes of `search_vector` (`tsvector_to_array`), for matching the search text here. */
  lexemes: string[];
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
  tsvector_to_array(m.search_vector) AS lexemes`;

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
  /** Also list the mentors that pass every filter (the viewer too): those whose text rank can matter. */
  collect?: boolean;
}

export interface IndexAnswer {
  facts: SearchFacts;
  self: SelfInSearch | undefined;
  /** The page's rows in order (`limit + 1` at most), the viewer left out. */
  rows: { id: string; key: number }[];
  /** With `collect`: the ids of the mentors that pass every filter, the viewer's own included. */
  candidates: string[];
}

/** A growable Int32Array. */
class Ints {
  data = new Int32Array(1024);
  length = 0;

  fit() {
    this.data = this.data.slice(0, Math.max(16, Math.ceil(this.length * 1.125)));
  }

  push(x: number) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

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

const NONE = -0x80000000;
const VISIBLE = 1;
const ACTIVE = 2;
const ACCEPTING = 4;
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
  #keys = new Ints();
  #words = new Ints();
  #spellings = new Ints();
  #langStart = new Int32Array(0);
  #langCount = new Int32Array(0);
  #langs = new Ints();
  #lexStart = new Int32Array(0);
  #lexCount = new Int32Array(0);
  #lexemes = new Ints();
  readonly #lexDict = new Dictionary();
  /** Lexeme id → the slots of the mentors whose search document holds it (unordered). */
  readonly #postings: Postings[] = [];
  #garbage = 0;
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

  constructor(readonly db: Kysely<Database>) {}

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
      this.#garbage += this.#exCount[slot]! + this.#langCount[slot]! + this.#lexCount[slot]!;
      const from = this.#lexStart[slot]!;
      for (let i = from; i < from + this.#lexCount[slot]!; i++) {
        this.#postings[this.#lexemes.data[i]!]!.remove(slot);
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
      this.#keys.push(k === undefined || k === null ? -1 : d.id(k));
      this.#words.push(w === undefined || w === null ? -1 : d.id(w));
      this.#spellings.push(e === undefined || e === null ? -1 : d.id(e));
    }
    this.#langStart[slot] = this.#langs.length;
    this.#langCount[slot] = r.language_keys.length;
    for (const l of r.language_keys) this.#langs.push(d.id(l));
    this.#lexStart[slot] = this.#lexemes.length;
    this.#lexCount[slot] = r.lexemes.length;
    for (const l of new Set(r.lexemes)) {
      const id = this.#lexDict.id(l);
      this.#lexemes.push(id);
      (this.#postings[id] ??= new Postings()).push(slot);
    }
    this.#lexCount[slot] = this.#lexemes.length - this.#lexStart[slot]!;
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
  }

  /** After the first load: every array about the size it holds (doubling leaves up to half of each empty), a little room for new mentors. */
  #fit() {
    this.#grow(Math.max(1024, Math.ceil(this.#ids.length * 1.125)));
    for (const list of [this.#keys, this.#words, this.#spellings, this.#langs, this.#lexemes]) list.fit();
    for (const posting of this.#postings) posting?.fit();
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
    const keys = new Ints();
    const words = new Ints();
    const spellings = new Ints();
    const langs = new Ints();
    const lexemes = new Ints();
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
      for (let i = xstart; i < xstart + this.#lexCount[slot]!; i++) lexemes.push(this.#lexemes.data[i]!);
    }
    this.#lexemes = lexemes;
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
    const d = this.#dict;
    const size = d.size;
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
    const topIds: string[] = [];
    const topKeys: number[] = [];
    let self: SelfInSearch | undefined;
    const viewerSlot = this.#slots.get(viewer.id) ?? -1;

    const count = matchedSlots ? matchedSlots.length : ids.length;
    for (let c = 0; c < count; c++) {
      const slot = matchedSlots ? matchedSlots[c]! : c;
      const f = flags[slot]!;
      if ((f & VISIBLE) === 0) continue;
      if (wantsFormat && (formats[slot]! & formatFilter) === 0) continue;
      if (minYears !== NONE && !(years[slot]! >= minYears)) continue;
      if (gradFrom !== undefined && !(graduation[slot]! !== NONE && graduation[slot]! >= gradFrom)) continue;
      if (gradTo !== undefined && !(graduation[slot]! !== NONE && graduation[slot]! <= gradTo)) continue;
      const ls = langStart[slot]!;
      const le = ls + langCount[slot]!;
      if (languageFilter && !anyIn(langs, ls, le, languageFilter)) continue;
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
      if (inE && industryKey !== emptyKey) {
        if (industryCounts[industryKey]!++ === 0) touchedIndustry.push(industryKey);
        const spelling = industryOf[slot]!;
        const was = industrySpelling[industryKey]!;
        if (was !== spelling && (was < 0 || order[spelling]! < order[was]!)) industrySpelling[industryKey] = spelling;
      }
      if (!inE || !inI) continue;
      total++;
      if (collect) candidates.push(ids[slot]!);
      if (slot === viewerSlot) continue;

      let key: number;
      if (staticKey) {
        key = staticKey[slot]!;
      } else {
        const rank = tsq && ranks ? (ranks.get(ids[slot]!) ?? 0) : 0;
        if (sort === 'relevance' && tsq) {
          key = rank;
        } else {
          let shared = 0;
          for (let i = es; i < ee; i++) {
            const k = keys[i]!;
            const w = words[i]!;
            if ((k >= 0 && skills[k] === 1) || (w >= 0 && phrases[w] === 1)) shared++;
          }
          let score = Math.min(matchRubric.skills, matchRubric.perSharedSkill * shared);
          if (viewerIndustry >= 0 && industryKey === viewerIndustry) score += matchRubric.industry;
          if (anyIn(langs, ls, le, viewerLanguages)) score += matchRubric.language;
          const zone = zoneOf[slot]!;
          if (zone >= 0 && near[zone] === 1) score += matchRubric.timeZone;
          if (viewerProgramme >= 0 && programmeOf[slot] === viewerProgramme) score += matchRubric.programme;
          // Free slots as `freeSlots`: active, accepting, not away, and room.
          if ((f & ACTIVE) !== 0 && open && free > 0) score += matchRubric.openCapacity;
          key = byScore && !tsq ? score : score + rank / 1000;
        }
      }
      const id = ids[slot]!;
      if (after && !(key < after.key || (key === after.key && id > after.id))) continue;
      // The best `need` rows so far, in order: key descending, id ascending.
      let at = topKeys.length;
      if (at === need) {
        const lastKey = topKeys[need - 1]!;
        if (key < lastKey || (key === lastKey && id > topIds[need - 1]!)) continue;
        topKeys.pop();
        topIds.pop();
        at--;
      }
      while (at > 0 && (topKeys[at - 1]! < key || (topKeys[at - 1] === key && topIds[at - 1]! > id))) at--;
      topKeys.splice(at, 0, key);
      topIds.splice(at, 0, id);
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
      rows: topIds.map((id, i) => ({ id, key: topKeys[i]! })),
      candidates,
    };
  }
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
