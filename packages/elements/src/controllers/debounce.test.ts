import { expect } from '@open-wc/testing';
import { debounce } from './debounce.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('debounce', () => {
  it('calls once with the latest arguments after a pause', async () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 30);
    d('a');
    d('ab');
    d('abc');
    expect(calls).to.deep.equal([]);
    await sleep(60);
    expect(calls).to.deep.equal(['abc']);
  });

  it('flush runs a pending call now; cancel drops it', async () => {
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 30);
    d('now');
    d.flush();
    expect(calls).to.deep.equal(['now']);
    d.flush();
    d('never');
    d.cancel();
    await sleep(60);
    expect(calls).to.deep.equal(['now']);
  });
});
