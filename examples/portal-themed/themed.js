// Harbourview's colour-mode switch. The page's own palette follows `data-theme` on <html>
// (themed.css); the Mentorkit elements follow their provider's `theme`. Without a saved choice
// both follow the visitor's system setting.

const KEY = 'harbourview-colour-mode';
const button = document.getElementById('colour-mode');
const system = matchMedia('(prefers-color-scheme: dark)');

function apply(mode) {
  document.documentElement.dataset.theme = mode;
  document.querySelector('mentorship-provider').setAttribute('theme', mode);
  button.setAttribute('aria-pressed', String(mode === 'dark'));
}

const saved = localStorage.getItem(KEY);
apply(saved === 'dark' || saved === 'light' ? saved : system.matches ? 'dark' : 'light');

button.addEventListener('click', () => {
  const mode = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem(KEY, mode);
  apply(mode);
});
system.addEventListener('change', (e) => {
  if (!localStorage.getItem(KEY)) apply(e.matches ? 'dark' : 'light');
});
