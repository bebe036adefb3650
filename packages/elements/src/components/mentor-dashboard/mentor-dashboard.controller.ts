import type { Me, MentorApplication } from '@mentorkit/contract';
import type { MentorkitClient, RequestOptions } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import type { MentorApplicationModel } from './mentor-application.model.js';
import { MentorWorkload, upcomingAsMentor, type WorkloadData } from './mentor-workload.model.js';

export type MentorDashboardMode = 'idle' | 'loading' | 'error' | 'mentor' | 'applicant';

/** The application model and view, loaded only for viewers who are not mentors. */
export type ApplicantKit = typeof import('./mentor-application.kit.js');

type Loaded =
  | { kind: 'mentor'; me: Me; data: WorkloadData }
  | { kind: 'applicant'; me: Me; kit: ApplicantKit; application: MentorApplication | null };

async function load(client: MentorkitClient, o: RequestOptions): Promise<Loaded> {
  const me = await client.me.get(o);
  if (!me.mentor) {
    const kit = await import('./mentor-application.kit.js');
    return { kind: 'applicant', me, kit, application: await kit.myApplication(client, o) };
  }
  const [waiting, mentorships, notifications, meetings] = await Promise.all([
    client.requests.list({ role: 'mentor', status: 'pending', limit: 100 }, o),
    client.mentorships.list({ role: 'mentor', limit: 100 }, o),
    client.notifications.list({ limit: 1 }, o),
    client.meetings.list({ limit: 100 }, o),
  ]);
  return {
    kind: 'mentor',
    me,
    data: {
      mentorId: me.user.id,
      settings: me.mentor,
      waiting: waiting.items,
      mentees: mentorships.items,
      unreadNotifications: notifications.unreadCount,
      upcomingMeetings: upcomingAsMentor(meetings.items, me.user.id),
    },
  };
}

/**
 * Loads who the viewer is and, from that, either their mentor workload (settings, waiting
 * requests, mentees, unread notifications) or their mentor application. `workload` and
 * `application` are rebuilt from each load; their actions keep them current in between.
 */
export class MentorDashboardController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  readonly #resource: ResourceController<Loaded, [MentorkitClient]>;
  #loadedFor: MentorkitClient | undefined;

  me: Me | undefined = undefined;
  workload: MentorWorkload | undefined = undefined;
  application: MentorApplicationModel | undefined = undefined;
  /** The application's view, with `application` (loaded only for non-mentors). */
  applicationKit: ApplicantKit | undefined = undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    const reload = () => void this.reload();
    this.#resource = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        return client ? [client] : undefined;
      },
      task: ([client], { signal }) => load(client, { signal }),
      onComplete: (loaded, [client]) => {
        this.#loadedFor = client;
        this.me = loaded.me;
        this.workload = loaded.kind === 'mentor' ? new MentorWorkload(this.#host, client, loaded.data, reload) : undefined;
        this.applicationKit = loaded.kind === 'applicant' ? loaded.kit : undefined;
        this.application = loaded.kind === 'applicant' ? new loaded.kit.MentorApplicationModel(this.#host, client, loaded.application, reload) : undefined;
      },
    });
  }

  get mode(): MentorDashboardMode {
    const status = this.#resource.status;
    if (status === 'initial') return this.#client() ? 'loading' : 'idle';
    if (status === 'error') return 'error';
    // A reload for the same viewer keeps what is shown; a new viewer sees skeletons.
    if (status === 'pending' && this.#loadedFor !== this.#client()) return 'loading';
    if (this.workload) return 'mentor';
    return this.application ? 'applicant' : 'loading';
  }

  get error(): unknown {
    return this.#resource.error;
  }

  /** The client whose data is shown (a new viewer's client differs until their data arrives). */
  get loadedFor(): MentorkitClient | undefined {
    return this.#loadedFor;
  }

  retry(): Promise<void> {
    return this.#resource.retry();
  }

  reload(): Promise<void> {
    return this.#resource.run();
  }
}
