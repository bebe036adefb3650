import { msg, str } from '@lit/localize';
import type { MentorApplication, MentorApplicationInput } from '@mentorkit/contract';
import { ApiError, type MentorkitClient, type RequestOptions } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { issuesByField } from '../shared/field-issues.js';

/** The application form's fields as typed (numbers stay text until sent). */
export interface ApplicationDraft {
  expertise: string[];
  years: string;
  statement: string;
  /** One link per line. */
  links: string;
}

export type ApplicationField = 'expertise' | 'yearsOfExperience' | 'statement' | 'links';

/** The contract's limits, repeated for hints and counters; the API still decides. */
export const APPLICATION_LIMITS = { expertise: 30, statementMin: 50, statementMax: 4000, links: 5, yearsMax: 70 } as const;

const emptyDraft = (): ApplicationDraft => ({ expertise: [], years: '', statement: '', links: '' });

const draftFrom = (a: MentorApplication): ApplicationDraft => ({
  expertise: [...a.expertise],
  years: String(a.yearsOfExperience),
  statement: a.statement,
  links: a.links.join('\n'),
});

/** The viewer's latest application; null when they never applied (an answer, not an error). */
export async function myApplication(client: MentorkitClient, o?: RequestOptions): Promise<MentorApplication | null> {
  return (await client.mentorApplications.mine(o)).application;
}

const sameTag = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * A non-mentor's side of the dashboard: their latest application (or none), and the form that
 * submits a new one or resubmits one that needs changes. Field problems come from the API's
 * validation issues and are kept per field, in words, to show beside each field.
 */
export class MentorApplicationModel {
  readonly #host: ReactiveControllerHost;
  readonly #client: MentorkitClient;
  readonly #reload: () => void;

  /** The latest application; null when the viewer never applied. */
  application: MentorApplication | null;
  draft: ApplicationDraft;
  /** Text typed into the expertise box but not yet added as a chip. */
  pendingTag = '';
  /** After a rejection the form shows only once the viewer chooses to apply again. */
  applyingAgain = false;
  issues = new Map<ApplicationField, string>();
  /** A failure that is not about one field (network, a conflict). */
  formError: string | undefined = undefined;
  submitting = false;
  /** One key per attempt, so a retried submit after a lost answer never files twice. */
  #idempotencyKey = crypto.randomUUID();

  constructor(host: ReactiveControllerHost, client: MentorkitClient, application: MentorApplication | null, reload: () => void) {
    this.#host = host;
    this.#client = client;
    this.#reload = reload;
    this.application = application;
    this.draft = application?.status === 'changes_requested' ? draftFrom(application) : emptyDraft();
  }

  /** Whether the form is shown (else only the application's status). */
  get formShown(): boolean {
    const status = this.application?.status;
    return status === undefined || status === 'changes_requested' || (status === 'rejected' && this.applyingAgain);
  }

  get resubmitting(): boolean {
    return this.application?.status === 'changes_requested';
  }

  applyAgain(): void {
    this.applyingAgain = true;
    // Start from what they sent last time: usually only part of it needs to change.
    if (this.application) this.draft = draftFrom(this.application);
    this.#idempotencyKey = crypto.randomUUID();
    this.#host.requestUpdate();
  }

  edit(patch: Partial<ApplicationDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.#host.requestUpdate();
  }

  setPendingTag(text: string): void {
    this.pendingTag = text;
  }

  /** Adds the typed tag (trimmed, once, case-insensitively); returns a reason when it cannot. */
  addTag(text: string = this.pendingTag): string | undefined {
    const tag = text.trim();
    if (!tag) return undefined;
    if (this.draft.expertise.some((t) => sameTag(t, tag))) {
      this.pendingTag = '';
      this.#host.requestUpdate();
      return `${tag} is already in your list.`;
    }
    if (this.draft.expertise.length >= APPLICATION_LIMITS.expertise) return msg(str`You can list up to ${APPLICATION_LIMITS.expertise} areas.`);
    this.pendingTag = '';
    this.issues.delete('expertise');
    this.edit({ expertise: [...this.draft.expertise, tag] });
    return undefined;
  }

  removeTag(tag: string): void {
    this.edit({ expertise: this.draft.expertise.filter((t) => t !== tag) });
  }

  toInput(): MentorApplicationInput {
    const years = this.draft.years.trim();
    return {
      expertise: this.draft.expertise,
      // An empty or non-numeric box is NaN, which JSON sends as null: the API then says what it needs.
      yearsOfExperience: years === '' ? Number.NaN : Number(years),
      statement: this.draft.statement,
      links: this.draft.links.split('\n').map((l) => l.trim()).filter(Boolean),
    };
  }

  /** Sends the form; on refusal `issues`/`formError` say why and the form stays as typed. */
  async submit(): Promise<MentorApplication | undefined> {
    if (this.submitting) return undefined;
    // A tag typed but not yet added is surely meant to be part of the application.
    this.addTag();
    const resubmitting = this.resubmitting;
    this.submitting = true;
    this.formError = undefined;
    this.#host.requestUpdate();
    try {
      const input = this.toInput();
      const application = resubmitting
        ? await this.#client.mentorApplications.resubmit(input)
        : await this.#client.mentorApplications.submit(input, { idempotencyKey: this.#idempotencyKey });
      this.application = application;
      this.applyingAgain = false;
      this.issues = new Map();
      this.#idempotencyKey = crypto.randomUUID();
      return application;
    } catch (error) {
      this.issues = issuesByField(error, { links: msg('Link'), expertise: msg('Area') }) as Map<ApplicationField, string>;
      if (!this.issues.size) this.formError = applicationFailure(error);
      // Decided or sent elsewhere meanwhile (another tab, an admin): show its real state.
      if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'invalid_transition')) this.#reload();
      return undefined;
    } finally {
      this.submitting = false;
      this.#host.requestUpdate();
    }
  }
}

function applicationFailure(error: unknown): string {
  if (error instanceof ApiError && error.code === 'conflict') return msg('You already have an application in progress, so this one was not sent.');
  if (error instanceof ApiError && error.code === 'invalid_transition') return msg('Your application is no longer waiting for changes, so it was not resubmitted.');
  return `${msg('Your application could not be sent.')} ${describeError(error)}`;
}
