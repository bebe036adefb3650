import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ResourceController } from './resource.controller.js';

interface Call {
  arg: string;
  signal: AbortSignal;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

/** A host whose resource follows its `arg` property and whose task answers when the test says. */
class ResourceHost extends LitElement {
  @property() arg: string | undefined = undefined;
  calls: Call[] = [];
  resource = new ResourceController<string, [string]>(this, {
    args: () => (this.arg === undefined ? undefined : [this.arg]),
    task: ([arg], { signal }) => new Promise<string>((resolve, reject) => this.calls.push({ arg, signal, resolve, reject })),
  });
}
customElements.define('resource-host', ResourceHost);

describe('ResourceController', () => {
  let host: ResourceHost;
  beforeEach(async () => {
    host = await fixture<ResourceHost>(html`<resource-host></resource-host>`);
  });
  const tick = () => new Promise((r) => setTimeout(r));

  it('waits until its arguments are ready, then loads', async () => {
    expect(host.resource.status).to.equal('initial');
    expect(host.calls).to.have.length(0);
    host.arg = 'a';
    await host.updateComplete;
    expect(host.resource.status).to.equal('pending');
    host.calls[0]!.resolve('A');
    await tick();
    expect(host.resource).to.include({ status: 'complete', value: 'A' });
  });

  it('aborts an older run and ignores its late answer', async () => {
    host.arg = 'old';
    await host.updateComplete;
    host.arg = 'new';
    await host.updateComplete;
    const [older, newer] = host.calls;
    expect(older!.signal.aborted).to.equal(true);
    newer!.resolve('NEW');
    older!.resolve('OLD');
    await tick();
    expect(host.resource.value).to.equal('NEW');
  });

  it('keeps the last value while reloading, reports errors and retries', async () => {
    host.arg = 'a';
    await host.updateComplete;
    host.calls[0]!.resolve('A');
    await tick();
    host.arg = 'b';
    await host.updateComplete;
    expect(host.resource).to.include({ status: 'pending', value: 'A' });
    host.calls[1]!.reject(new Error('offline'));
    await tick();
    expect(host.resource.status).to.equal('error');
    expect((host.resource.error as Error).message).to.equal('offline');

    void host.resource.retry();
    expect(host.calls[2]!.arg).to.equal('b');
    host.calls[2]!.resolve('B');
    await tick();
    expect(host.resource).to.include({ status: 'complete', value: 'B' });
  });

  it('aborts on disconnect and loads again on reconnect', async () => {
    host.arg = 'a';
    await host.updateComplete;
    const parent = host.parentElement!;
    host.remove();
    expect(host.calls[0]!.signal.aborted).to.equal(true);
    expect(host.resource.status).to.equal('initial');
    parent.append(host);
    await host.updateComplete;
    expect(host.calls).to.have.length(2);
    expect(host.resource.status).to.equal('pending');
  });
});
