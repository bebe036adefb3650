import type { Me, MentorApplication } from '@mentorkit/contract';
import { ApiError, type MentorkitClient, type RequestOptions } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { MentorApplicationModel } from './mentor-application.model.js';
import { MentorWorkload, upcomingAsMentor, type WorkloadData } from './mentor-workload.model.js';

export type MentorDashboardMode = 'idle' | 'loading' | 'error' | 'mentor' | 'applicant';

type Loaded =
  | { kind: 'mentor'; me: Me; data: WorkloadData }
  | { kind: 'applicant'; me: Me; application: MentorApplication | null };

async function latestApplication(client: MentorkitClient, o: RequestOptions): Promise<MentorApplication | null> {
  try {
    return await client.mentorApplications.mine(o);
  } catch (error) {
    // Never applied: the API answers 404, which here just means "no application yet".
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

async function load(client: MentorkitClient, o: RequestOptions): Promise<Loaded> {
  const me = await client.me.get(o);
  if (!me.mentor) return { kind: 'applicant', me, application: await latestApplication(client, o) };
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
        this.application = loaded.kind === 'applicant' ? new MentorApplicationModel(this.#host, client, loaded.application, reload) : undefined;
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

  retry(): Promise<void> {
    return this.#resource.retry();
  }

  reload(): Promise<void> {
    return this.#resource.run();
  }
}
