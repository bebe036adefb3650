/**
 * The browser bundle's entry (`mentorkit.js`, `@mentorkit/elements/bundle.js`): a page loads only
 * the elements it shows. `<mentorship-provider>` is defined at once (it is small, and the elements
 * under it need it before they upgrade); every other element's code is fetched, as a chunk beside
 * this file, the first time its tag is found in the document — at start, and whenever elements are
 * added later. `index.js`, which defines everything up front, stays the entry for bundlers.
 */
import './define/mentorship-provider.js';
import { Autoloader } from './internal/autoloader.js';

const autoloader = new Autoloader({
  'mentor-search': () => import('./define/mentor-search.js'),
  'mentee-dashboard': () => import('./define/mentee-dashboard.js'),
  'mentor-dashboard': () => import('./define/mentor-dashboard.js'),
  'mentorship-workspace': () => import('./define/mentorship-workspace.js'),
  'message-thread': () => import('./define/message-thread.js'),
  'notification-list': () => import('./define/notification-list.js'),
  'mentorship-admin': () => import('./define/mentorship-admin.js'),
});

/**
 * Loads the elements used in `root`. The document is scanned and watched already, but the watcher
 * does not see into shadow roots: if your own component renders Mentorkit tags into its shadow
 * root, call `discover(this.shadowRoot)` after a render that may add one. A tag whose code failed
 * to load (logged with `console.error`) is tried again by the next discovery.
 */
export function discover(root: ParentNode = document): void {
  autoloader.discover(root);
}

autoloader.observe(document);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => discover(document), { once: true });
else discover(document);
