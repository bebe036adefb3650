import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@mentorkit/sdk';
import '../define/mentee-dashboard.js';
import '../define/mentor-dashboard.js';
import '../define/mentor-search.js';
import '../define/mentorship-admin.js';
import '../define/mentorship-provider.js';
import '../define/mentorship-workspace.js';
import '../define/message-thread.js';
import '../define/notification-list.js';
import { freshMentorship } from '../components/mentorship-workspace/workspace.test-support.js';
import { templates } from '../generated/locales/fil.js';
import { devToken, freshToken, loadFixture } from '../test-support/api-fixture.js';
import { declaredLanguage, OWN_LANG_MARK, pageLanguage, resolveLanguage, supportedLocale } from './localization.js';

/** All text of an element's shadow tree, nested elements included, whitespace collapsed. */
function deepText(node: Node): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
    else if (child instanceof Element) {
      if (child.localName === 'style') continue;
      out += ' ' + deepText(child.shadowRoot ?? child);
      if (child.shadowRoot) out += ' ' + deepText(child);
    }
  }
  return out.replace(/\s+/g, ' ');
}

const tabTexts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim()).join('|');

describe('localization', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('has a Filipino translation for every message in the XLIFF, and the generated module has them all', async () => {
    const xliff = new DOMParser().parseFromString(await (await fetch('/packages/elements/xliff/fil.xlf')).text(), 'application/xml');
    const units = [...xliff.getElementsByTagName('trans-unit')];
    expect(units.length).to.be.greaterThan(100);
    const untranslated = units.filter((u) => !u.getElementsByTagName('target')[0]?.textContent?.trim()).map((u) => u.getElementsByTagName('source')[0]?.textContent);
    expect(untranslated, 'trans-units without a target').to.deep.equal([]);
    expect(Object.keys(templates).sort()).to.deep.equal(units.map((u) => u.getAttribute('id')!).sort());
  });

  it('maps language tags to the supported locales', () => {
    expect(['fil', 'fil-PH', 'tl', 'TL-ph', 'en', 'en-GB', 'es', '', null].map(supportedLocale)).to.deep.equal([
      'fil', 'fil', 'fil', 'fil', 'en', 'en', undefined, undefined, undefined,
    ]);
  });

  it('takes the nearest supported lang, across shadow roots, then the page', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="fil-PH"><section lang="es"><span></span></section></div>`);
    const span = outer.querySelector('span')!;
    expect(resolveLanguage(span)).to.deep.equal({ locale: 'fil', tag: 'fil-PH' });

    const host = document.createElement('div');
    host.setAttribute('lang', 'tl');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('p'));
    expect(resolveLanguage(inner).locale).to.equal('fil');

    const plain = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(resolveLanguage(plain)).to.deep.equal({ locale: 'en', tag: undefined });
    document.documentElement.removeAttribute('lang');
    expect(declaredLanguage(plain), 'nothing declares a language').to.equal(undefined);
    expect(resolveLanguage(plain)).to.deep.equal({ locale: 'en', tag: undefined });
    document.documentElement.setAttribute('lang', 'fil');
    expect(resolveLanguage(plain).locale).to.equal('fil');
    expect(pageLanguage().locale).to.equal('fil');
  });

  it('looks past a lang an element put on its own content', async () => {
    document.documentElement.removeAttribute('lang');
    const outer = await fixture<HTMLDivElement>(html`<div><div lang="fil"><span></span></div></div>`);
    expect(declaredLanguage(outer.querySelector('span')!)?.locale, 'a plain lang declares').to.equal('fil');
    outer.querySelector('div')!.setAttribute(OWN_LANG_MARK, '');
    expect(declaredLanguage(outer.querySelector('span')!)).to.equal(undefined);
    outer.setAttribute('lang', 'fil');
    expect(declaredLanguage(outer.querySelector('span')!)?.locale).to.equal('fil');
  });

  it('switches every element inside a provider with lang, and back', async () => {
    const token = await devToken('admin');
    const wrapper = await fixture(html`<div>
      <mentorship-provider api="/" .token=${token} lang="fil"><mentorship-admin></mentorship-admin></mentorship-provider>
      <mentorship-provider api="/" .token=${token}><mentorship-admin></mentorship-admin></mentorship-provider>
    </div>`);
    const [fil, en] = [...wrapper.querySelectorAll('mentorship-admin')] as HTMLElement[];
    await waitUntil(() => tabTexts(fil!) === 'Mga aplikasyon|Mga mentor|Pangkalahatang-tanaw|Mga programa', 'Filipino tabs under lang="fil"');
    // Two languages on one page: the element without lang stays English.
    expect(tabTexts(en!)).to.equal('Applications|Mentors|Overview|Programmes');
    expect(fil!.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Pamamahala ng mentoring programme');

    wrapper.querySelector('mentorship-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => tabTexts(fil!) === 'Applications|Mentors|Overview|Programmes', 'English again after lang="en"');
  });

  it('follows <html lang> when nothing nearer says otherwise', async () => {
    const token = await devToken('admin');
    const wrapper = await fixture(html`<mentorship-provider api="/" .token=${token}><mentorship-admin></mentorship-admin></mentorship-provider>`);
    const el = wrapper.querySelector('mentorship-admin')!;
    // The tabs show once the admin's role is known (no admin request before that).
    await waitUntil(() => tabTexts(el) === 'Applications|Mentors|Overview|Programmes', 'English tabs');
    document.documentElement.setAttribute('lang', 'fil');
    await waitUntil(() => tabTexts(el) === 'Mga aplikasyon|Mga mentor|Pangkalahatang-tanaw|Mga programa', 'Filipino after <html lang="fil">');
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => tabTexts(el) === 'Applications|Mentors|Overview|Programmes', 'English after <html lang="en">');
  });

  describe('every element in Filipino under <mentorship-provider lang="fil">, and back', () => {
    /** Renders under a Filipino provider, waits for the Filipino strings, switches to English and waits for those. */
    async function check(token: string, element: ReturnType<typeof html>, fil: string[], en: string[]): Promise<void> {
      const provider = await fixture(html`<mentorship-provider api="/" .token=${token} lang="fil">${element}</mentorship-provider>`);
      const el = provider.firstElementChild!;
      const has = (words: string[]) => () => {
        const text = deepText(el.shadowRoot!);
        return words.every((w) => text.includes(w));
      };
      await waitUntil(has(fil), `${el.localName} in Filipino: ${fil.join(' | ')}`, { timeout: 10_000 });
      provider.setAttribute('lang', 'en');
      await waitUntil(has(en), `${el.localName} back in English: ${en.join(' | ')}`, { timeout: 10_000 });
    }

    it('<mentor-search>', async () => {
      const { marker } = await loadFixture();
      await check(await devToken('mentee'), html`<mentor-search q=${marker}></mentor-search>`,
        ['Maghanap ng mentor', 'Tingnan ang profile', 'Humiling ng mentorship'], ['Search mentors', 'View profile', 'Request mentorship']);
    });

    it('<mentee-dashboard>', async () => {
      const { requesterToken } = await loadFixture();
      await check(requesterToken, html`<mentee-dashboard></mentee-dashboard>`,
        ['Aking mentoring', 'Bawiin ang request'], ['My mentoring', 'Withdraw request']);
    });

    it('<mentor-dashboard>', async () => {
      await check(await devToken('mentor'), html`<mentor-dashboard></mentor-dashboard>`,
        ['Ang iyong availability', 'Mga naghihintay na request'], ['Your availability', 'Waiting requests']);
    });

    it('<mentorship-workspace>, <message-thread> and <notification-list>', async () => {
      const { mentee, mentorship } = await freshMentorship();
      await check(mentee.token, html`<mentorship-workspace mentorship-id=${mentorship.id}></mentorship-workspace>`,
        ['Mag-iskedyul ng meeting', 'Progreso'], ['Schedule a meeting', 'Progress']);
      await check(mentee.token, html`<message-thread conversation-id=${mentorship.conversationId ?? ''}></message-thread>`,
        ['Ipadala', 'Wala pang mensahe.'], ['Send', 'No messages yet.']);
      await check(mentee.token, html`<notification-list></notification-list>`, ['Mga abiso'], ['Notifications']);
    });
  });

  describe("the signed-in user's own language when neither the element nor the page declares one", () => {
    beforeEach(() => document.documentElement.removeAttribute('lang'));

    /** A new person (with an email address, so with email settings) who chose Filipino. */
    async function filipinoUser(): Promise<string> {
      const { token } = await freshToken('Luz Bautista', [], `luz.${Date.now()}@example.edu`);
      await createClient({ baseUrl: '/', token }).notifications.updatePreferences({ language: 'fil' });
      return token;
    }
    const textOf = (el: Element) => deepText(el.shadowRoot!);
    /** The `lang` an element put on its content (null: none). */
    const contentLang = (el: Element) => el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang');
    const says = (el: Element, words: string) => () => textOf(el).includes(words);

    it('renders the elements under a provider, and a standalone element, in the user\'s language', async () => {
      const token = await filipinoUser();
      const wrapper = await fixture(html`<div>
        <mentorship-provider api="/" .token=${token}><notification-list></notification-list><mentor-search></mentor-search></mentorship-provider>
        <mentor-search id="alone" api="/" .token=${token}></mentor-search>
      </div>`);
      const bell = wrapper.querySelector('notification-list')!;
      const [search, alone] = [...wrapper.querySelectorAll('mentor-search')];
      await waitUntil(says(bell, 'Mga abiso'), 'notification list in Filipino', { timeout: 10_000 });
      await waitUntil(says(search!, 'Maghanap ng mentor'), 'search under the provider in Filipino', { timeout: 10_000 });
      await waitUntil(says(alone!, 'Maghanap ng mentor'), 'standalone search in Filipino', { timeout: 10_000 });
      // Nothing around them says so, so the elements say it themselves, for assistive technology.
      for (const el of [bell, search!, alone!]) expect(contentLang(el), el.localName).to.equal('fil');
      await expect(bell).to.be.accessible();
      await expect(search).to.be.accessible();
    });

    it('an explicit lang, on the page or on the element, wins over the user\'s language', async () => {
      const token = await filipinoUser();
      document.documentElement.setAttribute('lang', 'en');
      const provider = await fixture(html`<mentorship-provider api="/" .token=${token}>
        <notification-list></notification-list><mentor-search lang="en"></mentor-search></mentorship-provider>`);
      const bell = provider.querySelector('notification-list')!;
      const search = provider.querySelector('mentor-search')!;
      await waitUntil(says(bell, 'Notifications'), 'notification list in English', { timeout: 10_000 });
      expect(textOf(search)).to.contain('Search mentors');
      expect(contentLang(bell), 'the page declares it').to.equal(null);
      expect(contentLang(search), 'the element declares it').to.equal(null);
      await expect(bell).to.be.accessible();

      // Without the page's lang the user's language applies, except where the element says "en".
      document.documentElement.removeAttribute('lang');
      await waitUntil(says(bell, 'Mga abiso'), 'notification list in Filipino once the page declares nothing', { timeout: 10_000 });
      expect(contentLang(bell)).to.equal('fil');
      expect(textOf(search)).to.contain('Search mentors');
      expect(textOf(search)).not.to.contain('Maghanap ng mentor');
      await expect(search).to.be.accessible();
    });

    it('switches without a reload when the user changes their language in the email settings', async () => {
      const token = await filipinoUser();
      const provider = await fixture(html`<mentorship-provider api="/" .token=${token}>
        <notification-list></notification-list><mentee-dashboard></mentee-dashboard></mentorship-provider>`);
      const bell = provider.querySelector('notification-list')!;
      const dashboard = provider.querySelector('mentee-dashboard')!;
      const select = () => dashboard.shadowRoot!.querySelector<HTMLSelectElement>('#notification-preferences-language');
      await waitUntil(() => select() !== null && says(dashboard, 'Wala ka pang mentor')(), 'Filipino dashboard with email settings', { timeout: 10_000 });
      expect(select()!.value).to.equal('fil');

      select()!.value = 'en';
      select()!.dispatchEvent(new Event('change'));
      expect(contentLang(dashboard)).to.equal('fil');
      await waitUntil(says(dashboard, 'You have no mentors yet'), 'dashboard in English after choosing English', { timeout: 10_000 });
      expect(contentLang(dashboard)).to.equal('en');
      expect(textOf(dashboard)).to.contain('Email notifications');
      await waitUntil(says(bell, 'Notifications'), 'the other element follows too', { timeout: 10_000 });
      await expect(dashboard).to.be.accessible();
    });
  });
});
