import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HashRouteController, patchHash, readHashParams, readHashTokens, writeHashParams } from './hash-route.js';

class RouteProbe extends LitElement {
  seen: string[] = [];
  enabled = true;
  readonly route = new HashRouteController(this, {
    keys: ['mentorship', 'tab'],
    enabled: () => this.enabled,
    onChange: (params) => this.seen.push(params.toString()),
  });
}
customElements.define('hash-route-probe', RouteProbe);

describe('hash route', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start.replace(/#.*$/, '')));

  it('keeps the page’s bare tokens and other keys when patching', () => {
    expect(patchHash('#my-mentoring', { mentorship: 'm1', tab: 'plan' })).to.equal('#my-mentoring&mentorship=m1&tab=plan');
    expect(patchHash('#find&q=data&sort=match', { tab: 'notes' })).to.equal('#find&q=data&sort=match&tab=notes');
    expect(patchHash('#my-mentoring&mentorship=m1&tab=plan', { mentorship: null, tab: '' })).to.equal('#my-mentoring');
    expect(patchHash('#q=a', { q: null })).to.equal('');
    expect(patchHash('', { expertise: ['SQL', 'Data & AI'] })).to.equal('#expertise=SQL&expertise=Data+%26+AI');
    expect(readHashParams('#find&expertise=SQL&expertise=Data+%26+AI').getAll('expertise')).to.deep.equal(['SQL', 'Data & AI']);
    expect(readHashTokens('#find&q=x')).to.deep.equal(['find']);
  });

  it('pushes or replaces history without firing hashchange', async () => {
    let changes = 0;
    const count = () => changes++;
    window.addEventListener('hashchange', count);
    const length = history.length;
    writeHashParams({ mentorship: 'm1' }, { push: true });
    expect(history.length).to.equal(length + 1);
    writeHashParams({ tab: 'plan' });
    expect(history.length).to.equal(length + 1);
    expect(location.hash).to.equal('#mentorship=m1&tab=plan');
    await new Promise((r) => setTimeout(r, 20));
    window.removeEventListener('hashchange', count);
    expect(changes).to.equal(0);
  });

  it('tells the element its keys on connect and after back, not after its own writes', async () => {
    history.replaceState(null, '', '#my-mentoring&mentorship=m1&q=x');
    const el = await fixture<RouteProbe>(html`<hash-route-probe></hash-route-probe>`);
    expect(el.seen).to.deep.equal(['mentorship=m1']);
    el.route.write({ tab: 'plan' }, { push: true });
    expect(el.seen).to.have.length(1);
    const back = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await back;
    expect(el.seen).to.deep.equal(['mentorship=m1', 'mentorship=m1']);
    el.enabled = false;
    history.replaceState(null, '', '#mentorship=m2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(el.seen).to.have.length(2);
  });
});
