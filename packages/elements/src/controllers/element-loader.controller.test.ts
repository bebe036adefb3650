import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ElementLoaderController } from './element-loader.controller.js';

/** Just enough of a host: counts the updates the loader asks for. */
class FakeHost implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

describe('ElementLoaderController', () => {
  it('waits until its `when` says so, reports a failed load, and retries until the tag is defined', async () => {
    // This page never loads the real thread: the test defines the tag itself.
    expect(customElements.get('message-thread')).to.equal(undefined);
    const host = new FakeHost();
    let fail = true;
    let calls = 0;
    let enabled = false;
    const loader = new ElementLoaderController(host, {
      tag: 'message-thread',
      when: () => enabled,
      load: async () => {
        calls++;
        if (fail) throw new Error('offline');
        customElements.define('message-thread', class extends HTMLElement {});
      },
    });
    loader.hostUpdated();
    expect(calls, 'nothing loads before the workspace is ready').to.equal(0);
    expect(loader.status).to.equal('idle');

    enabled = true;
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      loader.hostUpdated();
      expect(loader.status).to.equal('loading');
      await waitUntil(() => loader.status === 'error', 'the failure was not reported');
    } finally {
      console.error = original;
    }
    expect(logged).to.have.length(1);
    expect(calls).to.equal(1);
    // No second attempt by itself (the Messages tab offers Retry).
    loader.hostUpdated();
    expect(calls).to.equal(1);

    fail = false;
    const before = host.updates;
    loader.load();
    expect(host.updates, 'the error gives way to "Loading…"').to.be.greaterThan(before);
    await waitUntil(() => loader.status === 'ready', 'the thread did not load on retry');
    expect(calls).to.equal(2);
    loader.load();
    expect(calls, 'a defined thread is not loaded again').to.equal(2);
  });
});
