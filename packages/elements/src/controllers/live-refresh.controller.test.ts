import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FakeRealtime } from '../components/message-thread/message-thread.test-support.js';
import { LiveRefreshController } from './live-refresh.controller.js';

type Part = 'a' | 'b';

class LiveProbe extends LitElement {
  source = new FakeRealtime();
  refreshes: Part[][] = [];
  announced: string[] = [];
  ready = true;
  /** Holds each refresh until the test lets it go. */
  gate: Promise<void> | undefined;
  /** What each refresh answers (applied or not); `true` once used up. */
  applied: boolean[] = [];
  readonly live = new LiveRefreshController<Part>(this, {
    source: () => this.source,
    types: ['message.created', 'meeting.created'],
    route: (e) => (e.type === 'message.created' ? 'a' : ['a', 'b']),
    describe: (e) => (e.type === 'meeting.created' ? 'A meeting.' : undefined),
    announce: (m) => this.announced.push(m),
    ready: () => this.ready,
    delayMs: 20,
    refresh: async (parts) => {
      this.refreshes.push([...parts].sort());
      await this.gate;
      return this.applied.shift() ?? true;
    },
  });
}
customElements.define('live-refresh-probe', LiveProbe);

const data = {} as never;

async function probe(): Promise<LiveProbe> {
  const el = await fixture<LiveProbe>(html`<live-refresh-probe></live-refresh-probe>`);
  el.requestUpdate();
  await el.updateComplete;
  expect(el.live.status).to.equal('open');
  return el;
}

describe('LiveRefreshController', () => {
  it('gathers a burst of events into one refresh of every part they name, then announces', async () => {
    const el = await probe();
    el.source.emit('message.created', data);
    el.source.emit('message.created', data);
    el.source.emit('meeting.created', data);
    el.source.emit('notification.created', data);
    expect(el.live.settled).to.equal(false);
    await el.live.whenSettled();
    expect(el.refreshes).to.deep.equal([['a', 'b']]);
    expect(el.announced).to.deep.equal(['A meeting.']);
  });

  it('never runs two refreshes at once: events during one lead to exactly one more', async () => {
    const el = await probe();
    let release!: () => void;
    el.gate = new Promise((r) => (release = r));
    el.source.emit('message.created', data);
    await waitUntil(() => el.refreshes.length === 1, 'the first refresh did not start');
    el.source.emit('meeting.created', data);
    el.source.emit('message.created', data);
    await new Promise((r) => setTimeout(r, 60));
    expect(el.refreshes).to.have.length(1);
    el.gate = undefined;
    release();
    await el.live.whenSettled();
    expect(el.refreshes).to.deep.equal([['a'], ['a', 'b']]);
  });

  it('waits while the host is not ready (an action of the viewer on its way)', async () => {
    const el = await probe();
    el.ready = false;
    el.source.emit('message.created', data);
    await new Promise((r) => setTimeout(r, 80));
    expect(el.refreshes).to.have.length(0);
    el.ready = true;
    await el.live.whenSettled();
    expect(el.refreshes).to.deep.equal([['a']]);
  });

  it('loads again what a refresh did not apply (an action raced it), announcing only then', async () => {
    const el = await probe();
    el.applied = [false];
    el.source.emit('meeting.created', data);
    await el.live.whenSettled();
    expect(el.refreshes).to.deep.equal([['a', 'b'], ['a', 'b']]);
    expect(el.announced).to.deep.equal(['A meeting.']);
  });

  it('forgets stale parts when the host leaves the page', async () => {
    const el = await probe();
    el.source.emit('message.created', data);
    el.remove();
    await el.live.whenSettled();
    await new Promise((r) => setTimeout(r, 60));
    expect(el.refreshes).to.have.length(0);
  });
});
