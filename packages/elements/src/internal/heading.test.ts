import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { clampHeadingLevel, heading } from './heading.js';

describe('heading', () => {
  it('renders the level asked for, within 1–6, with its attributes', async () => {
    const el = await fixture<HTMLDivElement>(html`<div>${heading(3, 'Mentees', { id: 'm', part: 'title', class: 'big' })}${heading(9, 'Deep')}</div>`);
    const h3 = el.querySelector('h3')!;
    expect([h3.id, h3.getAttribute('part'), h3.className, h3.textContent]).to.deep.equal(['m', 'title', 'big', 'Mentees']);
    expect(el.querySelector('h6')!.hasAttribute('id'), 'no empty attributes').to.equal(false);
    expect([clampHeadingLevel(0), clampHeadingLevel(2), clampHeadingLevel(Number.NaN)]).to.deep.equal([1, 2, 2]);
  });
});
