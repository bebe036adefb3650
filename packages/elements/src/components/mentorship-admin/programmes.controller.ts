import { msg, str } from '@lit/localize';
import type { Enrolment, MatchesResult, PersonSummary, Programme, ProgrammeReport } from '@mentorkit/contract';
import type { EnrolmentRole } from '@mentorkit/contract/values';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { PagedListController, type ListStatus } from '../../controllers/paged-list.controller.js';
import { ResourceController } from '../../controllers/resource.controller.js';
import { describeError } from '../../internal/error-message.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { newFormState, programmeFields, refusalOf, toInput, toPatch, type ProgrammeDraft, type ProgrammeFormState } from './programme-form.js';

export interface ProgrammesPanelOptions {
  client: () => MentorkitClient | undefined;
  /** Whether the list may load (the viewer is an admin and the tab has been shown). */
  enabled: () => boolean;
  pageSize: () => number;
  /** Results of actions, in the admin's announcer (the text is built in the element's language). */
  announce: (text: () => string, tone?: 'success' | 'error') => void;
  /** The element's shadow root: focus moves and downloads happen there. */
  root: () => ShadowRoot;
}

type Host = ReactiveControllerHost & HTMLElement;

/** One pair on the way to an introduction: as suggested, or with a mentor the admin chose instead. */
export interface PairRow {
  mentee: PersonSummary;
  mentor: PersonSummary;
  /** The match score and reasons of this mentor for this mentee; null once the admin swapped the mentor. */
  score: number | null;
  reasons: string[];
  suggested: { mentor: PersonSummary; score: number; reasons: string[] };
}

export type MatchingState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready' | 'confirming';
      rows: PairRow[];
      /** Mentees without a pair: left over by the suggestion, or removed by the admin. */
      unmatched: { person: PersonSummary; removed: boolean }[];
      /** Every mentor enrolled in the programme, for swapping. */
      mentors: Enrolment[];
      /** Why the last confirmation failed as a whole (the pairs stay for another try). */
      error: unknown;
    }
  | { status: 'done'; result: MatchesResult; names: Map<string, string> };

/** Every enrolment of one role (the swap menu needs all mentors, not a page of them). */
async function allEnrolments(client: MentorkitClient, id: string, role: EnrolmentRole): Promise<Enrolment[]> {
  const all: Enrolment[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const { items, nextCursor } = await client.admin.programmes.enrolments(id, { role, limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

/** A file name from the programme's address and today: `spring-cohort-report-2027-03-01.csv`. */
export const csvFileName = (p: Programme, now = new Date()) => `${p.slug}-report-${now.toISOString().slice(0, 10)}.csv`;

/**
 * The Programmes tab, headless: the list of programmes (paged, as the API orders it), the
 * create/edit form, and one programme at a time in detail (list → detail) with its enrolments,
 * match suggestions to review and confirm, and its report with a CSV download. Every action ends
 * in an announcement; a refused form keeps what was typed and says what is wrong beside the field.
 */
export class ProgrammesPanel {
  readonly #host: Host;
  readonly #o: ProgrammesPanelOptions;

  readonly list: PagedListController<Programme, [MentorkitClient, number]>;
  /** The programme open in detail; undefined on the list. */
  selected: Programme | undefined = undefined;
  readonly mentors: PagedListController<Enrolment, [MentorkitClient, string, number]>;
  readonly mentees: PagedListController<Enrolment, [MentorkitClient, string, number]>;
  readonly report: ResourceController<ProgrammeReport, [MentorkitClient, string, number]>;
  matching: MatchingState = { status: 'idle' };
  /** The open form (its dialog shows while it is set). */
  form: ProgrammeFormState | undefined = undefined;
  csv: { busy: boolean; error: unknown } = { busy: false, error: undefined };

  /** Bumped by confirmations: the report loads again. */
  #revision = 0;
  /** Where focus goes back to when the form closes. */
  #returnFocus: HTMLElement | undefined;
  /** After a create: the new programme's row, found once the dialog has closed. */
  #afterClose: (() => HTMLElement | null) | undefined;

  constructor(host: Host, options: ProgrammesPanelOptions) {
    this.#host = host;
    this.#o = options;
    this.list = new PagedListController(host, {
      args: () => {
        const client = options.client();
        return client && options.enabled() ? [client, options.pageSize()] : undefined;
      },
      fetchPage: ([client, limit], cursor, signal) => client.admin.programmes.list({ limit, ...(cursor ? { cursor } : {}) }, { signal }),
      key: (p) => p.id,
    });
    const enrolments = (role: EnrolmentRole) =>
      new PagedListController<Enrolment, [MentorkitClient, string, number]>(host, {
        args: () => {
          const client = options.client();
          return client && options.enabled() && this.selected ? [client, this.selected.id, options.pageSize()] : undefined;
        },
        fetchPage: ([client, id, limit], cursor, signal) => client.admin.programmes.enrolments(id, { role, limit, ...(cursor ? { cursor } : {}) }, { signal }),
        key: (e) => e.person.id,
      });
    this.mentors = enrolments('mentor');
    this.mentees = enrolments('mentee');
    this.report = new ResourceController(host, {
      args: () => {
        const client = options.client();
        return client && options.enabled() && this.selected ? [client, this.selected.id, this.#revision] : undefined;
      },
      task: ([client, id], { signal }) => client.admin.programmes.report(id, { signal }),
      // The report carries the programme as it is now (its counts): the detail and the list follow it.
      onComplete: (report) => this.#updated(report.programme),
    });
  }

  /** Whether what is on screen has finished loading (content, empty state or an error). */
  get settled(): boolean {
    const done = (s: ListStatus) => s === 'ready' || s === 'error';
    if (!this.selected) return done(this.list.status) && !this.list.loadingMore;
    return (
      done(this.mentors.status) && done(this.mentees.status) && !this.mentors.loadingMore && !this.mentees.loadingMore &&
      (this.report.status === 'complete' || this.report.status === 'error') && this.matching.status !== 'loading' && this.matching.status !== 'confirming'
    );
  }

  #root(): ShadowRoot {
    return this.#o.root();
  }

  /** Focuses what the next render shows (an update is asked for, so it is that render). */
  #focusLater(selector: string | (() => HTMLElement | null | undefined)): void {
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const target = typeof selector === 'string' ? this.#root().querySelector<HTMLElement>(selector) : selector();
      target?.focus();
    });
  }

  #client(): MentorkitClient {
    const client = this.#o.client();
    if (!client) throw new Error('Not connected to a Mentorkit server');
    return client;
  }

  /** A changed programme replaces its old copy in the list and in the detail. */
  #updated(p: Programme): void {
    if (this.list.find(p.id)) this.list.replace(p);
    if (this.selected?.id === p.id) this.selected = p;
    this.#host.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------------
  // List → detail

  open(p: Programme): void {
    this.selected = p;
    this.matching = { status: 'idle' };
    this.csv = { busy: false, error: undefined };
    this.#host.requestUpdate();
    this.#focusLater('#programme-title');
  }

  back(): void {
    const id = this.selected?.id;
    this.selected = undefined;
    this.matching = { status: 'idle' };
    this.#host.requestUpdate();
    this.#focusLater(() => (id && this.#root().querySelector<HTMLElement>(`[data-programme-id="${CSS.escape(id)}"] .programme-open`)) || this.#root().querySelector<HTMLElement>('#new-programme'));
  }

  // ---------------------------------------------------------------------------------------------
  // The form

  #dialog(): HTMLDialogElement | null {
    return this.#root().querySelector<HTMLDialogElement>('#programme-dialog');
  }

  /** Opens the form, empty or for `programme`; focus returns to `trigger` (else what has focus now) when it closes. */
  async openForm(programme: Programme | undefined, trigger?: HTMLElement): Promise<void> {
    this.#returnFocus = trigger ?? ((this.#root().activeElement as HTMLElement | null) || undefined);
    this.#afterClose = undefined;
    this.form = newFormState(programme);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // Modal: the page behind is inert, Escape cancels, the name field takes focus (autofocus).
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
  }

  closeForm(): void {
    this.#dialog()?.close();
  }

  editDraft(patch: Partial<ProgrammeDraft>): void {
    if (!this.form) return;
    // A field changed since the refusal no longer shows the old complaint.
    const issues = new Map(this.form.issues);
    for (const key of Object.keys(patch)) issues.delete(key as keyof ProgrammeDraft);
    this.form = { ...this.form, draft: { ...this.form.draft, ...patch }, issues };
    this.#host.requestUpdate();
  }

  editSlug(): void {
    if (!this.form) return;
    this.form = { ...this.form, editingSlug: true };
    this.#host.requestUpdate();
    this.#focusLater('#programme-slug');
  }

  /** Called when the dialog has closed (Cancel, Escape, the backdrop or after saving). */
  formClosed(): void {
    this.form = undefined;
    const find = this.#afterClose;
    const trigger = this.#returnFocus;
    this.#afterClose = undefined;
    this.#returnFocus = undefined;
    this.#host.requestUpdate();
    // After a create, focus lands on the new programme instead of the button that opened the form.
    const target = find?.() ?? trigger;
    if (target?.isConnected) target.focus();
  }

  /**
   * Creates or saves, then closes the dialog and resolves true. On refusal the form keeps every
   * value and shows the server's reasons beside their fields, focus on the first; resolves false.
   */
  async submitForm(): Promise<boolean> {
    const form = this.form;
    if (!form || form.busy) return false;
    this.form = { ...form, busy: true, error: undefined };
    this.#host.requestUpdate();
    try {
      const client = this.#client();
      const editing = form.programme;
      if (editing) {
        const patch = toPatch(form.draft, editing);
        const saved = Object.keys(patch).length ? await client.admin.programmes.update(editing.id, patch) : editing;
        this.#updated(saved);
        const name = saved.name;
        this.#o.announce(() => msg(str`Saved the changes to ${name}.`));
      } else {
        const created = await client.admin.programmes.create(toInput(form.draft));
        await this.list.refresh();
        // Not on the pages loaded so far (the list is ordered by dates): shown first until the next load.
        if (!this.list.find(created.id)) this.list.items = [created, ...this.list.items];
        const name = created.name;
        this.#o.announce(() => msg(str`Created the programme ${name}.`));
        const id = created.id;
        this.#afterClose = () => this.#root().querySelector<HTMLElement>(`[data-programme-id="${CSS.escape(id)}"] .programme-open`);
      }
      if (this.form) this.form = { ...this.form, busy: false };
      await this.#host.updateComplete;
      this.closeForm();
      return true;
    } catch (error) {
      const { issues, error: message } = refusalOf(error);
      if (!this.form) return false;
      this.form = { ...this.form, busy: false, issues, error: message, editingSlug: this.form.editingSlug || issues.has('slug') };
      this.#host.requestUpdate();
      const first = programmeFields.find((f) => issues.has(f));
      if (first) this.#focusLater(`#programme-${first}`);
      return false;
    }
  }


  // ---------------------------------------------------------------------------------------------
  // Matching

  async suggest(): Promise<void> {
    const programme = this.selected;
    if (!programme || this.matching.status === 'loading') return;
    this.matching = { status: 'loading' };
    this.#host.requestUpdate();
    try {
      const client = this.#client();
      const [suggestions, mentors] = await Promise.all([client.admin.programmes.suggestMatches(programme.id), allEnrolments(client, programme.id, 'mentor')]);
      if (this.selected?.id !== programme.id) return;
      this.matching = {
        status: 'ready',
        rows: suggestions.items.map((s) => ({
          mentee: s.mentee,
          mentor: s.mentor,
          score: s.score,
          reasons: s.reasons,
          suggested: { mentor: s.mentor, score: s.score, reasons: s.reasons },
        })),
        unmatched: suggestions.unmatchedPeople.map((person) => ({ person, removed: false })),
        mentors,
        error: undefined,
      };
      const count = suggestions.items.length;
      const left = suggestions.unmatchedPeople.length;
      this.#o.announce(() => {
        const pairs = count === 0 ? msg('No pairs to suggest.') : count === 1 ? msg('1 pair suggested.') : msg(str`${n(count)} pairs suggested.`);
        const rest = left === 0 ? '' : left === 1 ? ` ${msg('1 mentee is left without a mentor.')}` : ` ${msg(str`${n(left)} mentees are left without a mentor.`)}`;
        return pairs + rest;
      });
      this.#focusLater('#matching-results');
    } catch (error) {
      if (this.selected?.id !== programme.id) return;
      this.matching = { status: 'error', error };
    }
    this.#host.requestUpdate();
  }

  /** How many more mentees a mentor can take with the pairs as they stand. */
  slotsLeft(mentorId: string): number {
    const m = this.matching;
    if (m.status !== 'ready' && m.status !== 'confirming') return 0;
    const free = m.mentors.find((e) => e.person.id === mentorId)?.freeSlots ?? 0;
    return free - m.rows.filter((r) => r.mentor.id === mentorId).length;
  }

  removePair(menteeId: string): void {
    const m = this.matching;
    if (m.status !== 'ready') return;
    const index = m.rows.findIndex((r) => r.mentee.id === menteeId);
    const row = m.rows[index];
    if (!row) return;
    const rows = m.rows.filter((_, i) => i !== index);
    this.matching = { ...m, rows, unmatched: [...m.unmatched, { person: row.mentee, removed: true }] };
    this.#host.requestUpdate();
    const mentee = row.mentee.name;
    const mentor = row.mentor.name;
    this.#o.announce(() => msg(str`Removed the pair ${mentee} and ${mentor}. ${mentee} is now unmatched.`));
    // The next pair's Remove, else the one before, else the section's heading.
    const next = rows[index] ?? rows[index - 1];
    this.#focusLater(() =>
      (next && this.#root().querySelector<HTMLElement>(`[data-mentee-id="${CSS.escape(next.mentee.id)}"] .remove-pair`)) ||
      this.#root().querySelector<HTMLElement>('#matching-results'),
    );
  }

  swapMentor(menteeId: string, mentorId: string): void {
    const m = this.matching;
    if (m.status !== 'ready') return;
    const mentor = m.mentors.find((e) => e.person.id === mentorId)?.person;
    if (!mentor) return;
    this.matching = {
      ...m,
      rows: m.rows.map((r) => {
        if (r.mentee.id !== menteeId) return r;
        const back = r.suggested.mentor.id === mentorId;
        return { ...r, mentor, score: back ? r.suggested.score : null, reasons: back ? r.suggested.reasons : [] };
      }),
    };
    this.#host.requestUpdate();
  }

  async confirm(): Promise<void> {
    const programme = this.selected;
    const m = this.matching;
    if (!programme || m.status !== 'ready' || !m.rows.length) return;
    this.matching = { ...m, status: 'confirming', error: undefined };
    this.#host.requestUpdate();
    try {
      const result = await this.#client().admin.programmes.confirmMatches(programme.id, {
        pairs: m.rows.map((r) => ({ menteeId: r.mentee.id, mentorId: r.mentor.id })),
      });
      if (this.selected?.id !== programme.id) return;
      const names = new Map<string, string>();
      for (const r of m.rows) names.set(r.mentee.id, r.mentee.name).set(r.mentor.id, r.mentor.name);
      this.matching = { status: 'done', result, names };
      const made = result.items.length;
      const refused = result.refused.length;
      this.#o.announce(
        () => {
          const sent = made === 1 ? msg('1 introduction sent.') : msg(str`${n(made)} introductions sent.`);
          const no = refused === 0 ? '' : refused === 1 ? ` ${msg('1 pair was refused.')}` : ` ${msg(str`${n(refused)} pairs were refused.`)}`;
          return sent + no;
        },
        made === 0 && refused > 0 ? 'error' : 'success',
      );
      // Matched flags, free slots and the report all changed.
      this.#revision++;
      void this.mentors.reload();
      void this.mentees.reload();
      this.#focusLater('#matching-outcome');
    } catch (error) {
      if (this.selected?.id !== programme.id) return;
      this.matching = { ...m, status: 'ready', error };
      this.#o.announce(() => `${msg('The introductions were not sent.')} ${describeError(error)}`, 'error');
    }
    this.#host.requestUpdate();
  }

  resetMatching(): void {
    this.matching = { status: 'idle' };
    this.#host.requestUpdate();
    this.#focusLater('#suggest-matches');
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  /**
   * The CSV needs the bearer token, so it is fetched and handed to the browser as a download
   * (a link clicked and removed). The byte order mark `Response.text()` strips goes back on, so
   * spreadsheet programs read the file as UTF-8.
   */
  async downloadCsv(): Promise<void> {
    const programme = this.selected;
    if (!programme || this.csv.busy) return;
    this.csv = { busy: true, error: undefined };
    this.#host.requestUpdate();
    try {
      const text = await this.#client().admin.programmes.reportCsv(programme.id);
      const file = csvFileName(programme);
      const url = URL.createObjectURL(new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      a.hidden = true;
      this.#root().appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.csv = { busy: false, error: undefined };
      this.#o.announce(() => msg(str`Downloaded ${file}.`));
    } catch (error) {
      this.csv = { busy: false, error };
      this.#o.announce(() => `${msg('The CSV could not be downloaded.')} ${describeError(error)}`, 'error');
    }
    this.#host.requestUpdate();
  }
}
