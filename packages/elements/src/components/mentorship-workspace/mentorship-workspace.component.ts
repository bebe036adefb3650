import type { Meeting, MeetingOverlap, MeetingPatch, Milestone, MilestoneTemplate, PersonSummary, ProgressNote } from '@mentorkit/contract';
import { milestoneTransitions, type MilestoneStatus } from '@mentorkit/contract/values';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ref } from 'lit/directives/ref.js';
import { LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { safeHttpUrl } from '../../internal/format.js';
import { intlLocale } from '../../internal/localization.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.controller.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { ModalController } from '../shared/modal.controller.js';
import { cardSkeleton, personHeader } from '../shared/person.template.js';
import { calendarDateLabel, relativeTime, todayIso } from '../shared/relative-time.js';
import { mentorshipStatusBadge } from '../shared/status-badge.template.js';
import { workspaceStyles } from './mentorship-workspace.styles.js';
import { meetingStatusLabels, milestoneMoveLabels, milestoneStatusLabels, milestoneTone, templateOptions } from './workspace-labels.js';
import {
  browserTimeZone,
  dayLabel,
  durationChoices,
  durationLabel,
  isKnownTimeZone,
  isoClockIn,
  isoDayIn,
  twoZoneLabel,
  wallTimeToIso,
  zoneCity,
} from './workspace-time.js';
import { WorkspaceController } from './workspace.controller.js';
import { describeWorkspaceEvent, workspaceLiveParts, workspaceLiveTypes, type WorkspacePart } from './workspace.live.js';

/**
 * The progress bar's width through the CSSOM. `styleMap` writes a `style` attribute on first
 * render, which a Content-Security-Policy without `'unsafe-inline'` styles blocks (the bar stays
 * empty); a property set from script is allowed.
 */
function fillTo(el: Element | undefined, percent: number): void {
  if (el instanceof HTMLElement) el.style.width = `${percent}%`;
}

export type WorkspaceSection = 'meetings' | 'plan' | 'messages' | 'notes';
const SECTIONS: { id: WorkspaceSection; label: string }[] = [
  { id: 'meetings', get label() { return msg('Meetings'); } },
  { id: 'plan', get label() { return msg('Plan'); } },
  { id: 'messages', get label() { return msg('Messages'); } },
  { id: 'notes', get label() { return msg('Notes'); } },
];

type DialogState =
  | { kind: 'pause' | 'resume' | 'complete' | 'cancel' }
  | { kind: 'meeting-cancel' | 'meeting-complete' | 'meeting-reschedule'; meeting: Meeting }
  | { kind: 'milestone-edit' | 'milestone-delete'; milestone: Milestone };

const isHttpUrl = (value: string) => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/** Context for a screen reader that the eye gets from the card around a button ("Edit: Résumé"). */
const hidden = (context: string) => html`<span class="visually-hidden">${context}</span>`;

const field = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

/**
 * @summary Everything two people do in one mentorship: meetings, the plan with its milestones,
 * progress notes, and the lifecycle (pause, resume, complete, cancel), then feedback.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * The header names the other person, the status in words, and a progress bar (from the API's
 * computed progress). Sections are tabs on narrow containers and stacked on wide ones. Times show
 * in the viewer's zone (the browser's, or `time-zone`) with the other party's local time beside.
 * Every action that changes the mentorship asks first in a modal dialog; cancelling needs a
 * reason. Milestone status changes and reordering show at once and roll back, with a message in
 * words, if the server refuses. A completed or cancelled mentorship is read-only; a completed one
 * offers each party the feedback form once.
 *
 * @fires mentorship-updated - `{ mentorshipId, action, mentorship }` after pause, resume, complete, cancel or a plan change (`timeline`).
 * @fires meeting-scheduled - `{ mentorshipId, meeting, overlaps, rescheduled }` after a meeting is scheduled or rescheduled.
 * @fires milestone-changed - `{ mentorshipId, change, milestone }` after a milestone is created, changes status, moves, is edited or deleted.
 *
 * @csspart base - The wrapper of everything.
 * @csspart announcer - The visually hidden live region.
 * @csspart header - The header card: person, status, progress, actions.
 * @csspart avatar - A photo or initials.
 * @csspart badge - Every badge.
 * @csspart status-badge - A status badge (text plus colour).
 * @csspart progress - The progress bar (role=progressbar).
 * @csspart progress-fill - Its filled part.
 * @csspart actions - The lifecycle actions.
 * @csspart ended-note - Why an ended mentorship is read-only.
 * @csspart tabs - The tab strip (narrow containers only).
 * @csspart tab - A tab.
 * @csspart section - Each section (Meetings, Plan, Messages, Notes, Feedback).
 * @csspart messages - The `<message-thread>` in the Messages section (styled further by its own `--mentorship-*` tokens).
 * @csspart form - Every form (schedule, plan, milestone, note, feedback).
 * @csspart card - Every card: a meeting, a milestone, a note, and their skeletons.
 * @csspart meeting - A meeting card.
 * @csspart milestone - A milestone card.
 * @csspart note - A progress note.
 * @csspart skeleton - A loading placeholder.
 * @csspart empty - An empty state.
 * @csspart error - An error (with Retry when something failed to load).
 * @csspart action-error - A refused action's message on its card.
 * @csspart warning - The overlap warning after scheduling.
 * @csspart button - Every button.
 * @csspart retry-button - Retry after an error.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirm-button - The dialog's action.
 * @csspart cancel-button - The dialog's way out.
 *
 * @cssproperty --mentorship-progress-color - The progress bar's fill (the accent).
 * @cssproperty --mentorship-progress-track - The progress bar's track.
 * @cssproperty --mentorship-progress-height - The progress bar's height (0.75rem).
 * @cssproperty --mentorship-tab-active-color - The selected tab's underline.
 * @cssproperty --mentorship-form-background - Form background.
 * @cssproperty --mentorship-color-accent - Buttons, links, focus ring (and every other `--mentorship-color-*`, `--mentorship-card-*` token of the dashboards).
 */
export class MentorshipWorkspace extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, workspaceStyles];

  /** The mentorship to show. */
  @property({ attribute: 'mentorship-id', reflect: true }) mentorshipId = '';

  /** The viewer's IANA time zone; defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The section shown on narrow containers (all show on wide ones). */
  @property() section: WorkspaceSection = 'meetings';

  @state() private dialog: DialogState | undefined = undefined;
  @state() private dialogError = '';
  @state() private dialogBusy = false;
  @state() private scheduleErrors = new Map<string, string>();
  @state() private scheduleBusy = false;
  @state() private draft = { date: '', time: '' };
  @state() private overlaps: { meeting: Meeting; overlaps: MeetingOverlap[] } | undefined = undefined;
  @state() private formErrors = new Map<string, string>();
  @state() private busyForm = '';

  @query('#workspace-dialog') private dialogEl!: HTMLDialogElement;

  readonly #workspace = new WorkspaceController(this, { client: () => this.clientController.client, mentorshipId: () => this.mentorshipId });
  readonly #announcer = new AnnouncerController(this);
  /** Announces text built after an await, in this element's language. */
  #say = (text: () => string) => this.#announcer.announce(this.inOwnLanguage(text));
  // Live: what the other person schedules, ticks off or notes shows without a reload.
  readonly #live = new LiveRefreshController<WorkspacePart>(this, {
    source: () => this.clientController.client?.realtime,
    types: workspaceLiveTypes,
    route: (event) => workspaceLiveParts(event, this.mentorshipId),
    describe: (event) => describeWorkspaceEvent(event, this.#workspace),
    announce: (message) => this.#announcer.announce(message),
    // An optimistic change on its way (a milestone's status, its order) is not overwritten.
    ready: () => this.#workspace.busy.size === 0,
    refresh: (parts) => this.#workspace.refresh(parts),
  });
  readonly #modal = new ModalController(this, {
    dialog: () => this.dialogEl,
    onClosed: () => {
      // The `close` event arrives a task later: a dialog opened again meanwhile keeps its content.
      if (this.dialogEl?.open) return;
      this.dialog = undefined;
      this.dialogError = '';
    },
  });

  /** The headless workspace state, for portals that want to read it. */
  get workspace(): WorkspaceController {
    return this.#workspace;
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  /** Resolves once every live change received so far is shown. */
  liveSettled(): Promise<void> {
    return this.#live.whenSettled();
  }

  get #zone(): string {
    return isKnownTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mentorshipId')) {
      this.overlaps = undefined;
      this.scheduleErrors = new Map();
      this.formErrors = new Map();
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>${this.#announcer.render()} ${this.#renderBody()}</div>
      <dialog id="workspace-dialog" part="dialog" class="dialog" ${ownLanguage(this.contentLanguage)} aria-labelledby="dialog-title" aria-describedby="dialog-description"
        @close=${this.#modal.handleClose} @keydown=${this.#modal.handleKeydown} @click=${this.#modal.handleClick}>
        ${this.dialog ? this.#renderDialog(this.dialog) : nothing}
      </dialog>
    `;
  }

  #renderBody(): TemplateResult {
    const w = this.#workspace;
    switch (w.status) {
      case 'idle':
        return html`<div part="error" class="notice">
          <p>${msg(html`The mentorship workspace is not connected. Give it a <code>mentorship-id</code> and an <code>api</code> attribute, or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>
        </div>`;
      case 'loading':
        return html`<div class="stack" aria-busy="true">
          <p class="visually-hidden">${msg('Loading the mentorship workspace…')}</p>
          ${cardSkeleton()}
          <div class="section" aria-hidden="true"><span class="skeleton line line--heading"></span><span class="skeleton block"></span></div>
        </div>`;
      case 'error':
        return html`<div part="error" class="notice notice--error" role="alert">
          <p><strong>${msg('This mentorship could not be loaded.')}</strong> ${describeError(w.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${() => w.retry()}>${msg('Retry')}</button>
        </div>`;
      case 'ready':
        return html`
          ${this.#renderHeader()} ${w.mentorship?.status === 'completed' ? this.#renderFeedback() : nothing}
          ${this.#renderTabs()}
          <div class="panels">
            ${this.#panel('meetings', this.#renderMeetings())} ${this.#panel('plan', this.#renderPlan())}
            ${this.#panel('messages', this.#renderMessages())} ${this.#panel('notes', this.#renderNotes())}
          </div>
        `;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Header

  #renderHeader(): TemplateResult {
    const w = this.#workspace;
    const m = w.mentorship!;
    const other = w.other!;
    const failure = w.failures.get(m.id);
    return html`
      <header part="header card" class="card header" aria-labelledby="workspace-person">
        <div class="card-head">
          ${personHeader(other, { headingId: 'workspace-person', detail: w.isMentor ? 'programme' : 'role' })} ${mentorshipStatusBadge(m.status)}
        </div>
        <p class="meta">
          ${w.isMentor ? msg('Your mentee since') : msg('Your mentor since')} <time datetime=${m.startedAt}>${this.#dateLabel(m.startedAt)}</time>
          ${other.timeZone && isKnownTimeZone(other.timeZone) && other.timeZone !== this.#zone
            ? html` · ${msg(str`${other.name.split(/\s+/)[0]} is in ${zoneCity(other.timeZone)} time`)}`
            : nothing}
        </p>
        ${this.#renderProgress()}
        ${w.ended ? this.#renderEndedNote() : this.#renderActions()}
        ${failure ? html`<p part="action-error error" class="inline-error" role="alert">${failure}</p>` : nothing}
      </header>
    `;
  }

  #renderProgress(): TemplateResult {
    const w = this.#workspace;
    switch (w.progressStatus) {
      case 'loading':
        return html`<div class="progress" aria-hidden="true"><span class="skeleton line line--short"></span><span class="skeleton bar"></span></div>`;
      case 'error':
        return html`<div part="error" class="inline-error">
          ${msg('Progress could not be loaded.')} ${describeError(w.progressError)}
          <button part="button retry-button" class="button button--link" type="button" @click=${() => w.retryProgress()}>${msg('Retry')}</button>
        </div>`;
      case 'ready': {
        const p = w.progress!;
        const percent = p.progressPercent;
        const detail =
          p.basis === 'milestones'
            ? msg(str`${p.counts.completed} of ${p.counts.milestones} milestones complete`)
            : p.basis === 'notes'
              ? msg('from the latest progress note')
              : msg('no milestones or progress notes yet');
        return html`
          <div class="progress">
            <div class="progress-label"><span id="progress-label">${msg('Progress')}</span><span class="meta">${percent}% · ${detail}</span></div>
            <div part="progress" class="bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin="0" aria-valuemax="100"
              aria-valuenow=${percent} aria-valuetext=${`${percent}%, ${detail}`}>
              <div part="progress-fill" class="bar-fill" ${ref((el) => fillTo(el, percent))}></div>
            </div>
          </div>
        `;
      }
    }
  }

  #renderActions(): TemplateResult {
    const w = this.#workspace;
    const m = w.mentorship!;
    const busy = w.busy.has(m.id);
    return html`
      <div part="actions" class="actions" role="group" aria-label=${msg('Mentorship actions')}>
        ${m.status === 'active'
          ? html`<button part="button pause-button" class="button" type="button" ?disabled=${busy} @click=${(e: Event) => this.#open({ kind: 'pause' }, e)}>${msg('Pause…')}</button>`
          : html`<button part="button resume-button" class="button" type="button" ?disabled=${busy} @click=${(e: Event) => this.#open({ kind: 'resume' }, e)}>${msg('Resume…')}</button>`}
        <button part="button complete-button" class="button" type="button" ?disabled=${busy} @click=${(e: Event) => this.#open({ kind: 'complete' }, e)}>${msg('Complete…')}</button>
        <button part="button cancel-mentorship-button" class="button" type="button" ?disabled=${busy} @click=${(e: Event) => this.#open({ kind: 'cancel' }, e)}>${msg('Cancel mentorship…')}</button>
      </div>
    `;
  }

  #renderEndedNote(): TemplateResult {
    const m = this.#workspace.mentorship!;
    const date = m.endedAt ? this.#dateLabel(m.endedAt) : '';
    const completed = m.status === 'completed';
    const text = m.endedAt
      ? completed
        ? msg(str`This mentorship was completed on ${date}, so its meetings, plan and notes can no longer be changed. They stay here to read.`)
        : msg(str`This mentorship was cancelled on ${date}, so its meetings, plan and notes can no longer be changed. They stay here to read.`)
      : completed
        ? msg('This mentorship was completed, so its meetings, plan and notes can no longer be changed. They stay here to read.')
        : msg('This mentorship was cancelled, so its meetings, plan and notes can no longer be changed. They stay here to read.');
    return html`<div part="ended-note" class="ended-note" role="note">
      <p>${text}</p>
      ${m.status === 'cancelled' && m.endReason ? html`<p class="meta">${msg('Reason given:')} <span class="prose">${m.endReason}</span></p>` : nothing}
    </div>`;
  }

  // ------------------------------------------------------------------------------------------
  // Tabs

  #renderTabs(): TemplateResult {
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${msg('Workspace sections')} @keydown=${this.#onTabKey}>
      ${SECTIONS.map(
        (s) => html`<button part="tab" class="tab" role="tab" id="tab-${s.id}" type="button" aria-controls="panel-${s.id}"
          aria-selected=${s.id === this.section ? 'true' : 'false'} tabindex=${s.id === this.section ? 0 : -1}
          @click=${() => (this.section = s.id)}>${s.label}</button>`,
      )}
    </div>`;
  }

  #onTabKey = (e: KeyboardEvent) => {
    const i = SECTIONS.findIndex((s) => s.id === this.section);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % SECTIONS.length : e.key === 'ArrowLeft' ? (i - 1 + SECTIONS.length) % SECTIONS.length : e.key === 'Home' ? 0 : e.key === 'End' ? SECTIONS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.section = SECTIONS[next]!.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.section}`)?.focus());
  };

  #panel(id: WorkspaceSection, content: TemplateResult): TemplateResult {
    const label = SECTIONS.find((s) => s.id === id)!.label;
    return html`<section part="section ${id}-section" class="panel section" role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}"
      ?data-inactive=${id !== this.section}>
      <h3 class="panel-title">${label}</h3>
      ${content}
    </section>`;
  }

  #sectionError(what: string, error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" class="notice notice--error" role="alert">
      <p><strong>${what}</strong> ${describeError(error)}</p>
      <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
    </div>`;
  }

  #sectionSkeleton(label: string): TemplateResult {
    return html`<div class="stack" aria-busy="true"><p class="visually-hidden">${label}</p>${cardSkeleton()}</div>`;
  }

  // ------------------------------------------------------------------------------------------
  // Messages

  #renderMessages(): TemplateResult {
    const m = this.#workspace.mentorship!;
    if (!m.conversationId) return html`<p part="empty" class="notice">${msg('Messages are not available for this mentorship.')}</p>`;
    // Under a provider the thread finds the same client; standalone it gets this element's wiring.
    return html`<message-thread part="messages" conversation-id=${m.conversationId} heading-level="4" .api=${this.api} .token=${this.token}
      .getToken=${this.getToken} .theme=${this.theme}></message-thread>`;
  }

  // ------------------------------------------------------------------------------------------
  // Meetings

  #renderMeetings(): TemplateResult {
    const w = this.#workspace;
    if (w.meetingsStatus === 'loading') return this.#sectionSkeleton(msg('Loading meetings…'));
    if (w.meetingsStatus === 'error') return this.#sectionError(msg('Meetings could not be loaded.'), w.meetingsError, () => void w.retryMeetings());
    const upcoming = w.upcomingMeetings();
    const past = w.pastMeetings();
    return html`
      ${w.ended ? nothing : this.#renderScheduleForm()}
      ${this.overlaps ? this.#renderOverlaps(this.overlaps.meeting, this.overlaps.overlaps) : nothing}
      <div class="section">
        <h4 id="upcoming-title">${msg('Upcoming')}</h4>
        ${upcoming.length
          ? html`<ul class="list" aria-labelledby="upcoming-title">${repeat(upcoming, (m) => m.id, (m) => html`<li>${this.#renderMeeting(m)}</li>`)}</ul>`
          : html`<p part="empty" class="notice">
              ${w.ended ? msg('No meetings are planned.') : msg(str`No meetings planned. Schedule one with ${w.other!.name.split(/\s+/)[0]} using the form above.`)}
            </p>`}
      </div>
      ${past.length
        ? html`<div class="section">
            <h4 id="past-title">${msg('Past and cancelled')}</h4>
            <ul class="list" aria-labelledby="past-title">${repeat(past, (m) => m.id, (m) => html`<li>${this.#renderMeeting(m)}</li>`)}</ul>
          </div>`
        : nothing}
    `;
  }

  #renderScheduleForm(): TemplateResult {
    const w = this.#workspace;
    const errors = this.scheduleErrors;
    const other = w.other!;
    const start = wallTimeToIso(this.draft.date, this.draft.time, this.#zone);
    const preview = start ? twoZoneLabel(new Date(start), this.#zone, other.timeZone) : undefined;
    const err = (name: string) => (errors.get(name) ? html`<p id="schedule-${name}-error" class="field-error">${errors.get(name)}</p>` : nothing);
    const invalid = (name: string) => (errors.has(name) ? 'true' : 'false');
    const describedBy = (name: string, extra = '') => [errors.has(name) ? `schedule-${name}-error` : '', extra].filter(Boolean).join(' ') || nothing;
    return html`
      <form part="form schedule-form" class="form" novalidate aria-labelledby="schedule-title" @submit=${this.#schedule} @input=${this.#onDraft}>
        <h4 id="schedule-title">${msg('Schedule a meeting')}</h4>
        <div class="field">
          <label for="schedule-title-input">${msg('Title')}</label>
          <input id="schedule-title-input" name="title" maxlength="200" required autocomplete="off" aria-invalid=${invalid('title')} aria-describedby=${describedBy('title')} />
          ${err('title')}
        </div>
        <div class="form-grid">
          <div class="field">
            <label for="schedule-date">${msg('Date')}</label>
            <input id="schedule-date" name="date" type="date" required min=${todayIso()} aria-invalid=${invalid('date')} aria-describedby=${describedBy('date')} />
            ${err('date')}
          </div>
          <div class="field">
            <label for="schedule-time">${msg(str`Start time (${zoneCity(this.#zone)})`)}</label>
            <input id="schedule-time" name="time" type="time" required step="300" aria-invalid=${invalid('time')} aria-describedby=${describedBy('time', 'schedule-zone')} />
            ${err('time')}
          </div>
          <div class="field">
            <label for="schedule-duration">${msg('Duration')}</label>
            <select id="schedule-duration" name="duration">
              ${durationChoices.map((d) => html`<option value=${d} ?selected=${d === 60}>${durationLabel(d)}</option>`)}
            </select>
          </div>
        </div>
        <p id="schedule-zone" class="zone-preview meta" aria-live="polite">
          ${preview ? preview.text : msg(str`Times are in your time zone (${zoneCity(this.#zone)}).`)}
        </p>
        <div class="form-grid">
          <div class="field">
            <label for="schedule-location">${msg('Location (optional)')}</label>
            <input id="schedule-location" name="location" maxlength="300" autocomplete="off" />
          </div>
          <div class="field">
            <label for="schedule-video">${msg('Video call link (optional)')}</label>
            <input id="schedule-video" name="videoUrl" type="url" inputmode="url" placeholder="https://" aria-invalid=${invalid('videoUrl')} aria-describedby=${describedBy('videoUrl')} />
            ${err('videoUrl')}
          </div>
        </div>
        <div class="field">
          <label for="schedule-agenda">${msg('Agenda (optional)')}</label>
          <textarea id="schedule-agenda" name="agenda" maxlength="4000"></textarea>
        </div>
        ${errors.get('form') ? html`<p part="error" class="inline-error" role="alert">${errors.get('form')}</p>` : nothing}
        <div class="actions">
          <button part="button schedule-button" class="button button--primary" type="submit" ?disabled=${this.scheduleBusy}>
            ${this.scheduleBusy ? msg('Scheduling…') : msg('Schedule meeting')}
          </button>
        </div>
      </form>
    `;
  }

  #onDraft = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (target.name === 'date' || target.name === 'time') this.draft = { ...this.draft, [target.name]: target.value };
  };

  #schedule = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const title = field(form, 'title');
    const date = field(form, 'date');
    const time = field(form, 'time');
    const videoUrl = field(form, 'videoUrl');
    const location = field(form, 'location');
    const agenda = field(form, 'agenda');
    const durationMinutes = Number(field(form, 'duration'));
    const errors = new Map<string, string>();
    if (!title) errors.set('title', msg('Give the meeting a title.'));
    if (!date) errors.set('date', msg('Choose a date.'));
    if (!time) errors.set('time', msg('Choose a start time.'));
    const startsAt = date && time ? wallTimeToIso(date, time, this.#zone) : undefined;
    if (startsAt && Date.parse(startsAt) <= Date.now()) errors.set('time', msg('Choose a time in the future.'));
    if (videoUrl && !isHttpUrl(videoUrl)) errors.set('videoUrl', msg('Enter a full web address starting with https://'));
    this.scheduleErrors = errors;
    if (errors.size || !startsAt) {
      await this.updateComplete;
      const first = [...errors.keys()][0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.scheduleBusy = true;
    const outcome = await this.#workspace.schedule({
      title,
      startsAt,
      durationMinutes,
      ...(location ? { location } : {}),
      ...(videoUrl ? { videoUrl } : {}),
      ...(agenda ? { agenda } : {}),
    });
    this.scheduleBusy = false;
    if (!outcome.ok) {
      this.scheduleErrors = new Map([['form', outcome.message]]);
      this.#announcer.announce(outcome.message);
      return;
    }
    const meeting = outcome.value;
    form.reset();
    this.draft = { date: '', time: '' };
    const overlaps = meeting.overlaps ?? [];
    this.overlaps = overlaps.length ? { meeting, overlaps } : undefined;
    const when = twoZoneLabel(new Date(meeting.startsAt), this.#zone, this.#workspace.other?.timeZone).text;
    this.#say(() =>
      overlaps.length
        ? msg(str`Meeting “${meeting.title}” scheduled for ${when}. It overlaps another meeting.`)
        : msg(str`Meeting “${meeting.title}” scheduled for ${when}.`),
    );
    emit(this, 'meeting-scheduled', { mentorshipId: meeting.mentorshipId, meeting, overlaps, rescheduled: false });
  };

  #renderOverlaps(meeting: Meeting, overlaps: MeetingOverlap[]): TemplateResult {
    const w = this.#workspace;
    const who = (o: MeetingOverlap) => {
      const names = o.participantIds.map((id) => (id === w.viewerId ? msg('You') : id === w.other?.id ? w.other.name : msg('Someone')));
      return new Intl.ListFormat(intlLocale() ?? 'en', { type: 'conjunction' }).format(names);
    };
    return html`<div part="warning" class="warning" role="status">
      <p><strong>${overlaps.length === 1 ? msg(str`Heads-up: “${meeting.title}” overlaps another meeting.`) : msg(str`Heads-up: “${meeting.title}” overlaps ${overlaps.length} other meetings.`)}</strong> ${msg('It is scheduled anyway; move it if that does not work.')}</p>
      <ul>
        ${overlaps.map(
          (o) => html`<li>${msg(str`${who(o)}: ${o.title ? `“${o.title}”` : msg('another meeting')} at ${twoZoneLabel(new Date(o.startsAt), this.#zone, null).text}.`)}</li>`,
        )}
      </ul>
    </div>`;
  }

  #renderMeeting(m: Meeting): TemplateResult {
    const w = this.#workspace;
    const when = twoZoneLabel(new Date(m.startsAt), this.#zone, w.other?.timeZone);
    const video = safeHttpUrl(m.videoUrl);
    const busy = w.busy.has(m.id);
    const failure = w.failures.get(m.id);
    const started = Date.parse(m.startsAt) <= Date.now();
    const canChange = !w.ended && m.status === 'scheduled';
    const headingId = `meeting-${m.id}-title`;
    return html`
      <article part="card meeting" class="card" aria-labelledby=${headingId} data-meeting-id=${m.id} aria-busy=${busy ? 'true' : 'false'}>
        <div class="item-head">
          <h4 id=${headingId}>${m.title}</h4>
          <span part="badge status-badge" class="badge badge--${m.status === 'scheduled' ? 'waiting' : m.status === 'completed' ? 'good' : 'neutral'}"
            data-status=${m.status}>${meetingStatusLabels[m.status]}</span>
        </div>
        <p class="when" data-when>
          <time datetime=${m.startsAt}>${when.mine}</time>${when.theirs ? html`<span class="their-time"> · ${when.theirs}</span>` : nothing}
        </p>
        <p class="meta">${durationLabel(m.durationMinutes)}${m.location ? html` · ${m.location}` : nothing}</p>
        ${video ? html`<p><a class="link" part="video-link" href=${video} target="_blank" rel="noopener noreferrer">${msg('Join the video call')}</a></p>` : nothing}
        ${m.agenda ? html`<div class="label-row"><p class="label">${msg('Agenda')}</p><p class="prose">${m.agenda}</p></div>` : nothing}
        ${m.notes ? html`<div class="label-row"><p class="label">${msg('Notes')}</p><p class="prose">${m.notes}</p></div>` : nothing}
        ${m.cancelReason ? html`<p class="meta">${msg('Cancelled:')} <span class="prose">${m.cancelReason}</span></p>` : nothing}
        ${failure ? html`<p part="action-error error" class="inline-error" role="alert">${failure}</p>` : nothing}
        ${m.status === 'scheduled'
          ? html`<div class="actions">
              <button part="button calendar-button" class="button button--small" type="button" @click=${() => this.#downloadIcs(m)}>
                ${msg('Add to calendar')}${hidden(`: ${m.title}`)}
              </button>
              ${canChange
                ? html`
                    ${started
                      ? html`<button part="button" class="button button--small" type="button" ?disabled=${busy}
                          @click=${(e: Event) => this.#open({ kind: 'meeting-complete', meeting: m }, e)}>${msg('Mark as held')}${hidden(`: ${m.title}`)}…</button>`
                      : html`<button part="button" class="button button--small" type="button" ?disabled=${busy}
                          @click=${(e: Event) => this.#open({ kind: 'meeting-reschedule', meeting: m }, e)}>${msg('Reschedule')}${hidden(`: ${m.title}`)}…</button>`}
                    <button part="button" class="button button--small" type="button" ?disabled=${busy}
                      @click=${(e: Event) => this.#open({ kind: 'meeting-cancel', meeting: m }, e)}>${msg('Cancel meeting')}${hidden(`: ${m.title}`)}…</button>
                  `
                : nothing}
            </div>`
          : nothing}
      </article>
    `;
  }

  /** The `.ics` needs the bearer token, so it is fetched and handed to the browser as a download. */
  async #downloadIcs(meeting: Meeting): Promise<void> {
    const outcome = await this.#workspace.meetingIcs(meeting);
    if (!outcome.ok) {
      this.#workspace.failures.set(meeting.id, outcome.message);
      this.#announcer.announce(outcome.message);
      this.requestUpdate();
      return;
    }
    const url = URL.createObjectURL(new Blob([outcome.value], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${meeting.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meeting'}.ics`;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.#say(() => msg(str`Calendar file for “${meeting.title}” downloaded. Open it to add the meeting to your calendar.`));
  }

  // ------------------------------------------------------------------------------------------
  // Plan

  #renderPlan(): TemplateResult {
    const w = this.#workspace;
    if (w.progressStatus === 'loading') return this.#sectionSkeleton(msg('Loading the plan…'));
    if (w.progressStatus === 'error') return this.#sectionError(msg('The plan could not be loaded.'), w.progressError, () => void w.retryProgress());
    const m = w.mentorship!;
    const editable = w.isMentor && !w.ended;
    const milestones = w.milestones;
    return html`
      <p class="meta" data-target-date>
        ${m.targetEndDate ? html`${msg('Target end date:')} <strong>${calendarDateLabel(m.targetEndDate)}</strong>` : msg('No target end date yet.')}
        ${w.isMentor ? nothing : ` ${msg('Your mentor sets the plan; you can both update the status of each milestone.')}`}
      </p>
      ${editable ? this.#renderPlanForms(milestones.length > 0) : nothing}
      ${milestones.length
        ? html`<ol class="list" aria-label=${msg('Milestones')}>
            ${repeat(milestones, (ms) => ms.id, (ms, i) => html`<li>${this.#renderMilestone(ms, i, milestones.length)}</li>`)}
          </ol>`
        : html`<p part="empty" class="notice">
            ${w.ended
              ? msg('This mentorship had no milestones.')
              : w.isMentor
                ? msg('No milestones yet. Start from a template or add the first milestone above.')
                : msg('No milestones yet. Your mentor sets the plan; suggest milestones in a progress note.')}
          </p>`}
    `;
  }

  #renderPlanForms(hasMilestones: boolean): TemplateResult {
    const m = this.#workspace.mentorship!;
    const errors = this.formErrors;
    const minDate = m.startedAt.slice(0, 10);
    return html`
      <form part="form plan-form" class="form" novalidate aria-labelledby="plan-form-title" @submit=${this.#savePlan}>
        <h4 id="plan-form-title">${msg('Timeline')}</h4>
        <div class="form-grid">
          <div class="field">
            <label for="plan-target">${msg('Target end date')}</label>
            <input id="plan-target" name="targetEndDate" type="date" min=${minDate} .value=${m.targetEndDate ?? ''}
              aria-invalid=${errors.has('targetEndDate') ? 'true' : 'false'} aria-describedby=${errors.has('targetEndDate') ? 'plan-target-error' : nothing} />
            ${errors.get('targetEndDate') ? html`<p id="plan-target-error" class="field-error">${errors.get('targetEndDate')}</p>` : nothing}
          </div>
          ${hasMilestones
            ? nothing
            : html`<div class="field">
                <label for="plan-template">${msg('Start from a template (optional)')}</label>
                <select id="plan-template" name="template" aria-describedby="plan-template-hint">
                  <option value="">${msg('No template')}</option>
                  ${(Object.keys(templateOptions) as MilestoneTemplate[]).map((t) => html`<option value=${t}>${templateOptions[t].label}</option>`)}
                </select>
                <p id="plan-template-hint" class="hint">${msg('A template adds dated milestones up to the target date (or over its usual length).')}</p>
              </div>`}
        </div>
        ${errors.get('plan') ? html`<p part="error" class="inline-error" role="alert">${errors.get('plan')}</p>` : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busyForm === 'plan'}>${msg('Save timeline')}</button>
        </div>
      </form>
      <form part="form milestone-form" class="form" novalidate aria-labelledby="milestone-form-title" @submit=${this.#addMilestone}>
        <h4 id="milestone-form-title">${msg('Add a milestone')}</h4>
        <div class="form-grid">
          <div class="field">
            <label for="milestone-title">${msg('Title')}</label>
            <input id="milestone-title" name="title" maxlength="200" autocomplete="off"
              aria-invalid=${errors.has('milestoneTitle') ? 'true' : 'false'} aria-describedby=${errors.has('milestoneTitle') ? 'milestone-title-error' : nothing} />
            ${errors.get('milestoneTitle') ? html`<p id="milestone-title-error" class="field-error">${errors.get('milestoneTitle')}</p>` : nothing}
          </div>
          <div class="field">
            <label for="milestone-due">${msg('Due date (optional)')}</label>
            <input id="milestone-due" name="dueDate" type="date" min=${minDate} />
          </div>
        </div>
        <div class="field">
          <label for="milestone-description">${msg('Description (optional)')}</label>
          <textarea id="milestone-description" name="description" maxlength="4000"></textarea>
        </div>
        ${errors.get('milestone') ? html`<p part="error" class="inline-error" role="alert">${errors.get('milestone')}</p>` : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busyForm === 'milestone'}>${msg('Add milestone')}</button>
        </div>
      </form>
    `;
  }

  #savePlan = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const targetEndDate = field(form, 'targetEndDate') || null;
    const template = (field(form, 'template') || undefined) as MilestoneTemplate | undefined;
    this.busyForm = 'plan';
    const outcome = await this.#workspace.setTimeline(targetEndDate, template);
    this.busyForm = '';
    const errors = new Map(this.formErrors);
    errors.delete('plan');
    errors.delete('targetEndDate');
    if (!outcome.ok) {
      errors.set('plan', outcome.message);
      this.formErrors = errors;
      this.#announcer.announce(outcome.message);
      return;
    }
    this.formErrors = errors;
    this.#say(() => (template ? msg(str`The “${templateOptions[template].label}” plan was added.`) : msg('The timeline was saved.')));
    emit(this, 'mentorship-updated', { mentorshipId: outcome.value.id, action: 'timeline', mentorship: outcome.value });
    if (template) emit(this, 'milestone-changed', { mentorshipId: outcome.value.id, change: 'template', milestone: null });
  };

  #addMilestone = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const title = field(form, 'title');
    const errors = new Map(this.formErrors);
    errors.delete('milestone');
    errors.delete('milestoneTitle');
    if (!title) {
      errors.set('milestoneTitle', msg('Give the milestone a title.'));
      this.formErrors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#milestone-title')?.focus();
      return;
    }
    this.busyForm = 'milestone';
    const outcome = await this.#workspace.addMilestone({ title, description: field(form, 'description'), dueDate: field(form, 'dueDate') || null });
    this.busyForm = '';
    if (!outcome.ok) {
      errors.set('milestone', outcome.message);
      this.formErrors = errors;
      this.#announcer.announce(outcome.message);
      return;
    }
    this.formErrors = errors;
    form.reset();
    const added = outcome.value.title;
    this.#say(() => msg(str`Milestone “${added}” added.`));
    emit(this, 'milestone-changed', { mentorshipId: outcome.value.mentorshipId, change: 'created', milestone: outcome.value });
  };

  #renderMilestone(ms: Milestone, index: number, count: number): TemplateResult {
    const w = this.#workspace;
    const busy = w.busy.has(ms.id);
    const failure = w.failures.get(ms.id);
    const headingId = `milestone-${ms.id}-title`;
    const canChange = !w.ended;
    return html`
      <article part="card milestone" class="card" aria-labelledby=${headingId} data-milestone-id=${ms.id} aria-busy=${busy ? 'true' : 'false'}>
        <div class="item-head">
          <h4 id=${headingId}>${ms.title}</h4>
          <span part="badge status-badge" class="badge badge--${milestoneTone[ms.status]}" data-status=${ms.status}>${milestoneStatusLabels[ms.status]}</span>
        </div>
        ${ms.dueDate
          ? html`<p class="meta">
              ${msg(str`Due ${calendarDateLabel(ms.dueDate)}`)}${ms.overdue && ms.status !== 'completed'
                ? html` · <span part="overdue" class="overdue">${msg('Overdue')}</span>`
                : nothing}
            </p>`
          : nothing}
        ${ms.description ? html`<p class="prose">${ms.description}</p>` : nothing}
        ${failure ? html`<p part="action-error error" class="inline-error" role="alert">${failure}</p>` : nothing}
        ${canChange
          ? html`<div class="actions">
              ${milestoneTransitions[ms.status].map(
                (to) => html`<button part="button status-button" class="button button--small" type="button" ?disabled=${busy}
                  @click=${() => this.#setStatus(ms, to)}>${milestoneMoveLabels[to]}${hidden(`: ${ms.title}`)}</button>`,
              )}
              ${w.isMentor
                ? html`
                    <button part="button move-button" class="button button--small" type="button" data-move="up" ?disabled=${index === 0}
                      @click=${() => this.#move(ms, 'up')}><span aria-hidden="true">↑</span> ${msg('Move up')}${hidden(`: ${ms.title}`)}</button>
                    <button part="button move-button" class="button button--small" type="button" data-move="down" ?disabled=${index === count - 1}
                      @click=${() => this.#move(ms, 'down')}><span aria-hidden="true">↓</span> ${msg('Move down')}${hidden(`: ${ms.title}`)}</button>
                    <button part="button" class="button button--small" type="button" ?disabled=${busy}
                      @click=${(e: Event) => this.#open({ kind: 'milestone-edit', milestone: ms }, e)}>${msg('Edit')}${hidden(`: ${ms.title}`)}…</button>
                    <button part="button" class="button button--small" type="button" ?disabled=${busy}
                      @click=${(e: Event) => this.#open({ kind: 'milestone-delete', milestone: ms }, e)}>${msg('Delete')}${hidden(`: ${ms.title}`)}…</button>
                  `
                : nothing}
            </div>`
          : nothing}
      </article>
    `;
  }

  async #setStatus(ms: Milestone, to: MilestoneStatus): Promise<void> {
    const outcome = await this.#workspace.setMilestoneStatus(ms, to);
    if (outcome.ok) {
      this.#say(() => msg(str`“${ms.title}” is now ${milestoneStatusLabels[to].toLocaleLowerCase()}.`));
      emit(this, 'milestone-changed', { mentorshipId: ms.mentorshipId, change: 'status', milestone: outcome.value });
    } else this.#announcer.announce(outcome.message);
    // The pressed button is gone (the status changed, or back): keep focus on the card's actions.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-milestone-id="${ms.id}"] .actions button:not([disabled])`)?.focus();
  }

  async #move(ms: Milestone, direction: 'up' | 'down'): Promise<void> {
    // Move buttons stay enabled while a move is on its way (focus stays on them); a second press waits.
    if (this.#workspace.busy.has(ms.id)) return;
    const outcome = this.#workspace.moveMilestone(ms, direction);
    // Focus follows the moved milestone's button (or its other one at an end of the list).
    const refocus = async () => {
      await this.updateComplete;
      const card = this.renderRoot.querySelector(`[data-milestone-id="${ms.id}"]`);
      (card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ??
        card?.querySelector<HTMLButtonElement>('[part~="move-button"]:not([disabled])'))?.focus();
    };
    await refocus();
    const result = await outcome;
    if (result.ok) {
      const position = this.#workspace.milestones.findIndex((m) => m.id === ms.id) + 1;
      const count = this.#workspace.milestones.length;
      this.#say(() =>
        direction === 'up'
          ? msg(str`“${ms.title}” moved up, now ${position} of ${count}.`)
          : msg(str`“${ms.title}” moved down, now ${position} of ${count}.`),
      );
      emit(this, 'milestone-changed', { mentorshipId: ms.mentorshipId, change: 'moved', milestone: result.value });
    } else {
      this.#announcer.announce(result.message);
      await refocus();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Notes

  #renderNotes(): TemplateResult {
    const w = this.#workspace;
    if (w.progressStatus === 'loading') return this.#sectionSkeleton(msg('Loading progress notes…'));
    if (w.progressStatus === 'error') return this.#sectionError(msg('Progress notes could not be loaded.'), w.progressError, () => void w.retryProgress());
    const notes = w.progress!.notes;
    return html`
      ${w.ended ? nothing : this.#renderNoteForm()}
      ${notes.length
        ? html`<ol class="timeline" aria-label=${msg('Progress notes, newest first')}>${repeat(notes, (n) => n.id, (n) => html`<li>${this.#renderNote(n)}</li>`)}</ol>`
        : html`<p part="empty" class="notice">
            ${w.ended ? msg('No progress notes were written.') : msg('No progress notes yet. Write what you worked on, what you learned and how far along you feel.')}
          </p>`}
    `;
  }

  #renderNoteForm(): TemplateResult {
    const errors = this.formErrors;
    return html`
      <form part="form note-form" class="form" novalidate aria-labelledby="note-form-title" @submit=${this.#addNote}>
        <h4 id="note-form-title">${msg('Add a progress note')}</h4>
        <div class="field">
          <label for="note-body">${msg('Note')}</label>
          <textarea id="note-body" name="body" maxlength="4000" aria-invalid=${errors.has('noteBody') ? 'true' : 'false'}
            aria-describedby=${errors.has('noteBody') ? 'note-body-error' : nothing}></textarea>
          ${errors.get('noteBody') ? html`<p id="note-body-error" class="field-error">${errors.get('noteBody')}</p>` : nothing}
        </div>
        <div class="field">
          <label for="note-percent">${msg('How far along, in percent (optional)')}</label>
          <input id="note-percent" name="percent" type="number" min="0" max="100" step="1" inputmode="numeric"
            aria-invalid=${errors.has('notePercent') ? 'true' : 'false'} aria-describedby=${errors.has('notePercent') ? 'note-percent-error' : 'note-percent-hint'} />
          ${errors.get('notePercent')
            ? html`<p id="note-percent-error" class="field-error">${errors.get('notePercent')}</p>`
            : html`<p id="note-percent-hint" class="hint">${msg('Without milestones, the latest percent is the mentorship’s progress.')}</p>`}
        </div>
        ${errors.get('note') ? html`<p part="error" class="inline-error" role="alert">${errors.get('note')}</p>` : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busyForm === 'note'}>${this.busyForm === 'note' ? msg('Saving…') : msg('Add note')}</button>
        </div>
      </form>
    `;
  }

  #addNote = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const body = field(form, 'body');
    const percentText = field(form, 'percent');
    const percent = percentText === '' ? undefined : Number(percentText);
    const errors = new Map(this.formErrors);
    for (const k of ['note', 'noteBody', 'notePercent']) errors.delete(k);
    if (!body) errors.set('noteBody', msg('Write a few words about the progress.'));
    if (percent !== undefined && (!Number.isInteger(percent) || percent < 0 || percent > 100)) errors.set('notePercent', msg('Enter a whole number from 0 to 100.'));
    this.formErrors = errors;
    if (errors.has('noteBody') || errors.has('notePercent')) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.has('noteBody') ? '#note-body' : '#note-percent')?.focus();
      return;
    }
    this.busyForm = 'note';
    const outcome = await this.#workspace.addNote(percent === undefined ? { body } : { body, progressPercent: percent });
    this.busyForm = '';
    if (!outcome.ok) {
      this.formErrors = new Map([...errors, ['note', outcome.message]]);
      this.#announcer.announce(outcome.message);
      return;
    }
    form.reset();
    const p = this.#workspace.progress;
    this.#say(() => (p ? msg(str`Progress note added. Progress is now ${p.progressPercent}%.`) : msg('Progress note added.')));
  };

  #renderNote(n: ProgressNote): TemplateResult {
    const w = this.#workspace;
    const author = n.authorId === w.viewerId ? msg('You') : n.authorId === w.other?.id ? w.other.name : msg('A former participant');
    return html`<article part="card note" class="card" data-note-id=${n.id}>
      <p class="meta">
        <strong>${author}</strong> · <time datetime=${n.createdAt} title=${this.#dateLabel(n.createdAt)}>${relativeTime(n.createdAt)}</time>
        ${n.progressPercent !== null ? html` · <span class="percent">${msg(str`${formatNumber(n.progressPercent / 100, { style: 'percent' })} along`)}</span>` : nothing}
      </p>
      <p class="prose">${n.body}</p>
    </article>`;
  }

  // ------------------------------------------------------------------------------------------
  // Feedback

  #renderFeedback(): TemplateResult {
    const w = this.#workspace;
    const other = w.other!;
    let content: TemplateResult;
    if (w.feedbackStatus === 'loading') content = html`<div aria-busy="true"><p class="visually-hidden">${msg('Loading feedback…')}</p><span class="skeleton block" aria-hidden="true"></span></div>`;
    else if (w.feedbackStatus === 'error') content = this.#sectionError(msg('The feedback form could not be loaded.'), w.feedbackError, () => void w.retryFeedback());
    else {
      const f = w.feedback!;
      if (f.mine) content = html`<p part="feedback-thanks" class="ended-note">${msg(str`Thanks for your feedback — you rated your time with ${other.name} ${f.mine.rating} of 5.`)}</p>`;
      else if (!f.canLeaveFeedback) content = html`<p class="meta">${msg('Feedback is closed for this mentorship.')}</p>`;
      else content = this.#renderFeedbackForm(other);
    }
    return html`<section part="section feedback-section" class="section card" aria-labelledby="feedback-title">
      <h3 id="feedback-title">${msg('Feedback')}</h3>
      ${content}
    </section>`;
  }

  #renderFeedbackForm(other: PersonSummary): TemplateResult {
    const errors = this.formErrors;
    const labels = [msg('Not helpful'), msg('A little helpful'), msg('Helpful'), msg('Very helpful'), msg('Extremely helpful')];
    return html`<form part="form feedback-form" class="form" novalidate @submit=${this.#sendFeedback} aria-labelledby="feedback-title">
      <p>${this.#workspace.isMentor
        ? msg(str`How was your mentorship with ${other.name}? You can leave feedback once; it stays between you and the programme.`)
        : msg(str`How was your mentorship with ${other.name}? You can leave feedback once; it helps other alumni choose a mentor.`)}</p>
      <fieldset aria-describedby=${errors.has('rating') ? 'rating-error' : nothing}>
        <legend>${msg('Rating')}</legend>
        <div class="rating">
          ${labels.map(
            (label, i) => html`<label class="choice"><input type="radio" name="rating" value=${i + 1} />${i + 1} — ${label}</label>`,
          )}
        </div>
        ${errors.get('rating') ? html`<p id="rating-error" class="field-error">${errors.get('rating')}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="feedback-comment">${msg('Comment (optional)')}</label>
        <textarea id="feedback-comment" name="comment" maxlength="2000"></textarea>
      </div>
      ${errors.get('feedback') ? html`<p part="error" class="inline-error" role="alert">${errors.get('feedback')}</p>` : nothing}
      <div class="actions">
        <button part="button" class="button button--primary" type="submit" ?disabled=${this.busyForm === 'feedback'}>${msg('Send feedback')}</button>
      </div>
    </form>`;
  }

  #sendFeedback = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const rating = Number(field(form, 'rating'));
    const errors = new Map(this.formErrors);
    errors.delete('rating');
    errors.delete('feedback');
    if (!rating) {
      errors.set('rating', msg('Choose a rating from 1 to 5.'));
      this.formErrors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input[name="rating"]')?.focus();
      return;
    }
    this.formErrors = errors;
    this.busyForm = 'feedback';
    const outcome = await this.#workspace.sendFeedback(rating, field(form, 'comment'));
    this.busyForm = '';
    if (!outcome.ok) {
      this.formErrors = new Map([...errors, ['feedback', outcome.message]]);
      this.#announcer.announce(outcome.message);
      return;
    }
    this.#say(() => msg('Thanks for your feedback.'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#feedback-title')?.setAttribute('tabindex', '-1');
    this.renderRoot.querySelector<HTMLElement>('#feedback-title')?.focus();
  };

  // ------------------------------------------------------------------------------------------
  // Dialogs

  #open(dialog: DialogState, e: Event): void {
    this.dialog = dialog;
    this.dialogError = '';
    this.dialogBusy = false;
    void this.#modal.open(e.currentTarget as HTMLElement);
  }

  #renderDialog(d: DialogState): TemplateResult {
    const other = this.#workspace.other?.name ?? msg('the other person');
    const first = other.split(/\s+/)[0];
    switch (d.kind) {
      case 'pause':
        return this.#confirmPanel(
          msg('Pause this mentorship?'),
          msg(str`Meetings, the plan and notes stay as they are. ${first} will be told, and either of you can resume it at any time.`),
          msg('Pause mentorship'),
          msg('Keep active'),
          false,
        );
      case 'resume':
        return this.#confirmPanel(msg('Resume this mentorship?'), msg(str`It becomes active again and ${first} will be told.`), msg('Resume mentorship'), msg('Keep paused'), false);
      case 'complete':
        return this.#confirmPanel(
          msg('Mark this mentorship as completed?'),
          msg(str`It ends for both of you and becomes read-only; upcoming meetings are cancelled. You and ${first} can then each leave feedback once.`),
          msg('Complete mentorship'),
          msg('Not yet'),
          false,
        );
      case 'cancel':
        return this.#formPanel(msg('Cancel this mentorship?'), msg(str`It ends for both of you and becomes read-only; ${first} will see your reason.`), html`
          <div class="field">
            <label for="dialog-reason">${msg('Reason (required)')}</label>
            <textarea id="dialog-reason" name="reason" maxlength="1000" required autofocus></textarea>
          </div>`, msg('Cancel mentorship'), msg('Keep mentorship'), true);
      case 'meeting-cancel':
        return this.#formPanel(msg(str`Cancel “${d.meeting.title}”?`), msg(str`${first} will be told, with your reason. Calendars that imported it show it as cancelled.`), html`
          <div class="field">
            <label for="dialog-reason">${msg('Reason (required)')}</label>
            <textarea id="dialog-reason" name="reason" maxlength="1000" required autofocus></textarea>
          </div>`, msg('Cancel meeting'), msg('Keep meeting'), true);
      case 'meeting-complete':
        return this.#formPanel(msg(str`Mark “${d.meeting.title}” as held`), msg('Write down what you talked about and what comes next; you both see the notes.'), html`
          <div class="field">
            <label for="dialog-notes">${msg('Meeting notes (required)')}</label>
            <textarea id="dialog-notes" name="notes" maxlength="8000" required autofocus></textarea>
          </div>`, msg('Save notes'), msg('Not now'), false);
      case 'meeting-reschedule': {
        const start = new Date(d.meeting.startsAt);
        const now = twoZoneLabel(start, this.#zone, this.#workspace.other?.timeZone).text;
        return this.#formPanel(msg(str`Reschedule “${d.meeting.title}”`), msg(str`Now ${now}. ${first} will be told, and calendars that imported it update.`), html`
          <div class="form-grid">
            <div class="field">
              <label for="dialog-date">${msg('New date')}</label>
              <input id="dialog-date" name="date" type="date" required min=${todayIso()} .value=${isoDayIn(start, this.#zone)} autofocus />
            </div>
            <div class="field">
              <label for="dialog-time">${msg(str`New start time (${zoneCity(this.#zone)})`)}</label>
              <input id="dialog-time" name="time" type="time" required step="300" .value=${isoClockIn(start, this.#zone)} />
            </div>
            <div class="field">
              <label for="dialog-duration">${msg('Duration')}</label>
              <select id="dialog-duration" name="duration">
                ${durationChoices.map((m) => html`<option value=${m} ?selected=${m === d.meeting.durationMinutes}>${durationLabel(m)}</option>`)}
              </select>
            </div>
          </div>`, msg('Reschedule meeting'), msg('Keep the time'), false);
      }
      case 'milestone-edit':
        return this.#formPanel(msg(str`Edit “${d.milestone.title}”`), msg('Changes show for both of you.'), html`
          <div class="field">
            <label for="dialog-title-input">${msg('Title')}</label>
            <input id="dialog-title-input" name="title" maxlength="200" required .value=${d.milestone.title} autofocus />
          </div>
          <div class="field">
            <label for="dialog-due">${msg('Due date (optional)')}</label>
            <input id="dialog-due" name="dueDate" type="date" min=${this.#workspace.mentorship!.startedAt.slice(0, 10)} .value=${d.milestone.dueDate ?? ''} />
          </div>
          <div class="field">
            <label for="dialog-description">${msg('Description (optional)')}</label>
            <textarea id="dialog-description" name="description" maxlength="4000" .value=${d.milestone.description}></textarea>
          </div>`, msg('Save milestone'), msg('Discard changes'), false);
      case 'milestone-delete':
        return this.#confirmPanel(
          msg(str`Delete “${d.milestone.title}”?`),
          msg('It leaves the plan for both of you. This cannot be undone.'),
          msg('Delete milestone'),
          msg('Keep milestone'),
          true,
        );
    }
  }

  #confirmPanel(title: string, description: string, confirm: string, keep: string, danger: boolean): TemplateResult {
    return html`<div class="dialog-panel">
      <h2 id="dialog-title">${title}</h2>
      <p id="dialog-description">${description}</p>
      ${this.dialogError ? html`<p part="error" class="inline-error" role="alert">${this.dialogError}</p>` : nothing}
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" autofocus @click=${() => this.#modal.close()}>${keep}</button>
        <button part="button confirm-button" class="button ${danger ? 'button--danger' : 'button--primary'}" type="button" ?disabled=${this.dialogBusy}
          @click=${() => this.#confirm(undefined)}>${confirm}</button>
      </div>
    </div>`;
  }

  #formPanel(title: string, description: string, fields: TemplateResult, confirm: string, keep: string, danger: boolean): TemplateResult {
    return html`<form class="dialog-panel" novalidate @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      void this.#confirm(e.currentTarget as HTMLFormElement);
    }}>
      <h2 id="dialog-title">${title}</h2>
      <p id="dialog-description">${description}</p>
      ${fields}
      ${this.dialogError ? html`<p part="error" class="inline-error" role="alert">${this.dialogError}</p>` : nothing}
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" @click=${() => this.#modal.close()}>${keep}</button>
        <button part="button confirm-button" class="button ${danger ? 'button--danger' : 'button--primary'}" type="submit" ?disabled=${this.dialogBusy}>${confirm}</button>
      </div>
    </form>`;
  }

  async #confirm(form: HTMLFormElement | undefined): Promise<void> {
    const d = this.dialog;
    if (!d || this.dialogBusy) return;
    const w = this.#workspace;
    const value = (name: string) => (form ? field(form, name) : '');
    const refuse = async (message: string, focus?: string) => {
      this.dialogError = message;
      await this.updateComplete;
      if (focus) this.renderRoot.querySelector<HTMLElement>(`#workspace-dialog [name="${focus}"]`)?.focus();
    };
    switch (d.kind) {
      case 'pause':
      case 'resume':
      case 'complete':
      case 'cancel': {
        const reason = value('reason');
        if (d.kind === 'cancel' && !reason) return refuse(msg('Write a reason: the other person will read it.'), 'reason');
        // Pause and resume show at once (and roll back visibly on the header if refused).
        if (d.kind === 'pause' || d.kind === 'resume') this.#modal.close();
        else this.dialogBusy = true;
        const outcome = await w.lifecycle(d.kind, reason);
        this.dialogBusy = false;
        if (!outcome.ok) {
          if (this.dialog === d) await refuse(outcome.message);
          this.#announcer.announce(outcome.message);
          return;
        }
        await this.updateComplete;
        if (this.dialog === d) this.#modal.close(() => this.#focusable('#workspace-person'));
        const kind = d.kind;
        this.#say(() =>
          kind === 'pause'
            ? msg('The mentorship was paused.')
            : kind === 'resume'
              ? msg('The mentorship was resumed.')
              : kind === 'complete'
                ? msg('The mentorship was completed. You can now leave feedback.')
                : msg('The mentorship was cancelled.'),
        );
        emit(this, 'mentorship-updated', { mentorshipId: outcome.value.id, action: d.kind, mentorship: outcome.value });
        return;
      }
      case 'meeting-cancel': {
        const reason = value('reason');
        if (!reason) return refuse(msg('Write a reason for cancelling.'), 'reason');
        this.dialogBusy = true;
        const outcome = await w.cancelMeeting(d.meeting, reason);
        this.dialogBusy = false;
        if (!outcome.ok) return refuse(outcome.message);
        // Let the opener re-enable (it was disabled while busy) before focus goes back to it.
        await this.updateComplete;
        this.#modal.close(() => this.#focusable('#upcoming-title'));
        this.#say(() => msg(str`“${d.meeting.title}” was cancelled.`));
        return;
      }
      case 'meeting-complete': {
        const notes = value('notes');
        if (!notes) return refuse(msg('Write a few words of notes.'), 'notes');
        this.dialogBusy = true;
        const outcome = await w.completeMeeting(d.meeting, notes);
        this.dialogBusy = false;
        if (!outcome.ok) return refuse(outcome.message);
        // Let the opener re-enable (it was disabled while busy) before focus goes back to it.
        await this.updateComplete;
        this.#modal.close(() => this.#focusable('#upcoming-title'));
        this.#say(() => msg(str`“${d.meeting.title}” was marked as held.`));
        return;
      }
      case 'meeting-reschedule': {
        const startsAt = wallTimeToIso(value('date'), value('time'), this.#zone);
        if (!startsAt) return refuse(msg('Choose a date and a start time.'), 'date');
        if (Date.parse(startsAt) <= Date.now()) return refuse(msg('Choose a time in the future.'), 'time');
        const durationMinutes = Number(value('duration'));
        const patch: MeetingPatch = {};
        if (Date.parse(startsAt) !== Date.parse(d.meeting.startsAt)) patch.startsAt = startsAt;
        if (durationMinutes !== d.meeting.durationMinutes) patch.durationMinutes = durationMinutes;
        if (!Object.keys(patch).length) return refuse(msg('That is the time it already has. Choose another date or time, or keep the time.'));
        this.dialogBusy = true;
        const outcome = await w.updateMeeting(d.meeting, patch);
        this.dialogBusy = false;
        if (!outcome.ok) return refuse(outcome.message);
        // Let the opener re-enable (it was disabled while busy) before focus goes back to it.
        await this.updateComplete;
        this.#modal.close();
        const meeting = outcome.value;
        const overlaps = meeting.overlaps ?? [];
        this.overlaps = overlaps.length ? { meeting, overlaps } : undefined;
        this.#say(() => msg(str`“${meeting.title}” moved to ${twoZoneLabel(new Date(meeting.startsAt), this.#zone, w.other?.timeZone).text}.`));
        emit(this, 'meeting-scheduled', { mentorshipId: meeting.mentorshipId, meeting, overlaps, rescheduled: true });
        return;
      }
      case 'milestone-edit': {
        const title = value('title');
        if (!title) return refuse(msg('Give the milestone a title.'), 'title');
        this.dialogBusy = true;
        const outcome = await w.editMilestone(d.milestone, { title, description: value('description'), dueDate: value('dueDate') || null });
        this.dialogBusy = false;
        if (!outcome.ok) return refuse(outcome.message);
        // Let the opener re-enable (it was disabled while busy) before focus goes back to it.
        await this.updateComplete;
        this.#modal.close();
        const saved = outcome.value.title;
        this.#say(() => msg(str`Milestone “${saved}” saved.`));
        emit(this, 'milestone-changed', { mentorshipId: d.milestone.mentorshipId, change: 'edited', milestone: outcome.value });
        return;
      }
      case 'milestone-delete': {
        const index = w.milestones.findIndex((m) => m.id === d.milestone.id);
        this.#modal.close(() => {
          const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="milestone"] h4')];
          const target = cards[Math.min(index, cards.length - 1)];
          target?.setAttribute('tabindex', '-1');
          return target ?? this.renderRoot.querySelector<HTMLElement>('#milestone-form-title');
        });
        const outcome = await w.removeMilestone(d.milestone);
        if (outcome.ok) {
          this.#say(() => msg(str`Milestone “${d.milestone.title}” deleted.`));
          emit(this, 'milestone-changed', { mentorshipId: d.milestone.mentorshipId, change: 'deleted', milestone: d.milestone });
        } else this.#announcer.announce(outcome.message);
        return;
      }
    }
  }

  /** A heading to send focus to when the control that had it is gone. */
  #focusable(selector: string): HTMLElement | null {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.setAttribute('tabindex', '-1');
    return target;
  }

  #dateLabel(iso: string): string {
    const at = new Date(iso);
    return `${dayLabel(at, this.#zone)} ${isoDayIn(at, this.#zone).slice(0, 4)}`;
  }
}
