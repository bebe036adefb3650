import { expect, waitUntil } from '@open-wc/testing';
import type { DemoPersona } from '@mentorkit/contract/values';
import './define/mentorship-provider.js';
import './define/mentor-search.js';
import './define/mentee-dashboard.js';
import './define/mentor-dashboard.js';
import './define/mentorship-workspace.js';
import './define/message-thread.js';
import './define/mentorship-admin.js';
import { captureConsoleErrors } from './test-support/console-errors.js';
import { devToken } from './test-support/api-fixture.js';
import { createClient } from '@mentorkit/sdk';

/**
 * The demo portal as a person sees it: its own page (examples/portal/index.html) and script
 * (portal.js), with the elements from source instead of the built bundle. For every persona and
 * every panel the browser console stays empty (no `console.error`, no uncaught error, and no
 * request answered with an error status) and axe finds nothing, at any impact.
 */
describe('demo portal', () => {
  const problems: string[] = [];
  let inFlight = 0;
  let lastActivity = 0;
  const realFetch = window.fetch;
  let consoleErrors: ReturnType<typeof captureConsoleErrors>;
  const onError = (e: ErrorEvent) => void problems.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => void problems.push(`unhandled rejection: ${String(e.reason)}`);

  before(async () => {
    // Every request of the page (the portal's sign-in, every element's client) goes through here.
    window.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      inFlight++;
      lastActivity = performance.now();
      try {
        const response = await realFetch(input, init);
        if (response.status >= 400) problems.push(`${response.status} ${method} ${url.pathname}`);
        return response;
      } catch (error) {
        if ((error as Error).name !== 'AbortError') problems.push(`failed ${method} ${url.pathname}: ${String(error)}`);
        throw error;
      } finally {
        inFlight--;
        lastActivity = performance.now();
      }
    };
    consoleErrors = captureConsoleErrors();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);

    localStorage.setItem('mentorkit-demo-persona', 'mentee');
    localStorage.setItem('mentorkit-demo-language', 'en');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    const page = await (await realFetch(new URL('../../../examples/portal/index.html', import.meta.url))).text();
    const body = new DOMParser().parseFromString(page, 'text/html').body;
    const root = document.createElement('div');
    root.id = 'demo-portal';
    root.append(...[...body.childNodes].map((n) => document.importNode(n, true)));
    document.body.append(root);
    const script = new URL('../../../examples/portal/portal.js', import.meta.url).href;
    await import(/* @vite-ignore */ script);
  });

  after(() => {
    window.fetch = realFetch;
    consoleErrors.restore();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    document.getElementById('demo-portal')?.remove();
    localStorage.removeItem('mentorkit-demo-persona');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  /** Until nothing has been asked for a while: every element has loaded what it shows. */
  const quiet = () =>
    waitUntil(() => inFlight === 0 && performance.now() - lastActivity > 600, 'the page kept loading', { timeout: 12000, interval: 100 });

  const select = (id: string) => document.getElementById(id) as HTMLSelectElement;
  const visibleTabs = () =>
    [...document.querySelectorAll<HTMLAnchorElement>('.subnav a[data-panel]')].filter((a) => !a.parentElement!.hidden);
  const shownPanels = () => [...document.querySelectorAll<HTMLElement>('#demo-portal section.panel')].filter((s) => !s.hidden).map((s) => s.id);

  async function viewAs(persona: DemoPersona): Promise<void> {
    const personas = select('persona');
    if (personas.value !== persona) {
      personas.value = persona;
      personas.dispatchEvent(new Event('change'));
    }
    // The role-dependent tabs appear once the portal knows who this is.
    await waitUntil(() => visibleTabs().length >= 4, `the tabs for ${persona} did not appear`, { timeout: 8000 });
    await quiet();
  }

  async function visitEveryPanel(): Promise<string[]> {
    const visited: string[] = [];
    for (const tab of visibleTabs()) {
      tab.click();
      await waitUntil(() => shownPanels().join() === tab.dataset.panel, `${tab.dataset.panel} was not shown`);
      await quiet();
      // The page as a whole, shadow roots included: the elements' headings sit in the portal's
      // outline (heading-order), and nothing fails at any impact.
      await expect(document.getElementById('demo-portal')).to.be.accessible();
      visited.push(tab.textContent!.trim());
    }
    return visited;
  }

  const tabsFor: Record<DemoPersona, string[]> = {
    mentee: ['Find a mentor', 'My mentoring', 'Become a mentor', 'Data Careers 2027'],
    mentee2: ['Find a mentor', 'My mentoring', 'Become a mentor', 'Data Careers 2027'],
    mentor: ['Find a mentor', 'My mentoring', 'Mentor dashboard', 'Data Careers 2027'],
    mentor2: ['Find a mentor', 'My mentoring', 'Mentor dashboard', 'Data Careers 2027'],
    admin: ['Find a mentor', 'My mentoring', 'Data Careers 2027', 'Programme admin'],
  };

  for (const persona of Object.keys(tabsFor) as DemoPersona[]) {
    it(`shows ${persona} the tabs of their roles, and every panel loads without an error`, async () => {
      problems.length = 0;
      consoleErrors.logged.length = 0;
      await viewAs(persona);
      expect(await visitEveryPanel()).to.deep.equal(tabsFor[persona]);
      expect([...problems, ...consoleErrors.logged.map((args) => `console.error: ${args.map(String).join(' ')}`)], `${persona} (at ${location.hash}): console and network`).to.deep.equal([]);
    });
  }

  it('reads the panel from the first bare token, beside the elements’ key=value pairs', async () => {
    await viewAs('mentee');
    problems.length = 0;
    location.hash = '#my-mentoring&unrelated=1&tab=plan';
    await waitUntil(() => shownPanels().join() === 'my-mentoring', 'the token did not pick the panel');
    location.hash = '#q=data&find';
    await waitUntil(() => shownPanels().join() === 'find', 'a token after the pairs did not pick the panel');
    location.hash = '#admin';
    await waitUntil(() => shownPanels().join() === 'find', 'a tab the viewer does not have fell back to search');
    // The personas start without mentors of their own; the mentors have mentees.
    await viewAs('mentor');
    const client = createClient({ baseUrl: '/', token: await devToken('mentor') });
    const [mentorship] = (await client.mentorships.list({ role: 'mentor', limit: 1 })).items;
    expect(mentorship, 'the demo mentor has a mentee').to.exist;
    location.hash = `#mentorship=${mentorship!.id}`;
    await waitUntil(() => shownPanels().join() === 'mentor-dashboard', 'a link to a mentorship did not open the dashboard that holds it');
    await quiet();
    const dashboard = document.querySelector('mentor-dashboard')!;
    await waitUntil(() => dashboard.shadowRoot!.querySelector('mentorship-workspace'), 'the link did not open the workspace');
    await quiet();
    await expect(document.getElementById('demo-portal'), 'the workspace in the page').to.be.accessible();
    expect(problems).to.deep.equal([]);
    location.hash = '#find';
    await quiet();
  });
});
