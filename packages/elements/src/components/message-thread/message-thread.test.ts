import type { Message } from '@mentorkit/contract';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { linkify } from './message-format.js';
import {
  $,
  $$,
  bubbles,
  button,
  failingFetch,
  FakeRealtime,
  freshPair,
  hangingFetch,
  heldPage,
  renderThread,
  settled,
  text,
  until,
} from './message-thread.test-support.js';

const typeAndEnter = async (el: HTMLElement, value: string) => {
  const input = $<HTMLTextAreaElement>(el, '#composer-input')!;
  input.focus();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
};

describe('linkify', () => {
  it('links only http(s) URLs and leaves everything else as text', () => {
    expect(linkify('see https://example.edu/a?b=1. Thanks')).to.deep.equal([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.edu/a?b=1', href: 'https://example.edu/a?b=1' },
      { kind: 'text', text: '. Thanks' },
    ]);
    expect(linkify('javascript:alert(1)')).to.deep.equal([{ kind: 'text', text: 'javascript:alert(1)' }]);
    expect(linkify('<img src=x onerror=alert(1)>')).to.deep.equal([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(linkify('(https://en.wikipedia.org/wiki/Foo_(bar))').map((p) => p.text)).to.deep.equal(['(', 'https://en.wikipedia.org/wiki/Foo_(bar)', ')']);
  });
});

describe('<message-thread>', () => {
  it('shows a skeleton while loading, accessible', async () => {
    const { mentee, conversationId } = await freshPair();
    const el = await renderThread({ token: mentee.token, conversationId, fetch: hangingFetch });
    expect(el.thread.status).to.equal('loading');
    expect($(el, '[aria-busy="true"] .skeleton')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an error in words with Retry, accessible, and recovers', async () => {
    const { mentee, conversationId } = await freshPair();
    const broken = failingFetch((url) => url.includes(`/conversations/${conversationId}/messages`), { times: 1 });
    const el = await renderThread({ token: mentee.token, conversationId, fetch: broken.fetch });
    await settled(el);
    expect(el.thread.status).to.equal('error');
    expect(text($(el, '[role="alert"]'))).to.contain('Messages could not be loaded.');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, 'Retry').click();
    await settled(el);
    expect(el.thread.status).to.equal('ready');
  });

  it('shows an empty state naming the other person, accessible', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    const el = await renderThread({ token: mentee.token, conversationId });
    await settled(el);
    expect(text($(el, '#thread-title'))).to.equal(`Messages with ${mentor.name}`);
    expect($(el, '#thread-title')!.localName, 'an element title is h2 by default').to.equal('h2');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    expect($(el, '#thread-title')!.localName, 'heading-level moves it').to.equal('h4');
    expect(text($(el, '[part~="empty"]'))).to.contain('No messages yet. Say hello to Ana');
    expect($(el, 'label[for="composer-input"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sends with Enter, breaks lines with Shift+Enter, and the other person sees it', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    const el = await renderThread({ token: mentee.token, conversationId });
    await settled(el);
    const input = $<HTMLTextAreaElement>(el, '#composer-input')!;
    input.focus();
    await sendKeys({ type: 'First line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(input.value).to.equal('First line\nsecond line');
    expect(el.thread.outgoing).to.have.length(0);
    expect(text($(el, '#composer-count'))).to.equal('22 / 4,000');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('');
    await until(el, () => el.thread.messages.length === 1 && el.thread.outgoing.length === 0, 'the message was not confirmed');
    expect(bubbles(el)).to.deep.equal(['First line\nsecond line'.replace(/\s+/g, ' ')]);
    expect($(el, '[part~="message-mine"] .bubble')!.textContent).to.contain('First line\nsecond line');
    expect(text($(el, '[part~="day-separator"]'))).to.equal('Today');
    const page = await mentor.client.conversations.messages(conversationId);
    expect(page.items.map((m) => m.body)).to.deep.equal(['First line\nsecond line']);
    await expect(el).to.be.accessible();
  });

  it('shows "Sending…" at once, then "Not sent — Retry"; Retry resends the same clientId and stores one message', async () => {
    const { mentee, mentor, conversationId } = await freshPair();
    const sends = failingFetch((url, method) => method === 'POST' && url.endsWith(`/conversations/${conversationId}/messages`), { times: 1 });
    const el = await renderThread({ token: mentee.token, conversationId, fetch: sends.fetch });
    await settled(el);
    await typeAndEnter(el, 'Hello, are you free Tuesday?');
    await el.updateComplete;
    // Optimistic: the bubble is there before the server has answered.
    expect(bubbles(el)).to.deep.equal(['Hello, are you free Tuesday?']);
    await until(el, () => el.thread.outgoing[0]?.state === 'failed', 'the send did not fail');
    const failed = $(el, '[part~="message"].failed')!;
    expect(text(failed)).to.contain('Not sent');
    await expect(el).to.be.accessible();
    button(failed, /^Retry/).click();
    await el.updateComplete;
    expect(text($(el, '[part~="message"].pending'))).to.contain('Sending…');
    await until(el, () => el.thread.outgoing.length === 0 && el.thread.messages.length === 1, 'the retry did not succeed');
    expect(sends.calls).to.have.length(2);
    const ids = sends.calls.map((c) => (JSON.parse(c.body!) as { clientId: string }).clientId);
    expect(ids[0]).to.equal(ids[1]);
    // Retrying once more with the same clientId is answered with the same message: still one.
    await mentee.client.conversations.send(conversationId, { body: 'Hello, are you free Tuesday?', clientId: ids[0]! });
    const page = await mentor.client.conversations.messages(conversationId);
    expect(page.items).to.have.length(1);
    expect(bubbles(el)).to.deep.equal(['Hello, are you free Tuesday?']);
  });

  it('says how long to wait when sending too fast (429)', async () => {
    const { mentee, conversationId } = await freshPair();
    const limited = failingFetch((url, method) => method === 'POST' && url.endsWith('/messages'), { status: 429, code: 'rate_limited', headers: { 'retry-after': '17' } });
    const el = await renderThread({ token: mentee.token, conversationId, fetch: limited.fetch });
    await settled(el);
    await typeAndEnter(el, 'One more thing');
    await until(el, () => el.thread.outgoing[0]?.state === 'failed', 'the send did not fail');
    expect(text($(el, '[part~="message"].failed'))).to.contain('Wait 17 seconds, then retry.');
    await expect(el).to.be.accessible();
  });

  it('renders XSS payloads as text and only real http(s) URLs as safe links', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    let alerted = false;
    const originalAlert = window.alert;
    window.alert = () => {
      alerted = true;
    };
    try {
      await mentor.client.conversations.send(conversationId, { body: '<img src=x onerror=alert(1)>', clientId: crypto.randomUUID() });
      await mentor.client.conversations.send(conversationId, { body: 'javascript:alert(1)', clientId: crypto.randomUUID() });
      await mentor.client.conversations.send(conversationId, { body: 'Slides: https://example.edu/slides?a=1&b=2.', clientId: crypto.randomUUID() });
      const el = await renderThread({ token: mentee.token, conversationId });
      await settled(el);
      await new Promise((r) => setTimeout(r, 100));
      expect(bubbles(el)).to.deep.equal(['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'Slides: https://example.edu/slides?a=1&b=2.']);
      expect($$(el, '.bubble img')).to.have.length(0);
      const links = $$<HTMLAnchorElement>(el, '.bubble a');
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal('https://example.edu/slides?a=1&b=2');
      expect(links[0]!.textContent).to.equal('https://example.edu/slides?a=1&b=2');
      expect(links[0]!.rel).to.equal('noopener noreferrer');
      expect(links[0]!.target).to.equal('_blank');
      expect(alerted).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      window.alert = originalAlert;
    }
  });

  it('loads earlier messages by cursor and keeps them in order under day separators', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    // 35 messages: one page is 30, so the first five wait behind "Load earlier messages".
    for (let i = 1; i <= 35; i++) {
      const who = i % 2 ? mentor : mentee;
      await who.client.conversations.send(conversationId, { body: `Message ${i}`, clientId: `seed-${i}` });
    }
    const el = await renderThread({ token: mentee.token, conversationId });
    await settled(el);
    expect(bubbles(el)).to.have.length(30);
    expect(bubbles(el)[0]).to.equal('Message 6');
    expect(bubbles(el).at(-1)).to.equal('Message 35');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, 'Load earlier messages').click();
    await until(el, () => el.thread.messages.length === 35, 'earlier messages did not load');
    expect(bubbles(el)).to.deep.equal(Array.from({ length: 35 }, (_, i) => `Message ${i + 1}`));
    expect(() => button(el.shadowRoot!, 'Load earlier messages')).to.throw();
    expect(text($(el, '.history-start'))).to.contain('This is the start of your conversation with Ana');
    expect($$(el, '[part~="message-theirs"]')).to.have.length(18);
    expect($$(el, '[part~="message-mine"]')).to.have.length(17);
  });

  it('replaces the composer with a note once the mentorship has ended; history stays', async () => {
    const { mentor, mentee, mentorship, conversationId } = await freshPair();
    await mentor.client.conversations.send(conversationId, { body: 'Great working with you!', clientId: crypto.randomUUID() });
    await mentor.client.mentorships.complete(mentorship.id);
    const el = await renderThread({ token: mentee.token, conversationId });
    await settled(el);
    expect($(el, '#composer-input')).to.not.exist;
    expect(text($(el, '[part~="ended-note"]'))).to.contain('This mentorship was completed, so no new messages can be sent.');
    expect(bubbles(el)).to.deep.equal(['Great working with you!']);
    await expect(el).to.be.accessible();
  });

  it('a send refused because the mentorship ended meanwhile (409) shows why and closes the composer', async () => {
    const { mentor, mentee, mentorship, conversationId } = await freshPair();
    const el = await renderThread({ token: mentee.token, conversationId });
    await settled(el);
    await mentor.client.mentorships.complete(mentorship.id);
    await typeAndEnter(el, 'Still there?');
    await until(el, () => el.thread.outgoing[0]?.state === 'failed' && !el.thread.canSend, 'the send was not refused');
    expect(text($(el, '[part~="message"].failed'))).to.contain('This mentorship has ended');
    expect($(el, '[part~="ended-note"]')).to.exist;
    expect(() => button(el.shadowRoot!, /^Retry/)).to.throw();
    await expect(el).to.be.accessible();
  });

  it('marks messages read when shown and shows "Seen" under my last message the other person read', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    await mentor.client.conversations.send(conversationId, { body: 'Welcome!', clientId: crypto.randomUUID() });
    const live = new FakeRealtime();
    const el = await renderThread({ token: mentee.token, conversationId, realtime: live });
    await settled(el);
    // Shown on screen → the mentee's marker moves to the mentor's message.
    let unread = -1;
    for (let i = 0; i < 40 && unread !== 0; i++) {
      unread = (await mentee.client.conversations.get(conversationId)).unreadCount;
      if (unread) await new Promise((r) => setTimeout(r, 100));
    }
    expect(unread, 'the thread was not marked read').to.equal(0);
    await typeAndEnter(el, 'Thanks, glad to be here');
    await typeAndEnter(el, 'When shall we meet?');
    await until(el, () => el.thread.messages.length === 3 && !el.thread.outgoing.length, 'the sends were not confirmed');
    expect($(el, '.seen')).to.not.exist;
    // The mentor reads the first of them; the event says so.
    const first = el.thread.messages[1]!;
    const read = await mentor.client.conversations.markRead(conversationId, first.seq);
    live.emit('conversation.read', { ...read, unreadCount: undefined, totalUnread: undefined } as never);
    await el.updateComplete;
    const seen = $$(el, '[part~="message"]').filter((m) => m.querySelector('.seen'));
    expect(seen).to.have.length(1);
    expect(text(seen[0]!.querySelector('.bubble'))).to.contain('Thanks, glad to be here');
    expect(text(seen[0]!.querySelector('.seen'))).to.equal('Seen by Ana');
    await expect(el).to.be.accessible();
  });

  it('appends live messages once (deduplicated by id and clientId) and announces them politely', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    const live = new FakeRealtime();
    const el = await renderThread({ token: mentee.token, conversationId, realtime: live });
    await settled(el);
    expect(live.subscribeCalls).to.equal(1);
    const message: Message = await mentor.client.conversations.send(conversationId, { body: 'Did you see the job post?', clientId: crypto.randomUUID() });
    live.emit('message.created', message);
    live.emit('message.created', message);
    await el.updateComplete;
    expect(bubbles(el)).to.deep.equal(['Did you see the job post?']);
    await until(el, () => text($(el, '[part~="announcer"]')).includes('New message from Ana'), 'no announcement');
    expect($(el, '[part~="announcer"]')!.getAttribute('aria-live')).to.equal('polite');
    // My own message echoed by the stream while the POST is on its way: one bubble, not two.
    await typeAndEnter(el, 'Yes, applying today');
    await until(el, () => el.thread.messages.length === 2 && !el.thread.outgoing.length, 'the send was not confirmed');
    live.emit('message.created', el.thread.messages[1]!);
    await el.updateComplete;
    expect(bubbles(el)).to.deep.equal(['Did you see the job post?', 'Yes, applying today']);
    // Another conversation's message is not shown here.
    live.emit('message.created', { ...message, id: crypto.randomUUID(), conversationId: crypto.randomUUID(), body: 'elsewhere' });
    await el.updateComplete;
    expect(bubbles(el)).to.have.length(2);
    live.status('reconnecting');
    await el.updateComplete;
    expect(text($(el, '[part~="live-status"]'))).to.contain('reconnecting');
    await expect(el).to.be.accessible();
  });

  it('keeps a message that arrives while the thread is still loading a page read before it', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    const live = new FakeRealtime();
    // The page of messages is read at once, but reaches the element only when released.
    const page = heldPage('/messages');
    const el = await renderThread({ token: mentee.token, conversationId, realtime: live, fetch: page.fetch });
    await page.read;
    expect(el.thread.status).to.equal('loading');
    const message: Message = await mentor.client.conversations.send(conversationId, { body: 'Sent while you were loading', clientId: crypto.randomUUID() });
    live.emit('message.created', message);
    page.release();
    await settled(el);
    await el.updateComplete;
    expect(bubbles(el)).to.deep.equal(['Sent while you were loading']);
    await expect(el).to.be.accessible();
  });

  it('subscribes once and unsubscribes when removed', async () => {
    const { mentee, conversationId } = await freshPair();
    const live = new FakeRealtime();
    const el = await renderThread({ token: mentee.token, conversationId, realtime: live });
    await settled(el);
    await el.updateComplete;
    expect(live.subscribeCalls).to.equal(1);
    expect(live.subscribers.size).to.equal(1);
    el.remove();
    expect(live.subscribers.size).to.equal(0);
  });

  it('does not break without a reachable realtime server (the default source)', async () => {
    const { mentee, conversationId } = await freshPair();
    const el = await renderThread({ token: mentee.token, conversationId });
    el.realtimeSource = undefined;
    await settled(el);
    expect(el.thread.status).to.equal('ready');
    expect(['connecting', 'reconnecting', 'open', 'unavailable']).to.include(el.liveStatus);
    el.remove();
  });

  it('fits a 320 px container without horizontal scrolling, with long words and links, in light and dark', async () => {
    const { mentor, mentee, conversationId } = await freshPair();
    await mentor.client.conversations.send(conversationId, { body: `https://example.edu/${'a'.repeat(120)} ${'x'.repeat(150)}`, clientId: crypto.randomUUID() });
    const el = await renderThread({ token: mentee.token, conversationId, width: '320px' });
    await settled(el);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const history = $(el, '[part~="history"]')!;
    expect(history.scrollWidth).to.be.at.most(history.clientWidth + 1);
    const send = $(el, '[part~="send-button"]')!.getBoundingClientRect();
    expect(send.height).to.be.at.least(24);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

