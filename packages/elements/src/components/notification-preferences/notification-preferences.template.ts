import type { MailKind } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import type { NotificationPreferencesController } from './notification-preferences.controller.js';

export const NOTIFICATION_PREFERENCES_IDS = {
  title: 'notification-preferences-title',
  language: 'notification-preferences-language',
  languageHint: 'notification-preferences-language-hint',
} as const;
const IDS = NOTIFICATION_PREFERENCES_IDS;

/** What each switch means; read at render time so a locale change rewords it. */
const kindWords: Record<MailKind, () => { label: string; hint: string }> = {
  request_received: () => ({ label: msg('New mentorship requests'), hint: msg('When someone asks you to be their mentor.') }),
  request_answered: () => ({ label: msg('Answers to my requests'), hint: msg('When a mentor accepts or declines your request.') }),
  request_reminder: () => ({ label: msg('Reminders of waiting requests'), hint: msg('When a request to you has waited a few days and will expire.') }),
  meeting_updates: () => ({ label: msg('Meetings'), hint: msg('When a meeting is scheduled, moved or cancelled, with the calendar invitation attached.') }),
  application_decided: () => ({ label: msg('Mentor application decisions'), hint: msg('When the programme team decides on your application to mentor.') }),
  message_digest: () => ({ label: msg('Daily digest of unread messages'), hint: msg('At most once a day, when messages are waiting for you.') }),
  programme_updates: () => ({ label: msg('Programmes'), hint: msg('When you enrol in a programme, and when its team introduces you to a mentor.') }),
};

/** A kind this version does not know yet still gets a switch, named by its key. */
const wordsFor = (kind: MailKind) => kindWords[kind]?.() ?? { label: kind.replace(/_/g, ' '), hint: '' };

/**
 * The "Email notifications" section of a dashboard: a switch per kind of email that concerns the
 * viewer and the email language, titled at heading `level` (the dashboard's section level).
 * Needs `notificationPreferencesStyles` beside the dashboard styles.
 */
export function notificationPreferencesPanel(c: NotificationPreferencesController, level = 3): TemplateResult {
  const status = c.status;
  if (status === 'idle') return html``;
  return html`
    <section part="section notification-preferences" class="section notification-preferences" aria-labelledby=${IDS.title}>
      ${heading(level, msg('Email notifications'), { id: IDS.title })}
      <div class="card notification-preferences-card" aria-busy=${status === 'loading' ? 'true' : 'false'}>${body(c)}</div>
    </section>
  `;
}

function body(c: NotificationPreferencesController): TemplateResult {
  switch (c.status) {
    case 'loading':
      return html`<p class="visually-hidden">${msg('Loading your email settings…')}</p>
        <span class="skeleton line line--long" aria-hidden="true"></span>
        <span class="skeleton line line--medium" aria-hidden="true"></span>
        <span class="skeleton line line--medium" aria-hidden="true"></span>`;
    case 'error':
      return html`<div part="notification-preferences-error" class="notice notice--error" role="alert">
        <p><strong>${msg('Your email settings could not be loaded.')}</strong> ${describeError(c.error)}</p>
        <button part="button notification-preferences-retry" class="button" type="button" @click=${() => void c.retry()}>${msg('Retry')}</button>
      </div>`;
    case 'empty':
      return html`<p part="notification-preferences-empty">
        ${msg('Your account has no email address, so no email can be sent to you. Your notifications still appear here in the portal.')}
      </p>`;
    default:
      return ready(c);
  }
}

function ready(c: NotificationPreferencesController): TemplateResult {
  const p = c.preferences!;
  return html`
    <p>${msg(str`We send email to ${p.email}. Every email also has a link to turn its kind off.`)}</p>
    <fieldset class="notification-preferences-kinds">
      <legend>${msg('Email me about')}</legend>
      ${repeat(c.kinds, ([kind]) => kind, ([kind, on]) => {
        const words = wordsFor(kind);
        const id = `mail-kind-${kind}`;
        return html`<div class="switch-row" part="notification-preference">
          <input id=${id} part="switch" class="switch" type="checkbox" role="switch" .checked=${on}
            aria-describedby=${words.hint ? `${id}-hint` : nothing}
            @change=${(e: Event) => void c.setKind(kind, (e.currentTarget as HTMLInputElement).checked)} />
          <label for=${id}>${words.label}</label>
          ${words.hint ? html`<p id="${id}-hint" class="hint">${words.hint}</p>` : nothing}
        </div>`;
      })}
    </fieldset>
    <div class="field notification-preferences-language">
      <label for=${IDS.language}>${msg('Email language')}</label>
      <select id=${IDS.language} part="notification-preferences-language" .value=${p.language} aria-describedby=${IDS.languageHint}
        @change=${(e: Event) => void c.setLanguage((e.currentTarget as HTMLSelectElement).value as 'en' | 'fil')}>
        <!-- Each language by its own name, marked so a screen reader says it in that language. -->
        <option value="en" lang="en" ?selected=${p.language === 'en'}>English</option>
        <option value="fil" lang="fil" ?selected=${p.language === 'fil'}>Filipino</option>
      </select>
      <p id=${IDS.languageHint} class="hint">${msg('Mentoring pages also use this language where your portal does not choose one.')}</p>
    </div>
    ${c.saveError
      ? html`<p part="notification-preferences-save-error" class="inline-error" role="alert">${c.saveError}</p>`
      : html`<p part="notification-preferences-saved" class="hint notification-preferences-saved">
          ${c.saving.size ? msg('Saving…') : c.saved ? msg('Saved') : nothing}
        </p>`}
  `;
}
