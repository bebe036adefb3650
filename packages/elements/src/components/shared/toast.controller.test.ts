import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { ToastController } from './toast.controller.js';
import { toastStyles } from './toast.styles.js';

class ToastProbe extends LitElement {
  static override styles = [tokenStyles, sharedStyles, toastStyles];
  readonly toast = new ToastController(this);
  override render() {
    return html`<p>content</p>${this.toast.render()}`;
  }
}
customElements.define('toast-probe', ToastProbe);

const toasts = (el: ToastProbe) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast"]')];

describe('ToastController', () => {
  it('shows a message in a polite region and a refusal in an assertive one, accessibly', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    el.toast.show({ message: 'Meeting scheduled.' });
    el.toast.show({ message: 'That slot was just taken.', tone: 'error' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Meeting scheduled.');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('That slot was just taken.');
    expect(toasts(el).every((t) => t.getBoundingClientRect().height > 0), 'visible').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('runs its action once and goes; the ✕ dismisses', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    let undone = 0;
    el.toast.show({ message: 'Milestone completed.', action: { label: 'Undo', run: () => void undone++ } });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toast-action"]')!.click();
    await el.updateComplete;
    expect(undone).to.equal(1);
    expect(toasts(el)).to.have.length(0);
    el.toast.show({ message: 'Note added.' });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toast-dismiss"]')!.click();
    await el.updateComplete;
    expect(el.toast.messages).to.deep.equal([]);
  });

  it('keeps at most three, replacing a repeated message instead of stacking it', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    for (const m of ['a', 'b', 'a', 'c', 'd']) el.toast.show({ message: m });
    expect(el.toast.messages).to.deep.equal(['a', 'c', 'd']);
  });
});
