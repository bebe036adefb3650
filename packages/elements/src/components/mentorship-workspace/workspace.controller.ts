import type {
  Conversation,
  FeedbackStatus,
  Meeting,
  MeetingInput,
  MeetingPatch,
  Mentorship,
  Message,
  Milestone,
  MilestoneInput,
  MilestonePatch,
  MilestoneTemplate,
  PersonSummary,
  Progress,
  ProgressNoteInput,
} from '@mentorkit/contract';
import type { MilestoneStatus } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { msg, str } from '@lit/localize';
import { describeError } from '../../internal/error-message.js';
import { inLanguageOf } from '../../internal/localization.js';

export type WorkspaceStatus = 'idle' | 'loading' | 'error' | 'ready';
export type SectionStatus = 'loading' | 'error' | 'ready';
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; message: string; error: unknown };

interface Base {
  viewerId: string;
  mentorship: Mentorship;
}

interface ConversationSummary {
  conversation: Conversation;
  /** The last few messages, oldest first. */
  latest: Message[];
}

/** How many of the latest messages the overview shows. */
const LATEST_MESSAGES = 3;

const isEnded = (m: Mentorship | undefined) => m?.status === 'completed' || m?.status === 'cancelled';

/** Far enough back for every meeting of a mentorship (meetings cannot start before it). */
const ALL_MEETINGS_FROM = '2000-01-01T00:00:00.000Z';

const byPosition = (a: Milestone, b: Milestone) => a.position - b.position;

/**
 * The headless workspace of one mentorship: who the viewer is in it, the mentorship, its progress
 * (plan, notes, computed percent), its meetings and, once completed, the viewer's feedback state.
 * Actions call the API; status changes and reordering are optimistic and roll back, with a reason
 * in words, when the server refuses.
 */
export class WorkspaceController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  readonly #id: () => string;
  readonly #base: ResourceController<Base, [MentorkitClient, string]>;
  readonly #progress: ResourceController<Progress, [MentorkitClient, string]>;
  readonly #meetings: ResourceController<Meeting[], [MentorkitClient, string]>;
  readonly #feedback: ResourceController<FeedbackStatus, [MentorkitClient, string]>;
  readonly #conversation: ResourceController<ConversationSummary, [MentorkitClient, string]>;

  /** The mentorship as last confirmed (or optimistically changed). */
  mentorship: Mentorship | undefined;
  viewerId: string | undefined;
  progress: Progress | undefined;
  /** The plan in order; may differ from `progress.milestones` while an optimistic change is on its way. */
  milestones: Milestone[] = [];
  meetings: Meeting[] = [];
  feedback: FeedbackStatus | undefined;
  /** The conversation's unread state and its latest messages (for the overview and the tab's count). */
  conversation: ConversationSummary | undefined;
  /**
   * The mentorship ended while this workspace was open, not by an action taken here: the other
   * party (or the viewer elsewhere) completed or cancelled it. The workspace turns read-only and says so.
   */
  endedElsewhere = false;
  /** Set while the viewer's own complete or cancel is on its way. */
  #endingHere = false;
  /** Ids of milestones and meetings with a change on its way to the server. */
  readonly busy = new Set<string>();
  /** Why the last action on a milestone, meeting or the mentorship (by id) failed. */
  readonly failures = new Map<string, string>();
  /** Counts actions begun, so a live refresh can tell it raced one. */
  #actions = 0;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined; mentorshipId: () => string }) {
    this.#host = host;
    this.#client = options.client;
    this.#id = options.mentorshipId;
    const args = (): [MentorkitClient, string] | undefined => {
      const client = this.#client();
      const id = this.#id();
      return client && id ? [client, id] : undefined;
    };
    this.#base = new ResourceController(host, {
      args,
      task: async ([client, id], { signal }) => {
        const [me, mentorship] = await Promise.all([client.me.get({ signal }), client.mentorships.get(id, { signal })]);
        return { viewerId: me.user.id, mentorship };
      },
      onComplete: (base) => {
        // Another mentorship (or viewer): the last one's messages do not belong here.
        if (this.mentorship?.id !== base.mentorship.id || this.viewerId !== base.viewerId) this.failures.clear();
        this.viewerId = base.viewerId;
        this.#take(base.mentorship);
      },
    });
    this.#progress = new ResourceController(host, {
      args,
      task: ([client, id], { signal }) => client.mentorships.progress(id, { signal }),
      onComplete: (progress) => {
        this.progress = progress;
        // A change on its way (e.g. an Undo right after a move) is newer than this answer; the
        // reload that follows it brings the plan in line.
        if (!this.busy.size) this.milestones = [...progress.milestones].sort(byPosition);
      },
    });
    this.#meetings = new ResourceController(host, {
      args,
      task: async ([client, id], { signal }) => (await client.meetings.list({ mentorshipId: id, from: ALL_MEETINGS_FROM, limit: 100 }, { signal })).items,
      onComplete: (meetings) => (this.meetings = meetings),
    });
    this.#feedback = new ResourceController(host, {
      args: () => (this.mentorship?.status === 'completed' ? args() : undefined),
      task: ([client, id], { signal }) => client.mentorships.feedbackStatus(id, { signal }),
      onComplete: (feedback) => (this.feedback = feedback),
    });
    this.#conversation = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        const conversationId = this.mentorship?.id === this.#id() ? this.mentorship.conversationId : null;
        return client && conversationId ? [client, conversationId] : undefined;
      },
      task: ([client, conversationId], { signal }) => loadConversation(client, conversationId, signal),
      onComplete: (summary) => (this.conversation = summary),
    });
  }

  /** Takes a mentorship from the server, noticing when it ended without an action of this workspace. */
  #take(next: Mentorship): void {
    const before = this.mentorship;
    if (before?.id !== next.id) this.endedElsewhere = false;
    else if (!isEnded(before) && isEnded(next) && !this.#endingHere) this.endedElsewhere = true;
    this.mentorship = next;
  }

  // ------------------------------------------------------------------------------------------
  // State

  get status(): WorkspaceStatus {
    if (!this.#client() || !this.#id()) return 'idle';
    const s = this.#base.status;
    if (s === 'error') return 'error';
    if (s === 'complete' || (s === 'pending' && this.mentorship?.id === this.#id())) return 'ready';
    return 'loading';
  }

  get error(): unknown {
    return this.#base.error;
  }

  #section(resource: ResourceController<unknown, [MentorkitClient, string]>, has: boolean): SectionStatus {
    if (resource.status === 'error') return 'error';
    if (resource.status === 'complete' || (resource.status === 'pending' && has)) return 'ready';
    return 'loading';
  }
  get progressStatus(): SectionStatus {
    return this.#section(this.#progress as ResourceController<unknown, [MentorkitClient, string]>, this.progress?.mentorshipId === this.#id());
  }
  get progressError(): unknown {
    return this.#progress.error;
  }
  get meetingsStatus(): SectionStatus {
    return this.#section(this.#meetings as ResourceController<unknown, [MentorkitClient, string]>, this.#meetings.value !== undefined);
  }
  get meetingsError(): unknown {
    return this.#meetings.error;
  }
  get feedbackStatus(): SectionStatus {
    return this.#section(this.#feedback as ResourceController<unknown, [MentorkitClient, string]>, this.feedback !== undefined);
  }
  get feedbackError(): unknown {
    return this.#feedback.error;
  }
  get conversationStatus(): SectionStatus {
    if (this.mentorship && !this.mentorship.conversationId) return 'ready';
    return this.#section(this.#conversation as ResourceController<unknown, [MentorkitClient, string]>, this.conversation?.conversation.id === this.mentorship?.conversationId);
  }
  get conversationError(): unknown {
    return this.#conversation.error;
  }
  retryConversation(): Promise<void> {
    return this.#conversation.retry();
  }

  /** The mentorship does not exist or the viewer is not part of it (the API answers 404 for both). */
  get notFound(): boolean {
    return this.status === 'error' && this.#base.error instanceof ApiError && this.#base.error.status === 404;
  }

  get role(): 'mentor' | 'mentee' | undefined {
    if (!this.mentorship || !this.viewerId) return undefined;
    return this.mentorship.mentor.id === this.viewerId ? 'mentor' : 'mentee';
  }
  get other(): PersonSummary | undefined {
    if (!this.mentorship) return undefined;
    return this.role === 'mentor' ? this.mentorship.mentee : this.mentorship.mentor;
  }
  get me(): PersonSummary | undefined {
    if (!this.mentorship) return undefined;
    return this.role === 'mentor' ? this.mentorship.mentor : this.mentorship.mentee;
  }
  /** Completed or cancelled: nothing may change any more (feedback aside). */
  get ended(): boolean {
    return this.mentorship?.status === 'completed' || this.mentorship?.status === 'cancelled';
  }
  get isMentor(): boolean {
    return this.role === 'mentor';
  }

  upcomingMeetings(now = Date.now()): Meeting[] {
    return this.meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }
  pastMeetings(now = Date.now()): Meeting[] {
    return this.meetings.filter((m) => !(m.status === 'scheduled' && Date.parse(m.endsAt) > now)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  }

  retry(): Promise<void> {
    return this.#base.retry();
  }
  retryProgress(): Promise<void> {
    return this.#progress.retry();
  }
  retryMeetings(): Promise<void> {
    return this.#meetings.retry();
  }
  retryFeedback(): Promise<void> {
    return this.#feedback.retry();
  }
  reloadProgress(): Promise<void> {
    return this.#progress.run();
  }
  reloadMeetings(): Promise<void> {
    return this.#meetings.run();
  }

  /**
   * Loads the given parts again in place (live updates) and answers whether it applied them. An
   * action begun meanwhile wins: its optimistic or confirmed state is newer than this answer,
   * which is dropped (`false`: ask again once nothing is `busy`).
   */
  async refresh(parts: ReadonlySet<'mentorship' | 'progress' | 'meetings' | 'conversation'>): Promise<boolean> {
    const client = this.#client();
    const id = this.#id();
    if (!client || !id || this.status !== 'ready') return true;
    const actions = this.#actions;
    const conversationId = this.mentorship?.conversationId;
    const [mentorship, progress, meetings, conversation] = await Promise.all([
      parts.has('mentorship') ? client.mentorships.get(id) : undefined,
      parts.has('progress') ? client.mentorships.progress(id) : undefined,
      parts.has('meetings') ? client.meetings.list({ mentorshipId: id, from: ALL_MEETINGS_FROM, limit: 100 }) : undefined,
      parts.has('conversation') && conversationId ? loadConversation(client, conversationId) : undefined,
    ]);
    // Messages are not optimistic here: their summary always applies.
    if (conversation && client === this.#client() && id === this.#id()) this.conversation = conversation;
    if (client !== this.#client() || id !== this.#id()) return true;
    if (actions !== this.#actions || this.busy.size) return false;
    if (mentorship) this.#take(mentorship);
    if (progress) {
      this.progress = progress;
      this.milestones = [...progress.milestones].sort(byPosition);
    }
    if (meetings) this.meetings = meetings.items;
    this.#host.requestUpdate();
    return true;
  }

  /** Everything again, e.g. after a refusal that says the mentorship changed elsewhere. */
  reloadAll(): void {
    void this.#base.run();
    void this.#progress.run();
    void this.#meetings.run();
  }

  // ------------------------------------------------------------------------------------------
  // Actions

  async #call<T>(work: (client: MentorkitClient, id: string) => Promise<T>, failure: (error: unknown) => string): Promise<Outcome<T>> {
    const client = this.#client();
    const id = this.#id();
    if (!client || !id) return { ok: false, message: msg('The workspace is not connected.'), error: undefined };
    this.#actions++;
    try {
      return { ok: true, value: await work(client, id) };
    } catch (error) {
      // An ended mentorship (someone closed it meanwhile) or a vanished one: show the truth.
      if (error instanceof ApiError && (error.code === 'invalid_transition' || error.code === 'not_found')) this.reloadAll();
      return { ok: false, message: inLanguageOf(this.#host, () => failure(error)), error };
    } finally {
      this.#host.requestUpdate();
    }
  }

  /** Pause and resume show at once and roll back on refusal; complete and cancel wait for the server. */
  async lifecycle(action: 'pause' | 'resume' | 'complete' | 'cancel', reason = ''): Promise<Outcome<Mentorship>> {
    const before = this.mentorship;
    if (!before) return { ok: false, message: msg('The mentorship is not loaded.'), error: undefined };
    this.failures.delete(before.id);
    const optimistic = action === 'pause' || action === 'resume' ? { ...before, status: action === 'pause' ? 'paused' : 'active' } as const : before;
    this.mentorship = optimistic;
    this.busy.add(before.id);
    this.#endingHere = action === 'complete' || action === 'cancel';
    this.#host.requestUpdate();
    const outcome = await this.#call(
      (client, id) => {
        switch (action) {
          case 'pause':
            return client.mentorships.pause(id);
          case 'resume':
            return client.mentorships.resume(id);
          case 'complete':
            return client.mentorships.complete(id);
          case 'cancel':
            return client.mentorships.cancel(id, reason);
        }
      },
      (error) => `${lifecycleFailure[action]} ${transitionReason(error)}`,
    );
    this.#endingHere = false;
    this.busy.delete(before.id);
    if (outcome.ok) {
      this.mentorship = outcome.value;
      if (action === 'complete' || action === 'cancel') {
        void this.#progress.run();
        void this.#meetings.run();
      }
    } else {
      // Unless newer news (a reload, a live update) replaced the optimistic state meanwhile.
      if (this.mentorship === optimistic && optimistic !== before) this.mentorship = before;
      this.failures.set(before.id, outcome.message);
    }
    return outcome;
  }

  async schedule(input: MeetingInput): Promise<Outcome<Meeting>> {
    const outcome = await this.#call((client, id) => client.meetings.schedule(id, input), (e) => `${msg('The meeting could not be scheduled.')} ${transitionReason(e)}`);
    if (outcome.ok) this.meetings = [...this.meetings, outcome.value];
    return outcome;
  }

  async updateMeeting(meeting: Meeting, patch: MeetingPatch): Promise<Outcome<Meeting>> {
    return this.#meetingAction(meeting, (client) => client.meetings.update(meeting.id, patch), () => msg(str`“${meeting.title}” could not be rescheduled.`));
  }
  async cancelMeeting(meeting: Meeting, reason: string): Promise<Outcome<Meeting>> {
    return this.#meetingAction(meeting, (client) => client.meetings.cancel(meeting.id, reason), () => msg(str`“${meeting.title}” could not be cancelled.`));
  }
  async completeMeeting(meeting: Meeting, notes: string): Promise<Outcome<Meeting>> {
    return this.#meetingAction(meeting, (client) => client.meetings.complete(meeting.id, notes), () => msg(str`“${meeting.title}” could not be marked as held.`));
  }

  async #meetingAction(meeting: Meeting, work: (client: MentorkitClient) => Promise<Meeting>, what: () => string): Promise<Outcome<Meeting>> {
    this.failures.delete(meeting.id);
    this.busy.add(meeting.id);
    this.#host.requestUpdate();
    const outcome = await this.#call((client) => work(client), (e) => `${what()} ${transitionReason(e)}`);
    this.busy.delete(meeting.id);
    if (outcome.ok) this.meetings = this.meetings.map((m) => (m.id === meeting.id ? outcome.value : m));
    else this.failures.set(meeting.id, outcome.message);
    return outcome;
  }

  /** The meeting's `.ics` text (the download needs the bearer token, so no plain link). */
  async meetingIcs(meeting: Meeting): Promise<Outcome<string>> {
    return this.#call((client) => client.meetings.ics(meeting.id), (e) => `${msg('The calendar file could not be fetched.')} ${describeError(e)}`);
  }

  async setTimeline(targetEndDate: string | null, template?: MilestoneTemplate): Promise<Outcome<Mentorship>> {
    const outcome = await this.#call(
      (client, id) => client.mentorships.setTimeline(id, template ? { targetEndDate, template } : { targetEndDate }),
      (e) => `${msg('The plan could not be saved.')} ${planReason(e)}`,
    );
    if (!outcome.ok) return outcome;
    this.mentorship = outcome.value.mentorship;
    void this.#progress.run();
    return { ok: true, value: outcome.value.mentorship };
  }

  async addMilestone(input: MilestoneInput): Promise<Outcome<Milestone>> {
    const outcome = await this.#call((client, id) => client.mentorships.addMilestone(id, input), (e) => `${msg('The milestone could not be added.')} ${planReason(e)}`);
    if (outcome.ok) {
      this.milestones = [...this.milestones, outcome.value];
      void this.#progress.run();
    }
    return outcome;
  }

  /** Status by either party: shown at once, rolled back on refusal. */
  setMilestoneStatus(milestone: Milestone, status: MilestoneStatus): Promise<Outcome<Milestone>> {
    return this.#patchMilestone(milestone, { status }, (list) => list.map((m) => (m.id === milestone.id ? { ...m, status, overdue: status === 'completed' ? false : m.overdue } : m)), 'status');
  }

  /** Reorder (mentor): swaps with the neighbour at once, rolled back on refusal. */
  moveMilestone(milestone: Milestone, direction: 'up' | 'down'): Promise<Outcome<Milestone>> {
    return this.#patchMilestone(milestone, { move: direction }, (list) => {
      const next = [...list];
      const i = next.findIndex((m) => m.id === milestone.id);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= next.length) return list;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    }, 'move');
  }

  editMilestone(milestone: Milestone, patch: Pick<MilestonePatch, 'title' | 'description' | 'dueDate'>): Promise<Outcome<Milestone>> {
    return this.#patchMilestone(milestone, patch, (list) => list, 'edit');
  }

  async #patchMilestone(milestone: Milestone, patch: MilestonePatch, optimistic: (list: Milestone[]) => Milestone[], kind: 'status' | 'move' | 'edit'): Promise<Outcome<Milestone>> {
    const before = this.milestones;
    this.failures.delete(milestone.id);
    this.busy.add(milestone.id);
    this.milestones = optimistic(before);
    this.#host.requestUpdate();
    const outcome = await this.#call((client) => client.milestones.update(milestone.id, patch), (e) => `${milestoneFailure[kind](milestone.title)} ${planReason(e)}`);
    this.busy.delete(milestone.id);
    if (outcome.ok) {
      if (kind !== 'move') this.milestones = this.milestones.map((m) => (m.id === milestone.id ? outcome.value : m));
      void this.#progress.run();
    } else {
      this.milestones = before;
      this.failures.set(milestone.id, outcome.message);
    }
    return outcome;
  }

  async removeMilestone(milestone: Milestone): Promise<Outcome> {
    const before = this.milestones;
    this.failures.delete(milestone.id);
    this.milestones = before.filter((m) => m.id !== milestone.id);
    this.#host.requestUpdate();
    const outcome = await this.#call((client) => client.milestones.remove(milestone.id), (e) => `${msg(str`“${milestone.title}” could not be deleted.`)} ${planReason(e)}`);
    if (outcome.ok) void this.#progress.run();
    else {
      this.milestones = before;
      this.failures.set(milestone.id, outcome.message);
    }
    return outcome.ok ? { ok: true, value: undefined } : outcome;
  }

  async addNote(input: ProgressNoteInput): Promise<Outcome> {
    const outcome = await this.#call((client, id) => client.progressNotes.create(id, input), (e) => `${msg('The note could not be saved.')} ${transitionReason(e)}`);
    if (outcome.ok) await this.#progress.run();
    return outcome.ok ? { ok: true, value: undefined } : outcome;
  }

  async sendFeedback(rating: number, comment: string): Promise<Outcome> {
    const outcome = await this.#call((client, id) => client.mentorships.feedback(id, { rating, comment }), (e) =>
      e instanceof ApiError && e.status === 409 && e.code !== 'invalid_transition' ? msg('You have already left feedback for this mentorship.') : `${msg('Your feedback could not be sent.')} ${describeError(e)}`,
    );
    if (outcome.ok && this.feedback) this.feedback = { ...this.feedback, canLeaveFeedback: false, mine: outcome.value };
    else if (!outcome.ok) void this.#feedback.run();
    return outcome.ok ? { ok: true, value: undefined } : outcome;
  }
}

async function loadConversation(client: MentorkitClient, conversationId: string, signal?: AbortSignal): Promise<ConversationSummary> {
  const [conversation, page] = await Promise.all([
    client.conversations.get(conversationId, signal ? { signal } : {}),
    client.conversations.messages(conversationId, { limit: LATEST_MESSAGES }, signal ? { signal } : {}),
  ]);
  return { conversation, latest: [...page.items].reverse() };
}

const lifecycleFailure = {
  get pause() { return msg('The mentorship could not be paused.'); },
  get resume() { return msg('The mentorship could not be resumed.'); },
  get complete() { return msg('The mentorship could not be completed.'); },
  get cancel() { return msg('The mentorship could not be cancelled.'); },
};

const milestoneFailure = {
  status: (title: string) => msg(str`The status of “${title}” could not be changed.`),
  move: (title: string) => msg(str`“${title}” could not be moved.`),
  edit: (title: string) => msg(str`“${title}” could not be saved.`),
} as const;

/** The reason in words for a refused change. */
export function transitionReason(error: unknown): string {
  if (error instanceof ApiError) {
    // The server words these for people ("A completed mentorship cannot be paused").
    if (error.code === 'invalid_transition') return `${error.message.replace(/\.?$/, '.')} ${msg('The workspace now shows the current state.')}`;
    if (error.code === 'validation_failed') return error.issues.map((i) => i.message).join(' ') || msg('Check the details and try again.');
  }
  return describeError(error);
}

function planReason(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return msg('Only the mentor can change the plan; either of you can update a milestone’s status.');
  if (error instanceof ApiError && error.code === 'conflict') return error.message;
  return transitionReason(error);
}
