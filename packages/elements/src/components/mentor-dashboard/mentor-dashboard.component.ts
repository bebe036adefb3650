import { msg, str } from '@lit/localize';
import type { Mentorship, MentorshipRequest } from '@mentorkit/contract';
import type { DeclineReason } from '@mentorkit/contract/values';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../events.js';
import { heading } from '../../internal/heading.js';
import { firstName } from '../../internal/format.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { CalendarFeedController } from '../calendar-feed/calendar-feed.controller.js';
import { calendarFeedStyles } from '../calendar-feed/calendar-feed.styles.js';
import { calendarFeedPanel } from '../calendar-feed/calendar-feed.template.js';
import { NotificationPreferencesController } from '../notification-preferences/notification-preferences.controller.js';
import { notificationPreferencesStyles } from '../notification-preferences/notification-preferences.styles.js';
import { notificationPreferencesPanel } from '../notification-preferences/notification-preferences.template.js';
import { DashboardShellController } from '../shared/dashboard-shell.controller.js';
import { dashboardContent, shellStates } from '../shared/dashboard-shell.template.js';
import { dashboardListStyles } from '../shared/dashboard-lists.styles.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { declineReasonLabel } from '../shared/decline-reasons.js';
import { ModalController } from '../shared/modal.controller.js';
import { mentorshipCard } from '../shared/mentorship-card.template.js';
import { MentorshipSummariesController } from '../shared/mentorship-summaries.controller.js';
import { calendarDateLabel } from '../shared/relative-time.js';
import { toastStyles } from '../shared/toast.styles.js';
import { keepFocusInList, LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { UnreadCountsController } from '../../controllers/unread-counts.controller.js';
import { MentorDashboardController } from './mentor-dashboard.controller.js';
import { describeMentorEvent, mentorLiveParts, mentorLiveTypes } from './mentor-dashboard.live.js';
import { mentorDashboardStyles } from './mentor-dashboard.styles.js';
import { declineDialogContent, pauseDialogContent, type DeclineForm } from './mentor-dialogs.template.js';
import { CAPACITY, settingsStrip, statCards } from './mentor-settings.template.js';
import { scrollToHeading, settingsDisclosure } from '../shared/dashboard-sections.template.js';
import { ProgrammesSlot } from '../shared/programmes-slot.js';
import type { MentorWorkload, SettingsChange, WorkloadPart } from './mentor-workload.model.js';
import { waitingRequestCard } from './waiting-request.template.js';


/**
 * @summary A mentor's desk: availability, capacity and away-until; numbers at a glance; waiting
 * requests to accept or decline (oldest first); the mentees as compact cards; completed
 * mentorships (collapsed); calendar and email settings (collapsed). "Open" on a card shows that
 * mentorship's workspace in the dashboard's place, with a way back. Non-mentors see the mentor
 * application form, or the status of the application they sent.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * Every state is shown: skeletons while loading, empty states with the next step, errors in
 * words with Retry. Actions update at once and roll back visibly when the server refuses (a
 * capacity below the current mentees, `capacity_reached` on accept). Turning availability off
 * with requests waiting asks whether to decline them too. Results are announced in a polite
 * live region. Lays itself out by its own width (container queries). Live over the realtime
 * stream: new and withdrawn requests, mentorship changes, notifications and new messages (unread
 * badges) show without a reload; news from mentees is announced. Accepting, declining and settings
 * changes confirm in a toast (also announced); a refusal says why in one and on the card.
 *
 * Routing: the open mentorship and its tab are kept in the URL hash (`mentorship=<id>&tab=<tab>`,
 * beside the page's own hash tokens), so Back, a reload or a link in an email land on it. Only
 * mentorships where the viewer is the mentor open here; another id shows "not found" unless the
 * viewer is its mentee (the mentee dashboard's then). With `no-routing` the hash is left alone and
 * the host routes from `mentorship-view-change`.
 *
 * @fires mentorship-request-answered - `{ decision: 'accepted', request, mentorship }` or
 *   `{ decision: 'declined', request }`, once the server has recorded the answer.
 * @fires mentor-settings-changed - `{ settings, declinedRequests }` after availability, capacity
 *   or away-until was saved.
 * @fires mentor-application-submitted - `{ application, resubmitted }` after an application was
 *   sent, or sent again after changes were requested.
 * @fires mentorship-view-change - `{ mentorshipId, tab }` when a mentorship's workspace opens, its
 *   tab changes, or the list comes back (`mentorshipId: null`).
 * @fires programme-enrolled - `{ programme, role: 'mentor' }` once the viewer has enrolled in a programme from the Programmes section.
 * @fires programme-left - `{ programme, role: 'mentor' }` once the viewer has left a programme.
 *
 * @csspart base - The wrapper of everything.
 * @csspart announcer - The visually hidden live region (news from the live stream).
 * @csspart toasts - The stack of confirmations at the bottom of the element.
 * @csspart toast - One confirmation or refusal (also part "toast-success" / "toast-error" / "toast-info").
 * @csspart toast-action - A toast's follow-up ("Open workspace").
 * @csspart toast-dismiss - A toast's ✕.
 * @csspart settings - The top strip.
 * @csspart switch - The "Accepting new mentees" switch.
 * @csspart stepper - The capacity stepper.
 * @csspart stepper-button - Its − and + buttons.
 * @csspart availability-badge - How search shows the mentor now.
 * @csspart title - The dashboard's title ("My mentees").
 * @csspart stats - The stat cards.
 * @csspart stat - One stat card.
 * @csspart stat-link - A stat card's button that moves to its section.
 * @csspart section - Each section (Waiting requests, Mentees, Completed, Programmes, Settings, Become a mentor).
 * @csspart programmes - The Programmes section: the programmes the viewer is in as a mentor, and those they can join.
 * @csspart programme - A programme's card (name, dates, status, how people are matched, enrolment).
 * @csspart enrol-button - "Enrol as mentor" on a programme that is open for enrolment.
 * @csspart leave-button - "Leave" on a programme the viewer is in (asks first).
 * @csspart completed - The collapsed list of completed mentorships.
 * @csspart more-settings - The collapsed calendar and email settings.
 * @csspart open-button - "Open" on a mentorship card: shows its workspace instead of the lists.
 * @csspart detail - The open mentorship: the way back and its workspace.
 * @csspart back-button - "← Back to my mentees".
 * @csspart workspace - The `<mentorship-workspace>` itself (style it further through its own parts and tokens).
 * @csspart workspace-loading - "Loading the workspace…" while its code loads (the first time one opens) or a link is checked.
 * @csspart workspace-error - The workspace's code could not be loaded (with Retry; also part "error").
 * @csspart not-found - A link to a mentorship that does not exist or is not the viewer's.
 * @csspart card - Every card: a request, a mentorship, the application status, skeletons.
 * @csspart request - A waiting request.
 * @csspart mentorship - A mentee's card.
 * @csspart progress - Progress on a mentorship card (words and a bar).
 * @csspart next-meeting-line - The next meeting on a mentorship card.
 * @csspart unread-badge - "2 unread messages" on a mentorship card (kept live).
 * @csspart skeleton - A loading placeholder card.
 * @csspart avatar - A photo or initials.
 * @csspart badge - Every badge.
 * @csspart status-badge - A status badge (text plus colour): Active, In review, …
 * @csspart chip - A skill or expertise chip.
 * @csspart button - Every button.
 * @csspart accept-button - "Accept" on a request.
 * @csspart decline-button - "Decline…" on a request.
 * @csspart empty - An empty state.
 * @csspart error - An error: loading failed (with Retry), or an action was refused.
 * @csspart action-error - The message where an action was refused (a card, the strip, the form).
 * @csspart retry-button - Retry after an error.
 * @csspart dialog - The decline and the stop-accepting dialogs.
 * @csspart confirm-button - A dialog's confirming button.
 * @csspart cancel-button - A dialog's cancelling button.
 * @csspart field-error - A field's problem, beside the field.
 * @csspart application - The "Become a mentor" section.
 * @csspart application-status - The sent application's status card.
 * @csspart apply-again-button - "Apply again" after a rejection.
 * @csspart form - The application form.
 * @csspart chip-remove - The remove button on an expertise chip in the form.
 * @csspart submit-button - "Submit application" / "Resubmit application".
 * @csspart calendar-feed - The "Calendar subscription" section (private feed link: create, copy, renew, turn off).
 * @csspart calendar-feed-url - The read-only input with the feed link, right after it was made.
 * @csspart calendar-feed-warning - "Keep this link private" beside it.
 * @csspart calendar-feed-active - "Your calendar link is active" when the link can no longer be shown.
 * @csspart calendar-feed-create - "Create my calendar link".
 * @csspart calendar-feed-copy - "Copy link".
 * @csspart calendar-feed-rotate - "Get a new link".
 * @csspart calendar-feed-disable - "Turn off".
 * @csspart calendar-feed-error - The feed status could not be loaded (with Retry).
 * @csspart calendar-feed-retry - Its Retry.
 * @csspart calendar-feed-action-error - Why creating, renewing or turning off the link failed.
 * @csspart calendar-feed-dialog - The dialog confirming a new link or turning the feed off (also part "dialog").
 *
 * @cssproperty --mentorship-color-accent - Buttons, the switch when on, focus ring.
 * @cssproperty --mentorship-color-on-accent - Text on the accent colour.
 * @cssproperty --mentorship-color-background - Behind the element (transparent in light mode, painted in dark mode).
 * @cssproperty --mentorship-color-surface - Card and dialog background.
 * @cssproperty --mentorship-color-text - Body text.
 * @cssproperty --mentorship-color-muted - Secondary text, the switch when off.
 * @cssproperty --mentorship-color-border - Borders of cards and fields.
 * @cssproperty --mentorship-color-danger - Errors, "Decline request".
 * @cssproperty --mentorship-color-success - "Active", "Approved".
 * @cssproperty --mentorship-color-warning - "In review", "Changes requested".
 * @cssproperty --mentorship-color-focus - Focus ring (defaults to the accent).
 * @cssproperty --mentorship-radius - Corner radius (8px).
 * @cssproperty --mentorship-space - Spacing unit (8px).
 * @cssproperty --mentorship-font - Font family (inherits the page's).
 * @cssproperty --mentorship-card-background - Card background.
 * @cssproperty --mentorship-card-border-color - Card border.
 * @cssproperty --mentorship-card-radius - Card corner radius.
 * @cssproperty --mentorship-card-padding - Card padding.
 * @cssproperty --mentorship-button-radius - Button corner radius.
 * @cssproperty --mentorship-button-primary-background - "Accept" and "Submit application" background.
 * @cssproperty --mentorship-button-primary-color - Their text.
 * @cssproperty --mentorship-chip-background - Chip background.
 * @cssproperty --mentorship-avatar-size - Avatar diameter (2.75rem).
 * @cssproperty --mentorship-field-border-color - Borders of the form's fields.
 * @cssproperty --mentorship-settings-background - The top strip's background.
 * @cssproperty --mentorship-stat-background - A stat card's background.
 * @cssproperty --mentorship-switch-on-color - The switch's track when on.
 * @cssproperty --mentorship-status-waiting-color - "In review" and "Changes requested" badges.
 * @cssproperty --mentorship-status-positive-color - "Active" and "Approved" badges.
 * @cssproperty --mentorship-status-negative-color - "Not approved" badge.
 * @cssproperty --mentorship-status-neutral-color - Neutral badges.
 * @cssproperty --mentorship-unread-badge-color - The unread messages badge (the accent by default).
 * @cssproperty --mentorship-status-info-color - "Completed" badges and other informational states (the accent by default).
 * @cssproperty --mentorship-progress-color - The progress bar on a mentorship card (the accent by default).
 */
export class MentorDashboard extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, dashboardListStyles, calendarFeedStyles, notificationPreferencesStyles, toastStyles, mentorDashboardStyles];

  /** Leave the URL hash alone: the host routes from `mentorship-view-change` instead. */
  @property({ attribute: 'no-routing', type: Boolean }) noRouting = false;

  @state() private declining: DeclineForm | undefined = undefined;
  @state() private pausing: { declinePending: boolean } | undefined = undefined;

  @query('#decline-dialog') private declineDialog!: HTMLDialogElement;
  @query('#pause-dialog') private pauseDialog!: HTMLDialogElement;

  readonly #dashboard = new MentorDashboardController(this, { client: () => this.clientController.client });
  // List → detail, the hash, the workspace's code, toasts and the announcer.
  readonly #shell = new DashboardShellController(this, {
    role: 'mentor',
    client: () => this.clientController.client,
    ready: () => this.#dashboard.mode === 'mentor' || this.#dashboard.mode === 'applicant',
    find: (id) => this.#dashboard.workload?.mentees.find((m) => m.id === id) ?? this.#dashboard.workload?.completed.find((m) => m.id === id),
    routing: () => !this.noRouting,
    viewerId: () => this.#dashboard.me?.user.id,
  });
  // Live: new and withdrawn requests, lifecycle changes and notifications show without a reload.
  readonly #live = new LiveRefreshController<WorkloadPart>(this, {
    source: () => this.clientController.client?.realtime,
    types: mentorLiveTypes,
    route: (event) => mentorLiveParts(event, this.#dashboard.me?.user.id),
    describe: (event) => this.inOwnLanguage(() => describeMentorEvent(event, this.#dashboard.workload, this.#dashboard.me?.user.id)),
    announce: (message) => this.#shell.announcer.announce(message),
    ready: () => !this.#dashboard.workload?.acting,
    refresh: async (parts) => {
      const w = this.#dashboard.workload;
      if (!w || this.#dashboard.mode !== 'mentor') return;
      const restoreFocus = keepFocusInList(this.renderRoot, '[part~="request"]', () => this.renderRoot.querySelector('#waiting-title'));
      const applied = await w.refresh(parts);
      // New meetings reach the summaries with the workload's list; progress changes need asking.
      if (parts.has('extras')) this.#summaries.invalidate();
      await this.updateComplete;
      restoreFocus();
      return applied;
    },
  });
  readonly #unread = new UnreadCountsController(this, { client: () => this.clientController.client });
  // Progress and next meeting on each mentee's card, loaded after the lists.
  readonly #summaries = new MentorshipSummariesController(this, {
    source: () => {
      const client = this.clientController.client;
      const w = this.#dashboard.workload;
      // Only the lists loaded for this client: a new viewer's must not be asked about the last one's.
      // The workload's meetings serve the cards' next meeting too: no second request for them.
      return client && w && this.#dashboard.loadedFor === client ? { client, open: w.mentees, completed: w.completed, meetings: w.upcomingMeetings } : undefined;
    },
  });
  readonly #declineModal = new ModalController(this, { dialog: () => this.declineDialog, onClosed: () => (this.declining = undefined) });
  readonly #pauseModal = new ModalController(this, { dialog: () => this.pauseDialog, onClosed: () => (this.pausing = undefined) });
  // Programmes the viewer mentors in, and those they can join: only for an active mentor (nobody
  // else can enrol as one); its code loads after the first render.
  readonly #programmes = new ProgrammesSlot(this, {
    role: 'mentor',
    client: () => this.clientController.client,
    active: () => this.#dashboard.mode === 'mentor' && this.#dashboard.me?.mentor?.status === 'active',
    headingLevel: () => this.headingLevelFor(1),
    notify: (message, tone) => this.#shell.toast.show({ message, tone }),
  });
  readonly #calendarFeed = new CalendarFeedController(this, {
    client: () => this.clientController.client,
    // Applicants see their feed in the mentee dashboard; it is the same feed.
    active: () => this.#dashboard.mode === 'mentor',
    announce: (message) => this.#shell.announcer.announce(message),
  });
  readonly #notificationPreferences = new NotificationPreferencesController(this, {
    client: () => this.clientController.client,
    active: () => this.#dashboard.mode === 'mentor',
    announce: (message) => this.#shell.announcer.announce(message),
  });

  /** The headless dashboard state, for portals that want to read it. */
  get dashboard(): MentorDashboardController {
    return this.#dashboard;
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  /** Resolves once every live change received so far is shown (lists, stats and unread badges). */
  async liveSettled(): Promise<void> {
    await Promise.all([this.#live.whenSettled(), this.#unread.whenSettled()]);
  }

  /** The headless state of the calendar subscription panel. */
  get calendarFeed(): CalendarFeedController {
    return this.#calendarFeed;
  }

  /** The headless state of the email notifications panel. */
  get notificationPreferences(): NotificationPreferencesController {
    return this.#notificationPreferences;
  }

  /** The headless list → detail state: which mentorship is open, on which tab (`view`), and `open()` / `back()`. */
  get shell(): DashboardShellController {
    return this.#shell;
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>
        ${dashboardContent(
          this.#shell,
          {
            backLabel: msg('Back to my mentees'),
            headingLevel: this.headingLevelFor(0),
            wiring: { api: this.api, token: this.token, getToken: this.getToken, theme: this.theme },
            // A lifecycle change (paused, completed…) changes slots and moves the card: load again.
            updated: () => void this.#dashboard.reload(),
          },
          () => this.#renderBody(),
        )}
      </div>
      <dialog id="decline-dialog" part="dialog" class="dialog" ${ownLanguage(this.contentLanguage)} aria-labelledby="decline-title" aria-describedby="decline-description"
        @close=${this.#declineModal.handleClose} @keydown=${this.#declineModal.handleKeydown} @click=${this.#declineModal.handleClick}>
        ${this.declining ? declineDialogContent(this.declining, this.#declineActions) : nothing}
      </dialog>
      <dialog id="pause-dialog" part="dialog" class="dialog" ${ownLanguage(this.contentLanguage)} aria-labelledby="pause-title" aria-describedby="pause-description"
        @close=${this.#pauseModal.handleClose} @keydown=${this.#pauseModal.handleKeydown} @click=${this.#pauseModal.handleClick}>
        ${this.pausing && this.#dashboard.workload
          ? pauseDialogContent(this.#dashboard.workload.waiting.length, this.pausing.declinePending, this.#pauseActions)
          : nothing}
      </dialog>
    `;
  }

  #renderBody(): TemplateResult {
    const d = this.#dashboard;
    switch (d.mode) {
      case 'idle':
        return shellStates.notConnected(msg('mentor dashboard'));
      case 'loading':
        return shellStates.loading(
          msg('Loading your mentoring…'),
          html`<div class="settings" aria-hidden="true"><span class="skeleton line line--heading"></span><span class="skeleton block"></span></div>`,
        );
      case 'error':
        return shellStates.error(msg('Your mentoring could not be loaded.'), d.error, () => void d.retry());
      case 'applicant':
        return d.applicationKit!.applicationView(d.application!, this.#applicationActions, this.headingLevelFor(0));
      case 'mentor':
        return this.#renderMentor(d.workload!);
    }
  }

  #renderMentor(w: MentorWorkload): TemplateResult {
    const section = this.headingLevelFor(1);
    const card = this.headingLevelFor(2);
    return html`
      ${heading(this.headingLevelFor(0), msg('My mentees'), { part: 'title', class: 'dashboard-title' })}
      ${statCards(w, (id) => scrollToHeading(this.renderRoot, id))}
      ${settingsStrip(w, this.#settingsActions, section)}
      <div class="columns">
        <section part="section" class="section" aria-labelledby="waiting-title">
          ${heading(section, html`${msg('Waiting requests')}${w.waiting.length ? ` (${formatNumber(w.waiting.length)})` : ''}`, { id: 'waiting-title', tabindex: '-1' })}
          ${w.waiting.length
            ? html`<ul class="list" aria-label=${msg('Waiting requests, oldest first')}>
                ${repeat(w.waiting, (r) => r.id, (r) => html`<li>${waitingRequestCard(r, { failure: w.failures.get(r.id), headingLevel: card }, this.#requestActions)}</li>`)}
              </ul>`
            : this.#renderNoRequests(w)}
        </section>
        <section part="section" class="section" aria-labelledby="mentees-title">
          ${heading(section, msg('Mentees'), { id: 'mentees-title', tabindex: '-1' })}
          ${w.mentees.length
            ? html`<ul class="list" aria-label=${msg('Mentees')}>
                ${repeat(w.mentees, (m) => m.id, (m) => html`<li aria-busy=${w.busy.has(m.id) ? 'true' : 'false'}>${this.#card(m, card, w.busy.has(m.id))}</li>`)}
              </ul>`
            : html`<p part="empty" class="notice">${msg('No mentees yet. Accept a waiting request to start a mentorship.')}</p>`}
        </section>
      </div>
      ${w.completed.length
        ? html`<section part="section" class="section" aria-label=${msg('Completed mentorships')}>
            <details part="completed" class="disclosure">
              <summary id="completed-title">${msg(str`Completed (${formatNumber(w.completed.length)})`)}</summary>
              <ul class="list" aria-label=${msg('Completed mentorships')}>
                ${repeat(w.completed, (m) => m.id, (m) => html`<li>${this.#card(m, card, false)}</li>`)}
              </ul>
            </details>
          </section>`
        : nothing}
      ${this.#programmes.render()}
      ${settingsDisclosure(html`${calendarFeedPanel(this.#calendarFeed, this.headingLevelFor(1))} ${notificationPreferencesPanel(this.#notificationPreferences, this.headingLevelFor(1))}`)}
    `;
  }

  #card(m: Mentorship, headingLevel: number, busy: boolean): TemplateResult {
    return mentorshipCard(m, m.mentee, {
      otherRole: 'mentee',
      headingLevel,
      unread: this.#unread.countFor(m.id),
      summary: this.#summaries.summaries.get(m.id),
      nextMeeting: this.#summaries.nextMeetings.get(m.id),
      busy,
      open: (mentorship) => this.#shell.open(mentorship),
    });
  }

  #renderNoRequests(w: MentorWorkload): TemplateResult {
    const s = w.settings;
    if (!s.acceptingMentees) {
      return html`<div part="empty" class="notice">
        <p>${msg('No requests are waiting. You are not accepting new mentees, so none can arrive.')}</p>
        <button part="button" class="button" type="button" @click=${() => this.#changeSettingsFrom({ acceptingMentees: true }, '#accepting')}>
          ${msg('Start accepting mentees')}
        </button>
      </div>`;
    }
    if (s.openMentorships >= s.capacity) {
      return html`<div part="empty" class="notice">
        <p>${msg('No requests are waiting. All your slots are taken, so search shows you as not accepting.')}</p>
        <button part="button" class="button" type="button" @click=${() => this.#changeSettingsFrom({ capacity: Math.min(CAPACITY.max, s.capacity + 1) }, '#capacity')}>
          ${msg('Add a slot')}
        </button>
      </div>`;
    }
    return html`<p part="empty" class="notice">${msg('No requests are waiting. Mentees find you through search; new requests appear here and you get a notification.')}</p>`;
  }

  // ── Requests ────────────────────────────────────────────────────────────────────────────

  #requestActions = {
    accept: (request: MentorshipRequest) => void this.#accept(request),
    decline: (request: MentorshipRequest, trigger: HTMLElement) => {
      this.declining = { request, reason: '', message: '', reasonMissing: false };
      void this.#declineModal.open(trigger);
    },
  };

  async #accept(request: MentorshipRequest): Promise<void> {
    const w = this.#dashboard.workload;
    if (!w) return;
    const index = w.waiting.findIndex((r) => r.id === request.id);
    const pending = w.accept(request);
    // The card (and the button that had focus) leaves the list at once.
    await this.updateComplete;
    this.#focusWaitingNear(index);
    const outcome = await pending;
    if (outcome.ok) {
      const first = firstName(request.mentee.name);
      const mentorship = outcome.value.mentorship;
      this.#shell.toast.show({
        message: this.inOwnLanguage(() => msg(str`Accepted — ${first} is now your mentee.`)),
        action: { label: this.inOwnLanguage(() => msg('Open workspace')), run: () => this.#shell.open(mentorship) },
      });
      emit(this, 'mentorship-request-answered', { decision: 'accepted', request: outcome.value, mentorship });
    } else {
      this.#shell.toast.show({ message: outcome.message, tone: 'error' });
    }
  }

  #declineActions = {
    setReason: (reason: DeclineReason) => {
      if (this.declining) this.declining = { ...this.declining, reason, reasonMissing: false };
    },
    setMessage: (message: string) => {
      if (this.declining) this.declining = { ...this.declining, message };
    },
    cancel: () => this.#declineModal.close(),
    submit: () => void this.#decline(),
  };

  async #decline(): Promise<void> {
    const form = this.declining;
    const w = this.#dashboard.workload;
    if (!form || !w) return;
    if (!form.reason) {
      this.declining = { ...form, reasonMissing: true };
      await this.updateComplete;
      this.declineDialog.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    const { request, reason } = form;
    const message = form.message.trim();
    const index = w.waiting.findIndex((r) => r.id === request.id);
    this.#declineModal.close(() => this.#waitingNear(index));
    const outcome = await w.decline(request, { reason, ...(message ? { message } : {}) });
    if (outcome.ok) {
      const name = request.mentee.name;
      this.#shell.toast.show({ message: this.inOwnLanguage(() => msg(str`You declined ${name}’s request: ${declineReasonLabel(reason)}.`)) });
      emit(this, 'mentorship-request-answered', { decision: 'declined', request: outcome.value });
    } else {
      this.#shell.toast.show({ message: outcome.message, tone: 'error' });
    }
  }

  /** The waiting request now at `index` (or the one before), else the section heading. */
  #waitingNear(index: number): HTMLElement | null {
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="request"]')];
    return cards[Math.min(index, cards.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#waiting-title');
  }

  #focusWaitingNear(index: number): void {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    // Only when focus was lost with the removed card; never steal it from elsewhere.
    if (active === null || !active.isConnected) this.#waitingNear(index)?.focus();
  }

  // ── Settings ────────────────────────────────────────────────────────────────────────────

  #settingsActions = {
    toggleAccepting: (trigger: HTMLElement) => {
      const w = this.#dashboard.workload;
      if (!w) return;
      if (w.settings.acceptingMentees && w.waiting.length) {
        this.pausing = { declinePending: false };
        void this.#pauseModal.open(trigger);
        return;
      }
      void this.#changeSettings({ acceptingMentees: !w.settings.acceptingMentees });
    },
    setCapacity: (capacity: number) => void this.#changeSettings({ capacity }),
    setAwayUntil: (awayUntil: string | null) => void this.#changeSettings({ awayUntil }),
  };

  #pauseActions = {
    setDeclinePending: (declinePending: boolean) => (this.pausing = { declinePending }),
    cancel: () => this.#pauseModal.close(),
    confirm: () => {
      const declinePending = this.pausing?.declinePending ?? false;
      this.#pauseModal.close();
      void this.#changeSettings({ acceptingMentees: false, ...(declinePending ? { declinePending: true } : {}) });
    },
  };

  /** A settings change from a button that disappears with it: focus goes to the setting itself. */
  #changeSettingsFrom(change: SettingsChange, control: string): void {
    void this.#changeSettings(change);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(control)?.focus());
  }

  async #changeSettings(change: SettingsChange): Promise<void> {
    const w = this.#dashboard.workload;
    if (!w) return;
    const outcome = await w.updateSettings(change);
    if (!outcome.ok) {
      this.#shell.toast.show({ message: outcome.message, tone: 'error' });
      return;
    }
    const { declinedRequests, ...settings } = outcome.value;
    this.#shell.toast.show({ message: this.inOwnLanguage(() => settingsSaved(change, settings.capacity, settings.awayUntil, declinedRequests)) });
    emit(this, 'mentor-settings-changed', { settings, declinedRequests });
  }

  // ── Application ─────────────────────────────────────────────────────────────────────────

  #applicationActions = {
    submit: () => void this.#submitApplication(),
    applyAgain: async () => {
      this.#dashboard.application?.applyAgain();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#expertise-input')?.focus();
    },
    addTag: () => {
      const problem = this.#dashboard.application?.addTag();
      if (problem) this.#shell.announcer.announce(problem);
    },
    removeTag: async (tag: string) => {
      this.#dashboard.application?.removeTag(tag);
      this.#shell.announcer.announce(this.inOwnLanguage(() => msg(str`${tag} removed.`)));
      // The chip's button is gone: continue typing where new areas go.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#expertise-input')?.focus();
    },
  };

  async #submitApplication(): Promise<void> {
    const model = this.#dashboard.application;
    if (!model) return;
    const resubmitted = model.resubmitting;
    const application = await model.submit();
    await this.updateComplete;
    if (application) {
      this.#shell.announcer.announce(this.inOwnLanguage(() => (resubmitted ? msg('Your application was sent again for review.') : msg('Your application was sent for review.'))));
      this.renderRoot.querySelector<HTMLElement>('#application-title')?.focus();
      emit(this, 'mentor-application-submitted', { application, resubmitted });
      return;
    }
    const problems = model.issues.size;
    this.#shell.announcer.announce(
      this.inOwnLanguage(() =>
        problems === 0
          ? (model.formError ?? '')
          : problems === 1
            ? msg('Your application needs changes in 1 field.')
            : msg(str`Your application needs changes in ${formatNumber(problems)} fields.`),
      ),
    );
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

function settingsSaved(change: SettingsChange, capacity: number, awayUntil: string | null, declined: number): string {
  if (change.acceptingMentees === false) {
    const stopped = msg('You are no longer accepting new mentees.');
    if (!declined) return stopped;
    return `${stopped} ${declined === 1 ? msg('1 waiting request was declined.') : msg(str`${formatNumber(declined)} waiting requests were declined.`)}`;
  }
  if (change.acceptingMentees === true) return msg('You are accepting new mentees again.');
  if (change.capacity !== undefined) return capacity === 1 ? msg('Capacity saved: 1 mentee slot.') : msg(str`Capacity saved: ${formatNumber(capacity)} mentee slots.`);
  return awayUntil ? msg(str`Away until ${calendarDateLabel(awayUntil)}.`) : msg('Away date cleared.');
}
