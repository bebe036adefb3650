import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A menu button (ARIA menu button pattern): Enter, Space or a click opens the menu and focuses its
 * first item, ArrowDown/ArrowUp/Home/End move between items, Escape closes it and gives focus back
 * to the button, Tab (or focus leaving) closes it. Choosing an item closes it too.
 */
export class ActionsMenuController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #button: () => HTMLElement | null | undefined;
  readonly #items: () => HTMLElement[];
  open = false;

  constructor(host: ReactiveControllerHost, options: { button: () => HTMLElement | null | undefined; items: () => HTMLElement[] }) {
    this.#host = host;
    this.#button = options.button;
    this.#items = options.items;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  readonly toggle = (): void => {
    if (this.open) this.close(true);
    else void this.#show('first');
  };

  /** Closes the menu; `refocus` gives focus back to its button. */
  close(refocus = false): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (refocus) this.#button()?.focus();
  }

  /** ArrowDown/ArrowUp on the closed button open the menu at the first/last item. */
  readonly onButtonKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    void this.#show(e.key === 'ArrowDown' ? 'first' : 'last');
  };

  readonly onMenuKeydown = (e: KeyboardEvent): void => {
    const items = this.#items();
    const i = items.indexOf(e.target as HTMLElement);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = (i + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
      return;
    } else if (e.key === 'Tab') {
      this.close(false);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    items[next]?.focus();
  };

  /** Focus left the button and the menu: close without taking focus back. */
  readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    const wrapper = e.currentTarget as HTMLElement;
    if (!to || !wrapper.contains(to)) this.close(false);
  };

  async #show(at: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const items = this.#items();
    (at === 'first' ? items[0] : items[items.length - 1])?.focus();
  }
}
