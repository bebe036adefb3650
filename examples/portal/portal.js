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
}

function remembered() {
  const saved = localStorage.getItem(PERSONA_KEY);
  return [...personaSelect.options].some((o) => o.value === saved) ? saved : 'mentee';
}

personaSelect.addEventListener('change', () => {
  localStorage.setItem(PERSONA_KEY, personaSelect.value);
  usePersona(personaSelect.value);
});
usePersona(remembered());

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

// Sub-navigation: a tab shows once its element is defined; the hash picks the panel.
const tabs = [...document.querySelectorAll('.subnav a[data-panel]')];

for (const tab of tabs) {
  const tag = tab.dataset.requires;
  if (tag) customElements.whenDefined(tag).then(() => { tab.parentElement.hidden = false; showPanel(); });
}

function showPanel() {
  const wanted = location.hash.slice(1);
  const available = tabs.filter((t) => !t.parentElement.hidden).map((t) => t.dataset.panel);
  const current = available.includes(wanted) ? wanted : 'find';
  for (const tab of tabs) {
    const active = tab.dataset.panel === current;
    document.getElementById(tab.dataset.panel).hidden = !active;
    if (active) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

window.addEventListener('hashchange', showPanel);
showPanel();
