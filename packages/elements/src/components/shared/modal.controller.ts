import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { wrapTabFocus } from '../../internal/focus-trap.js';

/**
 * One modal `<dialog>` of an element: opens it with `showModal()` (the page behind becomes inert,
 * Escape cancels), keeps Tab inside, and gives focus back when it closes — to the control that
 * opened it or, when an optimistic update removed that control, to a fallback the caller names.
 */
export class ModalController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #dialog: () => HTMLDialogElement | null | undefined;
  readonly #onClosed: (() => void) | undefined;
  #returnFocus: HTMLElement | undefined;
  #fallbackFocus: (() => HTMLElement | null | undefined) | undefined;
  #open = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: { dialog: () => HTMLDialogElement | null | undefined; onClosed?: () => void },
  ) {
    this.#host = host;
    this.#dialog = options.dialog;
    this.#onClosed = options.onClosed;
    host.addController(this);
  }

  /** Renders the content first (the caller has set what to show), then opens the dialog. */
  async open(trigger?: HTMLElement | null): Promise<void> {
    this.#returnFocus = trigger ?? undefined;
    this.#fallbackFocus = undefined;
    this.#open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
  }

  /**
   * Closes the dialog. `fallbackFocus` names where focus goes if the opener is gone by the time
   * the dialog has closed (e.g. the card it sat on was removed).
   */
  close(fallbackFocus?: () => HTMLElement | null | undefined): void {
    this.#fallbackFocus = fallbackFocus;
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  hostDisconnected(): void {
    this.#open = false;
  }

  /**
   * Bind to the dialog's `close` event (it fires for Escape, `close()` and form method=dialog).
   * The event comes a task after `close()`: if the dialog was opened again meanwhile, this close
   * is stale and must not clear the new content.
   */
  readonly handleClose = (): void => {
    if (this.#dialog()?.open) return;
    this.#closed();
  };

  /** Bind to the dialog's `keydown`: Tab past the last control wraps to the first. */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const dialog = this.#dialog();
    if (dialog) wrapTabFocus(event, dialog);
  };

  /** Bind to the dialog's `click`: a click on the backdrop (the dialog box itself, outside its panel) cancels. */
  readonly handleClick = (event: MouseEvent): void => {
    if (event.target === this.#dialog()) this.close();
  };

  #closed(): void {
    if (!this.#open) return;
    this.#open = false;
    const target = this.#returnFocus?.isConnected ? this.#returnFocus : this.#fallbackFocus?.();
    this.#returnFocus = undefined;
    this.#fallbackFocus = undefined;
    this.#onClosed?.();
    this.#host.requestUpdate();
    target?.focus();
  }
}
