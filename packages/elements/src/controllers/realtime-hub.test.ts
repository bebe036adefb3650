import { expect, waitUntil } from '@open-wc/testing';
import type { TypedRealtimeEvent } from '@mentorkit/contract';
import { FakeRealtime } from '../components/message-thread/message-thread.test-support.js';
import { RealtimeHub } from './realtime-hub.js';

const message = {} as never;

describe('RealtimeHub', () => {
  it('shares one upstream subscription among listeners, each with its own filter', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream, { lingerMs: 10 });
    const a: string[] = [];
    const b: string[] = [];
    hub.subscribe((e) => a.push(e.type), { types: ['message.created'] });
    hub.subscribe((e) => b.push(e.type));
    expect(upstream.subscribeCalls).to.equal(1);
    expect(hub.listenerCount).to.equal(2);
    upstream.emit('message.created', message);
    upstream.emit('notification.created', message);
    expect(a).to.deep.equal(['message.created']);
    expect(b).to.deep.equal(['message.created', 'notification.created']);
  });

  it('tells a late listener the current status, and every listener each change', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream);
    const first: string[] = [];
    const late: string[] = [];
    hub.subscribe(() => {}, { onStatus: (s) => first.push(s) });
    hub.subscribe(() => {}, { onStatus: (s) => late.push(s) });
    expect(late).to.deep.equal(['open']);
    upstream.status('reconnecting');
    expect(first).to.deep.equal(['open', 'reconnecting']);
    expect(late).to.deep.equal(['open', 'reconnecting']);
  });

  it('one listener throwing does not keep the event from the others', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream);
    const seen: string[] = [];
    const reportError = window.reportError;
    const reported: unknown[] = [];
    window.reportError = (e) => reported.push(e);
    try {
      hub.subscribe(() => {
        throw new Error('boom');
      });
      hub.subscribe((e: TypedRealtimeEvent) => seen.push(e.type));
      upstream.emit('message.created', message);
    } finally {
      window.reportError = reportError;
    }
    expect(seen).to.deep.equal(['message.created']);
    expect(reported).to.have.length(1);
  });

  it('closes upstream after the last listener has been gone a while, and opens again for a new one', async () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream, { lingerMs: 20 });
    const stopA = hub.subscribe(() => {});
    const abort = new AbortController();
    hub.subscribe(() => {}, { signal: abort.signal });
    stopA();
    abort.abort();
    expect(hub.listenerCount).to.equal(0);
    // Back within the linger time (an element moved in the page): the same subscription.
    const stopC = hub.subscribe(() => {});
    expect(upstream.subscribeCalls).to.equal(1);
    stopC();
    await waitUntil(() => upstream.subscribers.size === 0, 'upstream was not closed');
    expect(hub.status).to.equal(undefined);
    const events: string[] = [];
    hub.subscribe((e) => events.push(e.type));
    expect(upstream.subscribeCalls).to.equal(2);
    upstream.emit('message.created', message);
    expect(events).to.deep.equal(['message.created']);
  });

  it('an unsubscribed listener hears nothing more and is told "closed"', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream);
    const events: string[] = [];
    const statuses: string[] = [];
    const stop = hub.subscribe((e) => events.push(e.type), { onStatus: (s) => statuses.push(s) });
    hub.subscribe(() => {});
    stop();
    stop();
    upstream.emit('message.created', message);
    expect(events).to.deep.equal([]);
    expect(statuses).to.deep.equal(['open', 'closed']);
    expect(upstream.subscribers.size).to.equal(1);
  });

  it('gives a listener with its own cursor a subscription of its own', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream);
    hub.subscribe(() => {});
    hub.subscribe(() => {}, { after: 41 });
    expect(upstream.subscribeCalls).to.equal(2);
    expect(hub.listenerCount).to.equal(1);
  });

  it('passes on a failure to subscribe (no WebSocket) and keeps no listener', () => {
    const hub = new RealtimeHub({
      subscribe: () => {
        throw new Error('No WebSocket implementation');
      },
    });
    expect(() => hub.subscribe(() => {})).to.throw('No WebSocket');
    expect(hub.listenerCount).to.equal(0);
  });

  it('after upstream closed for good (too many sockets), the next listener opens it again', () => {
    const upstream = new FakeRealtime();
    const hub = new RealtimeHub(upstream);
    const statuses: string[] = [];
    hub.subscribe(() => {}, { onStatus: (s) => statuses.push(s) });
    for (const s of upstream.subscribers) s.options.onStatus?.('closed', { attempt: 0, code: 4429 });
    expect(statuses).to.deep.equal(['open', 'closed']);
    expect(hub.status).to.equal(undefined);
    hub.subscribe(() => {});
    expect(upstream.subscribeCalls).to.equal(2);
  });
});
