/**
 * The browser bundle's entry (what `mentorkit.js` is built from): the provider at once, every other
 * element when its tag shows up. Nothing else in this file imports an element, so a tag is defined
 * only if the autoloader loaded it.
 */
import { expect } from '@open-wc/testing';
import { discover } from './autoload.js';
import { Autoloader } from './internal/autoloader.js';
import { captureConsoleErrors } from './test-support/console-errors.js';

const tick = () => new Promise((resolve) => setTimeout(resolve));
/** A boolean: a failing assertion on the class itself would make the runner serialize all of it. */
const defined = (tag: string) => customElements.get(tag) !== undefined;

describe('autoload (the bundle entry)', () => {
  it('defines <mentorship-provider> up front and no other element', () => {
    expect(defined('mentorship-provider')).to.equal(true);
    for (const tag of ['mentor-search', 'mentee-dashboard', 'mentor-dashboard', 'mentorship-workspace', 'message-thread', 'notification-list', 'mentorship-admin']) {
      expect(defined(tag), tag).to.equal(false);
    }
  });

  it('loads an element added to the document, and only that one', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<mentorship-provider api="/"><mentor-search></mentor-search></mentorship-provider>';
    document.body.append(wrapper);
    try {
      await customElements.whenDefined('mentor-search');
      const search = wrapper.querySelector('mentor-search')!;
      expect(search.shadowRoot, 'the element on the page upgraded').to.exist;
      expect(defined('mentorship-admin')).to.equal(false);
      expect(defined('mentee-dashboard')).to.equal(false);
    } finally {
      wrapper.remove();
    }
  });

  it('discover() loads the elements in a shadow root, which the document watcher cannot see', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      host.attachShadow({ mode: 'open' }).innerHTML = '<notification-list api="/"></notification-list>';
      await tick();
      expect(defined('notification-list'), 'loaded without discover()').to.equal(false);
      discover(host.shadowRoot!);
      await customElements.whenDefined('notification-list');
      expect(host.shadowRoot!.querySelector('notification-list')!.shadowRoot).to.exist;
    } finally {
      host.remove();
    }
  });
});

describe('Autoloader', () => {
  it('reports a failed load naming the tag, and tries again on the next discovery', async () => {
    const { logged, restore } = captureConsoleErrors();
    let calls = 0;
    try {
      const loader = new Autoloader({
        'mentorkit-flaky': () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve()),
      });
      const root = document.createElement('div');
      root.innerHTML = '<p><mentorkit-flaky></mentorkit-flaky></p>';
      loader.discover(root);
      await tick();
      expect(calls).to.equal(1);
      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain('<mentorkit-flaky>');

      loader.discover(root);
      await tick();
      expect(calls, 'retried').to.equal(2);
      loader.discover(root);
      await tick();
      expect(calls, 'loaded once it succeeded').to.equal(2);
      expect(logged).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('watches a tree for added elements and loads each tag once', async () => {
    const loads: string[] = [];
    const loader = new Autoloader({
      'mentorkit-alpha': async () => void loads.push('alpha'),
      'mentorkit-beta': async () => void loads.push('beta'),
    });
    const root = document.createElement('div');
    loader.observe(root);
    root.append(document.createElement('mentorkit-alpha'));
    const nested = document.createElement('section');
    nested.innerHTML = '<mentorkit-alpha></mentorkit-alpha>';
    root.append(nested);
    await tick();
    expect(loads).to.deep.equal(['alpha']);
  });
});
