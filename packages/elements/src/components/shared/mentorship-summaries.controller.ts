import type { Meeting, Milestone, Mentorship } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a compact mentorship card shows beyond the mentorship itself. */
export interface MentorshipSummary {
  /** 0–100, from milestones or the last progress note. */
  progressPercent: number;
  /** The first milestone not completed, in plan order. */
  nextMilestone: Milestone | null;
}

export interface SummariesSource {
  client: MentorkitClient;
  /** Open mentorships: progress and next milestone are loaded for each. */
  open: readonly Mentorship[];
  /** Completed mentorships: whether the viewer can still leave feedback (when `feedback` is on). */
  completed: readonly Mentorship[];
  /** The scheduled meetings, when the dashboard has them already (else they are asked for). */
  meetings?: readonly Meeting[];
}

const PROVISIONAL = /^provisional-/;

/**
 * The extras of the dashboards' compact cards, loaded after the lists (the cards show at once and
 * gain their lines when these arrive): progress and the next milestone of each open mentorship,
 * the next scheduled meeting per mentorship (one request for all, or the dashboard's own list), and which completed
 * mentorships still wait for the viewer's feedback. Loads again whenever the lists are replaced
 * (a load, a live refresh, an action) or `invalidate()` says so (a meeting changed).
 */
export class MentorshipSummariesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => SummariesSource | undefined;
  readonly #feedback: boolean;
  #last: SummariesSource | undefined;
  #run = 0;

  summaries = new Map<string, MentorshipSummary>();
  /** The next scheduled meeting by mentorship id. */
  nextMeetings = new Map<string, Meeting>();
  /** Completed mentorships whose feedback the viewer has not given yet. */
  feedbackDue = new Set<string>();

  constructor(host: ReactiveControllerHost, options: { source: () => SummariesSource | undefined; feedback?: boolean }) {
    this.#host = host;
    this.#source = options.source;
    this.#feedback = options.feedback ?? false;
    host.addController(this);
  }

  /** The soonest scheduled meeting over the given mentorships. */
  nextMeetingOf(mentorships: readonly Mentorship[]): Meeting | undefined {
    return mentorships
      .map((m) => this.nextMeetings.get(m.id))
      .filter((m): m is Meeting => m !== undefined)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  }

  hostUpdate(): void {
    const source = this.#source();
    if (!source) return;
    const last = this.#last;
    if (last && last.client === source.client && last.open === source.open && last.completed === source.completed && last.meetings === source.meetings) return;
    this.#last = source;
    void this.#load(source);
  }

  /** Loads everything again (e.g. a meeting was scheduled or moved). */
  invalidate(): void {
    this.#last = undefined;
    this.#host.requestUpdate();
  }

  async #load({ client, open, completed, meetings: known }: SummariesSource): Promise<void> {
    const run = ++this.#run;
    const real = open.filter((m) => !PROVISIONAL.test(m.id));
    const settle = <T>(p: Promise<T>) => p.then((value) => value, () => undefined);
    const [meetings, progress, feedback] = await Promise.all([
      known ? { items: known } : settle(client.meetings.list({ status: 'scheduled', limit: 100 })),
      Promise.all(real.map((m) => settle(client.mentorships.progress(m.id)))),
      this.#feedback ? Promise.all(completed.map((m) => settle(client.mentorships.feedbackStatus(m.id)))) : Promise.resolve([]),
    ]);
    if (run !== this.#run) return;

    const now = Date.now();
    const next = new Map<string, Meeting>();
    for (const meeting of meetings?.items ?? []) {
      if (meeting.status !== 'scheduled' || Date.parse(meeting.endsAt) < now) continue;
      const known = next.get(meeting.mentorshipId);
      if (!known || meeting.startsAt < known.startsAt) next.set(meeting.mentorshipId, meeting);
    }
    this.nextMeetings = next;

    const summaries = new Map<string, MentorshipSummary>();
    real.forEach((m, i) => {
      const p = progress[i];
      if (!p) return;
      const nextMilestone = [...p.milestones].sort((a, b) => a.position - b.position).find((ms) => ms.status !== 'completed') ?? null;
      summaries.set(m.id, { progressPercent: p.progressPercent, nextMilestone });
    });
    this.summaries = summaries;

    this.feedbackDue = new Set(completed.filter((_, i) => feedback[i]?.canLeaveFeedback).map((m) => m.id));
    this.#host.requestUpdate();
  }
}
