import { msg, str } from '@lit/localize';
import type { MentorCard, MentorshipRequest, ProgrammeRef } from '@mentorkit/contract';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { newIdempotencyKey } from './request-format.js';

/** The limits of `mentorshipRequestInput` in the contract, checked here before anything is sent. */
export const GOALS_MIN = 20;
export const GOALS_MAX = 2000;
export const MESSAGE_MAX = 2000;
export const SKILLS_MAX = 10;
export const SKILL_MAX_LENGTH = 60;

/** The request's fields, named as the API names them (server issues come back with these paths). */
export type RequestField = 'goals' | 'skillsSeeking' | 'message';
const fields: readonly RequestField[] = ['goals', 'skillsSeeking', 'message'];

/**
 * - `closed`: no dialog.
 * - `editing`: the form (also after a failed send: the text is kept).
 * - `sending`: the request is on its way; a second send is ignored.
 * - `sent`: the server created the request (`request`).
 */
export type RequestFormStatus = 'closed' | 'editing' | 'sending' | 'sent';

/** What a send came to: `invalid` stopped before the network, `failed` is the server's or network's refusal. */
export type SendOutcome = 'sent' | 'invalid' | 'failed' | 'ignored';

export interface RequestFormOptions {
  client: () => MentorkitClient | undefined;
  /** The server created the request; called even if the dialog was closed while it was on its way. */
  onSent?: (request: MentorshipRequest, mentor: MentorCard) => void;
  /** A send failed (the form stays as typed). */
  onFailed?: (error: unknown, mentor: MentorCard) => void;
}

const sameText = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Up to `SKILLS_MAX` of the viewer's profile skills; when there are more, those the mentor lists
 * as expertise come first.
 */
export function prefillSkills(profileSkills: readonly string[], expertise: readonly string[]): string[] {
  const unique = profileSkills.filter((s, i) => s.trim() && profileSkills.findIndex((t) => sameText(t, s)) === i);
  if (unique.length <= SKILLS_MAX) return unique;
  const shared = (s: string) => expertise.some((e) => sameText(e, s));
  return [...unique.filter(shared), ...unique.filter((s) => !shared(s))].slice(0, SKILLS_MAX);
}

/**
 * The headless "request mentorship" form: the draft (goals, skills sought, message), its
 * validation against the contract's limits, the viewer's profile skills as a first guess, and the
 * send itself with one `Idempotency-Key` per opening, so a retried send never creates twice.
 * A failed send keeps everything as typed and maps the server's field issues to the fields.
 */
export class RequestFormController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RequestFormOptions;

  status: RequestFormStatus = 'closed';
  /** The mentor being asked (kept through `sent`). */
  mentor: MentorCard | undefined = undefined;
  /** The programme the request is made in (a search limited to one); undefined in the open marketplace. */
  programme: Pick<ProgrammeRef, 'id' | 'name'> | undefined = undefined;
  goals = '';
  message = '';
  skills: string[] = [];
  /** The text in the "add a skill" field, not yet a chip. */
  skillDraft = '';
  /** Feedback on the last attempt to add a skill (a duplicate, too long, the list is full). */
  skillNote: string | undefined = undefined;
  /** The viewer's profile skills are still loading. */
  skillsLoading = false;
  /** Sent as `Idempotency-Key`: the same for every send of one opening. */
  idempotencyKey = '';
  /** The created request, once `sent`. */
  request: MentorshipRequest | undefined = undefined;
  /** Why the last send failed; cleared by the next send. */
  error: unknown = undefined;

  #serverIssues = new Map<RequestField, string>();
  /** Fields whose own problems are shown: left after typing, or a send was tried. */
  #checked = new Set<RequestField>();
  #skillsEdited = false;
  /** Bumped on every open and close, so answers for an earlier opening change nothing here. */
  #session = 0;

  constructor(host: ReactiveControllerHost, options: RequestFormOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** A dialog removed from the page closes without a `close` event: forget its draft too. */
  hostDisconnected(): void {
    this.close();
  }

  get isOpen(): boolean {
    return this.status !== 'closed';
  }

  /** Starts a fresh draft for `mentor` (in `programme`, if given) with a new idempotency key, and prefills the skills. */
  open(mentor: MentorCard, programme?: Pick<ProgrammeRef, 'id' | 'name'>): void {
    this.#session++;
    this.status = 'editing';
    this.mentor = mentor;
    this.programme = programme;
    this.goals = '';
    this.message = '';
    this.skills = [];
    this.skillDraft = '';
    this.skillNote = undefined;
    this.request = undefined;
    this.error = undefined;
    this.idempotencyKey = newIdempotencyKey();
    this.#serverIssues.clear();
    this.#checked.clear();
    this.#skillsEdited = false;
    void this.#prefill(this.#session, mentor);
    this.#host.requestUpdate();
  }

  /** Forgets the draft. A send already on its way still completes (and still reports through `onSent`). */
  close(): void {
    if (this.status === 'closed') return;
    this.#session++;
    this.status = 'closed';
    this.skillsLoading = false;
    this.#host.requestUpdate();
  }

  async #prefill(session: number, mentor: MentorCard): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    this.skillsLoading = true;
    try {
      const me = await client.me.get();
      if (session !== this.#session || this.#skillsEdited) return;
      this.skills = prefillSkills(me.profile.skills, mentor.expertise);
    } catch {
      // Without the profile the viewer simply adds skills by hand.
    } finally {
      if (session === this.#session) {
        this.skillsLoading = false;
        this.#host.requestUpdate();
      }
    }
  }

  setGoals(value: string): void {
    this.goals = value;
    this.#serverIssues.delete('goals');
    this.#host.requestUpdate();
  }

  setMessage(value: string): void {
    this.message = value;
    this.#serverIssues.delete('message');
    this.#host.requestUpdate();
  }

  setSkillDraft(value: string): void {
    this.skillDraft = value;
    this.skillNote = undefined;
    this.#host.requestUpdate();
  }

  /** The viewer left a field: from now on its problems show (not before anything was typed). */
  check(field: RequestField): void {
    const typed = field === 'goals' ? this.goals : field === 'message' ? this.message : '';
    if (!typed.trim() || this.#checked.has(field)) return;
    this.#checked.add(field);
    this.#host.requestUpdate();
  }

  /** Turns the draft into a chip. Returns the skill added, or undefined with `skillNote` saying why not. */
  addSkill(): string | undefined {
    const value = this.skillDraft.trim().replace(/\s+/g, ' ');
    this.skillNote = undefined;
    if (!value) {
      this.#host.requestUpdate();
      return undefined;
    }
    if (value.length > SKILL_MAX_LENGTH) this.skillNote = msg(str`Keep each skill to ${SKILL_MAX_LENGTH} characters or fewer.`);
    else if (this.skills.some((s) => sameText(s, value))) this.skillNote = msg(str`“${value}” is already in your list.`);
    else if (this.skills.length >= SKILLS_MAX) this.skillNote = msg(str`You can list up to ${SKILLS_MAX} skills — remove one to add “${value}”.`);
    if (this.skillNote) {
      this.#host.requestUpdate();
      return undefined;
    }
    this.skills = [...this.skills, value];
    this.skillDraft = '';
    this.#skillsEdited = true;
    this.#serverIssues.delete('skillsSeeking');
    this.#host.requestUpdate();
    return value;
  }

  removeSkill(skill: string): void {
    this.skills = this.skills.filter((s) => s !== skill);
    this.skillNote = undefined;
    this.#skillsEdited = true;
    this.#serverIssues.delete('skillsSeeking');
    this.#host.requestUpdate();
  }

  /** A problem with a field's value by the contract's rules, whether or not it is shown yet. */
  problem(field: RequestField): string | undefined {
    if (field === 'goals') {
      const used = this.goals.trim().length;
      if (used === 0) return msg(str`Say what you would like help with, in at least ${GOALS_MIN} characters.`);
      if (used < GOALS_MIN) return msg(str`Please write at least ${GOALS_MIN} characters (${GOALS_MIN - used} more).`);
      if (used > GOALS_MAX) return msg(str`Please shorten this to ${n(GOALS_MAX)} characters (${n(used - GOALS_MAX)} too many).`);
    }
    if (field === 'message') {
      const used = this.message.trim().length;
      if (used > MESSAGE_MAX) return msg(str`Please shorten this to ${n(MESSAGE_MAX)} characters (${n(used - MESSAGE_MAX)} too many).`);
    }
    if (field === 'skillsSeeking' && this.skills.length > SKILLS_MAX) return msg(str`List at most ${SKILLS_MAX} skills.`);
    return undefined;
  }

  /** What to show beside a field: the server's issue with it, or its own problem once it is checked. */
  errorFor(field: RequestField): string | undefined {
    return this.#serverIssues.get(field) ?? (this.#checked.has(field) ? this.problem(field) : undefined);
  }

  /** The first field with something to fix, in form order. */
  get firstInvalid(): RequestField | 'skillDraft' | undefined {
    if (this.errorFor('goals')) return 'goals';
    if (this.skillNote) return 'skillDraft';
    if (this.errorFor('skillsSeeking')) return 'skillsSeeking';
    if (this.errorFor('message')) return 'message';
    return undefined;
  }

  /**
   * Sends the request. A skill typed but not yet added goes with it (unless it is already listed, or
   * cannot be added: then nothing is sent and `skillNote` says why). Invalid drafts stop here with
   * every problem shown; a refused send keeps the draft and the key (a retry cannot create twice).
   */
  async submit(): Promise<SendOutcome> {
    const mentor = this.mentor;
    const client = this.#options.client();
    if (this.status !== 'editing' || !mentor || !client) return 'ignored';
    for (const f of fields) this.#checked.add(f);
    const draft = this.skillDraft.trim();
    if (draft && this.skills.some((s) => sameText(s, draft))) {
      // Already listed: nothing is lost by dropping the copy.
      this.skillDraft = '';
      this.skillNote = undefined;
    } else if (draft) {
      this.addSkill();
    }
    if (this.skillNote || fields.some((f) => this.problem(f))) {
      this.#host.requestUpdate();
      return 'invalid';
    }
    const session = this.#session;
    this.status = 'sending';
    this.error = undefined;
    this.#serverIssues.clear();
    this.#host.requestUpdate();
    try {
      const request = await client.requests.create(
        {
          mentorId: mentor.id,
          goals: this.goals.trim(),
          skillsSeeking: [...this.skills],
          message: this.message.trim(),
          ...(this.programme ? { programmeId: this.programme.id } : {}),
        },
        { idempotencyKey: this.idempotencyKey },
      );
      if (session === this.#session) {
        this.status = 'sent';
        this.request = request;
      }
      this.#options.onSent?.(request, mentor);
      this.#host.requestUpdate();
      return 'sent';
    } catch (error) {
      if (session === this.#session) {
        this.status = 'editing';
        this.error = error;
        if (error instanceof ApiError) {
          for (const issue of error.issues) {
            const field = fields.find((f) => f === issue.path[0]);
            if (field && !this.#serverIssues.has(field)) this.#serverIssues.set(field, issue.message);
          }
        }
      }
      this.#options.onFailed?.(error, mentor);
      this.#host.requestUpdate();
      return 'failed';
    }
  }
}
