import type { FacetCount, MentorCard, MentorSearchParams, MentorSearchResult } from '@mentorkit/contract';
import type { AvailabilityFilter, MeetingFormat, MentorSort } from '@mentorkit/contract/values';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { debounce } from './debounce.js';
import { ResourceController } from './resource.controller.js';

/** What the viewer has chosen in the search form. Empty strings and null mean "any". */
export interface MentorSearchFilters {
  q: string;
  expertise: readonly string[];
  availability: AvailabilityFilter;
  industry: string;
  language: string;
  meetingFormat: MeetingFormat | '';
  minYearsExperience: number | null;
  sort: MentorSort;
}

export const defaultFilters: Readonly<MentorSearchFilters> = Object.freeze({
  q: '',
  expertise: [],
  availability: 'accepting',
  industry: '',
  language: '',
  meetingFormat: '',
  minYearsExperience: null,
  sort: 'relevance',
});

/** Typing settles for this long before a search goes out. */
export const QUERY_DEBOUNCE_MS = 300;

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Expertise matches case-insensitively, as the server's filter does. */
const sameText = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function toParams(f: MentorSearchFilters, limit: number, programme = ''): MentorSearchParams {
  const q = f.q.trim();
  const language = f.language.trim();
  return {
    ...(q ? { q } : {}),
    ...(f.expertise.length ? { expertise: [...f.expertise] } : {}),
    availability: f.availability,
    ...(f.industry ? { industry: [f.industry] } : {}),
    ...(language ? { language: [language] } : {}),
    ...(f.meetingFormat ? { meetingFormat: [f.meetingFormat] } : {}),
    ...(f.minYearsExperience !== null ? { minYearsExperience: f.minYearsExperience } : {}),
    sort: f.sort,
    ...(programme ? { programme } : {}),
    limit,
  };
}

/**
 * The headless mentor search: filters, a debounced query, the first page, "load more" by cursor
 * (appending without duplicates) and the facet counts. Any template can render it.
 */
export class MentorSearchController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  readonly #onFiltersChange: ((filters: MentorSearchFilters, previous: MentorSearchFilters) => void) | undefined;
  #filters: MentorSearchFilters = defaultFilters;
  #pageSize = 12;
  #programme = '';
  #params: MentorSearchParams = toParams(defaultFilters, this.#pageSize);

  /** Mentors loaded so far, in result order. */
  items: MentorCard[] = [];
  /** Mentors matching the filters over all pages (of the latest completed search). */
  total = 0;
  nextCursor: string | null = null;

  readonly #first: ResourceController<MentorSearchResult, [MentorkitClient, MentorSearchParams]>;
  readonly #more: ResourceController<MentorSearchResult, [MentorkitClient, MentorSearchParams, string]>;
  readonly #commitQuery = debounce((q: string) => this.setFilters({ q }), QUERY_DEBOUNCE_MS);

  constructor(
    host: ReactiveControllerHost,
    options: { client: () => MentorkitClient | undefined; onFiltersChange?: (filters: MentorSearchFilters, previous: MentorSearchFilters) => void },
  ) {
    this.#host = host;
    this.#client = options.client;
    this.#onFiltersChange = options.onFiltersChange;
    this.#first = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        return client ? [client, this.#params] : undefined;
      },
      task: ([client, params], { signal }) => {
        this.#more.abort();
        return client.mentors.search(params, { signal });
      },
      onComplete: (result) => {
        this.items = result.items;
        this.total = result.total;
        this.nextCursor = result.nextCursor;
      },
    });
    this.#more = new ResourceController(host, {
      task: ([client, params, cursor], { signal }) => client.mentors.search({ ...params, cursor }, { signal }),
      onComplete: (result) => {
        const seen = new Set(this.items.map((m) => m.id));
        this.items = [...this.items, ...result.items.filter((m) => !seen.has(m.id))];
        this.total = result.total;
        this.nextCursor = result.nextCursor;
      },
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#commitQuery.cancel();
  }

  get filters(): Readonly<MentorSearchFilters> {
    return this.#filters;
  }

  get pageSize(): number {
    return this.#pageSize;
  }

  set pageSize(size: number) {
    const clamped = Math.min(100, Math.max(1, Math.round(size) || 12));
    if (clamped === this.#pageSize) return;
    this.#pageSize = clamped;
    this.#params = toParams(this.#filters, clamped, this.#programme);
    this.#host.requestUpdate();
  }

  /**
   * The programme (id or slug) the search is limited to: only its enrolled mentors are found.
   * Not a filter: "Clear filters" keeps it, and it is not in the address.
   */
  get programme(): string {
    return this.#programme;
  }

  set programme(idOrSlug: string) {
    const value = idOrSlug.trim();
    if (value === this.#programme) return;
    this.#programme = value;
    this.#params = toParams(this.#filters, this.#pageSize, value);
    this.#host.requestUpdate();
  }

  /** Applies a change at once; a new search goes out before the next render. */
  setFilters(patch: Partial<MentorSearchFilters>): void {
    this.#commitQuery.cancel();
    const previous = this.#filters;
    const next = { ...previous, ...patch };
    if (JSON.stringify(next) === JSON.stringify(previous)) return;
    this.#filters = next;
    this.#params = toParams(next, this.#pageSize, this.#programme);
    this.#host.requestUpdate();
    this.#onFiltersChange?.(next, previous);
  }

  /** The search box's text: searched once typing pauses. */
  setQuery(q: string): void {
    this.#commitQuery(q);
  }

  /** Searches the pending text now (Enter in the search box). */
  flushQuery(): void {
    this.#commitQuery.flush();
  }

  toggleExpertise(value: string): void {
    const selected = this.#filters.expertise;
    const on = selected.some((v) => sameText(v, value));
    this.setFilters({ expertise: on ? selected.filter((v) => !sameText(v, value)) : [...selected, value] });
  }

  isExpertiseSelected(value: string): boolean {
    return this.#filters.expertise.some((v) => sameText(v, value));
  }

  /** Back to the defaults, search text included. */
  clear(): void {
    this.setFilters({ ...defaultFilters, sort: this.#filters.sort });
  }

  /** Filters that narrow the results (search text and sort excluded): the number on "Filters (n)". */
  get activeFilterCount(): number {
    const f = this.#filters;
    return (
      f.expertise.length +
      Number(f.availability !== defaultFilters.availability) +
      Number(f.industry !== '') +
      Number(f.language.trim() !== '') +
      Number(f.meetingFormat !== '') +
      Number(f.minYearsExperience !== null)
    );
  }

  /** Whether "Clear filters" would change anything. */
  get canClear(): boolean {
    return this.activeFilterCount > 0 || this.#filters.q.trim() !== '';
  }

  get status(): SearchStatus {
    switch (this.#first.status) {
      case 'initial':
        return 'idle';
      case 'pending':
        return 'loading';
      case 'error':
        return 'error';
      case 'complete':
        return 'ready';
    }
  }

  get error(): unknown {
    return this.#first.error;
  }

  /** Facet counts of the latest search; kept while a new one loads so the chips stay put. */
  get facets(): { expertise: FacetCount[]; industry: FacetCount[] } {
    return this.#first.value?.facets ?? { expertise: [], industry: [] };
  }

  get hasMore(): boolean {
    return this.status === 'ready' && this.nextCursor !== null;
  }

  get loadingMore(): boolean {
    return this.#more.status === 'pending';
  }

  get loadMoreError(): unknown {
    return this.#more.status === 'error' ? this.#more.error : undefined;
  }

  /** Loads the next page; resolves with the mentors it added (none when it failed or was superseded). */
  async loadMore(): Promise<MentorCard[]> {
    const client = this.#client();
    if (!client || !this.nextCursor || this.loadingMore) return [];
    const before = this.items.length;
    await this.#more.run([client, this.#params, this.nextCursor]);
    return this.#more.status === 'complete' ? this.items.slice(before) : [];
  }

  /**
   * Changes one loaded mentor in place (e.g. after the viewer requested them: `viewerRequestState`
   * becomes `pending`), without searching again. Returns the updated card, or undefined when that
   * mentor is not among the loaded results.
   */
  updateItem(mentorId: string, patch: Partial<Omit<MentorCard, 'id'>>): MentorCard | undefined {
    let updated: MentorCard | undefined;
    this.items = this.items.map((m) => (m.id === mentorId ? (updated = { ...m, ...patch }) : m));
    if (updated) this.#host.requestUpdate();
    return updated;
  }

  /** Repeats whatever failed: the search itself or the last "load more". */
  retry(): Promise<unknown> {
    return this.#first.status === 'error' ? this.#first.retry() : this.#more.status === 'error' ? this.loadMore() : Promise.resolve();
  }
}
