// The demo portal's own script: the persona switcher (demo tokens) and the mentoring sub-navigation.
// A real portal would hand its own short-lived JWT to `getToken` instead of a demo persona's.

const PERSONA_KEY = 'mentorkit-demo-persona';
/** Fetch a new token this long before the old one expires. */
const EXPIRY_MARGIN_MS = 60_000;

const provider = document.querySelector('mentorship-provider');
const personaSelect = document.getElementById('persona');
const personaStatus = document.getElementById('persona-status');
const accountName = document.getElementById('account-name');

async function fetchDemoToken(persona) {
  const res = await fetch(new URL('api/v1/dev/token', new URL(provider.getAttribute('api'), location.href)), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (!res.ok) throw new Error(`The demo sign-in answered ${res.status}`);
  return res.json();
}

/** A `getToken` for one persona: cached until shortly before expiry, renewed after a 401. */
function tokenSourceFor(persona) {
  let current;
  return async ({ forceRefresh }) => {
    if (forceRefresh || !current || Date.parse(current.expiresAt) - Date.now() < EXPIRY_MARGIN_MS) {
      try {
        current = await fetchDemoToken(persona);
        accountName.textContent = current.name;
        personaStatus.textContent = '';
      } catch {
        personaStatus.textContent = 'Demo sign-in is unavailable (is the server running with MENTORSHIP_DEMO=1?)';
        return undefined;
      }
    }
    return current.token;
  };
}

function usePersona(persona) {
  personaSelect.value = persona;
  accountName.textContent = personaSelect.selectedOptions[0].textContent.replace(/\s*\(.*\)$/, '');
  // A new function makes the provider build a new client, so every element reloads as this person.
  provider.getToken = tokenSourceFor(persona);
  void learnRoles();
}

function remembered() {
  const saved = localStorage.getItem(PERSONA_KEY);
  return [...personaSelect.options].some((o) => o.value === saved) ? saved : 'mentee';
}

personaSelect.addEventListener('change', () => {
  localStorage.setItem(PERSONA_KEY, personaSelect.value);
  usePersona(personaSelect.value);
});

// Language: the elements follow the page's <html lang> (unless a nearer `lang` says otherwise).
const LANGUAGE_KEY = 'mentorkit-demo-language';
const languageSelect = document.getElementById('language');
function useLanguage(lang) {
  languageSelect.value = lang;
  document.documentElement.lang = lang;
}
languageSelect.addEventListener('change', () => {
  localStorage.setItem(LANGUAGE_KEY, languageSelect.value);
  useLanguage(languageSelect.value);
});
useLanguage(localStorage.getItem(LANGUAGE_KEY) === 'fil' ? 'fil' : 'en');

// Mail about a programme links here with `?programme=<slug>`: the search then keeps to its mentors.
const linkedProgramme = new URLSearchParams(location.search).get('programme');
if (linkedProgramme) document.querySelector('#find mentor-search').setAttribute('programme', linkedProgramme);

// Sub-navigation: a tab shows once its element is defined and the viewer's roles allow it; the
// hash picks the panel.
const tabs = [...document.querySelectorAll('.subnav a[data-panel]')];
const defined = new Set();

/**
 * The viewer's roles (`GET /me` through the provider's client), undefined while unknown. A real
 * portal knows its user's roles itself; the demo asks Mentorkit, once per persona.
 */
let roles;

/** Which tabs a viewer has: everyone searches and has "My mentoring"; anyone who is not only an
 * administrator may apply to mentor (the tab then reads "Become a mentor"); administrators run the
 * programme. */
function allowed(panel) {
  if (panel === 'find' || panel === 'my-mentoring' || panel === 'data-careers') return true;
  if (!roles) return false;
  if (panel === 'mentor-dashboard') return roles.includes('mentor') || !roles.includes('admin');
  if (panel === 'admin') return roles.includes('admin');
  return false;
}

async function learnRoles() {
  roles = undefined;
  showTabs();
  await customElements.whenDefined('mentorship-provider');
  await provider.updateComplete;
  const client = provider.client;
  let answer = [];
  try {
    answer = (await client.me.get()).roles;
  } catch {
    // Signed out or offline: only the tabs everyone has.
  }
  if (provider.client !== client) return;
  roles = answer;
  showTabs();
}

function showTabs() {
  for (const tab of tabs) {
    const tag = tab.dataset.requires;
    tab.parentElement.hidden = (tag !== undefined && !defined.has(tag)) || !allowed(tab.dataset.panel);
    if (tab.dataset.panel === 'mentor-dashboard') {
      const applicant = roles && !roles.includes('mentor');
      tab.textContent = applicant ? 'Become a mentor' : 'Mentor dashboard';
      // The element's own section is the "Become a mentor" region: the panel around it needs another name.
      document.getElementById('mentor-dashboard').setAttribute('aria-label', applicant ? 'Mentor application' : 'Mentor dashboard');
    }
  }
  showPanel();
}

for (const tab of tabs) {
  const tag = tab.dataset.requires;
  if (tag) customElements.whenDefined(tag).then(() => { defined.add(tag); showTabs(); });
}

/**
 * The panel the hash names: its first bare token. The elements keep their own state in the same
 * hash as `key=value` pairs (`#my-mentoring&mentorship=…&tab=plan`, `#find&q=data`); a link to a
 * mentorship without a panel token opens the dashboard that holds it.
 */
function wantedPanel() {
  const parts = location.hash.slice(1).split('&').filter(Boolean);
  const token = parts.find((p) => !p.includes('='));
  if (token) return decodeURIComponent(token);
  if (parts.some((p) => p.startsWith('mentorship='))) return roles?.includes('mentor') ? 'mentor-dashboard' : 'my-mentoring';
  return 'find';
}

function showPanel() {
  const wanted = wantedPanel();
  const available = tabs.filter((t) => !t.parentElement.hidden).map((t) => t.dataset.panel);
  const current = available.includes(wanted) ? wanted : 'find';
  for (const tab of tabs) {
    const active = tab.dataset.panel === current;
    document.getElementById(tab.dataset.panel).hidden = !active;
    if (active) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

// Links change the hash (hashchange); Back and Forward through the elements' own entries (popstate).
window.addEventListener('hashchange', showPanel);
window.addEventListener('popstate', showPanel);
showTabs();
usePersona(remembered());
