import { msg, str } from '@lit/localize';
import type { MilestoneTemplate } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { firstName } from '../../internal/format.js';
import { todayIso } from '../shared/relative-time.js';
import type { DialogState } from './workspace-actions.controller.js';
import { templateOptions } from './workspace-labels.js';
import { durationChoices, durationLabel, isoClockIn, isoDayIn, twoZoneLabel, wallTimeToIso, zoneCity } from './workspace-time.js';
import type { WorkspaceView } from './workspace-view.js';

/**
 * The content of the workspace's one modal dialog: a confirmation for the lifecycle and for
 * deleting, a form for everything that adds or changes something. Fields carry their own
 * problems (`aria-invalid`, a message beside them); a refusal from the server shows in words
 * above the buttons while what was typed stays.
 */
export function dialogContent(v: WorkspaceView, d: DialogState): TemplateResult {
  const { w, zone } = v;
  const first = firstName(w.other?.name ?? msg('the other person'));
  switch (d.kind) {
    case 'pause':
      return confirmPanel(v, msg('Pause this mentorship?'), msg(str`Meetings, the plan and notes stay as they are. ${first} will be told, and either of you can resume it at any time.`), msg('Pause mentorship'), msg('Keep active'), false);
    case 'resume':
      return confirmPanel(v, msg('Resume this mentorship?'), msg(str`It becomes active again and ${first} will be told.`), msg('Resume mentorship'), msg('Keep paused'), false);
    case 'complete':
      return confirmPanel(v, msg('Mark this mentorship as completed?'), msg(str`It ends for both of you and becomes read-only; upcoming meetings are cancelled. You and ${first} can then each leave feedback once.`), msg('Complete mentorship'), msg('Not yet'), false);
    case 'cancel':
      return formPanel(v, msg('Cancel this mentorship?'), msg(str`It ends for both of you and becomes read-only; ${first} will see your reason.`), reasonField(), msg('Cancel mentorship'), msg('Keep mentorship'), true);
    case 'schedule':
      return formPanel(v, msg('Schedule a meeting'), msg(str`${first} is told and can add it to their calendar.`), scheduleFields(v), msg('Schedule meeting'), msg('Not now'), false, { part: 'schedule-form', submitPart: 'schedule-button' });
    case 'milestone-add':
      return formPanel(v, msg('Add a milestone'), msg('It joins the end of the plan; you can move it afterwards.'), milestoneFields(v), msg('Add milestone'), msg('Not now'), false, { part: 'milestone-form' });
    case 'note-add':
      return formPanel(v, msg('Add a progress note'), msg('What you worked on, what you learned, what comes next. You both see it.'), noteFields(v), msg('Add note'), msg('Not now'), false, { part: 'note-form' });
    case 'timeline':
      return formPanel(v, w.mentorship?.targetEndDate ? msg('Change the target date') : msg('Set the target date'), msg('When you both aim to finish.'), timelineFields(v), msg('Save timeline'), msg('Not now'), false, { part: 'plan-form' });
    case 'meeting-cancel':
      return formPanel(v, msg(str`Cancel “${d.meeting.title}”?`), msg(str`${first} will be told, with your reason. Calendars that imported it show it as cancelled.`), reasonField(), msg('Cancel meeting'), msg('Keep meeting'), true);
    case 'meeting-complete':
      return formPanel(v, msg(str`Mark “${d.meeting.title}” as held`), msg('Write down what you talked about and what comes next; you both see the notes.'), html`
        <div class="field">
          <label for="dialog-notes">${msg('Meeting notes (required)')}</label>
          <textarea id="dialog-notes" name="notes" maxlength="8000" required autofocus></textarea>
        </div>`, msg('Save notes'), msg('Not now'), false);
    case 'meeting-reschedule': {
      const start = new Date(d.meeting.startsAt);
      const now = twoZoneLabel(start, zone, w.other?.timeZone).text;
      return formPanel(v, msg(str`Reschedule “${d.meeting.title}”`), msg(str`Now ${now}. ${first} will be told, and calendars that imported it update.`), html`
        <div class="form-grid">
          <div class="field">
            <label for="dialog-date">${msg('New date')}</label>
            <input id="dialog-date" name="date" type="date" required min=${todayIso()} .value=${isoDayIn(start, zone)} autofocus />
          </div>
          <div class="field">
            <label for="dialog-time">${msg(str`New start time (${zoneCity(zone)})`)}</label>
            <input id="dialog-time" name="time" type="time" required step="300" .value=${isoClockIn(start, zone)} />
          </div>
          <div class="field">
            <label for="dialog-duration">${msg('Duration')}</label>
            <select id="dialog-duration" name="duration">
              ${durationChoices.map((m) => html`<option value=${m} ?selected=${m === d.meeting.durationMinutes}>${durationLabel(m)}</option>`)}
            </select>
          </div>
        </div>`, msg('Reschedule meeting'), msg('Keep the time'), false);
    }
    case 'milestone-edit':
      return formPanel(v, msg(str`Edit “${d.milestone.title}”`), msg('Changes show for both of you.'), html`
        <div class="field">
          <label for="dialog-title-input">${msg('Title')}</label>
          <input id="dialog-title-input" name="title" maxlength="200" required .value=${d.milestone.title} autofocus />
        </div>
        <div class="field">
          <label for="dialog-due">${msg('Due date (optional)')}</label>
          <input id="dialog-due" name="dueDate" type="date" min=${w.mentorship!.startedAt.slice(0, 10)} .value=${d.milestone.dueDate ?? ''} />
        </div>
        <div class="field">
          <label for="dialog-description">${msg('Description (optional)')}</label>
          <textarea id="dialog-description" name="description" maxlength="4000" .value=${d.milestone.description}></textarea>
        </div>`, msg('Save milestone'), msg('Discard changes'), false);
    case 'milestone-delete':
      return confirmPanel(v, msg(str`Delete “${d.milestone.title}”?`), msg('It leaves the plan for both of you. This cannot be undone.'), msg('Delete milestone'), msg('Keep milestone'), true);
  }
}

const reasonField = () => html`
  <div class="field">
    <label for="dialog-reason">${msg('Reason (required)')}</label>
    <textarea id="dialog-reason" name="reason" maxlength="1000" required autofocus></textarea>
  </div>`;

/** A field's problem: its message (referenced by `aria-describedby`) and `aria-invalid`. */
function problems(v: WorkspaceView, prefix: string) {
  const errors = v.actions.fieldErrors;
  return {
    invalid: (name: string) => (errors.has(name) ? 'true' : 'false'),
    describedBy: (name: string, extra = '') => [errors.has(name) ? `${prefix}-${name}-error` : '', extra].filter(Boolean).join(' ') || nothing,
    message: (name: string) => (errors.get(name) ? html`<p id="${prefix}-${name}-error" class="field-error">${errors.get(name)}</p>` : nothing),
  };
}

function scheduleFields(v: WorkspaceView): TemplateResult {
  const { zone, actions } = v;
  const p = problems(v, 'schedule');
  const start = wallTimeToIso(actions.draft.date, actions.draft.time, zone);
  const preview = start ? twoZoneLabel(new Date(start), zone, v.w.other?.timeZone) : undefined;
  return html`
    <div class="field" @input=${actions.onDraft}>
      <label for="schedule-title-input">${msg('Title')}</label>
      <input id="schedule-title-input" name="title" maxlength="200" required autocomplete="off" autofocus aria-invalid=${p.invalid('title')} aria-describedby=${p.describedBy('title')} />
      ${p.message('title')}
    </div>
    <div class="form-grid" @input=${actions.onDraft}>
      <div class="field">
        <label for="schedule-date">${msg('Date')}</label>
        <input id="schedule-date" name="date" type="date" required min=${todayIso()} aria-invalid=${p.invalid('date')} aria-describedby=${p.describedBy('date')} />
        ${p.message('date')}
      </div>
      <div class="field">
        <label for="schedule-time">${msg(str`Start time (${zoneCity(zone)})`)}</label>
        <input id="schedule-time" name="time" type="time" required step="300" aria-invalid=${p.invalid('time')} aria-describedby=${p.describedBy('time', 'schedule-zone')} />
        ${p.message('time')}
      </div>
      <div class="field">
        <label for="schedule-duration">${msg('Duration')}</label>
        <select id="schedule-duration" name="duration">
          ${durationChoices.map((d) => html`<option value=${d} ?selected=${d === 60}>${durationLabel(d)}</option>`)}
        </select>
      </div>
    </div>
    <p id="schedule-zone" class="zone-preview meta" aria-live="polite">${preview ? preview.text : msg(str`Times are in your time zone (${zoneCity(zone)}).`)}</p>
    <div class="form-grid">
      <div class="field">
        <label for="schedule-location">${msg('Location (optional)')}</label>
        <input id="schedule-location" name="location" maxlength="300" autocomplete="off" />
      </div>
      <div class="field">
        <label for="schedule-video">${msg('Video call link (optional)')}</label>
        <input id="schedule-video" name="videoUrl" type="url" inputmode="url" placeholder="https://" aria-invalid=${p.invalid('videoUrl')} aria-describedby=${p.describedBy('videoUrl')} />
        ${p.message('videoUrl')}
      </div>
    </div>
    <div class="field">
      <label for="schedule-agenda">${msg('Agenda (optional)')}</label>
      <textarea id="schedule-agenda" name="agenda" maxlength="4000"></textarea>
    </div>`;
}

function milestoneFields(v: WorkspaceView): TemplateResult {
  const p = problems(v, 'milestone');
  return html`
    <div class="field">
      <label for="milestone-title">${msg('Title')}</label>
      <input id="milestone-title" name="title" maxlength="200" required autocomplete="off" autofocus aria-invalid=${p.invalid('title')} aria-describedby=${p.describedBy('title')} />
      ${p.message('title')}
    </div>
    <div class="field">
      <label for="milestone-due">${msg('Due date (optional)')}</label>
      <input id="milestone-due" name="dueDate" type="date" min=${v.w.mentorship!.startedAt.slice(0, 10)} />
    </div>
    <div class="field">
      <label for="milestone-description">${msg('Description (optional)')}</label>
      <textarea id="milestone-description" name="description" maxlength="4000"></textarea>
    </div>`;
}

/**
 * With milestones, progress comes from them: the note takes no percent (so "10 %" cannot be typed
 * while the bar stays at 0 %). Without, the percent is what the bar shows, and is labelled so.
 */
function noteFields(v: WorkspaceView): TemplateResult {
  const p = problems(v, 'note');
  const hasMilestones = v.w.milestones.length > 0;
  return html`
    <div class="field">
      <label for="note-body">${msg('Note')}</label>
      <textarea id="note-body" name="body" maxlength="4000" required autofocus aria-invalid=${p.invalid('body')} aria-describedby=${p.describedBy('body')}></textarea>
      ${p.message('body')}
    </div>
    ${hasMilestones
      ? html`<p id="note-progress-hint" class="hint">${msg('Progress comes from the milestones in the plan, so a note does not change the bar.')}</p>`
      : html`<div class="field">
          <label for="note-percent">${msg('Set the progress bar to, in percent (optional)')}</label>
          <input id="note-percent" name="percent" type="number" min="0" max="100" step="1" inputmode="numeric"
            aria-invalid=${p.invalid('percent')} aria-describedby=${p.describedBy('percent', 'note-percent-hint')} />
          ${p.message('percent')}
          <p id="note-percent-hint" class="hint">${msg('Without milestones, the latest note’s percent is the mentorship’s progress.')}</p>
        </div>`}`;
}

function timelineFields(v: WorkspaceView): TemplateResult {
  const m = v.w.mentorship!;
  const p = problems(v, 'plan');
  return html`
    <div class="field">
      <label for="plan-target">${msg('Target end date')}</label>
      <input id="plan-target" name="targetEndDate" type="date" min=${m.startedAt.slice(0, 10)} .value=${m.targetEndDate ?? ''} autofocus
        aria-invalid=${p.invalid('targetEndDate')} aria-describedby=${p.describedBy('targetEndDate')} />
      ${p.message('targetEndDate')}
    </div>
    ${v.w.milestones.length
      ? nothing
      : html`<div class="field">
          <label for="plan-template">${msg('Start from a template (optional)')}</label>
          <select id="plan-template" name="template" aria-describedby="plan-template-hint">
            <option value="">${msg('No template')}</option>
            ${(Object.keys(templateOptions) as MilestoneTemplate[]).map((t) => html`<option value=${t}>${templateOptions[t].label}</option>`)}
          </select>
          <p id="plan-template-hint" class="hint">${msg('A template adds dated milestones up to the target date (or over its usual length).')}</p>
        </div>`}`;
}

function confirmPanel(v: WorkspaceView, title: string, description: string, confirm: string, keep: string, danger: boolean): TemplateResult {
  const { actions } = v;
  return html`<div class="dialog-panel">
    <h2 id="dialog-title">${title}</h2>
    <p id="dialog-description">${description}</p>
    ${actions.error ? html`<p part="error" class="inline-error" role="alert">${actions.error}</p>` : nothing}
    <div class="dialog-foot">
      <button part="button cancel-button" class="button" type="button" autofocus @click=${() => actions.close()}>${keep}</button>
      <button part="button confirm-button" class="button ${danger ? 'button--danger' : 'button--primary'}" type="button" ?disabled=${actions.busy}
        @click=${() => void actions.submit(undefined)}>${confirm}</button>
    </div>
  </div>`;
}

/** A dialog with fields; `part` names its form (`form <part>`), `submitPart` its submit button. */
function formPanel(v: WorkspaceView, title: string, description: string, fields: TemplateResult, confirm: string, keep: string, danger: boolean, { part = '', submitPart = '' } = {}): TemplateResult {
  const { actions } = v;
  return html`<form part=${part ? `form ${part}` : nothing} class="dialog-panel" novalidate @submit=${(e: SubmitEvent) => {
    e.preventDefault();
    void actions.submit(e.currentTarget as HTMLFormElement);
  }}>
    <h2 id="dialog-title">${title}</h2>
    <p id="dialog-description">${description}</p>
    ${fields}
    ${actions.error ? html`<p part="error" class="inline-error" role="alert">${actions.error}</p>` : nothing}
    <div class="dialog-foot">
      <button part="button cancel-button" class="button" type="button" @click=${() => actions.close()}>${keep}</button>
      <button part="button confirm-button ${submitPart}" class="button ${danger ? 'button--danger' : 'button--primary'}" type="submit" ?disabled=${actions.busy}>
        ${actions.busy && submitPart === 'schedule-button' ? msg('Scheduling…') : confirm}
      </button>
    </div>
  </form>`;
}
