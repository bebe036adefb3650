import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.controller.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { cardSkeleton } from '../shared/person.template.js';
import { ToastController } from '../shared/toast.controller.js';
import { toastStyles } from '../shared/toast.styles.js';
import { ActionsMenuController } from './actions-menu.controller.js';
import { dialogContent } from './dialogs.template.js';
import { feedbackSection } from './feedback.template.js';
import { workspaceHeader } from './header.template.js';
import { meetingsTab } from './meetings.template.js';
import { messagesTab } from './messages.template.js';
import { workspaceStyles } from './mentorship-workspace.styles.js';
import { notesTab } from './notes.template.js';
import { overviewTab } from './overview.template.js';
import { planTab } from './plan.template.js';
import { ElementLoaderController } from '../../controllers/element-loader.controller.js';
import { WorkspaceActionsController } from './workspace-actions.controller.js';
import { isWorkspaceTab, tabForKey, tabPanel, tabStrip, type WorkspaceTab } from './workspace-tabs.js';
import { browserTimeZone, isKnownTimeZone } from './workspace-time.js';
import type { WorkspaceView } from './workspace-view.js';
import { WorkspaceController } from './workspace.controller.js';
import { describeWorkspaceEvent, workspaceLiveParts, workspaceLiveTypes, type WorkspacePart } from './workspace.live.js';

export type { WorkspaceTab } from './workspace-tabs.js';
/** @deprecated Use `WorkspaceTab` (the sections became tabs, with Overview first). */
export type WorkspaceSection = WorkspaceTab;

/**
 * @summary Everything two people do in one mentorship, as tabs: an overview, meetings, the plan
 * with its milestones, messages and progress notes; the lifecycle (pause, resume, complete,
 * cancel) from an Actions menu, then feedback.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * One header names the other person (the workspace's title, at `heading-level`), the status in
 * words, the progress bar and an Actions menu. Below it, tabs at every width (ARIA tabs: arrow
 * keys, Home and End move, Tab leaves the strip): Overview (next meeting, next milestone, latest
 * messages, latest note), Meetings, Plan, Messages (with the unread count) and Notes. Content
 * comes first: "Schedule a meeting", "Add a milestone", "Add a note" and "Set target date" open a
 * dialog that validates before sending and keeps what was typed when the server refuses. Every
 * action confirms in a toast (announced), with Undo for a milestone's status and position;
 * refusals explain themselves and optimistic changes roll back visibly. Times show in the
 * viewer's zone (the browser's, or `time-zone`) with the other party's beside. A mentorship that
 * ended — here, or by the other person while it was open — is read-only and says why; a completed
 * one offers each party the feedback form once. The workspace does not touch the URL: a host that
 * wants the tab in its hash listens for `mentorship-tab-change` and sets `tab`.
 *
 * @fires mentorship-updated - `{ mentorshipId, action, mentorship }` after pause, resume, complete, cancel or a plan change (`timeline`).
 * @fires meeting-scheduled - `{ mentorshipId, meeting, overlaps, rescheduled }` after a meeting is scheduled or rescheduled.
 * @fires milestone-changed - `{ mentorshipId, change, milestone }` after a milestone is created, changes status, moves, is edited or deleted.
 * @fires mentorship-tab-change - `{ mentorshipId, tab }` when the viewer switches tab (not when `tab` is set from outside).
 *
 * @csspart base - The wrapper of everything.
 * @csspart announcer - The visually hidden live region (what the other person did, live).
 * @csspart header - The header card: person, status, progress, Actions menu.
 * @csspart avatar - A photo or initials.
 * @csspart badge - Every badge.
 * @csspart status-badge - A status badge (text plus colour).
 * @csspart unread-badge - The unread count on the Messages tab.
 * @csspart progress - The progress bar (role=progressbar).
 * @csspart progress-fill - Its filled part.
 * @csspart actions-button - The "Actions" menu button.
 * @csspart actions - The Actions menu (role=menu).
 * @csspart menu-item - An item of the Actions menu (also `pause-button`, `resume-button`, `complete-button`, `cancel-mentorship-button`).
 * @csspart ended-note - Why an ended mentorship is read-only (an alert when it ended while open).
 * @csspart tabs - The tab strip.
 * @csspart tab - A tab (`tab-selected` too when selected).
 * @csspart section - Each tab panel (also `overview-section`, `meetings-section`, `plan-section`, `messages-section`, `notes-section`) and the Feedback section.
 * @csspart overview-card - A card of the Overview (next meeting, next milestone, latest messages, latest note).
 * @csspart overview-note - The latest note on the Overview.
 * @csspart go-button - A link-styled button on the Overview that switches tab.
 * @csspart messages - The `<message-thread>` in the Messages tab (styled further by its own `--mentorship-*` tokens).
 * @csspart schedule-open-button - Opens the schedule dialog.
 * @csspart add-milestone-button - Opens the milestone dialog.
 * @csspart timeline-button - Opens the target date dialog.
 * @csspart add-note-button - Opens the note dialog.
 * @csspart form - Every form (in the dialog: `schedule-form`, `milestone-form`, `note-form`, `plan-form`; inline: `feedback-form`).
 * @csspart schedule-button - The schedule dialog's submit button.
 * @csspart card - Every card: a meeting, a milestone, a note, an overview card, and their skeletons.
 * @csspart meeting - A meeting card.
 * @csspart video-link - A meeting's "Join the video call" link.
 * @csspart calendar-button - A meeting's "Add to calendar".
 * @csspart milestone - A milestone card.
 * @csspart status-button - A milestone's status change.
 * @csspart move-button - A milestone's Move up / Move down.
 * @csspart overdue - "Overdue" on a milestone.
 * @csspart note - A progress note.
 * @csspart feedback-thanks - The thanks once feedback is given.
 * @csspart skeleton - A loading placeholder.
 * @csspart empty - An empty state.
 * @csspart error - An error (with Retry when something failed to load).
 * @csspart not-found - The message for a mentorship that does not exist or is not the viewer's.
 * @csspart action-error - A refused action's message on its card or the header.
 * @csspart warning - The overlap warning after scheduling.
 * @csspart button - Every button.
 * @csspart retry-button - Retry after an error.
 * @csspart dialog - The modal dialog (confirmations and forms).
 * @csspart confirm-button - The dialog's action.
 * @csspart cancel-button - The dialog's way out.
 * @csspart toasts - The stack of confirmations at the bottom of the element.
 * @csspart toast - A confirmation or refusal (also `toast-success`, `toast-error`, `toast-info`).
 * @csspart toast-action - A toast's follow-up (Undo).
 * @csspart toast-dismiss - A toast's ✕.
 *
 * @cssproperty --mentorship-progress-color - The progress bar's fill (the accent).
 * @cssproperty --mentorship-progress-track - The progress bar's track.
 * @cssproperty --mentorship-progress-height - The progress bar's height (0.75rem).
 * @cssproperty --mentorship-tab-active-color - The selected tab's underline.
 * @cssproperty --mentorship-form-background - Form background.
 * @cssproperty --mentorship-color-accent - Buttons, links, focus ring (and every other `--mentorship-color-*`, `--mentorship-card-*` token of the dashboards).
 */
export class MentorshipWorkspace extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, toastStyles, workspaceStyles];

  /** The mentorship to show. */
  @property({ attribute: 'mentorship-id', reflect: true }) mentorshipId = '';

  /** The viewer's IANA time zone; defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The selected tab: `overview`, `meetings`, `plan`, `messages` or `notes`. */
  @property({ reflect: true }) tab: WorkspaceTab = 'overview';

  /** @deprecated Use `tab` (the sections are tabs at every width now). */
  @property({ attribute: 'section' })
  get section(): WorkspaceTab {
    return this.tab;
  }
  set section(value: WorkspaceTab) {
    if (isWorkspaceTab(value)) this.tab = value;
  }

  @query('#workspace-dialog') private dialogEl!: HTMLDialogElement;

  readonly #workspace = new WorkspaceController(this, { client: () => this.clientController.client, mentorshipId: () => this.mentorshipId });
  readonly #announcer = new AnnouncerController(this);
  readonly #toast = new ToastController(this);
  // Live: what the other person schedules, ticks off, notes or writes shows without a reload.
  readonly #live = new LiveRefreshController<WorkspacePart>(this, {
    source: () => this.clientController.client?.realtime,
    types: workspaceLiveTypes,
    route: (event) => workspaceLiveParts(event, this.mentorshipId),
    describe: (event) => this.inOwnLanguage(() => describeWorkspaceEvent(event, this.#workspace)),
    announce: (message) => this.#announcer.announce(message),
    // An optimistic change on its way (a milestone's status, its order) is not overwritten.
    ready: () => this.#workspace.busy.size === 0,
    refresh: (parts) => this.#workspace.refresh(parts),
  });
  readonly #actions = new WorkspaceActionsController(this, {
    workspace: this.#workspace,
    zone: () => this.#zone,
    toast: this.#toast,
    words: (fn) => this.inOwnLanguage(fn),
    dialog: () => this.dialogEl,
  });
  // The thread's code follows once the workspace has shown (the Overview reads the latest messages itself).
  readonly #thread = new ElementLoaderController(this, {
    tag: 'message-thread',
    load: () => import('../../define/message-thread.js'),
    when: () => this.#workspace.status === 'ready',
  });
  readonly #menu = new ActionsMenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('#actions-button'),
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('#actions-menu [role="menuitem"]:not([disabled])')],
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
    if (changed.has('mentorshipId')) this.#actions.reset();
    if (!isWorkspaceTab(this.tab)) this.tab = 'overview';
  }

  override render(): TemplateResult {
    const view = this.#view();
    const d = this.#actions.dialog;
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>${this.#announcer.render()} ${this.#renderBody(view)} ${this.#toast.render()}</div>
      <dialog id="workspace-dialog" part="dialog" class="dialog" ${ownLanguage(this.contentLanguage)} aria-labelledby="dialog-title" aria-describedby="dialog-description"
        @close=${this.#actions.modal.handleClose} @keydown=${this.#actions.modal.handleKeydown} @click=${this.#actions.modal.handleClick}>
        ${d && this.#workspace.status === 'ready' ? dialogContent(view, d) : nothing}
      </dialog>
    `;
  }

  #view(): WorkspaceView {
    const w = this.#workspace;
    return {
      w,
      actions: this.#actions,
      zone: this.#zone,
      readOnly: w.ended,
      level: (depth) => this.headingLevelFor(depth),
      goTo: (tab) => this.#select(tab, true),
    };
  }

  #renderBody(view: WorkspaceView): TemplateResult {
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
        return w.notFound
          ? html`<div part="error not-found" class="notice notice--error" role="alert">
              <p><strong>${msg('This mentorship was not found.')}</strong>
                ${msg('It may have been removed, or it belongs to other people: only its mentor and mentee can open it. Check the link you followed.')}</p>
            </div>`
          : html`<div part="error" class="notice notice--error" role="alert">
              <p><strong>${msg('This mentorship could not be loaded.')}</strong> ${describeError(w.error)}</p>
              <button part="button retry-button" class="button" type="button" @click=${() => w.retry()}>${msg('Retry')}</button>
            </div>`;
      case 'ready': {
        const tab = this.tab;
        const unread = w.conversation?.conversation.unreadCount ?? 0;
        return html`
          ${workspaceHeader(view, this.#menu)} ${w.mentorship?.status === 'completed' ? feedbackSection(view) : nothing}
          ${tabStrip(tab, unread, { select: (t) => this.#select(t, false), keydown: this.#onTabKey })}
          <div class="panels">
            ${tabPanel('overview', tab, overviewTab(view))} ${tabPanel('meetings', tab, meetingsTab(view))} ${tabPanel('plan', tab, planTab(view))}
            ${tabPanel('messages', tab, messagesTab(view, { api: this.api, token: this.token, getToken: this.getToken, theme: this.theme }, this.#thread))}
            ${tabPanel('notes', tab, notesTab(view))}
          </div>
        `;
      }
    }
  }

  /** The viewer chose a tab (click, keys, a "Go to" button): show it, tell the host, move focus where asked. */
  #select(tab: WorkspaceTab, focusPanel: boolean): void {
    const changed = tab !== this.tab;
    this.tab = tab;
    if (changed) emit(this, 'mentorship-tab-change', { mentorshipId: this.mentorshipId, tab });
    if (focusPanel) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey = (e: KeyboardEvent) => {
    const next = tabForKey(e.key, this.tab);
    if (!next) return;
    e.preventDefault();
    this.#select(next, true);
  };
}
