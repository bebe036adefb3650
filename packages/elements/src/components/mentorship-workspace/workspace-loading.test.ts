/**
 * The dashboards fetch `<mentorship-workspace>` the first time one is opened. This file must not
 * import the workspace (nor workspace.test-support, which does): the tag stays undefined until a
 * dashboard asks for it. The placeholder states are rendered in a small host with a loader the test
 * controls (first tests, while the tag is undefined); the last test opens a real dashboard.
 */
import type { Mentorship } from '@mentorkit/contract';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, LitElement, nothing, type TemplateResult } from 'lit';
import '../../define/mentee-dashboard.js';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import { freshMentor, freshPerson, request } from '../shared/live.test-support.js';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import { ElementLoaderController } from '../../controllers/element-loader.controller.js';
import { workspaceView } from './workspace-panel.template.js';
import { captureConsoleErrors } from '../../test-support/console-errors.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === name) ?? expect.fail(`no button "${name}"`);

let hosts = 0;
/** A host with an Open / Close toggle (as a dashboard's card and Back) whose loader runs `load`. */
async function disclosureWith(load: () => Promise<unknown>): Promise<LitElement> {
  const tag = `workspace-disclosure-host-${++hosts}`;
  customElements.define(tag, class extends LitElement {
    readonly loader = new ElementLoaderController(this, { tag: 'mentorship-workspace', load });
    open = false;
    override render(): TemplateResult {
      const mentorship = { id: 'm-1', status: 'active' } as Mentorship;
      const toggle = () => {
        if (!this.open) this.loader.load();
        this.open = !this.open;
        this.requestUpdate();
      };
      return litHtml`<button type="button" @click=${toggle}>${this.open ? 'Close workspace: Ana Reyes' : 'Open workspace: Ana Reyes'}</button>
        <div role="region" aria-label="Workspace with Ana Reyes">${this.open
          ? workspaceView({ mentorshipId: mentorship.id, tab: 'overview', headingLevel: 2 }, { api: '/', token: undefined, getToken: undefined, theme: undefined },
            { tabChanged: () => {}, updated: () => {} }, this.loader)
          : nothing}</div>`;
    }
  });
  const el = await fixture<LitElement>(`<${tag}></${tag}>`);
  buttonNamed(el.shadowRoot!, 'Open workspace: Ana Reyes').click();
  await el.updateComplete;
  return el;
}

describe('<mentorship-workspace> loaded on first open', () => {
  it('says it is loading, inside the open region, until the workspace is defined', async () => {
    let calls = 0;
    const el = await disclosureWith(() => {
      calls++;
      return new Promise(() => {});
    });
    expect(calls).to.equal(1);
    const region = el.shadowRoot!.querySelector<HTMLElement>('[role="region"]')!;
    expect(region.hidden).to.equal(false);
    expect(region.querySelector('mentorship-workspace')!.getAttribute('aria-busy')).to.equal('true');
    const status = region.querySelector('mentorship-workspace [role="status"]')!;
    expect(text(status)).to.equal('Loading the workspace…');
    expect(status.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();

    // Closing and opening again while it loads does not fetch twice.
    buttonNamed(el.shadowRoot!, 'Close workspace: Ana Reyes').click();
    await el.updateComplete;
    buttonNamed(el.shadowRoot!, 'Open workspace: Ana Reyes').click();
    await el.updateComplete;
    expect(calls).to.equal(1);
  });

  it('says so when the code cannot be loaded, and Retry loads again', async () => {
    const { logged, restore } = captureConsoleErrors();
    let calls = 0;
    try {
      const el = await disclosureWith(() => {
        calls++;
        return calls === 1 ? Promise.reject(new Error('offline')) : new Promise(() => {});
      });
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
      const alert = el.shadowRoot!.querySelector('mentorship-workspace [role="alert"]')!;
      expect(text(alert)).to.contain('The workspace could not be loaded.');
      expect(el.shadowRoot!.querySelector('mentorship-workspace')!.hasAttribute('aria-busy')).to.equal(false);
      expect(String(logged[0]?.[0])).to.contain('<mentorship-workspace>');
      await expect(el).to.be.accessible();

      buttonNamed(alert, 'Retry').click();
      await el.updateComplete;
      expect(calls).to.equal(2);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(text(el.shadowRoot!.querySelector('mentorship-workspace [role="status"]'))).to.equal('Loading the workspace…');
    } finally {
      restore();
    }
  });

  it('a dashboard shows the placeholder, then the workspace once its code has arrived', async () => {
    const [mentor, mentee] = await Promise.all([freshMentor('Ana Lazy'), freshPerson('Maria Lazy')]);
    const { mentorship } = await mentor.client.requests.accept((await request(mentee, mentor)).id);
    // Standalone wiring: `api` and the token reach the workspace as properties set before it upgrades.
    const el = await fixture<MenteeDashboard>(html`<div style="width: 1000px"><mentee-dashboard api="/" .token=${mentee.token}></mentee-dashboard></div>`)
      .then((wrapper) => wrapper.querySelector('mentee-dashboard')!);
    await waitUntil(() => el.dashboard.status === 'ready', 'the dashboard did not load', { timeout: 8000 });
    await el.updateComplete;
    // A boolean: a failing assertion on the class itself would make the runner serialize all of it.
    expect(Boolean(customElements.get('mentorship-workspace')), 'defined before any workspace was opened').to.equal(false);

    buttonNamed(el.shadowRoot!, `Open: ${mentor.name}`).click();
    await el.updateComplete;
    const ws = el.shadowRoot!.querySelector<MentorshipWorkspace>(`[part~="detail"] mentorship-workspace[mentorship-id="${mentorship.id}"]`)!;
    const placeholder = ws.querySelector('[part~="workspace-loading"]')!;
    expect(text(placeholder)).to.equal('Loading the workspace…');
    expect(placeholder.checkVisibility()).to.equal(true);

    await customElements.whenDefined('mentorship-workspace');
    // Upgraded: the workspace's shadow root has no slot, so its light DOM placeholder is not rendered…
    expect(ws.shadowRoot).to.exist;
    expect(placeholder.checkVisibility()).to.equal(false);
    // …and the dashboard's next update removes it.
    await waitUntil(() => !ws.querySelector('[part~="workspace-loading"]'), 'the placeholder stayed');
    await waitUntil(() => ws.workspace.status === 'ready', 'the workspace did not load', { timeout: 8000 });
    await ws.updateComplete;
    expect(text(ws.shadowRoot!.querySelector('#workspace-person'))).to.equal(mentor.name);
    expect(ws.hasAttribute('aria-busy')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
