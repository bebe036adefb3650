import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { $, $$, buttonIn } from '../../test-support/api-fixture.js';
import { freshApplicant, freshMentor, uniqueWord } from './admin.fixtures.js';
import { dialogOpened, findApplicationCard, mentorRow, renderAdmin, searchMentors, settled } from './admin.test-helpers.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

describe('<mentorship-admin> styling contract', () => {
  let word: string;
  let mentorId: string;
  before(async () => {
    word = uniqueWord();
    mentorId = (await freshMentor(`Pia ${word}`, { waitingRequests: 1 })).id;
  });
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  const style = (e: Element, pseudo?: string) => getComputedStyle(e, pseudo);
  async function mentorsIn(wrapperStyle: string, theme?: 'light' | 'dark'): Promise<MentorshipAdmin> {
    const el = await renderAdmin({ tab: 'mentors', wrapperStyle, ...(theme ? { theme } : {}) });
    await settled(el);
    await searchMentors(el, word);
    return el;
  }
  const noHorizontalOverflow = (boxes: Element[]) => {
    for (const box of boxes) expect(box.scrollWidth, `${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth);
  };

  it('shows the mentors as a table in a wide container', async () => {
    const el = await mentorsIn('width: 960px');
    const row = mentorRow(el, mentorId)!;
    expect(style(row).display).to.equal('table-row');
    expect(style($(el, 'thead')!).position).to.equal('static');
  });

  it('turns each mentor into a labelled card below about 560px, without horizontal scrolling', async () => {
    const el = await mentorsIn('width: 400px');
    const row = mentorRow(el, mentorId)!;
    expect(style(row).display).to.equal('block');
    expect(style(row).borderTopStyle).to.equal('solid');
    expect(style($(el, 'thead')!).position, 'column headers stay for screen readers only').to.equal('absolute');
    expect([...row.querySelectorAll('td[data-label]')].map((td) => style(td, '::before').content)).to.deep.equal([
      '"Status"', '"Mentees"', '"Pending requests"', '"Median reply time"', '"Rating"',
    ]);
    noHorizontalOverflow([el, ...$$(el, '.base, .table-wrap, tbody tr, [part="toolbar"]')]);
    await expect(el).to.be.accessible();
  });

  it('fits the application cards and the chart into 320px', async () => {
    const { application } = await freshApplicant(`Quinn ${uniqueWord()}`, {
      application: { links: ['https://example.org/a/very/long/path/that/should/wrap/instead/of/overflowing/the/card'] },
    });
    const el = await renderAdmin({ wrapperStyle: 'width: 320px' });
    const card = await findApplicationCard(el, application.id);
    noHorizontalOverflow([el, card, ...card.querySelectorAll('.actions, .links')]);

    buttonIn(el.shadowRoot!, 'Overview').click();
    await settled(el);
    const svg = $(el, 'svg.chart-svg')!;
    expect(svg.getBoundingClientRect().width).to.be.at.most(320);
    expect($$(el, '.tick--minor').every((t) => style(t).display === 'none'), 'every other week label folds away').to.equal(true);
    noHorizontalOverflow([el, $(el, '[part="chart"]')!, $(el, '[part="numbers"]')!]);
  });

  it('gives every control a target of at least 24 by 24 pixels', async () => {
    const { application } = await freshApplicant(`Rue ${uniqueWord()}`);
    const el = await renderAdmin({ wrapperStyle: 'width: 960px' });
    const checkTargets = (root: ParentNode) => {
      const controls = [...root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')].filter((c) => c.checkVisibility());
      expect(controls.length).to.be.greaterThan(2);
      for (const c of controls) {
        const { width, height } = c.getBoundingClientRect();
        expect(Math.min(width, height), c.outerHTML.slice(0, 80)).to.be.at.least(24);
      }
    };
    buttonIn(await findApplicationCard(el, application.id), 'Reject').click();
    checkTargets((await dialogOpened(el)).querySelector('form')!);
    $<HTMLDialogElement>(el, 'dialog')!.close();
    checkTargets(el.shadowRoot!);

    buttonIn(el.shadowRoot!, 'Mentors').click();
    await settled(el);
    await searchMentors(el, word);
    checkTargets(el.shadowRoot!);
  });

  it('applies the tokens set by the page', async () => {
    const el = await mentorsIn(
      '--mentorship-color-accent: rgb(1, 2, 3); --mentorship-tab-indicator-color: rgb(4, 5, 6); --mentorship-card-background: rgb(7, 8, 9); ' +
        '--mentorship-chart-requests-color: rgb(13, 14, 15); --mentorship-color-danger: rgb(16, 17, 18)',
    );
    expect(style($(el, '[part~="tab-selected"]')!).borderBottomColor).to.equal('rgb(4, 5, 6)');
    expect(style($(el, '.table-wrap')!).backgroundColor).to.equal('rgb(7, 8, 9)');

    buttonIn(el.shadowRoot!, 'Overview').click();
    await settled(el);
    expect(style($(el, 'rect.bar--accepted')!).fill, 'accepted bars default to the accent').to.equal('rgb(1, 2, 3)');
    expect(style($(el, 'rect.bar--requests')!).fill).to.equal('rgb(13, 14, 15)');
    el.style.setProperty('--mentorship-chart-accepted-color', 'rgb(10, 11, 12)');
    expect(style($(el, 'rect.bar--accepted')!).fill).to.equal('rgb(10, 11, 12)');

    buttonIn(el.shadowRoot!, 'Mentors').click();
    await el.updateComplete;
    buttonIn(mentorRow(el, mentorId)!, 'Suspend…').click();
    const d = await dialogOpened(el);
    expect(style(buttonIn(d, 'Suspend mentor')).backgroundColor, 'danger buttons follow the danger colour').to.equal('rgb(16, 17, 18)');
    d.close();
  });

  it('is accessible in dark mode, set by the page or by the theme attribute', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mentorsIn('');
    expect(style($(el, '.table-wrap')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
    const themed = await mentorsIn('', 'dark');
    expect(style($(themed, '.table-wrap')!).backgroundColor).to.equal('rgb(28, 31, 36)');
    buttonIn(themed.shadowRoot!, 'Overview').click();
    await settled(themed);
    await expect(themed).to.be.accessible();
  });
});
