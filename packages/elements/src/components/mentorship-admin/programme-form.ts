import { msg, str } from '@lit/localize';
import type { MilestoneTemplate, Programme, ProgrammeInput, ProgrammePatch } from '@mentorkit/contract';
import { programmeMatchingModes, type ProgrammeMatchingMode } from '@mentorkit/contract/values';
import { ApiError } from '@mentorkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { issuesByField } from '../shared/field-issues.js';
import { matchingHint, matchingLabel } from './programme-format.js';
import { templateOptions } from '../mentorship-workspace/workspace-labels.js';

/** The form's fields as typed: dates as `YYYY-MM-DD` or empty, the cap as text until sent. */
export interface ProgrammeDraft {
  name: string;
  description: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  enrolmentClosesOn: string;
  matching: ProgrammeMatchingMode;
  milestoneTemplate: MilestoneTemplate | '';
  maxMenteesPerMentor: string;
}

export type ProgrammeField = keyof ProgrammeDraft;

/** In the form's order: the first one with a problem takes focus. */
export const programmeFields: readonly ProgrammeField[] = [
  'name', 'description', 'startsOn', 'endsOn', 'enrolmentClosesOn', 'matching', 'milestoneTemplate', 'maxMenteesPerMentor', 'slug',
];

/** The contract's limits, repeated for hints and counters; the API still decides. */
export const PROGRAMME_LIMITS = { nameMax: 120, descriptionMax: 4000, slugMax: 80, menteesMin: 1, menteesMax: 20 } as const;

export interface ProgrammeFormState {
  /** The programme being edited; undefined when creating one. */
  programme: Programme | undefined;
  draft: ProgrammeDraft;
  issues: Map<ProgrammeField, string>;
  /** A refusal that is not about one field (network, a conflict, the server). */
  error: string | undefined;
  busy: boolean;
  /** On edit the address shows as text until the admin chooses to change it. */
  editingSlug: boolean;
}

export function draftFrom(p?: Programme): ProgrammeDraft {
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    slug: p?.slug ?? '',
    startsOn: p?.startsOn ?? '',
    endsOn: p?.endsOn ?? '',
    enrolmentClosesOn: p?.enrolmentClosesOn ?? '',
    matching: p?.matching ?? 'mentee_choice',
    milestoneTemplate: p?.milestoneTemplate ?? '',
    maxMenteesPerMentor: p?.maxMenteesPerMentor == null ? '' : String(p.maxMenteesPerMentor),
  };
}

export const newFormState = (programme?: Programme): ProgrammeFormState => ({
  programme,
  draft: draftFrom(programme),
  issues: new Map(),
  error: undefined,
  busy: false,
  editingSlug: false,
});

/** An empty box is "none"; anything else goes as a number (the API says what is wrong with it). */
const cap = (text: string) => (text.trim() === '' ? null : Number(text));

/** The draft as `POST /admin/programmes` takes it; an empty address is left to the server to make. */
export function toInput(d: ProgrammeDraft): ProgrammeInput {
  const slug = d.slug.trim();
  return {
    name: d.name,
    description: d.description,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    enrolmentClosesOn: d.enrolmentClosesOn || null,
    matching: d.matching,
    milestoneTemplate: d.milestoneTemplate || null,
    maxMenteesPerMentor: cap(d.maxMenteesPerMentor),
    ...(slug ? { slug } : {}),
  };
}

/** Only what changed, so an unchanged address is never checked against itself. */
export function toPatch(d: ProgrammeDraft, p: Programme): ProgrammePatch {
  const next = toInput(d);
  const patch: ProgrammePatch = {};
  if (next.name !== p.name) patch.name = next.name;
  if (next.description !== p.description) patch.description = next.description;
  if (next.startsOn !== p.startsOn) patch.startsOn = next.startsOn;
  if (next.endsOn !== p.endsOn) patch.endsOn = next.endsOn;
  if ((next.enrolmentClosesOn ?? null) !== p.enrolmentClosesOn) patch.enrolmentClosesOn = next.enrolmentClosesOn ?? null;
  if (next.matching !== p.matching) patch.matching = next.matching;
  if ((next.milestoneTemplate ?? null) !== p.milestoneTemplate) patch.milestoneTemplate = next.milestoneTemplate ?? null;
  if ((next.maxMenteesPerMentor ?? null) !== p.maxMenteesPerMentor) patch.maxMenteesPerMentor = next.maxMenteesPerMentor ?? null;
  if (d.slug.trim() !== p.slug) patch.slug = d.slug.trim();
  return patch;
}

/** The server's refusal as messages beside the fields, or one message for the whole form. */
export function refusalOf(error: unknown): { issues: Map<ProgrammeField, string>; error: string | undefined } {
  if (error instanceof ApiError && error.code === 'slug_taken') {
    return { issues: new Map([['slug', msg('Another programme already uses this address. Choose another one.')]]), error: undefined };
  }
  const issues = issuesByField(error) as Map<ProgrammeField, string>;
  for (const field of issues.keys()) if (!programmeFields.includes(field)) issues.delete(field);
  if (issues.size) return { issues, error: undefined };
  return { issues, error: `${msg('The programme was not saved.')} ${describeError(error)}` };
}

export interface ProgrammeFormHandlers {
  edit: (patch: Partial<ProgrammeDraft>) => void;
  editSlug: () => void;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

const errorId = (field: ProgrammeField) => `programme-${field}-error`;
export const fieldId = (field: ProgrammeField) => `programme-${field}`;

function fieldError(state: ProgrammeFormState, field: ProgrammeField): TemplateResult | typeof nothing {
  const message = state.issues.get(field);
  return message ? html`<p id=${errorId(field)} part="field-error" class="field-error">${message}</p>` : nothing;
}
const describedBy = (state: ProgrammeFormState, field: ProgrammeField, ...hints: string[]) =>
  [...hints, ...(state.issues.has(field) ? [errorId(field)] : [])].join(' ') || nothing;
const invalid = (state: ProgrammeFormState, field: ProgrammeField) => (state.issues.has(field) ? 'true' : 'false');
const optional = () => html` <span class="muted">${msg('(optional)')}</span>`;

function dateField(state: ProgrammeFormState, handlers: ProgrammeFormHandlers, field: 'startsOn' | 'endsOn' | 'enrolmentClosesOn', label: string, hint?: string) {
  const d = state.draft;
  const min = field === 'endsOn' ? d.startsOn : undefined;
  const max = field === 'enrolmentClosesOn' ? d.endsOn : undefined;
  const hintId = hint ? `${fieldId(field)}-hint` : undefined;
  return html`<div class="field">
    <label for=${fieldId(field)}>${label}${field === 'enrolmentClosesOn' ? optional() : nothing}</label>
    <input id=${fieldId(field)} type="date" .value=${live(d[field])} min=${min || nothing} max=${max || nothing}
      aria-invalid=${invalid(state, field)} aria-describedby=${describedBy(state, field, ...(hintId ? [hintId] : []))}
      @input=${(e: InputEvent) => handlers.edit({ [field]: (e.target as HTMLInputElement).value })} />
    ${hint ? html`<p id=${hintId} class="hint">${hint}</p>` : nothing}
    ${fieldError(state, field)}
  </div>`;
}

function slugField(state: ProgrammeFormState, handlers: ProgrammeFormHandlers): TemplateResult {
  const d = state.draft;
  const editing = state.programme !== undefined;
  if (editing && !state.editingSlug && !state.issues.has('slug')) {
    return html`<div class="field">
      <p class="field-label">${msg('Address')}</p>
      <p class="slug-line">
        <code part="slug">${state.programme!.slug}</code>
        <button part="button" class="button button--link" type="button" id="programme-slug-change" @click=${handlers.editSlug}>${msg('Change address')}</button>
      </p>
      <p class="hint">${msg('Links to the programme’s page use it; changing it breaks links already shared.')}</p>
    </div>`;
  }
  return html`<div class="field">
    <label for=${fieldId('slug')}>${msg('Address')}${editing ? nothing : optional()}</label>
    <input id=${fieldId('slug')} type="text" autocomplete="off" spellcheck="false" maxlength=${PROGRAMME_LIMITS.slugMax} .value=${live(d.slug)}
      aria-invalid=${invalid(state, 'slug')} aria-describedby=${describedBy(state, 'slug', 'programme-slug-hint')}
      @input=${(e: InputEvent) => handlers.edit({ slug: (e.target as HTMLInputElement).value })} />
    <p id="programme-slug-hint" class="hint">
      ${editing
        ? msg('Lower-case letters, digits and single hyphens. Links already shared stop working when it changes.')
        : msg('Lower-case letters, digits and single hyphens, used in links to the programme. Left empty, it is made from the name.')}
    </p>
    ${fieldError(state, 'slug')}
  </div>`;
}

/** The create and edit form of a programme, the content of its modal dialog. */
export function programmeForm(state: ProgrammeFormState, handlers: ProgrammeFormHandlers, level: number): TemplateResult {
  const d = state.draft;
  const editing = state.programme !== undefined;
  const title = editing ? msg(str`Edit ${state.programme!.name}`) : msg('New programme');
  return html`
    <form class="dialog-panel programme-form" novalidate aria-labelledby="programme-form-title" aria-busy=${state.busy ? 'true' : 'false'} @submit=${handlers.submit}>
      ${heading(level, title, { class: 'dialog-title', id: 'programme-form-title' })}
      <div class="field">
        <label for=${fieldId('name')}>${msg('Name')}</label>
        <input id=${fieldId('name')} type="text" autocomplete="off" autofocus maxlength=${PROGRAMME_LIMITS.nameMax} .value=${live(d.name)}
          aria-invalid=${invalid(state, 'name')} aria-describedby=${describedBy(state, 'name')}
          @input=${(e: InputEvent) => handlers.edit({ name: (e.target as HTMLInputElement).value })} />
        ${fieldError(state, 'name')}
      </div>
      <div class="field">
        <label for=${fieldId('description')}>${msg('Description')}${optional()}</label>
        <textarea id=${fieldId('description')} rows="3" maxlength=${PROGRAMME_LIMITS.descriptionMax} .value=${live(d.description)}
          aria-invalid=${invalid(state, 'description')} aria-describedby=${describedBy(state, 'description', 'programme-description-count')}
          @input=${(e: InputEvent) => handlers.edit({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
        <p id="programme-description-count" class="hint">${msg(str`${n(d.description.length)} of ${n(PROGRAMME_LIMITS.descriptionMax)} characters.`)}</p>
        ${fieldError(state, 'description')}
      </div>
      <div class="form-row">
        ${dateField(state, handlers, 'startsOn', msg('Starts on'))}
        ${dateField(state, handlers, 'endsOn', msg('Ends on'))}
      </div>
      ${dateField(state, handlers, 'enrolmentClosesOn', msg('Enrolment closes on'), msg('The last day people can enrol. Left empty, enrolment stays open until the end date.'))}
      <fieldset class="field choices" aria-describedby=${describedBy(state, 'matching')}>
        <legend class="field-label">${msg('Matching')}</legend>
        ${programmeMatchingModes.map(
          (mode) => html`<label class="choice">
            <input type="radio" name="programme-matching" value=${mode} .checked=${live(d.matching === mode)} id=${mode === d.matching ? fieldId('matching') : nothing}
              aria-describedby="programme-matching-${mode}-hint" @change=${() => handlers.edit({ matching: mode })} />
            <span class="choice-text">
              <span class="choice-label">${matchingLabel(mode)}</span>
              <span class="hint" id="programme-matching-${mode}-hint">${matchingHint(mode)}</span>
            </span>
          </label>`,
        )}
        ${fieldError(state, 'matching')}
      </fieldset>
      <div class="form-row">
        <div class="field">
          <label for=${fieldId('milestoneTemplate')}>${msg('Milestone template')}${optional()}</label>
          <select id=${fieldId('milestoneTemplate')} aria-invalid=${invalid(state, 'milestoneTemplate')}
            aria-describedby=${describedBy(state, 'milestoneTemplate', 'programme-milestoneTemplate-hint')}
            @change=${(e: Event) => handlers.edit({ milestoneTemplate: (e.target as HTMLSelectElement).value as MilestoneTemplate | '' })}>
            <option value="" ?selected=${d.milestoneTemplate === ''}>${msg('None')}</option>
            ${(Object.keys(templateOptions) as MilestoneTemplate[]).map(
              (t) => html`<option value=${t} ?selected=${d.milestoneTemplate === t}>${templateOptions[t].label}</option>`,
            )}
          </select>
          <p id="programme-milestoneTemplate-hint" class="hint">
            ${d.milestoneTemplate ? templateOptions[d.milestoneTemplate].summary : msg('Every mentorship of the programme starts with these milestones.')}
          </p>
          ${fieldError(state, 'milestoneTemplate')}
        </div>
        <div class="field">
          <label for=${fieldId('maxMenteesPerMentor')}>${msg('Mentees per mentor')}${optional()}</label>
          <input id=${fieldId('maxMenteesPerMentor')} type="number" inputmode="numeric" min=${PROGRAMME_LIMITS.menteesMin} max=${PROGRAMME_LIMITS.menteesMax} step="1"
            .value=${live(d.maxMenteesPerMentor)} aria-invalid=${invalid(state, 'maxMenteesPerMentor')}
            aria-describedby=${describedBy(state, 'maxMenteesPerMentor', 'programme-maxMenteesPerMentor-hint')}
            @input=${(e: InputEvent) => handlers.edit({ maxMenteesPerMentor: (e.target as HTMLInputElement).value })} />
          <p id="programme-maxMenteesPerMentor-hint" class="hint">
            ${msg(str`At most this many of the programme’s mentees per mentor, ${n(PROGRAMME_LIMITS.menteesMin)}–${n(PROGRAMME_LIMITS.menteesMax)}. Left empty, each mentor’s free slots decide.`)}
          </p>
          ${fieldError(state, 'maxMenteesPerMentor')}
        </div>
      </div>
      ${slugField(state, handlers)}
      ${state.error ? html`<div part="error" class="notice notice--error" role="alert"><p>${state.error}</p></div>` : nothing}
      <div class="dialog-foot">
        <button class="button" part="button cancel-button" type="button" @click=${handlers.cancel}>${msg('Cancel')}</button>
        <button class="button button--primary" part="button confirm-button" type="submit" aria-disabled=${state.busy ? 'true' : 'false'}>
          ${state.busy ? (editing ? msg('Saving…') : msg('Creating…')) : editing ? msg('Save changes') : msg('Create programme')}
        </button>
      </div>
    </form>
  `;
}
