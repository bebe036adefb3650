import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FakeRealtime } from '../components/message-thread/message-thread.test-support.js';
import { RealtimeController, type RealtimeSource } from './realtime.controller.js';

class RealtimeProbe extends LitElement {
  source: RealtimeSource | undefined = undefined;
  events: string[] = [];
  statuses: string[] = [];
  readonly live = new RealtimeController(this, {
    source: () => this.source,
    types: ['message.created'],
    onEvent: (e) => this.events.push(e.type),
    onStatus: (s) => this.statuses.push(s),
  });
}
customElements.define('realtime-probe', RealtimeProbe);

describe('RealtimeController', () => {
  it('subscribes once per source, follows a new source, and unsubscribes on disconnect', async () => {
    const el = await fixture<RealtimeProbe>(html`<realtime-probe></realtime-probe>`);
    expect(el.live.status).to.equal('idle');
    const first = new FakeRealtime();
    el.source = first;
    el.requestUpdate();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(first.subscribeCalls).to.equal(1);
    expect(el.live.status).to.equal('open');
    first.emit('message.created', {} as never);
    first.emit('notification.created', {} as never);
    expect(el.events).to.deep.equal(['message.created']);

    const second = new FakeRealtime();
    el.source = second;
    el.requestUpdate();
    await el.updateComplete;
    expect(first.subscribers.size).to.equal(0);
    expect(second.subscribeCalls).to.equal(1);
    second.status('reconnecting');
    expect(el.live.status).to.equal('reconnecting');

    el.remove();
    expect(second.subscribers.size).to.equal(0);
    expect(el.live.status).to.equal('idle');
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(second.subscribeCalls).to.equal(2);
    el.remove();
  });

  it('reports "unavailable" instead of throwing when subscribing fails', async () => {
    const el = await fixture<RealtimeProbe>(html`<realtime-probe></realtime-probe>`);
    el.source = { subscribe: () => { throw new Error('No WebSocket implementation'); } };
    el.requestUpdate();
    await el.updateComplete;
    expect(el.live.status).to.equal('unavailable');
    expect(el.statuses).to.include('unavailable');
  });
});
