import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../../internal/error-message.js';

/** A failure in words with Retry; `role="alert"` because it replaces what the admin was waiting for. */
export function errorNotice(what: string, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" class="notice notice--error" role="alert">
    <p><strong>${what}</strong> ${describeError(error)}</p>
    <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
  </div>`;
}

/** A friendly empty state with the next step, never a blank box. */
export function emptyNotice(title: string, body: string, action?: { label: string; run: () => void }): TemplateResult {
  return html`<div part="empty" class="notice">
    <p><strong>${title}</strong></p>
    <p>${body}</p>
    ${action ? html`<button part="button" class="button" type="button" @click=${action.run}>${action.label}</button>` : nothing}
  </div>`;
}

/** What a signed-in person without the admin role sees (their roles say so, or the API answered 403). */
export const forbiddenNotice = () => html`<div part="forbidden" class="notice notice--forbidden">
  <p><strong>${msg('This area is for programme administrators.')}</strong></p>
  <p>${msg('If you run the mentoring programme, ask the portal team to give your account the administrator role.')}</p>
</div>`;

/** While the viewer's roles are read: the queue's shape, busy, so nothing jumps when the tabs arrive. */
export const checkingNotice = () => html`<div part="checking" class="checking" aria-busy="true">
  <p class="visually-hidden" role="status">${msg('Loading programme administration…')}</p>
  <span class="skeleton line line--medium" aria-hidden="true"></span>
  <span class="skeleton line line--long" aria-hidden="true"></span>
</div>`;

/** The "Load more" button, or why the next page failed with Retry. */
export function loadMore(
  options: { error: unknown; hasMore: boolean; loading: boolean; label: string; loadingLabel: string },
  run: () => void,
): TemplateResult | typeof nothing {
  if (options.error) {
    return html`<div part="error" class="notice notice--error" role="alert">
      <p>${msg('More could not be loaded.')} ${describeError(options.error)}</p>
      <button part="button retry-button" class="button" type="button" @click=${run}>${msg('Retry')}</button>
    </div>`;
  }
  if (!options.hasMore) return nothing;
  return html`<div class="more">
    <button part="button load-more" class="button" type="button" aria-disabled=${options.loading ? 'true' : 'false'} @click=${run}>
      ${options.loading ? options.loadingLabel : options.label}
    </button>
  </div>`;
}
