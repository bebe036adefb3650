import { msg, str } from '@lit/localize';
import { openMentorshipStatuses, type MentorshipStatus } from '@mentorkit/contract/values';
import type { AcceptResult, DeclineInput, Meeting, MentorSettings, MentorSettingsPatch, MentorSettingsResult, Mentorship, MentorshipRequest } from '@mentorkit/contract';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { describeError } from '../../internal/error-message.js';

/** The settings the top strip changes. */
export type SettingsChange = Pick<MentorSettingsPatch, 'acceptingMentees' | 'declinePending' | 'capacity' | 'awayUntil'>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface WorkloadData {
  /** The viewer, as the mentor of these mentorships. */
  mentorId: string;
  settings: MentorSettings;
  waiting: MentorshipRequest[];
  mentees: Mentorship[];
  unreadNotifications: number;
  /** Scheduled meetings from now on where the viewer is the mentor. */
  upcomingMeetings: Meeting[];
}

const OPEN = new Set<MentorshipStatus>(openMentorshipStatuses);

/**
 * The parts of the workload that load separately for live updates; `extras` are the cards'
 * progress and next meeting (the element's summaries, not the workload's).
 */
export type WorkloadPart = 'requests' | 'mentorships' | 'notifications' | 'meetings' | 'extras';

/** The viewer's upcoming meetings as a mentor (their own mentoring, if they also have one, is not counted). */
export const upcomingAsMentor = (meetings: readonly Meeting[], mentorId: string) =>
  meetings.filter((m) => m.mentorId === mentorId && m.status === 'scheduled');

/** Oldest first: the request that has waited longest (and expires soonest) is answered first. */
const oldestFirst = (requests: readonly MentorshipRequest[]) => [...requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

const openMentorships = (mentorships: readonly Mentorship[]) => mentorships.filter((m) => OPEN.has(m.status));

/**
 * A mentor's side of the dashboard: settings, waiting requests and mentees, with the actions on
 * them. Every action updates what is shown at once and puts it back, with a message in words,
 * when the server refuses. Settings changes go to the server one after another, so the last
 * confirmed settings are always the server's latest.
 */
export class MentorWorkload {
  readonly #host: ReactiveControllerHost;
  readonly #client: MentorkitClient;
  readonly #reload: () => void;

  /** What the strip shows: the server's settings with any change still on its way. */
  settings: MentorSettings;
  #confirmed: MentorSettings;
  waiting: MentorshipRequest[];
  mentees: Mentorship[];
  /** Completed mentorships: their workspace is read-only and offers the feedback form. */
  completed: Mentorship[];
  unreadNotifications: number;
  /** Counted on a stat card; the mentees' cards show each one's next (the summaries read them here). */
  upcomingMeetings: Meeting[];
  readonly #mentorId: string;

  /** Requests with an answer on its way; mentorships not yet confirmed by the server. */
  readonly busy = new Set<string>();
  /** Why the last action on a request failed, shown on its card. */
  readonly failures = new Map<string, string>();
  /** Why the last settings change failed, shown in the strip. */
  settingsFailure: string | undefined = undefined;
  #settingsQueue: Promise<unknown> = Promise.resolve();
  /** Counts actions begun, so a live refresh can tell it raced one. */
  #actions = 0;
  #settingsInFlight = 0;

  constructor(host: ReactiveControllerHost, client: MentorkitClient, data: WorkloadData, reload: () => void) {
    this.#host = host;
    this.#client = client;
    this.#reload = reload;
    this.settings = data.settings;
    this.#confirmed = data.settings;
    this.waiting = oldestFirst(data.waiting);
    this.mentees = openMentorships(data.mentees);
    this.completed = data.mentees.filter((m) => m.status === 'completed');
    this.unreadNotifications = data.unreadNotifications;
    this.upcomingMeetings = data.upcomingMeetings;
    this.#mentorId = data.mentorId;
  }

  get activeMentees(): number {
    return this.mentees.filter((m) => m.status === 'active').length;
  }

  get savingSettings(): boolean {
    return this.#settingsInFlight > 0;
  }

  /** An answer, an acceptance or a settings change is on its way: its optimistic state shows. */
  get acting(): boolean {
    return this.busy.size > 0 || this.#settingsInFlight > 0;
  }

  /**
   * Loads only the given parts again, in place (live updates), and answers whether it applied
   * them. `mentorships` brings the settings too (open mentorships count against capacity). An
   * action begun meanwhile is newer than this answer, which is then dropped (`false`: ask again
   * once nothing is `acting`).
   */
  async refresh(parts: ReadonlySet<WorkloadPart>): Promise<boolean> {
    const c = this.#client;
    const actions = this.#actions;
    const [waiting, mentorships, me, notifications, meetings] = await Promise.all([
      parts.has('requests') ? c.requests.list({ role: 'mentor', status: 'pending', limit: 100 }) : undefined,
      parts.has('mentorships') ? c.mentorships.list({ role: 'mentor', limit: 100 }) : undefined,
      parts.has('mentorships') ? c.me.get() : undefined,
      parts.has('notifications') ? c.notifications.list({ limit: 1 }) : undefined,
      parts.has('meetings') ? c.meetings.list({ limit: 100 }) : undefined,
    ]);
    // Counts only: no action of the dashboard changes them optimistically.
    if (notifications) this.unreadNotifications = notifications.unreadCount;
    if (meetings) this.upcomingMeetings = upcomingAsMentor(meetings.items, this.#mentorId);
    this.#host.requestUpdate();
    if (this.acting || actions !== this.#actions) return false;
    if (waiting) this.waiting = oldestFirst(waiting.items);
    if (mentorships) {
      this.mentees = openMentorships(mentorships.items);
      this.completed = mentorships.items.filter((m) => m.status === 'completed');
    }
    if (me?.mentor) this.settings = this.#confirmed = me.mentor;
    return true;
  }

  async accept(request: MentorshipRequest): Promise<Outcome<AcceptResult>> {
    if (this.busy.has(request.id)) return { ok: false, message: msg('This request is already being answered.') };
    const index = this.waiting.findIndex((r) => r.id === request.id);
    const provisional: Mentorship = {
      id: `provisional-${request.id}`,
      requestId: request.id,
      status: 'active',
      startedAt: new Date().toISOString(),
      endedAt: null,
      endReason: null,
      targetEndDate: null,
      conversationId: null,
      mentor: request.mentor,
      mentee: request.mentee,
      programme: request.programme,
    };
    this.#begin(request);
    this.busy.add(provisional.id);
    this.mentees = [provisional, ...this.mentees];
    this.#host.requestUpdate();
    try {
      const result = await this.#client.requests.accept(request.id);
      this.mentees = this.mentees.map((m) => (m === provisional ? result.mentorship : m));
      this.settings = { ...this.settings, openMentorships: this.settings.openMentorships + 1 };
      this.#confirmed = { ...this.#confirmed, openMentorships: this.#confirmed.openMentorships + 1 };
      return { ok: true, value: result };
    } catch (error) {
      this.mentees = this.mentees.filter((m) => m !== provisional);
      return this.#rollBack(request, index, error, 'accept');
    } finally {
      this.busy.delete(provisional.id);
      this.busy.delete(request.id);
      this.#host.requestUpdate();
    }
  }

  async decline(request: MentorshipRequest, input: DeclineInput): Promise<Outcome<MentorshipRequest>> {
    if (this.busy.has(request.id)) return { ok: false, message: msg('This request is already being answered.') };
    const index = this.waiting.findIndex((r) => r.id === request.id);
    this.#begin(request);
    this.#host.requestUpdate();
    try {
      return { ok: true, value: await this.#client.requests.decline(request.id, input) };
    } catch (error) {
      return this.#rollBack(request, index, error, 'decline');
    } finally {
      this.busy.delete(request.id);
      this.#host.requestUpdate();
    }
  }

  /** Takes a request off the waiting list for an answer on its way. */
  #begin(request: MentorshipRequest): void {
    this.#actions++;
    this.failures.delete(request.id);
    this.busy.add(request.id);
    // By id: a live refresh may have replaced the object the caller holds.
    this.waiting = this.waiting.filter((r) => r.id !== request.id);
  }

  #rollBack(request: MentorshipRequest, index: number, error: unknown, action: 'accept' | 'decline'): Outcome<never> {
    const waiting = [...this.waiting];
    waiting.splice(Math.max(0, Math.min(index, waiting.length)), 0, request);
    this.waiting = waiting;
    const message = this.#answerFailure(error, request, action);
    this.failures.set(request.id, message);
    // Withdrawn or expired meanwhile: load the truth (the card then leaves for good).
    if (error instanceof ApiError && (error.code === 'invalid_transition' || error.code === 'not_found')) this.#reload();
    return { ok: false, message };
  }

  #answerFailure(error: unknown, request: MentorshipRequest, action: 'accept' | 'decline'): string {
    const name = request.mentee.name;
    if (error instanceof ApiError) {
      switch (error.code) {
        case 'capacity_reached': {
          const { openMentorships, capacity } = this.#confirmed;
          return msg(str`All your mentee slots are taken (${openMentorships} of ${capacity}). Add a slot above, or finish a mentorship, to accept ${name}.`);
        }
        case 'invalid_transition':
        case 'not_found':
          return msg(str`${name} withdrew this request, or it expired, before your answer arrived.`);
        case 'conflict':
          return msg(str`You already mentor ${name}.`);
        case 'mentor_unavailable':
          return msg('Your mentor account is suspended, so you cannot accept requests right now.');
      }
    }
    const what =
      action === 'accept' ? msg(str`Your acceptance of ${name}'s request could not be sent.`) : msg(str`Your decline of ${name}'s request could not be sent.`);
    return `${what} ${describeError(error)}`;
  }

  /**
   * Changes settings at once on screen and then on the server. `declinePending` (only with
   * `acceptingMentees: false`) also clears the waiting list. On refusal everything changed here
   * goes back to the server's last confirmed state and `settingsFailure` says why.
   */
  updateSettings(change: SettingsChange): Promise<Outcome<MentorSettingsResult>> {
    const before = { waiting: this.waiting };
    this.settingsFailure = undefined;
    this.settings = {
      ...this.settings,
      ...(change.acceptingMentees !== undefined ? { acceptingMentees: change.acceptingMentees } : {}),
      ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
      ...(change.awayUntil !== undefined ? { awayUntil: change.awayUntil } : {}),
    };
    if (change.declinePending) this.waiting = [];
    this.#settingsInFlight++;
    this.#actions++;
    this.#host.requestUpdate();

    const send = async (): Promise<Outcome<MentorSettingsResult>> => {
      try {
        const result = await this.#client.mentors.updateMine(change);
        const { declinedRequests: _declined, ...settings } = result;
        this.#confirmed = settings;
        // Changes queued behind this one keep showing what the mentor chose last; everything
        // else (open mentorships, derived availability) is the server's word.
        const { acceptingMentees, capacity, awayUntil } = this.settings;
        this.settings = this.#settingsInFlight === 1 ? settings : { ...settings, acceptingMentees, capacity, awayUntil };
        return { ok: true, value: result };
      } catch (error) {
        this.settings = { ...this.settings, ...pick(this.#confirmed, change) };
        if (change.declinePending) this.waiting = oldestFirst([...before.waiting, ...this.waiting]);
        this.settingsFailure = this.#settingsFailure(error, change);
        return { ok: false, message: this.settingsFailure };
      } finally {
        this.#settingsInFlight--;
        this.#host.requestUpdate();
      }
    };
    const run = this.#settingsQueue.then(send);
    this.#settingsQueue = run;
    return run;
  }

  #settingsFailure(error: unknown, change: SettingsChange): string {
    const { openMentorships, capacity } = this.#confirmed;
    if (change.capacity !== undefined && error instanceof ApiError && error.code === 'conflict') {
      return openMentorships === 1
        ? msg(str`You have 1 active or paused mentorship, so you need at least 1 slot. Capacity is back to ${capacity}.`)
        : msg(str`You have ${openMentorships} active or paused mentorships, so you need at least ${openMentorships} slots. Capacity is back to ${capacity}.`);
    }
    const what =
      change.acceptingMentees !== undefined
        ? msg('Your availability could not be saved, so it is back to what it was.')
        : change.capacity !== undefined
          ? msg('Your capacity could not be saved, so it is back to what it was.')
          : msg('Your away date could not be saved, so it is back to what it was.');
    return `${what} ${describeError(error)}`;
  }
}

/** The fields of `change` as they are in `settings`. */
function pick(settings: MentorSettings, change: SettingsChange): Partial<MentorSettings> {
  return {
    ...(change.acceptingMentees !== undefined ? { acceptingMentees: settings.acceptingMentees } : {}),
    ...(change.capacity !== undefined ? { capacity: settings.capacity } : {}),
    ...(change.awayUntil !== undefined ? { awayUntil: settings.awayUntil } : {}),
  };
}
