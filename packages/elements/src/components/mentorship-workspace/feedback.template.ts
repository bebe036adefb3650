import { msg, str } from '@lit/localize';
import type { PersonSummary } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../internal/heading.js';
import { sectionError, type WorkspaceView } from './workspace-view.js';

/** A completed mentorship's feedback: the form once, then thanks (above the tabs: it is what is left to do). */
export function feedbackSection(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const other = w.other!;
  let content: TemplateResult;
  if (w.feedbackStatus === 'loading') content = html`<div aria-busy="true"><p class="visually-hidden">${msg('Loading feedback…')}</p><span class="skeleton block" aria-hidden="true"></span></div>`;
  else if (w.feedbackStatus === 'error') content = sectionError(msg('The feedback form could not be loaded.'), w.feedbackError, () => void w.retryFeedback());
  else {
    const f = w.feedback!;
    if (f.mine) content = html`<p part="feedback-thanks" class="ended-note">${msg(str`Thanks for your feedback — you rated your time with ${other.name} ${f.mine.rating} of 5.`)}</p>`;
    else if (!f.canLeaveFeedback) content = html`<p class="meta">${msg('Feedback is closed for this mentorship.')}</p>`;
    else content = feedbackForm(v, other);
  }
  return html`<section part="section feedback-section" class="section card" aria-labelledby="feedback-title">
    ${heading(v.level(1), msg('Feedback'), { id: 'feedback-title' })} ${content}
  </section>`;
}

function feedbackForm(v: WorkspaceView, other: PersonSummary): TemplateResult {
  const { actions } = v;
  const errors = actions.feedbackErrors;
  const labels = [msg('Not helpful'), msg('A little helpful'), msg('Helpful'), msg('Very helpful'), msg('Extremely helpful')];
  return html`<form part="form feedback-form" class="form" novalidate @submit=${actions.sendFeedback} aria-labelledby="feedback-title">
    <p>${v.w.isMentor
      ? msg(str`How was your mentorship with ${other.name}? You can leave feedback once; it stays between you and the programme.`)
      : msg(str`How was your mentorship with ${other.name}? You can leave feedback once; it helps other alumni choose a mentor.`)}</p>
    <fieldset aria-describedby=${errors.has('rating') ? 'rating-error' : nothing}>
      <legend>${msg('Rating')}</legend>
      <div class="rating">
        ${labels.map((label, i) => html`<label class="choice"><input type="radio" name="rating" value=${i + 1} />${i + 1} — ${label}</label>`)}
      </div>
      ${errors.get('rating') ? html`<p id="rating-error" class="field-error">${errors.get('rating')}</p>` : nothing}
    </fieldset>
    <div class="field">
      <label for="feedback-comment">${msg('Comment (optional)')}</label>
      <textarea id="feedback-comment" name="comment" maxlength="2000"></textarea>
    </div>
    ${errors.get('feedback') ? html`<p part="error" class="inline-error">${errors.get('feedback')}</p>` : nothing}
    <div class="actions">
      <button part="button" class="button button--primary" type="submit" ?disabled=${actions.feedbackBusy}>${msg('Send feedback')}</button>
    </div>
  </form>`;
}
