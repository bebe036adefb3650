import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastOptions {
  message: string;
  /** `error` for a refused action: announced assertively and styled as an error. */
  tone?: ToastTone;
  /** One follow-up, e.g. "Undo" or "Open workspace". Running it dismisses the toast. */
  action?: { label: string; run: () => void | Promise<void> };
}

interface Toast extends Required<Pick<ToastOptions, 'message' | 'tone'>> {
  id: number;
  action: ToastOptions['action'];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Time left when the pointer or focus came in (the timer waits meanwhile). */
  remaining: number;
  startedAt: number;
}

/** How long a toast stays (WCAG 2.2.1: long enough to read, and it waits while hovered or focused). */
export const TOAST_MS = 8_000;
/** At most this many stay on screen; an older one gives way. */
const MAX_TOASTS = 3;

/**
 * Visible, announced feedback for an action ("Meeting scheduled", "Accepted — Maria is now your
 * mentee"): a small stack at the bottom of the element that stays for at least eight seconds,
 * longer while the pointer or focus is on it, and until dismissed if the person wants. Success and
 * information are read out politely, a refusal assertively. The two live regions are rendered from
 * the first paint, so screen readers are already listening when the first message arrives.
 */
export class ToastController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #toasts: Toast[] = [];
  #next = 1;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The messages on screen now, oldest first (for tests and headless use). */
  get messages(): readonly string[] {
    return this.#toasts.map((t) => t.message);
  }

  show(options: ToastOptions): void {
    const toast: Toast = { id: this.#next++, message: options.message, tone: options.tone ?? 'success', action: options.action, timer: undefined, remaining: TOAST_MS, startedAt: 0 };
    // The same message again (a second click) replaces the first rather than stacking.
    for (const t of this.#toasts.filter((t) => t.message === toast.message)) this.#drop(t);
    this.#toasts = [...this.#toasts, toast];
    while (this.#toasts.length > MAX_TOASTS) this.#drop(this.#toasts[0]!);
    this.#start(toast);
    this.#host.requestUpdate();
  }

  dismiss(id: number): void {
    const toast = this.#toasts.find((t) => t.id === id);
    if (toast) this.#drop(toast);
    this.#host.requestUpdate();
  }

  clear(): void {
    for (const t of [...this.#toasts]) this.#drop(t);
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const t of this.#toasts) clearTimeout(t.timer);
    this.#toasts = [];
  }

  #start(toast: Toast): void {
    clearTimeout(toast.timer);
    toast.startedAt = Date.now();
    toast.timer = setTimeout(() => this.dismiss(toast.id), toast.remaining);
  }

  #hold(toast: Toast): void {
    if (toast.timer === undefined) return;
    clearTimeout(toast.timer);
    toast.timer = undefined;
    toast.remaining = Math.max(TOAST_MS / 2, toast.remaining - (Date.now() - toast.startedAt));
  }

  #release(toast: Toast, e: FocusEvent | PointerEvent): void {
    const el = e.currentTarget as HTMLElement;
    // Still inside (pointer left but focus stayed, or focus moved between its buttons).
    if (el.matches(':hover') || el.contains(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).activeElement : null)) return;
    if (this.#toasts.includes(toast) && toast.timer === undefined) this.#start(toast);
  }

  #drop(toast: Toast): void {
    clearTimeout(toast.timer);
    this.#toasts = this.#toasts.filter((t) => t !== toast);
  }

  async #run(toast: Toast): Promise<void> {
    this.dismiss(toast.id);
    await toast.action?.run();
  }

  #renderToast(t: Toast): TemplateResult {
    return html`<div part="toast toast-${t.tone}" class="toast toast--${t.tone}" data-toast-id=${t.id}
      @pointerenter=${() => this.#hold(t)} @pointerleave=${(e: PointerEvent) => this.#release(t, e)}
      @focusin=${() => this.#hold(t)} @focusout=${(e: FocusEvent) => this.#release(t, e)}>
      <p class="toast-message">${t.message}</p>
      ${t.action
        ? html`<button part="button toast-action" class="button button--small toast-action" type="button" @click=${() => void this.#run(t)}>${t.action.label}</button>`
        : nothing}
      <button part="button toast-dismiss" class="button button--small toast-dismiss" type="button" aria-label=${msg('Dismiss')}
        @click=${() => this.dismiss(t.id)}><span aria-hidden="true">✕</span></button>
    </div>`;
  }

  /** Render once per element, at the end of its content: both live regions and the stack. */
  render(): TemplateResult {
    const polite = this.#toasts.filter((t) => t.tone !== 'error');
    const assertive = this.#toasts.filter((t) => t.tone === 'error');
    return html`<div class="toasts" part="toasts">
      <div role="status" aria-live="polite" class="toast-region">${repeat(polite, (t) => t.id, (t) => this.#renderToast(t))}</div>
      <div role="alert" aria-live="assertive" class="toast-region">${repeat(assertive, (t) => t.id, (t) => this.#renderToast(t))}</div>
    </div>`;
  }
}
