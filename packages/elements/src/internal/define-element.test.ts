import { expect } from '@open-wc/testing';
import { MentorSearch } from '../components/mentor-search/mentor-search.component.js';
import '../index.js';
import { defineElement } from './define-element.js';

describe('defineElement', () => {
  it('registers a new tag', () => {
    class Probe extends HTMLElement {}
    expect(defineElement('mentorkit-probe', Probe)).to.equal(true);
    expect(customElements.get('mentorkit-probe')).to.equal(Probe);
  });

  it('leaves the first registration in place when a second copy loads', () => {
    class SecondCopy extends HTMLElement {}
    expect(defineElement('mentor-search', SecondCopy)).to.equal(false);
    expect(customElements.get('mentor-search')).to.equal(MentorSearch);
  });

  it('the main entry (index.js) registers every element', () => {
    for (const tag of ['mentorship-provider', 'mentor-search', 'mentee-dashboard', 'mentor-dashboard', 'mentorship-admin', 'mentorship-workspace', 'message-thread', 'notification-list']) expect(customElements.get(tag), tag).to.exist;
  });
});
