import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import '../define/mentorship-provider.js';
import type { MentorshipProvider } from '../components/mentorship-provider/mentorship-provider.component.js';
import { MentorkitElement } from '../internal/mentorkit-element.js';
import { sharedStyles } from './shared.styles.js';
import { tokenStyles } from './tokens.styles.js';

/**
 * The documented theming contract (packages/elements/THEMING.md): every token in its "System
 * tokens" and "Shared component tokens" tables must have a probe here, and setting the token on
 * the host must change the computed style of what it drives. The probe element draws the
 * shared controls exactly as the real elements do (same two style sheets, same classes), so
 * it needs no server; each element's *.styles.test.ts checks its own tokens in place.
 */
class ThemeProbe extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles];
  override render(): TemplateResult {
    return html`<div part="base">
      <article part="card" class="card">
        <p class="muted">Secondary</p>
        <span part="chip" class="chip">SQL</span>
        <span part="badge" class="badge badge--available">Available</span>
        <span part="badge" class="badge badge--limited">Limited</span>
        <button part="button" class="button" type="button">View profile</button>
        <button part="button primary" class="button button--primary" type="button">Request mentorship</button>
        <button part="button danger" class="button button--danger" type="button">Reject</button>
        <label for="field">Field</label><input id="field" />
        <label for="area">Area</label><textarea id="area"></textarea>
        <a href="#x">A link</a>
        <p class="field-error">Error</p>
      </article>
    </div>`;
  }
}
customElements.define('theme-probe', ThemeProbe);

type Probe = [selector: string, property: keyof CSSStyleDeclaration, value: string, expected?: string];
const probes: Record<string, Probe> = {
  '--mentorship-color-accent': ['.button--primary', 'backgroundColor', 'rgb(1, 2, 3)'],
  '--mentorship-color-on-accent': ['.button--primary', 'color', 'rgb(1, 2, 4)'],
  '--mentorship-color-background': [':host', 'backgroundColor', 'rgb(1, 2, 5)'],
  '--mentorship-color-surface': ['.card', 'backgroundColor', 'rgb(1, 2, 6)'],
  '--mentorship-color-text': ['.card', 'color', 'rgb(1, 2, 7)'],
  '--mentorship-color-muted': ['.muted', 'color', 'rgb(1, 2, 8)'],
  '--mentorship-color-border': ['.card', 'borderTopColor', 'rgb(1, 2, 9)'],
  '--mentorship-color-danger': ['.field-error', 'color', 'rgb(1, 2, 10)'],
  '--mentorship-color-success': ['.badge--available', 'borderTopColor', 'rgb(1, 2, 11)'],
  '--mentorship-color-warning': ['.badge--limited', 'borderTopColor', 'rgb(1, 2, 12)'],
  '--mentorship-color-focus': ['#field', 'outlineColor', 'rgb(1, 2, 13)'],
  '--mentorship-radius': ['#field', 'borderTopLeftRadius', '3px'],
  // The card's padding is 2.5 spacing units.
  '--mentorship-space': ['.card', 'paddingTop', '4px', '10px'],
  '--mentorship-font': ['.card', 'fontFamily', 'Georgia'],
  '--mentorship-button-background': ['.button:not(.button--primary):not(.button--danger)', 'backgroundColor', 'rgb(2, 1, 1)'],
  '--mentorship-button-color': ['.button:not(.button--primary):not(.button--danger)', 'color', 'rgb(2, 1, 2)'],
  '--mentorship-button-border-color': ['.button:not(.button--primary):not(.button--danger)', 'borderTopColor', 'rgb(2, 1, 3)'],
  '--mentorship-button-radius': ['.button', 'borderTopLeftRadius', '2px'],
  '--mentorship-button-primary-background': ['.button--primary', 'backgroundColor', 'rgb(2, 1, 4)'],
  '--mentorship-button-primary-color': ['.button--primary', 'color', 'rgb(2, 1, 5)'],
  '--mentorship-button-danger-background': ['.button--danger', 'backgroundColor', 'rgb(2, 1, 6)'],
  '--mentorship-button-danger-color': ['.button--danger', 'color', 'rgb(2, 1, 7)'],
  '--mentorship-card-background': ['.card', 'backgroundColor', 'rgb(2, 1, 8)'],
  '--mentorship-card-border-color': ['.card', 'borderTopColor', 'rgb(2, 1, 9)'],
  '--mentorship-card-radius': ['.card', 'borderTopLeftRadius', '5px'],
  '--mentorship-card-padding': ['.card', 'paddingTop', '7px'],
  '--mentorship-chip-background': ['.chip', 'backgroundColor', 'rgb(2, 1, 10)'],
  '--mentorship-chip-border-color': ['.chip', 'borderTopColor', 'rgb(2, 1, 11)'],
  '--mentorship-field-border-color': ['#area', 'borderTopColor', 'rgb(2, 1, 12)'],
};

/** The tokens in THEMING.md's two token tables (the dev server serves the file as it is). */
async function documentedTokens(): Promise<string[]> {
  const doc = await (await fetch('/packages/elements/THEMING.md')).text();
  const tables = doc.slice(doc.indexOf('## System tokens'), doc.indexOf('## Element tokens'));
  return [...tables.matchAll(/^\| `(--mentorship-[a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
}

const style = (e: Element) => getComputedStyle(e);

describe('theming contract', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  async function probe(theme?: 'light' | 'dark') {
    const wrapper = await fixture(
      theme ? testHtml`<div><theme-probe theme=${theme}></theme-probe></div>` : testHtml`<div><theme-probe></theme-probe></div>`,
    );
    const el = wrapper.querySelector<ThemeProbe>('theme-probe')!;
    await el.updateComplete;
    return { page: wrapper as HTMLElement, el, at: (selector: string) => (selector === ':host' ? el : el.shadowRoot!.querySelector(selector)!) };
  }

  it('has a probe for every documented system and shared token, and nothing undocumented', async () => {
    const documented = await documentedTokens();
    expect(documented.length).to.be.greaterThan(25);
    expect([...documented].sort()).to.deep.equal(Object.keys(probes).sort());
  });

  it('applies every documented token set on the page above the element', async () => {
    const { page, el, at } = await probe();
    (at('#field') as HTMLElement).focus();
    for (const [token, [selector, property, value, expected]] of Object.entries(probes)) {
      const before = String(style(at(selector))[property]);
      page.style.setProperty(token, value);
      const after = String(style(at(selector))[property]);
      page.style.removeProperty(token);
      expect(after, `${token} → ${selector} ${String(property)}`).to.contain(expected ?? value);
      expect(after, `${token} changes what it drives`).to.not.equal(before);
    }
    expect(el.shadowRoot!.activeElement?.id).to.equal('field');
  });

  it('applies a token set on the element itself, and the element wins over the page', async () => {
    const { page, el, at } = await probe();
    page.style.setProperty('--mentorship-color-accent', 'rgb(9, 9, 1)');
    el.style.setProperty('--mentorship-color-accent', 'rgb(9, 9, 2)');
    expect(style(at('.button--primary')).backgroundColor).to.equal('rgb(9, 9, 2)');
  });

  it('switches to the dark defaults with theme="dark", painting its own backdrop', async () => {
    const { el, at } = await probe('dark');
    expect(style(at('.card')).backgroundColor).to.equal('rgb(28, 31, 36)');
    expect(style(at('.card')).color).to.equal('rgb(230, 233, 238)');
    expect(style(el).backgroundColor).to.equal('rgb(18, 20, 24)');
    expect(style(el).colorScheme).to.equal('dark');
    expect(style(at('.button--primary')).backgroundColor).to.equal('rgb(140, 180, 255)');
  });

  it('follows prefers-color-scheme without a theme, and theme="light" wins over the OS', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await probe();
    expect(style(auto.at('.card')).backgroundColor).to.equal('rgb(28, 31, 36)');
    const forced = await probe('light');
    expect(style(forced.at('.card')).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style(forced.el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style(forced.el).colorScheme).to.equal('light');
  });

  it('follows the provider\'s theme, its own theme winning, and follows a change', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const wrapper = await fixture(testHtml`<mentorship-provider theme="dark">
      <theme-probe id="inherits"></theme-probe><theme-probe id="own" theme="light"></theme-probe></mentorship-provider>`);
    const provider = wrapper as MentorshipProvider;
    const [inherits, own] = ['inherits', 'own'].map((id) => provider.querySelector<ThemeProbe>(`#${id}`)!);
    const card = (el: ThemeProbe) => style(el.shadowRoot!.querySelector('.card')!).backgroundColor;
    await Promise.all([inherits!.updateComplete, own!.updateComplete]);
    expect(card(inherits!)).to.equal('rgb(28, 31, 36)');
    expect(card(own!)).to.equal('rgb(255, 255, 255)');

    provider.theme = 'light';
    await provider.updateComplete;
    await inherits!.updateComplete;
    expect(card(inherits!)).to.equal('rgb(255, 255, 255)');
    provider.theme = undefined;
    await emulateMedia({ colorScheme: 'dark' });
    await provider.updateComplete;
    await inherits!.updateComplete;
    expect(card(inherits!), 'no theme anywhere: the OS decides').to.equal('rgb(28, 31, 36)');
  });

  it('keeps a token the page sets in dark mode too', async () => {
    const { page, at } = await probe('dark');
    page.style.setProperty('--mentorship-color-surface', 'rgb(40, 0, 40)');
    expect(style(at('.card')).backgroundColor).to.equal('rgb(40, 0, 40)');
  });

  it('is accessible in both schemes', async () => {
    const light = await probe('light');
    await expect(light.el).to.be.accessible();
    const dark = await probe('dark');
    await expect(dark.el).to.be.accessible();
  });
});
