import { msg, str } from '@lit/localize';
import type { FacetCount, MentorCard, MentorProfile, MentorshipRequest, Programme } from '@mentorkit/contract';
import { meetingFormats, type AvailabilityFilter, type MeetingFormat, type MentorSort } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { MentorSearchController } from '../../controllers/mentor-search.controller.js';
import { ResourceController } from '../../controllers/resource.controller.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { wrapTabFocus } from '../../internal/focus-trap.js';
import { meetingFormatLabel, mentorCount } from '../../internal/format.js';
import { HashRouteController } from '../../internal/hash-route.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { cardSkeleton, mentorCard, type RequestGate } from './mentor-card.template.js';
import { profileContent } from './mentor-profile.template.js';
import { refreshCards, searchLiveMentor, searchLiveTypes } from './mentor-search.live.js';
import { filtersFromHash, filtersToHash, SEARCH_HASH_KEYS } from './mentor-search.route.js';
import { mentorSearchStyles } from './mentor-search.styles.js';
import { programmeBanner, programmeGate, programmeMissing, type ProgrammeBannerActions } from './programme-banner.template.js';
import { enrol, enrolGoalsStyles, enrolledMessage } from '../shared/programme-format.js';
import { requestDialogContent, sentHeadline, type RequestDialogActions } from './request-dialog.template.js';
import { RequestFormController, SKILLS_MAX } from './request-form.controller.js';
import { sendFailure } from './request-format.js';

/**
 * The orders offered. "Best match" is `relevance`: with search text the server ranks by it, without
 * text by match score, so a separate "Match score" would only repeat it.
 */
const sortLabels: Partial<Record<MentorSort, string>> = {
  get relevance() { return msg('Best match'); },
  get experience() { return msg('Most experienced'); },
  get newest() { return msg('Newest mentors'); },
  get responsiveness() { return msg('Fastest replies'); },
};

/** The offered order a sort shows as (`match` is "Best match" too). */
const sortChoice = (sort: MentorSort): MentorSort => (sort === 'match' ? 'relevance' : sort);

const availabilityLabels: Record<AvailabilityFilter, string> = {
  get accepting() { return msg('Accepting mentees'); },
  get available() { return msg('Available (2+ free slots)'); },
  get limited() { return msg('Limited (1 slot left)'); },
  get all() { return msg('All mentors'); },
};

const yearOptions = [2, 5, 10, 15, 20] as const;

/** The request dialog's field for each thing that can need fixing. */
const requestFieldIds = { goals: 'request-goals', skillDraft: 'request-skill', skillsSeeking: 'request-skill', message: 'request-message' } as const;

/** Expertise chips shown before "More skills". */
const SKILLS_SHOWN = 10;
const SKELETON_CARDS = 3;

/**
 * @summary Finds a mentor: a debounced search box, filters with facet counts, explainable match
 * scores, "load more" paging and profiles in a modal dialog.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * Every state is shown: skeleton cards while loading, an empty state that suggests widening the
 * filters, errors in words with Retry. It lays itself out by its own width (container queries):
 * below 36rem the filters fold behind a "Filters (n)" button.
 *
 * The search text, filters and order live in the page's hash (`#q=data&expertise=SQL&sort=newest`,
 * beside the page's own tokens), so a reload, a shared link and the back button bring the same
 * search back; `no-routing` keeps them out of the address. A "Skip to results" link after the
 * search box (shown on focus) moves focus past the filters to the results.
 *
 * Its headings follow the page's outline: each mentor's name is at `heading-level` (2 by default),
 * a profile's sections one below.
 *
 * With `programme="<slug or id>"` it searches only the mentors enrolled in that programme (a
 * portal page per programme is then this one tag). A banner above the results names the
 * programme (dates, status, how people are matched) and the viewer's enrolment, with "Enrol as
 * mentee" while enrolment is open. In a `mentee_choice` programme requests sent from here are made
 * in it; in an `admin_matched` one the programme team introduces mentors, so cards say so instead
 * of offering a request. An unknown programme is an error in words, not an empty list.
 *
 * @fires mentor-select - `{ mentorId, mentor }` when "View profile" is pressed. Cancelable:
 *   `preventDefault()` keeps the built-in profile dialog closed (e.g. to route to your own page).
 * @fires mentorship-request-intent - `{ mentorId, mentor }` when "Request mentorship" is pressed,
 *   on a card or in the profile dialog. Cancelable: `preventDefault()` keeps the built-in request
 *   dialog closed (e.g. to show your own form); the profile dialog then closes too.
 * @fires mentorship-request-sent - `{ mentorId, request }` when the server has created a request
 *   sent from the request dialog; `request` is the created request (pending, with `expiresAt`).
 * @fires programme-enrolled - `{ programme, role }` when the viewer has enrolled from the programme banner.
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The search form: search box, sort and the "Filters" toggle.
 * @csspart skip-link - "Skip to results" after the search box, visible while focused.
 * @csspart filters-toggle - The "Filters (n)" button shown at narrow widths.
 * @csspart filters - The filter panel.
 * @csspart filter-chip - An expertise filter toggle.
 * @csspart summary - The live "126 mentors · Clear filters" line.
 * @csspart results - The list of result cards.
 * @csspart results-region - The count line and the results, which "Skip to results" focuses.
 * @csspart card - A result card, and its loading skeleton.
 * @csspart skeleton - A loading placeholder card.
 * @csspart avatar - A photo or initials.
 * @csspart badge - An availability badge (text plus colour).
 * @csspart chip - An expertise chip on a card or profile.
 * @csspart match - The match score and its reasons on a card.
 * @csspart button - Every button.
 * @csspart view-button - "View profile".
 * @csspart request-button - "Request mentorship" (or "Request pending", "Your mentor").
 * @csspart load-more - "Load more mentors".
 * @csspart empty - The empty state.
 * @csspart error - An error message with its Retry button.
 * @csspart retry-button - Retry after an error.
 * @csspart dialog - The profile dialog, and the request dialog.
 * @csspart request-dialog - The request dialog (goals, skills sought, message, Send).
 * @csspart close-button - A dialog's close (✕) button.
 * @csspart request-state - "Waiting for Ana's answer · expires in 14 days" beside a pending request.
 * @csspart remove-skill - The ✕ on a skill chip in the request dialog.
 * @csspart add-skill-button - "Add" beside the skill field in the request dialog.
 * @csspart send-button - "Send request".
 * @csspart request-sent - The confirmation that replaces the request form once sent.
 * @csspart stats - The profile's numbers.
 * @csspart programme-banner - With `programme`: the programme the search is limited to, and the viewer's enrolment (also part "error" when it could not be found or loaded).
 * @csspart enrol-button - "Enrol as mentee" in the programme banner.
 * @csspart gate-note - Why a mentor of the programme cannot be requested from here, in place of the request button.
 * @csspart request-programme - "In the programme …" in the request dialog.
 *
 * @cssproperty --mentorship-color-accent - Buttons, links, selected chips, focus ring.
 * @cssproperty --mentorship-color-on-accent - Text on the accent colour.
 * @cssproperty --mentorship-color-background - Behind the element (transparent in light mode, so the page shows; painted in dark mode).
 * @cssproperty --mentorship-color-surface - Card and dialog background.
 * @cssproperty --mentorship-color-text - Body text.
 * @cssproperty --mentorship-color-muted - Secondary text.
 * @cssproperty --mentorship-color-border - Borders of cards, fields and chips.
 * @cssproperty --mentorship-color-danger - Errors.
 * @cssproperty --mentorship-color-success - The "Available" badge.
 * @cssproperty --mentorship-color-warning - The "Limited" badge.
 * @cssproperty --mentorship-color-focus - Focus ring (defaults to the accent).
 * @cssproperty --mentorship-radius - Corner radius (8px).
 * @cssproperty --mentorship-space - Spacing unit (8px).
 * @cssproperty --mentorship-font - Font family (inherits the page's).
 * @cssproperty --mentorship-card-background - Result card background.
 * @cssproperty --mentorship-card-border-color - Result card border.
 * @cssproperty --mentorship-card-radius - Result card corner radius.
 * @cssproperty --mentorship-card-padding - Result card padding.
 * @cssproperty --mentorship-button-radius - Button corner radius.
 * @cssproperty --mentorship-button-primary-background - "Request mentorship" background.
 * @cssproperty --mentorship-button-primary-color - "Request mentorship" text.
 * @cssproperty --mentorship-chip-background - Expertise chip background.
 * @cssproperty --mentorship-badge-available-color - "Available" badge colour.
 * @cssproperty --mentorship-badge-limited-color - "Limited" badge colour.
 * @cssproperty --mentorship-badge-unavailable-color - "Not accepting mentees" badge colour.
 * @cssproperty --mentorship-avatar-size - Avatar diameter on cards (3.5rem).
 */
export class MentorSearch extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, mentorSearchStyles, enrolGoalsStyles];

  /** The search text. Set it to start with a search; it follows what the viewer types. */
  @property() query = '';

  /** Mentors per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** Keeps the search out of the page's address (by default it is in the hash). */
  @property({ type: Boolean, attribute: 'no-routing' }) noRouting = false;

  /** A programme's slug or id: only the mentors enrolled in it are searched, under a banner naming it. */
  @property({ reflect: true }) programme?: string;

  /** The viewer's goals for enrolling from the banner (optional). */
  @state() private enrolGoals = '';
  @state() private enrolling = false;
  @state() private enrolFailure: string | undefined = undefined;
  /** What the programme banner's live region says (an enrolment done). */
  @state() private programmeNews = '';

  @state() private filtersOpen = false;
  @state() private allSkillsShown = false;
  @state() private selected: MentorCard | undefined = undefined;

  /** What the request dialog's live regions say; `n` makes the same words announce again. */
  @state() private announcement: { text: string; urgent: boolean; n: number } = { text: '', urgent: false, n: 0 };

  @query('#profile-dialog') private dialog!: HTMLDialogElement;
  @query('#request-dialog') private requestDialog!: HTMLDialogElement;

  readonly #search = new MentorSearchController(this, {
    client: () => this.clientController.client,
    onFiltersChange: (filters, previous) => {
      this.query = filters.q;
      // A new filter or order is a step Back can undo; typing only updates where the address stands.
      const typedOnly = JSON.stringify({ ...filters, q: '' }) === JSON.stringify({ ...previous, q: '' });
      this.#route.write(filtersToHash(filters), { push: !typedOnly && !this.#restoring });
    },
  });

  /** Set while the hash is being applied, so applying it writes no history entry of its own. */
  #restoring = false;

  /** The search as the address has it: on load, and after Back, Forward or a followed link. */
  readonly #route = new HashRouteController(this, {
    keys: SEARCH_HASH_KEYS,
    enabled: () => !this.noRouting,
    onChange: (params) => {
      // An address without a search leaves a search set by attribute (`query`) alone on load.
      if (![...params.keys()].length && !this.#routed) return;
      this.#routed = true;
      this.#restoring = true;
      try {
        this.#search.setFilters(filtersFromHash(params));
      } finally {
        this.#restoring = false;
      }
    },
  });
  #routed = false;

  /** The programme named by `programme`, with the viewer's enrolment in it. */
  readonly #programme = new ResourceController<Programme, [MentorkitClient, string]>(this, {
    args: () => {
      const client = this.clientController.client;
      const asked = this.#asked;
      return client && asked ? [client, asked] : undefined;
    },
    task: ([client, asked], { signal }) => client.programmes.get(asked, { signal }),
  });

  readonly #profile = new ResourceController<MentorProfile, [MentorkitClient, string]>(this, {
    args: () => {
      const client = this.clientController.client;
      return client && this.selected ? [client, this.selected.id] : undefined;
    },
    task: ([client, id], { signal }) => client.mentors.get(id, { signal }),
  });

  // Live: a request answered (or sent from another view) changes its mentor's card without a new search.
  readonly #live = new LiveRefreshController<string>(this, {
    source: () => this.clientController.client?.realtime,
    types: searchLiveTypes,
    route: (event) => searchLiveMentor(event, this.#search.items),
    refresh: async (mentorIds) => {
      const client = this.clientController.client;
      if (client) await refreshCards(client, mentorIds, (id, patch) => this.#patchMentor(id, patch));
    },
  });

  readonly #requestForm = new RequestFormController(this, {
    client: () => this.clientController.client,
    onSent: (request, mentor) => this.#requestSent(request, mentor),
    onFailed: (error, mentor) => this.#requestFailed(error, mentor),
  });

  /** Avatars whose image failed to load show initials instead. */
  readonly #brokenAvatars = new Set<string>();
  /** The button that opened the profile dialog, focused again when it closes. */
  #returnFocus: HTMLElement | undefined;
  /** The "Request mentorship" button that opened the request dialog. */
  #requestOpener: HTMLElement | undefined;

  /** The headless search state, for portals that want to read the filters or results. */
  get search(): MentorSearchController {
    return this.#search;
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  /** Resolves once every live change received so far is shown on the cards. */
  liveSettled(): Promise<void> {
    return this.#live.whenSettled();
  }

  /** The headless request form behind the request dialog (its draft, status and created request). */
  get requestForm(): RequestFormController {
    return this.#requestForm;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== this.#search.filters.q) this.#search.setFilters({ q: this.query });
    if (changed.has('pageSize')) this.#search.pageSize = this.pageSize;
    if (changed.has('programme')) {
      this.#search.programme = this.#asked;
      this.enrolFailure = undefined;
    }
  }

  /** The `programme` asked for, trimmed ('' for none). */
  get #asked(): string {
    return this.programme?.trim() ?? '';
  }

  /** The programme the search is limited to, once loaded (undefined without `programme`). */
  get programmeDetails(): Programme | undefined {
    return this.#asked && this.#programme.status === 'complete' ? this.#programme.value : undefined;
  }

  #programmeStatus(): 'loading' | 'ready' | 'error' {
    const status = this.#programme.status;
    return status === 'complete' ? 'ready' : status === 'error' ? 'error' : 'loading';
  }

  /** What the cards may offer: always requests without a programme; else its rules decide. */
  #gate(): RequestGate {
    return this.#asked ? programmeGate(this.#programmeStatus(), this.#programme.value) : 'open';
  }

  /** The programme asked for does not exist: its error replaces the results (which would only repeat it). */
  get #programmeMissing(): boolean {
    return !!this.#asked && this.#programme.status === 'error' && programmeMissing(this.#programme.error);
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>
        ${this.#asked ? html`${this.#renderProgramme()}<p class="visually-hidden" role="status">${this.programmeNews}</p>` : nothing}
        ${this.#renderSearchForm()} ${this.#renderFilters()}
        <div part="results-region" id="results" class="results-region" tabindex="-1" aria-label=${this.#programmeMissing ? nothing : msg('Search results')}>
          ${this.#programmeMissing ? nothing : html`${this.#renderSummary()} ${this.#renderBody()}`}
        </div>
        <dialog id="profile-dialog" part="dialog" class="dialog" aria-labelledby="dialog-title"
          @close=${this.#onDialogClose} @click=${this.#onDialogClick} @keydown=${(e: KeyboardEvent) => wrapTabFocus(e, this.dialog)}>
          ${this.selected ? html`<div class="dialog-panel">${this.#renderProfile(this.selected)}</div>` : nothing}
        </dialog>
        ${this.#renderRequestDialog()}
      </div>
    `;
  }

  #renderSearchForm(): TemplateResult {
    const { filters, activeFilterCount } = this.#search;
    return html`
      <form part="search" class="search" role="search" aria-label=${msg('Mentors')} @submit=${this.#onSubmit}>
        <div class="field search-field">
          <label for="q">${msg('Search mentors')}</label>
          <input id="q" type="search" name="q" autocomplete="off" placeholder=${msg('Search by skill, industry, name…')}
            .value=${filters.q} @input=${(e: InputEvent) => this.#search.setQuery((e.target as HTMLInputElement).value)} />
          <a part="skip-link" class="skip-link" href="#results" @click=${this.#skipToResults}>${msg('Skip to results')}</a>
        </div>
        <div class="field sort-field">
          <label for="sort">${msg('Sort by')}</label>
          <select id="sort" .value=${live(sortChoice(filters.sort))} @change=${(e: Event) => this.#search.setFilters({ sort: (e.target as HTMLSelectElement).value as MentorSort })}>
            ${Object.entries(sortLabels).map(([value, label]) => html`<option value=${value} ?selected=${sortChoice(filters.sort) === value}>${label}</option>`)}
          </select>
        </div>
        <button part="button filters-toggle" class="button filters-toggle" type="button" aria-controls="filters"
          aria-expanded=${this.filtersOpen ? 'true' : 'false'} @click=${() => (this.filtersOpen = !this.filtersOpen)}>
          ${msg('Filters')}${activeFilterCount ? ` (${formatNumber(activeFilterCount)})` : ''}
        </button>
      </form>
    `;
  }

  /** Expertise values to offer: the facet counts, plus selected values the facets no longer list. */
  #expertiseOptions(): FacetCount[] {
    const options = [...this.#search.facets.expertise];
    const listed = new Set(options.map((o) => o.value.toLocaleLowerCase()));
    for (const value of this.#search.filters.expertise) {
      if (!listed.has(value.toLocaleLowerCase())) options.push({ value, count: 0 });
    }
    return options;
  }

  #renderFilters(): TemplateResult {
    const search = this.#search;
    const f = search.filters;
    const options = this.#expertiseOptions();
    const shown = this.allSkillsShown ? options : options.filter((o, i) => i < SKILLS_SHOWN || search.isExpertiseSelected(o.value));
    const industries = [...search.facets.industry];
    if (f.industry && !industries.some((o) => o.value === f.industry)) industries.push({ value: f.industry, count: 0 });
    const selectValue = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`
      <div part="filters" id="filters" class="filters ${this.filtersOpen ? 'filters--open' : ''}" role="group" aria-label=${msg('Filters')}>
        <fieldset class="skills">
          <legend class="field-label">${msg('Expertise')}</legend>
          ${options.length
            ? html`<div class="filter-chips">
                ${repeat(
                  shown,
                  (o) => o.value.toLocaleLowerCase(),
                  (o) => {
                    const on = search.isExpertiseSelected(o.value);
                    return html`<button part="filter-chip" class="filter-chip" type="button" aria-pressed=${on ? 'true' : 'false'}
                      @click=${() => search.toggleExpertise(o.value)}>
                      <span class="check" aria-hidden="true">✓</span>${o.value}
                      <span class="count"><span aria-hidden="true">${formatNumber(o.count)}</span><span class="visually-hidden">${mentorCount(o.count)}</span></span>
                    </button>`;
                  },
                )}
                ${options.length > SKILLS_SHOWN
                  ? html`<button class="button button--link" type="button" aria-expanded=${this.allSkillsShown ? 'true' : 'false'}
                      @click=${() => (this.allSkillsShown = !this.allSkillsShown)}>
                      ${this.allSkillsShown ? msg('Fewer skills') : msg(str`All ${options.length} skills`)}
                    </button>`
                  : nothing}
              </div>`
            : html`<p class="muted">${search.status === 'loading' ? msg('Loading skills…') : msg('None among the mentors found.')}</p>`}
        </fieldset>
        <div class="filter-fields">
          <div class="field">
            <label for="availability">${msg('Availability')}</label>
            <select id="availability" @change=${(e: Event) => search.setFilters({ availability: selectValue(e) as AvailabilityFilter })}>
              ${Object.entries(availabilityLabels).map(([value, label]) => html`<option value=${value} ?selected=${f.availability === value}>${label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="industry">${msg('Industry')}</label>
            <select id="industry" @change=${(e: Event) => search.setFilters({ industry: selectValue(e) })}>
              <option value="" ?selected=${f.industry === ''}>${msg('Any industry')}</option>
              ${industries.map((o) => html`<option value=${o.value} ?selected=${f.industry === o.value}>${o.value} (${o.count})</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="language">${msg('Language')}</label>
            <input id="language" type="text" autocomplete="off" placeholder=${msg('e.g. Filipino')} .value=${f.language}
              @change=${(e: Event) => search.setFilters({ language: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="format">${msg('Meeting format')}</label>
            <select id="format" @change=${(e: Event) => search.setFilters({ meetingFormat: selectValue(e) as MeetingFormat | '' })}>
              <option value="" ?selected=${f.meetingFormat === ''}>${msg('Any format')}</option>
              ${meetingFormats.map((m) => html`<option value=${m} ?selected=${f.meetingFormat === m}>${meetingFormatLabel(m)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="years">${msg('Experience')}</label>
            <select id="years" @change=${(e: Event) => search.setFilters({ minYearsExperience: selectValue(e) ? Number(selectValue(e)) : null })}>
              <option value="" ?selected=${f.minYearsExperience === null}>${msg('Any experience')}</option>
              ${yearOptions.map((y) => html`<option value=${y} ?selected=${f.minYearsExperience === y}>${msg(str`${y}+ years`)}</option>`)}
            </select>
          </div>
        </div>
      </div>
    `;
  }

  #renderSummary(): TemplateResult {
    const s = this.#search;
    let text = '';
    if (s.status === 'loading') text = msg('Searching mentors…');
    else if (s.status === 'ready') text = mentorCount(s.total) + (s.items.length < s.total ? ` · ${msg(str`${formatNumber(s.items.length)} shown`)}` : '');
    return html`
      <div part="summary" class="summary">
        <p class="count" role="status" aria-live="polite">${text}</p>
        ${s.canClear
          ? html`${text ? html`<span aria-hidden="true">·</span>` : nothing}
              <button class="button button--link" type="button" @click=${this.#clear}>${msg('Clear filters')}</button>`
          : nothing}
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    const s = this.#search;
    switch (s.status) {
      case 'idle':
        return html`<div part="error" class="notice">
          <p>${msg(html`Mentor search is not connected. Give it an <code>api</code> attribute or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>
        </div>`;
      case 'loading':
        return html`<ul part="results" class="results" aria-busy="true" aria-label=${msg('Mentors')}>
          ${Array.from({ length: SKELETON_CARDS }, () => html`<li>${cardSkeleton()}</li>`)}
        </ul>`;
      case 'error':
        return html`<div part="error" class="notice notice--error" role="alert">
          <p><strong>${msg('Mentors could not be loaded.')}</strong> ${describeError(s.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${() => s.retry()}>${msg('Retry')}</button>
        </div>`;
      case 'ready':
        return s.items.length ? this.#renderResults() : this.#renderEmpty();
    }
  }

  #renderEmpty(): TemplateResult {
    const s = this.#search;
    return s.canClear
      ? html`<div part="empty" class="notice">
          <p><strong>${msg('No mentors match your search.')}</strong></p>
          <p>${msg('Try fewer filters, a broader skill, or “All mentors” under Availability.')}</p>
          <button part="button" class="button" type="button" @click=${this.#clear}>${msg('Clear filters')}</button>
        </div>`
      : html`<div part="empty" class="notice">
          <p><strong>${msg('No mentors are accepting mentees right now.')}</strong></p>
          <p>${msg('Mentors who are fully booked still appear under “All mentors”.')}</p>
          <button part="button" class="button" type="button" @click=${() => s.setFilters({ availability: 'all' })}>${msg('Show all mentors')}</button>
        </div>`;
  }

  #renderResults(): TemplateResult {
    const s = this.#search;
    const actions = {
      view: (card: MentorCard, trigger: HTMLElement) => void this.#openProfile(card, trigger),
      request: (card: MentorCard, trigger: HTMLElement) => void this.#requestIntent(card, trigger),
      avatarFailed: this.#avatarFailed,
    };
    const loadMoreError = s.loadMoreError;
    const gate = this.#gate();
    return html`
      <ul part="results" class="results" aria-label=${msg('Mentors')}>
        ${repeat(
          s.items,
          (card) => card.id,
          (card) => html`<li>${mentorCard(card, { showPhoto: !this.#brokenAvatars.has(card.id), actions, headingLevel: this.headingLevelFor(0), gate })}</li>`,
        )}
      </ul>
      ${loadMoreError
        ? html`<div part="error" class="notice notice--error" role="alert">
            <p>${msg('More mentors could not be loaded.')} ${describeError(loadMoreError)}</p>
            <button part="button retry-button" class="button" type="button" @click=${this.#loadMore}>${msg('Retry')}</button>
          </div>`
        : s.hasMore
          ? html`<div class="more">
              <button part="button load-more" class="button" type="button" aria-disabled=${s.loadingMore ? 'true' : 'false'}
                @click=${this.#loadMore}>${s.loadingMore ? msg('Loading more mentors…') : msg('Load more mentors')}</button>
            </div>`
          : nothing}
    `;
  }

  #renderProfile(card: MentorCard): TemplateResult {
    const resource = this.#profile;
    const profile = resource.status === 'complete' && resource.value?.id === card.id ? resource.value : undefined;
    return profileContent(
      {
        card,
        profile,
        status: resource.status === 'error' ? 'error' : profile ? 'ready' : 'loading',
        errorText: `${msg('The full profile could not be loaded.')} ${describeError(resource.error)}`,
        showPhoto: !this.#brokenAvatars.has(card.id),
        headingLevel: this.headingLevelFor(0),
        gate: this.#gate(),
      },
      {
        close: () => this.dialog.close(),
        retry: () => void resource.retry(),
        request: (mentor, trigger) => void this.#requestIntent(mentor, trigger),
        avatarFailed: this.#avatarFailed,
      },
    );
  }

  #renderProgramme(): TemplateResult {
    return programmeBanner(
      {
        asked: this.#asked,
        status: this.#programmeStatus(),
        programme: this.#programme.value,
        error: this.#programme.error,
        headingLevel: this.headingLevelFor(0),
        goals: this.enrolGoals,
        enrolling: this.enrolling,
        failure: this.enrolFailure,
      },
      this.#programmeActions,
    );
  }

  readonly #programmeActions: ProgrammeBannerActions = {
    retry: () => void this.#programme.retry(),
    input: (goals) => (this.enrolGoals = goals),
    enrol: () => void this.#enrol(),
  };

  async #enrol(): Promise<void> {
    const client = this.clientController.client;
    const p = this.#programme.value;
    if (!client || !p || this.enrolling) return;
    this.enrolling = true;
    this.enrolFailure = undefined;
    const outcome = await enrol(client, p, 'mentee', this.enrolGoals);
    this.enrolling = false;
    if (outcome.ok) {
      this.#programme.value = outcome.programme;
      this.enrolGoals = '';
      this.programmeNews = this.inOwnLanguage(() => enrolledMessage(p.name, 'mentee'));
      emit(this, 'programme-enrolled', { programme: outcome.programme, role: 'mentee' });
      // The button is gone: focus goes to what the enrolment now says.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#programme-enrolment')?.focus();
      return;
    }
    this.enrolFailure = this.inOwnLanguage(() => outcome.message);
    // Closed or ended meanwhile: show the programme as it is now.
    if (outcome.error instanceof ApiError && outcome.error.status === 409) void this.#programme.retry();
  }

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    this.#search.flushQuery();
  };

  /** "Skip to results": focus moves past the filters to the count and the results, the address stays. */
  #skipToResults = (e: Event) => {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
  };

  #clear = () => {
    this.#search.clear();
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
  };

  #loadMore = async () => {
    // Keyboard users continue from the first new mentor instead of the end of the list.
    const added = await this.#search.loadMore();
    const first = added[0];
    if (!first) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-mentor-id="${CSS.escape(first.id)}"]`)?.focus();
  };

  #avatarFailed = (card: MentorCard) => {
    this.#brokenAvatars.add(card.id);
    this.requestUpdate();
  };

  #renderRequestDialog(): TemplateResult {
    const form = this.#requestForm;
    const { text, urgent, n } = this.announcement;
    const said = (on: boolean) => (on && text ? keyed(n, html`<span>${text}</span>`) : nothing);
    return html`
      <dialog id="request-dialog" part="dialog request-dialog" class="dialog dialog--request" aria-labelledby="request-title"
        @close=${this.#onRequestDialogClose} @click=${this.#onRequestDialogClick}
        @keydown=${(e: KeyboardEvent) => wrapTabFocus(e, this.requestDialog)}>
        <div class="dialog-panel">${form.isOpen ? requestDialogContent(form, this.#requestActions, this.headingLevelFor(0)) : nothing}</div>
        <div class="visually-hidden" role="status">${said(!urgent)}</div>
        <div class="visually-hidden" role="alert">${said(urgent)}</div>
      </dialog>
    `;
  }

  #announce(text: string, urgent = false): void {
    this.announcement = { text, urgent, n: this.announcement.n + 1 };
  }

  readonly #requestActions: RequestDialogActions = {
    close: () => this.requestDialog.close(),
    submit: (e) => {
      e.preventDefault();
      void this.#sendRequest();
    },
    input: (field, value) => {
      const form = this.#requestForm;
      if (field === 'goals') form.setGoals(value);
      else if (field === 'message') form.setMessage(value);
      else form.setSkillDraft(value);
    },
    check: (field) => this.#requestForm.check(field),
    addSkill: () => {
      const form = this.#requestForm;
      const added = form.addSkill();
      if (added) this.#announce(msg(str`Added ${added}. ${form.skills.length} of ${SKILLS_MAX} skills.`));
      else if (form.skillNote) this.#announce(form.skillNote);
    },
    removeSkill: async (skill, index) => {
      const form = this.#requestForm;
      form.removeSkill(skill);
      this.#announce(msg(str`Removed ${skill}. ${form.skills.length} of ${SKILLS_MAX} skills.`));
      // Focus stays in the list: the chip that took this one's place, the one before, or the field.
      await this.updateComplete;
      const removers = [...this.renderRoot.querySelectorAll<HTMLElement>('#request-dialog .chip-remove')];
      (removers[index] ?? removers[index - 1] ?? this.renderRoot.querySelector<HTMLElement>('#request-skill'))?.focus();
    },
  };

  async #sendRequest(): Promise<void> {
    const form = this.#requestForm;
    const outcome = await form.submit();
    await this.updateComplete;
    if (outcome === 'sent' && form.status === 'sent') {
      // The form (and the Send button with focus) made way for the confirmation, which the live
      // region reads out; focus waits on its Close button.
      this.renderRoot.querySelector<HTMLElement>('#request-done')?.focus();
      return;
    }
    // Nothing was sent, or the server found a field to change: go to the first field to fix,
    // whose error (in its description) says what. Other refusals leave focus on Send.
    const first = outcome === 'invalid' || outcome === 'failed' ? form.firstInvalid : undefined;
    if (first && form.isOpen) this.renderRoot.querySelector<HTMLElement>(`#${requestFieldIds[first]}`)?.focus();
  }

  #requestSent(request: MentorshipRequest, mentor: MentorCard): void {
    const patch = { viewerRequestState: 'pending', viewerRequestExpiresAt: request.expiresAt } as const;
    this.#patchMentor(mentor.id, patch);
    this.#announce(this.inOwnLanguage(() => sentHeadline(mentor, request)));
    emit(this, 'mentorship-request-sent', { mentorId: mentor.id, request });
  }

  #requestFailed(error: unknown, mentor: MentorCard): void {
    this.#announce(this.inOwnLanguage(() => sendFailure(error, mentor.name)), true);
    // What the refusal revealed shows on the card and profile too (the form stays as typed).
    if (!(error instanceof ApiError)) return;
    // The programme changed under the viewer (they or the mentor left it, it ended): show it as it is now.
    if ((error.code === 'not_enrolled' || error.code === 'programme_ended') && this.#asked) void this.#programme.retry();
    if (error.code === 'mentor_unavailable') this.#patchMentor(mentor.id, { availability: 'unavailable' });
    else if (error.code === 'duplicate_request' && mentor.viewerRequestState === 'none') this.#patchMentor(mentor.id, { viewerRequestState: 'pending' });
    else if (error.code === 'conflict') this.#patchMentor(mentor.id, { viewerRequestState: 'active', viewerRequestExpiresAt: null });
  }

  /** Updates a mentor in place, without searching again: the card in the results and the open profile. */
  #patchMentor(mentorId: string, patch: Partial<Omit<MentorCard, 'id'>>): void {
    this.#search.updateItem(mentorId, patch);
    if (this.selected?.id === mentorId) this.selected = { ...this.selected, ...patch };
    const profile = this.#profile.value;
    if (profile?.id === mentorId) this.#profile.value = { ...profile, ...patch };
    this.requestUpdate();
  }

  /**
   * "Request mentorship" on a card or in the profile: tells the portal, and unless it takes over
   * (`preventDefault()`), opens the request dialog over whatever is on screen.
   */
  async #requestIntent(mentor: MentorCard, trigger: HTMLElement): Promise<void> {
    if (!emit(this, 'mentorship-request-intent', { mentorId: mentor.id, mentor }, { cancelable: true })) {
      // The portal shows its own form: a modal profile left open would make it inert.
      if (this.dialog.open) this.dialog.close();
      return;
    }
    // In a programme, only an enrolled mentee's request is offered, and it is made in the programme.
    const gate = this.#gate();
    if (gate !== 'open') return;
    const programme = this.programmeDetails;
    this.#requestOpener = trigger;
    this.#requestForm.open(mentor, programme ? { id: programme.id, name: programme.name } : undefined);
    await this.updateComplete;
    if (!this.requestDialog.open) this.requestDialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#request-goals')?.focus();
  }

  #onRequestDialogClick = (e: MouseEvent) => {
    // A click on the backdrop closes the confirmation, but never throws away a draft.
    if (e.target === this.requestDialog && this.#requestForm.status === 'sent') this.requestDialog.close();
  };

  #onRequestDialogClose = async () => {
    this.#requestForm.close();
    this.announcement = { text: '', urgent: false, n: this.announcement.n + 1 };
    const opener = this.#requestOpener;
    this.#requestOpener = undefined;
    await this.updateComplete;
    if (!opener?.isConnected) return;
    if (!(opener as HTMLButtonElement).disabled) {
      opener.focus();
      return;
    }
    // The button now says "Request pending" (or "Not accepting mentees") and cannot take focus:
    // its card, or the note with the time left, takes it instead.
    const scope = opener.closest<HTMLElement>('article, .dialog-panel');
    const target = scope?.querySelector<HTMLElement>('[part~="request-state"]') ?? (scope?.matches('article') ? scope : scope?.querySelector<HTMLElement>('[part~="close-button"]'));
    target?.focus();
  };

  async #openProfile(card: MentorCard, trigger: HTMLElement): Promise<void> {
    if (!emit(this, 'mentor-select', { mentorId: card.id, mentor: card }, { cancelable: true })) return;
    this.#returnFocus = trigger;
    this.selected = card;
    await this.updateComplete;
    // A modal dialog makes the rest of the page inert and closes on Escape.
    if (!this.dialog.open) this.dialog.showModal();
  }

  #onDialogClick = (e: MouseEvent) => {
    // The dialog has no padding, so a click on the element itself is a click on the backdrop.
    if (e.target === this.dialog) this.dialog.close();
  };

  #onDialogClose = () => {
    this.selected = undefined;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  };
}
