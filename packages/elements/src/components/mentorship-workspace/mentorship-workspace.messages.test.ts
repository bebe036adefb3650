import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MessageThread } from '../message-thread/message-thread.component.js';
import { $, freshMentorship, loaded, renderWorkspace, text } from './workspace.test-support.js';

const threadIn = (el: HTMLElement) => $<MessageThread>(el, 'message-thread')!;

describe('<mentorship-workspace>: messages', () => {
  it('hosts the thread in a Messages tab on narrow containers; sending works there', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    await mentor.client.conversations.send(mentorship.conversationId!, { body: 'Welcome aboard!', clientId: crypto.randomUUID() });
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id, width: '340px' });
    await loaded(el);
    $(el, '#tab-messages')!.click();
    await el.updateComplete;
    expect(getComputedStyle($(el, '#panel-messages')!).display).to.not.equal('none');
    const thread = threadIn(el);
    expect(thread.getAttribute('conversation-id')).to.equal(mentorship.conversationId);
    // The thread's code arrives after the workspace's first content.
    await customElements.whenDefined('message-thread');
    await waitUntil(() => thread.thread.status === 'ready', 'the thread did not load', { timeout: 8000 });
    await thread.updateComplete;
    expect(text(thread.shadowRoot!.querySelector('[part~="message-theirs"] .bubble'))).to.contain('Welcome aboard!');
    // The thread's title sits one level below the workspace's own (h2 → 3); the tab labels the panel.
    expect(thread.shadowRoot!.querySelector('#thread-title')!.tagName).to.equal('H3');
    thread.shadowRoot!.querySelector<HTMLTextAreaElement>('#composer-input')!.focus();
    await sendKeys({ type: 'Thank you!' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => thread.thread.messages.length === 2 && !thread.thread.outgoing.length, 'the send was not confirmed', { timeout: 8000 });
    expect((await mentor.client.conversations.messages(mentorship.conversationId!)).items.map((m) => m.body)).to.deep.equal(['Thank you!', 'Welcome aboard!']);
    // No horizontal scrolling at this width.
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
