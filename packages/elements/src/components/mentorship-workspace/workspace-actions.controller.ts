import { msg, str } from '@lit/localize';
import type { Meeting, MeetingOverlap, MeetingPatch, Milestone, MilestoneTemplate } from '@mentorkit/contract';
import type { MilestoneStatus } from '@mentorkit/contract/values';
import type { ReactiveElement } from 'lit';
import { emit } from '../../events.js';
import { ModalController } from '../shared/modal.controller.js';
import { milestoneStatusLabels } from '../shared/status-badge.template.js';
import type { ToastController, ToastTone } from '../shared/toast.controller.js';
import { templateOptions } from './workspace-labels.js';
import { twoZoneLabel, wallTimeToIso } from './workspace-time.js';
import type { Outcome, WorkspaceController } from './workspace.controller.js';

/** What the one modal dialog of the workspace shows. */
export type DialogState =
  | { kind: 'pause' | 'resume' | 'complete' | 'cancel' }
  | { kind: 'schedule' | 'milestone-add' | 'note-add' | 'timeline' }
  | { kind: 'meeting-cancel' | 'meeting-complete' | 'meeting-reschedule'; meeting: Meeting }
  | { kind: 'milestone-edit' | 'milestone-delete'; milestone: Milestone };

export type Lifecycle = 'pause' | 'resume' | 'complete' | 'cancel';

export interface WorkspaceActionsOptions {
  workspace: WorkspaceController;
  /** The viewer's IANA zone. */
  zone: () => string;
  toast: ToastController;
  /** Runs `fn` in the element's language (text built after an await). */
  words: <T>(fn: () => T) => T;
  dialog: () => HTMLDialogElement | null | undefined;
}

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const isHttpUrl = (value: string) => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

const field = (form: HTMLFormElement | undefined, name: string) => (form ? String(new FormData(form).get(name) ?? '').trim() : '');

/**
 * Everything the viewer does in the workspace, with its feedback: opens the dialog for an action
 * (forms are shown on demand, never up front), validates before sending, keeps what was typed and
 * shows the refusal in words inside the dialog, gives focus back to the opener, confirms every
 * result in a toast (with Undo for a milestone's status and position) and fires the workspace's
 * events. The state lives in the `WorkspaceController`; this is the behaviour around it.
 */
export class WorkspaceActionsController {
  readonly #host: Host;
  readonly #o: WorkspaceActionsOptions;
  readonly modal: ModalController;

  /** The dialog's content (undefined while closed). */
  dialog: DialogState | undefined;
  /** The server's refusal (or a whole-form problem), shown in the dialog. */
  error = '';
  /** Problems with single fields, by field name. */
  fieldErrors = new Map<string, string>();
  busy = false;
  /** The schedule dialog's date and time so far (for the two-zone preview). */
  draft = { date: '', time: '' };
  /** The last scheduled or rescheduled meeting's overlaps (a warning above the list). */
  overlaps: { meeting: Meeting; overlaps: MeetingOverlap[] } | undefined;
  feedbackErrors = new Map<string, string>();
  feedbackBusy = false;

  constructor(host: Host, options: WorkspaceActionsOptions) {
    this.#host = host;
    this.#o = options;
    this.modal = new ModalController(host, {
      dialog: options.dialog,
      onClosed: () => {
        // The `close` event arrives a task later: a dialog opened again meanwhile keeps its content.
        if (options.dialog()?.open) return;
        this.dialog = undefined;
        this.error = '';
        this.fieldErrors = new Map();
      },
    });
  }

  /** Another mentorship: what was said about the last one goes. */
  reset(): void {
    this.overlaps = undefined;
    this.feedbackErrors = new Map();
  }

  get #w(): WorkspaceController {
    return this.#o.workspace;
  }

  #notify(text: () => string, tone: ToastTone = 'success', action?: { label: () => string; run: () => void | Promise<void> }): void {
    this.#o.toast.show({ message: this.#o.words(text), tone, ...(action ? { action: { label: this.#o.words(action.label), run: action.run } } : {}) });
  }

  #refused(message: string): void {
    this.#o.toast.show({ message, tone: 'error' });
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  /** Opens `dialog`; focus goes back to `trigger` when it closes. */
  open(dialog: DialogState, trigger: HTMLElement | EventTarget | null | undefined): Promise<void> {
    this.dialog = dialog;
    this.error = '';
    this.fieldErrors = new Map();
    this.busy = false;
    if (dialog.kind === 'schedule') this.draft = { date: '', time: '' };
    return this.modal.open(trigger instanceof HTMLElement ? trigger : null);
  }

  close(): void {
    this.modal.close();
  }

  /** The schedule dialog's `input` handler: keeps date and time for the preview. */
  readonly onDraft = (e: Event): void => {
    const target = e.target as HTMLInputElement;
    if (target.name === 'date' || target.name === 'time') {
      this.draft = { ...this.draft, [target.name]: target.value };
      this.#update();
    }
  };

  /** A heading to send focus to when the control that had it is gone. */
  #focusable(selector: string): HTMLElement | null {
    const target = this.#host.renderRoot.querySelector<HTMLElement>(selector);
    if (target && !target.matches('button, a, input, select, textarea')) target.setAttribute('tabindex', '-1');
    return target;
  }

  /** Shows field problems and focuses the first; true when there were any. */
  async #invalid(errors: Map<string, string>): Promise<boolean> {
    this.fieldErrors = errors;
    this.error = '';
    this.#update();
    if (!errors.size) return false;
    await this.#host.updateComplete;
    const first = [...errors.keys()][0];
    this.#host.renderRoot.querySelector<HTMLElement>(`#workspace-dialog [name="${first}"]`)?.focus();
    return true;
  }

  async #refuse(message: string, focus?: string): Promise<void> {
    this.error = message;
    this.#update();
    await this.#host.updateComplete;
    if (focus) this.#host.renderRoot.querySelector<HTMLElement>(`#workspace-dialog [name="${focus}"]`)?.focus();
  }

  /**
   * Runs `work` with the dialog busy; a refusal stays in the dialog (with what was typed).
   * Answers the outcome when it succeeded, undefined when refused.
   */
  async #send<T>(work: () => Promise<Outcome<T>>): Promise<{ ok: true; value: T } | undefined> {
    this.busy = true;
    this.#update();
    const outcome = await work();
    this.busy = false;
    this.#update();
    if (!outcome.ok) {
      await this.#refuse(outcome.message);
      return undefined;
    }
    // Let the opener re-enable (it was disabled while busy) before focus goes back to it.
    await this.#host.updateComplete;
    return outcome;
  }

  /** The dialog's confirm button or form submit. */
  async submit(form: HTMLFormElement | undefined): Promise<void> {
    const d = this.dialog;
    if (!d || this.busy) return;
    const value = (name: string) => field(form, name);
    const w = this.#w;
    const zone = this.#o.zone();
    switch (d.kind) {
      case 'pause':
      case 'resume':
      case 'complete':
      case 'cancel':
        return this.#lifecycle(d, d.kind, value('reason'));
      case 'schedule': {
        const title = value('title');
        const date = value('date');
        const time = value('time');
        const videoUrl = value('videoUrl');
        const location = value('location');
        const agenda = value('agenda');
        const durationMinutes = Number(value('duration'));
        const errors = new Map<string, string>();
        if (!title) errors.set('title', msg('Give the meeting a title.'));
        if (!date) errors.set('date', msg('Choose a date.'));
        if (!time) errors.set('time', msg('Choose a start time.'));
        const startsAt = date && time ? wallTimeToIso(date, time, zone) : undefined;
        if (startsAt && Date.parse(startsAt) <= Date.now()) errors.set('time', msg('Choose a time in the future.'));
        if (videoUrl && !isHttpUrl(videoUrl)) errors.set('videoUrl', msg('Enter a full web address starting with https://'));
        if ((await this.#invalid(errors)) || !startsAt) return;
        const sent = await this.#send(() =>
          w.schedule({ title, startsAt, durationMinutes, ...(location ? { location } : {}), ...(videoUrl ? { videoUrl } : {}), ...(agenda ? { agenda } : {}) }),
        );
        if (!sent) return;
        const meeting = sent.value;
        this.modal.close(() => this.#focusable('#upcoming-title'));
        const overlaps = meeting.overlaps ?? [];
        this.overlaps = overlaps.length ? { meeting, overlaps } : undefined;
        const when = twoZoneLabel(new Date(meeting.startsAt), zone, w.other?.timeZone).text;
        this.#notify(() =>
          overlaps.length
            ? msg(str`Meeting “${meeting.title}” scheduled for ${when}. It overlaps another meeting.`)
            : msg(str`Meeting “${meeting.title}” scheduled for ${when}.`),
        );
        emit(this.#host, 'meeting-scheduled', { mentorshipId: meeting.mentorshipId, meeting, overlaps, rescheduled: false });
        return;
      }
      case 'milestone-add': {
        const title = value('title');
        if (await this.#invalid(title ? new Map() : new Map([['title', msg('Give the milestone a title.')]]))) return;
        const sent = await this.#send(() => w.addMilestone({ title, description: value('description'), dueDate: value('dueDate') || null }));
        if (!sent) return;
        const milestone = sent.value;
        this.modal.close();
        this.#notify(() => msg(str`Milestone “${milestone.title}” added.`));
        emit(this.#host, 'milestone-changed', { mentorshipId: milestone.mentorshipId, change: 'created', milestone });
        return;
      }
      case 'note-add': {
        const body = value('body');
        const percentText = value('percent');
        const percent = percentText === '' ? undefined : Number(percentText);
        const errors = new Map<string, string>();
        if (!body) errors.set('body', msg('Write a few words about the progress.'));
        if (percent !== undefined && (!Number.isInteger(percent) || percent < 0 || percent > 100)) errors.set('percent', msg('Enter a whole number from 0 to 100.'));
        if (await this.#invalid(errors)) return;
        const sent = await this.#send(() => w.addNote(percent === undefined ? { body } : { body, progressPercent: percent }));
        if (!sent) return;
        this.modal.close();
        const p = w.progress;
        this.#notify(() => (p ? msg(str`Progress note added. Progress is now ${p.progressPercent}%.`) : msg('Progress note added.')));
        return;
      }
      case 'timeline': {
        const targetEndDate = value('targetEndDate') || null;
        const template = (value('template') || undefined) as MilestoneTemplate | undefined;
        if (await this.#invalid(targetEndDate || template ? new Map() : new Map([['targetEndDate', msg('Choose a target date, or a template to plan with.')]]))) return;
        const sent = await this.#send(() => w.setTimeline(targetEndDate, template));
        if (!sent) return;
        const mentorship = sent.value;
        this.modal.close();
        this.#notify(() => (template ? msg(str`The “${templateOptions[template].label}” plan was added.`) : msg('The target date was saved.')));
        emit(this.#host, 'mentorship-updated', { mentorshipId: mentorship.id, action: 'timeline', mentorship });
        if (template) emit(this.#host, 'milestone-changed', { mentorshipId: mentorship.id, change: 'template', milestone: null });
        return;
      }
      case 'meeting-cancel': {
        const reason = value('reason');
        if (!reason) return this.#refuse(msg('Write a reason for cancelling.'), 'reason');
        if (!(await this.#send(() => w.cancelMeeting(d.meeting, reason)))) return;
        this.modal.close(() => this.#focusable('#upcoming-title'));
        this.#notify(() => msg(str`“${d.meeting.title}” was cancelled.`));
        return;
      }
      case 'meeting-complete': {
        const notes = value('notes');
        if (!notes) return this.#refuse(msg('Write a few words of notes.'), 'notes');
        if (!(await this.#send(() => w.completeMeeting(d.meeting, notes)))) return;
        this.modal.close(() => this.#focusable('#upcoming-title'));
        this.#notify(() => msg(str`“${d.meeting.title}” was marked as held.`));
        return;
      }
      case 'meeting-reschedule': {
        const startsAt = wallTimeToIso(value('date'), value('time'), zone);
        if (!startsAt) return this.#refuse(msg('Choose a date and a start time.'), 'date');
        if (Date.parse(startsAt) <= Date.now()) return this.#refuse(msg('Choose a time in the future.'), 'time');
        const durationMinutes = Number(value('duration'));
        const patch: MeetingPatch = {};
        if (Date.parse(startsAt) !== Date.parse(d.meeting.startsAt)) patch.startsAt = startsAt;
        if (durationMinutes !== d.meeting.durationMinutes) patch.durationMinutes = durationMinutes;
        if (!Object.keys(patch).length) return this.#refuse(msg('That is the time it already has. Choose another date or time, or keep the time.'));
        const sent = await this.#send(() => w.updateMeeting(d.meeting, patch));
        if (!sent) return;
        const meeting = sent.value;
        this.modal.close();
        const overlaps = meeting.overlaps ?? [];
        this.overlaps = overlaps.length ? { meeting, overlaps } : undefined;
        const when = twoZoneLabel(new Date(meeting.startsAt), zone, w.other?.timeZone).text;
        this.#notify(() => msg(str`“${meeting.title}” moved to ${when}.`));
        emit(this.#host, 'meeting-scheduled', { mentorshipId: meeting.mentorshipId, meeting, overlaps, rescheduled: true });
        return;
      }
      case 'milestone-edit': {
        const title = value('title');
        if (!title) return this.#refuse(msg('Give the milestone a title.'), 'title');
        const sent = await this.#send(() => w.editMilestone(d.milestone, { title, description: value('description'), dueDate: value('dueDate') || null }));
        if (!sent) return;
        const milestone = sent.value;
        this.modal.close();
        this.#notify(() => msg(str`Milestone “${milestone.title}” saved.`));
        emit(this.#host, 'milestone-changed', { mentorshipId: d.milestone.mentorshipId, change: 'edited', milestone });
        return;
      }
      case 'milestone-delete': {
        const index = w.milestones.findIndex((m) => m.id === d.milestone.id);
        this.modal.close(() => {
          const titles = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[part~="milestone"] .item-title')];
          const target = titles[Math.min(index, titles.length - 1)];
          target?.setAttribute('tabindex', '-1');
          return target ?? this.#focusable('#plan-add-milestone');
        });
        const outcome = await w.removeMilestone(d.milestone);
        if (!outcome.ok) return this.#refused(outcome.message);
        this.#notify(() => msg(str`Milestone “${d.milestone.title}” deleted.`));
        emit(this.#host, 'milestone-changed', { mentorshipId: d.milestone.mentorshipId, change: 'deleted', milestone: d.milestone });
        return;
      }
    }
  }

  async #lifecycle(d: DialogState, kind: Lifecycle, reason: string): Promise<void> {
    if (kind === 'cancel' && !reason) return this.#refuse(msg('Write a reason: the other person will read it.'), 'reason');
    // Pause and resume show at once (and roll back visibly on the header if refused).
    const optimistic = kind === 'pause' || kind === 'resume';
    if (optimistic) this.modal.close();
    else {
      this.busy = true;
      this.#update();
    }
    const outcome = await this.#w.lifecycle(kind, reason);
    this.busy = false;
    this.#update();
    if (!outcome.ok) {
      if (this.dialog === d) await this.#refuse(outcome.message);
      else this.#refused(outcome.message);
      return;
    }
    await this.#host.updateComplete;
    if (this.dialog === d) this.modal.close(() => this.#focusable('#workspace-person'));
    this.#notify(() =>
      kind === 'pause'
        ? msg('The mentorship was paused.')
        : kind === 'resume'
          ? msg('The mentorship was resumed.')
          : kind === 'complete'
            ? msg('The mentorship was completed. You can now leave feedback.')
            : msg('The mentorship was cancelled.'),
    );
    emit(this.#host, 'mentorship-updated', { mentorshipId: outcome.value.id, action: kind, mentorship: outcome.value });
  }

  /** A milestone's status, shown at once; the toast offers Undo (back to the status it had). */
  async setStatus(ms: Milestone, to: MilestoneStatus, undoing = false): Promise<void> {
    const from = ms.status;
    const outcome = await this.#w.setMilestoneStatus(ms, to);
    if (outcome.ok) {
      const label = milestoneStatusLabels[to];
      this.#notify(
        () => (undoing ? msg(str`Undone: “${ms.title}” is ${label.toLocaleLowerCase()} again.`) : msg(str`“${ms.title}” is now ${label.toLocaleLowerCase()}.`)),
        'success',
        undoing ? undefined : { label: () => msg('Undo'), run: () => this.#undoStatus(ms.id, from) },
      );
      emit(this.#host, 'milestone-changed', { mentorshipId: ms.mentorshipId, change: 'status', milestone: outcome.value });
    } else this.#refused(outcome.message);
    // The pressed button is gone (the status changed, or back): keep focus on the card's actions.
    await this.#host.updateComplete;
    if (!undoing) this.#host.renderRoot.querySelector<HTMLElement>(`[data-milestone-id="${ms.id}"] .actions button:not([disabled])`)?.focus();
  }

  #undoStatus(id: string, from: MilestoneStatus): Promise<void> {
    const now = this.#w.milestones.find((m) => m.id === id);
    return now && now.status !== from ? this.setStatus(now, from, true) : Promise.resolve();
  }

  /** Reorders (mentor): shown at once, focus follows the moved milestone; the toast offers Undo. */
  async move(ms: Milestone, direction: 'up' | 'down', undoing = false): Promise<void> {
    const w = this.#w;
    // Move buttons stay enabled while a move is on its way (focus stays on them); a second press waits.
    if (w.busy.has(ms.id)) return;
    const outcome = w.moveMilestone(ms, direction);
    const refocus = async () => {
      await this.#host.updateComplete;
      const card = this.#host.renderRoot.querySelector(`[data-milestone-id="${ms.id}"]`);
      (card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ??
        card?.querySelector<HTMLButtonElement>('[part~="move-button"]:not([disabled])'))?.focus();
    };
    if (!undoing) await refocus();
    const result = await outcome;
    if (!result.ok) {
      this.#refused(result.message);
      if (!undoing) await refocus();
      return;
    }
    const position = w.milestones.findIndex((m) => m.id === ms.id) + 1;
    const count = w.milestones.length;
    const back = direction === 'up' ? 'down' : 'up';
    this.#notify(
      () =>
        undoing
          ? msg(str`Undone: “${ms.title}” is back at ${position} of ${count}.`)
          : direction === 'up'
            ? msg(str`“${ms.title}” moved up, now ${position} of ${count}.`)
            : msg(str`“${ms.title}” moved down, now ${position} of ${count}.`),
      'success',
      undoing ? undefined : { label: () => msg('Undo'), run: () => this.#undoMove(ms.id, back) },
    );
    emit(this.#host, 'milestone-changed', { mentorshipId: ms.mentorshipId, change: 'moved', milestone: result.value });
  }

  #undoMove(id: string, direction: 'up' | 'down'): Promise<void> {
    const now = this.#w.milestones.find((m) => m.id === id);
    return now ? this.move(now, direction, true) : Promise.resolve();
  }

  /** The `.ics` needs the bearer token, so it is fetched and handed to the browser as a download. */
  async downloadIcs(meeting: Meeting): Promise<void> {
    const outcome = await this.#w.meetingIcs(meeting);
    if (!outcome.ok) {
      this.#w.failures.set(meeting.id, outcome.message);
      this.#refused(outcome.message);
      return;
    }
    const url = URL.createObjectURL(new Blob([outcome.value], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${meeting.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meeting'}.ics`;
    a.hidden = true;
    this.#host.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.#notify(() => msg(str`Calendar file for “${meeting.title}” downloaded. Open it to add the meeting to your calendar.`), 'info');
  }

  /** The feedback form of a completed mentorship (inline: it is the one thing left to do). */
  readonly sendFeedback = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const rating = Number(field(form, 'rating'));
    if (!rating) {
      this.feedbackErrors = new Map([['rating', msg('Choose a rating from 1 to 5.')]]);
      this.#update();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('input[name="rating"]')?.focus();
      return;
    }
    this.feedbackErrors = new Map();
    this.feedbackBusy = true;
    this.#update();
    const outcome = await this.#w.sendFeedback(rating, field(form, 'comment'));
    this.feedbackBusy = false;
    this.#update();
    if (!outcome.ok) {
      this.feedbackErrors = new Map([['feedback', outcome.message]]);
      this.#refused(outcome.message);
      return;
    }
    this.#notify(() => msg('Thanks for your feedback.'));
    await this.#host.updateComplete;
    this.#focusable('#feedback-title')?.focus();
  };
}
