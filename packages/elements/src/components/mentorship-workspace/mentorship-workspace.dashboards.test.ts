import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-dashboard.js';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import { $, button, dialogOpen, freshMentorship, loaded, text } from './workspace.test-support.js';

async function render(tag: 'mentee-dashboard' | 'mentor-dashboard', token: string): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const wrapper = await fixture(html`<div style="width: 1000px"><mentorship-provider api="/" .token=${token}></mentorship-provider></div>`);
  const provider = wrapper.querySelector('mentorship-provider')!;
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  provider.append(el);
  await el.updateComplete;
  return el;
}

const workspaceIn = (dashboard: Element) => dashboard.shadowRoot!.querySelector<MentorshipWorkspace>('mentorship-workspace');

describe('<mentorship-workspace> in the dashboards', () => {
  it('opens inline from the mentee’s mentorship card and moves to Completed with feedback', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await render('mentee-dashboard', mentee.token);
    await waitUntil(() => el.shadowRoot!.querySelector(`[data-workspace-for="${mentorship.id}"]`), 'no workspace button', { timeout: 8000 });
    const toggle = button(el.shadowRoot!, `Open workspace: ${mentor.name}`);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const ws = workspaceIn(el)!;
    expect(customElements.get('mentorship-workspace')).to.exist;
    await loaded(ws);
    expect(text($(ws, '#workspace-person'))).to.equal(mentor.name);
    await expect(el).to.be.accessible();

    // Completing in the workspace moves the mentorship to Completed, where the feedback form waits.
    button(ws.shadowRoot!, 'Complete…').click();
    await dialogOpen(ws);
    setTimeout(() => button($(ws, '#workspace-dialog')!, 'Complete mentorship').click());
    await oneEvent(el, 'mentorship-updated');
    await waitUntil(() => el.shadowRoot!.querySelector('#completed-title'), 'no Completed section', { timeout: 8000 });
    await el.updateComplete;
    const again = workspaceIn(el)!;
    await loaded(again);
    expect(again.closest('section')?.getAttribute('aria-labelledby')).to.equal('completed-title');
    expect($(again, '[part~="feedback-form"]')).to.exist;
    expect(text(button(el.shadowRoot!, /workspace: /))).to.equal(`Close workspace: ${mentor.name}`);
    button(el.shadowRoot!, `Close workspace: ${mentor.name}`).click();
    await el.updateComplete;
    expect(workspaceIn(el)).to.equal(null);
    expect(text(button(el.shadowRoot!, /workspace/))).to.equal(`Open workspace and feedback: ${mentor.name}`);
  });

  it('opens from the mentor’s mentee card', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await render('mentor-dashboard', mentor.token);
    await waitUntil(() => el.shadowRoot!.querySelector(`[data-workspace-for="${mentorship.id}"]`), 'no workspace button', { timeout: 8000 });
    button(el.shadowRoot!, `Open workspace: ${mentee.name}`).click();
    await el.updateComplete;
    const ws = workspaceIn(el)!;
    await loaded(ws);
    expect(ws.workspace.role).to.equal('mentor');
    expect($(ws, '[part~="plan-form"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
